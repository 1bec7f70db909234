"""Roles are groups made by migrations; an admin assigns them in the Wagtail admin."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import EDITORS, FACILITATORS, MODERATORS, is_facilitator_account
from tests.factories import UserFactory, sign_in, superuser

pytestmark = pytest.mark.django_db


def test_every_role_group_exists_with_its_permissions():
    permissions = {
        group.name: set(group.permissions.values_list("codename", flat=True))
        for group in Group.objects.filter(name__in=[FACILITATORS, EDITORS, MODERATORS])
    }
    assert set(permissions) == {FACILITATORS, EDITORS, MODERATORS}
    assert {"access_admin", "change_glossaryterm", "submit_translation"} <= permissions[EDITORS]
    assert {"access_admin", "delete_glossaryterm"} <= permissions[MODERATORS]
    assert "access_admin" not in permissions[FACILITATORS]


def test_an_admin_makes_someone_a_facilitator_without_any_real_name(client, homes):
    sign_in(client, superuser())
    facilitators = Group.objects.get(name=FACILITATORS)
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "lechuza",
            "display_name": "Lechuza",
            "preferred_language": "es",
            "email": "",
            "first_name": "",
            "last_name": "",
            "password1": "una clave larga 2026",
            "password2": "una clave larga 2026",
            "groups": [facilitators.pk],
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    person = get_user_model().objects.get(username="lechuza")
    assert (person.first_name, person.last_name, person.email) == ("", "", "")
    assert is_facilitator_account(person)


def test_an_admin_edits_roles_of_an_existing_person(client, homes):
    sign_in(client, superuser())
    person = UserFactory(username="colibri", first_name="", last_name="")
    editors = Group.objects.get(name=EDITORS)
    response = client.post(
        reverse("wagtailusers_users:edit", args=[person.pk]),
        {
            "username": "colibri",
            "display_name": "Colibrí",
            "preferred_language": "en",
            "email": "",
            "first_name": "",
            "last_name": "",
            "groups": [editors.pk],
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    person.refresh_from_db()
    assert list(person.groups.values_list("name", flat=True)) == [EDITORS]
    assert person.preferred_language == "en"


def test_asking_whether_a_trainee_is_a_facilitator_costs_one_query(rf, django_assert_num_queries):
    """Every page with a facilitator-only block asks; a trainee's answer needs only their
    roles, not their permissions, authenticator or session."""
    from accounts.roles import is_facilitator

    request = rf.get("/")
    request.user = UserFactory()
    request.session = {}
    with django_assert_num_queries(1):
        assert not is_facilitator(request)
        assert not is_facilitator(request)
