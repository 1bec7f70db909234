"""Importing a booklet edition from Markdown."""

import contextlib
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from booklets.models import BookletPage, ModulePage
from tests.factories import GlossaryTermFactory

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "import"


def run(folder, locale, language=None):
    """Run the command; `language` is the editor's language for its messages."""
    out, err = [], []

    class Stream:
        def __init__(self, sink):
            self.sink = sink

        def write(self, text):
            self.sink.append(text)

        def flush(self):
            pass

    with translation.override(language) if language else contextlib.nullcontext():
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
    out, err = run(SAMPLE / "es", "es", "en")
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
    out_es, _ = run(SAMPLE / "es", "es", "en")
    out_en, _ = run(SAMPLE / "en", "en", "en")
    assert "created 0, updated 0, unchanged 3" in out_es  # the booklet and two modules
    assert "created 0, updated 0, unchanged 2" in out_en
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
    out, _ = run(folder, "es", "en")
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


def write_module(folder, name, front, body):
    """A module file from front matter lines and a body, both plain strings."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f"---\n{front.strip()}\n---\n{body.lstrip()}", encoding="utf-8")


FRONT = "booklet: 4\nedition: 3\nkind: tools\nminutes: 5"


def nothing_changed(counts):
    return (Page.objects.count(), Revision.objects.count()) == counts


def test_translates_finds_the_spanish_module_in_its_own_booklet_only(homes, glossary):
    run(SAMPLE / "es", "es")
    run(SAMPLE / "en", "en")
    english_4 = ModulePage.objects.get(slug="depriving")
    revisions_4 = Revision.objects.filter(object_id=str(english_4.pk)).count()
    # Booklet 2 also has a Spanish module "privar", and its English file translates it.
    run(SAMPLE / "second-es", "es")
    out, _ = run(SAMPLE / "second-en", "en", "en")
    assert "created 2" in out  # the English booklet 2 and its module; nothing updated
    english_4.refresh_from_db()
    assert english_4.get_latest_revision_as_object().title == "Depriving of liberty"
    assert Revision.objects.filter(object_id=str(english_4.pk)).count() == revisions_4
    spanish_2 = ModulePage.objects.get(
        slug="privar", locale=homes["es"].locale, title__contains="verdad"
    )
    english_2 = spanish_2.get_translation(homes["en"].locale)
    assert english_2.get_parent().specific.number == 2
    assert english_2.get_latest_revision_as_object().title == "Depriving of the truth"


def test_translates_naming_a_module_of_another_booklet_is_refused(homes, glossary, tmp_path):
    run(SAMPLE / "es", "es")
    run(SAMPLE / "second-es", "es")
    run(SAMPLE / "second-en", "en")
    write_module(
        tmp_path / "en",
        "02-cases.md",
        "booklet: 2\nedition: 2\nkind: examples\nminutes: 5\ntranslates: casos",
        "# Cases\n\nA case.\n",
    )
    counts = Page.objects.count(), Revision.objects.count()
    with pytest.raises(CommandError, match=r"02-cases.md:6: .*booklet 2.*casos"):
        run(tmp_path / "en", "en", "en")
    assert nothing_changed(counts)


def test_english_front_matter_names_the_english_booklet(homes, glossary):
    run(SAMPLE / "es", "es")
    run(SAMPLE / "en", "en")
    spanish = BookletPage.objects.get(number=4, locale=homes["es"].locale)
    english = BookletPage.objects.get(number=4, locale=homes["en"].locale)
    assert spanish.slug == "detencion-arbitraria"  # ASCII, no accents
    assert english.translation_key == spanish.translation_key
    draft = english.get_latest_revision_as_object()
    assert (english.title, english.slug, draft.title) == (
        "Arbitrary detention",
        "arbitrary-detention",
        "Arbitrary detention",
    )
    assert draft.summary.startswith("Unjust deprivation of liberty")


def test_a_new_english_booklet_needs_its_english_title(homes, glossary, tmp_path):
    run(SAMPLE / "es", "es")
    folder = tmp_path / "en"
    shutil.copytree(SAMPLE / "en", folder)
    page = folder / "01-depriving.md"
    page.write_text(
        "\n".join(line for line in page.read_text().splitlines() if "booklet_" not in line)
    )
    counts = Page.objects.count(), Revision.objects.count()
    with pytest.raises(CommandError, match=r"01-depriving.md:2: .*booklet_title"):
        run(folder, "en", "en")
    assert nothing_changed(counts)


def test_an_english_booklet_made_with_the_spanish_title_gets_its_english_one(
    homes, glossary, tmp_path
):
    run(SAMPLE / "es", "es")
    spanish = BookletPage.objects.get(number=4, locale=homes["es"].locale)
    # What the importer used to make: a copy keeping the Spanish title and slug.
    english = spanish.copy_for_translation(homes["en"].locale).specific
    english.save_revision()
    out, _ = run(SAMPLE / "en", "en", "en")
    assert "Updated: booklet 4" in out
    draft = BookletPage.objects.get(pk=english.pk).get_latest_revision_as_object()
    assert (draft.title, draft.slug) == ("Arbitrary detention", "arbitrary-detention")
    assert draft.summary.startswith("Unjust deprivation")
    # Once published, a new title keeps the booklet's address.
    draft.save_revision().publish()
    folder = tmp_path / "en"
    shutil.copytree(SAMPLE / "en", folder)
    page = folder / "01-depriving.md"
    page.write_text(page.read_text().replace("Arbitrary detention", "Arbitrary detentions"))
    out, _ = run(folder, "en", "en")
    assert "Updated: booklet 4" in out
    draft = BookletPage.objects.get(pk=english.pk).get_latest_revision_as_object()
    assert (draft.title, draft.slug) == ("Arbitrary detentions", "arbitrary-detention")


def test_slugs_from_front_matter_and_file_names_are_ascii(homes, glossary, tmp_path):
    folder = tmp_path / "es"
    write_module(folder, "01-atención.md", FRONT, "# Atención\n\nTexto.\n")
    write_module(folder, "02-otra.md", FRONT + "\nslug: Cuidado colectivo y daño", "# Otra\n")
    run(folder, "es")
    slugs = set(ModulePage.objects.values_list("slug", flat=True))
    assert slugs == {"atencion", "cuidado-colectivo-y-dano"}


@pytest.fixture
def image_folder(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    folder = tmp_path / "images"
    shutil.copytree(SAMPLE / "images", folder)
    PILImage.new("RGB", (8, 6), "white").save(folder / "mapa.png")
    PILImage.new("RGB", (8, 6), "black").save(tmp_path / "mapa.png")  # outside the folder
    return folder


def test_images_beside_the_files_become_image_blocks_with_their_alt_text(
    homes, glossary, image_folder
):
    _out, err = run(image_folder, "es", "en")
    module = ModulePage.objects.get(slug="mapa")
    body = blocks_of(module)
    assert [t for t, _v in body] == ["text", "image", "content_warning", "text"]
    image = get_image_model().objects.get()
    assert body[1][1] == {
        "image": image.pk,
        "alt_text": "Un mapa dibujado a mano con tres casas y un río",
        "caption": "El camino de la familia",
    }
    assert image.title == "Un mapa dibujado a mano con tres casas y un río"
    shown = module.get_latest_revision_as_object().body[1].render()
    assert 'alt="Un mapa dibujado a mano con tres casas y un río"' in shown
    assert "<figcaption>El camino de la familia</figcaption>" in shown
    assert (image.width, image.height) == (8, 6)
    warning = body[2][1]["content"]
    assert [b["type"] for b in warning] == ["image", "text"]
    assert warning[0]["value"]["image"] == image.pk  # one upload for the same file
    assert warning[0]["value"]["alt_text"] == "La casa vacía, dibujada por una niña"
    # No raw <img> anywhere; what could not become an image is reported with its line.
    assert "<img" not in str(module.get_latest_revision_as_object().body.raw_data)
    assert "Aquí iba una foto:" in body[3][1] and "se perdió" in body[3][1]
    assert "01-mapa.md:20:" in err and "foto.png" in err
    assert "01-mapa.md:22:" in err and "notas.png" in err
    assert "01-mapa.md:24:" in err and "alternative text" in err
    assert "01-mapa.md:26:" in err and "../mapa.png" in err
    # Importing again uploads nothing more and changes nothing.
    out, _ = run(image_folder, "es", "en")
    assert "created 0, updated 0, unchanged 2" in out
    assert get_image_model().objects.count() == 1


def test_a_page_wagtail_refuses_beside_an_image_leaves_no_image_behind(
    homes, glossary, image_folder
):
    # The images are uploaded before the pages are saved; Wagtail refuses the second
    # module's title (too long), so everything rolls back, the stored file included.
    front = "booklet: 3\nedition: 1\nkind: tools\nminutes: 5"
    write_module(image_folder, "02-roto.md", front, "# " + "Largo " * 60 + "\n")
    counts = Page.objects.count(), Revision.objects.count()
    with pytest.raises(CommandError, match=r"02-roto.md:7: "):
        run(image_folder, "es", "en")
    assert nothing_changed(counts)
    assert not get_image_model().objects.exists()
    media = image_folder.parent / "media"
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def test_an_unclosed_block_followed_by_another_is_reported_where_it_opens(
    homes, glossary, tmp_path
):
    folder = tmp_path / "es"
    write_module(
        folder,
        "01-pausas.md",
        FRONT,
        "# Pausas\n\n::: warning Algo duro\nTexto.\n\n::: pause Respira\nDespacio.\n:::\n",
    )
    with pytest.raises(CommandError, match=r"01-pausas.md:9: .*warning.*never closed.*line 12"):
        run(folder, "es", "en")
    # A real block inside a block is still named for what it is.
    write_module(
        folder,
        "01-pausas.md",
        FRONT,
        "# Pausas\n\n::: warning Algo duro\n::: pause Respira\nDespacio.\n:::\n:::\n",
    )
    with pytest.raises(CommandError, match=r"01-pausas.md:10: a ::: block cannot hold another"):
        run(folder, "es", "en")
    # A ::: that closes nothing is not left on the page as text.
    write_module(folder, "01-pausas.md", FRONT, "# Pausas\n\nTexto.\n:::\n")
    with pytest.raises(CommandError, match=r"01-pausas.md:10: .*closes no block"):
        run(folder, "es", "en")


def test_a_missing_closing_front_matter_line_is_reported_at_the_front_matter(
    homes, glossary, tmp_path
):
    folder = tmp_path / "es"
    folder.mkdir()
    path = folder / "01-sin-cierre.md"
    path.write_text(f"---\n{FRONT}\n# Sin cierre\n\nUn párrafo.\n")
    with pytest.raises(CommandError, match=r"01-sin-cierre.md:5: the front matter is never closed"):
        run(folder, "es", "en")
    # Even when a --- further down (a Markdown rule) could pass for its end.
    path.write_text(f"---\n{FRONT}\n\n# Sin cierre\n\nUn párrafo.\n\n---\n\nOtro.\n")
    with pytest.raises(CommandError, match=r"01-sin-cierre.md:5: the front matter is never closed"):
        run(folder, "es", "en")
    # A line that is wrong inside closed front matter is named itself.
    path.write_text(f"---\n{FRONT}\nsensitivity general\n---\n# Cerrado\n")
    with pytest.raises(CommandError, match=r"01-sin-cierre.md:6: front matter lines look like"):
        run(folder, "es", "en")
    path.write_text(f"---\n{FRONT}\ntranslate: privar\n---\n# Cerrado\n")
    with pytest.raises(CommandError, match=r"01-sin-cierre.md:6: .*translate"):
        run(folder, "es", "en")


def test_errors_name_the_file_and_line_of_their_cause(homes, glossary, tmp_path):
    folder = tmp_path / "es"
    write_module(folder, "01-uno.md", FRONT, "# Uno\n")
    write_module(folder, "02-dos.md", FRONT + "\nslug: uno", "# Dos\n")
    counts = Page.objects.count(), Revision.objects.count()
    with pytest.raises(CommandError, match=r"02-dos.md:6: .*01-uno.md"):
        run(folder, "es", "en")  # two modules with one address
    (folder / "02-dos.md").unlink()
    write_module(folder, "02-largo.md", FRONT, "# " + "Largo " * 60 + "\n")
    with pytest.raises(CommandError, match=r"02-largo.md:7: "):
        run(folder, "es", "en")  # Wagtail refuses the title: named by file and line
    (folder / "02-largo.md").unlink()
    write_module(folder, "02-otro.md", FRONT.replace("booklet: 4", "booklet: 5"), "# Otro\n")
    with pytest.raises(CommandError, match=r"02-otro.md:2: "):
        run(folder, "es", "en")
    (folder / "02-otro.md").write_bytes(b"---\nbooklet: 4\n---\n\xff\n")
    with pytest.raises(CommandError, match=r"02-otro.md:4: "):
        run(folder, "es", "en")
    assert nothing_changed(counts)


def test_the_summary_lists_the_files_created_updated_and_unchanged(homes, glossary, tmp_path):
    folder = tmp_path / "es"
    shutil.copytree(SAMPLE / "es", folder)
    out, _ = run(folder, "es", "en")
    assert "Created: booklet 4, 01-privar.md, 02-casos.md" in out
    casos = folder / "02-casos.md"
    casos.write_text(casos.read_text().replace("se divide", "resiste"))
    out, _ = run(folder, "es", "en")
    assert "Updated: 02-casos.md" in out
    assert "Unchanged: booklet 4, 01-privar.md" in out
    assert "Created:" not in out


def test_a_new_module_lands_before_the_facilitator_guide(homes, glossary, tmp_path):
    folder = tmp_path / "es"
    write_module(folder, "01-uno.md", FRONT, "# Uno\n")
    write_module(folder, "09-guia.md", FRONT.replace("tools", "facilitation"), "# Guía\n")
    run(folder, "es")
    write_module(folder, "02-dos.md", FRONT, "# Dos\n")
    run(folder, "es")
    booklet = BookletPage.objects.get(number=4)
    slugs = list(
        ModulePage.objects.child_of(booklet).order_by("path").values_list("slug", flat=True)
    )
    assert slugs == ["uno", "dos", "guia"]


def test_files_of_a_later_edition_change_no_edition_number(homes, glossary):
    """Only a moderator starts an edition ("Start edition" in the admin); an import that
    says a later edition leaves the booklet's number, and a second run says unchanged."""
    run(SAMPLE / "es", "es")
    booklet = BookletPage.objects.get(locale__language_code="es")
    BookletPage.objects.filter(pk=booklet.pk).update(edition_number=1)
    revisions = Revision.objects.count()
    out, _ = run(SAMPLE / "es", "es", "en")
    assert "created 0, updated 0, unchanged 3" in out
    assert Revision.objects.count() == revisions
    assert BookletPage.objects.get(pk=booklet.pk).edition_number == 1


