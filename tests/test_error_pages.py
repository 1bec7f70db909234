"""Error pages say nothing about the code behind them."""

import pytest
from django.test import Client, override_settings
from django.urls import path


def broken_view(request):
    raise RuntimeError("database password is hunter2")


urlpatterns = [path("broken/", broken_view)]


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_server_error_page_reveals_nothing_internal():
    client = Client(raise_request_exception=False)
    response = client.get("/broken/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Algo salió mal" in body or "Something went wrong" in body
    for leak in ("hunter2", "RuntimeError", "Traceback", "broken_view", "site-packages"):
        assert leak not in body
