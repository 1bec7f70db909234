import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data

from accounts.roles import EDITORS, MODERATORS
from booklets.models import BookletPage, ModulePage
from tests.factories import (
    BookletPageFactory,
    GlossaryTermFactory,
    ModulePageFactory,
    UserFactory,
    block,
    body,
    facilitator,
    sign_in,
    sign_in_with_password_only,
    trainee,
)

pytestmark = pytest.mark.django_db


def test_print_view_has_every_module_warnings_kept_notes_only_for_facilitators(client, homes):
    booklet = BookletPageFactory(parent=homes["es"], title="Tortura y tortura sexual", number=5)
    for n in (1, 2, 3):
        ModulePageFactory(
            parent=booklet,
            title=f"Módulo {n}",
            body=body(
                block(
                    "content_warning",
                    {
                        "warning": f"Advertencia {n}",
                        "content": [block("text", f"<p>Relato {n}</p>")],
                    },
                ),
                block("facilitator_note", {"note": f"<p>Nota {n}</p>"}),
            ),
        )
    html = BeautifulSoup(client.get(f"{booklet.url}print/").content.decode(), "html.parser")
    assert [h.get_text() for h in html.select(".print-module__title")] == [
        "Módulo 1",
        "Módulo 2",
        "Módulo 3",
    ]
    assert "Advertencia 2" in html.get_text() and "Relato 2" in html.get_text()
    assert "Nota 2" not in html.get_text()
    assert html.find("link", rel="stylesheet", href=lambda h: "print" in h)["media"] == "print"
    assert html.select_one("a.quick-exit") is not None  # a print view is a page too

    sign_in(client, facilitator())
    assert "Nota 2" in client.get(f"{booklet.url}print/").content.decode()


# ---- Paper has no buttons; glossary links print what they point to ----------------------


def test_print_view_has_no_buttons_or_links_that_only_work_on_a_screen(client, homes):
    term = GlossaryTermFactory(term="Trauma psicosocial", definition="Un daño social y colectivo.")
    booklet = BookletPageFactory(parent=homes["es"], title="Represión política y miedo")
    ModulePageFactory(
        parent=booklet,
        title="Conceptos",
        body=body(
            block("key_concept", {"term": term.pk, "in_this_module": "Lo usamos aquí."}),
            block("pause", {"title": "Respira", "instructions": "Inhala despacio.", "seconds": 60}),
            block("reflection_question", {"question": "¿Qué sentiste?", "guidance": ""}),
        ),
    )
    sign_in(client, trainee())
    response = client.get(f"{booklet.url}print/")
    document = BeautifulSoup(response.content.decode(), "html.parser").select_one(".print-document")
    text = document.get_text()
    assert "Trauma psicosocial" in text and "Un daño social y colectivo." in text
    assert "Respira" in text and "¿Qué sentiste?" in text
    assert document.find(["button", "form", "input"]) is None
    # The pause's timer button is made by the script from these attributes.
    assert document.select(".pause[data-seconds]") == []
    assert document.find("a", href=lambda h: h and ("glossary" in h or "journal" in h)) is None
    assert "See it in the glossary" not in text and "Write in my journal" not in text


# ---- Editors and moderators print the latest drafts -------------------------------------


@pytest.fixture
def drafts(homes):
    booklet = BookletPageFactory(parent=homes["es"], title="Desplazamiento forzado", number=3)
    booklet.save_revision().publish()
    module = ModulePageFactory(
        parent=booklet, title="Contexto", body=body(block("text", "<p>Texto publicado.</p>"))
    )
    module.save_revision().publish()
    draft = ModulePage.objects.get(pk=module.pk)
    draft.body = body(block("text", "<p>Texto en borrador.</p>"))
    draft.save_revision()
    new = ModulePageFactory(parent=booklet, title="Herramientas nuevas", live=False)
    new.save_revision()
    return BookletPage.objects.get(pk=booklet.pk)


@pytest.mark.parametrize("role", [EDITORS, MODERATORS])
def test_editors_and_moderators_print_the_latest_drafts(client, drafts, role):
    sign_in(client, UserFactory(groups=[role], mfa=True))
    page = client.get(f"{drafts.url}print/?draft=1").content.decode()
    assert "Texto en borrador." in page and "Texto publicado." not in page
    assert "Herramientas nuevas" in page
    # Without asking, the print is the live booklet.
    live = client.get(f"{drafts.url}print/").content.decode()
    assert "Texto publicado." in live and "Herramientas nuevas" not in live


@pytest.mark.parametrize("who", ["anonymous", "trainee", "facilitator", "editor without code"])
def test_everyone_else_gets_the_live_print(client, drafts, who):
    if who == "trainee":
        sign_in(client, trainee())
    elif who == "facilitator":
        sign_in(client, facilitator())
    elif who == "editor without code":
        sign_in_with_password_only(client, UserFactory(groups=[EDITORS], mfa=True))
    page = client.get(f"{drafts.url}print/?draft=1").content.decode()
    assert "Texto publicado." in page
    assert "Texto en borrador." not in page and "Herramientas nuevas" not in page


def test_a_draft_booklet_is_previewed_for_printing_whole(client, homes):
    booklet = BookletPageFactory(parent=homes["es"], title="Tortura", number=5, live=False)
    booklet.save_revision()
    for title in ("Primero", "Segundo"):
        module = ModulePageFactory(
            parent=booklet,
            title=title,
            live=False,
            body=body(block("text", f"<p>{title} borrador.</p>")),
        )
        module.save_revision()
    sign_in(client, UserFactory(groups=[EDITORS], mfa=True))
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[booklet.pk])
    form = nested_form_data(
        {
            "title": "Tortura",
            "slug": booklet.slug,
            "number": 5,
            "theme_colour": "teal",
            "summary": "Un resumen.",
            "edition_number": 1,
            "edition_year": "",
            "edition_notes": "",
        }
    )
    assert client.post(preview_url, form).json()["is_valid"]
    page = client.get(preview_url, {"mode": "print"}).content.decode()
    assert "Primero borrador." in page and "Segundo borrador." in page
