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


@redis_at("redis://127.0.0.1:6390/0")  # nothing listens there
def test_pages_and_sign_in_work_with_redis_unreachable(client, homes, caplog):
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
    warnings = [r for r in caplog.records if r.name == "config.cache"]
    assert len(warnings) == 1  # told once, not once per cache call
    assert "Redis" in warnings[0].getMessage()


def test_the_cache_is_used_again_once_redis_returns(monkeypatch):
    from config import cache as fail_soft

    monkeypatch.setattr(fail_soft, "RETRY_AFTER_SECONDS", 0)
    with redis_at("redis://127.0.0.1:6390/0"):
        cache.set("probe", "kept")
        assert cache.get("probe", "missed") == "missed"
        assert cache.add("lock", True)  # allauth's rate limit lock: taken, not refused
        assert cache.get_many(["probe"]) == {}
        with pytest.raises(ValueError):
            cache.incr("counter")  # as for a key that is not there
    with redis_at("redis://127.0.0.1:6379/6"):
        cache.set("probe", "kept")
        assert cache.get("probe") == "kept"
