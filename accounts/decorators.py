"""How views declare who may use them: one decorator each, the rules in accounts.roles.
Cohort rights are workshops.access.cohort_access, built on `facilitation_refused`."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from accounts import roles
from accounts.services import redirect_to_second_factor


def facilitation_refused(request, *, not_facilitator=PermissionDenied):
    """None when this request may facilitate; otherwise the answer to give: sign in, the
    second factor when the account holds the role, `not_facilitator` raised when not."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if roles.is_facilitator(request):
        return None
    if roles.is_facilitator_account(request.user):
        return redirect_to_second_factor(request)
    raise not_facilitator


def facilitator_required(view):
    """For facilitator views: signed in, a facilitator, and the second factor used in
    this session."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return facilitation_refused(request) or view(request, *args, **kwargs)

    return wrapped
