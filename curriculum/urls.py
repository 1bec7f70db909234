from django.urls import path
from django.utils.translation import gettext_lazy as _

from curriculum import views

app_name = "curriculum"

urlpatterns = [
    path(_("glossary/"), views.glossary, name="glossary"),
    path(_("journal/"), views.journal, name="journal"),
    path(_("journal/<int:pk>/"), views.journal_entry, name="journal_entry"),
    path(
        _("journal/write/<uuid:module_key>/<str:prompt_id>/"),
        views.journal_write,
        name="journal_write",
    ),
]
