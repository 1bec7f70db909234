"""An editor translates a Spanish module in the admin: the English glossary term and
activity it uses stay as they were, and the translation goes to moderation."""

from django.forms.models import model_to_dict

from accounts.roles import EDITORS
from tests.factories import (
    BookletPageFactory,
    GlossaryTermFactory,
    ModulePageFactory,
    UserFactory,
    block,
    body,
)


def row(instance) -> dict:
    return model_to_dict(type(instance).objects.get(pk=instance.pk), exclude=["related_terms"])


def test_an_editor_translates_a_module_without_touching_the_english_term_and_activity(
    site, page, sign_in
):
    from wagtail.models import Locale, Page

    from booklets.models import HomePage
    from curriculum.models import H5PActivity

    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(depth=2, locale__language_code="es")
    booklet = BookletPageFactory(parent=home, title="Desaparición forzada", number=2)
    booklet.save_revision().publish()
    english_booklet = booklet.copy_for_translation(english)
    english_booklet.title = "Forced disappearance"
    english_booklet.save_revision().publish()
    term = GlossaryTermFactory(term="Trauma psicosocial", definition="Un daño colectivo.")
    english_term = term.copy_for_translation(english)
    english_term.term, english_term.slug = "Psychosocial trauma", "psychosocial-trauma"
    english_term.definition = "A collective harm."
    english_term.save()
    activity = H5PActivity.objects.create(
        title="Repaso de conceptos", package_digest="b" * 64, main_library="H5P.QuestionSet"
    )
    english_activity = activity.copy_for_translation(english)
    english_activity.title = "Concept review"
    english_activity.save()
    module = ModulePageFactory(
        parent=booklet,
        title="Una pérdida sin cierre",
        body=body(
            block("key_concept", {"term": term.pk, "in_this_module": "El duelo."}),
            block("interactive_activity", {"activity": activity.pk, "introduction": ""}),
        ),
    )
    module.save_revision().publish()
    term_before, activity_before = row(english_term), row(english_activity)
    sign_in(page.context, UserFactory(groups=[EDITORS], mfa=True))

    page.goto(f"{site}/admin/localize/submit/page/{module.pk}/")
    page.locator(f'input[name="locales"][value="{english.pk}"]').check()
    page.locator('form input[type="submit"]').click()
    page.wait_for_url(f"{site}/admin/pages/*/edit/")

    assert row(english_term) == term_before
    assert row(english_activity) == activity_before
    english_module = Page.objects.get(translation_key=module.translation_key, locale=english)
    assert not english_module.live

    # The translation editor: no "Convert to alias page"; "Submit for moderation" is there.
    page.locator(".js-translation-editor footer").first.wait_for()
    assert page.locator('a[href*="convert_to_alias"]').count() == 0
    page.locator('button[value="claves-submit-translation"]').click()
    page.wait_for_url(f"{site}/admin/pages/{english_module.pk}/edit/")
    english_module = Page.objects.get(pk=english_module.pk)
    assert english_module.workflow_in_progress
    assert not english_module.live
    assert row(english_term) == term_before
