"""The language switcher and hreflang links: the same page in the other language."""

from dataclasses import dataclass

from django import template
from django.conf import settings
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


def _home_urls(request) -> dict[str, str]:
    site = Site.find_for_request(request)
    if site is None:
        return {}
    homes = site.root_page.get_translations(inclusive=True).live().select_related("locale")
    return {home.locale.language_code: home.get_url(request) for home in homes}


def language_alternates(context) -> list[LanguageAlternate]:
    """For each language, where this page is in that language.

    A Wagtail page links to its live translation, or to that language's home page when
    there is none; any other view links to the same path under the other prefix.
    """
    if "_language_alternates" in context:
        return context["_language_alternates"]
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    alternates = []
    if isinstance(page, Page) and request is not None:
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
        home_urls = None
        for code, _name in settings.LANGUAGES:
            translated = translations.get(code)
            if translated is not None:
                url, is_translation = translated.get_url(request), True
            else:
                if home_urls is None:
                    home_urls = _home_urls(request)
                url, is_translation = home_urls.get(code, f"/{code}/"), False
            alternates.append(
                LanguageAlternate(
                    code,
                    get_language_info(code)["name_local"],
                    url,
                    code == current,
                    is_translation,
                )
            )
    elif request is not None:
        for code, _name in settings.LANGUAGES:
            alternates.append(
                LanguageAlternate(
                    code,
                    get_language_info(code)["name_local"],
                    translate_url(request.get_full_path(), code),
                    code == current,
                    True,
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
