import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from tests.factories import (
    BookletPageFactory,
    GlossaryTermFactory,
    ModulePageFactory,
    block,
    body,
)

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_each_language_has_its_own_glossary_page(client, homes):
    trauma = GlossaryTermFactory(term="Trauma psicosocial", definition="Un daño colectivo.")
    english = trauma.copy_for_translation(Locale.objects.get(language_code="en"))
    english.term, english.definition, english.slug = "Psychosocial trauma", "A collective harm.", ""
    english.save()
    impacts = GlossaryTermFactory(term="Impactos psicosociales")
    trauma.related_terms.add(impacts)

    spanish = parse(client.get("/es/glosario/"))
    assert spanish.html["lang"] == "es"
    assert spanish.find("h1").get_text() == "Glosario"
    assert [dt.get_text() for dt in spanish.select(".glossary dt")] == [
        "Impactos psicosociales",
        "Trauma psicosocial",
    ]
    entry = spanish.select_one("#trauma-psicosocial")
    assert "Un daño colectivo." in entry.get_text()
    assert entry.select_one(".glossary__related a")["href"] == "#impactos-psicosociales"
    assert spanish.select_one(".language-switcher a[hreflang=en]")["href"] == "/en/glossary/"

    english_page = parse(client.get("/en/glossary/"))
    assert [dt.get_text() for dt in english_page.select(".glossary dt")] == ["Psychosocial trauma"]
    assert english_page.select_one("#psychosocial-trauma dd").get_text(strip=True) == (
        "A collective harm."
    )


def test_key_concept_shows_the_definition_and_links_to_the_glossary(client, homes):
    term = GlossaryTermFactory(
        term="Sujeto político", definition="Quien actúa para transformar la sociedad."
    )
    booklet = BookletPageFactory(parent=homes["es"])
    module = ModulePageFactory(
        parent=booklet,
        body=body(block("key_concept", {"term": term.pk, "in_this_module": "Aquí, el colectivo."})),
    )
    concept = parse(client.get(module.url)).select_one(".key-concept")
    assert concept.select_one("dfn").get_text() == "Sujeto político"
    assert concept.select_one(".key-concept__definition").get_text() == (
        "Quien actúa para transformar la sociedad."
    )
    assert concept.select_one(".key-concept__here").get_text() == "Aquí, el colectivo."
    assert concept.select_one(".key-concept__more a")["href"] == "/es/glosario/#sujeto-politico"
    assert client.get("/es/glosario/").status_code == 200


def test_glossary_slugs_are_unique_per_language_only(homes):
    from django.db import IntegrityError, transaction

    GlossaryTermFactory(term="Memoria colectiva")
    english = Locale.objects.get(language_code="en")
    GlossaryTermFactory(term="Memoria colectiva", locale=english)  # same slug, other language
    with pytest.raises(IntegrityError), transaction.atomic():
        GlossaryTermFactory(term="Memoria colectiva")
