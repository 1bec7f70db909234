import re

from allauth.account.views import LogoutView
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import URLPattern, include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.views import activate_totp, quick_exit
from booklets.offline import forgetting_offline_copies, service_worker
from curriculum.h5p import STORAGE_ROOT

# Wagtail's front-end URLs without its own sign-in view (a plain Django LoginView with
# no rate limit and no second factor): private pages send people to ours instead.
wagtail_front_end_urls = [
    pattern
    for pattern in wagtail_urls.urlpatterns
    if not (isinstance(pattern, URLPattern) and pattern.name == "wagtailcore_login")
]


def development_media_urls() -> list[URLPattern]:
    """Uploads served by runserver (DEBUG only), except H5P packages: those are other
    people's scripts, served only on the activity origin (curriculum.activity_origin)."""
    from django.views.static import serve

    prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    return [
        re_path(
            rf"^{prefix}(?!{STORAGE_ROOT}/)(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]


def image_media_urls() -> list[URLPattern]:
    """Wagtail's images from MEDIA_ROOT when no DEBUG and no S3 serve them (nginx may
    serve the same two folders faster: docs/deploying.md). Nothing else in MEDIA_ROOT:
    documents go through Wagtail's view, which checks their privacy, and H5P packages
    only through the activity origin."""
    from django.views.static import serve

    def image(request, path):
        return serve(request, path, document_root=settings.MEDIA_ROOT)

    prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    return [re_path(rf"^{prefix}(?P<path>(?:original_images|images)/[^/]+)$", image)]


urlpatterns = [
    # Outside the language prefixes: short, and the same in every language.
    path("exit/", quick_exit, name="quick_exit"),
    # At the root so its scope covers both languages; registered only when asked.
    path("sw.js", service_worker, name="service_worker"),
    # One sign-in form for everyone: Wagtail's own would skip allauth's rate limits.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += development_media_urls()
elif settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage"):
    urlpatterns += image_media_urls()

# Every public page lives under /es/ or /en/; LocaleMiddleware sends "/" to the
# visitor's preferred language, Spanish when the browser says nothing we have.
urlpatterns += i18n_patterns(
    path("accounts/", include("accounts.urls")),
    # allauth's set-up of an authenticator app, ending where the person was going.
    path("accounts/2fa/totp/activate/", activate_totp, name="mfa_activate_totp"),
    # Signing out also drops what "Save to read offline" kept (booklets.offline).
    path(
        "accounts/logout/",
        forgetting_offline_copies(LogoutView.as_view()),
        name="account_logout",
    ),
    path("accounts/", include("allauth.urls")),
    path("", include("curriculum.urls")),
    path("", include("workshops.urls")),
    path("", include("booklets.urls")),
    path("", include("search.urls")),
    path(
        "_util/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="wagtailcore_login",
    ),
    path("", include(wagtail_front_end_urls)),
    prefix_default_language=True,
)
