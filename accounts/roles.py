"""Who may see what. Every rule about roles is decided here and nowhere else."""

from django.contrib.auth.models import AnonymousUser

FACILITATORS = "Facilitators"
# Wagtail's own migrations create these two groups.
EDITORS = "Editors"
MODERATORS = "Moderators"

# Those who may read facilitator-only material: facilitators, and the editors and
# moderators who write it.
FACILITATOR_MATERIAL_GROUPS = frozenset({FACILITATORS, EDITORS, MODERATORS})


def _group_names(user) -> frozenset[str]:
    # Cached on the user object: asked once per request, however many blocks ask.
    if not hasattr(user, "_claves_group_names"):
        user._claves_group_names = frozenset(user.groups.values_list("name", flat=True))
    return user._claves_group_names


def is_facilitator(user) -> bool:
    """May this person read facilitator-only notes and guides?"""
    if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated:
        return False
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return bool(_group_names(user) & FACILITATOR_MATERIAL_GROUPS)


def role_of(user) -> str:
    """The coarse role that decides what a rendered page may contain (and so its cache)."""
    return "facilitator" if is_facilitator(user) else "reader"
