import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from accounts import roles
from accounts.services import redirect_to_second_factor, session_touch

STARTED_AT = "claves_started_at"
SEEN_AT = "claves_seen_at"
# Write "last seen" at most this often, so that reading pages does not mean a database
# write per request.
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
            elif now - seen >= TOUCH_EVERY_SECONDS:
                session[SEEN_AT] = now
                session_touch(session_key=session.session_key)
        return self.get_response(request)


class StaffSecondFactorMiddleware:
    """The Wagtail admin opens only in a session where a staff member used their second
    factor (accounts.roles.staff_powers); anyone else is asked to set it up or to use
    it. Facilitator views check the same with `accounts.decorators.facilitator_required`."""

    ADMIN_PREFIX = "/admin/"
    ALWAYS_OPEN = ("/admin/logout/",)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        in_admin = request.path.startswith(self.ADMIN_PREFIX) and not request.path.startswith(
            self.ALWAYS_OPEN
        )
        if in_admin and roles.requires_mfa(request.user) and not roles.staff_powers(request):
            return redirect_to_second_factor(request)
        return self.get_response(request)


class PrivatePagesNotStoredMiddleware:
    """Pages seen by a signed-in person are never stored by the browser or a proxy: on
    a shared phone, Back or the cache must not show them after signing out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, no_cache=True, private=True)
            if response.has_header("ETag"):
                del response["ETag"]
        return response
