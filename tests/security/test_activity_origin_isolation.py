"""Attacker's probes, claim 3: packages and the player's frame are served only on the
activity origin (H5P_ORIGIN, `activities.testserver` here), with no cookie in or out;
nothing of the site answers there; the site never serves /h5p/ or /play/.

Each test passes today and fails if the door it tries is opened."""

import json

import pytest
from django.test import Client

from demo.h5p import LIBRARY_DIR
from tests.factories import PASSWORD, sign_in, trainee
from tests.security.conftest import ACTIVITY_HOST

pytestmark = pytest.mark.django_db

METHODS = ("post", "put", "patch", "delete", "options", "trace")


def _final(client, path, **extra):
    """The answer at the end of any redirects."""
    return client.get(path, follow=True, **extra)


def test_the_site_never_serves_a_package_file_or_the_frame_whatever_the_path(client, activity):
    digest = activity.package_digest
    manifest = f"{digest}/h5p.json"
    paths = [
        f"/h5p/{manifest}",
        f"/play/{digest}/",
        f"/es/h5p/{manifest}",
        f"/en/play/{digest}/",
        f"/media/h5p/{manifest}",
        f"/es/media/h5p/{manifest}",
        f"/static/../h5p/{manifest}",
        f"/static/h5p/{manifest}",
        f"/es/../h5p/{manifest}",
        f"//h5p/{manifest}",
        f"/H5P/{manifest}",
        f"/h5p%2F{manifest}",
    ]
    for path in paths:
        answer = _final(client, path)
        assert answer.status_code == 404, path
        assert b'"mainLibrary"' not in answer.content, path
        assert b"h5p-standalone" not in answer.content, path
    for method in ("head", *METHODS):
        answer = getattr(client, method)(f"/play/{digest}/")
        assert answer.status_code in {301, 302, 403, 404, 405}, method
        assert b"h5p-standalone" not in answer.content, method


def test_x_forwarded_host_switches_nothing(client, activity):
    frame = f"/play/{activity.package_digest}/"
    # The site, claiming to be the activity host: still the site.
    assert client.get(frame, HTTP_X_FORWARDED_HOST=ACTIVITY_HOST, follow=True).status_code == 404
    login = client.get("/es/accounts/login/", HTTP_X_FORWARDED_HOST=ACTIVITY_HOST)
    assert login.status_code == 200 and "sessionid" in login.cookies
    # The activity host, claiming to be the site: still the activity host.
    activity_client = Client(HTTP_HOST=ACTIVITY_HOST, HTTP_X_FORWARDED_HOST="testserver")
    answer = activity_client.get("/es/accounts/login/")
    assert answer.status_code == 404 and not answer.cookies
    assert answer["Content-Type"].startswith("text/plain")
    assert activity_client.get(frame).status_code == 200


@pytest.mark.parametrize("host", ["ACTIVITIES.TESTSERVER", "Activities.TestServer"])
def test_the_activity_host_in_any_letter_case_is_still_the_activity_host(activity, host):
    client = Client(HTTP_HOST=host)
    for path in ("/es/accounts/login/", "/es/", "/admin/"):
        answer = client.get(path)
        assert answer.status_code == 404, path
        assert not answer.cookies, path
        assert b"Claves" not in answer.content, path
    assert client.get(f"/play/{activity.package_digest}/").status_code == 200


def test_no_method_but_get_and_head_is_answered_on_the_activity_host_and_none_signs_in(
    activity_client, activity
):
    person = trainee(username="en-actividades")
    credentials = {"login": person.username, "password": PASSWORD}
    paths = (
        f"/play/{activity.package_digest}/",
        f"/h5p/{activity.package_digest}/h5p.json",
        "/es/accounts/login/",
        "/admin/login/",
        "/es/_util/login/",
        "/nothing/",
    )
    for path in paths:
        for method in METHODS:
            answer = getattr(activity_client, method)(path, credentials)
            assert answer.status_code == 405, (method, path)
            assert not answer.cookies, (method, path)
        head = activity_client.head(path)
        assert not head.cookies, path
    assert not activity_client.cookies


def test_path_tricks_never_leave_the_package_folder(activity_client, activity, tmp_path):
    digest = activity.package_digest
    # A file beside the package folders, and one beside the media folder's h5p/.
    (tmp_path / "media" / "h5p" / "secret.txt").write_text("SECRETO-FUERA-DEL-PAQUETE")
    (tmp_path / "media" / "secret.txt").write_text("SECRETO-FUERA-DEL-PAQUETE")
    base = f"/h5p/{digest}"
    tricks = [
        "../secret.txt",
        "../../secret.txt",
        "..%2Fsecret.txt",
        "%2e%2e/secret.txt",
        "%2e%2e%2fsecret.txt",
        "..%5csecret.txt",
        "..\\secret.txt",
        f"{LIBRARY_DIR}/../../secret.txt",
        f"{LIBRARY_DIR}/%2e%2e/%2e%2e/secret.txt",
        "./h5p.json/../../secret.txt",
        "/../secret.txt",
        "content//../../secret.txt",
        "secret.txt%00.json",
        "..;/secret.txt",
    ]
    for trick in tricks:
        answer = activity_client.get(f"{base}/{trick}")
        assert answer.status_code == 404, trick
        assert b"SECRETO" not in b"".join(answer), trick
    for digest_trick in ("..", "%2e%2e", f"{digest}/..", digest.upper(), f"{digest}%2F.."):
        answer = activity_client.get(f"/h5p/{digest_trick}/secret.txt")
        assert answer.status_code == 404, digest_trick
        assert b"SECRETO" not in b"".join(answer), digest_trick
    # The real file is served: the probe above would notice a folder escape.
    manifest = activity_client.get(f"{base}/h5p.json")
    assert manifest.status_code == 200
    assert "mainLibrary" in json.loads(b"".join(manifest))


def test_a_signed_in_browser_sends_its_cookies_to_the_activity_host_and_they_go_nowhere(
    activity_client, activity
):
    person = trainee(username="con-sesion")
    site = Client()
    sign_in(site, person)
    for name, morsel in site.cookies.items():
        activity_client.cookies[name] = morsel.value
    activity_client.cookies["csrftoken"] = "x" * 32
    activity_client.cookies["django_language"] = "en"
    frame = f"/play/{activity.package_digest}/"
    anonymous = Client(HTTP_HOST=ACTIVITY_HOST).get(frame).content
    paths = (
        frame,
        f"/h5p/{activity.package_digest}/h5p.json",
        "/static/js/activity-frame.js",
        "/es/accounts/profile/",
        "/es/diario/",
        "/nothing/",
    )
    for path in paths:
        answer = activity_client.get(path)
        assert not answer.cookies, path
        assert "Set-Cookie" not in answer, path
        assert person.username.encode() not in b"".join(answer), path
        assert answer["Referrer-Policy"] == "no-referrer", path
    # The frame is the same page whoever asks: nothing from the session reaches it.
    assert activity_client.get(frame).content == anonymous
    # And the site session is still the person's, untouched by the visit.
    assert site.get("/es/accounts/profile/").status_code == 200


def test_the_frame_may_be_framed_only_by_the_site_and_the_site_frames_only_it(
    client, activity_client, activity
):
    frame = activity_client.get(f"/play/{activity.package_digest}/")
    policy = frame["Content-Security-Policy"]
    assert "frame-ancestors http://testserver" in policy
    assert "form-action 'none'" in policy
    assert "*" not in policy
    site_policy = client.get("/es/")["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in site_policy
