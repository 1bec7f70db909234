"""Searching the curriculum: in the reader's language, accents and case aside, never
finding what the reader may not read, and keeping nothing of what was searched."""

import logging
import re

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import PageViewRestriction

from booklets.models.pages import ModuleKind
from curriculum.models import JournalEntry
from tests.factories import (
    ModulePageFactory,
    body,
    facilitator,
    sign_in,
    superuser,
    trainee,
)
from tests.search.conftest import text


def search_url(language: str) -> str:
    with translation.override(language):
        return reverse("search:search")


def search(client, query, language="es", **params):
    response = client.get(search_url(language), {"q": query, **params})
    assert response.status_code == 200
    return response


def found_titles(response) -> list[str]:
    results = response.context["results"]
    titles = [r.module.title for r in (results.modules.object_list if results.modules else [])]
    titles += [t.term for t in results.terms] + [p.title for p in results.pages]
    return titles


# ---- Language, accents and case ----------------------------------------------------------


# An accent where the text has none, capitals, no accent where the title has one.
@pytest.mark.parametrize("query", ["fosa clandestína", "FOSA CLANDESTINA", "busqueda"])
def test_spanish_words_find_the_spanish_module_whatever_the_accents_and_case(
    client, curriculum, query
):
    assert found_titles(search(client, query)) == ["La búsqueda"]


def test_english_words_find_the_english_module_only(client, curriculum):
    assert found_titles(search(client, "MASS graves", "en")) == ["The search"]
    assert found_titles(search(client, "mass graves", "es")) == []


def test_spanish_words_find_nothing_in_english(client, curriculum):
    assert found_titles(search(client, "fosa clandestina", "en")) == []


def test_the_last_word_may_be_half_typed(client, curriculum):
    assert found_titles(search(client, "fosa clandes")) == ["La búsqueda"]


@pytest.mark.postgresql
def test_on_postgresql_a_spanish_form_finds_another_form_of_the_word(client, curriculum):
    ModulePageFactory(
        parent=curriculum["es_module"].get_parent(),
        title="Memoria",
        body=body(text("<p>Recordar a quien fue desaparecido por el Estado.</p>")),
    )
    titles = found_titles(search(client, "desaparecidas"))
    assert "Memoria" in titles and "La búsqueda" in titles


@pytest.mark.postgresql
def test_on_postgresql_an_english_form_finds_another_form(client, curriculum):
    assert found_titles(search(client, "family grave", "en")) == ["The search"]


# ---- What a result shows ------------------------------------------------------------------


def test_a_module_result_shows_its_booklet_kind_and_the_passage_with_the_words_marked(
    client, curriculum
):
    page = search(client, "fosa clandestina").content.decode()
    assert "Cuadernillo 2: Desaparición forzada" in page
    with translation.override("es"):
        assert str(ModuleKind.CONCEPTS.label) in page
    assert "en la <mark>fosa</mark> <mark>clandestina</mark>." in page


def test_a_result_links_to_its_module_with_the_matched_word_to_mark(client, curriculum):
    result = search(client, "fosa").context["results"].modules.object_list[0]
    assert result.url == curriculum["es_module"].url + "#:~:text=fosa"
    assert client.get(curriculum["es_module"].url).status_code == 200


def test_a_passage_is_escaped(client, homes, curriculum):
    ModulePageFactory(
        parent=curriculum["es_module"].get_parent(),
        title="Marcas",
        body=body(text("<p>Escribir &lt;b&gt; alerta &amp; no marca.</p>")),
    )
    page = search(client, "alerta").content.decode()
    assert "Escribir &lt;b&gt; <mark>alerta</mark> &amp; no marca." in page
    assert "<b> alerta" not in page


def test_glossary_terms_come_with_their_definition_and_pages_are_found(client, curriculum):
    page = search(client, "trauma").content.decode()
    assert "Trauma psicosocial" in page and "Un daño que se vive" in page
    assert "Psychosocial trauma" not in page
    assert found_titles(search(client, "autocuidado")) == ["Cuidarte"]


def test_half_typed_words_find_terms_and_pages_too(client, curriculum):
    assert found_titles(search(client, "psicoso")) == ["Trauma psicosocial"]
    assert found_titles(search(client, "autocuid")) == ["Cuidarte"]


def test_nothing_found_suggests_the_glossary(client, curriculum):
    response = search(client, "ornitorrinco", "en")
    page = response.content.decode()
    assert "Nothing found" in page
    with translation.override("en"):
        assert f'href="{reverse("curriculum:glossary")}"' in page


def test_many_results_come_ten_at_a_time(client, curriculum):
    booklet = curriculum["es_module"].get_parent()
    for n in range(12):
        ModulePageFactory(parent=booklet, body=body(text(f"<p>Resistencia comunitaria {n}.</p>")))
    first = search(client, "resistencia comunitaria")
    assert len(first.context["results"].modules.object_list) == 10
    assert "page=2" in first.content.decode()
    second = search(client, "resistencia comunitaria", page=2)
    assert len(second.context["results"].modules.object_list) == 2


