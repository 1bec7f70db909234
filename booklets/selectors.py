"""Reads for the booklets app."""

from wagtail.models import Locale

from booklets.models import BookletPage, ModuleKind, ModulePage


def facilitator_guides(*, locale: Locale) -> list[ModulePage]:
    """The live facilitator guide of every booklet in one language, in booklet order,
    each with its `booklet` attached (two queries)."""
    booklets = {b.path: b for b in BookletPage.objects.live().filter(locale=locale)}
    guides = []
    for guide in (
        ModulePage.objects.live()
        .filter(locale=locale, kind=ModuleKind.FACILITATION)
        .order_by("path")
    ):
        guide.booklet = booklets.get(guide.path[: len(guide.path) - 4])
        if guide.booklet is not None:
            guides.append(guide)
    return sorted(guides, key=lambda guide: guide.booklet.number)


def translations_behind(*, locale: Locale | None = None, booklet=None) -> list[tuple]:
    """(translation, source) pairs where the source-language module was published after
    its translation: the translation lags and should be updated. Two queries."""
    from django.conf import settings

    translations = ModulePage.objects.live().exclude(locale__language_code=settings.LANGUAGE_CODE)
    if locale is not None:
        translations = translations.filter(locale=locale)
    if booklet is not None:
        translations = translations.child_of(booklet)
    translations = list(translations.order_by("path"))
    sources = {
        page.translation_key: page
        for page in ModulePage.objects.live().filter(
            locale__language_code=settings.LANGUAGE_CODE,
            translation_key__in=[t.translation_key for t in translations],
        )
    }
    behind = []
    for translation in translations:
        source = sources.get(translation.translation_key)
        if (
            source is not None
            and source.last_published_at
            and translation.last_published_at
            and source.last_published_at > translation.last_published_at
        ):
            behind.append((translation, source))
    return behind
