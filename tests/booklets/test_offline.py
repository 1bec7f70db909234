"""Reading offline, server side: the worker's script, a booklet's offline manifest, the
offline page and the web app manifests. The browser side is tests/e2e/test_offline.py."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from tests.factories import (
    BookletPageFactory,
    GlossaryTermFactory,
    ModulePageFactory,
    StandardPageFactory,
    block,
    body,
    facilitator,
    sign_in,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def booklet(homes):
    home = homes["es"]
    home.self_care_page = StandardPageFactory(parent=home, title="Cuídate", slug="cuidate")
    home.save()
    booklet = BookletPageFactory(parent=home, title="Desaparición forzada", number=2)
    for n in (1, 2):
        ModulePageFactory(
            parent=booklet,
            title=f"Módulo {n}",
            body=body(block("facilitator_note", {"note": "<p>Solo facilitación</p>"})),
        )
    return booklet


def manifest_url(booklet, language="es"):
    with translation.override(language):
        return reverse("booklets:offline_manifest", args=[booklet.pk])


def test_manifest_lists_the_booklet_its_modules_home_care_pages_and_glossary(client, booklet):
    other = BookletPageFactory(parent=booklet.get_parent(), title="Otro", number=3)
    ModulePageFactory(parent=other, title="Módulo de otro")

    manifest = client.get(manifest_url(booklet)).json()

    urls = [page["url"] for page in manifest["pages"]]
    modules = [m.url for m in booklet.get_children().live().order_by("path")]
    assert urls[:2] == ["/es/", booklet.url]
    assert urls[2:4] == modules
    assert "/es/cuidate/" in urls
    with translation.override("es"):
        assert reverse("curriculum:glossary") in urls
        assert manifest["offline_page"] == reverse("booklets:offline_page") in urls
    assert not any("otro" in url for url in urls)
    assert manifest["booklet"] == "Desaparición forzada"
    assert manifest["edition"] == "Edición 1"


def test_manifest_version_changes_with_a_new_live_revision_or_edition(client, booklet):
    before = client.get(manifest_url(booklet)).json()["version"]
    assert client.get(manifest_url(booklet)).json()["version"] == before

    module = booklet.get_children().first().specific
    module.title = "Módulo 1, revisado"
    module.save_revision().publish()
    after_publish = client.get(manifest_url(booklet)).json()["version"]
    assert after_publish != before

    booklet.refresh_from_db()
    type(booklet).objects.filter(pk=booklet.pk).update(edition_number=2)
    assert client.get(manifest_url(booklet)).json()["version"] != after_publish


def test_manifest_version_changes_when_a_glossary_term_changes(client, booklet):
    """Terms have no revisions: a saved copy still learns that the glossary it holds
    is out of date."""
    term = GlossaryTermFactory(term="Duelo", definition="Primera definición.")
    before = client.get(manifest_url(booklet)).json()["version"]
    term.definition = "Definición corregida."
    term.save()
    assert client.get(manifest_url(booklet)).json()["version"] != before


def test_manifest_is_the_same_public_answer_for_a_facilitator(client, booklet):
    anonymous = client.get(manifest_url(booklet))
    assert "Cache-Control" not in anonymous or "no-store" not in anonymous["Cache-Control"]
    assert not anonymous.cookies
    sign_in(client, facilitator())
    assert client.get(manifest_url(booklet)).json() == anonymous.json()


def test_manifest_of_a_draft_or_another_language_is_not_found(client, booklet):
    booklet.unpublish()
    assert client.get(manifest_url(booklet)).status_code == 404
    assert client.get(manifest_url(booklet, "en")).status_code == 404


def test_service_worker_is_served_from_the_root_and_revalidated(client, db):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    script = response.content.decode()
    assert 'credentials: "omit"' in script
    assert client.post("/sw.js").status_code == 405


def test_only_a_booklet_contents_page_carries_the_offline_script(client, booklet):
    module = booklet.get_children().first()
    booklet_html = BeautifulSoup(client.get(booklet.url).content, "html.parser")
    assert booklet_html.find("script", src=lambda s: s and "offline.js" in s)
    panel = booklet_html.select_one("[data-offline-panel]")
    assert panel.has_attr("hidden")  # shown by the script only where it works
    assert panel["data-manifest"] == manifest_url(booklet)
    assert panel.select_one("button[data-offline-save]")
    assert panel.select_one("button[data-offline-remove][hidden]")

    for url in ("/es/", module.url, "/es/cuidate/"):
        page = client.get(url).content.decode()
        assert "offline.js" not in page and "sw.js" not in page, url


def test_offline_page_is_public_and_calm(client, db):
    with translation.override("en"):
        url = reverse("booklets:offline_page")
    response = client.get(url)
    assert response.status_code == 200
    assert not response.cookies
    html = BeautifulSoup(response.content, "html.parser")
    assert html.h1.get_text() == "Without connection"
    assert html.select_one("[data-offline-list]")
    assert html.select_one("a.quick-exit")


def test_web_manifest_has_the_name_and_a_neutral_variant(client, booklet):
    with translation.override("es"):
        plain = client.get(reverse("booklets:web_manifest"))
        neutral = client.get(reverse("booklets:web_manifest_notes"))
    assert plain["Content-Type"] == "application/manifest+json"
    assert plain.json()["short_name"] == "Claves"
    assert plain.json()["start_url"] == "/es/"
    names = neutral.json()["name"] + neutral.json()["short_name"]
    assert "Claves" not in names and "psicosocial" not in names.lower()
    assert all("app-notes" in icon["src"] for icon in neutral.json()["icons"])
    for icon in neutral.json()["icons"] + plain.json()["icons"]:
        assert client.get(icon["src"]).status_code == 200


def test_booklet_page_links_the_neutral_manifest_when_the_reader_chooses_it(client, booklet):
    def manifest_link(url):
        html = BeautifulSoup(client.get(url).content, "html.parser")
        return html.find("link", rel="manifest")["href"]

    assert manifest_link(booklet.url) == "/es/app.webmanifest"
    assert manifest_link("/es/") == "/es/app.webmanifest"
    assert manifest_link(booklet.url + "?app=notes") == "/es/notes.webmanifest"


def test_signing_out_asks_the_browser_to_drop_saved_copies(client, db):
    sign_in(client, facilitator())
    with translation.override("es"):
        response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert not client.session.get("_auth_user_id")
    cleared = response["Clear-Site-Data"]
    assert '"storage"' in cleared and '"cache"' in cleared
