"""Settings → Users in the Wagtail admin: an administrator creates, edits, deactivates and
reactivates people and gives or takes their roles, with the fields Claves' user model
needs (no real names). Every form here is submitted as a browser would send the screen
it was shown, so a required field that the screen does not show fails the test."""

import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from accounts.models import UserSession
from accounts.roles import EDITORS, FACILITATORS, MODERATORS
from tests.factories import UserFactory, editor, sign_in, superuser, trainee

pytestmark = pytest.mark.django_db

User = get_user_model()
NEW_PASSWORD = "una clave larga 2026"
INDEX = reverse("wagtailusers_users:index")
ADD = reverse("wagtailusers_users:add")


def edit_url(person) -> str:
    return reverse("wagtailusers_users:edit", args=[person.pk])


def group_pk(name: str) -> str:
    # Migrations make the role groups; get_or_create survives a flushed test database.
    return str(Group.objects.get_or_create(name=name)[0].pk)


# -- what a browser sees and sends --------------------------------------------------------


def _form(response):
    assert response.status_code == 200, response.status_code
    form = BeautifulSoup(response.content, "html.parser").find("form", id="w-editor-form")
    assert form is not None, "no user form on the page"
    return form


def shown_fields(response) -> set[str]:
    form = _form(response)
    return {
        element["name"]
        for element in form.find_all(["input", "select", "textarea"])
        if element.get("name") and element.get("type") != "hidden"
    }


def browser_data(response) -> dict:
    """What a browser submits for the form on `response`, untouched by the person."""
    data: dict[str, list[str]] = {}
    for element in _form(response).find_all(["input", "select", "textarea"]):
        name = element.get("name")
        if not name:
            continue
        if element.name == "select":
            options = element.find_all("option")
            chosen = [o for o in options if o.has_attr("selected")] or options[:1]
            data.setdefault(name, []).extend(o.get("value", o.text) for o in chosen)
        elif element.name == "textarea":
            data.setdefault(name, []).append(element.text)
        elif element.get("type") in ("checkbox", "radio"):
            if element.has_attr("checked"):
                data.setdefault(name, []).append(element.get("value", "on"))
        elif element.get("type") not in ("submit", "button"):
            data.setdefault(name, []).append(element.get("value", ""))
    return data


def submit(client, url: str, **changes):
    """Open the screen at `url` and send it back with `changes`: a value sets a field,
    a list sets every ticked box, False unticks a checkbox."""
    data = browser_data(client.get(url))
    for name, value in changes.items():
        if value is False:
            data.pop(name, None)
        elif value is True:
            data[name] = ["on"]
        else:
            data[name] = value if isinstance(value, list) else [value]
    return client.post(url, data)


def field_error(response, name: str) -> str:
    """The error shown beside the field `name`, or '' when there is none."""
    page = BeautifulSoup(response.content, "html.parser")
    element = page.find(attrs={"name": name})
    assert element is not None, f"field {name} is not shown"
    field = element.find_parent(class_="w-field")
    message = field.select_one(".w-field__errors .error-message")
    return " ".join(message.get_text().split()) if message else ""


def listing_row(client, person) -> dict[str, str]:
    """The person's row in Settings → Users, cell class → text."""
    response = client.get(INDEX)
    assert response.status_code == 200
    listing = BeautifulSoup(response.content, "html.parser").find("table", class_="listing")
    link = listing.find("a", href=edit_url(person))
    assert link is not None, f"{person.username} is not in the listing"
    row = link.find_parent("tr")
    cells = {}
    for cell in row.find_all("td"):
        for css_class in cell.get("class", []):
            cells[css_class] = " ".join(cell.get_text().split())
    cells["name"] = " ".join(link.get_text().split())  # without the row's action menu
    return cells


def roles_shown(row: dict[str, str]) -> set[str]:
    return {name for name in row["roles"].split(", ") if name}


def _in_spanish(message: str) -> str:
    """A message of ours as the Spanish catalogue has it (the admin's language here)."""
    with translation.override("es"):
        return gettext(message)


@pytest.fixture
def admin(client, homes):
    for name in (FACILITATORS, EDITORS, MODERATORS):
        group_pk(name)
    person = superuser(username="admin-kinkajou", display_name="Kinkajú")
    sign_in(client, person)
    return person


