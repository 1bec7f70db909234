"""Internal links in rich text, resolved for a whole page in a constant number of queries.

Wagtail resolves the page links of each rich text value on its own, so a module with
eighty text blocks would ask the database eighty times. Before a page is rendered,
`rendered_with_page_links` finds every internal link in the page's content, fetches
those pages and their translations into the reader's language at once, and the link
handler below answers from that map while the response is rendered.
"""

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from wagtail.models import Locale, Page

PAGE_LINK = re.compile(r"<a\b[^>]*\blinktype=\"page\"[^>]*>")
LINK_ID = re.compile(r"\bid=\"(\d+)\"")

_resolved_urls: ContextVar[dict[int, str | None] | None] = ContextVar(
    "claves_resolved_page_urls", default=None
)


def strings_in(data) -> Iterator[str]:
    """Every string inside a StreamField's raw data (mappings and sequences, any depth)."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, Mapping):
        for value in data.values():
            yield from strings_in(value)
    elif isinstance(data, Sequence):
        for value in data:
            yield from strings_in(value)


def linked_page_ids(sources: Iterable[str]) -> set[int]:
    ids = set()
    for source in sources:
        if 'linktype="page"' not in source:
            continue
        for tag in PAGE_LINK.findall(source):
            match = LINK_ID.search(tag)
            if match:
                ids.add(int(match.group(1)))
    return ids


def resolved_url_map() -> dict[int, str | None] | None:
    """The prefetched URLs of the page being rendered, or None outside one."""
    return _resolved_urls.get()


def resolve_page_urls(page_ids: set[int], request=None) -> dict[int, str | None]:
    """The URL of each page in the active language (its translation where one is live),
    in two queries whatever the number of pages."""
    if not page_ids:
        return {}
    pages = list(Page.objects.filter(id__in=page_ids).defer_streamfields())
    locale = Locale.get_active()
    translations = {
        p.translation_key: p
        for p in Page.objects.live()
        .filter(locale=locale, translation_key__in={p.translation_key for p in pages})
        .defer_streamfields()
    }
    urls: dict[int, str | None] = dict.fromkeys(page_ids)
    for page in pages:
        target = translations.get(page.translation_key, page)
        urls[page.id] = target.get_url(request)
    return urls


@contextmanager
def page_links_resolved(raw_sources: Iterable, request=None):
    """Within this block, page links in rich text come from one prefetch."""
    ids = linked_page_ids(strings_in(list(raw_sources)))
    token = _resolved_urls.set(resolve_page_urls(ids, request))
    try:
        yield
    finally:
        _resolved_urls.reset(token)


def rendered_with_page_links(response, streams: Iterable, request=None):
    """`response`, rendered now (if it is a template response), its rich text's page
    links answered from one prefetch of those in `streams` (StreamField values)."""
    with page_links_resolved([stream.raw_data for stream in streams], request):
        if hasattr(response, "render"):
            response.render()
    return response
