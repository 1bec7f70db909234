"""Journal entries are encrypted at rest: the database never holds what a person wrote."""

import importlib
import json

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import translation

from accounts.services import user_delete
from curriculum.models import JournalEntry
from curriculum.services import journal_entry_save
from tests.factories import BookletPageFactory, ModulePageFactory, block, body, sign_in, trainee

CANARY = "CANARIO-DIARIO-7f3a"


@pytest.fixture
def module(homes):
    booklet = BookletPageFactory(parent=homes["es"], title="Fortalecimiento")
    return ModulePageFactory(
        parent=booklet,
        title="El desgaste",
        body=body(block("reflection_question", {"question": "¿Qué te recupera?", "guidance": ""})),
    )


def raw_bodies() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM curriculum_journalentry")
        return [row[0] for row in cursor.fetchall()]


def write(user, module, text):
    return journal_entry_save(
        user=user,
        module_key=module.translation_key,
        booklet_key=module.get_parent().translation_key,
        prompt_id=module.body[0].id,
        prompt="¿Qué te recupera?",
        body=text,
    )


@pytest.mark.django_db
def test_the_database_holds_no_plaintext_yet_the_author_reads_saves_and_exports_it(client, module):
    person = sign_in(client, trainee())
    question = module.body[0].id
    write_url = f"/es/diario/escribir/{module.translation_key}/{question}/"
    client.post(write_url, {"body": f"Caminar **{CANARY}**."})
    entry = JournalEntry.objects.get(user=person)

    stored = raw_bodies()
    assert stored and all(CANARY not in value and "Caminar" not in value for value in stored)

    page = client.get(f"/es/diario/{entry.pk}/").content.decode()
    assert f"<strong>{CANARY}</strong>" in page  # Markdown rendered from the clear text
    assert f"<strong>{CANARY}</strong>" in client.get("/es/diario/").content.decode()

    # Autosave updates the same entry, still encrypted.
    saved = client.post(
        f"/es/diario/{entry.pk}/",
        {"body": f"Segundo {CANARY}"},
        headers={"accept": "application/json"},
    )
    assert saved.status_code == 200
    assert JournalEntry.objects.get(pk=entry.pk).body == f"Segundo {CANARY}"
    assert all(CANARY not in value for value in raw_bodies())

    with translation.override("en"):  # Spanish back after the English request
        exported = json.loads(b"".join(client.post("/en/accounts/my-data/").streaming_content))
    journal = next(s["items"] for s in exported["sections"] if s["title"] == "Your journal")
    assert journal[0]["Entry"] == f"Segundo {CANARY}"


@pytest.mark.django_db
def test_an_empty_entry_is_stored_encrypted_too(module):
    write(trainee(), module, "")
    assert JournalEntry.objects.get().body == ""
    assert raw_bodies()[0] != ""  # not even emptiness shows in the column


@pytest.mark.django_db
def test_after_rotation_entries_read_with_the_new_key_alone(module, settings):
    old_key, new_key = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FACILITATOR_NOTES_KEYS = [old_key]
    entry = write(trainee(), module, CANARY)
    before = raw_bodies()
    updated_at = entry.updated_at

    settings.FACILITATOR_NOTES_KEYS = [new_key, old_key]
    call_command("rotate_note_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert raw_bodies() != before

    settings.FACILITATOR_NOTES_KEYS = [new_key]  # the old key can go now
    entry = JournalEntry.objects.get(pk=entry.pk)
    assert entry.body == CANARY
    assert entry.updated_at == updated_at  # rotating is not writing


@pytest.mark.django_db
def test_deleting_the_account_removes_the_encrypted_entries(module):
    person = trainee()
    write(person, module, CANARY)
    user_delete(user=person)
    assert raw_bodies() == []


@pytest.mark.django_db
def test_the_migration_encrypts_existing_entries_and_its_reverse_decrypts_them(module):
    # The data steps run on the models as they were before the migration (body a plain
    # TextField); run them so, without migrating the test database back and forth (a
    # transactional test would empty the tables the other migrations filled).
    migration = importlib.import_module("curriculum.migrations.0005_journal_encrypted")
    state = MigrationLoader(connection).project_state(("curriculum", "0004_activity_results"))
    state.apps.get_model("curriculum", "JournalEntry").objects.create(
        user_id=trainee().pk,
        module_key=module.translation_key,
        booklet_key=module.get_parent().translation_key,
        prompt_id="q",
        prompt="¿?",
        body=CANARY,
    )
    assert raw_bodies() == [CANARY]

    migration.encrypt_entries(state.apps, None)
    assert CANARY not in raw_bodies()[0]
    assert JournalEntry.objects.get().body == CANARY

    migration.decrypt_entries(state.apps, None)
    assert raw_bodies() == [CANARY]


@pytest.mark.django_db
def test_rotation_never_undoes_an_entry_saved_while_it_runs(module, monkeypatch):
    from accounts import crypto

    person = trainee()
    write(person, module, "Antes")
    original, saved_meanwhile = crypto.encrypt, []

    def encrypt_while_the_author_saves(text):
        if not saved_meanwhile:  # the author's autosave lands between read and write
            saved_meanwhile.append(True)
            write(person, module, "Después")
        return original(text)

    monkeypatch.setattr(crypto, "encrypt", encrypt_while_the_author_saves)
    call_command("rotate_note_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert saved_meanwhile
    assert JournalEntry.objects.get(user=person).body == "Después"
