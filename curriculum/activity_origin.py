"""The activity origin: where H5P packages and their player run, apart from the site.

An uploaded package is somebody else's JavaScript. It runs only on `H5P_ORIGIN` (in
production a host of its own, such as `activities.<domain>`; under `make run`
`localhost` beside `127.0.0.1`), inside a sandboxed frame of a module page. That origin
carries no cookie of ours, answers only package files and the player's frame page, and
the site's own pages are not found there. The frame talks to the module page only by
`postMessage`; the page checks the sender and the message and posts results to our
own endpoints with its own CSRF token.
"""

import mimetypes
import re
from functools import cache
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control
from django.views.decorators.clickjacking import xframe_options_exempt
from whitenoise.middleware import WhiteNoiseMiddleware

from curriculum.h5p import ALLOWED_EXTENSIONS, INERT_EXTENSIONS, STORAGE_ROOT, package_path_unsafe

DIGEST = re.compile(r"^[0-9a-f]{64}$")
# What H5P libraries need (they evaluate code and set inline styles), from this origin
# only. The player writes one fixed inline script into the content's inner frame
# (h5p-standalone 3.8.x, frame.bundle.js getHeadTags): allowed by its hash.
PLAYER_INLINE_SCRIPT_HASH = "'sha256-8CniZYrnO46q7MvZ3m08Wom1HH/ZhyXmm29kBKTV1rk='"
ONE_YEAR = 365 * 24 * 3600


def activity_origin() -> str:
    """The activity origin (scheme://host[:port]), or "" when none is configured."""
    return settings.H5P_ORIGIN.rstrip("/")


def site_origin() -> str:
    """The site's public origin: the only page allowed to frame an activity."""
    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return f"{parts.scheme}://{parts.netloc}"


@cache
def _hostname_of(origin: str) -> str:
    return (urlsplit(origin).hostname or "").rstrip(".")


def is_activity_request(request) -> bool:
    """Is this request for the activity host, however its name is spelt (letter case,
    a trailing dot, any port)?"""
    origin = activity_origin()
    if not origin:
        return False
    hostname = urlsplit(f"//{request.get_host()}").hostname or ""
    return hostname.rstrip(".") == _hostname_of(origin)


def activity_policy() -> str:
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'unsafe-eval' {PLAYER_INLINE_SCRIPT_HASH}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "media-src 'self' blob:",
            "connect-src 'self'",
            "frame-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            f"frame-ancestors {site_origin()}",
        ]
    )


class ActivityOriginMiddleware:
    """Requests for the activity host are answered here, by the activity URLs alone
    (curriculum.activity_urls), without any cookie: whatever a browser sends is dropped,
    and nothing sets one. The site's URLs, sessions and middleware never see these
    requests. The player's static files are served by a WhiteNoise of its own, whose
    misses are a plain 404 here."""

    def __init__(self, get_response):
        # activity_urls imports this module's views: a real cycle, so imported here.
        from curriculum import activity_urls

        self.get_response = get_response
        self.urls = activity_urls
        self.static_files = WhiteNoiseMiddleware(get_response=activity_urls.not_found)

    def __call__(self, request):
        # A preview is the site's own page, rendered by Wagtail for the admin with a
        # request it builds itself (marked `is_dummy`, an attribute no browser can send)
        # for the host of the Wagtail site record, whatever that host is.
        if getattr(request, "is_dummy", False) or not is_activity_request(request):
            return self.get_response(request)
        request.META.pop("HTTP_COOKIE", None)
        request.COOKIES = {}
        if request.path_info.startswith(settings.STATIC_URL):
            response = self.static_files(request)
        else:
            response = self._answer(request)
        response.cookies.clear()
        response["Content-Security-Policy"] = activity_policy()
        response["Cross-Origin-Resource-Policy"] = "same-site"
        response["Referrer-Policy"] = "no-referrer"
        return response

    def _answer(self, request):
        if request.method not in {"GET", "HEAD"}:
            return HttpResponseNotAllowed(["GET", "HEAD"])
        try:
            match = resolve(request.path_info, urlconf=self.urls)
            response = match.func(request, *match.args, **match.kwargs)
        except (Resolver404, Http404):
            return self.urls.not_found(request)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        return response


@xframe_options_exempt
def frame(request, digest: str):
    """The page the module page frames: the player, the package, and our small script
    that speaks to the module page."""
    if not DIGEST.match(digest) or not default_storage.exists(f"{STORAGE_ROOT}/{digest}/h5p.json"):
        raise Http404
    response = TemplateResponse(
        request,
        "curriculum/activity_frame.html",
        {"package_path": f"/h5p/{digest}", "parent_origin": site_origin()},
    )
    # The page is the same for everyone and for good (the package is content-addressed).
    patch_cache_control(response, public=True, max_age=ONE_YEAR)
    return response


def package_file(request, digest: str, path: str):
    """A file of a checked, stored package, cached for good (the folder is named by the
    package's hash, so its content never changes). Files that H5P keeps but never runs
    (patches, Flash) are sent as downloads, never displayed."""
    extension = PurePosixPath(path).suffix.lower().lstrip(".")
    if not DIGEST.match(digest) or package_path_unsafe(path) or extension not in ALLOWED_EXTENSIONS:
        raise Http404
    name = f"{STORAGE_ROOT}/{digest}/{path}"
    if not default_storage.exists(name):
        raise Http404
    if extension in INERT_EXTENSIONS:
        content_type = "application/octet-stream"
    elif extension == "js":
        content_type = "text/javascript"
    else:
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = FileResponse(default_storage.open(name, "rb"), content_type=content_type)
    if extension in INERT_EXTENSIONS:
        response["Content-Disposition"] = "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
    return response
