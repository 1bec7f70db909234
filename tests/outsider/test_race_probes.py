"""Outsider probes of saves that meet each other: two first saves at the same moment,
and two devices writing the same entry."""

import re
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from curriculum.models import JournalEntry
from curriculum.services import journal_entry_save
from tests.curriculum.test_journal import journal_links
from tests.factories import sign_in, trainee

JSON = {"accept": "application/json"}


# serialized_rollback: the flush after a transactional test would take the groups,
# locales and workflow rows the migrations made, and --reuse-db would keep it so.
@pytest.mark.sqlite_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_first_saves_at_once_make_one_row_and_no_error(module):
    client = Client()
    person = sign_in(client, trainee())
    url = journal_links(client, module)[0]
    module_key, prompt_id = url.rstrip("/").split("/")[-2:]
    start, errors = threading.Barrier(2), []

    def save(text):
        try:
            start.wait()
            journal_entry_save(
                user=person,
                module_key=module_key,
                booklet_key=module.get_parent().translation_key,
                prompt_id=prompt_id,
                prompt="¿Qué te recupera?",
                body=text,
            )
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(t,)) for t in ("autosave", "guardar")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert JournalEntry.objects.count() == 1
    assert JournalEntry.objects.get().body in ("autosave", "guardar")


@pytest.mark.django_db
def test_an_older_page_on_another_device_does_not_overwrite_newer_text(module):
    person = trainee()
    phone, laptop = Client(), Client()
    sign_in(phone, person)
    sign_in(laptop, person)
    url = journal_links(phone, module)[0]
    phone.post(url, {"body": "primer borrador"})
    entry_url = reverse("curriculum:journal_entry", args=[JournalEntry.objects.get().pk])
    opened = laptop.get(entry_url)  # the laptop opens the draft
    assert opened.status_code == 200
    version = re.search(r'name="version" value="(\d+)"', opened.content.decode()).group(1)
    phone.post(entry_url, {"body": "media hora de texto escrita en el móvil"}, headers=JSON)
    # The laptop's page, still showing the first draft, autosaves one more word.
    stale = laptop.post(entry_url, {"body": "primer borrador y", "version": version}, headers=JSON)
    kept = JournalEntry.objects.get().body
    assert kept == "media hora de texto escrita en el móvil" or stale.json()["saved"] is False
