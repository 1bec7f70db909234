"""Facilitators, editors and moderators need a second factor before staff pages open."""

import pytest

from accounts.roles import EDITORS, FACILITATORS, MODERATORS
from tests.factories import UserFactory, editor, facilitator, sign_in, totp_activate, trainee

pytestmark = pytest.mark.django_db

FACILITATOR_HOME = "/es/facilitar/"


@pytest.mark.parametrize("group", [FACILITATORS, EDITORS, MODERATORS])
def test_staff_without_a_second_factor_are_sent_to_set_it_up(client, homes, group):
    person = UserFactory(groups=[group])
    sign_in(client, person)
    for path in ("/admin/", FACILITATOR_HOME):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/es/accounts/2fa/totp/activate/"), path


def test_with_a_second_factor_the_facilitator_area_opens(client, homes):
    sign_in(client, facilitator())
    assert client.get(FACILITATOR_HOME).status_code == 200


def test_with_a_second_factor_an_editor_reaches_the_admin(client, homes):
    sign_in(client, editor())
    assert client.get("/admin/").status_code == 200


def test_a_trainee_has_no_facilitator_area(client, homes):
    sign_in(client, trainee())
    assert client.get(FACILITATOR_HOME).status_code == 403
    anonymous = client.__class__()
    assert anonymous.get(FACILITATOR_HOME)["Location"].startswith("/es/accounts/login/")


def test_setting_up_the_second_factor_page_opens_for_staff(client, homes):
    person = UserFactory(groups=[FACILITATORS])
    sign_in(client, person)
    page = client.get("/es/accounts/2fa/totp/activate/", follow=True)
    assert page.status_code == 200
    totp_activate(person)  # set up elsewhere: this session has not used it yet
    assert client.get(FACILITATOR_HOME)["Location"].startswith("/es/accounts/2fa/reauthenticate/")
