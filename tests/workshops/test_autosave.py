"""Exercise answers share the journal's autosave reply: saved, or plainly not."""

import pytest
from django.urls import reverse

from tests.factories import sign_in
from workshops.models import ExerciseResponse

pytestmark = pytest.mark.django_db

JSON = {"accept": "application/json"}


def test_an_exercise_autosave_answers_saved_with_a_version(client, world):
    sign_in(client, world.trainee_a)
    url = reverse("workshops:exercise", args=[world.cohort_a.pk, world.private_exercise_a.pk])
    reply = client.post(url, {"body": "Borrador"}, headers=JSON).json()
    assert reply["saved"] is True and isinstance(reply["version"], int)
    assert reply["message"].startswith("Guardado a las")


def test_an_answer_that_can_no_longer_change_is_not_saved_and_says_why(client, world):
    sign_in(client, world.trainee_a)
    answered = world.feedback_a.response
    url = reverse("workshops:exercise", args=[world.cohort_a.pk, answered.exercise_id])
    reply = client.post(url, {"body": "Otra cosa"}, headers=JSON)
    assert reply.status_code == 409
    assert reply.json()["saved"] is False
    assert "ya tiene devolución" in reply.json()["message"]
    assert ExerciseResponse.objects.get(pk=answered.pk).body != "Otra cosa"


def test_an_exercise_save_after_signing_out_shows_the_text_back(client, world):
    sign_in(client, world.trainee_a)
    url = reverse("workshops:exercise", args=[world.cohort_a.pk, world.private_exercise_a.pk])
    client.logout()
    assert client.post(url, {"body": "Mi respuesta"}, headers=JSON).json()["saved"] is False
    kept = client.post(url, {"body": "Mi respuesta", "submit": "1"})
    assert kept.status_code == 403
    assert "Mi respuesta" in kept.content.decode()
    assert not ExerciseResponse.objects.filter(exercise=world.private_exercise_a).exists()
