"""Who may see which cohort. Every workshops view asks here, and only here.

Anything that is not the person's answers 404, so nobody learns that a cohort, an
exercise or a response exists."""

from django.http import Http404

from workshops.models import Cohort, Membership


def cohort_for_member(*, user, cohort_id: int) -> tuple[Cohort, str]:
    """The cohort and the person's role in it, or 404."""
    if not getattr(user, "is_authenticated", False):
        raise Http404
    membership = (
        Membership.objects.select_related("cohort").filter(user=user, cohort_id=cohort_id).first()
    )
    if membership is None:
        raise Http404
    return membership.cohort, membership.role


def cohort_for_facilitator(*, user, cohort_id: int) -> Cohort:
    cohort, role = cohort_for_member(user=user, cohort_id=cohort_id)
    if role != Membership.Role.FACILITATOR:
        raise Http404
    return cohort


def cohort_for_trainee(*, user, cohort_id: int) -> Cohort:
    cohort, role = cohort_for_member(user=user, cohort_id=cohort_id)
    if role != Membership.Role.TRAINEE:
        raise Http404
    return cohort
