"""Without S3, production serves Wagtail's images from MEDIA_ROOT (they were 404s), and
nothing else there: documents keep going through Wagtail's view, which checks their
privacy, and activity packages never appear on the site's origin."""

import pytest


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    for name in ("images/lago.fill-80x80.png", "original_images/lago.png", "documents/acta.pdf"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"\x89PNG fake")
    return tmp_path


@pytest.mark.django_db
def test_images_are_served_and_nothing_else_in_media(client, media):
    for path in ("/media/images/lago.fill-80x80.png", "/media/original_images/lago.png"):
        answer = client.get(path)
        assert answer.status_code == 200, path
        assert b"".join(answer.streaming_content) == b"\x89PNG fake"
    for path in (
        "/media/documents/acta.pdf",
        "/media/images/../documents/acta.pdf",
        "/media/images/%2e%2e/documents/acta.pdf",
        "/media/original_images/",
    ):
        assert client.get(path, follow=True).status_code == 404, path
