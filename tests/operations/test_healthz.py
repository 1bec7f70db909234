"""/healthz tells a load balancer or a monitor whether this process can serve: "ok" or
"unavailable", nothing more, and it leaves no trace (no cookie, no session)."""

from unittest import mock

import pytest
from django.contrib.sessions.models import Session
from django.db import OperationalError, connection

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("host", ["testserver", "activities.testserver", "10.0.0.5"])
def test_healthz_answers_ok_with_no_cookie_and_no_session(client, host):
    sessions = Session.objects.count()
    response = client.get("/healthz", HTTP_HOST=host)
    assert response.status_code == 200
    assert response.content == b"ok"
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    assert Session.objects.count() == sessions


def test_healthz_is_never_redirected_to_https_or_a_language(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200


def test_healthz_says_unavailable_and_nothing_else_without_the_database(client, caplog):
    with mock.patch.object(
        connection, "cursor", side_effect=OperationalError("password authentication failed")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"unavailable"
    assert "password authentication failed" in caplog.text  # for the operator, in the log