def test_a_new_english_booklet_takes_the_spanish_edition_number(homes, glossary):
    """Every language of a booklet carries the same edition (a moderator starts it in
    all at once): the English files saying a later edition change nothing."""
    run(SAMPLE / "es", "es")
    spanish = BookletPage.objects.get(number=4, locale=homes["es"].locale)
    BookletPage.objects.filter(pk=spanish.pk).update(edition_number=1)
    run(SAMPLE / "en", "en")
    english = BookletPage.objects.get(number=4, locale=homes["en"].locale)
    assert english.edition_number == 1
    assert english.get_latest_revision_as_object().edition_number == 1


DIRECTIVES = """# Herramientas

::: case Una radio comunitaria
notice: La *culpa* como impacto.

Tras unas llamadas anónimas, el equipo deja de salir al aire.
:::

::: tool Mapa de actores
minutes: 45
materials: Papel grande; Marcadores

Ver quién apoya y quién amenaza.

1. Escriban el nombre del colectivo.
2. Unan con líneas de colores.
:::

::: question ¿Qué cambió?
Piensa en lo que dejaron.
:::

::: pause Respira
seconds: 90

Despacio, tres veces.
:::

::: source
author: Martín-Baró, Ignacio
title: Psicología social de la guerra
year: 1990
:::

::: activity pregunta
Pruébalo.
:::

:::: warning Habla de amenazas.
::: case Una amenaza
Un caso.
:::

::: concept Sujeto político
:::
::::

:::: warning Solo un concepto.
::: concept Sujeto político
:::
::::
"""


