from django.urls import path

from booklets import views

app_name = "booklets"

urlpatterns = [
    path("progress/<int:page_id>/", views.module_studied, name="module_studied"),
]
