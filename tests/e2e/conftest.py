"""Browser tests: Debian's Chromium driven by Playwright, against one live server."""

import os
from pathlib import Path

import pytest

from tests.factories import sign_in as sign_in_client

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls that the
    # tests' fixtures make are still plain synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def site(transactional_db, live_server):
    """The live server's address, with the page tree in place."""
    from booklets.services import site_structure_ensure

    site_structure_ensure()
    return live_server.url


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="es-MX")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def sign_in(site):
    """Signs a browser context in as `user` by giving it a real session cookie."""
    from django.conf import settings as django_settings
    from django.test import Client

    def _sign_in(context, user):
        client = Client()
        sign_in_client(client, user)
        cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
        context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": site, "httpOnly": True}]
        )

    return _sign_in
