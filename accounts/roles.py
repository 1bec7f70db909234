"""Who may see what. Every rule about roles is decided here and nowhere else.

Staff powers (the Wagtail admin, facilitator pages and cohort management, facilitator-only
material) belong to a *session*, not only to an account: a password alone never opens
them. They open only where the person used their second factor in this very session
(allauth's authentication records), so a stolen password gets no further than a
trainee's view.
"""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import AnonymousUser

FACILITATORS = "Facilitators"
# Wagtail's own migrations create these two groups.
EDITORS = "Editors"
MODERATORS = "Moderators"

# Those who may read facilitator-only material: facilitators, and the editors and
# moderators who write it.
FACILITATOR_MATERIAL_GROUPS = frozenset({FACILITATORS, EDITORS, MODERATORS})
# Those whose account must be protected by a second factor.
STAFF_GROUPS = FACILITATOR_MATERIAL_GROUPS

# allauth's record of a second factor (TOTP or a recovery code) used in the session.
SECOND_FACTOR_METHOD = "mfa"


def _group_names(user) -> frozenset[str]:
    # Cached on the user object: asked once per request, however many blocks ask.
    if not hasattr(user, "_claves_group_names"):
        user._claves_group_names = frozenset(user.groups.values_list("name", flat=True))
    return user._claves_group_names


def _is_signed_in(user) -> bool:
    return (
        user is not None
        and not isinstance(user, AnonymousUser)
        and user.is_authenticated
        and user.is_active
    )


def requires_mfa(user) -> bool:
    """Is this a staff account (facilitator, editor, moderator, administrator), which
    needs a second factor before any staff power opens?"""
    if not _is_signed_in(user):
        return False
    return (
        user.is_superuser
        or user.is_staff
        or bool(_group_names(user) & STAFF_GROUPS)
        or user.has_perm("wagtailadmin.access_admin")
    )


def has_mfa(user) -> bool:
    """Has this person set up an authenticator app (TOTP)?"""
    if not _is_signed_in(user):
        return False
    if not hasattr(user, "_claves_has_mfa"):
        user._claves_has_mfa = Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists()
    return user._claves_has_mfa


def second_factor_used(request) -> bool:
    """Did the person signed in on this request use their second factor in this
    session (at sign-in, on re-authentication, or when they set it up)?"""
    if request is None or not hasattr(request, "session"):
        return False
    user = getattr(request, "user", None)
    if not _is_signed_in(user):
        return False
    return any(
        isinstance(record, dict) and record.get("method") == SECOND_FACTOR_METHOD
        for record in get_authentication_records(request, user)
    )


def staff_powers(request) -> bool:
    """May this request use staff powers? Only a staff account, in a session where its
    second factor (an authenticator it still has) was used. The one rule the admin,
    facilitator views, cohort management and facilitator-only blocks all ask."""
    user = getattr(request, "user", None) if request is not None else None
    return requires_mfa(user) and has_mfa(user) and second_factor_used(request)


def owes_second_factor(request) -> bool:
    """Is this a session that must still use (or, for staff without one, set up) a
    second factor before the account's own pages open? Staff, and anyone with an
    authenticator app, in a session that has not used it."""
    user = getattr(request, "user", None) if request is not None else None
    if not (requires_mfa(user) or has_mfa(user)):
        return False
    return not (has_mfa(user) and second_factor_used(request))


def is_facilitator(request) -> bool:
    """May this request read facilitator-only notes and guides, and run cohorts? The
    account's roles are asked first: every page with a facilitator-only block asks, and
    for a trainee that needs neither their permissions nor their authenticator."""
    user = getattr(request, "user", None) if request is not None else None
    return is_facilitator_account(user) and staff_powers(request)


def is_facilitator_account(user) -> bool:
    """Does this account hold a facilitator role (whatever the session)? For deciding
    what to offer, never for what to show."""
    if not _is_signed_in(user):
        return False
    return user.is_superuser or bool(_group_names(user) & FACILITATOR_MATERIAL_GROUPS)
