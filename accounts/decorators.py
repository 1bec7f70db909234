from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from accounts import roles
from accounts.services import redirect_to_second_factor_setup


def facilitator_required(view):
    """For facilitator views: signed in, a facilitator, and protected by a second factor."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not roles.is_facilitator(request.user):
            raise PermissionDenied
        if roles.requires_mfa(request.user) and not roles.has_mfa(request.user):
            return redirect_to_second_factor_setup(request)
        return view(request, *args, **kwargs)

    return wrapped
