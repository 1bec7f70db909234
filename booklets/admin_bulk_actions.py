"""A bulk action for the admin's page listings: submit several pages for moderation."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction


class SubmitForModerationBulkAction(PageBulkAction):
    """Starts each selected page's workflow on its latest draft, as "Submit for
    moderation" does on one page. Only for pages the person may edit and that are not
    already in moderation; publishing stays with moderators."""

    display_name = _("Submit for moderation")
    action_type = "submit"
    aria_label = _("Submit the selected pages for moderation")
    template_name = "booklets/admin/confirm_bulk_submit.html"
    action_priority = 35

    def check_perm(self, page):
        permissions = page.permissions_for_user(self.request.user)
        return permissions.can_edit() and permissions.can_submit_for_moderation()

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        submitted = 0
        with transaction.atomic():
            for page in objects:
                page = page.specific
                workflow = page.get_workflow()
                if workflow is None or page.workflow_in_progress:
                    continue
                if page.get_latest_revision() is None:
                    page.save_revision(user=user)
                workflow.start(page, user)
                submitted += 1
        return submitted, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d page has been submitted for moderation",
            "%(count)d pages have been submitted for moderation",
            num_parent_objects,
        ) % {"count": num_parent_objects}
