"""The private journal: only its author ever reads an entry."""

import json

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from curriculum.models import JournalEntry
from tests.factories import sign_in, trainee

pytestmark = pytest.mark.django_db


def journal_links(client, module):
    html = BeautifulSoup(client.get(module.url).content.decode(), "html.parser")
    return [a["href"] for a in html.select(".reflection__journal a")]


def test_each_reflection_question_offers_the_journal_and_an_entry_is_saved(client, module):
    person = trainee()
    sign_in(client, person)
    links = journal_links(client, module)
    assert len(links) == 2  # the one inside the content warning too

    form = client.get(links[0])
    assert form.status_code == 200
    assert "¿Qué te recupera?" in form.content.decode()
    saved = client.post(links[0], {"body": "Caminar **temprano**.\n\n<script>x()</script>"})
    entry = JournalEntry.objects.get(user=person)
    assert saved["Location"] == f"/es/diario/{entry.pk}/"
    assert entry.prompt == "¿Qué te recupera?"
    assert entry.module_key == module.translation_key

    listing = BeautifulSoup(client.get("/es/diario/").content.decode(), "html.parser")
    assert listing.find("h2").get_text() == "Fortalecimiento"
    assert listing.find("h3").get_text() == "El desgaste"
    rendered = listing.select_one(".markdown")
    assert rendered.find("strong").get_text() == "temprano"
    assert rendered.find("script") is None

    # Asking to write again opens the same entry.
    assert client.get(links[0])["Location"] == f"/es/diario/{entry.pk}/"


def test_autosave_answers_in_json_and_updates_the_same_entry(client, module):
    person = trainee()
    sign_in(client, person)
    link = journal_links(client, module)[1]
    first = client.post(link, {"body": "Primer borrador"}, headers={"accept": "application/json"})
    assert first.status_code == 200
    url = first.json()["url"]
    second = client.post(url, {"body": "Segundo borrador"}, headers={"accept": "application/json"})
    assert second.json()["saved"] is True
    assert second.json()["message"].startswith("Guardado a las")
    assert second.json()["version"] > first.json()["version"]
    entry = JournalEntry.objects.get(user=person)
    assert entry.body == "Segundo borrador"
    assert entry.prompt == "¿Y en el equipo?"


def test_another_person_can_never_read_or_change_an_entry(client, module):
    author = trainee()
    sign_in(client, author)
    client.post(journal_links(client, module)[0], {"body": "Mi secreto."})
    entry = JournalEntry.objects.get(user=author)

    sign_in(client, trainee())
    assert client.get(f"/es/diario/{entry.pk}/").status_code == 404
    assert client.post(f"/es/diario/{entry.pk}/", {"body": "otro"}).status_code == 404
    assert "Mi secreto." not in client.get("/es/diario/").content.decode()
    entry.refresh_from_db()
    assert entry.body == "Mi secreto."

    client.logout()
    assert client.get(f"/es/diario/{entry.pk}/")["Location"].startswith("/es/accounts/login/")


def test_a_question_that_does_not_exist_is_not_found(client, module):
    sign_in(client, trainee())
    assert (
        client.get(f"/es/diario/escribir/{module.translation_key}/no-such-block/").status_code
        == 404
    )


def test_too_long_an_entry_is_refused_clearly_and_nothing_changes(client, module):
    person = trainee()
    sign_in(client, person)
    link = journal_links(client, module)[0]
    client.post(link, {"body": "Corto."})
    entry = JournalEntry.objects.get(user=person)
    response = client.post(f"/es/diario/{entry.pk}/", {"body": "x" * 50_001})
    assert response.status_code == 400
    assert "demasiado larga" in response.content.decode()
    entry.refresh_from_db()
    assert entry.body == "Corto."
    as_json = client.post(
        f"/es/diario/{entry.pk}/", {"body": "x" * 50_001}, headers={"accept": "application/json"}
    )
    assert as_json.status_code == 400
    assert "body" in json.loads(as_json.content)["errors"]


def test_journal_and_progress_are_in_the_data_export(client, module):
    person = trainee()
    sign_in(client, person)
    client.post(journal_links(client, module)[0], {"body": "Para mí."})
    client.post(f"/es/progress/{module.pk}/")
    with translation.override("en"):  # Spanish back after the English request
        exported = json.loads(b"".join(client.post("/en/accounts/my-data/").streaming_content))
    sections = {section["title"]: section["items"] for section in exported["sections"]}
    assert sections["Your journal"][0]["Entry"] == "Para mí."
    assert len(sections["Modules you studied"]) == 1
