"""A notes key that is lost or wrong makes the texts it protected unreadable, not the
pages that show them: facilitators see which notes cannot be read and keep writing new
ones; the operator is told in the log what to put back."""

import logging

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from curriculum.models import JournalEntry
from curriculum.services import journal_entry_save
from tests.factories import BookletPageFactory, ModulePageFactory, facilitator, sign_in
from workshops import services
from workshops.models import FacilitatorNote

pytestmark = pytest.mark.django_db

UNREADABLE = "cannot be read"  # in English: its Spanish is the catalogue tests' to check
OLD_KEY, NEW_KEY = Fernet.generate_key().decode(), Fernet.generate_key().decode()


@pytest.fixture(autouse=True)
def _english():
    """Pages in English, and no language left active for the tests after."""
    with translation.override("en"):
        yield


@pytest.fixture
def written_with_the_old_key(homes, settings):
    settings.FACILITATOR_NOTES_KEYS = [OLD_KEY]
    booklet = BookletPageFactory(parent=homes["es"], title="Miedo")
    module = ModulePageFactory(parent=booklet, title="Conceptos")
    person = facilitator(username="fac")
    cohort = services.cohort_create(
        facilitator=person,
        name="Grupo",
        language="es",
        booklet_keys=[booklet.translation_key],
        starts_on=timezone.localdate(),
    )
    services.note_create(cohort=cohort, author=person, about="cohort", text="NOTA-VIEJA")
    journal_entry_save(
        user=person,
        module_key=module.translation_key,
        booklet_key=booklet.translation_key,
        prompt_id="q",
        prompt="¿Qué te recupera?",
        body="DIARIO-VIEJO",
    )
    settings.FACILITATOR_NOTES_KEYS = [NEW_KEY]  # the old key was lost
    return person, cohort


def test_notes_page_shows_unreadable_notes_and_takes_new_ones(
    client, written_with_the_old_key, caplog
):
    person, cohort = written_with_the_old_key
    sign_in(client, person)
    notes_url = reverse("workshops:notes", args=[cohort.pk])
    with caplog.at_level(logging.ERROR):
        page = client.get(notes_url)
    assert page.status_code == 200
    assert UNREADABLE in page.content.decode()
    assert "FACILITATOR_NOTES_KEYS" in caplog.text
    assert "NOTA-VIEJA" not in caplog.text

    saved = client.post(notes_url, {"about": "cohort", "text": "NOTA-NUEVA"})
    assert saved.status_code == 302
    page = client.get(notes_url).content.decode()
    assert "NOTA-NUEVA" in page and UNREADABLE in page


def test_journal_shows_unreadable_entries(client, written_with_the_old_key):
    person, _ = written_with_the_old_key
    sign_in(client, person)
    page = client.get(reverse("curriculum:journal"))
    assert page.status_code == 200
    assert UNREADABLE in page.content.decode()


def test_rotating_without_the_old_key_changes_nothing(written_with_the_old_key, settings):
    """Rotation with a key ring that cannot read everything stops before writing, so the
    unreadable texts are still there when the old key is found and put back."""
    with pytest.raises(Exception, match="FACILITATOR_NOTES_KEYS"):
        call_command("rotate_note_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.FACILITATOR_NOTES_KEYS = [NEW_KEY, OLD_KEY]
    assert FacilitatorNote.objects.get().text == "NOTA-VIEJA"
    assert JournalEntry.objects.get().body == "DIARIO-VIEJO"


def test_saving_over_an_unreadable_text_is_refused_and_the_text_survives(
    client, written_with_the_old_key, settings
):
    """The edit forms show the 'cannot be read' message in place of the text: saving it
    back (or anything else) must not replace the text a found key would open again."""
    person, cohort = written_with_the_old_key
    sign_in(client, person)
    note = FacilitatorNote.objects.get()
    note_answer = client.post(
        reverse("workshops:note_edit", args=[cohort.pk, note.pk]),
        {"about": "cohort", "text": str(note.text), "version": note.version},
    )
    entry = JournalEntry.objects.get()
    entry_answer = client.post(
        reverse("curriculum:journal_entry", args=[entry.pk]),
        {"body": str(entry.body)},
        HTTP_ACCEPT="application/json",
    )
    assert note_answer.status_code == 400 and UNREADABLE in note_answer.content.decode()
    assert entry_answer.status_code == 400 and entry_answer.json()["saved"] is False
    settings.FACILITATOR_NOTES_KEYS = [NEW_KEY, OLD_KEY]  # the old key is found again
    assert FacilitatorNote.objects.get().text == "NOTA-VIEJA"
    assert JournalEntry.objects.get().body == "DIARIO-VIEJO"
