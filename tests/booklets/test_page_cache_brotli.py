"""Static files travel Brotli-compressed to browsers that accept it: collectstatic with
production's storage writes a `.br` beside each text file (the `brotli` package), and
WhiteNoise serves it."""

import pytest
from django.core.management import call_command
from django.test import Client

from config.settings.base import SITE_DIR

pytestmark = pytest.mark.django_db


@pytest.fixture
def collected(settings, tmp_path):
    """Our own static files collected as in production (not the admin's: quicker)."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATICFILES_DIRS = [SITE_DIR / "static"]
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings.STATIC_ROOT


def test_collectstatic_writes_brotli_files(collected):
    assert list(collected.glob("css/claves.*.css.br"))


def test_a_static_file_is_served_with_brotli_where_accepted(collected):
    from django.templatetags.static import static

    url = static("css/claves.css")
    answer = Client().get(url, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert answer.status_code == 200
    assert answer["Content-Encoding"] == "br"
    plain = Client().get(url)
    assert not plain.has_header("Content-Encoding")
    assert int(answer["Content-Length"]) < int(plain["Content-Length"]) / 3