# -- the screens show what our people need, and nothing more ------------------------------


EVERY_SCREEN_FIELD = {
    "username",
    "display_name",
    "email",
    "preferred_language",
    "password1",
    "password2",
    "is_superuser",
    "groups",
}


@pytest.mark.parametrize(
    ("screen", "only_here"),
    [("add", set()), ("edit", {"is_active"})],
)
def test_each_screen_shows_every_field_a_person_needs_and_no_real_names(
    client, admin, screen, only_here
):
    url = ADD if screen == "add" else edit_url(UserFactory(username="tlacuache"))
    fields = shown_fields(client.get(url))
    assert EVERY_SCREEN_FIELD | only_here <= fields
    assert not fields & {"first_name", "last_name"}


# -- create -------------------------------------------------------------------------------


def test_an_admin_creates_a_person_with_roles_and_no_email(client, admin):
    response = submit(
        client,
        ADD,
        username="lechuza",
        display_name="Lechuza",
        password1=NEW_PASSWORD,
        password2=NEW_PASSWORD,
        groups=[group_pk(FACILITATORS), group_pk(EDITORS)],
    )
    assert response.status_code == 302, field_error(response, "password2")
    person = User.objects.get(username="lechuza")
    assert person.display_name == "Lechuza"
    assert (person.first_name, person.last_name, person.email) == ("", "", "")
    assert person.is_active and not person.is_superuser
    assert person.check_password(NEW_PASSWORD)
    assert set(person.groups.values_list("name", flat=True)) == {FACILITATORS, EDITORS}
    assert not EmailAddress.objects.filter(user=person).exists()
    row = listing_row(client, person)
    assert row["name"] == "Lechuza"
    assert row["username"] == "lechuza"
    assert roles_shown(row) == {_in_spanish(FACILITATORS), _in_spanish(EDITORS)}


def test_an_email_given_at_creation_is_kept_but_not_trusted_until_confirmed(client, admin):
    response = submit(
        client,
        ADD,
        username="garza",
        display_name="Garza",
        email="Garza@Example.ORG",
        password1=NEW_PASSWORD,
        password2=NEW_PASSWORD,
    )
    assert response.status_code == 302
    person = User.objects.get(username="garza")
    assert person.email == "Garza@example.org"
    address = EmailAddress.objects.get(user=person)
    assert (address.email, address.verified) == ("Garza@example.org", False)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"password2": "otra clave distinta 2026"},
            "password2",
            "Los dos campos de contraseña no coinciden.",
        ),
        (
            {"email": "no-es-un-correo"},
            "email",
            "Escribe un correo electrónico válido.",
        ),
        ({"display_name": "   "}, "display_name", "Elige un nombre que verán las demás personas."),
        ({"username": "con espacios"}, "username", "letras, números y los caracteres @/./+/-/_"),
    ],
    ids=["passwords-differ", "bad-email", "blank-display-name", "bad-username"],
)
def test_an_invalid_new_person_shows_the_error_and_creates_no_one(
    client, admin, changes, field, message
):
    values = {
        "username": "zorrillo",
        "display_name": "Zorrillo",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "groups": [group_pk(MODERATORS)],
        **changes,
    }
    before = User.objects.count()
    response = submit(client, ADD, **values)
    assert response.status_code == 200
    assert message in field_error(response, field)
    assert User.objects.count() == before


def test_two_people_cannot_share_an_email_address(client, admin):
    UserFactory(username="ajolote", email="ajolote@example.org")
    taken = UserFactory(username="quetzal")
    EmailAddress.objects.create(user=taken, email="quetzal@example.org", verified=True)
    for email in ("AJOLOTE@example.org", "quetzal@EXAMPLE.org"):
        response = submit(
            client,
            ADD,
            username="copion",
            display_name="Copión",
            email=email,
            password1=NEW_PASSWORD,
            password2=NEW_PASSWORD,
        )
        assert response.status_code == 200
        assert field_error(response, "email") == _in_spanish(
            "Another person already uses this email address."
        ), email
        assert not User.objects.filter(username="copion").exists()

    person = UserFactory(username="jaguar", email="")
    response = submit(client, edit_url(person), email="ajolote@example.org")
    assert response.status_code == 200
    assert field_error(response, "email") == _in_spanish(
        "Another person already uses this email address."
    )
    person.refresh_from_db()
    assert person.email == ""


