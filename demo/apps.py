from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo curriculum, cohort and accounts: above every other app, needed by none."""

    name = "demo"
    verbose_name = _("Demo curriculum")
