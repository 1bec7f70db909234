"""Translation with wagtail-localize that never destroys what is already translated.

wagtail-localize's `TranslationCreator`, used by "Translate this page" (with or without
its subpages) and by "Translate" on a snippet, also translates every snippet the page
uses (glossary terms, activities) and writes the result over any version that already
exists in the target language, then publishes it. Here an object that already has a
version in a target language is left exactly as it is: no new text, no sync record, no
revision. Objects with no version yet are created as wagtail-localize does (pages as
drafts, see WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE), and existing ones change only
when an editor syncs them on purpose.
"""

from wagtail.models import Page
from wagtail_localize import operations


def translation_exists(instance, locale) -> bool:
    """Has `instance` a version of its own in `locale`? An alias page has no content of
    its own: wagtail-localize turns it into a real translation, which is wanted."""
    if isinstance(instance, Page):
        translations = Page.objects.filter(alias_of__isnull=True)
    else:
        translations = type(instance)._default_manager.all()
    return translations.filter(translation_key=instance.translation_key, locale=locale).exists()


class KeepingTranslationCreator(operations.TranslationCreator):
    """wagtail-localize's creator, except that it translates an object (the page asked
    for, or a snippet it uses) only into the target languages where it has no version
    yet."""

    def __init__(self, user, target_locales):
        super().__init__(user, target_locales)
        self.all_target_locales = list(target_locales)

    def create_translations(self, instance, include_related_objects=True):
        if isinstance(instance, Page):
            instance = instance.specific
        missing = [
            locale
            for locale in self.all_target_locales
            if locale.pk != instance.locale_id and not translation_exists(instance, locale)
        ]
        if not missing:
            self.seen_objects.add(instance.translation_key)
            return
        # The parent loops over `target_locales`; related objects recurse through this
        # method, which sets and restores the list for each of them.
        previous, self.target_locales = self.target_locales, missing
        try:
            super().create_translations(instance, include_related_objects)
        finally:
            self.target_locales = previous


def keep_existing_translations() -> None:
    """Make wagtail-localize's views use `KeepingTranslationCreator`.

    wagtail-localize has no setting for its creator class; `translate_object` and
    `translate_page_subtree` look the name up in their module when they run, so
    replacing it there changes every path that translates (the submit views, the
    background subtree task), without copying them."""
    operations.TranslationCreator = KeepingTranslationCreator
