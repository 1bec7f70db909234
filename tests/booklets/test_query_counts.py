"""A module page costs the same number of queries whatever its length."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    BookletPageFactory,
    GlossaryTermFactory,
    ModulePageFactory,
    block,
    body,
    facilitator,
    sign_in,
)

pytestmark = pytest.mark.django_db


def long_body(length: int, link_targets, terms) -> str:
    blocks = []
    for index in range(length):
        target = link_targets[index % len(link_targets)]
        term = terms[index % len(terms)]
        kind = index % 4
        if kind == 0:
            blocks.append(
                block(
                    "text",
                    f'<p>Párrafo {index} con <a linktype="page" id="{target.pk}">enlace</a>.</p>',
                )
            )
        elif kind == 1:
            blocks.append(block("key_concept", {"term": term.pk, "in_this_module": ""}))
        elif kind == 2:
            blocks.append(
                block(
                    "content_warning",
                    {
                        "warning": "Habla de violencia.",
                        "content": [
                            block(
                                "text",
                                f'<p>Ver <a linktype="page" id="{target.pk}">esto</a>.</p>',
                            ),
                            block("key_concept", {"term": term.pk, "in_this_module": ""}),
                        ],
                    },
                )
            )
        else:
            blocks.append(block("facilitator_note", {"note": f"<p>Nota {index}.</p>"}))
    return body(*blocks)


def render_counting_queries(client, page):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.url)
    assert response.status_code == 200
    return len(queries), BeautifulSoup(response.content.decode(), "html.parser")


@pytest.mark.parametrize("as_facilitator", [False, True], ids=["reader", "facilitator"])
def test_module_query_count_does_not_grow_with_its_length(client, homes, as_facilitator):
    booklet = BookletPageFactory(parent=homes["es"])
    targets = [ModulePageFactory(parent=booklet, title=f"Destino {i}") for i in range(5)]
    terms = [GlossaryTermFactory() for _ in range(6)]
    short = ModulePageFactory(parent=booklet, body=long_body(10, targets, terms))
    long = ModulePageFactory(parent=booklet, body=long_body(80, targets, terms))
    if as_facilitator:
        sign_in(client, facilitator())

    client.get(targets[0].url)  # warm up per-process caches (site root paths), not the page cache
    short_count, _short_html = render_counting_queries(client, short)
    long_count, long_html = render_counting_queries(client, long)

    assert short_count == long_count
    assert long_count <= 25
    # The page really holds what was counted: every link resolved, every concept shown.
    links = [a["href"] for a in long_html.select(".block-text a")]
    assert len(links) == 40
    assert set(links) == {target.url for target in targets}
    assert len(long_html.select(".key-concept dfn")) == 40
    assert len(long_html.select(".facilitator-note")) == (20 if as_facilitator else 0)
