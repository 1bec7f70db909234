"""Autosave cannot lie: when the session ends while someone writes, nothing claims
"saved", the text stays in the box, and Save shows it back until it can be saved."""

import pytest
from playwright.sync_api import expect

from tests.factories import BookletPageFactory, ModulePageFactory, block, body, trainee

TEXT = "Lo que me costó escribir."


@pytest.fixture
def module(site):
    from booklets.models import HomePage

    home = HomePage.objects.get(depth=2, locale__language_code="es")
    booklet = BookletPageFactory(parent=home, title="Fortalecimiento", number=1)
    return ModulePageFactory(
        parent=booklet,
        title="El desgaste",
        body=body(block("reflection_question", {"question": "¿Qué te ayudó?", "guidance": ""})),
    )


def test_a_session_that_ends_while_writing_never_loses_the_text(site, browser, sign_in, module):
    from curriculum.models import JournalEntry

    context = browser.new_context(locale="es-MX")
    person = trainee(username="escritora")
    sign_in(context, person)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.clock.install()
    page.goto(site + module.url)
    page.get_by_role("link", name="Escribir en mi diario").click()
    page.wait_for_load_state("load")  # so the autosave script is listening
    box = page.get_by_label("Tu respuesta")
    box.fill(TEXT)
    context.clear_cookies()  # the session ends (signed out elsewhere, or it expired)

    with page.expect_response(lambda r: r.request.method == "POST"):
        page.clock.fast_forward(11_000)  # ten seconds after typing
    status = page.locator("[data-autosave-status]")
    expect(status).to_have_text(
        "No se guardó: se cerró tu sesión. Inicia sesión en una pestaña nueva y luego "
        "pulsa Guardar otra vez."
    )
    assert box.input_value() == TEXT

    page.get_by_role("button", name="Guardar", exact=True).click()
    page.get_by_role("heading", name="Tu texto aún no está guardado").wait_for()
    assert page.get_by_label("Tu texto, tal como lo escribiste").input_value() == TEXT
    sign_in_link = page.get_by_role("link", name="Iniciar sesión (se abre en una pestaña nueva)")
    assert sign_in_link.get_attribute("target") == "_blank"

    sign_in(context, person)  # as in another tab: the page's token is now out of date
    page.get_by_role("button", name="Guardar", exact=True).click()
    page.get_by_text("iniciaste sesión de nuevo en otra pestaña").wait_for()
    assert page.get_by_label("Tu texto, tal como lo escribiste").input_value() == TEXT
    page.get_by_role("button", name="Guardar", exact=True).click()
    page.get_by_text("Guardado a las").first.wait_for()
    assert JournalEntry.objects.get(user=person).body == TEXT
    context.close()
