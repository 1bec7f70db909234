"""More outsider probes: what a shared cache could keep, and the exercise autosave's
answers when it cannot save."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from tests.factories import BookletPageFactory, ModulePageFactory, sign_in
from workshops.models import ExerciseResponse

pytestmark = pytest.mark.django_db

JSON = {"accept": "application/json"}


@pytest.fixture
def public_module(homes):
    booklet = BookletPageFactory(parent=homes["es"], title="Cuadernillo público")
    return ModulePageFactory(parent=booklet, title="Módulo público")


def test_cacheable_public_pages_set_no_cookie(public_module):
    # A public answer that a proxy may keep must not carry a cookie (a session or token
    # a shared cache would hand to the next visitor).
    cacheable = 0
    for path in ("/es/", public_module.url, "/en/"):
        reply = Client().get(path)
        assert reply.status_code == 200
        if "no-store" in reply.get("Cache-Control", ""):
            continue
        cacheable += 1
        assert not reply.cookies, (path, reply.cookies)
    assert cacheable >= 2


def test_a_signed_in_persons_module_page_is_not_stored(public_module, world):
    client = Client()
    sign_in(client, world.trainee_a)
    reply = client.get(public_module.url)
    assert reply.status_code == 200
    assert "no-store" in reply["Cache-Control"]


def test_a_404_is_not_stored(homes):
    reply = Client().get("/es/no-existe-esta-pagina/")
    assert reply.status_code == 404
    assert "no-store" in reply["Cache-Control"]


def test_signed_out_exercise_autosave_answers_json_not_saved(world):
    url = reverse("workshops:exercise", args=[world.cohort_a.pk, world.private_exercise_a.pk])
    reply = Client().post(url, {"body": "texto"}, headers=JSON)
    assert reply.status_code == 403
    assert reply.json()["saved"] is False
    assert not ExerciseResponse.objects.filter(exercise=world.private_exercise_a).exists()


def test_exercise_autosave_over_the_limit_says_not_saved(world):
    client = Client()
    sign_in(client, world.trainee_a)
    url = reverse("workshops:exercise", args=[world.cohort_a.pk, world.private_exercise_a.pk])
    reply = client.post(url, {"body": "x" * 50_001}, headers=JSON)
    assert reply.status_code == 400
    assert reply.json()["saved"] is False
    assert not ExerciseResponse.objects.filter(exercise=world.private_exercise_a).exists()


def test_facilitator_cannot_autosave_into_a_trainees_exercise_as_them(world):
    client = Client()
    sign_in(client, world.facilitator_b)
    url = reverse("workshops:exercise", args=[world.cohort_a.pk, world.exercise_a.pk])
    reply = client.post(url, {"body": "intruso"}, headers=JSON)
    assert reply.status_code in (403, 404)
    assert "SECRETO-RESPUESTA-A" not in reply.content.decode()
    world.response_a.refresh_from_db()
    assert world.response_a.body == "SECRETO-RESPUESTA-A"


def test_a_note_posted_after_the_session_ended_is_shown_back(world):
    url = reverse("workshops:notes", args=[world.cohort_a.pk])
    note = "Observación larga sobre la sesión, escrita durante veinte minutos."
    reply = Client().post(url, {"about": "cohort", "text": note})
    kept = BeautifulSoup(reply.content.decode(), "html.parser").select_one("textarea[name=text]")
    assert kept.get_text().removeprefix("\n") == note
