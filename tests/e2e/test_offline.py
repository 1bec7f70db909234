"""Reading offline in a real browser: demo booklet 2 saved in Spanish, read with the
network off (Playwright's offline mode), and nothing left behind after the quick exit
or signing out. The server side is tests/booklets/test_offline.py."""

import pytest

from tests.factories import facilitator, trainee

FACILITATOR_ONLY = "Pregunta al grupo qué protocolos de seguridad ya usan"

# What the origin still holds: caches, service workers, storage of any kind.
LEFT_BEHIND = """async () => ({
    caches: (await caches.keys()).length,
    workers: (await navigator.serviceWorker.getRegistrations()).length,
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
})"""
NOTHING = {"caches": 0, "workers": 0, "local": 0, "session": 0, "databases": 0}

# Every response kept in the saved copies, as text.
SAVED_TEXT = """async () => {
    const texts = [];
    for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
            texts.push(await (await cache.match(request)).text());
        }
    }
    return texts.join("\\n");
}"""

SAVED_PATHS = """async () => {
    const cache = await caches.open((await caches.keys())[0]);
    return (await cache.keys()).map(request => new URL(request.url).pathname);
}"""


@pytest.fixture
def demo(site, settings):
    """The demo curriculum (booklet 2 is "Desaparición forzada") and a neutral page of
    our own as the quick exit's destination."""
    from booklets.models import BookletPage
    from demo.seed import seed_demo

    settings.QUICK_EXIT_URL = f"{site}/en/glossary/"
    seed_demo(with_accounts=False)
    spanish = BookletPage.objects.live().filter(locale__language_code="es")
    return {"booklet": spanish.get(number=2), "unsaved": spanish.get(number=1)}


@pytest.fixture
def context(browser):
    context = browser.new_context(locale="es-MX")
    context.set_default_timeout(15_000)
    yield context
    context.close()


def save_booklet(page, site, booklet):
    page.goto(f"{site}/es/")
    page.get_by_role("link", name=booklet.title).first.click()
    page.locator("[data-offline-save]").click()
    status = page.locator("[data-offline-status]")
    status.filter(has_text="KB").wait_for()
    return status.inner_text()


def is_offline_page(page):
    return page.locator("[data-offline-list]").count() == 1


def test_a_saved_booklet_reads_offline_module_by_module_with_its_links(site, demo, context):
    booklet = demo["booklet"]
    page = context.new_page()
    status = save_booklet(page, site, booklet)
    assert "Edición 2, 2021" in status  # the copy says which edition it is
    modules = [(m.title, m.url) for m in booklet.get_children().live().order_by("path")]
    assert len(modules) == 5
    saved_urls = set(page.evaluate(SAVED_PATHS))

    context.set_offline(True)
    page.goto(f"{site}/es/")  # the home page opens from the saved copy
    page.get_by_role("link", name=booklet.title).first.click()
    assert page.get_by_role("heading", level=1).inner_text() == booklet.title
    for title, url in modules:
        page.goto(site + booklet.url)
        page.locator(f'.toc a[href="{url}"]').click()
        assert page.get_by_role("heading", level=1).inner_text() == title
        assert not is_offline_page(page)
        links = page.locator("main a[href^='/']").evaluate_all(
            "links => links.map(a => new URL(a.href).pathname)"
        )
        for link in dict.fromkeys(links):
            page.goto(site + link)
            # A link to a saved page opens it; any other shows the calm offline page.
            assert is_offline_page(page) == (link not in saved_urls), link
            assert page.get_by_role("heading", level=1).count() == 1


def test_an_unsaved_booklet_shows_the_offline_page_listing_what_is_saved(site, demo, context):
    page = context.new_page()
    save_booklet(page, site, demo["booklet"])
    context.set_offline(True)
    page.goto(site + demo["unsaved"].url)
    assert is_offline_page(page)
    saved = page.locator("[data-offline-list] a")
    saved.first.wait_for()
    assert saved.all_inner_texts() == [demo["booklet"].title]
    saved.first.click()
    assert page.get_by_role("heading", level=1).inner_text() == demo["booklet"].title


