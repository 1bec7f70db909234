"""Writes for the booklets app."""

import re

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Collection, Locale, Page, Site
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from booklets.models import BookletPage, Edition, EditionModule, HomePage
from booklets.selectors import booklet_in_every_language, edition_next_number
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


class EditionError(Exception):
    """An edition cannot be started; the message says why, for the moderator."""


def _open_edition(booklet) -> Edition | None:
    """The booklet's open edition. The first publish opens one with the booklet's
    number; after that only `edition_start` does (and changes the number), except for
    a number that has no record at all, which data from before could leave behind."""
    edition = Edition.objects.filter(booklet=booklet, frozen_at__isnull=True).first()
    if (
        edition is None
        and not Edition.objects.filter(booklet=booklet, number=booklet.edition_number).exists()
    ):
        edition = Edition.objects.create(
            booklet=booklet,
            number=booklet.edition_number,
            year=booklet.edition_year,
            notes=booklet.edition_notes,
        )
    return edition


@transaction.atomic
def edition_record(*, booklet) -> Edition | None:
    """Refresh the record of `booklet`'s open edition from what is live now. Frozen
    records are never touched, whatever number the booklet's revision carries."""
    edition = _open_edition(booklet)
    if edition is None:
        return None
    edition.year, edition.notes = booklet.edition_year, booklet.edition_notes
    edition.booklet_revision_id = booklet.live_revision_id
    edition.last_published_at = timezone.now()
    edition.save()
    edition.modules.all().delete()
    EditionModule.objects.bulk_create(
        EditionModule(
            edition=edition,
            module_key=module.translation_key,
            slug=module.slug,
            title=module.title,
            position=position,
            revision_id=module.live_revision_id,
        )
        for position, module in enumerate(booklet.modules())
    )
    return edition


@transaction.atomic
def edition_start(*, booklet, number: int, year: int | None, user=None) -> int:
    """Freeze the open edition of `booklet` (every language) and open edition `number`.

    `number` is the one the moderator confirmed: if someone started it meanwhile (or
    the form was sent twice), nothing happens and `EditionError` says so. Records are
    refreshed from what is live, frozen, and the new ones opened in one transaction;
    the booklet pages take the new number and year without a new revision (they are
    the booklet's, not a revision's: `BookletPage.with_content_json`), so drafts and
    submissions waiting for moderation are left as they are."""
    booklets = list(booklet_in_every_language(booklet).select_for_update())
    source = next(b for b in booklets if b.pk == booklet.pk)
    if not source.live:
        raise EditionError(_("Publish the booklet before starting a new edition."))
    expected = edition_next_number(booklet=source)
    if number != expected:
        raise EditionError(
            _("Edition %(number)d was already started.") % {"number": number}
            if number < expected
            else _("The next edition is %(number)d.") % {"number": expected}
        )
    now = timezone.now()
    for page in booklets:
        if page.live:
            edition_record(booklet=page)
        Edition.objects.filter(booklet=page, frozen_at__isnull=True).update(frozen_at=now)
        BookletPage.objects.filter(pk=page.pk).update(edition_number=number, edition_year=year)
        page.edition_number, page.edition_year = number, year
        if page.live:
            edition_record(booklet=page)  # opens the record of `number` (`_open_edition`)
        log(instance=page, action="booklets.start_edition", user=user, data={"number": number})
    return number
