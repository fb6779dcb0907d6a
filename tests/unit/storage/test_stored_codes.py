"""Migration 0006 turns the Dutch values stored until 0005 into codes, and back, on every backend;
and every code fits its column."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from storage.base import Code
from storage.cases import CaseKind, CaseStatus, Decision, TimelineKind
from storage.database import Database
from storage.meetings import MeetingStatus
from storage.migrate import migrate
from storage.models import Base
from storage.reminders import ReminderKind

# What 0005 stored, and the code it must become.
STATUSES = {
    "gemeld": CaseStatus.REPORTED,
    "in beoordeling": CaseStatus.ASSESSING,
    "besloten": CaseStatus.DECIDED,
    "inzet gepland": CaseStatus.PLANNED,
    "inzet uitgevoerd": CaseStatus.VISITED,
    "rapportage ontvangen": CaseStatus.REPORT_RECEIVED,
    "afgesloten": CaseStatus.CLOSED,
}
CASE_KINDS = {"repressief": CaseKind.REPRESSIVE, "preventief": CaseKind.PREVENTIVE}
DECISIONS = {None: None, "inzet": Decision.VISIT, "geen inzet": Decision.NO_VISIT}
MEETING_STATUSES = {
    "aangevraagd": MeetingStatus.REQUESTED,
    "bijeengeroepen": MeetingStatus.CONVENED,
    "afgezegd": MeetingStatus.CANCELLED,
}
REMINDER_KINDS = {
    "ladder": ReminderKind.LADDER,
    "deadline": ReminderKind.DEADLINE,
    "rapport": ReminderKind.REPORT,
    "voorbereiding": ReminderKind.PREPARE,
    "convene": ReminderKind.CONVENE,
    "meeting soon": ReminderKind.MEETING_SOON,
    "action overdue": ReminderKind.ACTION_OVERDUE,
    "agenda": ReminderKind.AGENDA,
    "cadence": ReminderKind.CADENCE,
}
TIMELINE_KINDS = {
    "signaal": TimelineKind.SIGNAL,
    "herhaalsignaal": TimelineKind.REPEAT_SIGNAL,
    "incidentkamer": TimelineKind.ROOM_OPENED,
    "coordinator": TimelineKind.COORDINATOR,
    "overdracht": TimelineKind.HANDOVER,
    "regio": TimelineKind.REGION,
    "besluit": TimelineKind.DECISION,
    "inzet gepland": TimelineKind.VISIT_PLANNED,
    "inzet uitgevoerd": TimelineKind.VISITED,
    "rapportage": TimelineKind.REPORT,
    "gesloten": TimelineKind.CLOSED,
    "escalatie": TimelineKind.ESCALATION,
    "vastgelegd": TimelineKind.PINNED,
    "overleg": TimelineKind.MEETING,
    "actie": TimelineKind.ACTION,
    "notitie": TimelineKind.NOTE,
    "notulen": TimelineKind.MINUTES,
    "preventief": TimelineKind.PREVENTIVE_PLANNED,
}
AT = datetime(2026, 12, 1, 9, 0)

# The tables as 0005 has them, only the columns these rows need.
CASES = sa.table(
    "cases",
    *(sa.column(name) for name in ("id", "year", "seq", "title", "company_key", "status")),
    *(sa.column(name) for name in ("kind", "decision", "created_by", "intake_room_id")),
    sa.column("intake_event_id"),
    sa.column("aspects", sa.JSON()),
    sa.column("signalled_at", sa.DateTime()),
    sa.column("deadline_at", sa.DateTime()),
)
MEETINGS = sa.table(
    "meetings",
    *(sa.column(name) for name in ("id", "room_id", "status", "requested_by")),
    sa.column("requested_at", sa.DateTime()),
)
REMINDERS = sa.table(
    "reminders", sa.column("id"), sa.column("case_id"), sa.column("kind"), sa.column("due_at")
)
TIMELINE = sa.table(
    "timeline_entries",
    *(sa.column(name) for name in ("id", "case_id", "actor", "kind", "text")),
    sa.column("at", sa.DateTime()),
)
COLUMNS = {
    "status": CASES.c.status,
    "kind": CASES.c.kind,
    "decision": CASES.c.decision,
    "meetings": MEETINGS.c.status,
    "reminders": REMINDERS.c.kind,
    "timeline": TIMELINE.c.kind,
}
CODES: dict[str, dict[Any, Any]] = {
    "status": STATUSES,
    "kind": CASE_KINDS,
    "decision": DECISIONS,
    "meetings": MEETING_STATUSES,
    "reminders": REMINDER_KINDS,
    "timeline": TIMELINE_KINDS,
}


def _case(number: int, status: str, kind: str | None, decision: str | None) -> dict[str, Any]:
    row = {
        "id": number,
        "year": 2026,
        "seq": number,
        "title": f"Bedrijf {number}",
        "company_key": f"bedrijf {number}",
        "status": status,
        "decision": decision,
        "created_by": "@iszw:example.org",
        "intake_room_id": "!platform:example.org",
        "intake_event_id": f"$signal{number}",
        "aspects": [],
        "signalled_at": AT,
        "deadline_at": AT,
    }
    return row if kind is None else {**row, "kind": kind}


async def _fill(database: Database) -> None:
    """A case in every state, of both kinds, with each decision; every other old value once."""
    kinds, decisions = list(CASE_KINDS), list(DECISIONS)
    cases = [
        _case(number, status, kinds[number % 2], decisions[number % 3])
        for number, status in enumerate(STATUSES, start=1)
    ]
    meetings = [
        {
            "id": number,
            "room_id": "!r:x",
            "status": status,
            "requested_by": "@l:x",
            "requested_at": AT,
        }
        for number, status in enumerate(MEETING_STATUSES, start=1)
    ]
    reminders = [
        {"id": number, "case_id": 1, "kind": kind, "due_at": AT}
        for number, kind in enumerate(REMINDER_KINDS, start=1)
    ]
    entries = [
        {"id": number, "case_id": 1, "actor": "@i:x", "kind": kind, "text": kind, "at": AT}
        for number, kind in enumerate(TIMELINE_KINDS, start=1)
    ]
    async with database.transaction() as session:
        for table, rows in ((CASES, cases), (MEETINGS, meetings)):
            await session.execute(table.insert(), rows)
        await session.execute(CASES.insert(), [_case(len(cases) + 1, "gemeld", None, None)])
        for table, rows in ((REMINDERS, reminders), (TIMELINE, entries)):
            await session.execute(table.insert(), rows)


async def _stored(database: Database) -> dict[str, list[Any]]:
    """Every value in question, per column in the order of the rows."""
    async with database.transaction() as session:
        return {
            name: list((await session.scalars(sa.select(column).order_by(column.table.c.id))).all())
            for name, column in COLUMNS.items()
        }


async def _add_case(database: Database, number: int, status: str) -> None:
    """A case without a kind: it gets the column's default."""
    async with database.transaction() as session:
        await session.execute(CASES.insert(), [_case(number, status, None, None)])


