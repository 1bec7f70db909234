"""Deployment checks for several server processes (`manage.py check --deploy`).

Sign-in limits count attempts in the default cache. A cache that lives inside one
process is counted apart by every worker, which multiplies every limit by the number
of workers; a cache that keeps nothing turns the limits off. Behind a proxy, the
per-address limits also need to know which X-Forwarded-For entry is the client's.
"""

from django.conf import settings
from django.core import checks

# Caches each process keeps to itself, and caches that keep nothing.
PROCESS_LOCAL_CACHES = {"django.core.cache.backends.locmem.LocMemCache"}
CACHES_KEEPING_NOTHING = {"django.core.cache.backends.dummy.DummyCache"}


@checks.register(checks.Tags.security, checks.Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    backend = settings.CACHES["default"]["BACKEND"]
    if backend in CACHES_KEEPING_NOTHING:
        return [
            checks.Error(
                "The default cache keeps nothing, so sign-in attempts are never limited.",
                hint="Set REDIS_URL (README, 'Deploying at scale').",
                id="accounts.E002",
            )
        ]
    if backend in PROCESS_LOCAL_CACHES and settings.WEB_CONCURRENCY != 1:
        return [
            checks.Error(
                "The default cache lives inside each server process: with several "
                "workers every rate limit is multiplied by their number.",
                hint=(
                    "Set REDIS_URL to share the cache between workers, or, if exactly one "
                    "process serves the site, say so with WEB_CONCURRENCY=1."
                ),
                id="accounts.E001",
            )
        ]
    return []


@checks.register(checks.Tags.security, deploy=True)
def check_proxy_count(app_configs, **kwargs):
    behind_a_proxy = getattr(settings, "SECURE_PROXY_SSL_HEADER", None) is not None
    counted = settings.ALLAUTH_TRUSTED_PROXY_COUNT > 0 or getattr(
        settings, "ALLAUTH_TRUSTED_CLIENT_IP_HEADER", None
    )
    if behind_a_proxy and not counted:
        return [
            checks.Warning(
                "These settings trust a proxy (SECURE_PROXY_SSL_HEADER) but not its "
                "X-Forwarded-For: every client looks like the proxy, and one person's "
                "failed sign-ins refuse everybody.",
                hint="Set TRUSTED_PROXY_COUNT to the number of proxies in front (1 for nginx).",
                id="accounts.W001",
            )
        ]
    return []


@checks.register(checks.Tags.database, deploy=True)
def check_database_for_workers(app_configs, **kwargs):
    engine = settings.DATABASES["default"]["ENGINE"]
    if engine.endswith("sqlite3") and settings.WEB_CONCURRENCY > 1:
        return [
            checks.Error(
                "SQLite takes one writer at a time: with several server processes, saves "
                "fail with 'database is locked'.",
                hint=(
                    "Set DATABASE_URL to PostgreSQL, or run one process "
                    "(WEB_CONCURRENCY=1, with threads)."
                ),
                id="accounts.E003",
            )
        ]
    return []
