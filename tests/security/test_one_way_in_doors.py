"""Attacker's probes, claim 1: allauth's sign-in (rate-limited, with the second-factor
step) is the only view that authenticates a person; Wagtail's own sign-in is a redirect
and its admin password reset is off; no URL sends a reset mail to an unverified address.

Every other door is tried here. Each test passes today and fails if its door opens."""

import re
import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from accounts.roles import FACILITATORS
from tests.factories import (
    PASSWORD,
    UserFactory,
    sign_in,
    sign_in_with_password_only,
    superuser,
    totp_activate,
    totp_code,
    trainee,
)
from tests.security.conftest import signed_in_user_id

pytestmark = pytest.mark.django_db

LOGIN = "/es/accounts/login/"
STAGE = "/es/accounts/2fa/authenticate/"
NEW_PASSWORD = "otra-clave-muy-larga-2"
LINK = re.compile(r"https?://testserver(/\S+)")
RESET_LINK = re.compile(r"password/reset/key/|reset/confirm/|password_reset/confirm/")


@pytest.fixture
def guardian(homes):
    """An administrator with an authenticator app and a verified address."""
    person = superuser(username="guardiana", email="guardiana@example.org", mfa=False)
    EmailAddress.objects.create(user=person, email=person.email, primary=True, verified=True)
    return person, totp_activate(person)


def _credentials(person):
    return {
        "login": person.username,
        "username": person.username,
        "email": person.email or "",
        "password": PASSWORD,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "code": "",
    }


def _password_step(client, person, password=PASSWORD):
    return client.post(LOGIN, {"login": person.username, "password": password})


def _admin_opens(client) -> bool:
    return client.get("/admin/").status_code == 200


# ---- Wagtail's doors -------------------------------------------------------------------

WAGTAIL_DOORS = [
    "/admin/login/",
    "/admin/login",
    "/admin/login/x/",
    "/admin/login/?next=/admin/",
    "/admin//login/",
    "/admin/./login/",
    "/ADMIN/login/",
    "/Admin/login/",
    "/admin/login%2F",
    "/es/admin/login/",
    "/en/admin/login/",
    "/es/_util/login/",
    "/en/_util/login/",
    "/es/_util/login/x/",
    "/_util/login/",
    "/admin/password_reset/",
    "/admin/password_reset",
    "/admin/password_reset/done/",
    "/admin/password_reset/complete/",
    "/admin/password_reset/confirm/MQ/set-password/",
    "/admin/password_reset/confirm/MQ/x-y/",
    "/es/admin/password_reset/",
    "/en/admin/password_reset/",
    "/admin/account/",
    "/admin/account/change_password/",
    "/admin/logout/",
    "/documents/authenticate_with_password/1/",
    "/es/_util/authenticate_with_password/1/1/",
]


def test_no_wagtail_door_signs_anyone_in_or_mails_a_reset(guardian):
    person, _secret = guardian
    for path in WAGTAIL_DOORS:
        for method in ("get", "post", "put"):
            client = Client()
            answer = getattr(client, method)(path, _credentials(person), follow=True)
            assert signed_in_user_id(client) is None, (method, path)
            assert answer.status_code in {200, 403, 404, 405}, (method, path)
    assert mail.outbox == []


def test_wagtails_sign_in_in_every_spelling_ends_at_ours(guardian):
    for path in ("/admin/login/", "/admin/login", "/es/_util/login/", "/en/_util/login/"):
        answer = Client().get(path, follow=True)
        assert answer.redirect_chain, path
        assert re.match(r"^/(es|en)/accounts/login/", answer.redirect_chain[-1][0]), path
        assert answer.status_code == 200, path


def test_a_password_only_staff_session_changes_no_password_through_the_admin(guardian):
    person, _secret = guardian
    client = Client()
    sign_in_with_password_only(client, person)
    form = {
        "password-old_password": PASSWORD,
        "password-new_password1": NEW_PASSWORD,
        "password-new_password2": NEW_PASSWORD,
        "name_email-email": "otra@example.org",
    }
    for path in ("/admin/account/", "/admin/account/change_password/"):
        answer = client.post(path, form)
        assert answer.status_code == 302, path
        assert "/accounts/2fa/reauthenticate/" in answer["Location"], path
    person.refresh_from_db()
    assert person.check_password(PASSWORD)
    assert person.email == "guardiana@example.org"


# ---- allauth's other doors ---------------------------------------------------------------


