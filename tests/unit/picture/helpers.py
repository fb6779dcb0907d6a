"""Shared by the national picture's tests: figures to import, and cases naming aspects."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import count

from storage.cases import Case, CaseKind
from storage.database import Database
from storage.national import FigureValues, NationalFigures
from tests.unit.helpers import NOW

_numbers = count(1)

VR06_MIGRANTS = FigureValues(
    "VR06", "arbeidsmigranten", 12400, None, "RNI-registratie gemeenten", date(2026, 10, 1)
)
VR06_SECTORS = FigureValues(
    "VR06", "hoofdsectoren", None, ("vleesverwerking", "land-tuinbouw"), "UWV", date(2026, 10, 1)
)
VR06_LOCATIONS = FigureValues(
    "VR06", "huisvestingslocaties", 42, None, "Keurmerk flexwonen", date(2026, 10, 1)
)
VR06_OPERATORS = FigureValues(
    "VR06", "pendelvervoerders", 1, None, "Provincie Gelderland", date(2026, 9, 15)
)
VR05_MIGRANTS = FigureValues("VR05", "arbeidsmigranten", 8600, None, "CBS", date(2026, 7, 1))
VR05_SECTORS = FigureValues(
    "VR05", "hoofdsectoren", None, ("vleesverwerking", "logistiek"), "CBS", date(2026, 7, 1)
)
VR05_BEDS = FigureValues("VR05", "bedden", 1500, None, "CBS", date(2026, 7, 1))
FIGURES = (
    VR06_MIGRANTS,
    VR06_SECTORS,
    VR06_LOCATIONS,
    VR06_OPERATORS,
    VR05_MIGRANTS,
    VR05_SECTORS,
    VR05_BEDS,
)


async def import_figures(
    database: Database, figures: tuple[FigureValues, ...] = FIGURES, name: str = "cijfers.csv"
) -> None:
    async with database.transaction() as session:
        await NationalFigures(session).upsert(figures, at=NOW, imported_from=name)


def signal(
    region: str | None,
    aspects: list[str],
    ago: timedelta,
    kind: CaseKind = CaseKind.REPRESSIVE,
) -> Case:
    """A case signalled `ago` before NOW in `region`, naming `aspects`."""
    number = next(_numbers)
    signalled: datetime = NOW - ago
    return Case(
        kind=kind,
        year=2026,
        seq=number,
        title=f"Bedrijf {number}",
        company_key=f"bedrijf {number}",
        region=region,
        aspects=aspects,
        signalled_at=signalled,
        deadline_at=signalled + timedelta(hours=24),
        created_by="@iszw:example.org",
        intake_room_id="!platform:example.org",
        intake_event_id=f"$signal{number}",
    )


def signals() -> list[Case]:
    """Cases about wonen, werken and vervoer in and before the 90 days before NOW.

    VR06: wonen 1 in the window (2 ever), werken 2 (2), vervoer 1 (1). Everywhere: wonen 2 (3),
    werken 3 (3), vervoer 1 (1). A preventive visit and a case naming no aspect count for none.
    """
    return [
        signal("VR06", ["wonen", "werken"], timedelta(days=10)),
        signal("VR06", ["wonen"], timedelta(days=100)),
        signal("VR06", ["vervoer"], timedelta(days=1)),
        signal("VR06", ["werken"], timedelta(days=90)),  # exactly at the window's start: in it
        signal("VR06", [], timedelta(days=2)),
        signal("VR06", ["wonen"], timedelta(days=3), CaseKind.PREVENTIVE),
        signal("VR05", ["wonen"], timedelta(days=5)),
        signal(None, ["werken"], timedelta(days=4)),
    ]


async def add_signals(database: Database) -> None:
    async with database.transaction() as session:
        session.add_all(signals())
