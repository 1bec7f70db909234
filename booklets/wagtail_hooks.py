from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from booklets.admin_bulk_actions import SubmitForModerationBulkAction
from booklets.admin_views import start_edition
from booklets.models import BookletPage, ModulePage, SupportContact
from booklets.selectors import edition_may_start, edition_next_number


@hooks.register("after_create_page")
def place_new_module_before_facilitator_guide(request, page):
    if isinstance(page, ModulePage):
        page.place_before_facilitator_guide()


hooks.register("register_bulk_action", SubmitForModerationBulkAction)


# Editions: "Start edition N+1", for moderators, in a booklet's menu (page header and
# page listing). booklets/admin_views.py decides who may (and answers 403 to others).


@hooks.register("register_admin_urls")
def register_start_edition_url():
    return [
        path("booklets/<int:page_id>/start-edition/", start_edition, name="booklet_start_edition")
    ]


def _start_edition_button(page, user, priority):
    # specific_class costs no query: listings call this for every page they show.
    if not issubclass(page.specific_class or type(page), BookletPage) or not page.live:
        return []
    if not edition_may_start(user=user, booklet=page):
        return []
    number = edition_next_number(booklet=page)
    return [
        Button(
            _("Start edition %(number)d") % {"number": number},
            reverse("booklet_start_edition", args=[page.pk]),
            icon_name="history",
            priority=priority,
        )
    ]


@hooks.register("register_page_header_buttons")
def start_edition_header_button(page, user, view_name, next_url=None):
    return _start_edition_button(page, user, priority=67)


@hooks.register("register_page_listing_more_buttons")
def start_edition_listing_button(page, user, next_url=None):
    return _start_edition_button(page, user, priority=55)


@hooks.register("register_log_actions")
def register_start_edition_log_action(actions):
    @actions.register_action("booklets.start_edition")
    class StartEdition(LogFormatter):
        label = _("Start edition")

        def format_message(self, log_entry):
            number = log_entry.data.get("number")
            return _("Started edition %(number)s") % {"number": number}


# Helplines and organisations for the self-care page, kept by editors in each language.


class SupportContactViewSet(SnippetViewSet):
    model = SupportContact
    icon = "help"
    menu_label = _("Support contacts")
    list_display = ["name", "phone", "region", "is_example", "sort_order"]
    list_filter = ["is_example"]


register_snippet(SupportContactViewSet)
