from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookletsConfig(AppConfig):
    name = "booklets"
    verbose_name = _("Booklets")

    def ready(self):
        # Imported for what they register: signal receivers; wagtail-localize's admin
        # hooks (kept out of wagtail_hooks.py so translation rules live in one module).
        from booklets import signals, translation_admin  # noqa: F401
        from booklets.translation import keep_existing_translations

        keep_existing_translations()
