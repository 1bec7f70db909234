"""Probes an outsider wrote against the first version of the second factor per
session: each one failed then and shows a hole that is now closed. Regression tests."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.test import Client

from accounts.roles import FACILITATORS
from tests.factories import (
    PASSWORD,
    UserFactory,
    sign_in,
    sign_in_with_password_only,
    superuser,
    totp_code,
)
from tests.security.conftest import leaked
from workshops.models import Membership

pytestmark = pytest.mark.django_db


def _staff_page_opens(client) -> bool:
    return client.get("/es/facilitar/").status_code == 200


# ---- HOLE 1 (high): the data export ------------------------------------------------------


@pytest.mark.parametrize("who", ["facilitator", "editor"])
def test_the_data_export_of_a_password_only_staff_session_holds_no_staff_material(world, who):
    """POST /es/accounts/my-data/ needs only @login_required. The export walks every
    relation to the user, so for a facilitator it carries the cohort's invitation codes
    (`workshops.invitation.created_by`: enough to join the cohort as a trainee from
    another account) and the feedback written on trainees' answers
    (`workshops.feedback.author`); for an editor it carries the body of every page
    they own (`booklets.modulepage.owner`) and every revision they saved
    (`wagtailcore.revision.user`), facilitator notes included."""
    person = getattr(world, who)
    client = Client()
    sign_in_with_password_only(client, person)
    answer = client.post("/es/accounts/my-data/")
    if answer.status_code == 200:
        assert leaked(answer.content, world) == []
    else:  # asking for the second factor first is the other acceptable answer
        assert answer.status_code == 302
        assert "/accounts/2fa/" in answer["Location"]


# ---- HOLE 2 (high): turning the password into the second factor -------------------------


def test_a_password_only_session_cannot_make_itself_recovery_codes_and_use_one(world):
    """allauth's recovery-code pages ask only for a *recent authentication*, and a
    password re-authentication (or the sign-in itself, within five minutes) is one. So a
    password-only session generates a fresh set of recovery codes, types one into the
    code step, and allauth records a second factor ("mfa"): every staff power opens."""
    client = Client()
    sign_in_with_password_only(client, world.facilitator)
    assert not _staff_page_opens(client)
    client.post("/es/accounts/reauthenticate/", {"password": PASSWORD})
    client.post("/es/accounts/2fa/recovery-codes/generate/", {})
    page = client.get("/es/accounts/2fa/recovery-codes/")
    codes = re.findall(r"\b[0-9a-f]{8}\b", page.content.decode())
    if codes:
        client.post("/es/accounts/2fa/reauthenticate/", {"code": codes[0]})
    assert not _staff_page_opens(client)
    assert (
        leaked(client.get(f"/es/talleres/{world.cohort.pk}/gestionar/notas/").content, world) == []
    )


def test_a_password_only_session_cannot_swap_the_authenticator_for_its_own(world):
    """The same recent password lets the session deactivate the person's authenticator
    app (allauth's deactivate page asks for no code), after which the site asks it to
    set one up, and setting one up counts as using it (accounts.signals): the attacker's
    phone now holds the facilitator's second factor."""
    client = Client()
    sign_in_with_password_only(client, world.facilitator)
    client.post("/es/accounts/reauthenticate/", {"password": PASSWORD})
    client.post("/es/accounts/2fa/totp/deactivate/", {})
    if not Authenticator.objects.filter(
        user=world.facilitator, type=Authenticator.Type.TOTP
    ).exists():
        client.get("/es/accounts/2fa/totp/activate/")
        # The set-up page shows this secret (as a QR code) to whoever holds the session.
        secret = client.session["mfa.totp.secret"]
        client.post("/es/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert not _staff_page_opens(client)


# ---- HOLE 3 (low): a removed authenticator keeps its sessions' powers -------------------


def test_removing_the_authenticator_ends_the_staff_powers_of_sessions_that_used_it(world):
    """A session that used the facilitator's authenticator keeps every staff power after
    that authenticator is removed (lost phone, suspected copy of the secret): allauth's
    record in the session is all that is checked, for up to SESSION_ABSOLUTE_TIMEOUT."""
    client = Client()
    sign_in(client, world.facilitator)
    assert _staff_page_opens(client)
    Authenticator.objects.filter(user=world.facilitator).delete()
    assert not _staff_page_opens(client)


# ---- HOLE 4 (low): the Facilitators group deleted or renamed -----------------------------


def test_deleting_the_facilitators_group_in_the_admin_ends_facilitation(world):
    """Settings → Groups → Facilitators → Delete (or renaming it) removes the role from
    everyone at once, but Django sends no m2m_changed for the cascade: every facilitator
    membership stays. Views refuse them today (they ask the role too), but the cohorts
    come back to whoever is put into a new "Facilitators" group later."""
    admin = superuser(username="administra")
    client = Client()
    sign_in(client, admin)
    group = Group.objects.get(name=FACILITATORS)
    answer = client.post(f"/admin/groups/delete/{group.pk}/")
    assert answer.status_code == 302
    assert not Group.objects.filter(name=FACILITATORS).exists()
    assert not Membership.objects.filter(
        user=world.facilitator, role=Membership.Role.FACILITATOR
    ).exists()


# ---- HOLE 5 (low): no new session key when the second factor is used ---------------------


@pytest.mark.parametrize("how", ["reauthenticate", "set up"])
def test_the_session_key_changes_when_a_session_gains_staff_powers(homes, how):
    """Gaining staff powers is a change of privilege, but the session keeps its key when
    the code is typed in an existing session (re-authentication) or an app is set up:
    whoever learnt the key of the password-only session now holds a staff session."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    person = UserFactory(groups=[FACILITATORS], username="cambia-llave")
    client = Client()
    if how == "reauthenticate":
        secret = generate_totp_secret()
        TOTP.activate(person, secret)
        sign_in_with_password_only(client, person)
        before = client.session.session_key
        client.post("/es/accounts/2fa/reauthenticate/", {"code": totp_code(secret)})
    else:
        client.post("/es/accounts/login/", {"login": person.username, "password": PASSWORD})
        before = client.session.session_key
        client.post("/es/accounts/reauthenticate/", {"password": PASSWORD})
        client.get("/es/accounts/2fa/totp/activate/")
        secret = client.session["mfa.totp.secret"]
        client.post("/es/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert _staff_page_opens(client)
    assert client.session.session_key != before


# ---- HOLE 6 (low): the list of cohorts one facilitates ----------------------------------


def test_a_password_only_facilitator_session_does_not_list_the_cohorts_it_facilitates(world):
    """/es/talleres/ (login_required only) lists the cohorts the account facilitates, with
    their names, dates and a link to manage them, in a password-only session. A cohort's
    name can say who its trainees are ("Familias de ..."); the second factor guards
    everything else about it."""
    client = Client()
    sign_in_with_password_only(client, world.facilitator)
    page = client.get("/es/talleres/").content.decode()
    assert world.cohort.name not in page


# ---- HOLE 7 (medium, deployment-dependent): the admin gate reads request.path ----------


@pytest.mark.parametrize("script_name", ["/x", "/claves"])
def test_the_admin_asks_for_the_second_factor_under_any_script_prefix(homes, script_name):
    """StaffSecondFactorMiddleware tests `request.path.startswith("/admin/")`, but Django
    routes on `request.path_info`; `request.path` is SCRIPT_NAME + path_info. Under any
    script prefix the gate never fires and a password-only staff session gets the whole
    Wagtail admin (users, every page with its facilitator notes, revisions):
    - a sub-path deployment (FORCE_SCRIPT_NAME, or a proxy that mounts the app under
      /claves/), or
    - gunicorn 27, which by default takes a `SCRIPT_NAME` request header from
      127.0.0.1 (`forwarder_headers = "SCRIPT_NAME,PATH_INFO"`): any proxy in front
      that passes header names with underscores (nginx drops them unless
      `underscores_in_headers on`), or anyone who reaches 127.0.0.1:8001, sends
      `SCRIPT_NAME: /x` with `GET /x/admin/users/`."""
    person = superuser(username="solo-clave")
    client = Client()
    sign_in_with_password_only(client, person)
    for path in ("/admin/", "/admin/users/", "/admin/pages/"):
        answer = client.get(path, SCRIPT_NAME=script_name)
        assert answer.status_code == 302, path
        assert "/accounts/2fa/" in answer["Location"], path
