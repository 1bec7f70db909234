"""Factories shared by the test suite."""

import json
import time
import uuid

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from accounts.roles import EDITORS, FACILITATORS
from booklets.models import BookletPage, ModulePage, StandardPage
from curriculum.models import GlossaryTerm

PASSWORD = "a-long-test-password-1"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    display_name = factory.Sequence(lambda n: f"Persona {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        for name in extracted or []:
            self.groups.add(Group.objects.get_or_create(name=name)[0])
        if create:
            self.save()

    @factory.post_generation
    def mfa(self, create, extracted, **kwargs):
        """`mfa=True` gives the person an authenticator app (TOTP)."""
        if create and extracted:
            totp_activate(self)


def totp_activate(user) -> str:
    """Set up TOTP for `user` as allauth does; returns the secret, to make codes."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def totp_code(secret: str) -> str:
    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        hotp_value,
    )

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def sign_in(client, user):
    """Sign `user` in on the test client as allauth's flow would: with their password,
    and, when they have an authenticator app, with its code in the same session."""
    from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
    from allauth.mfa.models import Authenticator

    client.force_login(user)
    records = [{"method": "password", "at": time.time(), "username": user.username}]
    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if totp is not None:
        records.append({"method": "mfa", "at": time.time(), "id": totp.pk, "type": "totp"})
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()
    return user


def sign_in_with_password_only(client, user):
    """A session opened with the password alone, as a stolen password would."""
    from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY

    client.force_login(user)
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": time.time(), "username": user.username}
    ]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()
    return user


def trainee(**kwargs):
    return UserFactory(**kwargs)


def facilitator(**kwargs):
    kwargs.setdefault("mfa", True)
    return UserFactory(groups=[FACILITATORS], **kwargs)


def editor(**kwargs):
    kwargs.setdefault("mfa", True)
    return UserFactory(groups=[EDITORS], **kwargs)


def superuser(**kwargs):
    kwargs.setdefault("mfa", True)
    return UserFactory(is_superuser=True, is_staff=True, **kwargs)


class GlossaryTermFactory(DjangoModelFactory):
    class Meta:
        model = GlossaryTerm

    term = factory.Sequence(lambda n: f"Término {n}")
    definition = factory.Sequence(lambda n: f"Definición del término {n}.")
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="es"))


class BookletPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BookletPage

    title = factory.Sequence(lambda n: f"Cuadernillo {n}")
    slug = factory.Sequence(lambda n: f"cuadernillo-{n}")
    number = factory.Sequence(lambda n: n % 99 + 1)
    summary = "Un resumen breve del cuadernillo."
    theme_colour = "teal"


class ModulePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Módulo {n}")
    slug = factory.Sequence(lambda n: f"modulo-{n}")
    kind = "concepts"
    estimated_minutes = 20
    body = "[]"


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Página {n}")
    slug = factory.Sequence(lambda n: f"pagina-{n}")
    body = "[]"


def block(block_type: str, value) -> dict:
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def body(*blocks: dict) -> str:
    return json.dumps(list(blocks))
