"""Uploaded H5P packages: a good one is checked and stored once; every hostile archive
is refused with a clear message and nothing is written."""

import io
import json
import zipfile

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.users.models import UserProfile

from accounts.roles import MODERATORS
from curriculum.h5p import PackageRefused, package_check, package_store
from curriculum.models import H5PActivity
from demo.h5p import LIBRARY_DIR, question_package
from tests.factories import UserFactory, editor, sign_in, superuser

GOOD = question_package(
    title="¿Qué es el trauma psicosocial?",
    question="¿Dónde está la herida del trauma psicosocial?",
    answers=[("Solo en una persona", False), ("En las relaciones de una sociedad", True)],
)


def rezip(
    files: dict[str, bytes], *, symlink: str | None = None, compression=zipfile.ZIP_DEFLATED
) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = compression
            if name == symlink:
                info.external_attr = 0o120777 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def good_files() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(GOOD)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def hostile_corpus() -> dict[str, tuple[bytes, str]]:
    """name -> (bytes, a phrase the refusal must contain)."""
    files = good_files()
    many = dict(files)
    for n in range(10_000):
        many[f"{LIBRARY_DIR}/filler-{n}.txt"] = b"x"
    return {
        "not a zip": (b"this is not a zip file at all", "not a readable zip"),
        "corrupt zip": (GOOD[: len(GOOD) // 2], "not a readable zip"),
        "zip slip": (rezip({**files, "../../evil.js": b"alert(1)"}), "unsafe path"),
        "absolute path": (rezip({**files, "/etc/evil.js": b"x"}), "unsafe path"),
        "windows path": (rezip({**files, "content\\..\\evil.js": b"x"}), "unsafe path"),
        "empty segment": (rezip({**files, "content//evil.js": b"x"}), "unsafe path"),
        "dot segment": (rezip({**files, "content/./evil.js": b"x"}), "unsafe path"),
        "symlink": (
            rezip({**files, "content/link.txt": b"/etc/passwd"}, symlink="content/link.txt"),
            "link",
        ),
        "html file": (
            rezip({**files, "content/page.html": b"<script>alert(1)</script>"}),
            "content/page.html",
        ),
        "executable": (rezip({**files, "content/run.exe": b"MZ"}), "content/run.exe"),
        "bomb": (rezip({**files, "content/huge.txt": b"0" * (30 * 1024 * 1024)}), "too large"),
        "compression ratio": (
            rezip({**files, "content/dense.txt": b"0" * (2 * 1024 * 1024)}),
            "compressed far more",
        ),
        "ten thousand files": (rezip(many), "too many files"),
        "no h5p.json": (rezip({k: v for k, v in files.items() if k != "h5p.json"}), "h5p.json"),
        "no main library": (
            rezip(
                {
                    **files,
                    "h5p.json": json.dumps(
                        {**json.loads(files["h5p.json"]), "mainLibrary": "H5P.Missing"}
                    ).encode(),
                }
            ),
            "H5P.Missing",
        ),
        "no content": (
            rezip({k: v for k, v in files.items() if k != "content/content.json"}),
            "no content",
        ),
    }


CORPUS = hostile_corpus()


def stored_files() -> list[str]:
    try:
        folders, _files = default_storage.listdir("h5p")
    except FileNotFoundError:
        return []
    return folders


@pytest.fixture(autouse=True)
def clean_storage(settings, tmp_path):
    """Media goes to a fresh temporary folder: a test can see exactly what was written.
    Messages are checked in English here (the Spanish ones are in the catalogue test)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
    with translation.override("en"):
        yield


def test_a_good_package_is_checked_and_stored_once():
    checked = package_check(GOOD)
    assert checked.main_library == "H5P.ClavesQuestion"
    folder = package_store(checked)
    assert folder == f"h5p/{checked.digest}"
    assert default_storage.exists(f"{folder}/h5p.json")
    assert default_storage.exists(f"{folder}/{LIBRARY_DIR}/question.js")
    package_store(package_check(GOOD))
    assert stored_files() == [checked.digest]


@pytest.mark.parametrize("case", sorted(CORPUS))
def test_every_hostile_archive_is_refused_with_a_clear_message(case):
    data, phrase = CORPUS[case]
    with pytest.raises(PackageRefused) as refusal:
        package_check(data)
    assert phrase.lower() in refusal.value.message.lower()
    assert stored_files() == []


@pytest.mark.django_db
@pytest.mark.parametrize("case", sorted(CORPUS))
def test_the_admin_upload_form_refuses_every_hostile_archive(client, homes, case):
    data, phrase = CORPUS[case]
    admin = superuser()
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "en"
    profile.save()
    sign_in(client, admin)
    response = client.post(
        reverse("wagtailsnippets_curriculum_h5pactivity:add") + "?locale=es",
        {"title": "Actividad", "package": SimpleUploadedFile("actividad.h5p", data)},
    )
    assert response.status_code == 200
    assert phrase.lower() in response.content.decode().lower()
    assert not H5PActivity.objects.exists()
    assert stored_files() == []


@pytest.mark.django_db
def test_an_editor_uploads_a_good_package_in_the_admin_and_a_moderator_publishes_it(client, homes):
    sign_in(client, editor())
    response = client.post(
        reverse("wagtailsnippets_curriculum_h5pactivity:add") + "?locale=es",
        {"title": "Trauma psicosocial", "package": SimpleUploadedFile("a.h5p", GOOD)},
    )
    assert response.status_code == 302
    activity = H5PActivity.objects.get()
    assert activity.main_library == "H5P.ClavesQuestion"
    assert default_storage.exists(f"{activity.folder}/h5p.json")
    assert not activity.live  # a draft, until a moderator publishes it

    sign_in(client, UserFactory(groups=[MODERATORS], mfa=True))
    response = client.post(
        reverse("wagtailsnippets_curriculum_h5pactivity:edit", args=[activity.pk]),
        {"title": "Trauma psicosocial", "action-publish": "1"},
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.live and activity.package_digest == package_check(GOOD).digest


def mutations():
    def flip(data: bytes, position: int, value: int) -> bytes:
        position %= len(data)
        return data[:position] + bytes([value]) + data[position + 1 :]

    return st.one_of(
        st.binary(max_size=4096),
        st.builds(flip, st.just(GOOD), st.integers(0, len(GOOD)), st.integers(0, 255)),
        st.builds(lambda cut: GOOD[:cut], st.integers(0, len(GOOD))),
        st.dictionaries(st.text(min_size=1, max_size=30), st.binary(max_size=64), max_size=6).map(
            lambda files: rezip({**good_files(), **files})
        ),
    )


def test_what_real_packages_carry_is_accepted():
    """Real H5P packages carry SVG icons, webfonts and patches, which H5P allows."""
    files = {
        **good_files(),
        f"{LIBRARY_DIR}/icon.svg": b'<svg xmlns="http://www.w3.org/2000/svg"/>',
        f"{LIBRARY_DIR}/fonts/h5p.woff2": b"wOF2fake",
        f"{LIBRARY_DIR}/fonts/h5p.ttf": b"fake",
        f"{LIBRARY_DIR}/upgrade.diff": b"--- a\n+++ b\n",
        f"{LIBRARY_DIR}/README.md": b"# Notes",
        f"{LIBRARY_DIR}/old/player.swf": b"FWS",
    }
    checked = package_check(rezip(files))
    assert f"{LIBRARY_DIR}/icon.svg" in checked.files
    assert f"{LIBRARY_DIR}/upgrade.diff" in checked.files


def test_the_refusal_names_every_offending_file_and_says_what_to_do():
    files = {
        **good_files(),
        "content/page.html": b"<p>",
        "content/other.htm": b"<p>",
        "content/run.exe": b"MZ",
    }
    with translation.override("en"), pytest.raises(PackageRefused) as refusal:
        package_check(rezip(files))
    message = refusal.value.message
    for name in ("content/page.html", "content/other.htm", "content/run.exe"):
        assert name in message
    assert "3 files" in message and "upload it again" in message


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(mutations())
def test_random_and_mutated_packages_are_refused_cleanly_or_accepted(data):
    try:
        checked = package_check(data)
    except PackageRefused as refusal:
        assert refusal.message
    else:
        assert checked.main_library == "H5P.ClavesQuestion"