def test_a_search_costs_the_same_queries_whatever_the_number_of_modules(
    client, curriculum, django_assert_max_num_queries
):
    search(client, "familias")  # warms the site root cache
    booklet = curriculum["es_module"].get_parent()
    with django_assert_max_num_queries(12) as few:
        search(client, "familias")
    for n in range(9):
        ModulePageFactory(parent=booklet, body=body(text(f"<p>Las familias {n} buscan.</p>")))
    with django_assert_max_num_queries(len(few.captured_queries)):
        search(client, "familias")


# ---- Never what the reader may not read ---------------------------------------------------


@pytest.mark.parametrize("who", ["anonymous", "trainee", "facilitator"])
def test_a_facilitator_only_note_is_never_found(client, curriculum, who):
    if who != "anonymous":
        sign_in(client, trainee() if who == "trainee" else facilitator())
    response = search(client, "zanahoria violeta")
    assert found_titles(response) == []
    assert "Zanahoria" not in response.content.decode()


def test_snippets_leave_facilitator_notes_out(client, curriculum):
    assert "Zanahoria" not in search(client, "desaparecido").content.decode()


def test_an_unpublished_page_and_a_draft_are_not_found(client, curriculum):
    ModulePageFactory(
        parent=curriculum["es_module"].get_parent(),
        title="Sin publicar",
        live=False,
        body=body(text("<p>Borrador nunca publicado.</p>")),
    )
    module = curriculum["es_module"]
    module.body = body(text("<p>Un cambio pendiente en un borrador.</p>"))
    module.save_revision()
    assert found_titles(search(client, "borrador")) == []
    assert found_titles(search(client, "familias")) == ["La búsqueda"]


def test_only_the_published_text_is_found_after_a_new_version(client, curriculum):
    module = curriculum["es_module"]
    module.body = body(text("<p>Una versión nueva habla de memoria colectiva.</p>"))
    module.save_revision().publish()
    assert found_titles(search(client, "memoria colectiva")) == ["La búsqueda"]
    assert found_titles(search(client, "fosa clandestina")) == []


def test_a_page_with_restricted_viewing_is_not_found(client, curriculum):
    PageViewRestriction.objects.create(
        page=curriculum["es_module"], restriction_type="password", password="x"
    )
    assert found_titles(search(client, "fosa")) == []


def test_journal_entries_are_not_found(client, curriculum):
    reader = sign_in(client, trainee())
    module = curriculum["es_module"]
    JournalEntry.objects.create(
        user=reader,
        module_key=module.translation_key,
        booklet_key=module.get_parent().translation_key,
        prompt_id="pregunta",
        prompt="¿Qué te sostiene?",
        body="Mi diario guarda un colibrí.",
    )
    assert found_titles(search(client, "colibrí")) == []


# ---- The admin -----------------------------------------------------------------------------


def test_the_admin_page_search_finds_a_phrase_of_a_body(client, curriculum):
    sign_in(client, superuser())
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": "fosa clandestina"})
    assert "La búsqueda" in response.content.decode()


# ---- Privacy -------------------------------------------------------------------------------

CANARY = "zqcanariozq"


def test_the_results_page_is_not_stored_and_its_title_keeps_the_query_out(client, curriculum):
    response = search(client, CANARY)
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    title = page[page.index("<title>") : page.index("</title>")]
    with translation.override("es"):
        assert title == f"<title>{gettext('Search')} · Claves"
    assert reverse("quick_exit") in page and "data-quick-exit" in page


def test_the_page_cache_never_keeps_the_search_page(client, curriculum):
    for _ in range(2):
        response = client.get(search_url("es"))
        assert "no-store" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]


def test_opening_a_result_does_not_send_the_words_on_as_the_referrer(client, curriculum):
    for query in ["fosa", "trauma", "autocuidado"]:
        page = search(client, query).content.decode()
        links = re.findall(r'<a class="search-result__title"[^>]*>|<dt><a [^>]*>', page)
        assert links and all('rel="noreferrer"' in link for link in links), query


def test_no_database_row_and_no_log_line_holds_what_was_searched(client, curriculum, caplog):
    sign_in(client, trainee())
    with caplog.at_level(logging.DEBUG):
        search(client, CANARY)
        search(client, f"fosa {CANARY}", "en")
        client.get(reverse("wagtailadmin_pages:search"), {"q": CANARY})
    assert CANARY not in caplog.text
    assert rows_holding(CANARY) == []


def rows_holding(word: str) -> list[str]:
    """Every table whose rows, read as text, contain `word`."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - our own table names
            if any(word in str(row) for row in cursor.fetchall()):
                found.append(table)
    return found


# ---- The header ----------------------------------------------------------------------------


def test_every_page_has_a_search_box_that_works_without_script(client, curriculum):
    page = client.get(curriculum["es_module"].url).content.decode()
    with translation.override("es"):
        action = reverse("search:search")
    assert f'action="{action}" method="get"' in page
    assert 'name="q"' in page