@pytest.mark.parametrize("how", ["button", "shift"])
def test_quick_exit_leaves_no_cache_worker_or_storage(site, demo, context, how):
    page = context.new_page()
    save_booklet(page, site, demo["booklet"])
    page.evaluate("() => { localStorage.setItem('x', '1'); sessionStorage.setItem('y', '2'); }")
    assert page.evaluate(LEFT_BEHIND)["caches"] == 1
    # As a browser that ignores Clear-Site-Data: /exit/ answers without it, so the
    # script alone must have removed everything.
    neutral = f"{site}/en/glossary/"
    context.route(
        "**/exit/", lambda route: route.fulfill(status=302, headers={"Location": neutral})
    )
    if how == "button":
        page.locator("[data-quick-exit]").click()
    else:
        for _ in range(3):
            page.keyboard.press("Shift")
    page.wait_for_url(neutral)
    assert page.evaluate(LEFT_BEHIND) == NOTHING


def test_signing_out_removes_the_saved_copies(site, demo, context, sign_in):
    sign_in(context, trainee(username="lectora"))
    page = context.new_page()
    save_booklet(page, site, demo["booklet"])
    with page.expect_navigation():
        page.get_by_role("button", name="Cerrar sesión").click()
    page.get_by_role("link", name="Iniciar sesión").first.wait_for()  # signed out
    assert page.evaluate(LEFT_BEHIND) == NOTHING


def test_a_facilitators_saved_copy_holds_no_facilitator_only_text(site, demo, context, sign_in):
    sign_in(context, facilitator(username="facilitadora"))
    page = context.new_page()
    module = demo["booklet"].get_children().live().get(slug="contexto-de-la-busqueda")
    page.goto(site + module.url)
    assert page.get_by_text(FACILITATOR_ONLY).count() == 1  # online, signed in: shown
    save_booklet(page, site, demo["booklet"])
    saved = page.evaluate(SAVED_TEXT)
    assert module.title in saved
    assert FACILITATOR_ONLY not in saved
    assert "facilitadora" not in saved  # nothing of the account either


def test_a_form_offline_says_it_needs_a_connection_and_keeps_the_text(site, demo, context, sign_in):
    sign_in(context, trainee(username="escritora"))
    page = context.new_page()
    module = demo["booklet"].get_children().live().order_by("path").first()
    page.goto(site + module.url)
    page.get_by_role("link", name="Escribir en mi diario").first.click()
    page.wait_for_load_state("load")
    box = page.locator("textarea").first
    box.fill("Lo que quiero recordar.")
    url = page.url

    context.set_offline(True)
    page.locator("form button[type=submit]").last.click()
    page.locator(".needs-connection[role=alert]").wait_for()
    assert page.url == url
    assert box.input_value() == "Lo que quiero recordar."

    context.set_offline(False)
    with page.expect_navigation():
        page.locator("form button[type=submit]").last.click()
    assert page.get_by_text("Lo que quiero recordar.").count() >= 1


def test_a_new_live_revision_updates_the_saved_copy_on_the_next_visit(site, demo, context):
    booklet = demo["booklet"]
    page = context.new_page()
    save_booklet(page, site, booklet)
    module = booklet.get_children().live().order_by("path").first().specific
    module.title = "Una pérdida sin cierre, revisado"
    module.save_revision().publish()

    page.goto(site + booklet.url)  # online again: the copy is checked and saved anew
    updated = page.locator("[data-offline-panel]").get_attribute("data-updated")
    page.locator("[data-offline-status]").filter(has_text=updated.split("{")[0]).wait_for()
    # The saved contents list the new title once the new version is in.
    page.wait_for_function(
        """async (title) => {
            const page = await caches.match(new URL(location.href).pathname);
            return page && (await page.text()).includes(title);
        }""",
        arg=module.title,
    )
    assert page.evaluate(LEFT_BEHIND)["caches"] == 1  # one copy, the new one
    context.set_offline(True)
    page.goto(site + module.url)
    assert page.get_by_role("heading", level=1).inner_text() == module.title
