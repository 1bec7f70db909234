"""Outsider probes of the operations work: the site with Redis gone, /healthz as a
monitor and an attacker would call it, and the one caching policy."""

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.test import Client, override_settings

from config.cache import FailSoftRedisCache
from tests.factories import PASSWORD, BookletPageFactory, ModulePageFactory, sign_in, trainee

pytestmark = pytest.mark.django_db

DEAD_REDIS = {
    "default": {
        "BACKEND": "config.cache.FailSoftRedisCache",
        "LOCATION": "redis://127.0.0.1:6390/0",
        "KEY_PREFIX": "claves-outsider",
    }
}
LOGIN = "/es/accounts/login/"


@pytest.fixture
def redis_down():
    with override_settings(CACHES=DEAD_REDIS):
        cache = caches["default"]
        assert isinstance(cache, FailSoftRedisCache)
        cache.fallback.clear()
        yield
        # The fallback is per process: empty it so later tests start clean.
        cache.fallback.clear()


def test_pages_are_served_with_redis_down(redis_down, homes):
    booklet = BookletPageFactory(parent=homes["es"], title="Cuadernillo caído")
    module = ModulePageFactory(parent=booklet, title="Módulo sin Redis")
    client = Client()
    assert client.get("/es/").status_code == 200
    page = client.get(module.url)
    assert page.status_code == 200
    assert "Módulo sin Redis" in page.content.decode()


def test_sign_in_limits_still_hold_per_process_with_redis_down(redis_down, homes):
    person = trainee()
    client = Client()
    answers = [
        client.post(LOGIN, {"login": person.username, "password": "wrong-password"})
        for _ in range(6)
    ]
    assert all(a.status_code in (200, 429) for a in answers)
    sixth = answers[-1]
    assert sixth.status_code == 429 or "Demasiados" in sixth.content.decode()
    assert "_auth_user_id" not in client.session


def test_right_password_signs_in_with_redis_down(redis_down, homes):
    person = trainee()
    client = Client()
    reply = client.post(LOGIN, {"login": person.username, "password": PASSWORD})
    assert reply.status_code == 302
    assert client.session.get("_auth_user_id") == str(person.pk)


def test_right_password_after_five_failures_is_still_refused_with_redis_down(redis_down, homes):
    person = trainee()
    client = Client()
    for _ in range(5):
        client.post(LOGIN, {"login": person.username, "password": "wrong-password"})
    reply = client.post(LOGIN, {"login": person.username, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert reply.status_code == 429 or "Demasiados" in reply.content.decode()


def test_failures_on_one_account_do_not_lock_another_with_redis_down(redis_down, homes):
    target, bystander = trainee(), trainee()
    attacker = Client()
    for _ in range(6):
        attacker.post(LOGIN, {"login": target.username, "password": "wrong-password"})
    client = Client()
    client.post(LOGIN, {"login": bystander.username, "password": PASSWORD})
    assert client.session.get("_auth_user_id") == str(bystander.pk)


# ---- /healthz -------------------------------------------------------------------


def _quiet(reply):
    assert not reply.cookies, reply.cookies
    assert "Set-Cookie" not in reply
    assert "no-store" in reply["Cache-Control"]


def test_healthz_with_a_host_not_allowed_is_still_just_ok(db):
    reply = Client().get("/healthz", HTTP_HOST="evil.example")
    assert reply.status_code == 200
    assert reply.content == b"ok"
    _quiet(reply)
    assert not Session.objects.exists()


def test_healthz_with_a_query_string_says_nothing_more(db):
    reply = Client().get("/healthz?verbose=1&debug=1")
    assert reply.status_code == 200
    assert reply.content == b"ok"
    _quiet(reply)


def test_healthz_post_leaks_nothing_and_sets_no_cookie(db):
    reply = Client().post("/healthz", {"x": "y"})
    assert reply.content in (b"ok", b"")
    _quiet(reply)
    assert not Session.objects.exists()


def test_healthz_with_a_language_prefix_is_not_the_health_check(homes):
    reply = Client().get("/es/healthz", follow=True)
    assert reply.status_code == 404
    assert reply.content != b"ok"


def test_healthz_with_trailing_slash_is_not_a_second_door(homes):
    reply = Client().get("/healthz/")
    assert reply.content != b"ok"


def test_healthz_reports_503_without_the_reason(db, monkeypatch):
    from django.db import DatabaseError, connection

    def broken():
        raise DatabaseError("password authentication failed for user claves at 10.0.0.5")

    monkeypatch.setattr(connection, "cursor", broken)
    reply = Client().get("/healthz")
    assert reply.status_code == 503
    assert b"10.0.0.5" not in reply.content and b"password" not in reply.content
    _quiet(reply)


# ---- One caching policy ---------------------------------------------------------


@pytest.mark.parametrize("path", ["/es/", "/es/glosario/"])
def test_public_pages_read_signed_out_may_be_cached(homes, path):
    reply = Client().get(path)
    assert reply.status_code == 200
    assert "no-store" not in reply.get("Cache-Control", "")


@pytest.mark.parametrize("path", ["/es/", "/es/glosario/", "/es/diario/", "/es/progreso/"])
def test_pages_for_a_signed_in_trainee_are_never_stored(homes, path):
    client = Client()
    sign_in(client, trainee())
    reply = client.get(path)
    assert reply.status_code == 200
    assert "no-store" in reply["Cache-Control"]
    assert not reply.has_header("ETag")


def test_sign_in_form_is_not_stored(homes):
    reply = Client().get(LOGIN)
    assert reply.status_code == 200
    assert "no-store" in reply["Cache-Control"]


def test_sign_out_redirect_is_not_stored(homes):
    client = Client()
    sign_in(client, trainee())
    reply = client.post("/es/accounts/logout/")
    assert "no-store" in reply["Cache-Control"]
    after = client.get("/es/diario/")
    assert after.status_code == 302
    assert "no-store" in after["Cache-Control"]
