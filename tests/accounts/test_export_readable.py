"""A person can read their data export: sections with plain titles, module and booklet
titles rather than keys, dates as people say them, their own words; no internal keys
such as `booklets.homepage.locked_by`. A heavy user's export streams in small pieces."""

import json
import re

import pytest
from django.utils import formats, timezone, translation

from curriculum import services as curriculum
from curriculum.models import JournalEntry
from tests.factories import sign_in
from tests.workshops.conftest import world  # noqa: F401  (the workshop fixture)

pytestmark = pytest.mark.django_db


def export(client, language="en") -> tuple[dict, list[bytes]]:
    with translation.override(language):  # the active language back after the request
        response = client.post(f"/{language}/accounts/my-data/")
        assert response.status_code == 200
        assert response.streaming
        chunks = list(response.streaming_content)
    return json.loads(b"".join(chunks)), chunks


def items(data, title) -> list[dict]:
    return next(s["items"] for s in data["sections"] if s["title"] == title)


@pytest.fixture
def studied(world):  # noqa: F811
    """Participant A studied module 1 and wrote in their journal about it."""
    module = world.modules[0]
    booklet = module.get_parent()
    common = {"user": world.trainee_a, "module_key": module.translation_key}
    curriculum.progress_mark_studied(**common, booklet_key=booklet.translation_key, edition=1)
    curriculum.journal_entry_save(
        **common,
        booklet_key=booklet.translation_key,
        prompt_id="q1",
        prompt="¿Qué te llevas de este módulo?",
        body="Mis propias palabras, escritas despacio.",
    )
    return world


def test_the_export_names_modules_and_booklets_by_their_titles(client, studied):
    sign_in(client, studied.trainee_a)
    data, _chunks = export(client)
    progress = items(data, "Modules you studied")
    assert progress[0]["Module"] == "Módulo 1"
    assert progress[0]["Booklet"] == "Desaparición forzada"
    journal = items(data, "Your journal")
    assert journal[0]["Module"] == "Módulo 1"
    assert journal[0]["Entry"] == "Mis propias palabras, escritas despacio."
    assert journal[0]["Question text"] == "¿Qué te llevas de este módulo?"


def test_the_export_has_the_persons_workshop_life_in_words(client, studied):
    sign_in(client, studied.trainee_a)
    data, _chunks = export(client)
    assert items(data, "Your groups")[0]["Cohort"] == "Grupo Norte"
    answer = items(data, "Your answers to exercises")[0]
    assert answer["Exercise"] == "Mapa de actores"
    assert answer["Answer"] == "SECRETO-RESPUESTA-A"


def test_the_export_has_no_internal_keys_ids_or_numeric_dates(client, studied):
    sign_in(client, studied.trainee_a)
    data, _chunks = export(client)
    text = json.dumps(data, ensure_ascii=False)
    assert "booklets.homepage" not in text
    assert not re.search(r'"[a-z_]+\.[a-z_]+\.[a-z_]+"', text), "an internal relation key"
    assert "module_key" not in text and '"id"' not in text
    assert str(studied.modules[0].translation_key) not in text
    # Dates as people say them, in the person's language.
    studied_at = JournalEntry.objects.get(user=studied.trainee_a).created_at
    with translation.override("en"):  # the language the export was asked in
        said = formats.date_format(timezone.localtime(studied_at), "DATETIME_FORMAT")
    assert items(data, "Your journal")[0]["Created"] == said
    assert not re.search(r"\d{4}-\d{2}-\d{2}T", json.dumps(data["sections"]))


def test_facilitators_notes_about_the_person_stay_out(client, studied):
    sign_in(client, studied.trainee_a)
    data, _chunks = export(client)
    assert "SECRETO-NOTA-A" not in json.dumps(data, ensure_ascii=False)


def test_a_heavy_users_export_streams_in_small_pieces(client, studied):
    module = studied.modules[0]
    for n in range(600):
        JournalEntry.objects.create(
            user=studied.trainee_a,
            module_key=module.translation_key,
            booklet_key=module.get_parent().translation_key,
            prompt_id=f"p{n}",
            prompt="Pregunta",
            body="Palabras " * 300,
        )
    sign_in(client, studied.trainee_a)
    data, chunks = export(client)
    assert len(items(data, "Your journal")) == 601
    assert sum(len(c) for c in chunks) > 1_500_000
    assert max(len(c) for c in chunks) < 16_000


def test_the_page_says_what_the_file_holds_and_how_it_reads(client, studied):
    sign_in(client, studied.trainee_a)
    with translation.override("en"):
        page = client.get("/en/accounts/my-data/").content.decode()
    assert "the modules you studied" in page
    assert "under a plain title" in page
