"""The activity results endpoints take only a plain, bounded JSON object, and only so many
statements a person an hour: anything else is a clear JSON refusal, never a 500."""

import json
import uuid

import pytest

from curriculum import services
from curriculum.models import ActivityAttempt, ActivityStatement
from tests.factories import sign_in, trainee

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(client):
    return sign_in(client, trainee())


def statement_text(extra: str = "", statement_id=None) -> str:
    """A statement as raw JSON text, with `extra` spliced in as further members."""
    return (
        f'{{"id": "{statement_id or uuid.uuid4()}", '
        '"verb": {"id": "http://adlnet.gov/expapi/verbs/answered"}'
        f"{extra}}}"
    )


def post_statement(client, activity, raw: str | bytes):
    return client.post(
        f"/es/activities/{activity.translation_key}/statements/",
        data=raw,
        content_type="application/json",
    )


def post_state(client, activity, raw: str | bytes):
    return client.post(
        f"/es/activities/{activity.translation_key}/state/",
        data=raw,
        content_type="application/json",
    )


def nested(depth: int) -> str:
    return '{"a": ' * depth + "1" + "}" * depth


def assert_refused(response, status=400):
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]


def test_deeply_nested_statements_are_refused_not_a_server_error(client, activity, person):
    # Deep enough to exhaust the JSON parser's recursion, yet under the size limit.
    assert_refused(post_statement(client, activity, statement_text(', "x": ' + "[" * 10_000)))
    # Parseable, but deeper than any statement the player sends.
    assert_refused(post_statement(client, activity, statement_text(', "x": ' + nested(25))))
    assert not ActivityStatement.objects.exists()
    assert not ActivityAttempt.objects.exists()


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity", "1e999", "-1e999"])
def test_non_finite_numbers_are_refused(client, activity, person, constant):
    raw = statement_text(f', "result": {{"score": {{"raw": {constant}, "max": 1}}}}')
    response = post_statement(client, activity, raw)
    assert_refused(response)
    assert response.json()["error"] == "Eso no es una declaración xAPI válida."
    assert not ActivityStatement.objects.exists()


def test_huge_integers_in_a_score_do_not_break_the_attempt(client, activity, person):
    raw = statement_text(', "result": {"score": {"raw": 1' + "0" * 400 + ', "max": 1}}')
    response = post_statement(client, activity, raw)
    assert_refused(response)
    assert not ActivityStatement.objects.exists()


@pytest.mark.parametrize("raw", ["[]", '["a", {"id": "x"}]', '"texto"', "12", "null", "true"])
def test_anything_but_an_object_is_refused(client, activity, person, raw):
    assert_refused(post_statement(client, activity, raw))
    assert not ActivityStatement.objects.exists()


def test_oversized_bodies_are_refused_in_json_even_beyond_django_upload_limit(
    client, activity, person, settings
):
    just_over = statement_text(', "padding": "' + "x" * services.MAX_STATEMENT_BYTES + '"')
    assert_refused(post_statement(client, activity, just_over), status=413)
    far_over = b"x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    assert_refused(post_statement(client, activity, far_over), status=413)
    assert_refused(post_state(client, activity, far_over), status=413)
    assert not ActivityStatement.objects.exists()


def test_the_state_endpoint_takes_only_an_object_with_a_text_state(client, activity, person):
    for raw in (
        "[" * 10_000,
        nested(25),
        '{"state": NaN}',
        '{"state": ["not", "text"]}',
        '{"state": {"a": 1}}',
        "[]",
        "not json",
    ):
        assert_refused(post_state(client, activity, raw))
    assert not ActivityAttempt.objects.exists()
    assert post_state(client, activity, json.dumps({"state": '{"answered": 1}'})).json() == {
        "saved": True
    }
    assert ActivityAttempt.objects.get().state == '{"answered": 1}'


def test_statements_beyond_the_hourly_cap_are_refused_and_not_stored(
    client, activity, person, monkeypatch
):
    monkeypatch.setattr(services, "STATEMENTS_PER_HOUR", 3)
    ids = [uuid.uuid4() for _ in range(3)]
    for statement_id in ids:
        assert (
            post_statement(client, activity, statement_text(statement_id=statement_id)).status_code
            == 201
        )
    over = post_statement(client, activity, statement_text())
    assert_refused(over, status=429)
    assert int(over["Retry-After"]) > 0
    # Each valid statement was stored exactly once, and the refused one not at all.
    assert sorted(ActivityStatement.objects.values_list("statement_id", flat=True)) == sorted(ids)

    # The cap is per person: somebody else is not held back.
    other = sign_in(client, trainee())
    assert post_statement(client, activity, statement_text()).status_code == 201
    assert ActivityStatement.objects.filter(user=other).count() == 1


def test_a_state_post_without_a_state_is_refused_and_keeps_the_saved_one(client, activity, person):
    post_state(client, activity, json.dumps({"state": '{"answered": 3}'}))
    assert_refused(post_state(client, activity, "{}"))
    assert ActivityAttempt.objects.get().state == '{"answered": 3}'
