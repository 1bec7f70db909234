"""Outsider probes of what is kept: a text no key opens is never written over, racing
first saves make one row, and a backup that does not match its manifest is reported."""

import contextlib
import json

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

from curriculum.models import JournalEntry
from curriculum.services import journal_entry_save
from tests.curriculum.test_journal import journal_links
from tests.factories import sign_in, trainee
from workshops import services as workshop_services
from workshops.models import ExerciseResponse, FacilitatorNote

pytestmark = pytest.mark.django_db

JSON = {"accept": "application/json"}


def stored_body(entry) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM curriculum_journalentry WHERE id = %s", [entry.pk])
        return cursor.fetchone()[0]


@pytest.fixture
def lost_key_entry(module, settings):
    """A trainee's journal entry written with a key the server then loses."""
    client = Client()
    person = sign_in(client, trainee())
    url = journal_links(client, module)[0]
    client.post(url, {"body": "Lo que escribí antes"})
    entry = JournalEntry.objects.get()
    ciphertext = stored_body(entry)
    settings.FACILITATOR_NOTES_KEYS = [Fernet.generate_key().decode()]
    return client, url, entry, ciphertext, person


def test_unreadable_entry_page_opens_with_a_message(lost_key_entry):
    client, _, entry, _, _ = lost_key_entry
    page = client.get(reverse("curriculum:journal_entry", args=[entry.pk]))
    assert page.status_code == 200
    assert "Lo que escribí antes" not in page.content.decode()
    assert client.get(reverse("curriculum:journal")).status_code == 200


@pytest.mark.parametrize("how", ["entry", "question"])
@pytest.mark.parametrize("accept", [{}, JSON])
def test_saving_over_an_unreadable_entry_keeps_the_original_ciphertext(lost_key_entry, how, accept):
    client, url, entry, ciphertext, _ = lost_key_entry
    target = reverse("curriculum:journal_entry", args=[entry.pk]) if how == "entry" else url
    placeholder = JournalEntry.objects.get().body  # what the box shows, posted back
    for text in (placeholder, "Texto nuevo"):
        reply = client.post(target, {"body": text}, headers=accept)
        assert reply.status_code == 400
        if accept:
            assert reply.json()["saved"] is False
    assert stored_body(entry) == ciphertext


def test_the_journal_service_itself_refuses_to_write_over_an_unreadable_entry(lost_key_entry):
    _, _, entry, ciphertext, person = lost_key_entry
    with contextlib.suppress(ValueError):
        journal_entry_save(
            user=person,
            module_key=entry.module_key,
            booklet_key=entry.booklet_key,
            prompt_id=entry.prompt_id,
            prompt=entry.prompt,
            body="Texto nuevo",
        )
    assert stored_body(entry) == ciphertext


def test_unreadable_note_is_not_written_over(world, settings):
    note = world.note_a
    ciphertext = FacilitatorNote.objects.get(pk=note.pk).encrypted_text
    settings.FACILITATOR_NOTES_KEYS = [Fernet.generate_key().decode()]
    client = Client()
    sign_in(client, world.facilitator_a)
    url = reverse("workshops:note_edit", args=[world.cohort_a.pk, note.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "SECRETO-NOTA-A" not in page.content.decode()
    placeholder = FacilitatorNote.objects.get(pk=note.pk).text
    for text in (placeholder, "Nota nueva"):
        client.post(
            url,
            {
                "about": note.about,
                "participant": world.trainee_a.pk,
                "text": text,
                "version": note.version,
            },
        )
    assert FacilitatorNote.objects.get(pk=note.pk).encrypted_text == ciphertext


def test_unreadable_notes_page_lists_with_a_message(world, settings):
    settings.FACILITATOR_NOTES_KEYS = [Fernet.generate_key().decode()]
    client = Client()
    sign_in(client, world.facilitator_a)
    page = client.get(reverse("workshops:notes", args=[world.cohort_a.pk]))
    assert page.status_code == 200
    assert "SECRETO-NOTA-A" not in page.content.decode()


# ---- Second saves behave like the loser of a race ---------------------------------


def test_a_first_save_that_finds_the_row_already_there_updates_it(module):
    client = Client()
    person = sign_in(client, trainee())
    url = journal_links(client, module)[0]
    client.post(url, {"body": "autosave"})
    entry = JournalEntry.objects.get()
    # The Save pressed at the same time arrives second, as a "first save" of its own.
    again = journal_entry_save(
        user=person,
        module_key=entry.module_key,
        booklet_key=entry.booklet_key,
        prompt_id=entry.prompt_id,
        prompt=entry.prompt,
        body="guardar",
    )
    assert JournalEntry.objects.count() == 1
    assert again.pk == entry.pk and JournalEntry.objects.get().body == "guardar"


def test_two_first_exercise_saves_make_one_answer(world):
    exercise = world.private_exercise_a
    for body in ("uno", "dos"):
        workshop_services.response_save(
            exercise=exercise, author=world.trainee_a, body=body, submit=False
        )
    answers = ExerciseResponse.objects.filter(exercise=exercise, author=world.trainee_a)
    assert [a.body for a in answers] == ["dos"]


# ---- Backup and restore ------------------------------------------------------------


@pytest.fixture
def backup(db, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "foto.txt").write_text("una foto")
    folder = tmp_path / "backup"
    call_command("backup", str(folder))
    return folder


@pytest.mark.sqlite_only
def test_restore_refuses_a_site_with_data_without_force(backup):
    trainee(username="sigue-aqui")
    with pytest.raises(CommandError, match="--force"):
        call_command("restore", str(backup))
    from django.contrib.auth import get_user_model

    assert get_user_model().objects.filter(username="sigue-aqui").exists()


@pytest.mark.sqlite_only
def test_check_reports_a_tampered_manifest(backup, settings):
    manifest = json.loads((backup / "manifest.json").read_text())
    manifest["files"]["foto.txt"] = "0" * 64
    (backup / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(CommandError, match="1"):
        call_command("restore", str(backup), "--check")


@pytest.mark.sqlite_only
def test_check_reports_a_missing_media_file(backup, settings):
    (settings.MEDIA_ROOT / "foto.txt").unlink()
    with pytest.raises(CommandError, match="1"):
        call_command("restore", str(backup), "--check")
