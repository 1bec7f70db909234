import datetime

import pytest
from django.utils import timezone

from tests.factories import BookletPageFactory, ModulePageFactory, editor, facilitator, trainee
from workshops import services
from workshops.models import Membership, SeminarExercise


class World:
    """Two cohorts, each with its facilitator and a trainee, plus an editor who
    facilitates nothing; cohort A has a session, exercises, answers, feedback, a note."""


@pytest.fixture
def world(homes):
    w = World()
    booklet = BookletPageFactory(parent=homes["es"], title="Desaparición forzada", number=2)
    w.modules = [ModulePageFactory(parent=booklet, title=f"Módulo {n}") for n in (1, 2)]
    w.facilitator_a, w.facilitator_b = facilitator(username="fac-a"), facilitator(username="fac-b")
    w.trainee_a = trainee(username="tra-a", display_name="Participante A")
    w.trainee_b = trainee(username="tra-b", display_name="Participante B")
    w.editor = editor(username="editora")
    today = timezone.localdate()
    w.cohort_a = services.cohort_create(
        facilitator=w.facilitator_a,
        name="Grupo Norte",
        language="es",
        booklet_keys=[booklet.translation_key],
        starts_on=today,
    )
    w.cohort_b = services.cohort_create(
        facilitator=w.facilitator_b,
        name="Grupo Sur",
        language="es",
        booklet_keys=[booklet.translation_key],
        starts_on=today,
    )
    Membership.objects.create(cohort=w.cohort_a, user=w.trainee_a)
    Membership.objects.create(cohort=w.cohort_b, user=w.trainee_b)
    w.invitation_a = services.invitation_create(
        cohort=w.cohort_a, created_by=w.facilitator_a, valid_days=7, max_uses=5
    )
    w.session_a = services.session_save(
        cohort=w.cohort_a,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        duration_minutes=120,
        place="Casa de la colonia",
        call_link="",
        module_keys=[w.modules[0].translation_key],
        agenda=[("Apertura y respiración", 15, "Círculo")],
    )
    w.exercise_a = services.exercise_create(
        cohort=w.cohort_a,
        title="Mapa de actores",
        prompt="Dibuja **tu** mapa.",
        module_key=w.modules[0].translation_key,
        due_at=None,
        visibility=SeminarExercise.Visibility.COHORT,
        anonymous_to_peers=True,
    )
    w.private_exercise_a = services.exercise_create(
        cohort=w.cohort_a,
        title="Carta a mí misma",
        prompt="Escribe.",
        module_key=None,
        due_at=None,
        visibility=SeminarExercise.Visibility.FACILITATORS,
        anonymous_to_peers=True,
    )
    w.response_a = services.response_save(
        exercise=w.exercise_a, author=w.trainee_a, body="SECRETO-RESPUESTA-A", submit=True
    )
    w.feedback_a = services.feedback_give(
        response=w.response_a, author=w.facilitator_a, body="SECRETO-DEVOLUCION-A"
    )
    w.note_a = services.note_create(
        cohort=w.cohort_a,
        author=w.facilitator_a,
        about="participant",
        participant=w.trainee_a,
        text="SECRETO-NOTA-A",
    )
    return w
