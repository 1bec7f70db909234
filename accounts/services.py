"""Writes for accounts: sessions, second-factor redirects, account deletion."""

from importlib import import_module

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.db import models, transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from accounts.models import UserSession
from accounts.roles import has_mfa


def _session_store():
    return import_module(settings.SESSION_ENGINE).SessionStore


def session_record(*, user, session_key: str) -> None:
    """Remember that `user` is signed in with this session (no IP, no user agent)."""
    if session_key:
        UserSession.objects.update_or_create(session_key=session_key, defaults={"user": user})


def session_forget(*, session_key: str) -> None:
    UserSession.objects.filter(session_key=session_key).delete()


def session_touch(*, session_key: str) -> None:
    UserSession.objects.filter(session_key=session_key).update(last_seen_at=timezone.now())


def session_cycle(*, request) -> None:
    """Give a session that gains powers a new key: whoever knew the old one (a session
    opened with the password alone) holds nothing."""
    old_key = request.session.session_key
    request.session.cycle_key()
    if old_key:
        UserSession.objects.filter(session_key=old_key).update(
            session_key=request.session.session_key
        )


def sessions_end_all(*, user) -> int:
    """Sign `user` out on every device: their sessions stop working at once."""
    store = _session_store()
    keys = list(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
    for key in keys:
        store(session_key=key).delete()
    UserSession.objects.filter(user=user).delete()
    return len(keys)


def redirect_to_second_factor(request):
    """Send a staff member whose session has no second factor to set one up, or, when
    they have one, to use it now; then back to where they were going."""
    if has_mfa(request.user):
        messages.info(
            request,
            _(
                "Your role gives you access to other people's work: enter a code from "
                "your authenticator app to continue."
            ),
        )
        target = reverse("mfa_reauthenticate")
    else:
        messages.warning(
            request,
            _(
                "Your role gives you access to other people's work, so your account needs a "
                "second factor. Set up an authenticator app to continue."
            ),
        )
        target = reverse("mfa_activate_totp")
    return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")


def user_relations():
    """Every (model, field) in the project that points at the user model."""
    User = get_user_model()
    from django.apps import apps

    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                field.is_relation
                and field.concrete
                and (field.many_to_one or field.one_to_one or field.many_to_many)
                and field.related_model is User
                and not field.auto_created
            ):
                yield model, field


@sensitive_variables("password")
@transaction.atomic
def user_delete(*, user, request=None) -> None:
    """Delete a person and everything that is theirs, and end all their sessions.

    Relations that cascade go with the account. Relations kept for others (for example
    a facilitator's log or a response others have answered) are declared with
    SET_NULL and show as "deleted participant". Relations that neither cascade nor
    null themselves (Wagtail's logs use DO_NOTHING) are nulled here, so that no row
    anywhere still points at the person.
    """
    sessions_end_all(user=user)
    for model, field in user_relations():
        if field.many_to_many:
            continue
        if field.remote_field.on_delete is models.DO_NOTHING:
            rows = model._base_manager.filter(**{field.attname: user.pk})
            if field.null:
                rows.update(**{field.attname: None})
            else:
                rows.delete()
    if request is not None:
        logout(request)
    user.delete()
