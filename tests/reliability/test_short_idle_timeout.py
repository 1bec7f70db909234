"""An idle timeout shorter than a minute still only signs out people who are idle."""

import time

import pytest
from django.test import Client

from accounts.middleware import SEEN_AT, STARTED_AT
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_active_every_20_seconds_stays_signed_in_with_a_30_second_timeout(homes, settings):
    settings.SESSION_IDLE_TIMEOUT = 30
    UserFactory(username="colibri")
    browser = Client()
    browser.post("/es/accounts/login/", {"login": "colibri", "password": PASSWORD})
    now = int(time.time())
    session = browser.session
    session[STARTED_AT], session[SEEN_AT] = now - 40, now - 20  # a page 20 s ago
    session.save()
    for _ in range(3):  # a page now, then every 20 s
        assert browser.get("/es/accounts/profile/").status_code == 200
        session = browser.session
        session[STARTED_AT], session[SEEN_AT] = session[STARTED_AT] - 20, session[SEEN_AT] - 20
        session.save()
