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
    assert "La del río" in client.get("/en/").content.decode()


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