async def test_the_stored_values_become_codes_and_back(empty_database: Database) -> None:
    await migrate(empty_database, "0005")
    await _fill(empty_database)
    old = await _stored(empty_database)
    assert {name: set(values) for name, values in old.items()} == {
        name: set(values) for name, values in CODES.items()
    }  # every value 0005 could store is there

    await migrate(empty_database, "head")
    assert await _stored(empty_database) == {
        name: [CODES[name][value] for value in values] for name, values in old.items()
    }
    await _add_case(empty_database, 9, CaseStatus.REPORTED)
    assert (await _stored(empty_database))["kind"][-1] == CaseKind.REPRESSIVE

    await migrate(empty_database, "0005", down=True)
    added = {"status": ["gemeld"], "kind": ["repressief"], "decision": [None]}
    assert await _stored(empty_database) == {
        name: values + added.get(name, []) for name, values in old.items()
    }
    await _add_case(empty_database, 10, "gemeld")
    assert (await _stored(empty_database))["kind"][-1] == "repressief"


def test_every_code_fits_its_column() -> None:
    columns = [
        c for t in Base.metadata.tables.values() for c in t.columns if isinstance(c.type, Code)
    ]
    assert columns
    for column in columns:
        assert max(len(code) for code in column.type.codes) <= column.type.impl.length, column
