"""The cohort's calendar file: what facilitators type stays text, whatever it holds
(RFC 5545: escaped text, lines folded at 75 octets, CRLF line endings)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import sign_in
from workshops import services
from workshops.calendar import fold, text_escape

pytestmark = pytest.mark.django_db

INJECTION = "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Trampa\r\nURL:http://evil.example/"


def download(client, world) -> bytes:
    sign_in(client, world.trainee_a)
    response = client.get(reverse("workshops:calendar", args=[world.cohort_a.pk]))
    assert response.status_code == 200
    return response.content


def unfolded_lines(data: bytes) -> list[str]:
    """A calendar as a strict reader sees it: CRLF lines, a line starting with a space
    or a tab continues the one before."""
    assert data.endswith(b"\r\n")
    text = data.decode()
    # Strict: no line break other than CRLF may appear anywhere.
    assert "\n" not in text.replace("\r\n", "") and "\r" not in text.replace("\r\n", "")
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")[:-1]


def text_value(escaped: str) -> str:
    """RFC 5545 TEXT unescaped."""
    out, chars = [], iter(escaped)
    for char in chars:
        if char == "\\":
            following = next(chars)
            out.append("\n" if following in "nN" else following)
        else:
            assert char not in ";,", f"unescaped {char!r} in {escaped!r}"
            out.append(char)
    return "".join(out)


def properties(lines: list[str], name: str) -> list[str]:
    return [text_value(line.split(":", 1)[1]) for line in lines if line.startswith(f"{name}:")]


@pytest.mark.parametrize("newline", ["\r", "\n", "\r\n", "\u2028", "\x0b"])
def test_a_newline_in_a_place_or_a_cohort_name_adds_no_event_or_property(client, world, newline):
    injection = INJECTION.replace("\r\n", newline)
    world.cohort_a.name = "Grupo Norte" + injection
    world.cohort_a.save()
    world.session_a.place = "Casa; de la, colonia \\ " + injection
    world.session_a.save()
    services.session_save(
        cohort=world.cohort_a,
        starts_at=timezone.now() + datetime.timedelta(days=10),
        duration_minutes=90,
        place="",
        call_link="https://meet.example.org/sala",
        module_keys=[],
        agenda=[],
    )

    lines = unfolded_lines(download(client, world))
    assert lines.count("BEGIN:VEVENT") == 2 and lines.count("END:VEVENT") == 2
    assert lines.count("BEGIN:VCALENDAR") == 1 and lines.count("END:VCALENDAR") == 1
    assert not any(line.startswith("URL:") for line in lines)
    assert sum(1 for line in lines if line.startswith("SUMMARY:")) == 2
    # The text comes back as it was typed, each line break as a line break.
    expected = injection.replace(newline, "\n")
    assert properties(lines, "SUMMARY") == ["Grupo Norte" + expected] * 2
    assert properties(lines, "LOCATION") == [
        "Casa; de la, colonia \\ " + expected,
        "https://meet.example.org/sala",
    ]


def test_long_lines_are_folded_at_75_octets_without_splitting_a_character(client, world):
    # Two- and four-byte characters, so a fold by octets lands inside some of them.
    # (Within the 120 characters a cohort name may have, which PostgreSQL enforces.)
    name = ("Acompañamiento en Ciudad Juárez 🌄 ñandú 🌄 " * 3).strip()[:120]
    assert len(name) <= 120 and len(f"SUMMARY:{name}".encode()) > 2 * 75
    world.cohort_a.name = name
    world.cohort_a.save()
    data = download(client, world)
    physical = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in physical) <= 75
    for line in physical:
        line.decode("utf-8")  # each physical line is whole UTF-8 on its own
    assert any(line.startswith(b" ") for line in physical)
    assert properties(unfolded_lines(data), "SUMMARY") == [name]


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a\\b;c,d", "a\\\\b\\;c\\,d"),
        ("uno\rdos\ntres\r\ncuatro", "uno\\ndos\\ntres\\ncuatro"),
        ("fin\r", "fin\\n"),
        ("nul\x00bell\x07", "nulbell"),
        ("tab\tok", "tab\tok"),
    ],
)
def test_text_escaping(text, escaped):
    assert text_escape(text) == escaped


def test_folding_keeps_each_line_within_75_octets():
    line = "SUMMARY:" + "ñ" * 100
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode()) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert folded.replace("\r\n ", "") == line
    assert fold("SUMMARY:corto") == "SUMMARY:corto"
