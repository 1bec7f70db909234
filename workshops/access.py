"""Who may see which cohort. Every workshops view asks here, and only here.

Anything that is not the person's answers 404, so nobody learns that a cohort, an
exercise or a response exists."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404

from accounts.decorators import facilitation_refused
from workshops.models import Membership


def cohort_access(role: Membership.Role | None = None):
    """Decorator for the views of one cohort (`cohort_id` in the URL), which receive the
    cohort instead: its members only (with `role`, only those in that role), 404 for
    anyone else; its facilitators, only in a session where they used their second
    factor."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, cohort_id, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership = (
                Membership.objects.select_related("cohort")
                .filter(user=request.user, cohort_id=cohort_id)
                .first()
            )
            if membership is None or role not in (None, membership.role):
                raise Http404
            if membership.role == Membership.Role.FACILITATOR and (
                refused := facilitation_refused(request, not_facilitator=Http404)
            ):
                return refused
            return view(request, membership.cohort, *args, **kwargs)

        return wrapped

    return decorator