def test_sign_in_by_code_is_not_a_way_in(guardian):
    person, secret = guardian
    client = Client()
    assert client.get("/es/accounts/login/code/").status_code == 404
    for path in ("/es/accounts/login/code/confirm/", "/en/accounts/login/code/confirm/"):
        for code in ("", totp_code(secret), "123456", "ABCDEF"):
            client.post(path, {"code": code, "login": person.username, "email": person.email})
            assert signed_in_user_id(client) is None, path
    assert mail.outbox == []


def test_a_password_reset_mails_only_a_verified_address_and_never_signs_in(guardian):
    person, _secret = guardian
    unverified = UserFactory(username="sinverificar", email="sinverificar@example.org")
    EmailAddress.objects.create(user=unverified, email=unverified.email, verified=False)
    for typed in (
        "sinverificar@example.org",
        "SINVERIFICAR@EXAMPLE.ORG",
        " sinverificar@example.org ",
        "sinverificar",
    ):
        Client().post("/es/accounts/password/reset/", {"email": typed})
    # (allauth may tell an address it knows no such account; never with a link to reset.)
    assert not any(RESET_LINK.search(m.body) for m in mail.outbox)
    mail.outbox.clear()

    client = Client()
    client.post("/es/accounts/password/reset/", {"email": "GUARDIANA@example.org"})
    assert [m.to for m in mail.outbox] == [["guardiana@example.org"]]
    link = LINK.search(mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    form_path = form.redirect_chain[-1][0] if form.redirect_chain else link
    done = client.post(form_path, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert done.status_code == 302
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)  # the reset worked...
    assert signed_in_user_id(client) is None  # ...and signed nobody in
    assert not _admin_opens(client)

    # The new password still stops at the second factor.
    step = _password_step(client, person, NEW_PASSWORD)
    assert step["Location"].startswith(STAGE)
    assert signed_in_user_id(client) is None


def test_confirming_an_address_signs_nobody_in(homes):
    # A trainee: a staff session without its code no longer reaches the e-mail page, and
    # allauth adds no unverified address to an account protected by a second factor.
    person = UserFactory(username="confirma")
    client = Client()
    sign_in(client, person)
    client.post("/es/accounts/email/", {"email": "confirma@example.org", "action_add": ""})
    link = LINK.search(mail.outbox[-1].body).group(1)
    stranger = Client()
    stranger.get(link)
    stranger.post(link)
    assert signed_in_user_id(stranger) is None
    assert EmailAddress.objects.get(email="confirma@example.org").verified


def test_signing_up_while_signed_in_does_not_become_someone_else_with_powers(guardian):
    person, _secret = guardian
    client = Client()
    sign_in_with_password_only(client, person)
    client.post(
        "/es/accounts/signup/",
        {"username": "nueva-cuenta", "password1": PASSWORD, "password2": PASSWORD},
    )
    signed_as = signed_in_user_id(client)
    assert signed_as in {None, person.pk}
    assert not _admin_opens(client)


def test_re_authenticating_with_the_password_is_not_the_second_factor(guardian):
    person, _secret = guardian
    client = Client()
    sign_in_with_password_only(client, person)
    client.post("/es/accounts/reauthenticate/", {"password": PASSWORD})
    assert not _admin_opens(client)
    assert client.get("/es/facilitar/").status_code == 302


def test_the_code_step_reached_directly_signs_nobody_in(guardian):
    person, secret = guardian
    for path in (STAGE, "/en/accounts/2fa/authenticate/", "/es/accounts/2fa/reauthenticate/"):
        client = Client()
        client.get(path)
        client.post(path, {"code": totp_code(secret), "login": person.username})
        assert signed_in_user_id(client) is None, path
        assert not _admin_opens(client), path


def test_someone_elses_code_does_not_finish_a_sign_in(guardian):
    person, _secret = guardian
    attacker = trainee(username="atacante", mfa=False)
    attacker_secret = totp_activate(attacker)
    client = Client()
    assert _password_step(client, person)["Location"].startswith(STAGE)
    answer = client.post(STAGE, {"code": totp_code(attacker_secret)})
    assert answer.status_code == 200  # the form again, with an error
    assert signed_in_user_id(client) is None
    assert not _admin_opens(client)


def test_a_pending_code_step_is_not_finished_by_signing_in_as_someone_else(guardian):
    """The attacker knows the administrator's password, not their code: they start the
    administrator's sign-in, then sign in to their own account (with its own code) in
    the same browser, and come back to the administrator's code step."""
    person, _secret = guardian
    attacker = trainee(username="atacante", mfa=False)
    attacker_secret = totp_activate(attacker)
    client = Client()
    _password_step(client, person)
    _password_step(client, attacker)
    for _attempt in range(2):
        client.post(STAGE, {"code": totp_code(attacker_secret)})
        assert signed_in_user_id(client) in {None, attacker.pk}
        client.get(STAGE)
    assert not _admin_opens(client)


def test_a_code_step_left_for_too_long_does_not_open(guardian, settings):
    person, secret = guardian
    client = Client()
    _password_step(client, person)
    session = client.session
    stash = session["account_login"]
    stash["initiated_at"] = time.time() - 3600
    session["account_login"] = stash
    session.save()
    client.post(STAGE, {"code": totp_code(secret)})
    assert signed_in_user_id(client) is None


@pytest.mark.parametrize("method", ["put", "patch", "head", "options", "delete"])
def test_only_a_post_to_the_sign_in_form_counts(guardian, method):
    person, _secret = guardian
    plain = trainee(username="sin-codigo")
    for someone in (person, plain):
        client = Client()
        client.generic(
            method.upper(),
            LOGIN,
            f"login={someone.username}&password={PASSWORD}",
            content_type="application/x-www-form-urlencoded",
        )
        assert signed_in_user_id(client) is None, someone.username


def test_the_code_step_has_its_own_limit(guardian):
    person, secret = guardian
    client = Client()
    _password_step(client, person)
    for _attempt in range(30):
        client.post(STAGE, {"code": "000000"})
    client.post(STAGE, {"code": totp_code(secret)})
    # After a flood of wrong codes, even the right one waits (or the stage is gone).
    assert signed_in_user_id(client) is None


# ---- Session fixation -------------------------------------------------------------------


def test_the_session_key_changes_at_sign_in_and_the_old_one_is_dead(guardian):
    person, secret = guardian
    client = Client()
    client.get(LOGIN)
    planted = client.session.session_key
    assert planted
    step = _password_step(client, person)
    after_password = client.session.session_key
    client.post(step["Location"], {"code": totp_code(secret)})
    after_code = client.session.session_key
    assert signed_in_user_id(client) == person.pk
    assert after_code not in {planted, after_password}

    # Whoever planted the first key (or saw the key of the half-done sign-in) holds nothing.
    for key in {planted, after_password}:
        other = Client()
        other.cookies["sessionid"] = key
        assert signed_in_user_id(other) is None
        assert other.get("/admin/").status_code == 302


def test_the_session_key_changes_at_a_password_only_sign_in_too(homes):
    person = trainee(username="sola-clave")
    client = Client()
    client.get(LOGIN)
    planted = client.session.session_key
    _password_step(client, person)
    assert signed_in_user_id(client) == person.pk
    assert client.session.session_key != planted


def test_switching_accounts_in_one_browser_carries_no_second_factor_over(guardian):
    """Signed in with the code as the administrator, then as a facilitator who has no
    authenticator app yet (through the form while signed in, and after signing out):
    the facilitator's session never has the administrator's second factor."""
    person, secret = guardian
    other = UserFactory(groups=[FACILITATORS], username="otra-facilitadora")
    client = Client()
    client.post(_password_step(client, person)["Location"], {"code": totp_code(secret)})
    assert _admin_opens(client)
    _password_step(client, other)  # allauth keeps the signed-in person
    assert signed_in_user_id(client) == person.pk
    client.post("/es/accounts/logout/")
    _password_step(client, other)
    assert signed_in_user_id(client) == other.pk
    assert client.get("/es/facilitar/")["Location"].startswith("/es/accounts/2fa/totp/activate/")
    assert not _admin_opens(client)

    # The same through Django's own sign-in on a session that still holds the
    # administrator's record of the code: the record is not the facilitator's.
    client = Client()
    client.post(_password_step(client, person)["Location"], {"code": totp_code(secret)})
    client.force_login(other)
    assert signed_in_user_id(client) == other.pk
    assert client.get("/es/facilitar/").status_code == 302
    assert not _admin_opens(client)


def test_no_authenticator_is_ever_made_without_a_signed_in_owner(guardian):
    """The set-up page, reached without a session or mid sign-in, makes nothing."""
    person, secret = guardian
    before = Authenticator.objects.count()
    client = Client()
    _password_step(client, person)
    for path in ("/es/accounts/2fa/totp/activate/", "/es/accounts/2fa/recovery-codes/generate/"):
        client.get(path)
        client.post(path, {"code": totp_code(secret)})
    assert Authenticator.objects.count() == before
    assert get_user_model().objects.filter(pk=person.pk, is_active=True).exists()
