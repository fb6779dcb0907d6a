"""`!beeld export`: the picture as a workbook (one sheet per table) and its cases as CSV.

Dates are real spreadsheet dates in the platform's time zone, lead times numbers of hours, so
the figures can be filtered and added up. The workbook is written in openpyxl's write-only
mode: a year of cases (some 20,000 rows) takes a few seconds and little memory.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from babel.numbers import format_decimal
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from commands.core.timefmt import setting
from commands.follow_up.lists import to_csv
from commands.picture.export_summary import HOURS_FORMAT, SummaryLine, summary_lines
from commands.picture.report_values import (
    hours,
    local,
    period_slug,
    region_name,
    sector_name,
    trend_word,
    within,
    yes_no,
)
from commands.texts import cases as cases_texts
from commands.texts import export as texts
from storage.figures import Compared, Picture, Window
from storage.picture_rows import CaseRow, RepeatSignalRow

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

DATE_FORMAT = "dd-mm-yyyy hh:mm"
CSV_DATE = "%Y-%m-%d %H:%M"
MIN_WIDTH = 10
MAX_WIDTH = 60
NUMBER_LENGTH = 6  # 1234,5
LABEL_WIDTH = 50
_BOLD = Font(bold=True)

Value = int | float | str | datetime | None


def workbook_filename(window: Window, zone: ZoneInfo) -> str:
    return texts.WORKBOOK_FILE.format(period=period_slug(window, zone))


def cases_csv_filename(window: Window, zone: ZoneInfo) -> str:
    return texts.CASES_FILE.format(period=period_slug(window, zone))


def case_columns(promise: timedelta) -> list[str]:
    return [column.format(promise=setting(promise)) for column in texts.CASE_COLUMNS]


def case_values(row: CaseRow, zone: ZoneInfo, promise: timedelta) -> list[Value]:
    """One case as the workbook's and the CSV's columns show it."""
    lead = (
        None if row.lead_time_seconds is None else hours(timedelta(seconds=row.lead_time_seconds))
    )
    return [
        row.number,
        cases_texts.KIND_LABELS[row.kind],
        region_name(row.region),
        sector_name(row.sector),
        cases_texts.STATUS_LABELS[row.status],
        local(row.signalled_at, zone),
        cases_texts.DECISION_LABELS[row.decision] if row.decision else "",
        local(row.visit_planned_at, zone),
        local(row.visited_at, zone),
        lead,
        yes_no(within(row.lead_time_seconds, promise)),
        yes_no(row.overdue),
        local(row.report_filed_at, zone),
        local(row.closed_at, zone),
    ]


def cases_csv(rows: Sequence[CaseRow], *, zone: ZoneInfo, promise: timedelta) -> bytes:
    """The Zaken sheet as CSV, as the action and decision lists are exported."""
    cells = ([_csv_cell(value) for value in case_values(row, zone, promise)] for row in rows)
    return to_csv(case_columns(promise), cells).encode("utf-8")


def _csv_cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime(CSV_DATE)
    if isinstance(value, float):
        return format_decimal(value, "0.00", locale="nl")
    return str(value)


def workbook(
    picture: Picture,
    rows: Sequence[CaseRow],
    repeats: Sequence[RepeatSignalRow],
    *,
    zone: ZoneInfo,
    promise: timedelta,
    period_label: str,
) -> bytes:
    book = Workbook(write_only=True)
    _summary_sheet(book, picture, promise, period_label)
    _table(
        book,
        texts.SHEET_CASES,
        case_columns(promise),
        (case_values(row, zone, promise) for row in rows),
    )
    _table(
        book,
        texts.SHEET_REPEATS,
        texts.REPEAT_COLUMNS,
        ([repeat.number, local(repeat.at, zone)] for repeat in repeats),
    )
    _table(book, texts.SHEET_REGIONS, texts.REGION_COLUMNS, _region_rows(picture))
    _table(book, texts.SHEET_SECTORS, texts.SECTOR_COLUMNS, _sector_rows(picture))
    _table(book, texts.SHEET_LEAD_TIMES, texts.LEAD_TIME_COLUMNS, _histogram(picture))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _summary_sheet(book: Workbook, picture: Picture, promise: timedelta, period: str) -> None:
    sheet = book.create_sheet(texts.SHEET_SUMMARY)
    sheet.column_dimensions["A"].width = LABEL_WIDTH
    for letter in "BCD":
        sheet.column_dimensions[letter].width = len(texts.SUMMARY_COLUMNS[1]) + 4
    sheet.freeze_panes = "A5"  # below the title, the scope, a blank line and the header
    scope = picture.scope
    sheet.append([_bold(sheet, texts.SUMMARY_TITLE.format(period=period))])
    sheet.append(
        [
            texts.SUMMARY_SCOPE.format(
                region=region_name(scope.region) if scope.region else texts.ALL,
                sector=sector_name(scope.sector) if scope.sector else texts.ALL,
            )
        ]
    )
    sheet.append([])
    sheet.append([_bold(sheet, column) for column in texts.SUMMARY_COLUMNS])
    for line in summary_lines(picture, promise):
        sheet.append(_summary_cells(sheet, line))


def _summary_cells(sheet: WriteOnlyWorksheet, line: SummaryLine) -> list[WriteOnlyCell | Value]:
    return [
        line.label,
        _cell(sheet, line.current, line.number_format),
        _cell(sheet, line.previous, line.number_format),
        line.trend,
    ]


def _table(
    book: Workbook, title: str, columns: Sequence[str], rows: Iterable[Sequence[Value]]
) -> None:
    """A sheet with a bold, frozen header row; each column as wide as its widest cell."""
    sheet = book.create_sheet(title)
    rows = list(rows)
    for index, width in enumerate(_widths(columns, rows), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.append([_bold(sheet, column) for column in columns])
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])


def _widths(columns: Sequence[str], rows: Sequence[Sequence[Value]]) -> list[int]:
    widest = [len(column) for column in columns]
    for row in rows:
        for index, value in enumerate(row):
            widest[index] = max(widest[index], _shown_length(value))
    return [min(max(width + 2, MIN_WIDTH), MAX_WIDTH) for width in widest]


def _shown_length(value: Value) -> int:
    if isinstance(value, datetime):
        return len(DATE_FORMAT)
    if isinstance(value, float):
        return NUMBER_LENGTH
    return len(str(value)) if value is not None else 0


def _bold(sheet: WriteOnlyWorksheet, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = _BOLD
    return cell


def _cell(
    sheet: WriteOnlyWorksheet, value: Value, number_format: str | None = None
) -> WriteOnlyCell | Value:
    """Dates in the Dutch order, fractions of an hour to one decimal; other values as they are."""
    if isinstance(value, datetime):
        number_format = DATE_FORMAT
    elif isinstance(value, float) and number_format is None:
        number_format = HOURS_FORMAT
    if number_format is None or value is None:
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = number_format
    return cell


def _compared_cells(figure: Compared | None) -> list[Value]:
    figure = figure or Compared(0, 0)
    return [figure.current, figure.previous, trend_word(figure.current, figure.previous)]


def _region_rows(picture: Picture) -> list[list[Value]]:
    done, planned = picture.preventive.done_by_region, picture.preventive.planned_by_region
    codes = set(picture.signals_by_region) | set(done) | set(planned)
    return [
        [
            region_name(code),
            *_compared_cells(picture.signals_by_region.get(code)),
            done.get(code, 0),
            planned.get(code, 0),
        ]
        for code in sorted(codes, key=lambda code: (code is None, code or ""))
    ]


def _sector_rows(picture: Picture) -> list[list[Value]]:
    by_sector = picture.signals_by_sector
    ordered = sorted(by_sector, key=lambda key: (key is None, sector_name(key)))
    return [[sector_name(key), *_compared_cells(by_sector[key])] for key in ordered]


def _histogram(picture: Picture) -> list[list[Value]]:
    """Every whole hour from 0 to the slowest visit's, also the hours without a visit."""
    counted = dict(picture.lead_hours)
    if not counted:
        return []
    return [[hour, counted.get(hour, 0)] for hour in range(max(counted) + 1)]
