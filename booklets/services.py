"""Writes for the booklets app."""

import re

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Collection, Locale, Page, Site
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from booklets.models import HomePage
from curriculum.models import GlossaryTerm, H5PActivity

HOME_TITLES = {
    "es": "Claves para el acompañamiento psicosocial",
    "en": "Keys to Psychosocial Accompaniment",
}


def site_structure_ensure() -> dict[str, HomePage]:
    """Make sure the tree has its locales, a home page per language, a default site and
    the root media collection.

    The migration builds this on a fresh database; this rebuilds it where something
    emptied the tables (browser tests flush them) and is a no-op otherwise.
    """
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }
    default_code = settings.LANGUAGE_CODE
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locales[default_code]))
    source = HomePage.objects.filter(depth=2, locale=locales[default_code]).first()
    if source is None:
        source = root.add_child(
            instance=HomePage(
                title=HOME_TITLES[default_code], slug="inicio", locale=locales[default_code]
            )
        )
    homes = {default_code: source}
    for code, locale in locales.items():
        if code == default_code:
            continue
        translation = source.get_translation_or_none(locale)
        if translation is None:
            translation = source.copy_for_translation(locale)
            translation.title = translation.draft_title = HOME_TITLES.get(code, source.title)
            translation.slug = "home" if code == "en" else code
            translation.save_revision().publish()
        # Re-read: publishing updated the database row, not this in-memory copy.
        homes[code] = HomePage.objects.get(pk=translation.pk)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=source,
            is_default_site=True,
            site_name="Claves",
        )
    elif site.root_page_id != source.pk:
        site.root_page = source
        site.save()
    return homes


class TranslationLinkError(ValueError):
    """An existing translation cannot be linked to its source segment by segment."""


_BLOCK_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def _shape(path: str) -> str:
    """A segment's place without StreamField block ids, which differ between two
    versions written apart: `body.<id>.question` -> `body.*.question`."""
    return ".".join("*" if _BLOCK_ID.match(part) else part for part in path.split("."))


@transaction.atomic
def translation_link_existing(*, translation_instance, user=None):
    """Make an existing translation (a page or snippet written directly in its language,
    as the demo's English is) a wagtail-localize translation of its source-language
    version, so it has Sync and the translation editor, without changing it.

    Every string of the source is paired, in order, with the string at the same place
    in the translation and recorded as its translation; then the Translation record is
    made. Nothing is saved to the translation itself, so its text, revisions and live
    state stay exactly as they are. Raises TranslationLinkError, changing nothing, when
    the two are not built alike (a block or paragraph more on one side), or when there
    is no source-language version. Returns the Translation (the existing one if it was
    already linked)."""
    instance = translation_instance
    if isinstance(instance, Page):
        instance = instance.specific
    default = Locale.get_default()
    source_instance = instance.get_translation_or_none(default)
    if source_instance is None or instance.locale_id == default.pk:
        raise TranslationLinkError(
            _("“%(object)s” has no version in the source language to link it to.")
            % {"object": instance}
        )
    if isinstance(source_instance, Page):
        source_instance = source_instance.specific
    existing = Translation.objects.filter(
        source__object_id=instance.translation_key, target_locale_id=instance.locale_id
    ).first()
    if existing is not None:
        return existing

    source, created = TranslationSource.get_or_create_from_instance(source_instance)
    if not created:
        source.update_from_db()
    source_segments = list(
        StringSegment.objects.filter(source=source)
        .select_related("string", "context")
        .order_by("order")
    )
    target_strings = [
        segment for segment in extract_segments(instance) if isinstance(segment, StringSegmentValue)
    ]
    if [_shape(s.context.path) for s in source_segments] != [
        _shape(s.path) for s in target_strings
    ]:
        raise TranslationLinkError(
            _(
                "“%(object)s” is not built like its original (a block or a paragraph more "
                "or less): translate it with “Translate”, or make both alike first."
            )
            % {"object": instance}
        )
    for segment, translated in zip(source_segments, target_strings, strict=True):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale_id=instance.locale_id,
            context=segment.context,
            defaults={
                "data": translated.string.data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
    return Translation.objects.create(source=source, target_locale_id=instance.locale_id)


def translations_link_all_existing(*, user=None) -> list[str]:
    """Link every page and snippet written directly in a language other than the source
    one (the demo's English) to its source as a wagtail-localize translation; see
    `translation_link_existing`. Returns what could not be linked, with the reason;
    each object is linked in its own transaction, so one refusal stops no other."""
    default = Locale.get_default()
    linked = set(
        Translation.objects.values_list("source__object_id", "target_locale_id").distinct()
    )
    candidates = [
        *Page.objects.exclude(locale=default).filter(depth__gt=1, alias_of__isnull=True).specific(),
        *GlossaryTerm.objects.exclude(locale=default),
        *H5PActivity.objects.exclude(locale=default),
    ]
    refused = []
    for instance in candidates:
        if (instance.translation_key, instance.locale_id) in linked:
            continue
        if instance.get_translation_or_none(default) is None:
            continue
        try:
            translation_link_existing(translation_instance=instance, user=user)
        except TranslationLinkError as error:
            refused.append(str(error))
    return refused
