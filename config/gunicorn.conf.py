"""gunicorn settings: `gunicorn -c config/gunicorn.conf.py config.wsgi`.

Threaded workers (gthread), four threads each: they measured better than sync workers
(16 against 25 ms of CPU for a module page; a fresh worker answers after 1.2 s instead
of 10 s), and a thread waiting for the database leaves the others serving. Run one
worker per core (WEB_CONCURRENCY, gunicorn's own default, or --workers); --threads
overrides the four.

More than one worker refuses to start on SQLite (one writer at a time: PostgreSQL is
required for several processes) and without REDIS_URL (sign-in rate limits count in the
cache, and each worker's in-process cache would count apart). One worker with its
threads serves a small site on SQLite.
"""

import os
import sys

# nginx on this host is the only client. X-Forwarded-For is read by allauth
# (TRUSTED_PROXY_COUNT), X-Forwarded-Proto by Django (SECURE_PROXY_SSL_HEADER).
bind = "127.0.0.1:8001"  # --bind overrides

worker_class = "gthread"
threads = 4

# Each worker is replaced after about a thousand requests, not all at once, so that
# slow memory growth never adds up.
max_requests = 1000
max_requests_jitter = 100
# A request stuck for 30 s frees its worker; slow phones upload well within that.
timeout = 30
graceful_timeout = 30
keepalive = 5


def on_starting(server):
    """Runs in the master before any worker, with the command line applied."""
    if server.cfg.workers <= 1:
        return
    if os.environ.get("DATABASE_URL", "sqlite").startswith("sqlite"):
        sys.exit(
            f"Refusing to start {server.cfg.workers} workers on SQLite: it takes one "
            "writer at a time, and several processes lose saves. Set DATABASE_URL to "
            "PostgreSQL, or run one worker (its threads serve several people)."
        )
    if not os.environ.get("REDIS_URL"):
        sys.exit(
            f"Refusing to start {server.cfg.workers} workers without REDIS_URL: each would "
            "keep its own cache and count sign-in attempts apart (README, 'Deploying at "
            "scale'). Set REDIS_URL, or run one worker."
        )
