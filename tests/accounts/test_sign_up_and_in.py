"""Minimal identity: a username and a password, in either language; rate-limited."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.mark.parametrize("language", ["es", "en"])
def test_sign_up_with_only_a_username_and_password_lands_home_in_that_language(
    client, homes, language
):
    response = client.post(
        f"/{language}/accounts/signup/",
        {
            "username": "colibri",
            "password1": "una clave larga 2026",
            "password2": "una clave larga 2026",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/"
    person = User.objects.get(username="colibri")
    assert person.email == ""
    assert person.preferred_language == language
    assert person.display_name == "colibri"
    assert not person.groups.exists()  # everyone who signs up is a trainee
    home = client.get(response["Location"])
    assert home.wsgi_request.user == person


def test_sign_up_form_asks_for_no_real_name_and_no_required_email(client, homes):
    html = client.get("/es/accounts/signup/").content.decode()
    assert 'name="username"' in html and 'name="password1"' in html
    assert 'name="first_name"' not in html and 'name="last_name"' not in html
    assert 'name="email"' in html
    assert 'type="email" name="email" required' not in html


def test_sign_in_by_username_goes_home_in_the_preferred_language(client, homes):
    UserFactory(username="garza", preferred_language="en")
    response = client.post("/es/accounts/login/", {"login": "garza", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_an_unverified_email_cannot_be_used_to_sign_in(client, homes):
    person = UserFactory(username="tecolote", email="tecolote@example.org")
    address = EmailAddress.objects.create(user=person, email=person.email, verified=False)
    response = client.post(
        "/es/accounts/login/", {"login": "tecolote@example.org", "password": PASSWORD}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session

    address.verified = True
    address.save()
    response = client.post(
        "/es/accounts/login/", {"login": "tecolote@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == person.pk


def test_password_reset_says_the_same_for_known_and_unknown_addresses(client, homes, mailoutbox):
    person = UserFactory(username="quetzal", email="quetzal@example.org")
    EmailAddress.objects.create(user=person, email=person.email, verified=False)
    unknown = client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"})
    unverified = client.post("/en/accounts/password/reset/", {"email": "quetzal@example.org"})
    assert unknown.status_code == unverified.status_code == 302
    assert unknown["Location"] == unverified["Location"]
    # No reset link goes to an address that was never verified.
    assert not any(
        "quetzal@example.org" in m.to and "password/reset/key" in m.body for m in mailoutbox
    )


def test_the_sixth_failed_sign_in_within_five_minutes_is_refused(client, homes):
    UserFactory(username="jaguar")
    for _attempt in range(5):
        response = client.post("/en/accounts/login/", {"login": "jaguar", "password": "wrong"})
        assert response.status_code == 200
        assert "not correct" in response.content.decode()

    sixth = client.post("/en/accounts/login/", {"login": "jaguar", "password": PASSWORD})
    assert sixth.status_code == 200
    assert "Too many failed login attempts" in sixth.content.decode()
    assert "_auth_user_id" not in client.session


def test_refusal_is_in_spanish_on_the_spanish_form(client, homes):
    UserFactory(username="ocelote")
    for _attempt in range(5):
        client.post("/es/accounts/login/", {"login": "ocelote", "password": "mal"})
    sixth = client.post("/es/accounts/login/", {"login": "ocelote", "password": PASSWORD})
    assert "Demasiados intentos" in sixth.content.decode()


def test_the_admin_has_no_second_sign_in_form(client, homes):
    UserFactory(username="admin-person", is_superuser=True, is_staff=True)
    assert client.get("/admin/").status_code == 302
    redirect = client.get("/admin/login/")
    assert redirect["Location"].startswith("/es/accounts/login/")
    posted = client.post("/admin/login/", {"username": "admin-person", "password": PASSWORD})
    assert posted.status_code == 302
    assert "_auth_user_id" not in client.session
