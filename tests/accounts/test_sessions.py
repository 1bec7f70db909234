"""Sessions end after inactivity and at an absolute limit; a person sees where they are
signed in and can sign out everywhere."""

import time

import pytest
from django.test import Client

from accounts.middleware import SEEN_AT, STARTED_AT
from accounts.models import UserSession
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def sign_in(username) -> Client:
    browser = Client()
    response = browser.post("/es/accounts/login/", {"login": username, "password": PASSWORD})
    assert response.status_code == 302
    return browser


def is_signed_in(browser) -> bool:
    return browser.get("/es/accounts/profile/").status_code == 200


def test_sessions_page_lists_each_browser_without_addresses(homes):
    UserFactory(username="venado")
    phone, laptop = sign_in("venado"), sign_in("venado")
    page = laptop.get("/es/accounts/sessions/").content.decode()
    assert page.count("<tr>") == 3  # header and two browsers
    assert "Este navegador" in page
    assert UserSession.objects.filter(user__username="venado").count() == 2
    assert is_signed_in(phone)


def test_sign_out_everywhere_ends_every_session(homes):
    UserFactory(username="armadillo")
    phone, laptop = sign_in("armadillo"), sign_in("armadillo")
    response = laptop.post("/es/accounts/sessions/sign-out-everywhere/")
    assert response.status_code == 302
    assert not is_signed_in(phone)
    assert not is_signed_in(laptop)
    assert not UserSession.objects.filter(user__username="armadillo").exists()


def test_signing_out_forgets_that_session(homes):
    UserFactory(username="tlacuache")
    browser = sign_in("tlacuache")
    browser.post("/es/accounts/logout/")
    assert not UserSession.objects.filter(user__username="tlacuache").exists()


@pytest.mark.parametrize(
    ("started_ago", "seen_ago", "still_signed_in"),
    [
        (60, 30, True),
        (3 * 3600, 2 * 3600 + 60, False),  # idle longer than two hours
        (13 * 3600, 30, False),  # busy, but past the absolute limit
    ],
)
def test_idle_and_absolute_timeouts(homes, settings, started_ago, seen_ago, still_signed_in):
    settings.SESSION_IDLE_TIMEOUT = 2 * 3600
    settings.SESSION_ABSOLUTE_TIMEOUT = 12 * 3600
    UserFactory(username="zorro")
    browser = sign_in("zorro")
    assert is_signed_in(browser)
    session = browser.session
    now = int(time.time())
    session[STARTED_AT], session[SEEN_AT] = now - started_ago, now - seen_ago
    session.save()
    assert is_signed_in(browser) is still_signed_in