def test_each_directive_becomes_its_block(homes, glossary, tmp_path, activity):
    folder = tmp_path / "es"
    write_module(folder, "01-herramientas.md", FRONT, DIRECTIVES)
    _out, err = run(folder, "es", "en")
    assert err == ""
    module = ModulePage.objects.get(slug="herramientas")
    blocks = blocks_of(module)
    assert blocks[:6] == [
        (
            "case_example",
            {
                "title": "Una radio comunitaria",
                "narrative": "<p>Tras unas llamadas anónimas, el equipo deja de salir al aire.</p>",
                "what_to_notice": "<p>La <i>culpa</i> como impacto.</p>",
            },
        ),
        (
            "tool",
            {
                "name": "Mapa de actores",
                "purpose": "Ver quién apoya y quién amenaza.",
                "steps": ["Escriban el nombre del colectivo.", "Unan con líneas de colores."],
                "duration_minutes": 45,
                "materials": ["Papel grande", "Marcadores"],
            },
        ),
        (
            "reflection_question",
            {"question": "¿Qué cambió?", "guidance": "Piensa en lo que dejaron."},
        ),
        ("pause", {"title": "Respira", "instructions": "Despacio, tres veces.", "seconds": 90}),
        (
            "source_reference",
            {
                "author": "Martín-Baró, Ignacio",
                "title": "Psicología social de la guerra",
                "year": 1990,
                "publisher": "",
                "address": "",
            },
        ),
        ("interactive_activity", {"activity": activity.pk, "introduction": "Pruébalo."}),
    ]
    warning_type, warning = blocks[6]
    assert warning_type == "content_warning" and warning["warning"] == "Habla de amenazas."
    assert [(b["type"], b["value"]) for b in warning["content"]] == [
        (
            "case_example",
            {"title": "Una amenaza", "narrative": "<p>Un caso.</p>", "what_to_notice": ""},
        ),
        ("key_concept", {"term": glossary.pk, "in_this_module": ""}),
    ]
    assert blocks[7][1]["content"][0]["type"] == "key_concept"
    # The page opens in the editor as it was imported: every block is valid.
    assert module.body.stream_block.clean(module.get_latest_revision_as_object().body)


