"""Redis as a cache, not a dependency: when it cannot be reached, each process falls back
to a small in-process cache of its own, so pages render from the database, sign-in works,
and sign-in attempts are still limited, though counted per process (a limit of five is
five per worker) until Redis is back. A warning in the log says so once a minute.

After a failure Redis is left alone for RETRY_AFTER_SECONDS, so a dead or unroutable
server costs a request nothing rather than a connection timeout per cache call. What was
written or deleted meanwhile never reaches Redis: its entries expire as usual, and the
pages it holds are keyed by live revision.
"""

import logging
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
WARN_EVERY_SECONDS = 60
METHODS = ["add", "get", "set", "touch", "delete", "get_many", "has_key", "incr"]
METHODS += ["set_many", "delete_many", "clear"]


class FailSoftRedisCache(RedisCache):
    """Django's RedisCache with short socket timeouts and an in-process fallback."""

    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        options.setdefault("socket_connect_timeout", 0.25)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, params)
        # Named by the server, so that every thread of the process shares it (Django
        # makes a cache object per thread).
        self.fallback = LocMemCache(f"claves-fallback:{server}", {})
        self._away_until = self._warned_at = float("-inf")

    def _redis_failed(self, error: RedisError) -> None:
        now = time.monotonic()
        self._away_until = now + RETRY_AFTER_SECONDS
        if now - self._warned_at >= WARN_EVERY_SECONDS:
            self._warned_at = now
            logger.warning(
                "Redis (the cache) is unreachable: %s. Each process uses a cache of its "
                "own until it is back: sign-in limits count per process meanwhile.",
                error,
            )


def _fail_soft(name):
    def call(self, *args, **kwargs):
        if time.monotonic() >= self._away_until:
            try:
                return getattr(RedisCache, name)(self, *args, **kwargs)
            except RedisError as error:
                self._redis_failed(error)
        return getattr(self.fallback, name)(*args, **kwargs)

    call.__name__ = name
    return call


for _name in METHODS:
    setattr(FailSoftRedisCache, _name, _fail_soft(_name))
