"""The rules of a workshop, as facilitators and trainees meet them."""

import datetime
import json

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django.db import connection as db
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from curriculum.models import ModuleProgress
from tests.factories import sign_in, trainee
from workshops import services
from workshops.models import ExerciseResponse, FacilitatorNote, Invitation, Membership

pytestmark = pytest.mark.django_db


def join(client, code):
    return client.post(reverse("workshops:join"), {"code": code})


def test_joining_with_a_code_and_every_refusal(client, world):
    newcomer = trainee(username="nueva")
    sign_in(client, newcomer)
    assert "no abre ningún grupo" in join(client, "NOPE123456").content.decode()

    response = join(client, world.invitation_a.code.lower())  # typed in lower case
    assert response.status_code == 302
    assert Membership.objects.filter(cohort=world.cohort_a, user=newcomer).exists()
    assert "Ya estás en este grupo" in join(client, world.invitation_a.code).content.decode()

    expired = services.invitation_create(
        cohort=world.cohort_a, created_by=world.facilitator_a, valid_days=1, max_uses=5
    )
    Invitation.objects.filter(pk=expired.pk).update(expires_at=timezone.now())
    revoked = services.invitation_create(
        cohort=world.cohort_b, created_by=world.facilitator_b, valid_days=1, max_uses=5
    )
    services.invitation_revoke(invitation=revoked)
    used_up = services.invitation_create(
        cohort=world.cohort_b, created_by=world.facilitator_b, valid_days=1, max_uses=1
    )
    Invitation.objects.filter(pk=used_up.pk).update(uses=1)
    assert "ha vencido" in join(client, expired.code).content.decode()
    assert "se retiró" in join(client, revoked.code).content.decode()
    assert "tantas veces como permite" in join(client, used_up.code).content.decode()
    assert not Membership.objects.filter(cohort=world.cohort_b, user=newcomer).exists()


def test_the_invitation_link_fills_in_the_code(client, world):
    sign_in(client, trainee())
    page = client.get(reverse("workshops:join") + f"?code={world.invitation_a.code}")
    assert f'value="{world.invitation_a.code}"' in page.content.decode()


