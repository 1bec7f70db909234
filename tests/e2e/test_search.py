"""Searching on a phone without JavaScript: the menu's Search link, the search page's own
box, results with the matched words marked, and the module a result leads to."""

import pytest

from tests.factories import BookletPageFactory, ModulePageFactory, block, body


@pytest.fixture
def module(site):
    from booklets.models import HomePage

    home = HomePage.objects.get(depth=2, locale__language_code="es")
    booklet = BookletPageFactory(parent=home, title="Desaparición forzada", number=2)
    ModulePageFactory(
        parent=booklet,
        title="Otro módulo",
        body=body(block("text", "<p>Nada que ver con lo buscado.</p>")),
    )
    return ModulePageFactory(
        parent=booklet,
        title="La búsqueda en vida",
        body=body(
            block("text", "<p>Las familias buscan en cada fosa clandestina del país.</p>"),
        ),
    )


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        locale="es-MX", viewport={"width": 360, "height": 740}, java_script_enabled=False
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_search_on_a_phone_without_javascript_marks_the_words_and_opens_the_module(
    site, module, phone
):
    phone.goto(f"{site}/es/")
    # On a phone the menu row has a link, not a box: the search page has its own.
    assert phone.locator(".site-nav .site-search").is_hidden()
    phone.locator(".site-search__link").click()
    phone.locator("#search-query").fill("FOSA clandestina")
    phone.locator(".search-form button").click()

    results = phone.locator(".search-result")
    assert results.count() == 1
    assert phone.locator(".search-result mark").all_inner_texts() == ["fosa", "clandestina"]
    assert "FOSA" not in phone.title()
    assert phone.locator("[data-quick-exit]").is_visible()
    sideways = phone.evaluate("document.documentElement.scrollWidth - innerWidth")
    assert sideways <= 0

    phone.locator(".search-result__title").click()
    phone.wait_for_load_state()
    assert phone.locator("h1").inner_text() == "La búsqueda en vida"
    assert phone.url.split("#")[0] == f"{site}{module.url}"
