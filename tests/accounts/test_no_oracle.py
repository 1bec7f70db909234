"""No oracle: the sign-up, sign-in, password reset and e-mail pages answer the same
whether an address or a username belongs to someone or not (where the form allows:
a username must be unique, so sign-up says when it is taken, and nothing more).

Each test makes the same request twice, once about someone who exists and once about
no one, and compares what the person at the keyboard sees: status, redirect, messages
and the text of the page they land on, with the address or name they typed replaced."""

import re

import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core.cache import cache
from django.test import Client

from tests.factories import PASSWORD, UserFactory, sign_in

pytestmark = pytest.mark.django_db

User = get_user_model()
NEW_PASSWORD = "una clave larga 2026"


def seen(client, response, **typed):
    """What a person sees: status, where they are sent, and the words of the page they
    end on, with what they typed (values of `typed`) replaced by its name."""
    location = response.get("Location", "")
    page = client.get(location, follow=True) if response.status_code == 302 else response
    soup = BeautifulSoup(page.content, "html.parser")
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    text = " ".join(soup.get_text(" ").split())
    for name, value in sorted(typed.items(), key=lambda item: -len(item[1])):
        text = re.sub(re.escape(value), f"<{name}>", text, flags=re.IGNORECASE)
        location = location.replace(value, f"<{name}>")
    return {"status": response.status_code, "location": location, "text": text}


def verified_owner(username, email):
    person = UserFactory(username=username, email=email)
    EmailAddress.objects.create(user=person, email=email, verified=True, primary=True)
    return person


