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
}


def test_production_settings_pass_the_deployment_checklist():
    result = run_in_project(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION_ENV
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


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
    assert backend == "django.core.cache.backends.redis.RedisCache redis://127.0.0.1:6379/3"


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
    expected_cache = "RedisCache" if os.environ.get("REDIS_URL") else "LocMemCache"
    cache = caches["default"]
    assert type(cache).__name__ == expected_cache
    cache.set("claves-ci-probe", "ok", 5)
    assert cache.get("claves-ci-probe") == "ok"
