"""Replace Wagtail's welcome page with our home page, in Spanish and in English.

The two share one translation_key, so Wagtail serves the Spanish one under /es/ and
the English one under /en/, and the language switcher moves between them.
"""

import uuid

from django.db import migrations

HOMES = [
    # (language, slug, title, path)
    ("es", "inicio", "Claves para el acompañamiento psicosocial", "00010001"),
    ("en", "home", "Keys to Psychosocial Accompaniment", "00010002"),
]


def create_home_pages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("booklets.HomePage")

    Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore").delete()
    root = Page.objects.get(depth=1)

    home_type, _ = ContentType.objects.get_or_create(app_label="booklets", model="homepage")
    translation_key = uuid.uuid4()
    homes = {}
    for language, slug, title, path in HOMES:
        locale, _ = Locale.objects.get_or_create(language_code=language)
        homes[language] = HomePage.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=home_type,
            path=path,
            depth=2,
            numchild=0,
            url_path=f"/{slug}/",
            locale=locale,
            translation_key=translation_key,
            live=True,
        )
    root.numchild = len(HOMES)
    root.save(update_fields=["numchild"])

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=homes["es"], is_default_site=True
        )
    else:
        site.root_page = homes["es"]
        site.site_name = "Claves"
        site.save()


def remove_home_pages(apps, schema_editor):
    apps.get_model("booklets.HomePage").objects.filter(depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("booklets", "0001_homepage"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_home_pages, remove_home_pages)]
