from allauth.account.internal.flows.login import record_authentication
from allauth.core import context as allauth_context
from allauth.mfa.models import Authenticator
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import post_save
from django.dispatch import receiver

from accounts.roles import SECOND_FACTOR_METHOD
from accounts.services import session_forget, session_record


@receiver(user_logged_in)
def remember_session(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        if request.session.session_key is None:
            request.session.save()
        session_record(user=user, session_key=request.session.session_key)


@receiver(user_logged_out)
def forget_session(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session") and request.session.session_key:
        session_forget(session_key=request.session.session_key)


@receiver(post_save, sender=Authenticator)
def second_factor_set_up_counts_as_used(sender, instance, created, **kwargs):
    """Setting up an authenticator app proves the person holds it (they typed a code
    from it), so the session that did it has used its second factor. (allauth's own
    `authenticator_added` signal waits for the commit, after the session is saved.)"""
    request = getattr(allauth_context, "request", None)
    if (
        created
        and instance.type == Authenticator.Type.TOTP
        and request is not None
        and getattr(request, "user", None) is not None
        and request.user.pk == instance.user_id
    ):
        record_authentication(
            request, request.user, SECOND_FACTOR_METHOD, id=instance.pk, type=instance.type
        )
