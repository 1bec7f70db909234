from django.urls import path
from django.utils.translation import gettext_lazy as _

from curriculum import views

app_name = "curriculum"

urlpatterns = [
    path(_("glossary/"), views.glossary, name="glossary"),
    path(_("journal/"), views.journal, name="journal"),
    path(_("progress/"), views.my_progress, name="my_progress"),
    path(
        "activities/<uuid:activity_key>/statements/",
        views.activity_statement,
        name="activity_statement",
    ),
    path("activities/<uuid:activity_key>/state/", views.activity_state, name="activity_state"),
    path(_("journal/<int:pk>/"), views.journal_entry, name="journal_entry"),
    path(
        _("journal/write/<uuid:module_key>/<str:prompt_id>/"),
        views.journal_write,
        name="journal_write",
    ),
]
