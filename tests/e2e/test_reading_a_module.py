"""Reading a module in both languages, with a content warning, without JavaScript."""

import pytest
from wagtail.models import Locale

from tests.factories import BookletPageFactory, ModulePageFactory, block, body

WARNING_TEXT = "Este caso describe una desaparición."
CASE_TEXT = "Marta lleva cuatro años buscando a su hijo."


@pytest.fixture
def module_in_both_languages(site):
    from booklets.models import HomePage

    homes = {home.locale.language_code: home for home in HomePage.objects.filter(depth=2)}
    booklet = BookletPageFactory(parent=homes["es"], title="Desaparición forzada", number=2)
    module = ModulePageFactory(
        parent=booklet,
        title="Casos: una madre que busca",
        kind="examples",
        body=body(
            block("text", "<p>Antes del caso.</p>"),
            block(
                "content_warning",
                {
                    "warning": WARNING_TEXT,
                    "content": [
                        block(
                            "case_example",
                            {
                                "title": "La búsqueda de Marta",
                                "narrative": f"<p>{CASE_TEXT}</p>",
                                "what_to_notice": "",
                            },
                        )
                    ],
                },
            ),
            block("text", "<p>Después del caso.</p>"),
        ),
    )
    english = Locale.objects.get(language_code="en")
    english_booklet = booklet.copy_for_translation(english)
    english_booklet.title, english_booklet.slug = "Forced disappearance", "forced-disappearance"
    english_booklet.save_revision().publish()
    english_module = module.copy_for_translation(english)
    english_module.title, english_module.slug = "Cases: a mother who searches", "mother-searches"
    english_module.save_revision().publish()
    return site, module


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False, locale="es-MX")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_module_opens_in_spanish_and_switches_to_english(module_in_both_languages, page):
    site, module = module_in_both_languages
    page.goto(site + module.url)
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("heading", level=1).inner_text() == "Casos: una madre que busca"

    page.get_by_role("navigation", name="Idioma").get_by_role("link", name="English").click()
    page.wait_for_url("**/en/forced-disappearance/mother-searches/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Cases: a mother who searches"


def test_content_warning_without_javascript_can_be_expanded(module_in_both_languages, no_js_page):
    site, module = module_in_both_languages
    page = no_js_page
    page.goto(site + module.url)
    assert page.get_by_text(WARNING_TEXT).is_visible()
    case = page.get_by_text(CASE_TEXT)
    assert not case.is_visible()

    page.get_by_text("Mostrar esta parte").click()
    assert case.is_visible()


def test_content_warning_without_javascript_can_be_skipped(module_in_both_languages, no_js_page):
    site, module = module_in_both_languages
    page = no_js_page
    page.goto(site + module.url)
    page.get_by_role("link", name="Saltar esta parte").click()
    assert "#after-" in page.url
    assert page.evaluate("document.activeElement.className") == "content-warning__after"
    assert not page.get_by_text(CASE_TEXT).is_visible()
    assert page.get_by_text("Después del caso.").is_visible()
