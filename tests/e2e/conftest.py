"""Browser tests: Debian's Chromium driven by Playwright, against one live server.

The server answers two origins, as `make run` does: the site on http://127.0.0.1:<port>
and the activity origin (H5P_ORIGIN) on http://localhost:<port>. Two host names are two
origins and two sites to the browser, so the frame an activity plays in is as far from
the site as it is in production."""

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
def browser(django_db_setup):
    from django.db import connections

    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls that the
    # tests' fixtures make are still plain synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    # The copy of the migrated database (role groups, their permissions, the moderation
    # workflow) that serialized rollback puts back after each flush hangs on this
    # thread's connection. Once Playwright's event loop runs in this thread, Django
    # hands the thread other connections (asgiref keys them by context when a loop
    # runs): without that copy, every test after the first would start from bare tables.
    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True
        )
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def live_server():
    """One live server for the whole browser suite, on 127.0.0.1 (pytest-django's own
    would listen on "localhost", the activity origin's host name here). Static files go
    through the middleware, as WhiteNoise serves them in production, so the activity
    origin's headers apply to them too."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("127.0.0.1", start=False)
    server.thread.static_handler = _through_the_middleware
    server.start()
    yield server
    server.stop()


def _through_the_middleware(handler):
    return handler


@pytest.fixture
def site(django_db_serialized_rollback, transactional_db, live_server, settings):
    """The site's address (http://127.0.0.1:<port>), with the page tree in place and the
    activity origin (http://localhost:<port>, same server) configured. The server runs in
    a thread of this process, so the settings seen by its requests are these. After each
    test the tables are emptied and what migrations made (roles and their permissions,
    the moderation workflow) is put back, so every test starts from the same house."""
    from django.contrib.auth.models import Group

    from accounts.roles import EDITORS
    from booklets.services import site_structure_ensure

    # Without what migrations made, an editor has no admin access and the browser
    # loops between /admin/ and the sign-in page: say so here instead.
    assert Group.objects.get(name=EDITORS).permissions.exists(), "role groups not restored"
    port = live_server.thread.port
    site_url = f"http://127.0.0.1:{port}"
    settings.WAGTAILADMIN_BASE_URL = site_url
    settings.H5P_ORIGIN = f"http://localhost:{port}"
    settings.ALLOWED_HOSTS = sorted({*settings.ALLOWED_HOSTS, "127.0.0.1", "localhost"})
    site_structure_ensure()
    return site_url


@pytest.fixture
def activity_origin(site, settings):
    return settings.H5P_ORIGIN


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
