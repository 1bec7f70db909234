"""Wagtail admin strings that our own catalogue translates, over Wagtail's.

Wagtail 8's Spanish catalogue leaves some of its newer strings in English (the
dashboard's counts, listing filters), and phrases others with a masculine article before
the model's name ("El %(model_name)s…"), which reads wrong for our feminine models
("actividad interactiva", "página estándar"). Our catalogue (LOCALE_PATHS) wins over
Wagtail's; listing the strings here keeps them in it when `make messages` runs. Nothing
imports this module: it exists for the extraction. The msgids must stay exactly
Wagtail's (wagtail/admin/locale/en/LC_MESSAGES/django.po)."""

from django.utils.translation import gettext_noop, ngettext_lazy

WAGTAIL_ADMIN_STRINGS = [
    # Untranslated in Wagtail's Spanish catalogue.
    ngettext_lazy(
        '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
    ),
    ngettext_lazy(
        '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
    ),
    ngettext_lazy(
        '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
    ),
    gettext_noop("Privacy and access"),
    gettext_noop("Filter by"),
    gettext_noop("Locale"),
    gettext_noop("locale"),
    gettext_noop("There are no %(model_name)s to display."),
    gettext_noop(
        'There are no %(model_name)s to display. Why not <a href="%(add_url)s">add one</a>?'
    ),
    gettext_noop(
        "Keyboard shortcuts are currently enabled; manage your %(account_link)s to disable them."
    ),
    gettext_noop("Wagtail %(current_version)s editor guide"),
    # Gendered in Wagtail's Spanish catalogue: phrased here without an article.
    gettext_noop("The %(model_name)s could not be created due to errors."),
    gettext_noop("The %(model_name)s could not be saved due to errors."),
    gettext_noop("%(model_name)s '%(object)s' created."),
    gettext_noop("%(model_name)s '%(object)s' updated."),
    gettext_noop("%(model_name)s '%(object)s' created and published."),
    gettext_noop("%(model_name)s '%(object)s' updated and published."),
    gettext_noop("%(model_name)s '%(object)s' created and scheduled for publishing."),
    gettext_noop("%(model_name)s '%(object)s' deleted."),
    gettext_noop("%(model_name)s '%(object)s' has been replaced with version from %(timestamp)s."),
    gettext_noop("Are you sure you want to delete this %(model_name)s?"),
    gettext_noop("Are you sure you want to delete this %(snippet_type_name)s?"),
    gettext_noop("You don't have permission to delete this %(snippet_type_name)s"),
    gettext_noop("Are you sure you want to unpublish this %(model_name)s?"),
    gettext_noop("Would you still like to publish this %(model_name)s?"),
    gettext_noop(
        "You are viewing a previous version of this %(model_name)s from "
        "<b>%(created_at)s</b> by %(user)s"
    ),
    gettext_noop("New: %(model_name)s"),
]
