"""Writes for the booklets app."""

from django.conf import settings
from wagtail.models import Collection, Locale, Page, Site

from booklets.models import HomePage

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
