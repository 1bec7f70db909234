"""Activities run on their own origin: packages and the player's frame are served only
there, without any cookie; the site's pages are not found there; a module page ships a
small placeholder, never the player."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import Locale

from curriculum.services import activity_from_package
from demo.h5p import LIBRARY_DIR, question_package
from tests.factories import (
    BookletPageFactory,
    ModulePageFactory,
    block,
    body,
    sign_in,
    trainee,
)

pytestmark = pytest.mark.django_db


def test_package_files_and_the_frame_are_served_only_on_the_activity_origin(
    client, activity_client, activity
):
    file = f"/h5p/{activity.package_digest}/{LIBRARY_DIR}/question.js"
    frame = f"/play/{activity.package_digest}/"
    assert client.get(file, follow=True).status_code == 404
    assert client.get(frame, follow=True).status_code == 404

    served = activity_client.get(file)
    assert served.status_code == 200
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served["Content-Type"].startswith("text/javascript")
    assert "immutable" in served["Cache-Control"]
    for bad in (
        "../../etc/passwd",
        f"{LIBRARY_DIR}/../h5p.json",
        f"{LIBRARY_DIR}/./question.js",
        f"{LIBRARY_DIR}//question.js",
        "content/x.html",
    ):
        assert activity_client.get(f"/h5p/{activity.package_digest}/{bad}").status_code == 404
    assert activity_client.get(f"/h5p/{'0' * 64}/h5p.json").status_code == 404
    assert activity_client.get(f"/play/{'0' * 64}/").status_code == 404

    page = activity_client.get(frame)
    assert page.status_code == 200
    html = page.content.decode()
    assert "h5p-standalone/main.bundle.js" in html and "js/activity-frame.js" in html
    assert 'data-parent-origin="http://testserver"' in html


def test_the_activity_origin_allows_what_h5p_needs_and_only_the_site_may_frame_it(
    client, activity_client, activity
):
    policy = activity_client.get(f"/play/{activity.package_digest}/")["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert "'unsafe-eval'" in directives["script-src"]
    assert "'unsafe-inline'" in directives["style-src"]
    assert directives["frame-ancestors"] == "http://testserver"
    assert "X-Frame-Options" not in activity_client.get(f"/play/{activity.package_digest}/")

    site_policy = client.get("/es/")["Content-Security-Policy"]
    site = dict(d.strip().split(" ", 1) for d in site_policy.split(";"))
    assert "unsafe-eval" not in site_policy
    assert site["script-src"] == "'self'"
    assert site["frame-src"] == "'self' http://activities.testserver"


def test_nothing_of_the_site_answers_on_the_activity_origin_and_no_cookie_is_kept(
    activity_client, homes
):
    person = trainee()
    signed_in = Client()
    sign_in(signed_in, person)
    session_cookie = signed_in.cookies["sessionid"].value
    activity_client.cookies["sessionid"] = session_cookie
    for path in ("/es/", "/es/accounts/my-data/", "/es/accounts/profile/", "/admin/", "/exit/"):
        answer = activity_client.get(path)
        assert answer.status_code == 404, path
        assert not answer.cookies, path
    posted = activity_client.post("/es/accounts/my-data/")
    assert posted.status_code == 405 and not posted.cookies


def test_inert_files_are_downloads_and_svg_is_an_image(activity_client, homes, settings, tmp_path):
    import io
    import zipfile

    settings.MEDIA_ROOT = tmp_path / "media"
    data = question_package(title="Q", question="¿?", answers=[("Sí", True)])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    files[f"{LIBRARY_DIR}/icon.svg"] = b'<svg xmlns="http://www.w3.org/2000/svg"/>'
    files[f"{LIBRARY_DIR}/upgrade.diff"] = b"--- a\n+++ b\n"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    activity = activity_from_package(
        title="Con icono", data=buffer.getvalue(), locale=Locale.objects.get(language_code="es")
    )
    base = f"/h5p/{activity.package_digest}/{LIBRARY_DIR}"
    svg = activity_client.get(f"{base}/icon.svg")
    assert svg["Content-Type"] == "image/svg+xml"
    diff = activity_client.get(f"{base}/upgrade.diff")
    assert diff["Content-Type"] == "application/octet-stream"
    assert diff["Content-Disposition"] == "attachment"


def _module_with(homes, *activities):
    booklet = BookletPageFactory(parent=homes["es"])
    page = ModulePageFactory(
        parent=booklet,
        body=body(
            *[
                block("interactive_activity", {"activity": a.pk, "introduction": ""})
                for a in activities
            ]
        ),
    )
    page.save_revision().publish()
    return page


def test_a_module_page_ships_a_placeholder_and_never_the_player(client, homes, activity):
    second = activity_from_package(
        title="Otra pregunta",
        data=question_package(title="R", question="¿Y?", answers=[("Sí", True)]),
        locale=Locale.objects.get(language_code="es"),
    )
    page = _module_with(homes, activity, second)
    response = client.get(page.url)
    html = response.content.decode()
    soup = BeautifulSoup(html, "html.parser")
    players = soup.select("[data-activity-origin]")
    assert [p["data-frame-src"] for p in players] == [
        f"http://activities.testserver/play/{activity.package_digest}/",
        f"http://activities.testserver/play/{second.package_digest}/",
    ]
    assert all(p["data-activity-origin"] == "http://activities.testserver" for p in players)
    assert soup.select("[data-activity-open]")[0].get_text(strip=True) == "Abrir la actividad"
    assert "h5p-standalone" not in html and "/h5p/" not in html
    assert not soup.select("iframe")
    assert "necesita JavaScript" in " ".join(n.get_text() for n in soup.select("noscript"))


def test_without_an_activity_origin_the_activity_says_it_is_not_available(
    client, homes, activity, settings
):
    settings.H5P_ORIGIN = ""
    page = _module_with(homes, activity)
    html = client.get(page.url).content.decode()
    assert "no está disponible" in html
    assert "data-activity-origin" not in html


def test_the_print_view_shows_the_activity_title_and_a_note_not_a_player(client, homes, activity):
    page = _module_with(homes, activity)
    booklet = page.get_parent().specific
    html = client.get(f"{booklet.url}print/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    section = soup.select_one(".activity")
    assert section.select_one(".activity__title").get_text(strip=True) == "Pregunta"
    assert "Claves" in section.get_text()
    assert not soup.select("[data-activity-origin], [data-activity-open], iframe")
    assert "js/activity.js" not in html


def test_development_media_never_serves_a_package_on_the_site():
    """runserver serves uploads on the site's address; packages are not among them (an
    SVG there could load a package's script as the site)."""
    from config.urls import development_media_urls

    (pattern,) = development_media_urls()
    assert pattern.resolve("media/images/circle.png") is not None
    assert pattern.resolve("media/h5p/" + "0" * 64 + "/lib/icon.svg") is None
    assert pattern.resolve("media/h5p/" + "0" * 64 + "/lib/player.js") is None
