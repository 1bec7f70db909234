"""Closing accounts in bulk from Settings → Users signs those people out at once."""

import pytest
from django.test import Client

from tests.factories import sign_in, superuser, trainee

pytestmark = pytest.mark.django_db


def test_bulk_deactivation_ends_every_session_of_those_people(homes):
    admin, person, other = superuser(), trainee(), trainee()
    admin_client, person_client, other_client = Client(), Client(), Client()
    sign_in(admin_client, admin)
    sign_in(person_client, person)
    sign_in(other_client, other)
    assert person_client.get("/es/accounts/profile/").status_code == 200

    answer = admin_client.post(
        f"/admin/bulk/accounts/user/set_active_state/?id={person.pk}&next=/admin/users/",
        {"mark_as_active": "False"},
    )
    assert answer.status_code == 302
    person.refresh_from_db()
    assert not person.is_active
    assert not person.tracked_sessions.exists()
    assert person_client.get("/es/accounts/profile/").status_code == 302
    assert other_client.get("/es/accounts/profile/").status_code == 200
