from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.account.internal.flows.login import get_authentication_records, record_authentication
from allauth.core import context as allauth_context
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_used
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.users.models import UserProfile

from accounts.roles import SECOND_FACTOR_METHOD
from accounts.services import session_cycle, session_forget, session_record


@receiver(user_logged_in)
def remember_session(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        if request.session.session_key is None:
            request.session.save()
        session_record(user=user, session_key=request.session.session_key)


@receiver(user_logged_in)
def a_sign_in_is_a_fresh_confirmation(sender, request, user, **kwargs):
    """Someone who typed their password (and code) seconds ago is not asked for it again
    on the next page, such as setting up the second factor right after signing in.
    allauth only counts records it marked at a reauthentication, for
    ACCOUNT_REAUTHENTICATION_TIMEOUT; this sign-in's records count the same way."""
    if request is None or not hasattr(request, "session"):
        return
    records = get_authentication_records(request, user)
    if records:
        for record in records:
            record["reauthenticated"] = True
        request.session[AUTHENTICATION_METHODS_SESSION_KEY] = records


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
        session_cycle(request=request)


@receiver(authenticator_used)
def new_session_key_when_the_code_is_given_again(sender, request, reauthenticated=False, **kwargs):
    """Signing in cycles the key already; giving the code later (to open staff pages in
    a session that had not used it) gains powers too, so it gets a new key as well."""
    if reauthenticated and request is not None and hasattr(request, "session"):
        session_cycle(request=request)


# One language per person: ours (`User.preferred_language`, chosen on the profile page or
# by an administrator) is also the Wagtail admin's, and a change made on Wagtail's own
# account page comes back to ours. Saved with `update()`, so neither save calls the other.


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def admin_language_follows_preferred_language(
    sender, instance, raw=False, update_fields=None, **kwargs
):
    if raw or (update_fields is not None and "preferred_language" not in update_fields):
        return
    profile, _created = UserProfile.objects.get_or_create(user=instance)
    if profile.preferred_language != instance.preferred_language:
        UserProfile.objects.filter(pk=profile.pk).update(
            preferred_language=instance.preferred_language
        )


@receiver(post_save, sender=UserProfile)
def preferred_language_follows_admin_language(sender, instance, raw=False, **kwargs):
    if raw or instance.preferred_language not in dict(settings.LANGUAGES):
        return
    get_user_model().objects.filter(pk=instance.user_id).exclude(
        preferred_language=instance.preferred_language
    ).update(preferred_language=instance.preferred_language)
