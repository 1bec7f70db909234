"""Spreadsheets a facilitator opens in Excel: accents come out right (a UTF-8 byte-order
mark first) and attendance says only what is known: a session still to come is
'upcoming', a session whose attendance nobody took is empty, never 'no'."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import sign_in
from workshops import services
from workshops.models import SeminarSession

pytestmark = pytest.mark.django_db

BOM = b"\xef\xbb\xbf"


def download(client, world, name) -> bytes:
    sign_in(client, world.facilitator_a)
    with translation.override("en"):
        response = client.get(reverse(f"workshops:{name}", args=[world.cohort_a.pk]))
    assert response.status_code == 200
    return response.content


@pytest.mark.parametrize("name", ["attendance_csv", "progress_csv"])
def test_a_spreadsheet_starts_with_a_byte_order_mark_so_excel_reads_accents(client, world, name):
    content = download(client, world, name)
    assert content.startswith(BOM)
    assert content.count(BOM) == 1
    assert content.decode("utf-8-sig").startswith("Participant,")


def past_session(world, days_ago: int) -> SeminarSession:
    """A session that took place (the service only schedules new ones in the future)."""
    return SeminarSession.objects.create(
        cohort=world.cohort_a,
        starts_at=timezone.now() - datetime.timedelta(days=days_ago),
        duration_minutes=90,
    )


def test_attendance_says_only_what_is_known(client, world):
    taken = past_session(world, days_ago=14)
    services.attendance_record(session=taken, present_user_ids=set())
    past_session(world, days_ago=7)  # nobody took attendance
    rows = list(
        csv.reader(io.StringIO(download(client, world, "attendance_csv").decode("utf-8-sig")))
    )
    header, row = rows[0], rows[1]
    assert len(header) == 4  # participant, then three sessions, oldest first
    assert row[0] == "Participante A"
    assert row[1:] == ["no", "", "upcoming"]


def test_attendance_says_yes_for_who_came(client, world):
    taken = past_session(world, days_ago=14)
    services.attendance_record(session=taken, present_user_ids={world.trainee_a.pk})
    rows = list(
        csv.reader(io.StringIO(download(client, world, "attendance_csv").decode("utf-8-sig")))
    )
    assert rows[1][1] == "yes"
