"""Settings behave as README promises: environment variables switch the backends, and
production settings pass Django's deployment checklist."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent


def run_in_project(args, **env):
    clean_env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DATABASE_URL",
            "REDIS_URL",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "TRUSTED_PROXY_COUNT",
            "WEB_CONCURRENCY",
        }
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def settings_value(expression, module="config.settings.dev", **env):
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = " + repr(module) + "; "
        "from django.conf import settings; print(" + expression + ")"
    )
    result = run_in_project(["-c", code], **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "claves.example.org",
    "DATABASE_URL": "sqlite:////tmp/claves-check.sqlite3",
    "FACILITATOR_NOTES_KEYS": "m1B0ZpGq2d3iE9uQkqv4m2vQn3yX7y3o5Z0b6v8l9rE=",
    # Several workers behind one nginx, as README's "Deploying at scale" describes.
    "REDIS_URL": "redis://127.0.0.1:6379/14",
    "TRUSTED_PROXY_COUNT": "1",
}


def test_production_settings_pass_the_deployment_checklist():
    result = run_in_project(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION_ENV
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def deploy_check(**env):
    return run_in_project(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **env)


def test_the_checklist_fails_without_a_shared_cache_or_the_proxy_count():
    """Without REDIS_URL each gunicorn worker keeps its own cache, so every limit would
    be multiplied by the number of workers; without the proxy count every client looks
    like nginx to the per-address limits (production trusts a proxy's headers)."""
    result = deploy_check(**{**PRODUCTION_ENV, "REDIS_URL": "", "TRUSTED_PROXY_COUNT": ""})
    assert result.returncode != 0
    assert "accounts.E001" in result.stderr and "REDIS_URL" in result.stderr
    assert "accounts.W001" in result.stderr and "TRUSTED_PROXY_COUNT" in result.stderr


def test_one_process_may_keep_its_cache_to_itself(settings):
    """An operator who runs a single process says so with WEB_CONCURRENCY=1, the
    variable gunicorn reads for its number of workers."""
    from accounts.checks import check_shared_cache

    assert settings_value("settings.WEB_CONCURRENCY", WEB_CONCURRENCY="1") == "1"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    for workers, expected in [(0, ["accounts.E001"]), (3, ["accounts.E001"]), (1, [])]:
        settings.WEB_CONCURRENCY = workers
        assert [error.id for error in check_shared_cache(None)] == expected


@pytest.mark.parametrize(("value", "expected"), [(None, "0"), ("1", "1")])
def test_the_proxy_count_comes_from_the_environment(value, expected):
    env = {**PRODUCTION_ENV}
    env.pop("TRUSTED_PROXY_COUNT")
    if value is not None:
        env["TRUSTED_PROXY_COUNT"] = value
    count = settings_value(
        "settings.ALLAUTH_TRUSTED_PROXY_COUNT", module="config.settings.production", **env
    )
    assert count == expected


def test_a_cache_that_keeps_nothing_fails_the_checklist_even_for_one_process(settings):
    from accounts.checks import check_shared_cache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    settings.WEB_CONCURRENCY = 1
    assert [error.id for error in check_shared_cache(None)] == ["accounts.E002"]
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/14",
        }
    }
    settings.WEB_CONCURRENCY = 0
    assert check_shared_cache(None) == []


