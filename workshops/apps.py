from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Workshops")

    def ready(self):
        # Once every app is loaded: receivers and the admin's CSV patch need the models.
        from workshops import signals  # noqa: F401
        from workshops.exports import escape_admin_spreadsheet_exports

        escape_admin_spreadsheet_exports()
