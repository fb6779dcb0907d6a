"""`!beeld export`: the workbook opened with openpyxl and the CSV read with `csv`, cell by cell
against the rows and the picture they were made from."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from pytest import approx

from commands.picture.export import (
    cases_csv,
    cases_csv_filename,
    workbook,
    workbook_filename,
)
from storage.cases import CaseKind, CaseStatus, Decision
from storage.figures import LeadTimes, Scope, Window
from storage.picture_rows import CaseRow, RepeatSignalRow
from tests.unit.picture.figures import NOVEMBER, PROMISE, ZONE, picture

COLUMNS = [
    "Zaaknummer",
    "Soort",
    "Regio",
    "Sector",
    "Status",
    "Gemeld",
    "Besluit",
    "Inzet gepland",
    "Inzet uitgevoerd",
    "Doorlooptijd (uren)",
    "Binnen 24 uur",
    "Over tijd",
    "Rapportage ingediend",
    "Afgesloten",
]


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def row(seq: int, **fields: object) -> CaseRow:
    values: dict[str, object] = {
        "year": 2026,
        "seq": seq,
        "kind": CaseKind.REPRESSIVE,
        "region": "VR06",
        "sector": "vleesverwerking",
        "status": CaseStatus.REPORTED,
        "signalled_at": utc(2026, 11, 2, 8, 0),
        "decision": None,
        "visit_planned_at": None,
        "visited_at": None,
        "lead_time_seconds": None,
        "overdue": False,
        "report_filed_at": None,
        "closed_at": None,
    }
    return CaseRow(**{**values, **fields})


ROWS = [
    # Signalled half an hour before midnight in Amsterdam (UTC+1): 1 November 00:30 there.
    row(
        1,
        status=CaseStatus.VISITED,
        signalled_at=utc(2026, 10, 31, 23, 30),
        decision=Decision.VISIT,
        visit_planned_at=utc(2026, 11, 1, 10, 0),
        visited_at=utc(2026, 11, 1, 17, 30),
        lead_time_seconds=18 * 3600,
    ),
    row(
        2,
        region=None,
        sector=None,
        status=CaseStatus.CLOSED,
        decision=Decision.NO_VISIT,
        overdue=True,
        closed_at=utc(2026, 11, 5, 12, 0),
    ),
    # Planned on 20 October, still summer time (UTC+2).
    row(
        3,
        kind=CaseKind.PREVENTIVE,
        region="VR05",
        sector="bouw",
        status=CaseStatus.REPORT_RECEIVED,
        signalled_at=utc(2026, 10, 20, 9, 0),
        visit_planned_at=utc(2026, 11, 10, 9, 0),
        visited_at=utc(2026, 11, 10, 9, 15),
        report_filed_at=utc(2026, 11, 12, 15, 45),
    ),
    row(4, status=CaseStatus.VISITED, visited_at=utc(2026, 11, 3, 8, 0), lead_time_seconds=86400),
    row(5, status=CaseStatus.VISITED, visited_at=utc(2026, 11, 3, 8, 0), lead_time_seconds=86401),
]

EXPECTED_CASES = [
    [
        "2026-001",
        "repressief",
        "Noord- en Oost-Gelderland (VR06)",
        "Vleesverwerking en slachterijen",
        "inzet uitgevoerd",
        datetime(2026, 11, 1, 0, 30),
        "inzet",
        datetime(2026, 11, 1, 11, 0),
        datetime(2026, 11, 1, 18, 30),
        18.0,
        "ja",
        "nee",
        None,
        None,
    ],
    [
        "2026-002",
        "repressief",
        "onbekend",
        "onbekend",
        "afgesloten",
        datetime(2026, 11, 2, 9, 0),
        "geen inzet",
        None,
        None,
        None,
        None,
        "ja",
        None,
        datetime(2026, 11, 5, 13, 0),
    ],
    [
        "2026-003",
        "preventief",
        "Twente (VR05)",
        "Bouw en infra",
        "rapportage ontvangen",
        datetime(2026, 10, 20, 11, 0),
        None,
        datetime(2026, 11, 10, 10, 0),
        datetime(2026, 11, 10, 10, 15),
        None,
        None,
        "nee",
        datetime(2026, 11, 12, 16, 45),
        None,
    ],
]
REPEATS = [RepeatSignalRow(2026, 1, utc(2026, 11, 3, 7, 5))]


def opened(**picture_changes: object) -> dict[str, Worksheet]:
    data = workbook(
        picture(**picture_changes),
        ROWS,
        REPEATS,
        zone=ZONE,
        promise=PROMISE,
        period_label="november 2026",
    )
    book = load_workbook(io.BytesIO(data))
    return {sheet.title: sheet for sheet in book.worksheets}


def values(sheet: Worksheet, first_row: int = 2) -> list[list[object]]:
    return [list(r) for r in sheet.iter_rows(min_row=first_row, values_only=True)]


def test_one_sheet_per_table_each_with_a_bold_frozen_header() -> None:
    sheets = opened()
    assert list(sheets) == [
        "Samenvatting",
        "Zaken",
        "Herhaalde signalen",
        "Per regio",
        "Per sector",
        "Doorlooptijden",
    ]
    for title, sheet in sheets.items():
        header_row = 4 if title == "Samenvatting" else 1
        header = [cell for cell in sheet[header_row] if cell.value is not None]
        assert header and all(cell.font.b for cell in header), title
        assert sheet.freeze_panes == f"A{header_row + 1}", title
        assert sheet.column_dimensions["A"].width >= len(str(header[0].value)), title
    zaken = sheets["Zaken"]
    assert [cell.value for cell in zaken[1]] == COLUMNS
    assert zaken.column_dimensions["F"].width >= len("01-11-2026 00:30")
    assert zaken.column_dimensions["C"].width >= len("Noord- en Oost-Gelderland (VR06)")


def test_the_summary_holds_each_figure_with_the_previous_period_and_its_trend() -> None:
    sheet = opened(scope=Scope(region="VR06"))["Samenvatting"]
    assert sheet["A1"].value == "Operationeel beeld november 2026"
    assert sheet["A2"].value == "Regio: Noord- en Oost-Gelderland (VR06) · Sector: alle"
    lines = {r[0]: r[1:] for r in values(sheet, first_row=5)}
    assert lines["Signalen (nieuwe zaken en herhaalde signalen)"] == [14, 10, "hoger"]
    assert lines["Nieuwe zaken"] == [11, 8, "hoger"]
    assert lines["Herhaalde signalen bij een open zaak"] == [3, 2, "hoger"]
    assert lines["Repressieve inzetten"] == [12, 9, "hoger"]
    assert lines["Inzetten binnen 24 uur"] == [9, 5, "hoger"]
    assert lines["Aandeel binnen 24 uur"] == [0.75, approx(5 / 9), "hoger"]
    assert lines["Mediane doorlooptijd (uren)"] == [18.5, 22, "lager"]
    assert lines["Doorlooptijd, 90e percentiel (uren)"] == [30, 40, "lager"]
    assert lines["Rapportages ingediend"] == [4, 2, "hoger"]
    assert lines["Preventieve bezoeken uitgevoerd"] == [2, 3, "lager"]
    assert lines["Preventieve bezoeken gepland"] == [1, None, None]
    assert lines["Langste periode zonder preventief bezoek (dagen)"][0] == approx(12 + 4 / 24)
    assert lines["Ritme van preventieve bezoeken gehouden"] == ["ja", None, None]
    assert lines["Open zaken nu"] == [8, None, None]
    assert lines["Zaken over tijd nu"] == [2, None, None]
    assert [lines[f"Trechter: {step}"][0] for step in ("gemeld", "besluit genomen")] == [11, 9]
    assert lines["Trechter: besloten tot inzet"][0] == 7
    assert lines["Trechter: inzet uitgevoerd"][0] == 6
    assert lines["Trechter: rapportage ingediend"][0] == 4
    assert lines["Trechter: afgesloten"][0] == 3
    assert lines["Wacht op een besluit"][0] == 2
    assert lines["Wacht op de inzet"][0] == 1
    assert lines["Wacht op de rapportage"][0] == 2
    assert lines["Wacht op afsluiting"][0] == 3
    share = next(r for r in sheet.iter_rows(min_row=5) if r[0].value == "Aandeel binnen 24 uur")
    assert share[1].number_format == "0%"


def test_every_case_row_in_dutch_with_local_dates_and_lead_times_in_hours() -> None:
    sheet = opened()["Zaken"]
    found = values(sheet)
    assert found[:3] == EXPECTED_CASES
    # Exactly 24 hours is within the promise, a second more is not.
    assert [r[9:11] for r in found[3:]] == [[24.0, "ja"], [24 + 1 / 3600, "nee"]]
    first = list(sheet[2])
    for cell in (first[5], first[7], first[8]):
        assert isinstance(cell.value, datetime) and cell.number_format == "dd-mm-yyyy hh:mm"
    assert isinstance(first[9].value, int | float) and first[9].number_format == "0.0"


def test_repeat_signals_regions_sectors_and_the_hours_histogram() -> None:
    sheets = opened()
    assert values(sheets["Herhaalde signalen"]) == [["2026-001", datetime(2026, 11, 3, 8, 5)]]
    assert values(sheets["Per regio"]) == [
        ["Groningen (VR01)", 2, 4, "lager", 0, 0],
        ["Drenthe (VR03)", 2, 2, "gelijk", 0, 0],
        ["IJsselland (VR04)", 1, 1, "gelijk", 0, 0],
        ["Twente (VR05)", 3, 1, "hoger", 1, 0],
        ["Noord- en Oost-Gelderland (VR06)", 5, 2, "hoger", 1, 1],
        ["Flevoland (VR25)", 0, 0, "gelijk", 0, 1],
        ["onbekend", 1, 0, "hoger", 0, 0],
    ]
    assert values(sheets["Per sector"]) == [
        ["Bouw en infra", 2, 2, "gelijk"],
        ["Vleesverwerking en slachterijen", 6, 3, "hoger"],
        ["onbekend", 6, 5, "hoger"],
    ]
    histogram = values(sheets["Doorlooptijden"])
    assert [hour for hour, _ in histogram] == list(range(32))
    assert {hour: n for hour, n in histogram if n} == {2: 1, 5: 3, 18: 4, 23: 1, 30: 2, 31: 1}
    assert sum(n for _, n in histogram) == 12


def test_no_visits_means_an_empty_histogram_and_no_lead_time_trend() -> None:
    sheets = opened(lead=LeadTimes(0, 0, None, None, ()), lead_hours=())
    assert values(sheets["Doorlooptijden"]) == []
    lines = {r[0]: r[1:] for r in values(sheets["Samenvatting"], first_row=5)}
    assert lines["Repressieve inzetten"] == [0, 9, "lager"]
    assert lines["Aandeel binnen 24 uur"] == [None, approx(5 / 9), None]
    assert lines["Mediane doorlooptijd (uren)"] == [None, 22, None]


def test_the_cases_as_semicolon_separated_csv() -> None:
    data = cases_csv(ROWS, zone=ZONE, promise=PROMISE)
    table = list(csv.reader(io.StringIO(data.decode("utf-8")), delimiter=";"))
    assert table[0] == COLUMNS
    assert table[1] == [
        "2026-001",
        "repressief",
        "Noord- en Oost-Gelderland (VR06)",
        "Vleesverwerking en slachterijen",
        "inzet uitgevoerd",
        "2026-11-01 00:30",
        "inzet",
        "2026-11-01 11:00",
        "2026-11-01 18:30",
        "18,00",
        "ja",
        "nee",
        "",
        "",
    ]
    assert table[2][5:] == [
        "2026-11-02 09:00",
        "geen inzet",
        "",
        "",
        "",
        "",
        "ja",
        "",
        "2026-11-05 13:00",
    ]
    assert [r[9:11] for r in table[4:]] == [["24,00", "ja"], ["24,00", "nee"]]
    assert len(table) == 1 + len(ROWS)


def test_file_names_name_the_month_or_the_days() -> None:
    assert workbook_filename(NOVEMBER, ZONE) == "beeld-2026-11.xlsx"
    assert cases_csv_filename(NOVEMBER, ZONE) == "beeld-zaken-2026-11.csv"
    fortnight = Window(utc(2026, 11, 15, 23, 0), utc(2026, 11, 29, 23, 0))
    assert workbook_filename(fortnight, ZONE) == "beeld-2026-11-16-tot-en-met-2026-11-29.xlsx"
