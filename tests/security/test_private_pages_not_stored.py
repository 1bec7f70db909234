"""One caching policy (accounts.middleware.PrivatePagesNotStoredMiddleware): no answer
that belongs to a person is kept by the browser or a proxy, so Back or a shared cache
never shows it to the next person on a shared phone. Walked over every URL rather than
trusted to a decorator on each view."""

import time

import pytest
from django.test import Client

from accounts.middleware import SEEN_AT, STARTED_AT
from tests.factories import sign_in, trainee
from tests.security.conftest import NOT_WALKED, all_paths

pytestmark = pytest.mark.django_db


def _not_stored(answer) -> bool:
    cache_control = {part.strip() for part in answer.get("Cache-Control", "").split(",")}
    return (
        {"no-store", "no-cache", "private", "max-age=0"} <= cache_control
        and answer.has_header("Expires")
        and not answer.has_header("ETag")
    )


@pytest.mark.parametrize("who", ["facilitator", "trainee", None])
def test_no_url_answers_a_person_with_something_kept(client, world, who):
    """Signed in, every answer; signed out, every sign-in redirect, refusal and error
    (LocaleMiddleware's redirect to a language, nobody's page, aside)."""
    if who:
        sign_in(client, getattr(world, who))
    stored = []
    for path in all_paths(world):
        if NOT_WALKED.match(path) or path.startswith("/admin/"):
            continue
        answer = client.get(path)
        if answer.status_code == 302 and answer["Location"] == f"/es{path}":
            continue
        if (who or answer.status_code != 200) and not _not_stored(answer):
            stored.append(f"{path} {answer.status_code}")
    assert stored == []


def test_the_sign_in_form_and_the_answer_to_its_post_are_never_stored(homes):
    form = Client().get("/es/accounts/login/")
    assert b"csrfmiddlewaretoken" in form.content
    assert _not_stored(form)
    assert _not_stored(Client().post("/es/accounts/login/", {"login": "x", "password": "x"}))


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
