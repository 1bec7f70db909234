"""Searching what a reader may read, in the reader's language.

Modules, glossary terms and plain pages (about, safety, self-care) come from Wagtail's
index (search.backend), which never holds facilitator-only notes and holds each page's
live text only. Drafts, unpublished and restricted pages are filtered out here; private
journals and answers were never indexed. A search costs the same few queries whatever
the size of the curriculum: a count and one page of modules, the booklets, five terms
and five pages. The query itself goes nowhere but into those queries."""

import re
from dataclasses import dataclass, field
from urllib.parse import quote

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.utils.safestring import SafeString
from wagtail.search.backends import get_search_backend

from booklets.models import BookletPage, ModulePage, StandardPage
from booklets.models.pages import booklet_of
from curriculum.models import GlossaryTerm
from search.backend import config_for_language
from search.snippets import first_matched_word, highlighted_snippet

MAX_QUERY_CHARACTERS = 100
NOT_A_WORD = re.compile(r"[^\w]+|_+")
MAX_QUERY_WORDS = 8
MODULES_PER_PAGE = 10
OTHERS_SHOWN = 5


@dataclass
class ModuleResult:
    module: ModulePage
    booklet: BookletPage | None
    snippet: SafeString
    url: str


@dataclass
class SearchResults:
    query: str
    modules: PaginatorPage | None = None
    terms: list = field(default_factory=list)
    pages: list = field(default_factory=list)

    @property
    def found_nothing(self) -> bool:
        return not (self.modules and self.modules.object_list) and not self.terms and not self.pages


def cleaned_query(raw: str) -> str:
    """Words only, at most eight of them in at most 100 characters: a pasted page costs
    no more, and quotes, operators or a NUL are never read as query syntax (an error's
    message, with the words in it, could end up in a log)."""
    words = NOT_A_WORD.sub(" ", raw[:MAX_QUERY_CHARACTERS]).split()
    return " ".join(words[:MAX_QUERY_WORDS])


def page_text(page) -> str:
    """The text a reader sees on a module or page, as the index has it: without
    facilitator-only notes (their block gives no searchable content)."""
    parts = [getattr(page, "learning_objectives", "") or "", getattr(page, "introduction", "")]
    body = page.body
    parts.extend(body.stream_block.get_searchable_content(body))
    return " ".join(str(part) for part in parts if part)


def _highlighted_url(page, text: str, query: str, request) -> str:
    """The page's address with a text fragment: the browser marks the first matched
    word on the page itself, with no script, and the fragment never reaches a server."""
    url = page.get_url(request)
    word = first_matched_word(text, query)
    return f"{url}#:~:text={quote(word)}" if word else url


def _matching(backend, query: str, queryset):
    found = backend.search(query, queryset, operator="and")
    if found.count():
        return found
    # Nothing for whole words: the last word may be half typed ("desapar").
    return backend.autocomplete(query, queryset, operator="and")


def site_search(*, query: str, locale, page_number=1, request=None) -> SearchResults:
    query = cleaned_query(query)
    results = SearchResults(query=query)
    if not query:
        return results
    backend = get_search_backend(SEARCH_CONFIG=config_for_language(locale.language_code))

    modules = ModulePage.objects.live().public().filter(locale=locale)
    paginator = Paginator(_matching(backend, query, modules), MODULES_PER_PAGE)
    results.modules = paginator.get_page(page_number)
    booklets = list(BookletPage.objects.filter(locale=locale))
    module_results = []
    for module in results.modules.object_list:
        text = page_text(module)
        module_results.append(
            ModuleResult(
                module=module,
                booklet=booklet_of(module, booklets),
                snippet=highlighted_snippet(text, query),
                url=_highlighted_url(module, text, query, request),
            )
        )
    results.modules.object_list = module_results

    if results.modules.number == 1:
        terms = GlossaryTerm.objects.filter(locale=locale)
        results.terms = _first_matching(backend, query, terms)
        pages = StandardPage.objects.live().public().filter(locale=locale)
        results.pages = _first_matching(backend, query, pages)
    return results


def _first_matching(backend, query: str, queryset) -> list:
    """The first few, without counting them all first."""
    found = list(backend.search(query, queryset, operator="and")[:OTHERS_SHOWN])
    return found or list(backend.autocomplete(query, queryset, operator="and")[:OTHERS_SHOWN])
