"""Saving the text people write, for the journal and exercise answers alike: an autosave
is answered in JSON that says plainly whether the text was saved, and a Save that cannot
be kept (signed out, a token changed by signing in elsewhere) shows the text back in the
page, never in storage, with a way to save it after signing in."""

from functools import wraps

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.csrf import csrf_failure as django_csrf_failure

from curriculum.services import text_version

SIGNED_OUT = gettext_lazy(
    "Not saved: you were signed out. Sign in in a new tab, then press Save again."
)
CHANGED_ELSEWHERE = gettext_lazy(
    "Not saved: this text was saved on another device or tab after you opened it. Copy "
    "your text, reload the page, and bring the two together."
)
TOKEN_CHANGED = gettext_lazy(
    "Not saved: you signed in again in another tab, so this page was out of date. "
    "Press Save again to keep your text."
)


def wants_json(request) -> bool:
    return request.headers.get("accept", "").startswith("application/json")


def saved_reply(request, *, saved_at, url, message=None, level=messages.SUCCESS):
    """The answer to a save that was kept: JSON for autosave (with `saved` and the row's
    version, its update time in microseconds), else a message and back to `url`."""
    saved = _("Saved at %(time)s") % {
        "time": formats.time_format(timezone.localtime(saved_at), "H:i")
    }
    if wants_json(request):
        version = text_version(saved_at)
        return JsonResponse({"saved": True, "version": version, "message": saved, "url": url})
    messages.add_message(request, level, message or saved)
    return redirect(url)


def not_saved_json(message, *, status: int, errors=None) -> JsonResponse:
    return JsonResponse(
        {"saved": False, "message": str(message), "errors": errors or {}}, status=status
    )


def form_not_saved_json(form, *, status: int = 400) -> JsonResponse:
    errors = form.errors.get_json_data()
    reasons = " ".join(e["message"] for field in errors.values() for e in field)
    message = _("Not saved. %(reason)s") % {"reason": reasons}
    return not_saved_json(message, status=status, errors=errors)


def text_kept(request, message, field="body", status=403):
    """The posted text back in a box, with a fresh token to press Save again."""
    if wants_json(request):
        return not_saved_json(message, status=status)
    response = TemplateResponse(
        request,
        "curriculum/text_kept.html",
        {"message": message, "field": field, "text": request.POST.get(field, "")},
        status=status,
    )
    add_never_cache_headers(response)
    return response


def keeps_text(view=None, *, field="body"):
    """For views that save a person's text (posted as `field`): a POST from someone no
    longer signed in gets the text back instead of the sign-in page (which would drop
    it). Marks the view, so that a refused CSRF token keeps the text too."""
    if view is None:
        return lambda view: keeps_text(view, field=field)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "POST" and not request.user.is_authenticated:
            return text_kept(request, SIGNED_OUT, field)
        return view(request, *args, **kwargs)

    wrapped.keeps_text = field
    return wrapped


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW. The token lives in the session (CSRF_USE_SESSIONS), so signing
    in or out in another tab changes it: on a view that keeps text, the text comes back;
    anything else gets Django's plain refusal."""
    match = request.resolver_match
    field = getattr(match and match.func, "keeps_text", None)
    if request.method == "POST" and field:
        signed_in = request.user.is_authenticated
        return text_kept(request, TOKEN_CHANGED if signed_in else SIGNED_OUT, field)
    return django_csrf_failure(request, reason)
