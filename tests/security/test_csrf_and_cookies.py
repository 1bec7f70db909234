"""Attacker's probes, claim 4: the CSRF token lives in the session (no CSRF cookie, so
nothing a neighbouring host could plant); no cookie of ours outlives the browser.

Each test passes today and fails if the door it tries is opened."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import Resolver404, resolve

from tests.factories import PASSWORD, sign_in, totp_code, trainee
from tests.security.conftest import NOT_WALKED, all_paths, signed_in_user_id

pytestmark = pytest.mark.django_db

LOGIN = "/es/accounts/login/"


def _token(client, path=LOGIN) -> str:
    return str(client.get(path).context["csrf_token"])


def _lasting(cookies) -> list[str]:
    """Cookies set to outlive the browser (deletions, dated in the past, do not count)."""
    found = []
    for name, morsel in cookies.items():
        if morsel["max-age"] in ("0", 0) or "1970" in str(morsel["expires"]):
            continue
        if morsel["expires"] or morsel["max-age"]:
            found.append(name)
    return found


def test_no_page_sets_a_csrf_cookie_or_a_cookie_that_outlives_the_browser(world):
    visitors = {"anonymous": Client(), "facilitator": Client()}
    sign_in(visitors["facilitator"], world.facilitator)
    paths = [p for p in all_paths(world) if not NOT_WALKED.match(p)]
    paths = [p for p in paths if not p.startswith("/admin/")] + ["/admin/", "/admin/pages/"]
    checked = 0
    for who, client in visitors.items():
        for path in paths:
            answers = [client.get(path)]
            if "/accounts/" in path or "/talleres/" in path:
                answers.append(client.post(path))
            for answer in answers:
                assert settings.CSRF_COOKIE_NAME not in answer.cookies, (who, path)
                assert _lasting(answer.cookies) == [], (who, path)
                checked += len(answer.cookies)
    # Signing in and out, and a quick exit, set and clear cookies: none lasts either.
    person = trainee(username="galleta")
    client = Client()
    for answer in (
        client.post(LOGIN, {"login": person.username, "password": PASSWORD}),
        client.get("/es/"),
        client.post("/es/accounts/logout/"),
        client.get("/exit/"),
    ):
        assert settings.CSRF_COOKIE_NAME not in answer.cookies
        assert _lasting(answer.cookies) == []
        checked += len(answer.cookies)
    assert checked > 0  # cookies were really set and looked at
    session_cookie = visitors["facilitator"].cookies[settings.SESSION_COOKIE_NAME]
    assert session_cookie["httponly"] and session_cookie["samesite"] == "Lax"


def test_every_post_without_the_token_is_refused(world):
    """Signed in, with a session that holds a token, a POST that does not carry it is
    refused by every view the URL map resolves (no view is exempt but the admin's
    read-only API, which takes no POST)."""
    client = Client(enforce_csrf_checks=True)
    sign_in(client, world.editor)
    _token(client, "/es/accounts/profile/")  # the session now holds a token
    refused = 0
    for path in all_paths(world):
        try:
            resolve(path)
        except Resolver404:  # a sample path nothing answers: a 404 anyway
            continue
        answer = client.post(path, {"anything": "x"})
        if path.startswith("/admin/api/"):
            assert answer.status_code in {403, 405}, (path, answer.status_code)
        else:
            assert answer.status_code == 403, (path, answer.status_code)
        refused += 1
    for path, body in (
        (f"/es/activities/{'0' * 8}-0000-0000-0000-{'0' * 12}/statements/", "{}"),
        (f"/es/activities/{'0' * 8}-0000-0000-0000-{'0' * 12}/state/", "{}"),
    ):
        answer = client.post(path, body, content_type="application/json")
        assert answer.status_code == 403, path
    assert refused > 40
    assert signed_in_user_id(client) == world.editor.pk


def test_a_token_from_another_session_or_a_planted_cookie_is_refused(homes):
    victim, attacker = trainee(username="victima"), trainee(username="atacante")
    attacker_client = Client(enforce_csrf_checks=True)
    attacker_token = _token(attacker_client)
    attacker_client.post(
        LOGIN,
        {"login": attacker.username, "password": PASSWORD, "csrfmiddlewaretoken": attacker_token},
    )
    attacker_token = _token(attacker_client, "/es/accounts/profile/")

    client = Client(enforce_csrf_checks=True)
    own = _token(client)
    client.post(LOGIN, {"login": victim.username, "password": PASSWORD, "csrfmiddlewaretoken": own})
    assert signed_in_user_id(client) == victim.pk
    profile = {"display_name": "Cambiado", "preferred_language": "es"}
    # Another session's token.
    answer = client.post(
        "/es/accounts/profile/", {**profile, "csrfmiddlewaretoken": attacker_token}
    )
    assert answer.status_code == 403
    # A cookie and a field the attacker chose (double submit): no cookie is read.
    planted = "A" * 32
    client.cookies[settings.CSRF_COOKIE_NAME] = planted
    answer = client.post(
        "/es/accounts/profile/",
        {**profile, "csrfmiddlewaretoken": planted},
        HTTP_X_CSRFTOKEN=planted,
    )
    assert answer.status_code == 403
    victim.refresh_from_db()
    assert victim.display_name != "Cambiado"


def test_the_token_changes_at_sign_in_and_the_one_from_before_is_dead(world):
    client = Client(enforce_csrf_checks=True)
    before = _token(client)
    step = client.post(
        LOGIN,
        {"login": world.editor.username, "password": PASSWORD, "csrfmiddlewaretoken": before},
    )
    assert step.status_code == 302
    secret = _editor_secret(world)
    at_stage = _token(client, step["Location"])
    client.post(step["Location"], {"code": totp_code(secret), "csrfmiddlewaretoken": at_stage})
    assert signed_in_user_id(client) == world.editor.pk
    profile = {"display_name": "Cambiado", "preferred_language": "es"}
    for old in {before, at_stage}:
        answer = client.post("/es/accounts/profile/", {**profile, "csrfmiddlewaretoken": old})
        assert answer.status_code == 403
    fresh = _token(client, "/es/accounts/profile/")
    assert fresh not in {before, at_stage}
    answer = client.post("/es/accounts/profile/", {**profile, "csrfmiddlewaretoken": fresh})
    assert answer.status_code == 302


def _editor_secret(world) -> str:
    """Give the editor a fresh authenticator whose secret the test knows."""
    from allauth.mfa.models import Authenticator

    from tests.factories import totp_activate

    Authenticator.objects.filter(user=world.editor).delete()
    return totp_activate(world.editor)
