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
