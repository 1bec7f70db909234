"""Issue 16, checked as its finders would, without JavaScript (the header tests and the
crawl run with it): at 320 and 768 px, in Spanish and English, signed out and as a
facilitator, the quick exit is on screen and covers nothing, no page scrolls sideways,
the facilitator finds "Facilitar" and signs out with a button."""

import pytest

from tests.e2e.test_header import MEASURE
from tests.factories import BookletPageFactory, ModulePageFactory, facilitator

HEIGHT = 740


@pytest.fixture
def module_url(site):
    from booklets.models import HomePage

    home = HomePage.objects.get(depth=2, locale__language_code="es")
    booklet = BookletPageFactory(parent=home, title="Represión política y miedo")
    return ModulePageFactory(parent=booklet, title="El miedo como estrategia").url


@pytest.mark.parametrize("signed_in", [False, True], ids=["signed out", "facilitator"])
def test_without_javascript_the_header_holds_at_phone_and_tablet_widths(
    browser, site, sign_in, module_url, signed_in
):
    context = browser.new_context(locale="es-MX", java_script_enabled=False)
    if signed_in:
        sign_in(context, facilitator(username="rosa"))
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems = []
    for path in ("/es/", module_url, "/en/"):
        for width in (320, 768):
            page.set_viewport_size({"width": width, "height": HEIGHT})
            page.goto(site + path)
            measured = page.evaluate(MEASURE)
            where = f"{path} at {width} px"
            problems += [f"{where}: covers {html}" for html in measured["overlapping"]]
            if not measured["inView"]:
                problems.append(f"{where}: the quick exit is off screen")
            if measured["sideways"] > 0:
                problems.append(f"{where}: scrolls {measured['sideways']} px sideways")
    assert problems == [], "\n".join(problems)
    if signed_in:
        page.goto(site + "/es/")
        account = page.get_by_role("navigation", name="Cuenta")
        assert account.get_by_role("link", name="Facilitar").count() == 1
        account.get_by_role("button", name="Cerrar sesión").click()
        assert page.get_by_role("link", name="Iniciar sesión").count() == 1
    context.close()
