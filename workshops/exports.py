"""Spreadsheets for facilitators (CSV), written one way for every export.

Names, titles and places in them were typed by people or editors. A spreadsheet runs a
cell that starts like a formula, so every text cell, headers included, goes through
`csv_cell`, which makes such a cell plain text with a leading apostrophe (OWASP's
advice on CSV injection)."""

import csv
from collections.abc import Iterable

from django.http import HttpResponse
from wagtail.admin.views.mixins import SpreadsheetExportMixin

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
    """A CSV download (UTF-8 with a byte-order mark) whose every cell, the header's
    included, went through `csv_cell`."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # A byte-order mark first: without it Excel reads UTF-8 as the local code page and
    # "Módulo" comes out as "MÃ³dulo". Other spreadsheets skip it.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([csv_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([csv_cell(cell) for cell in row])
    return response


def escape_admin_spreadsheet_exports() -> None:
    """Make the Wagtail admin's own CSV exports (reports such as Aging pages and Site
    history, where editors' page titles and names appear) go through `csv_cell` too.

    Patched, not configured: Wagtail's `SpreadsheetExportMixin` writes CSV cells as they
    are (its XLSX writer already turns formulas into text) and offers no setting for it.
    Called once, from the app's `ready()`."""
    if getattr(SpreadsheetExportMixin, "_claves_csv_cells", False):
        return
    preprocess, heading = (
        SpreadsheetExportMixin.preprocess_field_value,
        SpreadsheetExportMixin.get_heading,
    )

    def preprocess_field_value(self, field, value, export_format):
        value = preprocess(self, field, value, export_format)
        return csv_cell(value) if export_format == self.FORMAT_CSV else value

    def get_heading(self, queryset, field):
        return csv_cell(heading(self, queryset, field))

    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin.get_heading = get_heading
    SpreadsheetExportMixin._claves_csv_cells = True
