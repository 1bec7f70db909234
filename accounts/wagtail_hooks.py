from django.db import transaction
from wagtail import hooks
from wagtail.users.views.bulk_actions.set_active_state import SetActiveStateBulkAction

from accounts.services import sessions_end_all


class SetActiveStateEndingSessions(SetActiveStateBulkAction):
    """Wagtail's bulk "set active state", except that closing accounts signs those
    people out everywhere at once, and only an administrator may close an
    administrator's account."""

    def check_perm(self, obj):
        return super().check_perm(obj) and (self.request.user.is_superuser or not obj.is_superuser)

    @classmethod
    def execute_action(cls, objects, mark_as_active=False, model=None, **kwargs):
        with transaction.atomic():
            result = super().execute_action(
                objects, mark_as_active=mark_as_active, model=model, **kwargs
            )
            if not mark_as_active:
                acting = kwargs.get("user")
                for person in objects:
                    if acting is None or person.pk != acting.pk:
                        sessions_end_all(user=person)
        return result


# Registered after wagtail.users' own action, which it replaces.
hooks.register("register_bulk_action", SetActiveStateEndingSessions, order=100)