def test_the_listing_finds_people_by_the_name_others_see(client, admin):
    UserFactory(username="p1", display_name="Guacamaya roja")
    UserFactory(username="p2", display_name="Pelícano")
    listing = client.get(INDEX, {"q": "guacamaya"}).content.decode()
    assert "Guacamaya roja" in listing and "Pelícano" not in listing


def test_the_listing_filters_people_by_role(client, admin):
    UserFactory(username="p1", display_name="Guacamaya roja", groups=[MODERATORS])
    UserFactory(username="p2", display_name="Pelícano", groups=[EDITORS])
    listing = client.get(INDEX, {"group": group_pk(MODERATORS)}).content.decode()
    assert "Guacamaya roja" in listing and "Pelícano" not in listing


# -- edit ---------------------------------------------------------------------------------


def test_an_admin_edits_display_name_language_and_email(client, admin):
    person = UserFactory(username="colibri", display_name="Colibrí", preferred_language="es")
    response = submit(
        client,
        edit_url(person),
        display_name="Colibrí del monte",
        preferred_language="en",
        email="colibri@example.org",
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.display_name, person.preferred_language, person.email) == (
        "Colibrí del monte",
        "en",
        "colibri@example.org",
    )
    assert person.check_password("a-long-test-password-1"), "password left blank is kept"
    assert listing_row(client, person)["name"] == "Colibrí del monte"
    shown = browser_data(client.get(edit_url(person)))
    assert shown["email"] == ["colibri@example.org"]
    assert shown["preferred_language"] == ["en"]


def test_a_new_email_replaces_the_old_one_for_signing_in_and_password_reset(client, admin):
    person = UserFactory(username="tecolote", email="viejo@example.org")
    EmailAddress.objects.create(user=person, email="viejo@example.org", verified=True, primary=True)
    assert submit(client, edit_url(person), email="nuevo@example.org").status_code == 302
    addresses = list(EmailAddress.objects.filter(user=person).values_list("email", "verified"))
    assert addresses == [("nuevo@example.org", False)]
    # The old address no longer opens the account.
    assert (
        Client()
        .post(
            "/es/accounts/login/",
            {"login": "viejo@example.org", "password": "a-long-test-password-1"},
        )
        .status_code
        != 302
    )

    assert submit(client, edit_url(person), email="").status_code == 302
    person.refresh_from_db()
    assert person.email == ""
    assert not EmailAddress.objects.filter(user=person).exists()


def test_an_invalid_edit_shows_the_error_and_changes_nothing(client, admin):
    person = UserFactory(username="mapache", display_name="Mapache", email="")
    response = submit(
        client,
        edit_url(person),
        display_name="Otro nombre",
        preferred_language="en",
        email="no-es-un-correo",
        groups=[group_pk(EDITORS)],
    )
    assert response.status_code == 200
    assert "correo electrónico válido" in field_error(response, "email")
    person.refresh_from_db()
    assert (person.display_name, person.preferred_language, person.email) == (
        "Mapache",
        "es",
        "",
    )
    assert not person.groups.exists()


# -- deactivate and reactivate ------------------------------------------------------------


def _signed_in_elsewhere(person) -> Client:
    browser = Client()
    sign_in(browser, person)
    assert browser.get("/es/accounts/profile/").status_code == 200
    return browser


def test_deactivating_a_person_ends_every_session_they_have(client, admin):
    person = UserFactory(username="venada")
    phone = _signed_in_elsewhere(person)
    assert UserSession.objects.filter(user=person).exists()
    response = submit(client, edit_url(person), is_active=False)
    assert response.status_code == 302
    person.refresh_from_db()
    assert not person.is_active
    assert not UserSession.objects.filter(user=person).exists()
    assert phone.get("/es/accounts/profile/").status_code == 302
    assert listing_row(client, person)["status"] == "Inactivo"


