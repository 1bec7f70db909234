"""An editor translates a Spanish page into English by segments with wagtail-localize."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from booklets.models import BookletPage, ModulePage
from tests.factories import BookletPageFactory, ModulePageFactory, block, body

pytestmark = pytest.mark.django_db

ENGLISH = {
    "Desaparición forzada": "Forced disappearance",
    "Un resumen breve del cuadernillo.": "A short summary of the booklet.",
    "Una pérdida sin cierre": "A loss without closure",
    "Sin un cuerpo y sin verdad, el duelo no puede seguir su curso.": (
        "Without a body and without the truth, grief cannot run its course."
    ),
    "¿Qué necesita una familia que busca?": "What does a searching family need?",
    "Nombrar los impactos.": "Name the impacts.",
    "Planear el cuidado.": "Plan care.",
}


def translate_by_segments(page, locale, publish_on_commit):
    """What the editor does in wagtail-localize's editor: translate each segment, publish."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            data=ENGLISH.get(segment.string.data, segment.string.data),
        )
    # wagtail-localize publishes when the transaction commits.
    with publish_on_commit(execute=True):
        translation.save_target(publish=True)
    return page.get_translation(locale).specific


def test_a_module_translated_by_segments_shares_its_key_and_the_switcher_links_both(
    client, homes, django_capture_on_commit_callbacks
):
    english = Locale.objects.get(language_code="en")
    booklet = BookletPageFactory(parent=homes["es"], title="Desaparición forzada")
    module = ModulePageFactory(
        parent=booklet,
        title="Una pérdida sin cierre",
        slug="una-perdida-sin-cierre",
        body=body(
            block("text", "<p>Sin un cuerpo y sin verdad, el duelo no puede seguir su curso.</p>"),
            block(
                "reflection_question",
                {"question": "¿Qué necesita una familia que busca?", "guidance": ""},
            ),
        ),
    )

    english_booklet = translate_by_segments(booklet, english, django_capture_on_commit_callbacks)
    english_module = translate_by_segments(module, english, django_capture_on_commit_callbacks)

    assert isinstance(english_booklet, BookletPage)
    assert isinstance(english_module, ModulePage)
    assert english_module.translation_key == module.translation_key
    assert english_module.locale == english
    assert english_module.get_parent().pk == english_booklet.pk
    assert english_module.live

    spanish_html = BeautifulSoup(client.get(module.url).content.decode(), "html.parser")
    to_english = spanish_html.select_one(".language-switcher a[hreflang=en]")["href"]
    assert to_english == english_module.url

    english_response = client.get(to_english)
    english_html = BeautifulSoup(english_response.content.decode(), "html.parser")
    assert english_html.html["lang"] == "en"
    assert english_html.find("h1").get_text() == "A loss without closure"
    assert "grief cannot run its course" in english_html.select_one(".block-text").get_text()
    assert english_html.select_one(".reflection__question").get_text() == (
        "What does a searching family need?"
    )
    back = english_html.select_one(".language-switcher a[hreflang=es]")["href"]
    assert back == module.url


@pytest.fixture
def english_booklet_and_module(homes):
    english = Locale.objects.get(language_code="en")
    booklet = BookletPageFactory(parent=homes["es"], title="Tortura", summary="Un resumen.")
    booklet.save_revision().publish()
    module = ModulePageFactory(parent=booklet, title="Qué busca la tortura")
    module.save_revision().publish()
    english_booklet = booklet.copy_for_translation(english)
    english_booklet.title = "Torture"
    english_booklet.summary = "A summary."
    english_booklet.save_revision().publish()
    english_module = module.copy_for_translation(english)
    english_module.title = "What torture seeks"
    english_module.save_revision().publish()
    return {
        "booklet": BookletPage.objects.get(pk=booklet.pk),
        "module": ModulePage.objects.get(pk=module.pk),
        "english_booklet": BookletPage.objects.get(pk=english_booklet.pk),
        "english_module": ModulePage.objects.get(pk=english_module.pk),
    }


def behind_note(client, page):
    html = BeautifulSoup(client.get(page.url).content.decode(), "html.parser")
    return html.select_one(".translation-behind")


def test_a_module_page_says_its_translation_is_behind_and_links_the_original(
    client, english_booklet_and_module
):
    given = english_booklet_and_module
    assert behind_note(client, given["english_module"]) is None

    module = given["module"]
    module.body = body(block("text", "<p>Texto corregido.</p>"))
    module.save_revision().publish()

    note = behind_note(client, given["english_module"])
    assert "updated after this translation" in note.get_text()
    assert note.find("a", hreflang="es")["href"] == module.url


def test_a_booklet_whose_own_fields_changed_counts_as_behind(client, english_booklet_and_module):
    given = english_booklet_and_module
    booklet = given["booklet"]
    booklet.summary = "Un resumen corregido."
    booklet.save_revision().publish()

    assert (
        "updated after this translation" in behind_note(client, given["english_booklet"]).get_text()
    )
    assert behind_note(client, given["english_module"]) is not None
    from booklets.selectors import translations_behind

    assert [t.pk for t, _source in translations_behind()] == [given["english_booklet"].pk]


def test_learning_objectives_are_translated_line_by_line_without_markup(
    homes, django_capture_on_commit_callbacks
):
    english = Locale.objects.get(language_code="en")
    booklet = BookletPageFactory(parent=homes["es"], title="Desaparición forzada")
    translate_by_segments(booklet, english, django_capture_on_commit_callbacks)
    module = ModulePageFactory(
        parent=booklet,
        title="Una pérdida sin cierre",
        learning_objectives="Nombrar los impactos.\nPlanear el cuidado.",
    )
    source, _created = TranslationSource.get_or_create_from_instance(module)

    offered = [
        segment.string.data
        for segment in StringSegment.objects.filter(
            source=source, context__path__startswith="learning_objectives"
        ).order_by("order")
    ]
    assert offered == ["Nombrar los impactos.", "Planear el cuidado."]

    english_module = translate_by_segments(module, english, django_capture_on_commit_callbacks)
    english_module = ModulePage.objects.get(pk=english_module.pk)
    assert english_module.objectives == ["Name the impacts.", "Plan care."]
