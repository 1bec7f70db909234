"""Redis is a cache: with it unreachable the site and sign-in still work, and they use it
again as soon as it is back."""

import logging
import time

import pytest
from django.core.cache import cache
from django.test import override_settings

from tests.factories import PASSWORD, BookletPageFactory, ModulePageFactory, trainee

pytestmark = pytest.mark.django_db

LOGIN = "/es/accounts/login/"


def redis_at(location):
    return override_settings(
        CACHES={
            "default": {
                "BACKEND": "config.cache.FailSoftRedisCache",
                "LOCATION": location,
                "KEY_PREFIX": "claves-degrade-test",
            }
        }
    )


@pytest.fixture
def redis_down():
    with redis_at("redis://127.0.0.1:6390/0"):  # nothing listens there
        cache.clear()  # the process's own cache, which outlives each test
        yield
        cache.clear()


def test_pages_and_sign_in_work_with_redis_unreachable(client, homes, redis_down, caplog):
    booklet = BookletPageFactory(parent=homes["es"], title="Miedo")
    module = ModulePageFactory(parent=booklet, title="Conceptos")
    person = trainee()
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="config.cache"):
        assert client.get("/es/").status_code == 200
        assert client.get(module.url).status_code == 200
        assert client.get(LOGIN).status_code == 200
        wrong = client.post(LOGIN, {"login": person.username, "password": "wrong-password"})
        assert wrong.status_code == 200
        assert "_auth_user_id" not in client.session
        right = client.post(LOGIN, {"login": person.username, "password": PASSWORD})
        assert right.status_code == 302
        assert client.session["_auth_user_id"] == str(person.pk)
    assert time.monotonic() - started < 5  # a dead Redis costs milliseconds, not seconds
    records = caplog.get_records("setup") + caplog.records
    warnings = [r for r in records if r.name == "config.cache"]
    assert len(warnings) == 1  # told once, not once per cache call
    assert "Redis" in warnings[0].getMessage()


def test_failed_sign_ins_are_still_limited_while_redis_is_away(client, homes, redis_down):
    person = trainee()
    for _ in range(5):
        client.post(LOGIN, {"login": person.username, "password": "wrong-password"})
    right = client.post(LOGIN, {"login": person.username, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert "Demasiados intentos" in right.content.decode()  # allauth's own message


def test_the_cache_is_used_again_once_redis_returns(monkeypatch):
    from config import cache as fail_soft

    monkeypatch.setattr(fail_soft, "RETRY_AFTER_SECONDS", 0)
    with redis_at("redis://127.0.0.1:6390/0"):
        cache.set("probe", "away")
        assert cache.get("probe") == "away"  # from the process's own cache
    with redis_at("redis://127.0.0.1:6379/6"):
        cache.set("probe", "kept")
        assert cache.get("probe") == "kept"
        assert caches_redis_holds("probe")


def caches_redis_holds(key) -> bool:
    import redis

    return any(redis.Redis.from_url("redis://127.0.0.1:6379/6").scan_iter(f"*{key}*"))
