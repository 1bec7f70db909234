"""Quick exit, content warnings with JavaScript, and a journal that survives a reload."""

import pytest

from tests.factories import BookletPageFactory, ModulePageFactory, block, body, trainee


@pytest.fixture
def module(site, settings):
    from booklets.models import HomePage

    settings.QUICK_EXIT_URL = f"{site}/en/glossary/"  # a neutral page of our own in tests
    home = HomePage.objects.get(depth=2, locale__language_code="es")
    booklet = BookletPageFactory(parent=home, title="Tortura y tortura sexual", number=5)
    return ModulePageFactory(
        parent=booklet,
        title="Qué busca la tortura",
        body=body(
            block("text", "<p>Antes.</p>"),
            block(
                "content_warning",
                {
                    "warning": "Describe una detención.",
                    "content": [
                        block("text", "<p>Relato de la detención.</p>"),
                    ],
                },
            ),
            block("reflection_question", {"question": "¿Qué te ayudó?", "guidance": ""}),
            block("text", "<p>Después.</p>"),
        ),
    )


def open_module(page, site, module):
    page.goto(f"{site}/es/")
    page.goto(site + module.url)
    assert page.get_by_role("heading", level=1).inner_text() == "Qué busca la tortura"


def assert_left_for_neutral_page(page, site, module):
    page.wait_for_url(f"{site}/en/glossary/")
    page.go_back()
    assert page.url != site + module.url


def test_quick_exit_button_leaves_and_back_does_not_return(site, page, module):
    open_module(page, site, module)
    page.get_by_role("link", name="Salida rápida").click()
    assert_left_for_neutral_page(page, site, module)


def test_shift_three_times_leaves(site, page, module):
    open_module(page, site, module)
    for _ in range(3):
        page.keyboard.press("Shift")
    assert_left_for_neutral_page(page, site, module)


def test_shift_with_a_letter_does_not_count_and_the_count_resets(site, page, module):
    open_module(page, site, module)
    page.clock.install()
    for _ in range(3):
        page.keyboard.press("Shift+A")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.fast_forward(6000)  # more than five seconds without a press
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url == site + module.url


def test_content_warning_with_javascript_shows_and_skips(site, page, module):
    open_module(page, site, module)
    story = page.get_by_text("Relato de la detención.")
    assert not story.is_visible()
    page.get_by_role("link", name="Saltar esta parte").click()
    assert not story.is_visible()
    assert page.get_by_text("Después.").is_visible()
    page.get_by_text("Mostrar esta parte").click()
    assert story.is_visible()


def test_journal_autosaves_and_survives_a_reload(site, browser, sign_in, module):
    context = browser.new_context(locale="es-MX")
    sign_in(context, trainee(username="escritora"))
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.clock.install()
    page.goto(site + module.url)
    page.get_by_role("link", name="Escribir en mi diario").click()
    page.wait_for_load_state("load")  # so the autosave script is listening
    box = page.get_by_label("Tu respuesta")
    box.fill("Hablar con mi hermana.")
    page.clock.fast_forward(11_000)  # ten seconds after typing
    page.get_by_text("Guardado a las").wait_for()
    assert "/es/diario/" in page.url and "/escribir/" not in page.url

    box.fill("Hablar con mi hermana. Y dormir.")
    with page.expect_response(lambda r: r.request.method == "POST" and r.ok):
        page.get_by_role("heading", name="Entrada del diario").click()  # focus leaves the field
    page.reload()
    assert page.get_by_label("Tu respuesta").input_value() == "Hablar con mi hermana. Y dormir."
    context.close()
