import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from accounts import roles
from accounts.services import redirect_to_second_factor, session_touch

STARTED_AT = "claves_started_at"
SEEN_AT = "claves_seen_at"
# Write "last seen" at most this often (or every half idle timeout, if shorter), so that
# reading pages does not mean a database write per request.
TOUCH_EVERY_SECONDS = 60


class SessionTimeoutMiddleware:
    """Signs a person out after a while without activity (SESSION_IDLE_TIMEOUT) and,
    whatever the activity, after SESSION_ABSOLUTE_TIMEOUT: a shared phone left signed in
    does not stay signed in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            session = request.session
            started, seen = session.get(STARTED_AT), session.get(SEEN_AT)
            if started is None or seen is None:
                session[STARTED_AT] = session[SEEN_AT] = now
            elif (
                now - seen > settings.SESSION_IDLE_TIMEOUT
                or now - started > settings.SESSION_ABSOLUTE_TIMEOUT
            ):
                logout(request)
                messages.info(request, _("You were signed out after a time without activity."))
            elif now - seen >= min(TOUCH_EVERY_SECONDS, settings.SESSION_IDLE_TIMEOUT // 2):
                session[SEEN_AT] = now
                session_touch(session_key=session.session_key)
        return self.get_response(request)


class StaffSecondFactorMiddleware:
    """A password alone opens neither the Wagtail admin nor the account's own pages.

    Staff (accounts.roles.requires_mfa), and anyone with an authenticator app, reach the
    admin and the account pages (e-mail, password, data export, deletion, and above all
    the second factor's own management: new recovery codes, another app) only in a
    session where the second factor was used; until then they are asked to use it, or,
    for staff without one, to set it up. Facilitator views check the same with
    `accounts.decorators` (and `workshops.access.cohort_access`). Decided on the resolved view and
    `path_info`, so a script prefix changes nothing."""

    ADMIN_PREFIX = "/admin/"
    ALWAYS_OPEN = ("/admin/logout/",)
    # What a session that owes its second factor may still do: leave, or give it.
    OPEN_WHILE_OWING = frozenset(
        {"account_logout", "account_reauthenticate", "mfa_authenticate", "mfa_reauthenticate"}
    )
    # ...and, for staff who have none yet, set one up.
    OPEN_FOR_SETTING_UP = frozenset({"mfa_activate_totp", "mfa_index"})
    ACCOUNT_VIEWS = ("account_", "mfa_", "accounts:")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        path = request.path_info
        view_name = request.resolver_match.view_name if request.resolver_match else ""
        in_admin = path.startswith(self.ADMIN_PREFIX) and not path.startswith(self.ALWAYS_OPEN)
        account_page = view_name.startswith(self.ACCOUNT_VIEWS) and (
            view_name not in self.OPEN_WHILE_OWING
        )
        if not (in_admin or account_page) or not roles.owes_second_factor(request):
            return None
        if (
            account_page
            and view_name in self.OPEN_FOR_SETTING_UP
            and not roles.has_mfa(request.user)
        ):
            return None
        return redirect_to_second_factor(request)


class PrivatePagesNotStoredMiddleware:
    """The site's one caching policy: no answer that belongs to a person is kept by the
    browser or a proxy, so Back or a shared cache never shows it to the next person on a
    shared phone. Views carry no `never_cache` of their own.

    Sent never_cache's headers (no-store, no-cache, must-revalidate, private, max-age=0,
    Expires now), without an ETag: every answer to someone signed in when the request
    came or when it left (so also the answer that signs them out), every answer to a
    POST (or any method but GET and HEAD), every redirect and error (a private view's
    sign-in redirect, 403, 404 or 405 to a signed-out visitor), every page that carries
    the session's CSRF token (a form) or shows a message kept for the person ("you were
    signed out"). Only plain public pages read signed out may be cached, and keep their
    ETag. It sits inside CsrfViewMiddleware (so it sees a token handed out) and inside
    ConditionalGetMiddleware (which adds no ETag to a no-store answer)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        signed_in = request.user.is_authenticated
        response = self.get_response(request)
        if (
            signed_in
            or request.user.is_authenticated
            or request.method not in ("GET", "HEAD")
            or response.status_code != 200
            or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            or getattr(messages.get_messages(request), "used", False)
        ):
            add_never_cache_headers(response)
            if response.has_header("ETag"):
                del response["ETag"]
        return response
