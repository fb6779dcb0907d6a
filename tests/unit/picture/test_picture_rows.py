"""The export's rows: which cases a window holds, in which order, narrowed by region and sector,
and none of the free text members typed."""

from __future__ import annotations

from dataclasses import astuple
from datetime import UTC, datetime, timedelta
from itertools import count

from storage.cases import Case, CaseKind, CaseStatus, Decision, TimelineEntry, TimelineKind
from storage.database import Database
from storage.figures import Scope, Window
from storage.picture_rows import CaseRow, PictureRows

NOVEMBER = Window(datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC))
BEFORE = datetime(2026, 10, 20, 8, 0, tzinfo=UTC)
FREE_TEXT = ("Slachterij De Vries", "Dorpsstraat 1, Groenlo", "veel klachten", "geen reden")

_seq = count(1)
_events = count(1)


def case(signalled_at: datetime, **fields: object) -> Case:
    """A case with free text in every field that holds some."""
    values: dict[str, object] = {
        "kind": CaseKind.REPRESSIVE,
        "year": 2026,
        "seq": next(_seq),
        "title": FREE_TEXT[0],
        "company_key": "slachterij de vries|groenlo",
        "region": "VR06",
        "sector": "vleesverwerking",
        "location": FREE_TEXT[1],
        "description": FREE_TEXT[2],
        "decision_note": FREE_TEXT[3],
        "visit_location": FREE_TEXT[1],
        "close_reason": FREE_TEXT[3],
        "signalled_at": signalled_at,
        "deadline_at": signalled_at + timedelta(hours=24),
        "created_by": "@iszw:example.org",
        "intake_room_id": "!platform:example.org",
        "intake_event_id": f"$signal{next(_events)}",
    }
    return Case(**{**values, **fields})


async def store(database: Database, *cases: Case) -> list[Case]:
    async with database.transaction() as session:
        session.add_all(cases)
        await session.flush()
    return list(cases)


EVERYWHERE = Scope()


async def rows(database: Database, scope: Scope = EVERYWHERE) -> list[CaseRow]:
    async with database.transaction() as session:
        return await PictureRows(session).cases(NOVEMBER, scope)


async def test_a_case_is_in_the_window_when_signalled_visited_reported_or_closed_in_it(
    database: Database,
) -> None:
    visited_at = datetime(2026, 11, 2, 7, 0, tzinfo=UTC)
    stored = await store(
        database,
        case(datetime(2026, 11, 3, 12, 0, tzinfo=UTC)),  # signalled in it
        case(
            BEFORE,
            status=CaseStatus.VISITED,
            decision=Decision.VISIT,
            visit_planned_at=visited_at,
            visited_at=visited_at,
            lead_time_seconds=int((visited_at - BEFORE).total_seconds()),
            overdue=True,
        ),
        case(BEFORE, report_filed_at=datetime(2026, 11, 30, 23, 59, tzinfo=UTC)),
        case(BEFORE, status=CaseStatus.CLOSED, closed_at=datetime(2026, 11, 5, tzinfo=UTC)),
        case(BEFORE, visited_at=datetime(2026, 10, 21, tzinfo=UTC)),  # nothing in November
        case(NOVEMBER.until),  # the window's end is not in it
        case(NOVEMBER.since),  # its start is
        case(
            datetime(2026, 10, 1, tzinfo=UTC),
            kind=CaseKind.PREVENTIVE,
            visited_at=datetime(2026, 11, 10, 9, 0, tzinfo=UTC),
        ),
    )
    found = await rows(database)
    # Oldest signal first: the preventive visit was planned on 1 October.
    expected = [stored[7], stored[1], stored[2], stored[3], stored[6], stored[0]]
    assert [row.number for row in found] == [c.number for c in expected]
    visited = found[1]
    assert visited == CaseRow(
        year=2026,
        seq=stored[1].seq,
        kind=CaseKind.REPRESSIVE,
        region="VR06",
        sector="vleesverwerking",
        status=CaseStatus.VISITED,
        signalled_at=BEFORE,
        decision=Decision.VISIT,
        visit_planned_at=visited_at,
        visited_at=visited_at,
        lead_time_seconds=13 * 24 * 3600 - 3600,
        overdue=True,
        report_filed_at=None,
        closed_at=None,
    )
    assert found[0].kind == CaseKind.PREVENTIVE


async def test_the_same_signal_moment_is_ordered_by_id(database: Database) -> None:
    moment = datetime(2026, 11, 4, 10, 0, tzinfo=UTC)
    later, earlier = case(moment, seq=902), case(moment, seq=901)
    await store(database, later, earlier)  # the higher number gets the lower id
    assert [row.seq for row in await rows(database)] == [902, 901]


async def test_region_and_sector_narrow_the_rows(database: Database) -> None:
    moment = datetime(2026, 11, 4, 10, 0, tzinfo=UTC)
    await store(
        database,
        case(moment, seq=801, region="VR06", sector="bouw"),
        case(moment, seq=802, region="VR05", sector="bouw"),
        case(moment, seq=803, region="VR06", sector="logistiek"),
        case(moment, seq=804, region=None, sector=None),
    )
    assert [r.seq for r in await rows(database)] == [801, 802, 803, 804]
    assert [r.seq for r in await rows(database, Scope(region="VR06"))] == [801, 803]
    assert [r.seq for r in await rows(database, Scope(sector="bouw"))] == [801, 802]
    assert [r.seq for r in await rows(database, Scope("VR06", "bouw"))] == [801]


async def test_no_free_text_leaves_with_the_rows(database: Database) -> None:
    await store(database, case(datetime(2026, 11, 4, 10, 0, tzinfo=UTC)))
    (row,) = await rows(database)
    assert not any(isinstance(value, str) and value in FREE_TEXT for value in astuple(row))
    assert {"title", "description", "location", "decision_note", "close_reason"}.isdisjoint(
        CaseRow.__dataclass_fields__
    )


async def test_repeat_signals_of_the_window_and_scope(database: Database) -> None:
    ours, theirs = await store(
        database,
        case(BEFORE, seq=701, region="VR06"),
        case(BEFORE, seq=702, region="VR05"),
    )
    moments = [datetime(2026, 11, 2, 9, 0, tzinfo=UTC), datetime(2026, 11, 1, 0, 0, tzinfo=UTC)]
    async with database.transaction() as session:
        for target, kind, at in [
            (ours, TimelineKind.REPEAT_SIGNAL, moments[0]),
            (theirs, TimelineKind.REPEAT_SIGNAL, datetime(2026, 11, 3, tzinfo=UTC)),
            (ours, TimelineKind.REPEAT_SIGNAL, moments[1]),
            (ours, TimelineKind.REPEAT_SIGNAL, NOVEMBER.until),  # after the window
            (ours, TimelineKind.SIGNAL, datetime(2026, 11, 5, tzinfo=UTC)),  # not a repeat
        ]:
            session.add(
                TimelineEntry(case_id=target.id, at=at, actor="@a:hs", kind=kind, text=FREE_TEXT[0])
            )
    async with database.transaction() as session:
        everywhere = await PictureRows(session).repeat_signals(NOVEMBER, Scope())
        ours_only = await PictureRows(session).repeat_signals(NOVEMBER, Scope(region="VR06"))
    assert [(r.number, r.at) for r in everywhere] == [
        ("2026-701", moments[1]),
        ("2026-701", moments[0]),
        ("2026-702", datetime(2026, 11, 3, tzinfo=UTC)),
    ]
    assert [(r.number, r.at) for r in ours_only] == [
        ("2026-701", moments[1]),
        ("2026-701", moments[0]),
    ]
