from django.urls import path
from django.utils.translation import gettext_lazy as _

from booklets import offline, views

app_name = "booklets"

urlpatterns = [
    path("progress/<int:page_id>/", views.module_studied, name="module_studied"),
    path(_("offline/"), offline.offline_page, name="offline_page"),
    path(_("offline/<int:booklet_id>.json"), offline.offline_manifest, name="offline_manifest"),
    # Not translated, and unlike any page slug: /es/contacto/ is the page itself.
    path("team-contact/", views.contact_page, name="contact"),
    path("app.webmanifest", offline.web_manifest, name="web_manifest"),
    path(
        "notes.webmanifest",
        offline.web_manifest,
        {"variant": "notes"},
        name="web_manifest_notes",
    ),
]
