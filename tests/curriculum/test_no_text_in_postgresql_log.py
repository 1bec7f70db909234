"""Issue #15: two overlapping first saves of one row (autosave and Save, a statement
sent twice) never make PostgreSQL log a failed statement, which would carry the
person's text into the server log, where it outlives their account."""

import os
import threading
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection, transaction

from curriculum import services
from tests.factories import trainee
from workshops import services as workshop_services
from workshops.models import Membership, SeminarExercise

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

DEBIAN_LOG = "/var/log/postgresql/postgresql-15-main.log"


def server_log() -> Path:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_logfile(), current_setting('data_directory')")
        current, data_directory = cursor.fetchone()
    path = Path(data_directory, current) if current else Path(os.environ.get("PGLOG", DEBIAN_LOG))
    try:
        path.open("rb").close()
    except OSError as error:
        message = f"cannot read the PostgreSQL server log at {path} ({error}); set PGLOG"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


def with_statement_errors_logged(save):
    def run():
        with connection.cursor() as cursor:
            cursor.execute("SET log_min_error_statement = 'error'")
        try:
            save()
        finally:
            connection.close()

    return run


def race(save):
    """Runs `save` twice so that the second starts while the first has written its row
    but not committed it: what a get-then-insert turns into a duplicate INSERT."""
    written = threading.Event()
    failures = []

    def first():
        with transaction.atomic():
            save()
            written.set()
            time.sleep(0.5)

    def second():
        written.wait(5)
        save()

    def guarded(step):
        def run():
            try:
                step()
            except Exception as error:
                failures.append(error)
                written.set()

        return with_statement_errors_logged(run)

    threads = [threading.Thread(target=guarded(step)) for step in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert failures == []


@pytest.fixture
def exercise():
    facilitator = trainee(username="facilita")
    cohort = workshop_services.cohort_create(
        facilitator=facilitator, name="G", language="es", booklet_keys=[], starts_on="2026-01-01"
    )
    return workshop_services.exercise_create(
        cohort=cohort,
        title="Carta",
        prompt="Escribe.",
        module_key=None,
        due_at=None,
        visibility=SeminarExercise.Visibility.FACILITATORS,
        anonymous_to_peers=True,
    )


def test_racing_first_saves_keep_one_row_and_log_no_text(exercise):
    log = server_log()
    start = log.stat().st_size
    canary = f"canario-{uuid.uuid4()}"
    person = trainee()
    Membership.objects.create(cohort=exercise.cohort, user=person)
    module_key, activity_key, other_key, statement_id = (uuid.uuid4() for _ in range(4))
    statement = {
        "id": str(statement_id),
        "verb": {"id": "answered"},
        "result": {"response": canary},
    }

    race(
        lambda: services.journal_entry_save(
            user=person,
            module_key=module_key,
            booklet_key=uuid.uuid4(),
            prompt_id="q1",
            prompt=canary,
            body=canary,
        )
    )
    race(lambda: workshop_services.response_save(exercise=exercise, author=person, body=canary))
    race(
        lambda: services.activity_statement_record(
            user=person, activity_key=activity_key, statement=statement
        )
    )
    race(lambda: services.activity_state_save(user=person, activity_key=other_key, state=canary))

    assert person.journal_entries.get().body == canary
    assert person.exercise_responses.get().body == canary
    assert person.activity_statements.count() == 1
    assert person.activity_attempts.get(activity_key=other_key).state == canary
    time.sleep(0.3)  # the server writes its log on its own time
    with log.open("rb") as file:
        file.seek(start)
        written = file.read().decode(errors="replace")
    assert canary not in written
    assert "duplicate key" not in written
