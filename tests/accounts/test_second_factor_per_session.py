"""The second factor belongs to the session, not only to the account: a staff member
signed in with the password alone (a stolen password) gets no staff power anywhere, and
losing the facilitator role ends every cohort's facilitation at once."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils.translation import override

from accounts.roles import EDITORS, FACILITATORS
from booklets.models import BookletPage, ModulePage
from booklets.services import edition_start
from tests.factories import (
    PASSWORD,
    BookletPageFactory,
    ModulePageFactory,
    UserFactory,
    block,
    body,
    facilitator,
    sign_in,
    sign_in_with_password_only,
    superuser,
    totp_activate,
    totp_code,
)
from workshops import services
from workshops.models import Membership

pytestmark = pytest.mark.django_db

SECRET = "Deja tiempo para el silencio después del caso"


def publish(page):
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def booklet_with_note(homes):
    booklet = publish(
        BookletPageFactory(parent=homes["es"], number=5, edition_number=1, edition_year=2020)
    )
    module = publish(
        ModulePageFactory(
            parent=booklet,
            slug="nota",
            body=body(
                block("text", "<p>Texto para todas las personas.</p>"),
                block("facilitator_note", {"note": f"<p>{SECRET}.</p>"}),
            ),
        )
    )
    # Start edition 2, so that edition 1 is an earlier edition with the note in it.
    edition_start(booklet=booklet, number=2, year=2026)
    booklet = BookletPage.objects.get(pk=booklet.pk)
    module = publish(ModulePage.objects.get(pk=module.pk))
    return booklet, module


def _cohort_of(person, homes):
    booklet = BookletPageFactory(parent=homes["es"])
    return services.cohort_create(
        facilitator=person,
        name="Grupo Centro",
        language="es",
        booklet_keys=[booklet.translation_key],
        starts_on="2026-11-01",
    )


def _dashboard(cohort) -> str:
    with override("es"):
        return reverse("workshops:dashboard", args=[cohort.pk])


@pytest.mark.parametrize("role", ["facilitator", "editor", "superuser"])
def test_a_password_only_session_of_staff_opens_nothing_of_staff(booklet_with_note, homes, role):
    booklet, module = booklet_with_note
    person = {
        "facilitator": facilitator,
        "editor": lambda: UserFactory(groups=[EDITORS], mfa=True),
        "superuser": superuser,
    }[role]()
    cohort = _cohort_of(person, homes) if role == "facilitator" else None
    client = Client()
    sign_in_with_password_only(client, person)

    for path in ("/admin/", "/admin/pages/", "/es/facilitar/"):
        answer = client.get(path)
        assert answer.status_code == 302, path
        assert answer["Location"].startswith("/es/accounts/2fa/reauthenticate/"), path
    if cohort is not None:
        dashboard = client.get(_dashboard(cohort))
        assert dashboard.status_code in {302, 404}
        assert "Grupo Centro" not in dashboard.content.decode()
    for path in (module.url, f"{booklet.url}print/", f"{booklet.url}edition/1/nota/"):
        answer = client.get(path)
        assert answer.status_code == 200, path
        assert SECRET not in answer.content.decode(), path

    # With the code from their app, in the same session, everything opens.
    sign_in(client, person)
    assert client.get("/admin/" if role != "facilitator" else "/es/facilitar/").status_code == 200
    for path in (module.url, f"{booklet.url}print/", f"{booklet.url}edition/1/nota/"):
        assert SECRET in client.get(path).content.decode(), path


def test_re_authenticating_with_the_code_opens_the_admin(homes):
    person = superuser(mfa=False)
    secret = totp_activate(person)
    client = Client()
    sign_in_with_password_only(client, person)
    ask = client.get("/admin/pages/")
    answer = client.post(ask["Location"], {"code": totp_code(secret)})
    assert answer.status_code == 302
    assert answer["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_setting_up_the_app_in_this_session_counts_as_using_it(homes):
    person = UserFactory(groups=[FACILITATORS])
    client = Client()
    sign_in(client, person)
    ask = client.get("/es/facilitar/")
    assert ask["Location"].startswith("/es/accounts/2fa/totp/activate/")
    confirm = client.get(ask["Location"])  # allauth asks for the password once more
    client.post(confirm["Location"], {"password": PASSWORD})
    client.get(ask["Location"])
    secret = client.session["mfa.totp.secret"]
    done = client.post(ask["Location"], {"code": totp_code(secret)})
    assert done.status_code == 302
    assert client.get("/es/facilitar/").status_code == 200


@pytest.mark.parametrize(
    "take_out",
    [
        lambda person, group: person.groups.remove(group),
        lambda person, group: group.user_set.remove(person),
        lambda person, group: person.groups.clear(),
        lambda person, group: group.user_set.clear(),
        lambda person, group: person.groups.set([]),
    ],
    ids=["groups.remove", "user_set.remove", "groups.clear", "user_set.clear", "groups.set"],
)
def test_taking_someone_out_of_facilitators_ends_their_facilitation(homes, take_out):
    person = facilitator()
    stays = UserFactory(groups=[EDITORS], mfa=True)  # editors may facilitate too
    cohort = _cohort_of(person, homes)
    other = _cohort_of(stays, homes)
    client = Client()
    sign_in(client, person)
    dashboard = _dashboard(cohort)
    assert client.get(dashboard).status_code == 200

    take_out(person, Group.objects.get(name=FACILITATORS))

    assert not Membership.objects.filter(user=person, cohort=cohort).exists()
    assert client.get(dashboard).status_code == 404
    assert Membership.objects.filter(user=stays, cohort=other).exists()
