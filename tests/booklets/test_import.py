"""Importing a booklet edition from Markdown."""

import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from booklets.models import BookletPage, ModulePage
from tests.factories import GlossaryTermFactory

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "import"


def run(folder, locale):
    out, err = [], []

    class Stream:
        def __init__(self, sink):
            self.sink = sink

        def write(self, text):
            self.sink.append(text)

        def flush(self):
            pass

    call_command(
        "import_booklet", str(folder), locale=locale, stdout=Stream(out), stderr=Stream(err)
    )
    return "".join(out), "".join(err)


def blocks_of(page):
    return [(b["type"], b["value"]) for b in page.get_latest_revision_as_object().body.raw_data]


@pytest.fixture
def glossary(homes):
    return GlossaryTermFactory(term="Sujeto político", locale=homes["es"].locale)


def test_spanish_import_builds_the_expected_blocks_as_drafts(homes, glossary):
    out, err = run(SAMPLE / "es", "es")
    assert "created 3" in out  # the booklet and two modules
    booklet = BookletPage.objects.get(number=4, locale__language_code="es")
    assert not booklet.live
    first, second = ModulePage.objects.child_of(booklet).order_by("path")
    assert not first.live and not second.live  # never published by the import
    assert (first.slug, first.title, first.kind, first.estimated_minutes) == (
        "privar",
        "Privar de la libertad",
        "concepts",
        25,
    )
    assert first.learning_objectives.splitlines() == [
        "Entender la detención como castigo",
        "Reconocer sus efectos en la familia",
    ]
    types = [t for t, _v in blocks_of(first)]
    assert types == ["text", "quote", "key_concept", "pause"]
    text = blocks_of(first)[0][1]
    assert "<b>arbitraria</b>" in text and "<h2>Efectos en la familia</h2>" in text
    assert "<li>Miedo</li>" in text
    assert blocks_of(first)[1][1] == {
        "quote": "Nos encerraron a uno para callarnos a todos.",
        "attribution": "Integrante de una asamblea",
    }
    assert blocks_of(first)[2][1]["term"] == glossary.pk
    assert [t for t, _v in blocks_of(second)] == ["content_warning", "facilitator_note"]
    warning = blocks_of(second)[0][1]
    assert warning["warning"] == "Menciona malos tratos en una detención."
    assert warning["content"][0]["type"] == "text"
    # Every line that could not be mapped is reported with its file and line.
    assert "01-privar.md:30:" in err and "table" in err  # reported in the active language
    assert "02-casos.md:18:" in err and "dibujo" in err


def test_english_import_makes_translations_of_the_spanish_modules(homes, glossary):
    run(SAMPLE / "es", "es")
    run(SAMPLE / "en", "en")
    spanish = ModulePage.objects.get(slug="privar", locale__language_code="es")
    english = spanish.get_translation(homes["en"].locale)
    assert english.get_parent().specific.number == 4
    assert english.get_latest_revision_as_object().title == "Depriving of liberty"
    assert "<b>arbitrary</b>" in blocks_of(english)[0][1]


def test_importing_twice_changes_nothing_the_second_time(homes, glossary):
    run(SAMPLE / "es", "es")
    run(SAMPLE / "en", "en")
    counts = Page.objects.count(), Revision.objects.count()
    out_es, _ = run(SAMPLE / "es", "es")
    out_en, _ = run(SAMPLE / "en", "en")
    assert "created 0, updated 0, unchanged 2" in out_es
    assert "created 0, updated 0, unchanged 1" in out_en
    assert (Page.objects.count(), Revision.objects.count()) == counts


def test_a_changed_file_updates_only_its_draft_and_keeps_the_published_page(
    homes, glossary, tmp_path
):
    folder = tmp_path / "es"
    shutil.copytree(SAMPLE / "es", folder)
    run(folder, "es")
    module = ModulePage.objects.get(slug="casos")
    module.save_revision().publish()
    text = (
        (folder / "02-casos.md")
        .read_text()
        .replace("La asamblea se divide.", "La asamblea resiste.")
    )
    (folder / "02-casos.md").write_text(text)
    out, _ = run(folder, "es")
    assert "updated 1" in out
    module.refresh_from_db()
    live_warning = module.body.raw_data[0]["value"]["content"][0]["value"]
    assert "se divide" in live_warning  # the live page is untouched
    assert "resiste" in blocks_of(module)[0][1]["content"][0]["value"]  # the draft has it


def test_a_broken_file_leaves_the_database_untouched(homes, glossary, tmp_path):
    folder = tmp_path / "es"
    shutil.copytree(SAMPLE / "es", folder)
    (folder / "03-roto.md").write_text(
        "---\nbooklet: 4\nedition: 3\nkind: nonsense\nminutes: 5\n---\n# Roto\n"
    )
    counts = Page.objects.count(), Revision.objects.count()
    with pytest.raises(CommandError, match=r"03-roto.md:4: .kind. debe ser uno de"):
        run(folder, "es")
    assert (Page.objects.count(), Revision.objects.count()) == counts
    (folder / "03-roto.md").write_text(
        "---\nbooklet: 4\nedition: 3\nkind: tools\nminutes: 5\n---\n# Roto\n::: pause\nsin cerrar\n"
    )
    with pytest.raises(CommandError, match=r"no se cierra con"):
        run(folder, "es")
    assert (Page.objects.count(), Revision.objects.count()) == counts
