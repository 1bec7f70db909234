"""'Download my data' holds everything about a person; 'Delete my account' leaves
nothing that points at them."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import models
from django.test import Client, RequestFactory
from django.utils import translation
from wagtail.models import PageLogEntry, Revision
from wagtail.users.models import UserProfile

from accounts import views
from accounts.export import OMITTED, exported_relations, inherited_relations, relation_key
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


def download(browser, language="en") -> dict:
    with translation.override(language):  # the active language back after the request
        response = browser.post(f"/{language}/accounts/my-data/")
        content = b"".join(response.streaming_content)
    assert response.status_code == 200
    assert response.streaming, "the export streams, it is not built as one string"
    assert response["Content-Disposition"].startswith('attachment; filename="claves-my-data-')
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    return json.loads(content)


def section(data, title) -> list[dict]:
    return next(s["items"] for s in data["sections"] if s["title"] == title)


def test_every_relation_to_the_person_is_exported_unless_omitted_with_a_reason():
    every = {(model, field) for model, field in user_relations()}
    exported = set(exported_relations())
    inherited = set(inherited_relations())
    omitted = {
        (model, field) for model, field in every if (model._meta.label_lower, field.name) in OMITTED
    }
    assert exported | inherited | omitted == every
    assert all(reason.strip() for reason in OMITTED.values())
    # A booklet page's owner is the page's owner: those rows go out once, with the page.
    for model, field in inherited:
        assert (field.model, field) in exported, relation_key(model, field)
    # A model added later is covered without anyone editing the export.
    assert {relation_key(m, f) for m, f in exported} >= {"curriculum.journalentry.user"}


def test_export_holds_the_persons_records_and_no_secrets(person_with_history):
    _person, browser = person_with_history
    data = download(browser)
    assert data["account"]["Username"] == "cenzontle"
    assert data["account"]["Email address"] == "cenzontle@example.org"
    assert data["account"]["Roles"] == ["Editors", "Moderators"]
    assert len(section(data, "Devices where you are signed in")) == 1
    assert section(data, "Your e-mail addresses")[0]["Verified"] == "yes"
    assert section(data, "Your second step (authenticator app)")[0]["Type"]
    assert section(data, "Versions of pages you saved")
    assert section(data, "Page log entries (user)")[0]["Action"] == "wagtail.publish"
    text = json.dumps(data)
    assert "password" not in json.dumps(data["account"]).lower()
    assert "session_key" not in text and "Session key" not in text
    assert '"Data"' not in json.dumps(section(data, "Your second step (authenticator app)"))


def test_deletion_asks_for_the_password_and_changes_nothing_when_wrong(person_with_history):
    person, browser = person_with_history
    response = browser.post("/es/accounts/delete/", {"password": "not it"})
    assert response.status_code == 200
    assert "Esa no es tu contraseña." in response.content.decode()
    assert get_user_model().objects.filter(pk=person.pk).exists()


def test_deleting_the_account_asks_the_phone_to_drop_its_saved_copies(person_with_history):
    """Booklets saved to read offline and the site's cache stay on a shared phone unless
    the browser is told: deletion tells it, as signing out does."""
    _person, browser = person_with_history
    response = browser.post("/es/accounts/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    assert '"storage"' in response["Clear-Site-Data"]
    assert '"cache"' in response["Clear-Site-Data"]


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
