"""A kept database connection that PostgreSQL has dropped (a restart, a failover, an idle
timeout) costs the next request a reconnect, not an error."""

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psycopg
import requests
from django.conf import settings

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def postgresql_url() -> str:
    """The suite's own server when it runs on PostgreSQL; the local one otherwise (CI and
    this machine always have one). Its maintenance database needs no tables."""
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("postgresql"):
        user, password = database["USER"], database["PASSWORD"]
        host, port = database["HOST"] or "127.0.0.1", database["PORT"] or 5432
    else:
        user, password = "postgres", os.environ.get("PGPASSWORD", "")
        host, port = "127.0.0.1", 5432
    return f"postgres://{user}{':' + password if password else ''}@{host}:{port}/postgres"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_requests_after_the_server_drops_kept_connections_succeed():
    name = f"claves-test-{uuid.uuid4().hex[:8]}"
    url = postgresql_url()
    port = free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "REDIS_URL": ""}
    env.update(DATABASE_URL=f"{url}?application_name={name}", DATABASE_CONN_MAX_AGE="60")
    gunicorn = ["-m", "gunicorn", "-c", "config/gunicorn.conf.py", "--workers", "1"]
    server = subprocess.Popen(
        [sys.executable, *gunicorn, "--bind", f"127.0.0.1:{port}", "config.wsgi"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    healthz = f"http://127.0.0.1:{port}/healthz"
    try:
        for _ in range(200):
            try:
                first = requests.get(healthz, timeout=5)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        assert first.status_code == 200
        with psycopg.connect(url.replace("postgres://", "postgresql://"), autocommit=True) as db:
            killed = db.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE application_name = %s",
                [name],
            ).fetchone()[0]
        assert killed == 1  # the worker kept its connection, as CONN_MAX_AGE asks
        statuses = [requests.get(healthz, timeout=5).status_code for _ in range(5)]
        assert statuses == [200] * 5
    finally:
        server.terminate()
        server.wait(timeout=10)
