"""'Download my data' holds everything about a person; 'Delete my account' leaves
nothing that points at them."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import models
from django.test import Client, RequestFactory
from wagtail.models import PageLogEntry, Revision
from wagtail.users.models import UserProfile

from accounts import views
from accounts.export import OMITTED, exported_relations, relation_key
from accounts.models import UserSession
from accounts.roles import EDITORS, MODERATORS
from accounts.services import user_relations
from tests.factories import (
    PASSWORD,
    BookletPageFactory,
    UserFactory,
    sign_in,
    totp_activate,
    totp_code,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def person_with_history(homes):
    """Someone who signed in, gave an email, set up MFA and edited a page."""
    person = UserFactory(
        username="cenzontle",
        email="cenzontle@example.org",
        groups=[EDITORS, MODERATORS],
    )
    secret = totp_activate(person)
    EmailAddress.objects.create(user=person, email=person.email, verified=True)
    UserProfile.get_for_user(person)
    booklet = BookletPageFactory(parent=homes["es"])
    booklet.save_revision(user=person).publish(user=person)
    browser = sign_in_with_second_factor("cenzontle", secret)
    return person, browser


def sign_in_with_second_factor(username, secret) -> Client:
    browser = Client()
    response = browser.post("/es/accounts/login/", {"login": username, "password": PASSWORD})
    assert response["Location"] == "/es/accounts/2fa/authenticate/"
    response = browser.post(response["Location"], {"code": totp_code(secret)})
    assert response.status_code == 302
    assert "_auth_user_id" in browser.session
    return browser


def download(browser) -> dict:
    response = browser.post("/es/accounts/my-data/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="claves-my-data-')
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    return json.loads(response.content)


def test_export_has_every_relation_to_the_person_unless_omitted_with_a_reason(
    person_with_history,
):
    _person, browser = person_with_history
    data = download(browser)
    every = {relation_key(model, field) for model, field in user_relations()}
    omitted = {f"{label.lower()}.{name}" for label, name in OMITTED}
    assert set(data["records"]) == every - omitted
    assert all(reason.strip() for reason in OMITTED.values())
    # A model added later is covered without anyone editing the export.
    assert {relation_key(m, f) for m, f in exported_relations()} == set(data["records"])


def test_export_holds_the_persons_records_and_no_secrets(person_with_history):
    _person, browser = person_with_history
    data = download(browser)
    assert data["account"]["username"] == "cenzontle"
    assert data["account"]["email"] == "cenzontle@example.org"
    assert data["groups"] == ["Editors", "Moderators"]
    assert len(data["records"]["accounts.usersession.user"]) == 1
    assert data["records"]["account.emailaddress.user"][0]["verified"] is True
    assert data["records"]["mfa.authenticator.user"][0]["type"] == "totp"
    assert data["records"]["wagtailcore.revision.user"]
    text = json.dumps(data)
    assert "password" not in data["account"]
    assert "session_key" not in text
    assert '"data"' not in json.dumps(data["records"]["mfa.authenticator.user"])


def test_deletion_asks_for_the_password_and_changes_nothing_when_wrong(person_with_history):
    person, browser = person_with_history
    response = browser.post("/es/accounts/delete/", {"password": "not it"})
    assert response.status_code == 200
    assert "Esa no es tu contraseña." in response.content.decode()
    assert get_user_model().objects.filter(pk=person.pk).exists()


def test_after_deletion_no_row_references_the_person_and_old_sessions_are_dead(
    person_with_history,
):
    person, browser = person_with_history
    other_browser = Client()  # a second device (a code cannot be used twice)
    sign_in(other_browser, person)
    old_cookie = other_browser.cookies["sessionid"].value
    person_id = person.pk
    revision_count = Revision.objects.count()

    response = browser.post("/es/accounts/delete/", {"password": PASSWORD})
    assert response.status_code == 302

    assert not get_user_model().objects.filter(pk=person_id).exists()
    for model, field in user_relations():
        if field.many_to_many:
            through = field.remote_field.through
            column = field.m2m_reverse_field_name() + "_id"
            assert not through.objects.filter(**{column: person_id}).exists(), field
        else:
            assert not model._base_manager.filter(**{field.attname: person_id}).exists(), (
                relation_key(model, field)
            )
    # What others rely on stays, without the person: the page's history.
    assert Revision.objects.count() == revision_count
    assert PageLogEntry.objects.filter(user_id__isnull=True).exists()

    stale = Client()
    stale.cookies["sessionid"] = old_cookie
    assert stale.get("/es/accounts/profile/").status_code == 302
    assert not UserSession.objects.filter(session_key=old_cookie).exists()


def test_no_ip_address_or_user_agent_is_stored_with_people():
    suspicious = []
    models_about_people = {model for model, _field in user_relations()} | {get_user_model()}
    for model in models_about_people:
        for field in model._meta.concrete_fields:
            name = field.name.lower()
            if (
                isinstance(field, models.GenericIPAddressField)
                or "ip_address" in name
                or ("user_agent" in name)
            ):
                suspicious.append(f"{model._meta.label}.{field.name}")
    assert suspicious == []


def test_passwords_never_reach_error_reports():
    person = UserFactory()
    request = RequestFactory().post("/es/accounts/delete/", {"password": "secret"})
    request.user = person
    request.session = {}
    request._messages = []
    views.delete_account(request)
    assert request.sensitive_post_parameters == ("password",)
