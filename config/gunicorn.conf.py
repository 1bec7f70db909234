"""gunicorn settings: `gunicorn -c config/gunicorn.conf.py config.wsgi`.

The number of workers comes from WEB_CONCURRENCY (gunicorn's own default) or
--workers. More than one refuses to start without REDIS_URL: sign-in rate limits
count in the cache, and each worker's in-process cache would count apart.
"""

import os
import sys

# nginx on this host is the only client. X-Forwarded-For is read by allauth
# (TRUSTED_PROXY_COUNT), X-Forwarded-Proto by Django (SECURE_PROXY_SSL_HEADER).
bind = "127.0.0.1:8001"  # --bind overrides


def on_starting(server):
    """Runs in the master before any worker, with the command line applied."""
    if server.cfg.workers > 1 and not os.environ.get("REDIS_URL"):
        sys.exit(
            f"Refusing to start {server.cfg.workers} workers without REDIS_URL: each would "
            "keep its own cache and count sign-in attempts apart (README, 'Deploying at "
            "scale'). Set REDIS_URL, or run one worker."
        )
