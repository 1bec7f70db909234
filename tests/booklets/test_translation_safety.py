"""Translating never destroys: existing translations of related snippets and pages are
kept, and a translation reaches readers only through moderation."""

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.operations import translate_object

from accounts.roles import EDITORS, MODERATORS
from booklets.models import ModulePage
from curriculum.models import GlossaryTerm, H5PActivity
from tests.factories import (
    BookletPageFactory,
    GlossaryTermFactory,
    ModulePageFactory,
    UserFactory,
    block,
    body,
    sign_in,
)

pytestmark = pytest.mark.django_db


def english():
    return Locale.objects.get(language_code="en")


def snapshot(instance) -> dict:
    """Every column of the row, as the database holds it now."""
    return model_to_dict(type(instance).objects.get(pk=instance.pk), exclude=["related_terms"])


@pytest.fixture
def spanish_module_with_english_relatives(homes):
    """A live Spanish module whose glossary term and activity already have English
    versions written by hand, in a booklet that is already in English."""
    booklet = BookletPageFactory(parent=homes["es"], title="Desaparición forzada")
    booklet.save_revision().publish()
    english_booklet = booklet.copy_for_translation(english())
    english_booklet.title = "Forced disappearance"
    english_booklet.save_revision().publish()

    term = GlossaryTermFactory(term="Trauma psicosocial", definition="Un daño colectivo.")
    english_term = term.copy_for_translation(english())
    english_term.term = "Psychosocial trauma"
    english_term.slug = "psychosocial-trauma"
    english_term.definition = "A collective harm."
    english_term.save()

    activity = H5PActivity.objects.create(
        title="Repaso de conceptos", package_digest="a" * 64, main_library="H5P.QuestionSet"
    )
    english_activity = activity.copy_for_translation(english())
    english_activity.title = "Concept review"
    english_activity.save()

    module = ModulePageFactory(
        parent=booklet,
        title="Una pérdida sin cierre",
        body=body(
            block("key_concept", {"term": term.pk, "in_this_module": "El duelo."}),
            block("interactive_activity", {"activity": activity.pk, "introduction": "Repasa."}),
        ),
    )
    module.save_revision().publish()
    return {
        "module": ModulePage.objects.get(pk=module.pk),
        "term": term,
        "english_term": english_term,
        "activity": activity,
        "english_activity": english_activity,
        "english_booklet": english_booklet,
    }


def submit_translation(client, page, locale):
    return client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale.pk]},
    )


def test_translating_a_module_keeps_the_english_term_and_activity_it_uses(
    client, spanish_module_with_english_relatives
):
    given = spanish_module_with_english_relatives
    term_before = snapshot(given["english_term"])
    activity_before = snapshot(given["english_activity"])
    sign_in(client, UserFactory(groups=[EDITORS], mfa=True))

    response = submit_translation(client, given["module"], english())

    assert response.status_code == 302
    english_module = given["module"].get_translation(english()).specific
    assert not english_module.live  # a new translation waits for moderation
    assert snapshot(given["english_activity"]) == activity_before
    assert snapshot(given["english_term"]) == term_before
    # No sync record was made for them either: a later Sync cannot overwrite them.
    assert not Translation.objects.filter(
        source__object_id__in=[given["term"].translation_key, given["activity"].translation_key]
    ).exists()
    # The English module uses the English term and activity that were already there.
    blocks = {child.block_type: child.value for child in english_module.body}
    assert blocks["key_concept"]["term"].pk == given["english_term"].pk
    assert blocks["interactive_activity"]["activity"].pk == given["english_activity"].pk
    assert GlossaryTerm.objects.filter(locale=english()).count() == 1
    assert H5PActivity.objects.filter(locale=english()).count() == 1


def test_translating_a_module_does_not_resync_a_managed_english_term(
    client, spanish_module_with_english_relatives
):
    """A term already translated through wagtail-localize whose Spanish source changed
    since: translating a module that uses it leaves the English term as it is; only an
    editor's own Sync of the term updates it."""
    given = spanish_module_with_english_relatives
    term = given["term"]
    english_term = given["english_term"]
    english_term.delete()
    translate_object(term, [english()])
    english_term = term.get_translation(english())
    english_term.term = "Psychosocial trauma"
    english_term.save()
    term.definition = "Un daño colectivo, con causas sociales."
    term.save()
    before = snapshot(english_term)
    sign_in(client, UserFactory(groups=[EDITORS], mfa=True))

    submit_translation(client, given["module"], english())

    assert snapshot(english_term) == before


