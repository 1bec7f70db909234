import pytest
from bs4 import BeautifulSoup

from tests.factories import BookletPageFactory, ModulePageFactory, block, body, facilitator, sign_in

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