@pytest.mark.parametrize(
    ("env", "named"),
    [
        # Each worker's in-process cache would count sign-in attempts apart.
        ({"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/claves"}, "REDIS_URL"),
        # SQLite takes one writer at a time: several processes lose saves.
        ({"REDIS_URL": "redis://127.0.0.1:6379/6"}, "PostgreSQL"),
        ({"REDIS_URL": "redis://127.0.0.1:6379/6", "DATABASE_URL": "sqlite:///x"}, "PostgreSQL"),
    ],
)
def test_gunicorn_refuses_several_workers_without_what_they_share(env, named):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    args = ["-m", "gunicorn", "-c", "config/gunicorn.conf.py", "--workers", "2"]
    args += ["--bind", f"127.0.0.1:{port}", "config.wsgi"]
    unset = {"REDIS_URL", "WEB_CONCURRENCY", "DATABASE_URL"}
    env = {**{k: v for k, v in os.environ.items() if k not in unset}, **env}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    process = subprocess.Popen(
        [sys.executable, *args], cwd=BASE_DIR, env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        pytest.fail("gunicorn started two workers without what they need to share")
    finally:
        stderr = process.stderr.read()
        process.stderr.close()
    assert process.returncode != 0
    assert named in stderr


def test_gunicorn_recycles_workers_and_times_out_stuck_requests():
    """A slow leak is bounded by replacing each worker after some requests (at different
    moments, with jitter); a stuck request frees its worker."""
    import runpy

    config = runpy.run_path(str(BASE_DIR / "config" / "gunicorn.conf.py"))
    assert config["max_requests"] > 0 and config["max_requests_jitter"] > 0
    assert 0 < config["timeout"] <= 60


def test_several_workers_on_sqlite_fail_the_checklist(settings, monkeypatch):
    from accounts.checks import check_database_for_workers

    database = settings.DATABASES["default"]
    monkeypatch.setitem(database, "ENGINE", "django.db.backends.sqlite3")
    for workers, expected in [(0, []), (1, []), (4, ["accounts.E003"])]:
        settings.WEB_CONCURRENCY = workers
        assert [error.id for error in check_database_for_workers(None)] == expected
    monkeypatch.setitem(database, "ENGINE", "django.db.backends.postgresql")
    assert check_database_for_workers(None) == []


def test_production_refuses_a_notes_key_that_is_not_a_fernet_key():
    result = run_in_project(
        ["manage.py", "check"], **{**PRODUCTION_ENV, "FACILITATOR_NOTES_KEYS": "typo-key"}
    )
    assert result.returncode != 0
    assert "FACILITATOR_NOTES_KEYS" in result.stderr
    assert "typo-key" not in result.stderr  # a secret is never echoed


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "FACILITATOR_NOTES_KEYS"])
def test_production_refuses_to_start_without_its_secrets(missing):
    env = {**PRODUCTION_ENV, missing: ""}
    result = run_in_project(["manage.py", "check"], **env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_sqlite_is_the_default_database():
    engine = settings_value("settings.DATABASES['default']['ENGINE']")
    assert engine == "django.db.backends.sqlite3"


def test_database_url_switches_to_postgresql():
    value = settings_value(
        "settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME']",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/claves",
    )
    assert value == "django.db.backends.postgresql claves"


def test_redis_url_switches_the_cache_to_redis():
    assert "LocMemCache" in settings_value("settings.CACHES['default']['BACKEND']")
    backend = settings_value(
        "settings.CACHES['default']['BACKEND'], settings.CACHES['default']['LOCATION']",
        REDIS_URL="redis://127.0.0.1:6379/3",
    )
    assert backend == "config.cache.FailSoftRedisCache redis://127.0.0.1:6379/3"


def test_wagtail_never_calls_other_hosts():
    from django.conf import settings

    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
    assert "wagtail.embeds" not in settings.INSTALLED_APPS


@pytest.mark.django_db
def test_the_suite_runs_on_the_database_and_cache_the_environment_names():
    from django.core.cache import caches
    from django.db import connection

    database_url = os.environ.get("DATABASE_URL", "")
    assert connection.vendor == ("postgresql" if database_url.startswith("postgres") else "sqlite")
    expected_cache = "FailSoftRedisCache" if os.environ.get("REDIS_URL") else "LocMemCache"
    cache = caches["default"]
    assert type(cache).__name__ == expected_cache
    cache.set("claves-ci-probe", "ok", 5)
    assert cache.get("claves-ci-probe") == "ok"


def test_gunicorn_runs_threaded_workers():
    """gthread workers measured better than sync ones (16 against 25 ms of CPU for a
    module page, 1.2 s against 10 s for a fresh worker's first answer), and their
    threads serve others while one request waits for the database."""
    import runpy

    config = runpy.run_path(str(BASE_DIR / "config" / "gunicorn.conf.py"))
    assert config["worker_class"] == "gthread"
    assert config["threads"] >= 2


def test_each_nginx_cache_in_front_is_told_what_publishing_changed():
    """FRONTEND_CACHE_PURGE_URL: one purge address per machine's nginx
    (deploy/nginx-cache.conf); unset, nothing is sent anywhere."""
    assert settings_value("getattr(settings, 'WAGTAILFRONTENDCACHE', None)") == "None"
    backends = settings_value(
        "sorted(b['LOCATION'] for b in settings.WAGTAILFRONTENDCACHE.values())",
        FRONTEND_CACHE_PURGE_URL="http://10.0.0.1:8080,http://10.0.0.2:8080",
    )
    assert backends == "['http://10.0.0.1:8080', 'http://10.0.0.2:8080']"
