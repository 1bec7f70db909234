import pytest
from django.db import connection

from tests.factories import BookletPageFactory, ModulePageFactory, block, body


def pytest_configure(config):
    config.addinivalue_line("markers", "postgresql: needs PostgreSQL (deselected on SQLite)")


def pytest_collection_modifyitems(config, items):
    """PostgreSQL-only tests are deselected, not skipped, on SQLite: CI fails on skips,
    and runs the PostgreSQL suite where they do run."""
    if connection.vendor == "postgresql":
        return
    kept = [item for item in items if item.get_closest_marker("postgresql") is None]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept


@pytest.fixture
def module(homes):
    booklet = BookletPageFactory(parent=homes["es"], title="Fortalecimiento")
    return ModulePageFactory(
        parent=booklet,
        title="El desgaste",
        body=body(
            block("reflection_question", {"question": "¿Qué te recupera?", "guidance": ""}),
            block(
                "content_warning",
                {
                    "warning": "Duro.",
                    "content": [
                        block(
                            "reflection_question", {"question": "¿Y en el equipo?", "guidance": ""}
                        ),
                    ],
                },
            ),
        ),
    )
