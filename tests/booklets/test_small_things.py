"""Small things a reader meets (issue 16, finding 7): a favicon, the Shift-three-times hint in
sight, a quick-exit focus ring that shows, an accessible pause, "mark as studied" back
at the same place, the facilitator guide out of a lone reader's count, distinct aside
names, and a privacy notice that names links that exist."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from wagtail.models import Locale

from tests.factories import (
    BookletPageFactory,
    ModulePageFactory,
    block,
    body,
    facilitator,
    sign_in,
    trainee,
)

pytestmark = pytest.mark.django_db

CSS = Path(settings.BASE_DIR) / "site" / "static" / "css" / "claves.css"


def parse(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def booklet(homes):
    """An English booklet of two study modules and a facilitator guide."""
    english = Locale.objects.get(language_code="en")
    booklet = BookletPageFactory(parent=homes["en"], title="Fear", number=1, locale=english)
    modules = [
        ModulePageFactory(parent=booklet, title=title, kind=kind, locale=english)
        for title, kind in (
            ("Concepts", "concepts"),
            ("Tools", "tools"),
            ("Facilitator guide", "facilitation"),
        )
    ]
    return booklet, modules


# Favicon


def test_every_page_links_a_favicon_that_is_served(client, homes):
    page = parse(client.get("/en/"))
    icons = page.select('link[rel~="icon"]')
    assert icons, "no favicon: the browser asks for /favicon.ico and gets a 404"
    for icon in icons:
        response = client.get(icon["href"])
        assert response.status_code == 200, icon["href"]
    assert any(icon.get("type") == "image/svg+xml" for icon in icons)


# Shift three times


def test_the_shift_three_times_exit_is_explained_in_sight(client, homes):
    page = parse(client.get("/en/"))
    hint = page.select_one(".quick-exit-hint")
    assert hint is not None
    assert "Shift" in hint.get_text()
    # In sight: not inside anything hidden from the eye, and not in the header bar.
    assert "visually-hidden" not in (hint.get("class") or [])
    assert hint.find_parent(class_="visually-hidden") is None
    assert hint.find_parent(class_="site-header") is None


# Focus ring on the quick exit


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    darker, lighter = sorted([luminance(a), luminance(b)])
    return (lighter + 0.05) / (darker + 0.05)


def test_the_quick_exit_focus_ring_stands_out_from_the_button_and_the_bar():
    css = CSS.read_text()
    rule = re.search(r"\.quick-exit:focus-visible\s*\{([^}]*)\}", css)
    assert rule, "the quick exit keeps the amber ring meant for the page"
    outline = re.search(r"outline:\s*\d+px solid (#[0-9a-fA-F]{6})", rule.group(1))
    ring = outline.group(1)
    button = re.search(r"\.quick-exit\s*\{[^}]*background:\s*(#[0-9a-fA-F]{6})", css).group(1)
    bar = re.search(r"--ink:\s*(#[0-9a-fA-F]{6})", css).group(1)
    hovered = re.search(r"\.quick-exit:hover\s*\{[^}]*background:\s*(#[0-9a-fA-F]{3,6})", css)
    assert contrast(ring, button) >= 3
    assert contrast(ring, bar) >= 3
    assert contrast(ring, "#ffffff" if hovered.group(1) == "#fff" else hovered.group(1)) >= 3


# Pause


def module_with(booklet, *blocks):
    booklet_page, _modules = booklet
    return ModulePageFactory(
        parent=booklet_page, title="With pauses", locale=booklet_page.locale, body=body(*blocks)
    )


def pause(title, seconds=60):
    return block(
        "pause", {"title": title, "instructions": "Breathe in and out.", "seconds": seconds}
    )


def test_two_pauses_on_a_module_are_landmarks_a_reader_can_tell_apart(client, booklet):
    module = module_with(booklet, pause("Take a breath"), pause("Before the cases"))
    page = parse(client.get(module.url))
    asides = page.select("aside")
    names = []
    for aside in asides:
        if aside.get("aria-labelledby"):
            names.append(page.find(id=aside["aria-labelledby"]).get_text(strip=True))
        else:
            names.append(aside.get("aria-label"))
    assert len(names) == len(set(names)), names
    assert any("Take a breath" in name for name in names)


def test_a_pause_says_what_its_timer_does_and_offers_a_stop(client, booklet):
    module = module_with(booklet, pause("Take a breath", seconds=40))
    page = parse(client.get(module.url))
    box = page.select_one(".pause")
    # Without JavaScript the text alone guides: the breathing rhythm the timer follows.
    guidance = box.select_one(".pause__rhythm").get_text(" ", strip=True)
    assert "Breathe in" in guidance and "breathe out" in guidance
    assert box["data-stop-label"]
    assert box["data-started-label"]


# Mark as studied


def test_marking_as_studied_returns_to_the_form_not_the_top(client, booklet):
    _booklet, modules = booklet
    sign_in(client, trainee())
    page = parse(client.get(modules[0].url))
    form = page.select_one("form.studied")
    assert form.get("id")
    response = client.post(form["action"])
    assert response.status_code == 302
    assert response["Location"].endswith(f"{modules[0].url}#{form['id']}")
    undo = client.post(form["action"], {"undo": "1"})
    assert undo["Location"].endswith(f"#{form['id']}")


# The facilitator guide out of a lone reader's count


def position_of(client, module):
    return (
        parse(client.get(module.url)).select_one(".module-header__kind").get_text(" ", strip=True)
    )


def test_a_lone_reader_counts_the_study_modules_only(client, booklet):
    _booklet, (_concepts, tools, guide) = booklet
    sign_in(client, trainee())
    assert "Module 2 of 2" in position_of(client, tools)
    assert "Module" not in position_of(client, guide).replace("Facilitator", "")


def test_an_anonymous_reader_counts_the_study_modules_only(client, booklet):
    _booklet, (concepts, _tools, _guide) = booklet
    assert "Module 1 of 2" in position_of(client, concepts)


def test_a_facilitator_counts_the_guide_too(client, booklet):
    _booklet, (_concepts, _tools, guide) = booklet
    sign_in(client, facilitator())
    assert "Module 3 of 3" in position_of(client, guide)


def test_home_and_contents_count_a_lone_readers_study_modules(client, booklet):
    booklet_page, _modules = booklet
    sign_in(client, trainee())
    home = parse(client.get("/en/"))
    card = home.select_one(".booklet-card__meta").get_text(" ", strip=True)
    assert "2 modules" in card and "0 of 2 studied" in card
    contents = parse(client.get(booklet_page.url))
    assert "0 of 2 studied" in contents.select_one(".toc__progress").get_text()


# Privacy notice


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_privacy_notice_names_the_account_link_the_menu_has(language):
    """The notice sends readers to the account page by the name the menu gives it."""
    from django.utils import translation

    notices = {"es": "aviso-de-privacidad.md", "en": "privacy-notice.md"}
    text = (
        Path(settings.BASE_DIR) / "demo/content" / language / "pages" / notices[language]
    ).read_text()
    with translation.override(language):
        from django.utils.translation import gettext

        link = gettext("My account")
    named = re.findall(r"[«“]([^»”]+)[»”]", text)
    account_names = [
        name for name in named if "cuenta" in name.lower() or "account" in name.lower()
    ]
    assert account_names, "the notice no longer says where to find the account page"
    for name in account_names:
        assert name == link, f"«{name}» is not what the menu says ({link})"
