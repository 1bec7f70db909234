"""Reading a booklet without connection, only when the reader asks.

Three small answers make it work, and none of them stores anything: the service
worker's script (`/sw.js`, registered by `site/static/js/offline.js` only when the reader
presses "Save to read offline"), a booklet's offline manifest (the pages the worker
keeps, with their live revisions and the edition, so a new revision is noticed on the
next visit), and the calm page shown offline for a page that was not saved. The web app
manifests (the site's name and icon, or a neutral "Notes") live here too.

Everything listed is a public page as a signed-out reader sees it: the worker fetches
them without cookies, so a facilitator's copy holds no facilitator-only text either."""

import hashlib
from functools import wraps

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from booklets.models import BookletPage, ModulePage
from curriculum.models import GlossaryTerm

SERVICE_WORKER = "js/offline-sw.js"


def _worker_script() -> bytes:
    # The source file where it exists (any checkout), else the collected copy.
    path = finders.find(SERVICE_WORKER)
    if path:
        with open(path, "rb") as script:
            return script.read()
    with staticfiles_storage.open(SERVICE_WORKER) as script:
        return script.read()


@require_safe
def service_worker(request):
    """The worker's script from the site's root, so its scope covers /es/ and /en/.
    Browsers check it for changes on every registration and update; `no-cache` lets
    them revalidate it instead of keeping an old copy for a day."""
    response = HttpResponse(_worker_script(), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


def _live_booklet(booklet_id: int) -> BookletPage:
    booklet = (
        BookletPage.objects.live()
        .public()
        .filter(pk=booklet_id, locale__language_code=get_language())
        .first()
    )
    if booklet is None:
        raise Http404
    return booklet


def _care_pages(home) -> list:
    pages = [home.self_care_page, home.safety_page]
    return [page for page in pages if page is not None and page.live]


def offline_pages(booklet: BookletPage) -> list[dict]:
    """What a saved copy holds: the booklet's contents and live modules, its home page,
    the care pages and the glossary, with each page's live revision."""
    home = booklet.get_parent().specific
    modules = list(ModulePage.objects.child_of(booklet).live().public().order_by("path"))
    pages = [home, booklet, *modules, *_care_pages(home)]
    listed = [
        {"url": page.url, "title": page.title, "revision": page.live_revision_id} for page in pages
    ]
    listed.append({"url": reverse("curriculum:glossary"), "title": _("Glossary")})
    listed.append({"url": reverse("booklets:offline_page"), "title": _("Offline")})
    return listed


def _glossary_as_read(locale_id) -> list:
    """The glossary in the booklet's language, as the saved copy shows it: terms have no
    revisions, so a change to one is seen in the terms themselves."""
    return list(
        GlossaryTerm.objects.filter(locale_id=locale_id)
        .order_by("pk")
        .values_list("pk", "term", "definition")
    )


@require_safe
def offline_manifest(request, booklet_id: int):
    """The list the service worker saves for one booklet in this language. `version`
    changes when any listed page gets a new live revision or the booklet a new edition:
    the worker compares it on the next visit and saves the copy again."""
    booklet = _live_booklet(booklet_id)
    pages = offline_pages(booklet)
    edition = render_to_string(
        "booklets/includes/edition_label.html",
        {"number": booklet.edition_number, "year": booklet.edition_year},
    )
    token = repr(
        [
            booklet.edition_number,
            [(p["url"], p.get("revision")) for p in pages],
            _glossary_as_read(booklet.locale_id),
        ]
    )
    return JsonResponse(
        {
            "booklet": booklet.title,
            "url": booklet.url,
            "language": get_language(),
            "edition": edition,
            "version": hashlib.sha256(token.encode()).hexdigest()[:16],
            "pages": pages,
            "offline_page": reverse("booklets:offline_page"),
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_safe
def offline_page(request):
    """What a page that was not saved shows offline; the list of saved booklets is
    filled in by offline.js from the phone's own copies."""
    return render(request, "offline.html")


APP_VARIANTS = {
    "claves": {"icon": "img/app-claves", "colour": "#5b2a4f"},
    "notes": {"icon": "img/app-notes", "colour": "#f4f1ea"},
}


@require_safe
def web_manifest(request, variant: str = "claves"):
    """The web app manifest: the site's name and icon, or (`notes`) a neutral name and a
    plain icon for a reader who would rather the home screen not say what this is."""
    if variant not in APP_VARIANTS:
        raise Http404
    if variant == "notes":
        name = short_name = _("Notes")
    else:
        name, short_name = _("Claves: keys to psychosocial accompaniment"), "Claves"
    icon = APP_VARIANTS[variant]["icon"]
    manifest = {
        "name": name,
        "short_name": short_name,
        "lang": get_language(),
        "start_url": reverse("wagtail_serve", args=[""]),
        "scope": "/",
        "display": "minimal-ui",
        "background_color": "#ffffff",
        "theme_color": APP_VARIANTS[variant]["colour"],
        "icons": [
            {"src": static(f"{icon}.svg"), "sizes": "any", "type": "image/svg+xml"},
            {"src": static(f"{icon}-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static(f"{icon}-512.png"), "sizes": "512x512", "type": "image/png"},
        ],
    }
    return JsonResponse(
        manifest,
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )


def forgetting_offline_copies(view):
    """Wraps the sign-out view: its answer asks the browser to drop the saved copies
    and the service worker (`storage`) and what it cached of the site (`cache`), as the
    quick exit does. claves.js deletes them too, for browsers that ignore the header."""

    @wraps(view)
    def signing_out(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method == "POST" and not request.user.is_authenticated:
            response["Clear-Site-Data"] = '"cache", "storage"'
        return response

    return signing_out
