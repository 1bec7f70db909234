"""Seminar sessions as an iCalendar file (RFC 5545).

Written by hand: the file has two fixed component types and two free-text properties,
so the escaping and folding below are all a library would add. What facilitators type
(a cohort's name, a session's place) must stay one property's text: every line break is
escaped, so no one can add an event or a property to a file others import."""

import datetime
import re

from django.utils import timezone

# Everything some reader takes for a line break (CR, LF, CRLF, and what Python's
# str.splitlines also splits on), each written as one escaped newline.
_LINE_BREAK = re.compile("\r\n|[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Other control characters are not allowed in TEXT (RFC 5545 3.3.11); tab is.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f]")

# A content line is at most 75 octets, line break excluded (RFC 5545 3.1).
LINE_OCTETS = 75


def text_escape(text: str) -> str:
    """A TEXT value: backslash, semicolon and comma escaped, every line break "\\n"."""
    text = _CONTROL.sub("", text)
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return _LINE_BREAK.sub("\\\\n", text)


def fold(line: str) -> str:
    """Fold a content line into physical lines of at most 75 octets each, the leading
    space of a continuation included, never splitting a UTF-8 character."""
    if len(line.encode()) <= LINE_OCTETS:
        return line
    parts, current, size = [], [], 0
    for char in line:
        width = len(char.encode())
        if size + width > LINE_OCTETS:
            parts.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n".join(parts)


def _stamp(moment) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def sessions_as_ics(*, cohort, sessions, request) -> str:
    host = request.get_host().split(":")[0]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Claves//Workshops//ES",
        "CALSCALE:GREGORIAN",
    ]
    now = _stamp(timezone.now())
    for session in sessions:
        location = session.place or session.call_link
        lines += [
            "BEGIN:VEVENT",
            f"UID:session-{session.pk}@{host}",
            f"DTSTAMP:{now}",
            f"DTSTART:{_stamp(session.starts_at)}",
            f"DTEND:{_stamp(session.ends_at)}",
            f"SUMMARY:{text_escape(cohort.name)}",
        ]
        if location:
            lines.append(f"LOCATION:{text_escape(location)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
