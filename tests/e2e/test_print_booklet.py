"""Chromium prints a whole booklet to PDF, every module in it."""

import io

from pypdf import PdfReader

from tests.factories import BookletPageFactory, ModulePageFactory, block, body

TITLES = ["Privar de la libertad", "El proceso legal como contexto", "Preparar la audiencia"]


def test_a_booklet_prints_to_pdf_with_every_module_title(site, page):
    from booklets.models import HomePage

    home = HomePage.objects.get(depth=2, locale__language_code="es")
    booklet = BookletPageFactory(parent=home, title="Detención arbitraria", number=4)
    for title in TITLES:
        ModulePageFactory(
            parent=booklet,
            title=title,
            body=body(
                block("text", f"<p>Contenido de {title}.</p>"),
                block(
                    "content_warning",
                    {
                        "warning": "Menciona malos tratos.",
                        "content": [block("text", "<p>Relato que se imprime.</p>")],
                    },
                ),
            ),
        )
    page.goto(f"{site}{booklet.url}print/")
    pdf = page.pdf(format="A4", print_background=False)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    for title in TITLES:
        assert title in text
    assert "Menciona malos tratos." in text and "Relato que se imprime." in text
    assert "Salida rápida" not in text  # the header does not print
