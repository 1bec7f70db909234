"""The crawl: every page an anonymous reader, a trainee and a facilitator reach, in both
languages, on phones and a tablet. The quick exit is always on screen and never lies over
another control, no page scrolls sideways, and axe finds nothing to fix.

One browser page per person, reused for every page it visits; each width costs one
viewport change and one evaluate. axe-core comes from node_modules (`make assets`); the
site never loads it."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.translation import override

from tests.test_one_voice_crawl import crawl, crawl_world

WIDTHS = [320, 360, 414, 768]
AXE_WIDTHS = [360, 1280]
HEIGHT = 740
# Links followed from the known pages, per language: every kind of page, not every module.
FOLLOWED = 15
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
AXE_RULES = ["wcag2a", "wcag2aa", "best-practice"]

# What the quick exit's box must not touch: every control a finger could mean to tap
# (tabindex="-1" marks a focus target, such as <main> for the skip link, not a control).
# Measured at the top of the page; then, scrolled to the bottom, the exit is still there.
MEASURE = """() => {
    const exit = document.querySelector("[data-quick-exit]");
    if (!exit) return {missing: true};
    const controls = "a[href], button, input:not([type=hidden]), select, textarea, summary,"
        + " [tabindex]:not([tabindex='-1'])";
    const shown = (el) => {
        const r = el.getBoundingClientRect();
        return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== "hidden";
    };
    const inView = () => {
        const box = exit.getBoundingClientRect();
        return box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight
            && box.right <= innerWidth;
    };
    window.scrollTo({top: 0, behavior: "instant"});
    const box = exit.getBoundingClientRect();
    const covered = [...document.querySelectorAll(controls)]
        .filter((el) => el !== exit && !exit.contains(el) && !el.contains(exit) && shown(el))
        .filter((el) => {
            const r = el.getBoundingClientRect();
            return r.left < box.right && box.left < r.right
                && r.top < box.bottom && box.top < r.bottom;
        })
        .map((el) => el.outerHTML.slice(0, 100));
    const atTop = inView();
    window.scrollTo({top: document.documentElement.scrollHeight, behavior: "instant"});
    const atBottom = inView();
    window.scrollTo({top: 0, behavior: "instant"});
    const sideways = document.documentElement.scrollWidth - innerWidth;
    // What sticks out, innermost first, leaving out what a scroll box holds: where to
    // look when the page scrolls sideways.
    const clipped = (el) => {
        for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
            if (getComputedStyle(box).overflowX !== "visible") return true;
        }
        return false;
    };
    const sticking = sideways <= 0 ? [] : [...document.body.querySelectorAll("*")]
        .filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5 && !clipped(el))
        .reverse().slice(0, 3).map((el) => el.outerHTML.slice(0, 100));
    return {covered, atTop, atBottom, sideways, sticking};
}"""

RUN_AXE = """async (rules) => {
    const result = await axe.run(document, {runOnly: {type: "tag", values: rules}});
    return result.violations.map((v) => ({
        id: v.id,
        targets: v.nodes.slice(0, 4).map((n) => n.target.join(" ")),
    }));
}"""


NOT_FOUND = ["/es/no-existe/", "/en/no-such-page/"]

# The first form of the page, emptied, sent past the browser's own checks to the server.
EMPTY_THE_FORM = """() => {
    const form = document.querySelector("main form[method=post]");
    form.noValidate = true;
    for (const field of form.querySelectorAll("input:not([type=hidden]), textarea")) {
        if (!["submit", "checkbox", "radio"].includes(field.type)) field.value = "";
    }
}"""


def forms_to_send_empty(who: str) -> list[str]:
    with override("es"):
        if who == "anonymous":
            return [reverse("account_signup"), reverse("account_login")]
        return [reverse("account_change_password")]


@pytest.fixture
def world(site):
    from booklets.services import site_structure_ensure

    return crawl_world(site_structure_ensure())


def layout_problems(measured: dict, where: str) -> list[str]:
    if measured.get("missing"):
        return [f"{where}: no quick exit"]
    problems = [f"{where}: the quick exit covers {html}" for html in measured["covered"]]
    if not measured["atTop"]:
        problems.append(f"{where}: the quick exit is off screen")
    if not measured["atBottom"]:
        problems.append(f"{where}: scrolled down, the quick exit is off screen")
    if measured["sideways"] > 0:
        sticking = measured["sticking"]
        problems.append(f"{where}: scrolls {measured['sideways']} px sideways, {sticking}")
    return problems


def walk(browser, site, world, who, sign_in):
    """Visits the person's pages; returns what is wrong with the layout and what axe
    found, each line naming the page and the width."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make assets` (npm ci installs axe-core)")
    context = browser.new_context(locale="es-MX")
    # Before any page script, in every page: axe is there to run, the site never loads it.
    context.add_init_script(path=str(AXE))
    if world.people[who] is not None:
        sign_in(context, world.people[who])
    page = context.new_page()
    page.set_default_timeout(15_000)
    layout, axe, visited = [], [], []

    def check(name):
        for width in sorted({*WIDTHS, *AXE_WIDTHS}):
            page.set_viewport_size({"width": width, "height": HEIGHT})
            where = f"{who} {name} at {width} px"
            if width in WIDTHS:
                layout.extend(layout_problems(page.evaluate(MEASURE), where))
            if width in AXE_WIDTHS:
                for violation in page.evaluate(RUN_AXE, AXE_RULES):
                    axe.append(f"{where}: {violation['id']} {violation['targets']}")

    def fetch(path):
        response = page.goto(site + path)
        if urlsplit(page.url).path != urlsplit(path).path:
            return None  # a page this person may not see sent them elsewhere
        if response.status != 200 or "text/html" not in response.headers["content-type"]:
            return None
        visited.append(path)
        check(path)
        return page.content()

    for language, start in (("es", ["/es/", *world.known[who]]), ("en", ["/en/"])):
        for _path, _html in crawl(fetch, start, language, limit=FOLLOWED):
            pass
    # The page for an address that does not exist has the quick exit too.
    for path in NOT_FOUND:
        assert page.goto(site + path).status == 404
        check(path)
    # Forms sent empty: the error summary and the fields' errors are pages too.
    for path in forms_to_send_empty(who):
        page.goto(site + path)
        page.evaluate(EMPTY_THE_FORM)
        with page.expect_navigation():
            page.locator("main form[method=post] [type=submit]").first.click()
        check(f"{path} sent empty")
    context.close()
    return layout, axe, visited


@pytest.mark.parametrize("who", ["anonymous", "trainee", "facilitator"])
def test_the_quick_exit_covers_nothing_nothing_scrolls_sideways_and_axe_finds_nothing(
    browser, site, world, sign_in, who
):
    layout, axe, visited = walk(browser, site, world, who, sign_in)
    print(f"\n{who}: {len(visited)} pages", *layout, *axe, sep="\n  ")
    assert [path for path in world.known[who] if path not in visited] == []
    assert len(visited) >= len(world.known[who]) + 10
    assert layout == [], "\n".join(layout)
    assert axe == [], "\n".join(axe)
