from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_save,
    pre_delete,
    pre_save,
)
from django.dispatch import receiver

from workshops.services import facilitation_end_if_role_lost, participant_forget


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL)
def forget_unanswered_work(sender, instance, **kwargs):
    participant_forget(user=instance)


@receiver(m2m_changed, sender=get_user_model().groups.through)
def end_facilitation_when_taken_out_of_a_role(sender, instance, action, reverse, pk_set, **kwargs):
    """Groups changed from either side: a person's groups, or a group's people."""
    if action not in {"post_remove", "pre_clear", "post_clear"}:
        return
    if isinstance(instance, get_user_model()):
        if action != "pre_clear":
            facilitation_end_if_role_lost(user_ids=[instance.pk])
    elif action == "post_remove":
        facilitation_end_if_role_lost(user_ids=pk_set or [])
    elif action == "pre_clear":
        # After the clear nobody is left in the group to ask about: remember them now.
        instance._claves_cleared_user_ids = list(instance.user_set.values_list("pk", flat=True))
    else:
        facilitation_end_if_role_lost(user_ids=getattr(instance, "_claves_cleared_user_ids", []))


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def end_facilitation_when_no_longer_superuser(sender, instance, created, update_fields, **kwargs):
    if not created and (update_fields is None or "is_superuser" in update_fields):
        facilitation_end_if_role_lost(user_ids=[instance.pk])


@receiver(pre_delete, sender=Group)
@receiver(pre_save, sender=Group)
def remember_people_of_a_role_group(sender, instance, **kwargs):
    """Deleting or renaming a group sends no m2m signal for its people: remember them."""
    if instance.pk is None:
        return
    old_name = Group.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
    if old_name != instance.name or kwargs.get("signal") is pre_delete:
        instance._claves_people = list(instance.user_set.values_list("pk", flat=True))


@receiver(post_delete, sender=Group)
@receiver(post_save, sender=Group)
def end_facilitation_when_a_role_group_goes(sender, instance, **kwargs):
    people = getattr(instance, "_claves_people", None)
    if people:
        facilitation_end_if_role_lost(user_ids=people)
