"""Autosave cannot lie: text that was not saved is never reported saved, and a Save that
cannot be kept (signed out, token changed) shows the text back instead of losing it."""

import re
import time

import pytest
from bs4 import BeautifulSoup
from django.middleware.csrf import CSRF_SESSION_KEY
from django.test import Client
from django.urls import reverse
from django.utils.crypto import get_random_string

from accounts.middleware import SEEN_AT
from curriculum.models import JournalEntry
from tests.curriculum.test_journal import journal_links
from tests.factories import sign_in, trainee

pytestmark = pytest.mark.django_db

JSON = {"accept": "application/json"}
TEXT = "Lo que escribí durante media hora\ny no quiero perder."


def csrf_token(response) -> str:
    html = BeautifulSoup(response.content.decode(), "html.parser")
    return html.select_one("input[name=csrfmiddlewaretoken]")["value"]


def text_kept_page(response):
    """The page that shows the text back, checked as a person would see it."""
    assert response.status_code == 403
    assert "no-store" in response["Cache-Control"]
    html = BeautifulSoup(response.content.decode(), "html.parser")
    assert html.select_one("textarea[name=body]").get_text().removeprefix("\n") == TEXT
    return html


@pytest.fixture
def writing(module):
    """A trainee with the question open, on a client that checks CSRF as browsers do."""
    client = Client(enforce_csrf_checks=True)
    sign_in(client, trainee())
    url = journal_links(client, module)[0]
    return client, url, csrf_token(client.get(url))


def test_an_autosave_says_saved_only_with_the_text_saved_and_its_version(writing):
    client, url, token = writing
    reply = client.post(url, {"body": TEXT, "csrfmiddlewaretoken": token}, headers=JSON)
    assert reply.status_code == 200
    assert reply.json()["saved"] is True
    assert isinstance(reply.json()["version"], int)
    assert JournalEntry.objects.get().body == TEXT


def test_autosave_after_the_session_ended_is_not_saved_and_says_so(writing):
    client, url, token = writing
    client.logout()
    reply = client.post(url, {"body": TEXT, "csrfmiddlewaretoken": token}, headers=JSON)
    assert reply.status_code == 403
    assert reply.json()["saved"] is False
    assert "cerró tu sesión" in reply.json()["message"]
    assert not JournalEntry.objects.exists()


def test_save_after_the_session_ended_shows_the_text_back_with_a_way_to_sign_in(writing):
    client, url, token = writing
    client.logout()
    html = text_kept_page(client.post(url, {"body": TEXT, "csrfmiddlewaretoken": token}))
    sign_in_link = html.select_one("a[target=_blank][href^='/es/accounts/login/']")
    assert sign_in_link is not None
    assert html.select_one("form[method=post]")["action"] == url
    assert not JournalEntry.objects.exists()


def test_save_after_an_idle_sign_out_shows_the_text_back(writing):
    # The idle sign-out happens in the same request, after the token was checked: the
    # view itself meets the signed-out person.
    client, url, token = writing
    session = client.session
    session[SEEN_AT] = int(time.time()) - 24 * 3600
    session.save()
    text_kept_page(client.post(url, {"body": TEXT, "csrfmiddlewaretoken": token}))
    assert client.post(url, {"body": TEXT}, headers=JSON).json()["saved"] is False
    assert not JournalEntry.objects.exists()


def test_a_token_changed_by_signing_in_elsewhere_keeps_the_text_and_saves_on_the_next_press(
    writing,
):
    client, url, stale_token = writing
    # Signing in in another tab gives the session a new token (the test client's own
    # sign-in keeps the old one, so the new one is put in the session here).
    session = client.session
    session[CSRF_SESSION_KEY] = get_random_string(32)
    session.save()
    refused = client.post(url, {"body": TEXT, "csrfmiddlewaretoken": stale_token}, headers=JSON)
    assert refused.status_code == 403 and refused.json()["saved"] is False

    page = client.post(url, {"body": TEXT, "csrfmiddlewaretoken": stale_token})
    html = text_kept_page(page)
    assert "otra pestaña" in html.get_text()
    saved = client.post(url, {"body": TEXT, "csrfmiddlewaretoken": csrf_token(page), "save": ""})
    assert saved.status_code == 302
    assert JournalEntry.objects.get().body == TEXT


def test_other_forms_keep_the_plain_csrf_refusal(client):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/es/accounts/login/", {"login": "a", "password": "secret-typed"})
    assert response.status_code == 403
    assert "secret-typed" not in response.content.decode()


def test_a_page_another_device_overtook_is_not_saved_and_keeps_its_text(client, module):
    """Two pages of one entry (phone and laptop): the older one's save is refused with
    its text shown back; the newer text stays."""
    person = trainee()
    sign_in(client, person)
    client.post(journal_links(client, module)[0], {"body": "primer borrador"})
    entry = JournalEntry.objects.get()
    page = reverse("curriculum:journal_entry", args=[entry.pk])
    laptop_version = re.search(r'name="version" value="(\d+)"', client.get(page).text).group(1)
    phone = client.post(page, {"body": "texto del móvil"}, headers=JSON)
    assert phone.json()["saved"] is True and str(phone.json()["version"]) != laptop_version
    laptop = client.post(page, {"body": "primer borrador y", "version": laptop_version})
    assert laptop.status_code == 409 and "primer borrador y" in laptop.text
    entry.refresh_from_db()
    assert entry.body == "texto del móvil"
    again = client.post(
        page, {"body": "texto del móvil, y más", "version": phone.json()["version"]}, headers=JSON
    )
    assert again.json()["saved"] is True
