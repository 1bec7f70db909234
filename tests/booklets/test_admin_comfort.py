"""Editing comfort in the admin: the preview panel may be framed by the admin only,
searches work and find body text, new modules land before the facilitator guide with
ASCII slugs, editors submit in bulk, and Spanish-speaking editors get a Spanish admin."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accounts.roles import MODERATORS
from booklets.models import ModulePage
from tests.factories import (
    BookletPageFactory,
    GlossaryTermFactory,
    ModulePageFactory,
    UserFactory,
    block,
    body,
    editor,
    sign_in,
)

pytestmark = pytest.mark.django_db


def moderator(**kwargs):
    return UserFactory(groups=[MODERATORS], mfa=True, **kwargs)


@pytest.fixture
def booklet(homes):
    booklet = BookletPageFactory(parent=homes["es"], title="Desaparición forzada", number=2)
    ModulePageFactory(
        parent=booklet,
        title="Conceptos",
        slug="conceptos",
        kind="concepts",
        body=body(
            block("text", "<p>La búsqueda en una fosa clandestina es parte del duelo.</p>"),
            block("facilitator_note", {"note": "<p>Preparación reservadísima del taller.</p>"}),
        ),
    )
    ModulePageFactory(parent=booklet, title="Guía", slug="guia", kind="facilitation")
    return booklet


@pytest.fixture
def editor_client(client):
    sign_in(client, editor())
    return client


def module_form(title, slug="", kind="tools", text="Un texto nuevo."):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "kind": kind,
            "estimated_minutes": 20,
            "sensitivity": "general",
            "learning_objectives": "",
            "body": streamfield([("text", rich_text(f"<p>{text}</p>"))]),
        }
    )


# ---- 1. The preview panel ---------------------------------------------------------------


def test_the_preview_may_be_framed_by_the_admin_and_nothing_else(editor_client, booklet):
    module = ModulePage.objects.get(slug="conceptos")
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[module.pk])
    posted = editor_client.post(preview_url, module_form("Conceptos", "conceptos", "concepts"))
    assert posted.json()["is_valid"]
    response = editor_client.get(preview_url)
    assert response.status_code == 200
    assert "Un texto nuevo." in response.content.decode()
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy and "'none'" not in policy.split("frame-ancestors")[1]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_pages_read_on_the_site_may_still_not_be_framed(client, booklet):
    booklet.save_revision().publish()
    response = client.get(ModulePage.objects.get(slug="conceptos").url)
    assert response.status_code == 200
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


# ---- 2. The glossary listing's search ---------------------------------------------------


def test_searching_the_glossary_listing_finds_the_term(editor_client, homes):
    GlossaryTermFactory(term="Trauma psicosocial", definition="Un daño social y colectivo.")
    GlossaryTermFactory(term="Salud mental", definition="Una dimensión de las relaciones.")
    listing = reverse("wagtailsnippets_curriculum_glossaryterm:list")
    response = editor_client.get(listing, {"q": "trauma"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Trauma psicosocial" in page and "Salud mental" not in page
    # Words of the definition are found as well.
    assert "Salud mental" in editor_client.get(listing, {"q": "relaciones"}).content.decode()


# ---- 3. Admin search finds body text, never facilitator notes ----------------------------


def search_titles(client, query):
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_admin_page_search_finds_a_phrase_of_a_module_body(editor_client, booklet):
    assert "Conceptos" in search_titles(editor_client, "fosa clandestina")
    assert "Conceptos" not in search_titles(editor_client, "reservadísima")


# ---- 5. New modules before the facilitator guide, ASCII slugs ---------------------------


def test_a_new_module_lands_before_the_facilitator_guide(editor_client, booklet):
    add_url = reverse("wagtailadmin_pages:add", args=["booklets", "modulepage", booklet.pk])
    response = editor_client.post(add_url, module_form("Herramientas", "herramientas"))
    assert response.status_code == 302, response.content.decode()[:2000]
    order = [m.slug for m in ModulePage.objects.child_of(booklet).order_by("path")]
    assert order == ["conceptos", "herramientas", "guia"]


def test_a_new_facilitator_guide_stays_last(editor_client, booklet):
    add_url = reverse("wagtailadmin_pages:add", args=["booklets", "modulepage", booklet.pk])
    editor_client.post(add_url, module_form("Otra guía", "otra-guia", kind="facilitation"))
    order = [m.slug for m in ModulePage.objects.child_of(booklet).order_by("path")]
    assert order == ["conceptos", "guia", "otra-guia"]


def test_new_pages_get_ascii_slugs(editor_client, booklet):
    add_url = reverse("wagtailadmin_pages:add", args=["booklets", "modulepage", booklet.pk])
    # As Wagtail's slug field would fill it from the title with accents allowed.
    editor_client.post(add_url, module_form("Desaparición forzada", "desaparición-forzada"))
    assert ModulePage.objects.child_of(booklet).filter(slug="desaparicion-forzada").exists()
    # Made in code without a slug: the slug comes from the title, without accents.
    page = ModulePage(title="Búsqueda en vida", kind="tools", body="[]")
    booklet.add_child(instance=page)
    assert page.slug == "busqueda-en-vida"


# ---- 6. Bulk "submit for moderation" ----------------------------------------------------


def bulk_url(action, pages):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    return url + "?" + "&".join(f"id={p.pk}" for p in pages)


def test_an_editor_submits_several_modules_for_moderation_at_once(editor_client, booklet):
    modules = list(ModulePage.objects.child_of(booklet))
    for module in modules:
        module.title += " (revisado)"
        module.save_revision()
    listing = editor_client.get(reverse("wagtailadmin_explore", args=[booklet.pk]))
    assert bulk_url("submit", []).split("?")[0] in listing.content.decode()
    confirm = editor_client.get(bulk_url("submit", modules))
    assert confirm.status_code == 200
    response = editor_client.post(bulk_url("submit", modules), {})
    assert response.status_code == 302
    for module in modules:
        page = Page.objects.get(pk=module.pk)
        assert page.workflow_in_progress
        assert not ModulePage.objects.get(pk=module.pk).title.endswith("(revisado)")  # not live


def test_an_editor_still_cannot_publish_in_bulk(editor_client, booklet):
    modules = list(ModulePage.objects.child_of(booklet))
    for module in modules:
        module.title += " (sin revisar)"
        module.save_revision()
    editor_client.post(bulk_url("publish", modules), {})
    for module in modules:
        assert not ModulePage.objects.get(pk=module.pk).title.endswith("(sin revisar)")


# ---- 4. A Spanish admin for Spanish-speaking editors ------------------------------------

ENGLISH_FRAGMENTS = [
    "Moderators approval",
    "Pages",
    "created in",
    "Privacy and access",
    "There are no",
    "Filter by",
    ">Locale<",
    "El actividad",
    "Glossary terms",
    "Interactive activities",
]


def test_a_spanish_speaking_editor_gets_the_admin_in_spanish(client, booklet):
    person = editor(preferred_language="es")
    module = ModulePage.objects.get(slug="conceptos")
    module.save_revision(user=person)
    module.get_workflow().start(module, user=person)
    sign_in(client, person)
    # Whatever the browser says: the person's own choice decides.
    for url in (
        reverse("wagtailadmin_home"),
        reverse("wagtailsnippets_curriculum_glossaryterm:list"),
        reverse("wagtailsnippets_curriculum_h5pactivity:list"),
    ):
        page = client.get(url, headers={"accept-language": "en"}).content.decode()
        found = [fragment for fragment in ENGLISH_FRAGMENTS if fragment in page]
        assert not found, (url, found)


def test_an_english_speaking_editor_gets_the_admin_in_english(client, homes):
    sign_in(client, editor(preferred_language="en"))
    page = client.get(reverse("wagtailadmin_home"), headers={"accept-language": "es"})
    assert "Dashboard" in page.content.decode()
