"""Error pages are ours: in the reader's language, with the quick exit where the site
still works, and the 500 page even when the database is gone."""

import pytest
from django.db import OperationalError
from django.test import Client, override_settings
from django.urls import path
from django.utils import translation


def database_gone(request):
    raise OperationalError("could not connect to server")


urlpatterns = [path("es/roto/", database_gone)]


@pytest.fixture(autouse=True)
def _no_language_left_active():
    with translation.override(None):
        yield


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_server_error_page_renders_in_spanish_without_the_database(django_db_blocker):
    client = Client(raise_request_exception=False)
    with django_db_blocker.block():  # any query would raise here
        response = client.get("/es/roto/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Algo salió mal" in body
    assert 'href="/exit/"' in body  # the quick exit, without a URL lookup or a query


@pytest.mark.django_db
def test_too_many_sign_ins_get_our_page_not_a_bare_one(client, homes, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "1/m/ip"}
    login = {"login": "nadie", "password": "not-the-password"}
    client.post("/en/accounts/login/", login)
    response = client.post("/en/accounts/login/", login)
    assert response.status_code == 429
    body = response.content.decode()
    assert "Too many attempts" in body
    assert "429 Too Many Requests" not in body
    assert "data-quick-exit" in body
