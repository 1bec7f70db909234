"""Forms with errors start with GOV.UK's error summary: a box headed "There is a
problem", focused when the page loads, listing each error as a link to its field; each
error also stands beside its field, below the label and before the box."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from tests.factories import PASSWORD, UserFactory, sign_in, trainee

pytestmark = pytest.mark.django_db


def parse(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def summary_of(html):
    box = html.select_one(".error-summary")
    assert box is not None, "no error summary"
    assert box.select_one("h2").get_text(strip=True) == "There is a problem"
    assert box.has_attr("autofocus") and box["tabindex"] == "-1"
    # Only one summary: it is the first thing inside the form.
    assert len(html.select(".error-summary")) == 1
    assert box.find_parent("form") is not None
    return box


def linked_fields(html, box):
    """The fields the summary's links go to; each must exist on the page."""
    targets = []
    for link in box.select("a"):
        target = html.find(id=link["href"].removeprefix("#"))
        assert target is not None, f"{link['href']} goes nowhere"
        targets.append(target)
    return targets


def assert_error_beside(html, field_id):
    """The field's error is between its label and its box, and the box names it."""
    box = html.find(id=field_id)
    error = html.find(id=f"{field_id}_error")
    assert error is not None and error.get_text(strip=True)
    assert error.find_parent(class_="field") is box.find_parent(class_="field")
    label = html.select_one(f'label[for="{field_id}"]')
    order = list(box.find_parent(class_="field").descendants)
    assert order.index(label) < order.index(error) < order.index(box)
    assert f"{field_id}_error" in box["aria-describedby"].split()
    assert box["aria-invalid"] == "true"


def test_sign_up_errors_are_summarised_and_link_to_their_fields(client, homes):
    UserFactory(username="colibri")
    response = client.post(
        "/en/accounts/signup/",
        {"username": "colibri", "password1": "una clave larga 2026", "password2": "otra"},
    )
    assert response.status_code == 200
    html = parse(response)
    box = summary_of(html)
    names = [field["name"] for field in linked_fields(html, box)]
    assert "username" in names
    assert "password2" in names
    # Each link names its field: "required" three times would not say which.
    assert box.select_one('a[href="#id_username"]').get_text().startswith("Username:")
    assert_error_beside(html, "id_username")
    # The summary comes before every field.
    first_field = html.select_one("form .field")
    assert list(html.descendants).index(box) < list(html.descendants).index(first_field)


def test_a_sign_up_with_no_errors_has_no_summary(client, homes):
    html = parse(client.get("/en/accounts/signup/"))
    assert html.select_one(".error-summary") is None
    assert html.select_one("form input[name=username]") is not None
    assert html.select_one("form button[type=submit]") is not None


def test_a_wrong_password_is_summarised_at_the_top_of_sign_in(client, homes):
    UserFactory(username="garza")
    response = client.post("/en/accounts/login/", {"login": "garza", "password": "wrong one"})
    html = parse(response)
    box = summary_of(html)
    assert "not correct" in box.get_text()


def test_an_empty_sign_in_links_to_both_fields(client, homes):
    html = parse(client.post("/en/accounts/login/", {"login": "", "password": ""}))
    box = summary_of(html)
    assert [field["name"] for field in linked_fields(html, box)] == ["login", "password"]


def test_a_password_change_that_fails_is_summarised(client, homes):
    person = UserFactory(username="tecolote")
    sign_in(client, person)
    response = client.post(
        "/en/accounts/password/change/",
        {"oldpassword": "not it", "password1": PASSWORD + "x", "password2": PASSWORD + "x"},
    )
    html = parse(response)
    box = summary_of(html)
    assert [field["name"] for field in linked_fields(html, box)] == ["oldpassword"]
    assert_error_beside(html, "id_oldpassword")


def test_our_own_forms_use_the_same_summary(client, homes):
    sign_in(client, trainee())
    with translation.override("en"):
        url = reverse("workshops:join")
    html = parse(client.post(url, {"code": "not-a-code"}))
    box = summary_of(html)
    assert [field["name"] for field in linked_fields(html, box)] == ["code"]
    assert_error_beside(html, "id_code")


def test_a_wrong_password_when_confirming_access_is_summarised(client, homes):
    sign_in(client, UserFactory(username="garza"))
    html = parse(client.post("/en/accounts/reauthenticate/", {"password": "not it"}))
    box = summary_of(html)
    assert [field["name"] for field in linked_fields(html, box)] == ["password"]
    assert_error_beside(html, "id_password")