def test_an_invalid_deactivation_keeps_the_person_active_and_signed_in(client, admin):
    person = UserFactory(username="pecari")
    phone = _signed_in_elsewhere(person)
    response = submit(client, edit_url(person), is_active=False, display_name="")
    assert response.status_code == 200
    assert field_error(response, "display_name") == "Elige un nombre que verán las demás personas."
    person.refresh_from_db()
    assert person.is_active
    assert phone.get("/es/accounts/profile/").status_code == 200


def test_an_admin_reactivates_a_person(client, admin):
    person = UserFactory(username="tapir", is_active=False)
    assert listing_row(client, person)["status"] == "Inactivo"
    response = submit(client, edit_url(person), is_active=True)
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.is_active
    assert listing_row(client, person)["status"] == "Activo"


def test_an_admin_cannot_deactivate_or_unmake_themselves(client, admin):
    fields = shown_fields(client.get(edit_url(admin)))
    assert not fields & {"is_active", "is_superuser"}
    client.post(edit_url(admin), {**browser_data(client.get(edit_url(admin)))})
    admin.refresh_from_db()
    assert admin.is_active and admin.is_superuser


# -- roles --------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [FACILITATORS, EDITORS, MODERATORS])
def test_an_admin_gives_and_takes_each_role(client, admin, role):
    person = UserFactory(username="cacomixtle", groups=[FACILITATORS])
    wanted = {FACILITATORS, role}
    response = submit(client, edit_url(person), groups=[group_pk(name) for name in wanted])
    assert response.status_code == 302
    assert set(person.groups.values_list("name", flat=True)) == wanted
    assert roles_shown(listing_row(client, person)) == {_in_spanish(name) for name in wanted}

    response = submit(client, edit_url(person), groups=[])
    assert response.status_code == 302
    assert not person.groups.exists()
    assert roles_shown(listing_row(client, person)) == set()


def test_the_role_boxes_are_ticked_as_saved(client, admin):
    person = UserFactory(username="armadilla", groups=[EDITORS, MODERATORS])
    ticked = set(browser_data(client.get(edit_url(person))).get("groups", []))
    assert ticked == {group_pk(EDITORS), group_pk(MODERATORS)}


def test_an_unknown_role_is_refused_and_changes_nothing(client, admin):
    person = UserFactory(username="ocelote", display_name="Ocelote", groups=[EDITORS])
    response = submit(
        client,
        edit_url(person),
        display_name="Ocelote nuevo",
        groups=[group_pk(FACILITATORS), "999999"],
    )
    assert response.status_code == 200
    assert "Escoja una opción válida" in field_error(response, "groups")
    person.refresh_from_db()
    assert person.display_name == "Ocelote"
    assert list(person.groups.values_list("name", flat=True)) == [EDITORS]


# -- administrators -----------------------------------------------------------------------


def test_an_admin_makes_and_unmakes_an_administrator(client, admin):
    person = UserFactory(username="quetzala")
    response = submit(client, edit_url(person), is_superuser=True)
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.is_superuser
    assert listing_row(client, person)["level"] == "Administrador"

    response = submit(client, edit_url(person), is_superuser=False)
    assert response.status_code == 302
    person.refresh_from_db()
    assert not person.is_superuser
    assert listing_row(client, person)["level"] == ""


def test_an_invalid_administrator_change_changes_nothing(client, admin):
    person = UserFactory(username="iguana")
    response = submit(
        client,
        edit_url(person),
        is_superuser=True,
        password1=NEW_PASSWORD,
        password2="no coincide 2026",
    )
    assert response.status_code == 200
    assert field_error(response, "password2") == "Los dos campos de contraseña no coinciden."
    person.refresh_from_db()
    assert not person.is_superuser
    assert not person.check_password(NEW_PASSWORD)


# -- language -----------------------------------------------------------------------------


def _admin_speaking(client, language: str):
    person = superuser(username=f"admin-{language}", preferred_language=language)
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = language
    profile.save()
    sign_in(client, person)
    return person


