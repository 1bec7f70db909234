"""Activity results: signed-in only, CSRF-protected, size-limited, idempotent by id."""

import json
import uuid

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from curriculum.models import ActivityAttempt, ActivityStatement
from tests.factories import BookletPageFactory, ModulePageFactory, block, body, sign_in, trainee

pytestmark = pytest.mark.django_db


def statement(score=1, statement_id=None):
    return {
        "id": str(statement_id or uuid.uuid4()),
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "result": {
            "score": {"raw": score, "min": 0, "max": 1, "scaled": score},
            "completion": True,
            "success": bool(score),
        },
    }


def post(client, activity, payload, **extra):
    return client.post(
        f"/es/activities/{activity.translation_key}/statements/",
        data=json.dumps(payload) if not isinstance(payload, bytes) else payload,
        content_type="application/json",
        **extra,
    )


def test_a_statement_makes_an_attempt_and_the_same_id_three_times_makes_one_record(
    client, activity
):
    person = trainee()
    sign_in(client, person)
    same = statement(statement_id=uuid.uuid4())
    assert post(client, activity, same).status_code == 201
    assert post(client, activity, same).status_code == 200
    assert post(client, activity, same).status_code == 200
    assert ActivityStatement.objects.filter(user=person).count() == 1
    attempt = ActivityAttempt.objects.get(user=person)
    assert (attempt.score_raw, attempt.score_max, attempt.completed, attempt.success) == (
        1,
        1,
        True,
        True,
    )
    progress = client.get("/es/progreso/").content.decode()
    assert "Pregunta" in progress and "1 / 1" in progress


def test_only_signed_in_people_with_a_csrf_token_send_results(activity):
    anonymous = Client()
    assert post(anonymous, activity, statement()).status_code == 403
    strict = Client(enforce_csrf_checks=True)
    sign_in(strict, trainee())
    assert post(strict, activity, statement()).status_code == 403
    assert not ActivityStatement.objects.exists()


def test_bad_and_oversized_statements_are_refused(client, activity):
    sign_in(client, trainee())
    assert post(client, activity, b"not json").status_code == 400
    assert post(client, activity, {"id": "not-a-uuid", "verb": {"id": "x"}}).status_code == 400
    huge = statement()
    huge["padding"] = "x" * 40_000
    assert post(client, activity, huge).status_code == 413
    assert (
        client.post(
            f"/es/activities/{uuid.uuid4()}/statements/", "{}", content_type="application/json"
        ).status_code
        == 404
    )
    assert not ActivityStatement.objects.exists()


def test_state_is_kept_to_resume(client, activity):
    sign_in(client, trainee())
    url = f"/es/activities/{activity.translation_key}/state/"
    assert client.get(url).json() == {"state": ""}
    client.post(url, json.dumps({"state": '{"answered": 1}'}), content_type="application/json")
    assert client.get(url).json() == {"state": '{"answered": 1}'}


def test_the_activity_script_loads_only_on_pages_with_an_activity(client, homes, activity):
    booklet = BookletPageFactory(parent=homes["es"])
    with_activity = ModulePageFactory(
        parent=booklet,
        body=body(block("interactive_activity", {"activity": activity.pk, "introduction": ""})),
    )
    without = ModulePageFactory(parent=booklet, body=body(block("text", "<p>Texto.</p>")))
    scripts = lambda page: [  # noqa: E731
        s["src"]
        for s in BeautifulSoup(client.get(page.url).content, "html.parser").find_all(
            "script", src=True
        )
    ]
    assert any("js/activity.js" in src for src in scripts(with_activity))
    assert not any("h5p" in src for src in scripts(with_activity))
    assert not any("activity" in src for src in scripts(without))


def test_without_the_player_the_page_says_the_activity_is_not_available(
    client, homes, activity, monkeypatch
):
    from curriculum.templatetags import activity_tags

    monkeypatch.setattr(activity_tags, "_player_installed", lambda: False)
    booklet = BookletPageFactory(parent=homes["es"])
    module = ModulePageFactory(
        parent=booklet,
        body=body(block("interactive_activity", {"activity": activity.pk, "introduction": ""})),
    )
    response = client.get(module.url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Esta actividad no está disponible en este momento." in page
    assert "h5p-standalone" not in page