def sign_up(client, username, email, language="en"):
    return client.post(
        f"/{language}/accounts/signup/",
        {
            "username": username,
            "email": email,
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )


def links_in(message) -> list[str]:
    return re.findall(r"https?://\S+", message.body)


# --- Sign-up ---------------------------------------------------------------------------


@pytest.mark.parametrize("owner_verified", [True, False], ids=["verified", "unverified"])
def test_signing_up_with_someone_elses_address_looks_like_any_sign_up(
    homes, mailoutbox, owner_verified
):
    owner = UserFactory(username="quetzal", email="quetzal@example.org")
    EmailAddress.objects.create(
        user=owner, email="quetzal@example.org", verified=owner_verified, primary=True
    )

    first, second = Client(), Client()
    taken = sign_up(first, "colibri", "quetzal@example.org")
    free = sign_up(second, "garza", "garza@example.org")

    assert seen(first, taken, name="colibri", address="quetzal@example.org") == seen(
        second, free, name="garza", address="garza@example.org"
    )
    assert taken.status_code == 302
    # Both are signed in to their new account, which keeps the address, unverified.
    newcomer = User.objects.get(username="colibri")
    assert int(first.session["_auth_user_id"]) == newcomer.pk
    assert EmailAddress.objects.filter(
        user=newcomer, email="quetzal@example.org", verified=False
    ).exists()
    # The owner's account is untouched.
    assert EmailAddress.objects.get(user=owner).verified is owner_verified


def test_the_owner_of_a_verified_address_is_told_instead_of_sent_a_link(homes, mailoutbox):
    owner = verified_owner("quetzal", "quetzal@example.org")
    sign_up(Client(), "colibri", "quetzal@example.org")
    sign_up(Client(), "garza", "garza@example.org")

    to_owner = [m for m in mailoutbox if m.to == ["quetzal@example.org"]]
    to_newcomer = [m for m in mailoutbox if m.to == ["garza@example.org"]]
    assert len(to_owner) == len(to_newcomer) == 1
    # The owner learns that someone tried their address and how to recover their
    # account; there is nothing to confirm, and no link that would tie it to another.
    assert "already exists" in to_owner[0].body
    assert "colibri" not in to_owner[0].body
    assert not any("confirm-email" in link for link in links_in(to_owner[0]))
    assert any("confirm-email" in link for link in links_in(to_newcomer[0]))
    # The owner still signs in with it.
    client = Client()
    response = client.post("/en/accounts/login/", {"login": owner.email, "password": PASSWORD})
    assert int(client.session["_auth_user_id"]) == owner.pk
    assert response.status_code == 302


def test_a_taken_username_is_the_only_thing_sign_up_says(homes, mailoutbox):
    verified_owner("quetzal", "quetzal@example.org")
    UserFactory(username="garza")

    first, second = Client(), Client()
    both_taken = sign_up(first, "Quetzal", "quetzal@example.org")
    name_taken = sign_up(second, "garza", "nadie@example.org")

    assert both_taken.status_code == name_taken.status_code == 200
    assert set(both_taken.context["form"].errors) == {"username"}
    assert both_taken.context["form"].errors == name_taken.context["form"].errors
    assert seen(first, both_taken, name="Quetzal", address="quetzal@example.org") == seen(
        second, name_taken, name="garza", address="nadie@example.org"
    )
    assert not User.objects.filter(username__in=["Quetzal"]).exclude(username="quetzal")
    assert mailoutbox == []


# --- Sign-in ---------------------------------------------------------------------------


@pytest.fixture
def hashes(monkeypatch):
    """Counts password hashes computed: the slow part whose count an attacker could
    time. The test settings use the MD5 hasher; production's does the same work."""
    calls = []
    encode = MD5PasswordHasher.encode

    def counted(self, password, salt):
        calls.append(1)
        return encode(self, password, salt)

    monkeypatch.setattr(MD5PasswordHasher, "encode", counted)
    return calls


def test_an_unknown_username_and_a_wrong_password_look_and_cost_the_same(homes, hashes):
    UserFactory(username="quetzal")
    answers, costs = [], []
    for login in ["quetzal", "nobody"]:
        client = Client()
        hashes.clear()
        response = client.post("/en/accounts/login/", {"login": login, "password": "wrong"})
        costs.append(len(hashes))
        answers.append(seen(client, response, login=login))
    assert answers[0] == answers[1]
    assert answers[0]["status"] == 200
    assert costs[0] == costs[1]


def test_an_unknown_address_and_a_wrong_password_look_and_cost_the_same(homes, hashes):
    verified_owner("quetzal", "quetzal@example.org")
    unverified = UserFactory(username="garza", email="garza@example.org")
    EmailAddress.objects.create(user=unverified, email=unverified.email, verified=False)
    answers, costs = [], []
    for login in ["quetzal@example.org", "garza@example.org", "nadie@example.org"]:
        client = Client()
        hashes.clear()
        response = client.post("/en/accounts/login/", {"login": login, "password": "wrong"})
        costs.append(len(hashes))
        answers.append(seen(client, response, login=login))
    assert answers[0] == answers[1] == answers[2]
    assert costs[0] == costs[1] == costs[2], costs


# --- Password reset --------------------------------------------------------------------


def test_password_reset_answers_the_same_for_known_unverified_and_unknown_addresses(homes):
    verified_owner("quetzal", "quetzal@example.org")
    unverified = UserFactory(username="garza", email="garza@example.org")
    EmailAddress.objects.create(user=unverified, email=unverified.email, verified=False)
    answers = []
    for address in ["quetzal@example.org", "garza@example.org", "nadie@example.org"]:
        client = Client()
        response = client.post("/en/accounts/password/reset/", {"email": address})
        answers.append(seen(client, response, address=address))
    assert answers[0] == answers[1] == answers[2]
    assert answers[0]["status"] == 302


# --- Adding an e-mail address ----------------------------------------------------------


def test_adding_someone_elses_address_looks_like_adding_any_address(homes, mailoutbox):
    owner = verified_owner("quetzal", "quetzal@example.org")
    answers = []
    for username, address in [("colibri", owner.email), ("garza", "garza@example.org")]:
        client = Client()
        person = sign_in(client, UserFactory(username=username, display_name=username))
        response = client.post("/en/accounts/email/", {"action_add": "", "email": address})
        answers.append(seen(client, response, address=address, name=username))
        assert EmailAddress.objects.filter(user=person, email=address, verified=False).exists()
    assert answers[0] == answers[1]
    assert answers[0]["status"] == 302

    to_owner = [m for m in mailoutbox if m.to == [owner.email]]
    assert len(to_owner) == 1
    assert not any("confirm-email" in link for link in links_in(to_owner[0]))
    assert EmailAddress.objects.get(user=owner).verified


def test_asking_again_for_a_link_to_someone_elses_address_sends_none(homes, mailoutbox):
    owner = verified_owner("quetzal", "quetzal@example.org")
    client = Client()
    sign_in(client, UserFactory(username="colibri"))
    client.post("/en/accounts/email/", {"action_add": "", "email": owner.email})
    mailoutbox.clear()
    cache.clear()  # past allauth's three-minute pause between two mails to one address
    response = client.post("/en/accounts/email/", {"action_send": "", "email": owner.email})
    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [[owner.email]]
    assert not any("confirm-email" in link for link in links_in(mailoutbox[0]))
