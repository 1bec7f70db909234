"""Probes an outsider wrote against the first version of the activity origin: each one failed
then and shows a hole that is now closed. Kept as regression tests."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "host",
    [
        "activities.testserver.",  # trailing dot: the same host to DNS and TLS
        "activities.testserver:80",  # a port: Django's ALLOWED_HOSTS ignores it
        "activities.testserver:8443",
        "ACTIVITIES.TESTSERVER.:8000",
    ],
)
def test_spellings_of_the_activity_host_get_nothing_of_the_site(activity, host):
    """is_activity_request compares get_host() (which keeps the port and a trailing
    dot) with H5P_ORIGIN's netloc, while ALLOWED_HOSTS accepts both spellings: the site's
    sign-in page, with a session cookie, answers on the activity host."""
    client = Client(HTTP_HOST=host)
    login = client.get("/es/accounts/login/")
    assert login.status_code == 404
    assert not login.cookies
    assert client.get(f"/play/{activity.package_digest}/").status_code == 200


@pytest.mark.parametrize("path", ["/static/nope.js", "/static/../es/accounts/login/", "/static/"])
def test_a_missing_static_file_on_the_activity_host_is_a_plain_not_found(activity_client, path):
    """/static/ paths on the activity host go down the site's whole middleware
    stack and URL map when WhiteNoise has no such file: the site's 404 page (its HTML,
    its links) or LocaleMiddleware's redirect into /es/... answers there."""
    answer = activity_client.get(path)
    assert answer.status_code == 404, answer.status_code
    assert answer["Content-Type"].startswith("text/plain")
    assert b"Claves" not in answer.content


def test_a_package_on_a_subdomain_of_the_site_cannot_plant_a_session_cookie():
    """the player's frame runs packages (other people's JavaScript) with
    `sandbox="allow-scripts allow-same-origin"` on H5P_ORIGIN, so a package can write
    document.cookie. When H5P_ORIGIN is a subdomain of the site's host, as the README's
    example (`activities.claves.example.org`), a package can set
    `sessionid=<attacker's session>; Domain=claves.example.org` and the site accepts it
    (cookie tossing): a reader is silently signed in as the attacker, and the journal
    entries and exercise answers they then write land in the attacker's account. Only a
    `__Host-` prefixed session cookie (no Domain attribute allowed) is immune; production
    neither uses one nor refuses an activity host under the site's domain."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "claves.example.org",
        "FACILITATOR_NOTES_KEYS": "MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA=",
        "WAGTAILADMIN_BASE_URL": "https://claves.example.org",
        "H5P_ORIGIN": "https://activities.claves.example.org",
    }
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_NAME, s.SESSION_COOKIE_DOMAIN, s.SESSION_COOKIE_PATH)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        # Refusing such an H5P_ORIGIN at start-up is the other acceptable answer.
        assert "H5P_ORIGIN" in done.stderr, done.stderr
        return
    name, domain, path = done.stdout.split()
    assert name.startswith("__Host-"), f"session cookie {name!r} can be tossed by a subdomain"
    assert domain == "None" and path == "/"
