"""The language switcher and hreflang links: the same page in the other language."""

import re
from dataclasses import dataclass

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

register = template.Library()


@dataclass(frozen=True)
class LanguageAlternate:
    code: str
    name: str
    url: str
    is_current: bool
    # False when the page has no translation and the link falls back to that language's home.
    is_translation: bool


# One slash, then neither a slash nor a backslash (browsers read "/\host" as "//host"),
# and no whitespace or control character anywhere (browsers drop tabs and newlines, so
# "/\t/host" would become "//host"). Anything else could lead to another host.
_OWN_PATH = re.compile(r"/(?![/\\])[^\x00-\x20\x7f\\]*")


def is_own_path(url: str) -> bool:
    """Whether `url` is a path of this site and nothing else: no scheme, no host."""
    return _OWN_PATH.fullmatch(url) is not None


def _home_urls(request) -> dict[str, str]:
    site = Site.find_for_request(request)
    if site is None:
        return {}

    def read():
        homes = site.root_page.get_translations(inclusive=True).live().select_related("locale")
        return {home.locale.language_code: home.get_url(request) for home in homes}

    return _cached(f"home-urls:{site.pk}:{request.get_host()}", read)


def _cached(key: str, read):
    """`read()`, kept in the cache for the page-cache generation: publishing or
    unpublishing any page starts a new one."""
    # Imported here: the page cache imports the page models.
    from booklets.page_cache import generation

    key = f"{key}:{generation()}"
    found = cache.get(key)
    if found is None:
        found = read()
        cache.set(key, found, timeout=600)
    return found


def _translation_urls(page, request) -> dict[str, str]:
    """Where `page` is live in each language; cached per live revision and host."""

    def read():
        live = page.get_translations(inclusive=True).live().select_related("locale")
        return {p.locale.language_code: p.get_url(request) for p in live}

    if getattr(request, "is_preview", False) or not page.live_revision_id:
        return read()
    return _cached(
        f"page-translations:{page.pk}:{page.live_revision_id}:{request.get_host()}", read
    )


def language_alternates(context) -> list[LanguageAlternate]:
    """For each language, where this page is in that language.

    A Wagtail page links to its live translation; any other view links to the same path
    under the other prefix. When there is no such thing (no translation, or a path that
    does not resolve, as on a not-found page), or when the address found is not one of
    this site's own paths, the link goes to that language's home page instead.
    """
    if "_language_alternates" in context:
        return context["_language_alternates"]
    request = context.get("request")
    if request is None:
        context["_language_alternates"] = []
        return []
    page = context.get("page")
    current = get_language()
    if isinstance(page, Page):
        translations = _translation_urls(page, request)
    else:
        # The path as asked for: only ever the start of a translation, never a link as is.
        path = request.get_full_path()
        translations = {code: translate_url(path, code) for code, _name in settings.LANGUAGES}
        # translate_url gives the path back unchanged when it does not resolve: then
        # there is nothing in any language to link to or to announce.
        if all(url == path for code, url in translations.items() if code != current):
            translations = {}
    home_urls = None
    alternates = []
    for code, _name in settings.LANGUAGES:
        url = translations.get(code)
        is_translation = url is not None and is_own_path(url)
        if not is_translation:
            if home_urls is None:
                home_urls = _home_urls(request)
            url = home_urls.get(code)
            if url is None or not is_own_path(url):
                url = f"/{code}/"
        alternates.append(
            LanguageAlternate(
                code, get_language_info(code)["name_local"], url, code == current, is_translation
            )
        )
    context["_language_alternates"] = alternates
    return alternates


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"alternates": language_alternates(context)}


@register.inclusion_tag("includes/hreflangs.html", takes_context=True)
def hreflang_links(context):
    request = context.get("request")
    links = [
        (alt.code, request.build_absolute_uri(alt.url))
        for alt in language_alternates(context)
        if alt.is_translation
    ]
    return {"links": links}
