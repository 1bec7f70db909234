from django.urls import path
from django.utils.translation import gettext_lazy as _

from workshops import views

app_name = "workshops"

urlpatterns = [
    path(_("facilitate/"), views.facilitator_home, name="facilitator_home"),
]
