"""Spreadsheets for facilitators (CSV), written one way for every export.

Names, titles and places in them were typed by people or editors. A spreadsheet runs a
cell that starts like a formula, so every text cell, headers included, goes through
`csv_cell`, which makes such a cell plain text with a leading apostrophe (OWASP's
advice on CSV injection)."""

import csv
from collections.abc import Iterable

from django.http import HttpResponse

# What spreadsheets take for the start of a formula: the four operators, the control
# characters some of them skip before it, and the full-width operators some locales
# read as the ASCII ones.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value):
    """One cell: numbers as they are, empty for None, anything else as text that
    cannot start a formula."""
    if value is None:
        return ""
    if isinstance(value, int | float):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_response(*, filename: str, header: Iterable, rows: Iterable[Iterable]) -> HttpResponse:
    """A CSV download whose every cell, the header's included, went through `csv_cell`."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow([csv_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([csv_cell(cell) for cell in row])
    return response
