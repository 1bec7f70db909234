"""Dates read as people say them: "lunes 30 de noviembre, 18:00" in Spanish and
"Monday 30 November, 18:00" in English, never "30/11/2026 18:00" beside them."""

import datetime
import re
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import formats, translation

from tests.factories import sign_in
from tests.workshops.conftest import world  # noqa: F401  (the workshop fixture)

MEXICO = zoneinfo.ZoneInfo("America/Mexico_City")
MONDAY_EVENING = datetime.datetime(2026, 11, 30, 18, 0, tzinfo=MEXICO)
NUMERIC_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")


@pytest.mark.parametrize(
    ("language", "name", "expected"),
    [
        ("es", "SHORT_DATETIME_FORMAT", "lunes 30 de noviembre, 18:00"),
        ("en", "SHORT_DATETIME_FORMAT", "Monday 30 November, 18:00"),
        ("es", "DATETIME_FORMAT", "lunes 30 de noviembre de 2026, 18:00"),
        ("en", "DATETIME_FORMAT", "Monday 30 November 2026, 18:00"),
        ("es", "DATE_FORMAT", "lunes 30 de noviembre de 2026"),
        ("en", "DATE_FORMAT", "Monday 30 November 2026"),
        ("es", "SHORT_DATE_FORMAT", "30 de noviembre de 2026"),
        ("en", "SHORT_DATE_FORMAT", "30 November 2026"),
    ],
)
def test_named_formats_read_naturally(language, name, expected):
    with translation.override(language):
        assert formats.date_format(MONDAY_EVENING, name) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["es", "en"])
def test_the_facilitators_pages_show_no_numeric_dates(client, world, language):  # noqa: F811
    sign_in(client, world.facilitator_a)
    cohort, session = world.cohort_a, world.session_a
    with translation.override(language):
        urls = [
            reverse("workshops:dashboard", args=[cohort.pk]),
            reverse("workshops:attendance", args=[cohort.pk, session.pk]),
            reverse("workshops:session_kit", args=[cohort.pk, session.pk]),
            reverse("workshops:cohort", args=[cohort.pk]),
        ]
        expected = formats.date_format(
            session.starts_at.astimezone(MEXICO), "SHORT_DATETIME_FORMAT"
        )
        for url in urls:
            page = client.get(url).content.decode()
            text = re.sub(r"<[^>]+>", " ", page)
            assert not NUMERIC_DATE.search(text), (url, NUMERIC_DATE.search(text).group(0))
        for url in urls[:2]:
            assert expected in client.get(url).content.decode(), url
