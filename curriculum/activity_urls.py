"""The URL map of the activity origin (see curriculum.activity_origin): package files
and the player's frame, nothing of the site."""

from django.http import HttpResponseNotFound
from django.urls import path

from curriculum import activity_origin

urlpatterns = [
    path("play/<str:digest>/", activity_origin.frame, name="activity_frame"),
    path("h5p/<str:digest>/<path:path>", activity_origin.package_file, name="h5p_file"),
]


def not_found(request):
    # The site's own error pages link to the site: not here.
    return HttpResponseNotFound("Not found", content_type="text/plain; charset=utf-8")
