"""Probes of two application processes sharing PostgreSQL, Redis and S3, each behind its
own nginx (deploy/two-machines.sh starts them; `make test` never collects this file).
What one machine did, the other must know: the session, the count of failed sign-ins,
the uploaded files, the published pages."""

import base64
import hashlib
import hmac
import json
import os
import re
import struct
import time
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests

MACHINES = os.environ["DEPLOY_MACHINES"].split(",")
PASSWORD = os.environ["DEPLOY_PASSWORD"]
PEOPLE = json.loads(Path(os.environ["DEPLOY_PEOPLE"]).read_text())
LOGIN = "/es/accounts/login/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# A 1x1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


class Browser(requests.Session):
    """One person's browser: a cookie jar, the test's certificate, and a Referer as a
    browser sends it (Django's CSRF check wants one over HTTPS)."""

    def request(self, method, url, **kwargs):
        # Given on each request: requests prefers REQUESTS_CA_BUNDLE to a session's own.
        kwargs.update(verify=os.environ["DEPLOY_CA"], allow_redirects=False, timeout=30)
        return super().request(method, url, **kwargs)

    def submit(self, url, data=None, files=None):
        """Post the form on `url` as its page gives it, with the page's CSRF token."""
        page = self.get(url)
        assert page.status_code == 200, f"{url}: {page.status_code}"
        data = {"csrfmiddlewaretoken": TOKEN.search(page.text).group(1), **(data or {})}
        return self.post(url, data=data, files=files, headers={"Referer": url})


def totp(secret: str) -> str:
    """The authenticator app's code now (RFC 6238: 30 seconds, 6 digits, SHA-1)."""
    digest = hmac.new(
        base64.b32decode(secret), struct.pack(">Q", int(time.time()) // 30), hashlib.sha1
    ).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 10**6:06d}"


def sign_in(browser: Browser, machine: str, username: str, password: str = PASSWORD):
    return browser.submit(machine + LOGIN, {"login": username, "password": password})


@pytest.fixture(scope="module")
def editor():
    """An editor signed in, with their second factor, on the first machine."""
    browser = Browser()
    first = sign_in(browser, MACHINES[0], "deploy-editor")
    assert first.status_code == 302, first.text[:500]
    second = browser.submit(
        urljoin(MACHINES[0], first.headers["Location"]),
        {"code": totp(os.environ["DEPLOY_TOTP_SECRET"])},
    )
    assert second.status_code == 302, second.text[:500]
    return browser


def test_signed_in_on_one_machine_is_signed_in_on_the_other():
    browser = Browser()
    assert sign_in(browser, MACHINES[0], "deploy-trainee").status_code == 302
    profile = browser.get(MACHINES[1] + "/es/accounts/profile/")
    assert profile.status_code == 200
    assert "deploy-trainee" in profile.text
    # And a form read on one machine is accepted by the other (the CSRF token lives in
    # the shared session).
    signed_out = browser.submit(MACHINES[1] + "/es/accounts/logout/")
    assert signed_out.status_code == 302
    assert browser.get(MACHINES[0] + "/es/accounts/profile/").status_code == 302


def test_failed_sign_ins_count_across_machines():
    browser = Browser()
    for attempt in range(5):
        failed = sign_in(browser, MACHINES[attempt % 2], "deploy-locked", "not-the-password")
        assert failed.status_code == 200
        assert "Too many" not in failed.text and "Demasiados" not in failed.text
    for machine in MACHINES:
        sixth = sign_in(browser, machine, "deploy-locked")
        assert sixth.status_code in (200, 429), f"signed in on {machine}"
        assert "Demasiados intentos" in sixth.text or sixth.status_code == 429


def test_an_image_uploaded_through_one_machine_is_served_by_the_other(editor):
    uploaded = editor.submit(
        MACHINES[0] + "/admin/images/add/",
        {"title": "Sonda de despliegue", "collection": "1"},
        files={"file": ("sonda.png", PNG, "image/png")},
    )
    assert uploaded.status_code == 302, uploaded.text[:2000]
    listing = editor.get(MACHINES[1] + "/admin/images/?q=Sonda")
    image_id = re.search(r'href="/admin/images/(\d+)/"', listing.text).group(1)
    # The other machine reads the original from the bucket to make its thumbnail there.
    page = editor.get(MACHINES[1] + f"/admin/images/{image_id}/")
    assert page.status_code == 200
    rendition = re.search(r'<img[^>]+src="([^"]+/images/sonda[^"]*)"', page.text).group(1)
    served = requests.get(rendition.replace("&amp;", "&"), timeout=30)
    assert served.status_code == 200
    assert served.content.startswith(b"\x89PNG")
    # Neither machine kept a file of its own: everything went to the shared bucket.
    work = Path(os.environ["DEPLOY_WORK"])
    assert not [path for path in work.glob("media-*/**/*") if path.is_file()]


def test_an_activity_uploaded_through_one_machine_is_served_by_the_other(editor):
    package = Path(PEOPLE["activity"]).read_bytes()
    uploaded = editor.submit(
        MACHINES[0] + "/admin/snippets/curriculum/h5pactivity/add/?locale=es",
        {"title": "Sonda H5P", "action-publish": "1"},
        files={"package": ("sonda.h5p", package, "application/zip")},
    )
    assert uploaded.status_code == 302, uploaded.text[:2000]
    # Served on the activity host (H5P_ORIGIN) of the other machine, from the bucket.
    activity_host = MACHINES[1].replace("127.0.0.1", "localhost")
    served = Browser().get(f"{activity_host}/h5p/{PEOPLE['activity_digest']}/h5p.json")
    assert served.status_code == 200
    assert json.loads(served.content)["title"] == "Sonda"


def test_a_page_unpublished_through_one_machine_is_gone_on_the_other(editor):
    visitor = Browser()
    path = PEOPLE["page_path"]
    for machine in MACHINES:
        assert visitor.get(machine + path).status_code == 200
    unpublished = editor.submit(MACHINES[0] + f"/admin/pages/{PEOPLE['page_id']}/unpublish/")
    assert unpublished.status_code == 302
    for machine in MACHINES:
        assert visitor.get(machine + path).status_code == 404, machine
