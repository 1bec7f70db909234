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
