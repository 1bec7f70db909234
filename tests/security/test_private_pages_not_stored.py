"""One caching policy (accounts.middleware.PrivatePagesNotStoredMiddleware): no answer
that belongs to a person is kept by the browser or a proxy, so Back or a shared cache
never shows it to the next person on a shared phone. Walked over every URL, signed in
and signed out, rather than trusted to a decorator on each view."""

import re
import time

import pytest
from django.test import Client
from django.urls import Resolver404, resolve

from accounts.middleware import SEEN_AT, STARTED_AT
from tests.factories import sign_in, trainee
from tests.security.conftest import NOT_WALKED, all_paths

pytestmark = pytest.mark.django_db

ADMIN = re.compile(r"^/admin/")
# Our apps' URLs, and allauth's.
OURS = ("accounts", "curriculum", "workshops")


def _ours(path) -> bool:
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.namespace in OURS or (match.url_name or "").startswith(("account_", "mfa_"))


def _not_stored(answer) -> bool:
    cache_control = {part.strip() for part in answer.get("Cache-Control", "").split(",")}
    return (
        {"no-store", "no-cache", "private", "max-age=0"} <= cache_control
        and answer.has_header("Expires")
        and not answer.has_header("ETag")
    )


def _language_redirect(path, answer) -> bool:
    """LocaleMiddleware's answer to a path without a language: nobody's page."""
    return answer.status_code == 302 and answer["Location"] == f"/es{path}"


def _walk(client, world):
    for path in all_paths(world):
        if NOT_WALKED.match(path) or ADMIN.match(path):
            continue
        yield path, client.get(path)


@pytest.mark.parametrize("who", ["facilitator", "trainee"])
def test_every_answer_to_a_signed_in_person_is_never_stored(client, world, who):
    sign_in(client, getattr(world, who))
    stored = [
        f"{path} {answer.status_code}"
        for path, answer in _walk(client, world)
        if not (_not_stored(answer) or _language_redirect(path, answer))
    ]
    assert stored == []


def test_our_private_urls_answer_a_signed_out_visitor_without_being_stored(world):
    stored = [
        f"{path} {answer.status_code}"
        for path, answer in _walk(Client(), world)
        if _ours(path) and answer.status_code != 200 and not _not_stored(answer)
    ]
    assert stored == []


def test_a_signed_out_page_carrying_a_csrf_token_is_never_stored(homes):
    answer = Client().get("/es/accounts/login/")
    assert b"csrfmiddlewaretoken" in answer.content
    assert _not_stored(answer)


def test_answers_to_posts_are_never_stored(homes):
    answer = Client().post("/es/accounts/login/", {"login": "nadie", "password": "x"})
    assert _not_stored(answer)


def test_answers_that_sign_the_person_out_are_never_stored(client, homes):
    person = trainee()
    sign_in(client, person)
    assert _not_stored(client.post("/es/accounts/sessions/sign-out-everywhere/"))
    sign_in(client, person)
    assert _not_stored(client.get("/exit/"))


def test_a_public_page_showing_a_message_meant_for_the_person_is_never_stored(client, homes):
    sign_in(client, trainee())
    session = client.session
    session[STARTED_AT] = session[SEEN_AT] = int(time.time()) - 24 * 3600
    session.save()
    answer = client.get("/es/")
    assert "Se cerró tu sesión".encode() in answer.content
    assert _not_stored(answer)
    assert not _not_stored(client.get("/es/"))  # the same page, once the message was read
