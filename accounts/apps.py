from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        # Once every app is loaded: system checks and signal receivers need the models.
        from accounts import checks, signals  # noqa: F401