def test_a_new_session_cannot_be_in_the_past(client, world):
    sign_in(client, world.facilitator_a)
    response = client.post(
        reverse("workshops:session_create", args=[world.cohort_a.pk]),
        {
            "starts_at": "2020-01-01T10:00",
            "duration_minutes": 120,
            "place": "Casa",
            "agenda-TOTAL_FORMS": 0,
            "agenda-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 400
    assert "no puede programarse en el pasado" in response.content.decode()
    assert world.cohort_a.sessions.count() == 1


def test_a_session_is_scheduled_with_its_plan_and_attendance_is_taken(client, world):
    sign_in(client, world.facilitator_a)
    when = (timezone.localtime() + datetime.timedelta(days=10)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        reverse("workshops:session_create", args=[world.cohort_a.pk]),
        {
            "starts_at": when,
            "duration_minutes": 180,
            "place": "",
            "call_link": "https://llamada.example.org/x",
            "modules": [str(world.modules[1].translation_key)],
            "agenda-TOTAL_FORMS": 2,
            "agenda-INITIAL_FORMS": 0,
            "agenda-0-title": "Análisis de contexto",
            "agenda-0-minutes": 60,
            "agenda-0-method": "Mapa",
            "agenda-1-title": "",
            "agenda-1-minutes": "",
            "agenda-1-method": "",
        },
    )
    assert response.status_code == 302
    session = world.cohort_a.sessions.order_by("-starts_at").first()
    assert [(i.title, i.minutes) for i in session.agenda.all()] == [("Análisis de contexto", 60)]
    client.post(
        reverse("workshops:attendance", args=[world.cohort_a.pk, session.pk]),
        {"present": [world.trainee_a.pk, world.trainee_b.pk]},  # B is not in this cohort
    )
    assert list(session.attendance.filter(present=True).values_list("user_id", flat=True)) == [
        world.trainee_a.pk
    ]
    csv_text = client.get(
        reverse("workshops:attendance_csv", args=[world.cohort_a.pk])
    ).content.decode()
    assert "Participante A" in csv_text and "Participante B" not in csv_text


def test_responses_drafts_submission_empty_and_late(client, world):
    sign_in(client, world.trainee_a)
    url = reverse("workshops:exercise", args=[world.cohort_a.pk, world.private_exercise_a.pk])
    empty = client.post(url, {"body": "  ", "submit": "1"})
    assert empty.status_code == 400
    assert "no se puede entregar" in empty.content.decode()
    autosaved = client.post(url, {"body": "Borrador"}, headers={"accept": "application/json"})
    assert autosaved.json()["saved"] is True
    draft = ExerciseResponse.objects.get(exercise=world.private_exercise_a, author=world.trainee_a)
    assert draft.status == "draft" and draft.body == "Borrador"

    world.private_exercise_a.due_at = timezone.now() - datetime.timedelta(hours=1)
    world.private_exercise_a.save()
    client.post(url, {"body": "Tarde pero aquí", "submit": "1"})
    draft.refresh_from_db()
    assert (draft.status, draft.is_late, draft.body) == ("submitted", True, "Tarde pero aquí")


def test_feedback_reaches_the_trainee_and_freezes_the_answer(client, world):
    sign_in(client, world.trainee_a)
    url = reverse("workshops:exercise", args=[world.cohort_a.pk, world.exercise_a.pk])
    page = client.get(url).content.decode()
    assert "SECRETO-DEVOLUCION-A" in page
    refused = client.post(url, {"body": "cambio"}, headers={"accept": "application/json"})
    assert refused.status_code == 409 and refused.json()["saved"] is False
    world.response_a.refresh_from_db()
    assert world.response_a.body == "SECRETO-RESPUESTA-A"


def test_notes_are_encrypted_at_rest_and_keys_rotate(world, settings):
    with db.cursor() as cursor:
        cursor.execute("SELECT encrypted_text FROM workshops_facilitatornote")
        stored = [row[0] for row in cursor.fetchall()]
    assert stored and all("SECRETO-NOTA-A" not in value for value in stored)
    assert FacilitatorNote.objects.get(pk=world.note_a.pk).text == "SECRETO-NOTA-A"

    from accounts.crypto import encryption_keys
    from curriculum.models import JournalEntry
    from curriculum.services import journal_entry_save

    current = list(encryption_keys())
    old_key = Fernet.generate_key().decode()
    new_key = Fernet.generate_key().decode()
    settings.FACILITATOR_NOTES_KEYS = [old_key]
    note = services.note_create(
        cohort=world.cohort_a, author=world.facilitator_a, about="cohort", text="Rotar"
    )
    entry = journal_entry_save(
        user=world.trainee_a,
        module_key=world.modules[0].translation_key,
        booklet_key=world.modules[0].get_parent().translation_key,
        prompt_id="q",
        prompt="¿?",
        body="Diario rotado",
    )
    settings.FACILITATOR_NOTES_KEYS = [new_key, old_key, *current]
    # One command re-encrypts both the notes and the journal.
    call_command("rotate_note_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.FACILITATOR_NOTES_KEYS = [new_key]  # the old keys can go now
    assert FacilitatorNote.objects.get(pk=note.pk).text == "Rotar"
    assert FacilitatorNote.objects.get(pk=world.note_a.pk).text == "SECRETO-NOTA-A"
    assert JournalEntry.objects.get(pk=entry.pk).body == "Diario rotado"


def test_a_note_saved_from_an_old_version_is_refused_and_nothing_is_overwritten(client, world):
    sign_in(client, world.facilitator_a)
    url = reverse("workshops:note_edit", args=[world.cohort_a.pk, world.note_a.pk])
    first = client.post(
        url,
        {
            "about": "participant",
            "participant": world.trainee_a.pk,
            "text": "Primera versión nueva",
            "version": 1,
        },
    )
    assert first.status_code == 302
    stale = client.post(
        url,
        {
            "about": "participant",
            "participant": world.trainee_a.pk,
            "text": "Versión vieja",
            "version": 1,
        },
    )
    assert stale.status_code == 409
    body = stale.content.decode()
    assert "Alguien guardó esta nota" in body
    assert "Versión vieja" in body  # the person's text is still in the box
    note = FacilitatorNote.objects.get(pk=world.note_a.pk)
    assert (note.text, note.version) == ("Primera versión nueva", 2)


def test_dashboard_shows_progress_waiting_answers_and_sessions(client, world):
    ModuleProgress.objects.create(
        user=world.trainee_a,
        module_key=world.modules[0].translation_key,
        booklet_key=world.modules[0].get_parent().translation_key,
        edition=1,
    )
    other = trainee(username="espera", display_name="Quien espera")
    Membership.objects.create(cohort=world.cohort_a, user=other)
    services.response_save(
        exercise=world.exercise_a, author=other, body="Sin respuesta", submit=True
    )
    sign_in(client, world.facilitator_a)
    page = client.get(reverse("workshops:dashboard", args=[world.cohort_a.pk])).content.decode()
    assert "Participante A" in page and "1/2" in page
    assert "Quien espera" in page  # waiting for feedback
    assert "Casa de la colonia" in page
    csv_text = client.get(
        reverse("workshops:progress_csv", args=[world.cohort_a.pk])
    ).content.decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("Participante,Módulo 1,Módulo 2")


def test_dashboard_queries_do_not_grow_with_the_cohort(client, world):
    def cohort_of(size):
        cohort = services.cohort_create(
            facilitator=world.facilitator_a,
            name=f"Grupo de {size}",
            language="es",
            booklet_keys=world.cohort_a.booklet_keys,
            starts_on=timezone.localdate(),
        )
        exercise = services.exercise_create(
            cohort=cohort,
            title="Ejercicio",
            prompt="Escribe.",
            module_key=None,
            due_at=None,
            visibility="facilitators",
            anonymous_to_peers=True,
        )
        for n in range(size):
            person = trainee(username=f"t{size}-{n}")
            Membership.objects.create(cohort=cohort, user=person)
            ModuleProgress.objects.create(
                user=person,
                module_key=world.modules[n % 2].translation_key,
                booklet_key=world.modules[0].get_parent().translation_key,
                edition=1,
            )
            if n % 3 == 0:
                services.response_save(exercise=exercise, author=person, body="x", submit=True)
        return cohort

    def count_queries(cohort):
        url = reverse("workshops:dashboard", args=[cohort.pk])
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries), response.content.decode()

    small, large = cohort_of(10), cohort_of(100)
    sign_in(client, world.facilitator_a)
    small_count, _html = count_queries(small)
    large_count, large_html = count_queries(large)
    assert small_count == large_count
    assert large_count <= 30
    assert large_html.count('<th scope="row">') == 50  # the first page of participants


def test_calendar_download_lists_the_sessions(client, world):
    sign_in(client, world.trainee_a)
    ics = client.get(reverse("workshops:calendar", args=[world.cohort_a.pk]))
    assert ics["Content-Type"].startswith("text/calendar")
    text = ics.content.decode()
    assert text.startswith("BEGIN:VCALENDAR") and "SUMMARY:Grupo Norte" in text
    assert "LOCATION:Casa de la colonia" in text


def test_deleting_an_account_keeps_answered_work_as_deleted_participant(client, world):
    from accounts.services import user_delete

    services.response_save(
        exercise=world.private_exercise_a,
        author=world.trainee_a,
        body="Sin devolución",
        submit=True,
    )
    user_delete(user=world.trainee_a)
    kept = ExerciseResponse.objects.get(pk=world.response_a.pk)
    assert kept.author_id is None and kept.author_name == "participante eliminado"
    assert not ExerciseResponse.objects.filter(body="Sin devolución").exists()
    assert not FacilitatorNote.objects.filter(
        participant_id__isnull=False, pk=world.note_a.pk
    ).exists()


def test_facilitator_notes_are_not_in_a_trainees_export(client, world):
    sign_in(client, world.trainee_a)
    with translation.override("en"):  # Spanish back after the English request
        data = json.loads(b"".join(client.post("/en/accounts/my-data/").streaming_content))
    assert "SECRETO-NOTA-A" not in str(data)
    sections = {section["title"]: section["items"] for section in data["sections"]}
    assert not any("note" in title.lower() for title in sections)
    assert sections["Your answers to exercises"][0]["Answer"] == "SECRETO-RESPUESTA-A"


def test_session_kit_has_the_plan_the_modules_and_the_exercises(client, world):
    from tests.factories import block, body

    module = world.modules[0]
    module.body = body(
        block("text", "<p>Contenido del módulo.</p>"),
        block("facilitator_note", {"note": "<p>Nota para facilitar.</p>"}),
    )
    module.save()
    sign_in(client, world.facilitator_a)
    page = client.get(
        reverse("workshops:session_kit", args=[world.cohort_a.pk, world.session_a.pk])
    ).content.decode()
    assert "Apertura y respiración" in page  # the plan
    assert "Contenido del módulo." in page and "Nota para facilitar." in page
    assert "Mapa de actores" in page  # the exercise linked to that module
    assert "Módulo 2" not in page  # not covered by this session


def test_dashboard_shows_activity_results(client, world):
    from curriculum.models import ActivityAttempt, H5PActivity
    from tests.factories import block, body

    activity = H5PActivity.objects.create(
        title="Pregunta", package_digest="0" * 64, main_library="H5P.MultiChoice"
    )
    module = world.modules[0]
    module.body = body(block("interactive_activity", {"activity": activity.pk}))
    module.save_revision().publish()
    ActivityAttempt.objects.create(
        user=world.trainee_a,
        activity_key=activity.translation_key,
        completed=True,
        score_scaled=0.5,
    )
    sign_in(client, world.facilitator_a)
    page = client.get(reverse("workshops:dashboard", args=[world.cohort_a.pk])).content.decode()
    assert "1 · 50%" in page


def test_csv_exports_keep_a_formula_like_name_as_text(client, world):
    world.trainee_a.display_name = '=HYPERLINK("http://evil.example","x")'
    world.trainee_a.save()
    sign_in(client, world.facilitator_a)
    for name in ("attendance_csv", "progress_csv"):
        text = client.get(reverse(f"workshops:{name}", args=[world.cohort_a.pk])).content.decode()
        assert "\n=HYPERLINK" not in text
        assert "'=HYPERLINK" in text


def test_a_note_cannot_be_about_someone_from_another_cohort(client, world):
    sign_in(client, world.facilitator_a)
    before = FacilitatorNote.objects.count()
    response = client.post(
        reverse("workshops:notes", args=[world.cohort_a.pk]),
        {"about": "participant", "participant": world.trainee_b.pk, "text": "Ajena."},
    )
    assert response.status_code == 400
    assert FacilitatorNote.objects.count() == before


def test_a_plan_item_error_is_in_the_summary_at_the_top(client, world):
    """Only an item of the plan is wrong: the summary at the top still lists it, with a
    link to the box to fix (the item's form is prefixed, so it has no summary of its own)."""
    sign_in(client, world.facilitator_a)
    when = (timezone.localtime() + datetime.timedelta(days=10)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        reverse("workshops:session_create", args=[world.cohort_a.pk]),
        {
            "starts_at": when,
            "duration_minutes": 180,
            "place": "Casa",
            "agenda-TOTAL_FORMS": 1,
            "agenda-INITIAL_FORMS": 0,
            "agenda-0-title": "Análisis de contexto",
            "agenda-0-minutes": "",
            "agenda-0-method": "",
        },
    )
    html = response.content.decode()
    assert 'class="error-summary"' in html
    summary = html[
        html.index('class="error-summary"') : html.index(
            "</ul>", html.index('class="error-summary"')
        )
    ]
    assert 'href="#id_agenda-0-minutes"' in summary
    assert world.cohort_a.sessions.count() == 1
