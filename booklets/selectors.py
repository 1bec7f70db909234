"""Reads for the booklets app."""

from wagtail.models import Locale, Page

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


def _published_after(source, translation) -> bool:
    """Our rule for a translation behind: its source was published after it."""
    return (
        source is not None
        and source.pk != translation.pk
        and source.last_published_at is not None
        and translation.last_published_at is not None
        and source.last_published_at > translation.last_published_at
    )


def _lagging(translations: list, model) -> list[tuple]:
    """(translation, source) for each translation whose live source-language version was
    published after it. One query."""
    from django.conf import settings

    sources = {
        page.translation_key: page
        for page in model.objects.live().filter(
            locale__language_code=settings.LANGUAGE_CODE,
            translation_key__in=[t.translation_key for t in translations],
        )
    }
    behind = []
    for translation in translations:
        source = sources.get(translation.translation_key)
        if _published_after(source, translation):
            behind.append((translation, source))
    return behind


def translations_behind(*, locale: Locale | None = None, booklet=None) -> list[tuple]:
    """(translation, source) pairs where the source-language page was published after
    its translation: the translation lags and should be updated. Booklets count (their
    title, summary and edition are read too), then modules; with `booklet`, only that
    booklet's modules. Four queries."""
    from django.conf import settings

    def translated(queryset):
        queryset = queryset.live().exclude(locale__language_code=settings.LANGUAGE_CODE)
        if locale is not None:
            queryset = queryset.filter(locale=locale)
        return list(queryset.order_by("path"))

    modules = ModulePage.objects.all()
    booklets = []
    if booklet is not None:
        modules = modules.child_of(booklet)
    else:
        booklets = _lagging(translated(BookletPage.objects.all()), BookletPage)
    return booklets + _lagging(translated(modules), ModulePage)


def translation_original_if_behind(*, page, booklet=None) -> Page | None:
    """The live source-language version of `page` when `page` (or the `booklet` it is
    part of) is a translation published before its source last was: what readers are
    told, with a link to the original. None when up to date. One query."""
    from django.conf import settings

    pages = [p for p in (page, booklet) if p is not None]
    sources = {
        source.translation_key: source
        for source in Page.objects.live()
        .filter(
            locale__language_code=settings.LANGUAGE_CODE,
            translation_key__in=[p.translation_key for p in pages],
        )
        .exclude(locale_id=page.locale_id)
    }
    for translation in pages:
        if _published_after(sources.get(translation.translation_key), translation):
            return sources.get(page.translation_key)
    return None