def test_the_screens_speak_spanish_to_a_spanish_speaking_admin(client, homes):
    _admin_speaking(client, "es")
    person = UserFactory(username="zenzontle", groups=[FACILITATORS])
    add = client.get(ADD).content.decode()
    for label in ("Nombre de usuario", "Nombre visible", "Correo electrónico", "Idioma preferido"):
        assert label in add
    for english in ("Display name", "Preferred language", "First Name", "Last Name"):
        assert english not in add
    response = submit(client, edit_url(person), password1="abc", password2="xyz")
    assert field_error(response, "password2") == "Los dos campos de contraseña no coinciden."
    assert "El usuario no pudo ser guardado debido a errores." in response.content.decode()
    listing = BeautifulSoup(client.get(INDEX).content, "html.parser").find(
        "table", class_="listing"
    )
    headers = {" ".join(th.get_text().split()) for th in listing.find_all("th")}
    assert {_in_spanish(label) for label in ("Name", "Username", "Roles", "Status")} <= headers
    assert not headers & {"Name", "Username", "Status"}


def test_the_screens_speak_english_to_an_english_speaking_admin(client, homes):
    _admin_speaking(client, "en")
    add = client.get(ADD).content.decode()
    assert "Display name" in add and "Nombre visible" not in add


# -- who may open these screens -----------------------------------------------------------


@pytest.mark.parametrize("who", ["editor", "trainee", "anonymous"])
def test_only_user_managers_reach_the_user_screens(client, homes, who):
    person = UserFactory(username="victima", display_name="Víctima")
    if who == "editor":
        sign_in(client, editor(username="editora"))
    elif who == "trainee":
        sign_in(client, trainee(username="aprendiz"))
    for url in (INDEX, ADD, edit_url(person)):
        response = client.get(url)
        assert response.status_code in (302, 403), (url, response.status_code)
        assert b'name="display_name"' not in response.content
    # Whole, valid submissions: refused only because of who sends them.
    valid = {
        "display_name": "Pwned",
        "preferred_language": "es",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "is_active": "on",
        "is_superuser": "on",
    }
    client.post(edit_url(person), {**valid, "username": "victima"})
    client.post(ADD, {**valid, "username": "intruso"})
    person.refresh_from_db()
    assert (person.display_name, person.is_superuser) == ("Víctima", False)
    assert not User.objects.filter(username="intruso").exists()
    # The same submission from an administrator goes through.
    administrator = Client()
    sign_in(administrator, superuser(username="admin-check"))
    assert administrator.post(edit_url(person), {**valid, "username": "victima"}).status_code == 302
    person.refresh_from_db()
    assert person.is_superuser


def test_a_user_manager_who_is_not_an_administrator_cannot_make_one(client, homes):
    manager = UserFactory(username="gestora", mfa=True)
    manager.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="add_user", content_type__app_label="accounts"),
        Permission.objects.get(codename="change_user", content_type__app_label="accounts"),
    )
    sign_in(client, manager)
    person = UserFactory(username="jilguero")
    assert "is_superuser" not in shown_fields(client.get(ADD))
    assert "is_superuser" not in shown_fields(client.get(edit_url(person)))
    response = submit(client, edit_url(person), display_name="Jilguero", is_superuser=True)
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.display_name == "Jilguero" and not person.is_superuser

    # Nor take over an administrator's account by changing its password.
    boss = superuser(username="jefa")
    assert client.get(edit_url(boss)).status_code in (302, 403)
    client.post(
        edit_url(boss),
        {
            "username": "jefa",
            "display_name": "x",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    boss.refresh_from_db()
    assert not boss.check_password(NEW_PASSWORD)


def test_no_back_door_through_a_copy_of_someone_else(client, homes):
    """Wagtail's "copy" screen saves the form over the account it copies: posting to it
    would change a person (an administrator's password, say) past the edit screen's
    checks. People are not copied."""
    manager = UserFactory(username="gestor", mfa=True)
    manager.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="add_user", content_type__app_label="accounts"),
        Permission.objects.get(codename="change_user", content_type__app_label="accounts"),
    )
    sign_in(client, manager)
    boss = superuser(username="jefe")
    copy_url = f"/admin/users/copy/{boss.pk}/"
    assert client.get(copy_url, follow=True).status_code == 404
    assert copy_url not in client.get(INDEX).content.decode()
    client.post(
        copy_url,
        {
            "username": "jefe",
            "display_name": "x",
            "preferred_language": "es",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    boss.refresh_from_db()
    assert boss.is_superuser and not boss.check_password(NEW_PASSWORD)
