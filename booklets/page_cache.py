"""Anonymous pages from the cache: a reader without cookies costs the server one cache
read (and one small query), not a render.

How a request hits it (for `bench/` and anyone measuring): `PageCacheMiddleware` sits in
MIDDLEWARE just inside the Content-Security-Policy, before sessions, languages and
routing. A GET or HEAD with no Cookie, no Authorization and no query string, for a path
under a language prefix (`/es/…`, `/en/…`), is looked up by its URL. The first such
request renders as usual; if what answered was Wagtail's page serving (home, booklet
contents and its routable pages such as `print/`, modules, standard pages) or the
glossary, signed out, 200, with no cookie set and nothing `no-store`
(`accounts.middleware.PrivatePagesNotStoredMiddleware` decides that), the answer is
stored. The next identical request is answered here from the stored bytes: no session,
no routing, no template; one query checks that the page is still live at the revision
stored (so an unpublished page is never served, even when a purge was lost while Redis
was away). Through Django's WSGI handler: a fresh `Client()` (no cookie) asking for
`module.url` twice; the second answer is a hit (about 0.3 ms of CPU on SQLite with the
in-process cache, 0.6 ms on PostgreSQL with Redis).

What is stored is keyed by URL (scheme, host, path with its language prefix) and the
release (templates, code, catalogues, static manifest), and is valid only for the
*generation* it was rendered in. Every page shows other pages' titles and links (the
contents, previous and next, links in text, the language switcher, the glossary), so
publishing, unpublishing, moving or deleting any page, a glossary term or an activity,
starting an edition or changing who may view a page starts a new generation: every
cached page, in both languages, is rendered again when next asked for. Publishing is
rare; rendering on demand is cheap. `purge()` also asks an HTTP cache in front (nginx,
a CDN) to forget the pages concerned, when `WAGTAILFRONTENDCACHE` says how
(docs/deploying.md, deploy/nginx-cache.conf).

Answers carry `Cache-Control: public, max-age=…, s-maxage=…` and an ETag made of page,
live revision, language, release, generation and path: a conditional GET with it is
answered 304 from the cache without rendering. `Vary: Cookie` stays: a browser that
kept the signed-out page must not show it again once its person has signed in.
"""

import hashlib
import uuid
from dataclasses import dataclass
from functools import cache as once
from pathlib import Path

import django
import wagtail
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from wagtail.models import Page

from booklets.models import BookletPage

GENERATION_KEY = "page-cache:generation"
# Views whose signed-out answers are the same for every reader.
CACHED_VIEWS = frozenset({"wagtail_serve", "curriculum:glossary"})
# Headers that belong to one answer, not to the page.
NOT_STORED_HEADERS = frozenset({"set-cookie", "date", "expires"})
# An answer larger than this (a long booklet's print view is about 0.5 MB) is not kept.
MAX_STORED_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class Entry:
    """A stored answer and what it was rendered from."""

    generation: str
    page_id: int | None
    revision_id: int | None
    etag: str
    headers: tuple[tuple[str, str], ...]
    content: bytes

    def response(self) -> HttpResponse:
        response = HttpResponse(self.content)
        for name, value in self.headers:
            response[name] = value
        return response


@once
def release() -> str:
    """What the process renders with: a new deployment (templates, code, catalogues,
    static files' manifest, library versions) never reads pages an older one stored."""
    digest = hashlib.sha256(f"{django.__version__}:{wagtail.__version__}".encode())
    roots = [Path(settings.BASE_DIR) / name for name in ("config", "site", "locale")]
    roots += [Path(app.path) for app in _our_apps()]
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix in {".py", ".html", ".txt", ".mo"} and "__pycache__" not in path.parts:
                # By content, not date: every machine of a release shares the pages.
                digest.update(str(path.relative_to(settings.BASE_DIR)).encode())
                digest.update(path.read_bytes())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:16]


def _our_apps():
    base = Path(settings.BASE_DIR).resolve()
    return [app for app in apps.get_app_configs() if Path(app.path).resolve().parent == base]


def generation() -> str:
    """The current generation, started now if the cache holds none (then nothing
    stored before can be valid)."""
    current = cache.get(GENERATION_KEY)
    if current is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        current = cache.get(GENERATION_KEY)
    return current or ""