def test_translating_a_booklets_modules_keeps_a_module_already_in_english(homes):
    from wagtail_localize.operations import translate_page_subtree

    booklet = BookletPageFactory(parent=homes["es"], title="Tortura")
    booklet.save_revision().publish()
    module = ModulePageFactory(parent=booklet, title="Qué busca la tortura")
    module.save_revision().publish()
    untranslated = ModulePageFactory(parent=booklet, title="Después de la tortura")
    untranslated.save_revision().publish()
    english_booklet = booklet.copy_for_translation(english())
    english_booklet.save_revision().publish()
    english_module = module.copy_for_translation(english())
    english_module.title = "What torture seeks"
    english_module.save_revision().publish()
    before = snapshot(english_module)
    revisions_before = english_module.revisions.count()

    translate_page_subtree(booklet.pk, [english()], None, None)

    assert snapshot(english_module) == before
    assert english_module.revisions.count() == revisions_before
    # The module that had no English version now has one, as a draft for review.
    new_translation = untranslated.get_translation(english())
    assert not new_translation.live


@pytest.fixture
def managed_english_module(homes, django_capture_on_commit_callbacks):
    """A live Spanish module with a live English translation made through
    wagtail-localize (so it has Sync and the translation editor)."""
    booklet = BookletPageFactory(parent=homes["es"], title="Detención arbitraria")
    booklet.save_revision().publish()
    english_booklet = booklet.copy_for_translation(english())
    english_booklet.save_revision().publish()
    module = ModulePageFactory(
        parent=booklet,
        title="Cuando detienen a alguien",
        learning_objectives="Reconocer una detención arbitraria.\nSaber a quién llamar.",
    )
    module.save_revision().publish()
    translate_object(module, [english()])
    translation = Translation.objects.get(
        source__object_id=module.translation_key, target_locale=english()
    )
    title = StringSegment.objects.get(source=translation.source, context__path="title")
    StringTranslation.objects.create(
        translation_of=title.string,
        locale=english(),
        context=title.context,
        data="When someone is detained",
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    english_module = module.get_translation(english()).specific
    assert english_module.live and english_module.title == "When someone is detained"
    return {"module": module, "english_module": english_module, "translation": translation}


def test_an_editor_cannot_publish_a_translation_with_sync(client, managed_english_module):
    module = managed_english_module["module"]
    english_module = managed_english_module["english_module"]
    module.title = "Cuando detienen a alguien sin orden"
    module.save_revision().publish()
    source = TranslationSource.objects.get(object_id=module.translation_key)
    sign_in(client, UserFactory(groups=[EDITORS], mfa=True))
    url = reverse("wagtail_localize:update_translations", args=[source.pk])

    form = client.get(url)
    client.post(url, {"publish_translations": "on"})

    english_module = Page.objects.get(pk=english_module.pk)
    assert english_module.title == "When someone is detained"
    assert english_module.live_revision.as_object().title == "When someone is detained"
    visible = form.content.decode().replace('type="hidden" name="publish_translations"', "")
    assert 'name="publish_translations"' not in visible


def test_a_moderator_still_publishes_with_sync(client, managed_english_module):
    module = managed_english_module["module"]
    english_module = managed_english_module["english_module"]
    module.title = "Cuando detienen a alguien sin orden"
    module.save_revision().publish()
    source = TranslationSource.objects.get(object_id=module.translation_key)
    sign_in(client, UserFactory(groups=[MODERATORS], mfa=True))
    url = reverse("wagtail_localize:update_translations", args=[source.pk])

    client.post(url, {"publish_translations": "on"})

    # The new Spanish title has no English yet: it is published as it is.
    assert Page.objects.get(pk=english_module.pk).title == "Cuando detienen a alguien sin orden"


def test_an_editor_cannot_convert_a_translation_into_an_alias(client, managed_english_module):
    english_module = managed_english_module["english_module"]
    sign_in(client, UserFactory(groups=[EDITORS], mfa=True))
    url = reverse("wagtail_localize:convert_to_alias", args=[english_module.pk])

    editor_page = client.get(reverse("wagtailadmin_pages:edit", args=[english_module.pk]))
    client.post(url)

    english_module = Page.objects.get(pk=english_module.pk)
    assert english_module.alias_of_id is None
    assert english_module.title == "When someone is detained"
    assert url not in editor_page.content.decode()


def test_an_editor_cannot_publish_from_the_translation_editor(client, managed_english_module):
    module = managed_english_module["module"]
    english_module = managed_english_module["english_module"]
    module.title = "Cuando detienen a alguien sin orden"
    module.save_revision().publish()
    managed_english_module["translation"].source.update_from_db()
    sign_in(client, UserFactory(groups=[EDITORS], mfa=True))
    edit_url = reverse("wagtailadmin_pages:edit", args=[english_module.pk])

    client.post(edit_url, {"action": "publish"})

    assert Page.objects.get(pk=english_module.pk).title == "When someone is detained"


def test_an_editor_submits_a_translation_and_a_moderator_publishes_it(
    client, managed_english_module, django_capture_on_commit_callbacks
):
    module = managed_english_module["module"]
    english_module = managed_english_module["english_module"]
    translation = managed_english_module["translation"]
    module.title = "Cuando detienen a alguien sin orden"
    module.save_revision().publish()
    translation.source.update_from_db()
    title = StringSegment.objects.get(source=translation.source, context__path="title")
    StringTranslation.objects.create(
        translation_of=title.string,
        locale=english(),
        context=title.context,
        data="When someone is detained without a warrant",
    )
    sign_in(client, UserFactory(groups=[EDITORS], mfa=True))
    edit_url = reverse("wagtailadmin_pages:edit", args=[english_module.pk])

    editor_page = client.get(edit_url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url, {"action": "claves-submit-translation"})

    assert 'value="claves-submit-translation"' in editor_page
    assert "Saber a qui" in editor_page and "&lt;br" not in editor_page
    assert response.status_code == 302
    english_module = Page.objects.get(pk=english_module.pk).specific
    assert english_module.title == "When someone is detained"  # still the live text
    state = english_module.current_workflow_task_state
    assert state is not None
    assert state.revision.as_object().title == "When someone is detained without a warrant"

    moderator = UserFactory(groups=[MODERATORS], mfa=True)
    state.task.specific.on_action(state, moderator, "approve")

    assert Page.objects.get(pk=english_module.pk).title == (
        "When someone is detained without a warrant"
    )


def written_apart(homes):
    """A Spanish booklet and module, and their English versions written directly (as the
    demo loader does): same translation keys, different block ids."""
    booklet = BookletPageFactory(parent=homes["es"], title="Desplazamiento forzado")
    booklet.save_revision().publish()
    english_booklet = booklet.copy_for_translation(english())
    english_booklet.title = "Forced displacement"
    english_booklet.slug = "forced-displacement"
    english_booklet.summary = "A short summary in English."
    english_booklet.save_revision().publish()
    term = GlossaryTermFactory(term="Memoria colectiva", definition="Recordar en común.")
    english_term = term.copy_for_translation(english())
    english_term.term, english_term.definition = "Collective memory", "Remembering together."
    english_term.slug = "collective-memory"
    english_term.save()
    module = ModulePageFactory(
        parent=booklet,
        title="Dejar la tierra",
        learning_objectives="Nombrar lo perdido.\nCuidar los vínculos.",
        body=body(
            block("text", "<p>Salir no es una decisión libre.</p><p>Es una pérdida.</p>"),
            block("key_concept", {"term": term.pk, "in_this_module": "Lo que se recuerda."}),
            block("reflection_question", {"question": "¿Qué dejaste?", "guidance": ""}),
        ),
    )
    module.save_revision().publish()
    english_module = module.copy_for_translation(english())
    english_module.title = "Leaving the land"
    english_module.slug = "leaving-the-land"
    english_module.learning_objectives = "Name what was lost.\nCare for bonds."
    english_module.body = body(
        block("text", "<p>Leaving is not a free choice.</p><p>It is a loss.</p>"),
        block("key_concept", {"term": english_term.pk, "in_this_module": "What is remembered."}),
        block("reflection_question", {"question": "What did you leave?", "guidance": ""}),
    )
    english_module.save_revision().publish()
    return {
        "module": ModulePage.objects.get(pk=module.pk),
        "english_module": ModulePage.objects.get(pk=english_module.pk),
        "english_booklet": english_booklet,
        "term": term,
        "english_term": english_term,
    }


def test_linking_an_english_version_written_apart_keeps_it_and_makes_it_syncable(
    homes, django_capture_on_commit_callbacks
):
    from booklets.services import translation_link_existing

    given = written_apart(homes)
    english_module = given["english_module"]
    before = snapshot(english_module)
    term_before = snapshot(given["english_term"])
    revisions = english_module.revisions.count()

    for instance in (given["english_booklet"], given["english_term"], english_module):
        translation_link_existing(translation_instance=instance)

    assert snapshot(english_module) == before
    assert snapshot(given["english_term"]) == term_before
    assert english_module.revisions.count() == revisions
    translation = Translation.objects.get(
        source__object_id=given["module"].translation_key, target_locale=english()
    )
    # Sync now rebuilds the English module from the Spanish one and its recorded
    # English strings: the same English text.
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    synced = ModulePage.objects.get(pk=english_module.pk)
    assert synced.title == "Leaving the land"
    assert synced.objectives == ["Name what was lost.", "Care for bonds."]
    texts = [child.render_as_block() for child in synced.body]
    assert "Leaving is not a free choice." in texts[0] and "It is a loss." in texts[0]
    key_concept = synced.body[1].value
    assert key_concept["term"].pk == given["english_term"].pk
    assert key_concept["in_this_module"] == "What is remembered."
    assert synced.body[2].value["question"] == "What did you leave?"


def test_an_english_version_built_differently_is_not_linked(homes):
    from booklets.services import TranslationLinkError, translation_link_existing

    given = written_apart(homes)
    english_module = given["english_module"]
    english_module.body = body(block("text", "<p>Only one paragraph.</p>"))
    english_module.save()

    with pytest.raises(TranslationLinkError):
        translation_link_existing(translation_instance=english_module)

    assert not Translation.objects.filter(
        source__object_id=given["module"].translation_key
    ).exists()
