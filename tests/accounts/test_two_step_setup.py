"""Setting up the second factor right after signing in, on a phone: no second password
prompt, the key readable in full, and the way back to the page the person wanted."""

import re

import pytest
from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.models import Authenticator

from accounts.roles import FACILITATORS
from tests.factories import PASSWORD, UserFactory, totp_code

pytestmark = pytest.mark.django_db

ACTIVATE = "/es/accounts/2fa/totp/activate/"
CODES = "/es/accounts/2fa/recovery-codes/"
FACILITATOR_HOME = "/es/facilitar/"


@pytest.fixture
def new_facilitator(client, homes):
    """A facilitator with no authenticator yet, signed in with the sign-in form."""
    person = UserFactory(username="alondra", groups=[FACILITATORS])
    response = client.post("/es/accounts/login/", {"login": "alondra", "password": PASSWORD})
    assert response.status_code == 302
    return person


def _shown_secret(response) -> str:
    html = response.content.decode()
    shown = re.search(r"data-totp-secret[^>]*>([^<]+)<", html).group(1)
    return shown


def test_right_after_signing_in_the_set_up_does_not_ask_for_the_password_again(
    client, new_facilitator
):
    response = client.get(f"{ACTIVATE}?next={FACILITATOR_HOME}")
    assert response.status_code == 200
    assert 'name="code"' in response.content.decode()


def test_a_sign_in_long_ago_is_confirmed_again_before_the_set_up(client, new_facilitator):
    session = client.session
    for record in session[AUTHENTICATION_METHODS_SESSION_KEY]:
        record["at"] -= 3600
    session.save()
    response = client.get(ACTIVATE)
    assert response.status_code == 302
    assert response["Location"].startswith("/es/accounts/reauthenticate/")


def test_the_key_is_shown_in_full_four_characters_at_a_time(client, new_facilitator):
    shown = _shown_secret(client.get(ACTIVATE))
    groups = shown.split()
    assert len("".join(groups)) == 32
    assert all(len(group) == 4 for group in groups)


def test_after_activation_the_codes_lead_on_to_the_page_asked_for(client, new_facilitator):
    page = client.get(f"{ACTIVATE}?next={FACILITATOR_HOME}")
    secret = "".join(_shown_secret(page).split())
    response = client.post(f"{ACTIVATE}?next={FACILITATOR_HOME}", {"code": totp_code(secret)})
    assert response.status_code == 302
    assert response["Location"] == f"{CODES}?next=%2Fes%2Ffacilitar%2F"
    codes = client.get(response["Location"]).content.decode()
    assert f'href="{FACILITATOR_HOME}"' in codes
    assert client.get(FACILITATOR_HOME).status_code == 200


def test_a_next_page_on_another_site_is_dropped(client, new_facilitator):
    page = client.get(ACTIVATE)
    secret = "".join(_shown_secret(page).split())
    evil = "https://evil.example/"
    response = client.post(f"{ACTIVATE}?next={evil}", {"code": totp_code(secret)})
    assert response["Location"] == CODES
    assert f'href="{evil}"' not in client.get(f"{CODES}?next={evil}").content.decode()


def test_a_wrong_code_says_so_and_sets_nothing_up(client, new_facilitator):
    client.get(ACTIVATE)
    response = client.post(ACTIVATE, {"code": "000000"})
    assert response.status_code == 200
    assert "field__errors" in response.content.decode()
    assert not Authenticator.objects.filter(user=new_facilitator).exists()


def test_new_codes_are_apart_from_downloading_them(client, new_facilitator):
    page = client.get(ACTIVATE)
    secret = "".join(_shown_secret(page).split())
    client.post(ACTIVATE, {"code": totp_code(secret)})
    html = client.get(CODES).content.decode()
    danger_zone = html[html.index('class="danger-zone"') :]
    assert "/2fa/recovery-codes/generate/" in danger_zone
    assert "/2fa/recovery-codes/download/" not in danger_zone
    assert "/2fa/recovery-codes/download/" in html[: html.index('class="danger-zone"')]
