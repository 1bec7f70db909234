from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookletsConfig(AppConfig):
    name = "booklets"
    verbose_name = _("Booklets")

    def ready(self):
        from booklets import signals  # noqa: F401
        from booklets.translation import keep_existing_translations

        keep_existing_translations()
