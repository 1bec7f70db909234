"""On a shared phone nothing of ours outlives the browser session: no year-long CSRF
cookie, a session cookie without an expiry date."""

import pytest
from django.conf import settings

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_forms_work_without_a_csrf_cookie_and_no_cookie_lasts_beyond_the_browser(homes):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    form = client.get("/es/accounts/login/")
    assert settings.CSRF_COOKIE_NAME not in form.cookies
    token = form.context["csrf_token"]
    UserFactory(username="tortuga")
    signed_in = client.post(
        "/es/accounts/login/",
        {"login": "tortuga", "password": PASSWORD, "csrfmiddlewaretoken": str(token)},
    )
    assert signed_in.status_code == 302
    for response in (form, signed_in):
        assert settings.CSRF_COOKIE_NAME not in response.cookies
        for cookie in response.cookies.values():
            assert not cookie["expires"] and not cookie["max-age"], cookie.key
