import pytest

from tests.factories import PASSWORD, UserFactory, sign_in

pytestmark = pytest.mark.django_db


def test_profile_changes_the_display_name_and_language(client, homes):
    person = UserFactory(username="mapache", display_name="mapache")
    sign_in(client, person)
    response = client.post(
        "/es/accounts/profile/", {"display_name": "La del río", "preferred_language": "en"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/profile/"
    person.refresh_from_db()
    assert (person.display_name, person.preferred_language) == ("La del río", "en")

    client.logout()
    again = client.post("/es/accounts/login/", {"login": "mapache", "password": PASSWORD})
    assert again["Location"] == "/en/"
    assert "La del río" in client.get("/en/accounts/profile/").content.decode()


def test_an_empty_display_name_is_refused_with_a_clear_message(client, homes):
    person = UserFactory(display_name="Garza")
    sign_in(client, person)
    response = client.post(
        "/es/accounts/profile/", {"display_name": "   ", "preferred_language": "es"}
    )
    assert response.status_code == 200
    assert "Elige un nombre que verán las demás personas." in response.content.decode()
    person.refresh_from_db()
    assert person.display_name == "Garza"


def test_account_pages_need_a_signed_in_person(client, homes):
    for path in ("profile/", "sessions/", "my-data/", "delete/"):
        response = client.get(f"/es/accounts/{path}")
        assert response.status_code == 302
        assert response["Location"].startswith("/es/accounts/login/")


def test_the_admin_speaks_the_language_chosen_on_the_profile_and_back(client, homes):
    from wagtail.users.models import UserProfile

    person = UserFactory(username="cacomixtle", preferred_language="es")
    sign_in(client, person)
    client.post("/es/accounts/profile/", {"display_name": "Caco", "preferred_language": "en"})
    admin_profile = UserProfile.get_for_user(person)
    assert admin_profile.preferred_language == "en"

    admin_profile.preferred_language = "es"
    admin_profile.save()
    person.refresh_from_db()
    assert person.preferred_language == "es"


def test_signing_in_saves_the_last_sign_in_and_nothing_else(django_assert_num_queries):
    """Every sign-in saves last_login: the language sync stays out of that save."""
    from django.utils import timezone

    person = UserFactory()
    person.last_login = timezone.now()
    with django_assert_num_queries(1):
        person.save(update_fields=["last_login"])