def test_a_warning_leaves_out_what_it_cannot_hold(homes, glossary, tmp_path):
    folder = tmp_path / "es"
    body = "# Uno\n\n:::: warning Duro\n::: pause Respira\nDespacio.\n:::\n\nTexto.\n::::\n"
    write_module(folder, "01-uno.md", FRONT, body)
    _out, err = run(folder, "es", "en")
    assert "01-uno.md:10: a “Pause” block cannot be inside a warning" in err
    (warning,) = blocks_of(ModulePage.objects.get(slug="uno"))
    assert [b["type"] for b in warning[1]["content"]] == ["text"]


def test_an_unknown_activity_or_a_number_in_words_is_reported(homes, glossary, tmp_path):
    folder = tmp_path / "es"
    body = (
        "# Uno\n\n::: activity No existe\n:::\n\n"
        "::: tool Ronda\nminutes: media hora\n\nNombrar.\n\n1. Hablar.\n:::\n"
    )
    write_module(folder, "01-uno.md", FRONT, body)
    _out, err = run(folder, "es", "en")
    assert "01-uno.md:9: no activity “No existe” in this language" in err
    assert "01-uno.md:12: “minutes: media hora” is not a whole number" in err
    ((kind, tool),) = blocks_of(ModulePage.objects.get(slug="uno"))
    assert kind == "tool" and tool["duration_minutes"] is None


def test_a_block_the_editor_would_refuse_stops_the_import_at_its_line(homes, glossary, tmp_path):
    """Saved as it was, the page would fail the first time an editor saves it in the
    admin; the import names the file, the line of the block and the field instead."""
    folder = tmp_path / "es"
    body = "# Uno\n\nTexto.\n\n::: pause Breve\nseconds: 5\n\nRespira.\n:::\n"
    write_module(folder, "01-uno.md", FRONT, body)
    counts = Page.objects.count(), Revision.objects.count()
    with pytest.raises(CommandError, match=r"01-uno.md:11: .*seconds: .*10"):
        run(folder, "es", "en")
    write_module(folder, "01-uno.md", FRONT, "# Uno\n\n::: case\nSin título.\n:::\n")
    with pytest.raises(CommandError, match=r"01-uno.md:9: .*title"):
        run(folder, "es", "en")
    assert nothing_changed(counts)
