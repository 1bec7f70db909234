from django.conf import settings
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from workshops.services import participant_forget


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL)
def forget_unanswered_work(sender, instance, **kwargs):
    participant_forget(user=instance)
