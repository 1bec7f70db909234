from django.urls import path
from django.utils.translation import gettext_lazy as _

from curriculum import views

app_name = "curriculum"

urlpatterns = [
    path(_("glossary/"), views.glossary, name="glossary"),
]
