"""Who may see what. Every rule about roles is decided here and nowhere else."""

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


def is_facilitator(user) -> bool:
    """May this person read facilitator-only notes and guides?"""
    if not _is_signed_in(user):
        return False
    return user.is_superuser or bool(_group_names(user) & FACILITATOR_MATERIAL_GROUPS)


def requires_mfa(user) -> bool:
    """Must this person have a second factor before facilitator views or the admin?"""
    if not _is_signed_in(user):
        return False
    return user.is_superuser or user.is_staff or bool(_group_names(user) & STAFF_GROUPS)


def has_mfa(user) -> bool:
    """Has this person set up an authenticator app (TOTP)?"""
    if not _is_signed_in(user):
        return False
    if not hasattr(user, "_claves_has_mfa"):
        from allauth.mfa.models import Authenticator

        user._claves_has_mfa = Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists()
    return user._claves_has_mfa
