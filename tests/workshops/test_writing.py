"""Writing an exercise answer on a phone: the save status beside the buttons, a
formatting hint in plain words, no promise of autosave without JavaScript, and a cohort
page that says when feedback has arrived."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from tests.factories import sign_in
from workshops import services

pytestmark = pytest.mark.django_db


def page(client, name, *args):
    with translation.override("en"):
        url = reverse(f"workshops:{name}", args=args)
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def exercise_page(client, world, exercise):
    return page(client, "exercise", world.cohort_a.pk, exercise.pk)


def visible_text(html):
    """What a reader sees with JavaScript off: the text, never attribute values."""
    for hidden in html.select("script, template, [hidden]"):
        hidden.decompose()
    return " ".join(html.get_text(" ").split())


def test_the_status_sits_in_one_row_with_the_buttons(client, world):
    sign_in(client, world.trainee_a)
    html = exercise_page(client, world, world.private_exercise_a)
    row = html.select_one("form .save-row")
    assert row is not None
    assert row.select_one("[data-autosave-status][role=status]") is not None
    names = [button["name"] for button in row.select("button[type=submit]")]
    assert names == ["save", "submit"]


def test_without_javascript_the_page_does_not_claim_to_save_as_you_write(client, world):
    sign_in(client, world.trainee_a)
    html = exercise_page(client, world, world.private_exercise_a)
    text = visible_text(html)
    assert "as you write" not in text
    assert "Press “Save draft” to keep your text." in text
    # The script puts the autosave promise in place of that sentence.
    hint = html.select_one("form .save-row [data-autosave-hint]")
    assert "Save draft" in hint.get_text()
    assert html.select_one("form[data-autosave-form]")["data-autosave-hint"] == (
        "Saved as you write."
    )


def test_the_formatting_hint_speaks_plainly(client, world):
    sign_in(client, world.trainee_a)
    html = exercise_page(client, world, world.private_exercise_a)
    hint = html.select_one("#id_body_helptext").get_text()
    assert "Markdown" not in visible_text(html)
    assert "**like this**" in hint
    assert "list" in hint
    # Read before typing: between the label and the box, and announced with the box.
    box = html.select_one("textarea#id_body")
    assert "id_body_helptext" in box["aria-describedby"]


def test_after_submitting_both_buttons_stay_apart_in_the_row(client, world):
    sign_in(client, world.trainee_a)
    services.response_save(
        exercise=world.private_exercise_a, author=world.trainee_a, body="Mi carta", submit=True
    )
    html = exercise_page(client, world, world.private_exercise_a)
    row = html.select_one("form .save-row__buttons")
    labels = [" ".join(b.get_text().split()) for b in row.select("button")]
    assert labels == ["Save draft", "Submit the changes"]
    assert "Submitted." in html.select_one("[data-autosave-status]").get_text()


def test_the_cohort_page_says_when_feedback_has_arrived(client, world):
    sign_in(client, world.trainee_a)
    services.response_save(
        exercise=world.private_exercise_a, author=world.trainee_a, body="Mi carta", submit=True
    )
    html = page(client, "cohort", world.cohort_a.pk)
    badges = {
        item.select_one("a").get_text(): item.select_one(".badge").get_text()
        for item in html.select(".exercise-list li")
    }
    assert badges == {"Mapa de actores": "Feedback received", "Carta a mí misma": "Submitted"}