def purge(pages=()) -> None:
    """Forget every cached page (a new generation), and ask an HTTP cache in front, if
    one is configured, to forget `pages` and the pages that show them.

    Now, and again once the change is committed: a reader's request that reads the
    new generation before the commit still renders the old rows, and must not keep
    them."""
    _new_generation()
    transaction.on_commit(lambda: _purge_committed(pages))


def _new_generation() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def _purge_committed(pages) -> None:
    _new_generation()
    if pages and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        _purge_front_cache(pages)


def _purge_front_cache(pages) -> None:
    # Only when a front cache is configured: loads what the publisher's request needs.
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    homes = list(Page.objects.live().filter(depth=2))
    for page in pages:
        related = [page, *page.get_translations(), *Page.objects.sibling_of(page).live()]
        related += [p.get_parent() for p in related if p.depth > 2]
        batch.add_pages([*related, *homes])
        for booklet in related:
            if issubclass(booklet.specific_class, BookletPage) and booklet.url:
                batch.add_url(booklet.get_full_url() + "print/")
    batch.purge()


def _request_key(request) -> str | None:
    """The cache key of a request that may be answered from the cache, else None."""
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return None
    if request.META.get("HTTP_COOKIE") or "HTTP_AUTHORIZATION" in request.META:
        return None
    path = request.path_info
    if not any(path.startswith(f"/{code}/") for code, _name in settings.LANGUAGES):
        return None
    url = f"{request.scheme}://{request.META.get('HTTP_HOST', '')}{path}"
    return "page-cache:" + hashlib.sha256(f"{release()}:{url}".encode()).hexdigest()


def _still_live(entry: Entry) -> bool:
    """One query: the page is live at the revision the entry was rendered from."""
    if entry.page_id is None:
        return True
    return Page.objects.filter(
        pk=entry.page_id, live=True, live_revision_id=entry.revision_id
    ).exists()


def _served_page(request):
    """The page Wagtail routed this request to (already routed: no query)."""
    path = request.resolver_match.kwargs.get("path", "")
    return Page.find_for_request(request, path)


def _storable(request, response) -> bool:
    match = request.resolver_match
    cache_control = response.get("Cache-Control", "")
    return (
        request.method == "GET"
        and match is not None
        and match.view_name in CACHED_VIEWS
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "no-store" not in cache_control
        and "private" not in cache_control
        and _varies_only_by_cookie(response)
        and not getattr(getattr(request, "user", None), "is_authenticated", True)
        and len(response.content) <= MAX_STORED_BYTES
    )


def _varies_only_by_cookie(response) -> bool:
    # The key is the URL alone: an answer that differs by another request header (and
    # the request had no cookie) cannot be told apart from its variants.
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",")}
    return vary <= {"", "cookie"}


def _etag(*parts) -> str:
    return '"' + hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()[:32] + '"'


def _store(key: str, current_generation: str, request, response) -> Entry:
    page = _served_page(request) if request.resolver_match.view_name == "wagtail_serve" else None
    page_id = page.pk if page else None
    revision_id = page.live_revision_id if page else None
    response["ETag"] = _etag(
        page_id,
        revision_id,
        request.LANGUAGE_CODE,
        release(),
        current_generation,
        request.path_info,
    )
    response["Cache-Control"] = (
        f"public, max-age={settings.PAGE_CACHE_BROWSER_SECONDS}, "
        f"s-maxage={settings.PAGE_CACHE_SHARED_SECONDS}"
    )
    entry = Entry(
        generation=current_generation,
        page_id=page_id,
        revision_id=revision_id,
        etag=response["ETag"],
        headers=tuple(
            (name, value)
            for name, value in response.items()
            if name.lower() not in NOT_STORED_HEADERS
        ),
        content=response.content,
    )
    cache.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
    return entry


class PageCacheMiddleware:
    """Answers cookieless GETs of public pages from the cache (see the module's
    docstring); stores those answers on the way out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = _request_key(request)
        if key is None:
            return self.get_response(request)
        # One round trip for both. The generation is read before rendering: a page
        # published meanwhile makes what this request renders stale at once.
        found = cache.get_many([GENERATION_KEY, key])
        current_generation = found.get(GENERATION_KEY) or generation()
        entry = found.get(key)
        if (
            isinstance(entry, Entry)
            and entry.generation == current_generation
            and _still_live(entry)
        ):
            return get_conditional_response(request, etag=entry.etag, response=entry.response())
        response = self.get_response(request)
        if not _storable(request, response):
            return response
        entry = _store(key, current_generation, request, response)
        return get_conditional_response(request, etag=entry.etag, response=response)
