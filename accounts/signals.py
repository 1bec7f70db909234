from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from django.contrib.auth.signals import user_logged_in, user_logged_out
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


@receiver(authenticator_added)
def second_factor_set_up_counts_as_used(sender, request, user, authenticator, **kwargs):
    """Setting up an authenticator app proves the person holds it (they typed a code
    from it), so the session that did it has used its second factor."""
    if request is not None and authenticator.type == Authenticator.Type.TOTP:
        record_authentication(
            request, user, SECOND_FACTOR_METHOD, id=authenticator.pk, type=authenticator.type
        )
