"""The header on phones and tablets: the quick exit is always on screen and never lies
over another control, nothing scrolls sideways, and the header leaves room to read."""

import pytest

from tests.factories import BookletPageFactory, ModulePageFactory, facilitator, trainee

WIDTHS = [320, 360, 414, 768]
HEIGHT = 740

# What the quick exit's box must not touch: every control a finger could mean to tap.
MEASURE = """() => {
    const exit = document.querySelector("[data-quick-exit]");
    const box = exit.getBoundingClientRect();
    const controls = "a[href], button, input:not([type=hidden]), select, textarea, summary";
    const overlapping = [...document.querySelectorAll(controls)]
        .filter((el) => el !== exit && !exit.contains(el))
        .filter((el) => {
            const r = el.getBoundingClientRect();
            if (r.width <= 1 || r.height <= 1 || getComputedStyle(el).visibility === "hidden") {
                return false;
            }
            return r.left < box.right && box.left < r.right
                && r.top < box.bottom && box.top < r.bottom;
        })
        .map((el) => el.outerHTML.slice(0, 120));
    const nav = document.querySelector(".site-nav") || document.querySelector(".site-header");
    return {
        overlapping,
        inView: box.top >= 0 && box.left >= 0
            && box.bottom <= innerHeight && box.right <= innerWidth,
        sideways: document.documentElement.scrollWidth - innerWidth,
        headerBottom: nav.getBoundingClientRect().bottom,
    };
}"""


LOOK = "b => ['backgroundColor', 'color', 'textDecorationLine'].map((k) => getComputedStyle(b)[k])"


@pytest.fixture
def pages(site):
    from booklets.models import HomePage

    home = HomePage.objects.get(depth=2, locale__language_code="es")
    booklet = BookletPageFactory(parent=home, title="Fortalecimiento de quienes acompañan")
    module = ModulePageFactory(parent=booklet, title="El cuidado colectivo como práctica")
    paths = {
        "home": "/es/",
        "booklet": booklet.url,
        "module": module.url,
        "sign-in": "/es/accounts/login/",
        "sign-up": "/es/accounts/signup/",
        "profile": "/es/accounts/profile/",
        "journal": "/es/diario/",
        "password": "/es/accounts/password/change/",
    }
    return {name: site + path for name, path in paths.items()}


def _check(page, url, width):
    page.set_viewport_size({"width": width, "height": HEIGHT})
    page.goto(url)
    at_top = page.evaluate(MEASURE)
    where = f"{url} at {width} px"
    assert at_top["overlapping"] == [], f"{where}: the quick exit covers {at_top['overlapping']}"
    assert at_top["inView"], f"{where}: the quick exit is off screen"
    assert at_top["sideways"] <= 0, f"{where}: the page scrolls {at_top['sideways']} px sideways"
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    assert page.evaluate(MEASURE)["inView"], f"{where}: scrolled down, the quick exit is gone"
    return at_top


@pytest.mark.parametrize("width", WIDTHS)
def test_signed_out_the_quick_exit_covers_nothing(page, pages, width):
    for name in ("home", "booklet", "module", "sign-in", "sign-up"):
        _check(page, pages[name], width)


@pytest.mark.parametrize("width", WIDTHS)
def test_signed_in_the_header_is_compact_and_covers_nothing(page, pages, sign_in, width):
    sign_in(page.context, trainee())
    for url in (pages["home"], pages["module"], pages["profile"], pages["journal"]):
        measured = _check(page, url, width)
        # Under a sixth of a 740 px phone screen, menu and all.
        assert measured["headerBottom"] <= HEIGHT / 6, f"{url} at {width} px: {measured}"


@pytest.mark.parametrize("width", WIDTHS)
def test_a_facilitator_finds_the_facilitator_home_from_the_header(page, pages, sign_in, width):
    sign_in(page.context, facilitator())
    page.set_viewport_size({"width": width, "height": HEIGHT})
    page.goto(pages["home"])
    page.get_by_role("navigation", name="Cuenta").get_by_role("link", name="Facilitar").click()
    assert page.url.endswith("/es/facilitar/")
    _check(page, page.url, width)


def test_a_trainee_is_not_offered_the_facilitator_home(page, pages, sign_in):
    sign_in(page.context, trainee())
    page.goto(pages["home"])
    assert page.get_by_role("link", name="Facilitar").count() == 0


def test_signing_out_is_the_same_button_on_every_page(page, pages, sign_in):
    """A POST button that looks like the links beside it, on reading and account pages."""
    sign_in(page.context, trainee())
    looks = set()
    for url in (pages["home"], pages["profile"], pages["password"]):
        page.goto(url)
        sign_out = page.locator(".site-nav form[method=post] button", has_text="Cerrar sesión")
        looks.add(tuple(sign_out.evaluate(LOOK)))
    assert len(looks) == 1, looks
    sign_out.click()
    page.get_by_role("link", name="Iniciar sesión").wait_for()  # the signed-out page
    assert page.get_by_role("link", name="Iniciar sesión").count() == 1
