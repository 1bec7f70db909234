"""Probes an outsider wrote against the first version of the one way in: each one failed
then and shows a hole that is now closed. Kept as regression tests."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_reset_page_mails_nothing_to_an_address_nobody_verified(homes):
    """with ACCOUNT_PREVENT_ENUMERATION and allauth's default
    ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS=True, typing any address into the reset page makes
    Claves mail it ("[Claves] Cuenta desconocida ... someone tried to access an account
    with this address; sign up here"): an address typed but never confirmed, or anyone's
    address at all. No reset link, but anyone can make Claves write to a person at risk
    (or to the people around them) about an account on a psychosocial-support platform,
    up to the reset limits (20/m per IP, 5/m per address)."""
    unverified = UserFactory(username="sinverificar", email="sinverificar@example.org")
    EmailAddress.objects.create(user=unverified, email=unverified.email, verified=False)
    for typed in ("sinverificar@example.org", "alguien-en-riesgo@example.org"):
        Client().post("/es/accounts/password/reset/", {"email": typed})
    assert [m.to for m in mail.outbox] == []
