from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from booklets.admin_views import translations_behind_report


@hooks.register("register_admin_urls")
def register_translations_behind_url():
    return [
        path("reports/translations-behind/", translations_behind_report, name="translations_behind")
    ]


@hooks.register("register_reports_menu_item")
def register_translations_behind_menu_item():
    return MenuItem(
        _("Translations behind"),
        reverse("translations_behind"),
        icon_name="warning",
        order=700,
    )
