import pytest
from django.db import connection
from wagtail.models import Locale

from tests.factories import (
    BookletPageFactory,
    GlossaryTermFactory,
    ModulePageFactory,
    StandardPageFactory,
    block,
    body,
)


def pytest_configure(config):
    config.addinivalue_line("markers", "postgresql: needs PostgreSQL (deselected on SQLite)")


def pytest_collection_modifyitems(config, items):
    """PostgreSQL-only tests are deselected on SQLite (as tests/curriculum/conftest.py)."""
    if connection.vendor == "postgresql":
        return
    kept = [item for item in items if item.get_closest_marker("postgresql") is None]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept


def text(html: str) -> dict:
    return block("text", html)


@pytest.fixture
def curriculum(homes):
    """A booklet in each language: a Spanish module about disappearance (with a
    facilitator-only note), its English translation's counterpart, a glossary term
    and a self-care page in each language."""
    spanish = BookletPageFactory(parent=homes["es"], title="Desaparición forzada", number=2)
    english = BookletPageFactory(parent=homes["en"], title="Forced disappearance", number=2)
    es_module = ModulePageFactory(
        parent=spanish,
        title="La búsqueda",
        slug="la-busqueda",
        body=body(
            text("<p>Las familias buscan a cada persona desaparecida en la fosa clandestina.</p>"),
            text("<p>El desaparecido sigue presente en la vida de su familia.</p>"),
            block("facilitator_note", {"note": "<p>Zanahoria violeta para quien facilita.</p>"}),
        ),
    )
    en_module = ModulePageFactory(
        parent=english,
        title="The search",
        slug="the-search",
        body=body(text("<p>Families search for every disappeared person in mass graves.</p>")),
    )
    es_term = GlossaryTermFactory(
        term="Trauma psicosocial", definition="Un daño que se vive en lo social y colectivo."
    )
    en_term = GlossaryTermFactory(
        term="Psychosocial trauma",
        definition="Harm lived socially and collectively.",
        locale=Locale.objects.get(language_code="en"),
    )
    es_page = StandardPageFactory(
        parent=homes["es"],
        title="Cuidarte",
        introduction="Pausas y descanso para quien acompaña.",
        body=body(text("<p>El autocuidado es parte del trabajo.</p>")),
    )
    return {
        "es_module": es_module,
        "en_module": en_module,
        "es_term": es_term,
        "en_term": en_term,
        "es_page": es_page,
    }
