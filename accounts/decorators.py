from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from accounts import roles
from accounts.services import redirect_to_second_factor


def facilitator_required(view):
    """For facilitator views: signed in, a facilitator, and the second factor used in
    this session."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not roles.is_facilitator_account(request.user):
            raise PermissionDenied
        if not roles.is_facilitator(request):
            return redirect_to_second_factor(request)
        return view(request, *args, **kwargs)

    return wrapped
