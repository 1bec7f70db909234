import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from booklets.services import site_structure_ensure

# Without the demo app (CLAVES_WITHOUT_DEMO=1 in the test settings) its tests are not run.
collect_ignore = [] if "demo" in settings.INSTALLED_APPS else ["demo"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a rolled-back database must not meet
    cached site roots or pages from the test before."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _spanish_after_each_test():
    """A request to an /en/ page leaves English active in the thread after it: each
    test starts in the site's default language, whatever the test before it asked."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def homes(db):
    """The Spanish and English home pages, whatever an earlier test did to the tables."""
    return site_structure_ensure()


# The activity origin's host in the test settings (H5P_ORIGIN).
ACTIVITY_HOST = "activities.testserver"


@pytest.fixture
def activity(homes, settings, tmp_path):
    """A live one-question activity in Spanish, its package stored in a media folder of
    this test's own."""
    from wagtail.models import Locale

    from curriculum.services import activity_from_package
    from demo.h5p import question_package

    settings.MEDIA_ROOT = tmp_path / "media"
    return activity_from_package(
        title="Pregunta",
        data=question_package(title="Q", question="¿?", answers=[("Sí", True), ("No", False)]),
        locale=Locale.objects.get(language_code="es"),
    )


@pytest.fixture
def activity_client():
    """A browser on the activity origin."""
    from django.test import Client

    return Client(HTTP_HOST=ACTIVITY_HOST)
