"""In a browser: the pause keeps focus, stops, and speaks only at start and end; the
quick exit's focus ring shows against the button and the bar; the glossary index does
not collide on a phone."""

import json

import pytest

from tests.factories import BookletPageFactory, GlossaryTermFactory, ModulePageFactory, block, body


def luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    darker, lighter = sorted([luminance(a), luminance(b)])
    return (lighter + 0.05) / (darker + 0.05)


@pytest.fixture
def module_url(site):
    from booklets.models import HomePage

    home = HomePage.objects.get(depth=2, locale__language_code="es")
    booklet = BookletPageFactory(parent=home)
    pause = block("pause", {"title": "Respira", "instructions": "Despacio.", "seconds": 10})
    module = ModulePageFactory(parent=booklet, body=body(pause))
    return site + module.url


def test_the_pause_keeps_focus_stops_and_speaks_twice(page, module_url):
    page.goto(module_url)
    # Everything the polite status says, as it says it.
    page.evaluate(
        """() => {
            window.spoken = [];
            const status = document.querySelector(".pause [role=status]");
            new MutationObserver(() => window.spoken.push(status.textContent))
                .observe(status, {childList: true, characterData: true, subtree: true});
        }"""
    )
    start = page.get_by_role("button", name="Empezar la pausa")
    start.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(2500)
    focused = page.evaluate("document.activeElement.className")
    assert focused == "pause__stop"
    assert page.locator(".pause__stop").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.className") == "pause__start"
    spoken = page.evaluate("window.spoken")
    assert len(spoken) == 2, json.dumps(spoken)
    # The counting seconds are for the eye only.
    assert page.locator(".pause__timer").get_attribute("aria-hidden") == "true"


def test_the_quick_exit_focus_ring_shows_on_the_button_and_the_bar(page, site):
    page.goto(site + "/es/")
    exit_link = page.locator("[data-quick-exit]")
    for _control in range(8):  # skip link, brand, then the quick exit's neighbours
        page.keyboard.press("Tab")
        if exit_link.evaluate("e => e === document.activeElement"):
            break
    assert exit_link.evaluate("e => e === document.activeElement")
    ring, button = exit_link.evaluate(
        "e => [getComputedStyle(e).outlineColor, getComputedStyle(e).backgroundColor]"
    )
    bar = page.locator(".site-header").evaluate("e => getComputedStyle(e).backgroundColor")
    assert exit_link.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    assert contrast(ring, button) >= 3, (ring, button)
    assert contrast(ring, bar) >= 3, (ring, bar)


def test_the_glossary_index_does_not_collide_on_a_phone(page, site):
    words = ("Acompañamiento psicosocial", "Interseccionalidad", "Psicotraumatología", "Duelo")
    for word in words:
        GlossaryTermFactory(term=word)
    page.set_viewport_size({"width": 320, "height": 740})
    page.goto(site + "/es/glosario/")
    overlaps = page.evaluate(
        """() => {
            const boxes = [...document.querySelectorAll(".glossary-index a")]
                .map((a) => a.getBoundingClientRect());
            return boxes.some((a, i) => boxes.some((b, j) => i !== j
                && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom));
        }"""
    )
    assert not overlaps
    assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0
