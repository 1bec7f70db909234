"""Redis as a cache, not a dependency: when it cannot be reached every read is a miss and
every write is dropped, so pages render from the database and sign-in still works.

allauth's rate limits count in this cache; while Redis is away they count nothing (they
fail open: README, "Deploying at scale"), and a warning in the log says so once a minute.
After a failure Redis is left alone for RETRY_AFTER_SECONDS, so a dead or unroutable
server costs each request nothing rather than a connection timeout per cache call.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
WARN_EVERY_SECONDS = 60


def _default(args, kwargs):
    return kwargs.get("default", args[1] if len(args) > 1 else None)


def _missing_key(args, kwargs):
    raise ValueError("Key not found.")  # what Django's backends say of a missing key


# What each call answers while Redis is away: a miss, or nothing done. `add` answers
# True because allauth's rate limit takes a lock with it and refuses the request when the
# lock cannot be had: an unreachable cache would otherwise refuse every sign-in.
ANSWERS_WITHOUT_REDIS = {
    "add": lambda args, kwargs: True,
    "get": _default,
    "set": lambda args, kwargs: None,
    "touch": lambda args, kwargs: False,
    "delete": lambda args, kwargs: False,
    "get_many": lambda args, kwargs: {},
    "has_key": lambda args, kwargs: False,
    "incr": _missing_key,
    "set_many": lambda args, kwargs: [],
    "delete_many": lambda args, kwargs: None,
    "clear": lambda args, kwargs: False,
}


class FailSoftRedisCache(RedisCache):
    """Django's RedisCache with short socket timeouts, whose failures are cache misses."""

    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        options.setdefault("socket_connect_timeout", 0.25)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, params)
        self._away_until = self._warned_at = float("-inf")

    def _redis_failed(self, error: RedisError) -> None:
        now = time.monotonic()
        self._away_until = now + RETRY_AFTER_SECONDS
        if now - self._warned_at >= WARN_EVERY_SECONDS:
            self._warned_at = now
            logger.warning(
                "Redis (the cache) is unreachable: %s. Pages are served without the cache "
                "and sign-in attempts are not rate-limited until it is back.",
                error,
            )


def _fail_soft(name, answer):
    method = getattr(RedisCache, name)

    def call(self, *args, **kwargs):
        if time.monotonic() < self._away_until:
            return answer(args, kwargs)
        try:
            return method(self, *args, **kwargs)
        except RedisError as error:
            self._redis_failed(error)
            return answer(args, kwargs)

    call.__name__ = name
    return call


for _name, _answer in ANSWERS_WITHOUT_REDIS.items():
    setattr(FailSoftRedisCache, _name, _fail_soft(_name, _answer))
