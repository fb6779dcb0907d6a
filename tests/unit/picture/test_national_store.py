"""The national figures' store and the signals per aspect, on each database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from storage.database import Database
from storage.figures import Window
from storage.national import AspectSignals, NationalFigures
from tests.unit.helpers import NOW
from tests.unit.picture.helpers import (
    FIGURES,
    VR05_MIGRANTS,
    VR06_MIGRANTS,
    add_signals,
    import_figures,
)


async def test_figures_are_kept_per_region_and_indicator(database: Database) -> None:
    await import_figures(database)
    async with database.transaction() as session:
        store = NationalFigures(session)
        everything = await store.all()
        vr05 = await store.for_region("VR05")
        elsewhere = await store.for_region("VR01")
    assert len(everything) == len(FIGURES)
    assert [(row.indicator, row.value, row.sectors) for row in vr05] == [
        ("arbeidsmigranten", 8600, None),
        ("bedden", 1500, None),
        ("hoofdsectoren", None, ["vleesverwerking", "logistiek"]),
    ]
    assert (vr05[0].source, vr05[0].as_of, vr05[0].imported_at) == ("CBS", date(2026, 7, 1), NOW)
    assert vr05[0].imported_from == "cijfers.csv"
    assert elsewhere == []


async def test_a_reimport_replaces_the_figure_of_its_region_and_indicator_only(
    database: Database,
) -> None:
    await import_figures(database)
    newer = replace(
        VR06_MIGRANTS, value=13050, source="RNI, peildatum 1 november", as_of=date(2026, 11, 1)
    )
    await import_figures(database, (newer,), name="november.yaml")
    async with database.transaction() as session:
        store = NationalFigures(session)
        everything = await store.all()
        vr06 = {row.indicator: row for row in await store.for_region("VR06")}
        vr05 = {row.indicator: row for row in await store.for_region("VR05")}
    assert len(everything) == len(FIGURES)  # replaced, not added
    migrants = vr06["arbeidsmigranten"]
    assert (migrants.value, migrants.source, migrants.as_of, migrants.imported_from) == (
        13050,
        "RNI, peildatum 1 november",
        date(2026, 11, 1),
        "november.yaml",
    )
    assert vr05["arbeidsmigranten"].value == VR05_MIGRANTS.value  # the other region is untouched
    assert vr06["huisvestingslocaties"].value == 42


async def test_signals_are_counted_per_aspect_in_the_window_and_ever(database: Database) -> None:
    await add_signals(database)
    window = Window(NOW - timedelta(days=90), NOW)
    async with database.transaction() as session:
        store = NationalFigures(session)
        vr06 = await store.signals_per_aspect(window, "VR06")
        everywhere = await store.signals_per_aspect(window)
        quiet = await store.signals_per_aspect(window, "VR01")
    assert vr06 == {
        "wonen": AspectSignals(in_window=1, total=2),
        "werken": AspectSignals(in_window=2, total=2),
        "vervoer": AspectSignals(in_window=1, total=1),
    }
    assert everywhere == {
        "wonen": AspectSignals(in_window=2, total=3),
        "werken": AspectSignals(in_window=3, total=3),
        "vervoer": AspectSignals(in_window=1, total=1),
    }
    assert quiet == {}
