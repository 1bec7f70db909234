from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """What an operator needs: the health check, backup and restore. Knows no other app."""

    name = "operations"
    verbose_name = _("Operations")
