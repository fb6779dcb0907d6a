"""Open reminders for the start-up bench: cases, meetings and actions with their reminders.

The rows are what a busy platform has open: repressive cases in their window (ladder and
deadline reminders within the next day), visited cases waiting for their report, convened
meetings and open actions over the coming weeks, and a few actions already overdue, whose
reminders are due when the bot starts. They go in with SQLAlchemy Core bulk inserts, after
the schema is migrated to head, in one transaction.
"""

from __future__ import annotations

import random
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Table, insert, text
from sqlalchemy.ext.asyncio import AsyncSession

from storage.base import Base
from storage.bot_state import BotState
from storage.cases import Case, CaseKind, CaseStatus
from storage.database import Database
from storage.follow_up import Action
from storage.meetings import Meeting, MeetingStatus
from storage.migrate import upgrade_to_head
from storage.reminders import Reminder, ReminderKind

SEED = 17
CHUNK = 5000
AHEAD = timedelta(days=28)  # future reminders are due within this
EARLIEST = timedelta(hours=1)  # ... and none before this, so none is due while measuring
WINDOW = timedelta(hours=24)
MEETING_REMINDER = timedelta(minutes=15)
#: Shares of the future reminders: case window, case report, meeting, action.
MIX = (0.2, 0.3, 0.25, 0.25)


@dataclass(frozen=True)
class Seeded:
    reminders: int
    overdue: int
    cases: int
    meetings: int
    actions: int
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Rows:
    """Rows of each table, with the ids given here."""

    cases: list[dict[str, Any]]
    meetings: list[dict[str, Any]]
    actions: list[dict[str, Any]]
    reminders: list[dict[str, Any]]

    def reminder(self, kind: ReminderKind, due: datetime, **about: int) -> None:
        self.reminders.append(
            {"id": len(self.reminders) + 1, "kind": kind, "due_at": due}
            | {"case_id": None, "meeting_id": None, "action_id": None}
            | about
        )


def _later(rng: random.Random, now: datetime, within: timedelta = AHEAD) -> datetime:
    return now + EARLIEST + (within - EARLIEST) * rng.random()


def _case(rows: _Rows, now: datetime, person: str, room: str, **fields: Any) -> int:
    case_id = len(rows.cases) + 1
    rows.cases.append(
        {
            "id": case_id,
            "kind": CaseKind.REPRESSIVE,
            "year": now.year,
            "seq": case_id,
            "title": f"Bedrijf {case_id}, Plaats {case_id % 97}",
            "company_key": f"bedrijf {case_id}",
            "region": f"VR{case_id % 25 + 1:02d}",
            "created_by": person,
            "intake_room_id": room,
            "intake_event_id": f"$startup-seed-{case_id}",
            "room_id": f"!startup-case-{case_id}:bench.example",
            # Every row has the same keys: a bulk insert takes its columns from the first.
            "visited_at": None,
            "coordinator": None,
        }
        | fields
    )
    return case_id


def _window_case(rows: _Rows, rng: random.Random, now: datetime, person: str, room: str) -> None:
    """A case in its 24-hour window: a ladder rung and the deadline, both ahead."""
    deadline = _later(rng, now, WINDOW + EARLIEST)
    case_id = _case(
        rows,
        now,
        person,
        room,
        status=CaseStatus.REPORTED,
        signalled_at=deadline - WINDOW,
        deadline_at=deadline,
    )
    rung = max(deadline - timedelta(hours=1), now + EARLIEST)
    rows.reminder(ReminderKind.LADDER, rung, case_id=case_id)
    rows.reminder(ReminderKind.DEADLINE, deadline, case_id=case_id)


def _visited_case(rows: _Rows, rng: random.Random, now: datetime, person: str, room: str) -> None:
    """A case whose visit was carried out; its report reminder is ahead."""
    due = _later(rng, now)
    visited = due - timedelta(hours=48)
    case_id = _case(
        rows,
        now,
        person,
        room,
        status=CaseStatus.VISITED,
        signalled_at=visited - timedelta(hours=12),
        deadline_at=visited + timedelta(hours=12),
        visited_at=visited,
        coordinator="ISZW",
    )
    rows.reminder(ReminderKind.REPORT, due, case_id=case_id)


def _meeting(rows: _Rows, rng: random.Random, now: datetime, person: str, room: str) -> None:
    starts = _later(rng, now) + MEETING_REMINDER
    meeting_id = len(rows.meetings) + 1
    rows.meetings.append(
        {
            "id": meeting_id,
            "room_id": room,
            "topic": f"afstemming {meeting_id}",
            "status": MeetingStatus.CONVENED,
            "requested_by": person,
            "requested_at": now - timedelta(days=1),
            "proposed_at": starts,
            "starts_at": starts,
            "convened_at": now - timedelta(hours=20),
            "convened_by": person,
        }
    )
    rows.reminder(ReminderKind.MEETING_SOON, starts - MEETING_REMINDER, meeting_id=meeting_id)


def _action(rows: _Rows, due: datetime, now: datetime, person: str, room: str) -> None:
    action_id = len(rows.actions) + 1
    rows.actions.append(
        {
            "id": action_id,
            "room_id": room,
            "text": f"Actie {action_id}: adressen opvragen",
            "owner_user": person,
            "due_at": due,
            "created_by": person,
            "created_at": now - timedelta(days=2),
        }
    )
    rows.reminder(ReminderKind.ACTION_OVERDUE, due, action_id=action_id)


def make_rows(
    reminders: int, overdue: int, now: datetime, person: str, room: str, seed: int = SEED
) -> _Rows:
    """`reminders` open reminders in all, `overdue` of them already due (actions in `room`)."""
    rng = random.Random(seed)
    rows = _Rows([], [], [], [])
    for index in range(min(overdue, reminders)):
        _action(rows, now - timedelta(minutes=5 + index), now, person, room)
    while len(rows.reminders) < reminders:
        pick = rng.random()
        if pick < MIX[0] and reminders - len(rows.reminders) >= 2:
            _window_case(rows, rng, now, person, room)
        elif pick < MIX[0] + MIX[1]:
            _visited_case(rows, rng, now, person, room)
        elif pick < MIX[0] + MIX[1] + MIX[2]:
            _meeting(rows, rng, now, person, room)
        else:
            _action(rows, _later(rng, now), now, person, room)
    return rows


async def _insert(session: AsyncSession, table: Table, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), CHUNK):
        await session.execute(insert(table), rows[start : start + CHUNK])


async def _move_sequences(session: AsyncSession, tables: list[str]) -> None:
    """PostgreSQL's id sequences past the given ids (SQLite's next id follows the highest)."""
    if session.bind.dialect.name != "postgresql":
        return
    for name in tables:
        await session.execute(
            text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), max(id)) FROM {name}")
        )


async def seed_reminders(
    url: str, reminders: int, overdue: int, now: datetime, person: str, room: str
) -> Seeded:
    """Migrate the database at `url`, note the bot's first start, and add the reminders."""
    started = time.perf_counter()
    rows = make_rows(reminders, overdue, now, person, room)
    tables: list[tuple[type[Base], list[dict[str, Any]]]] = [
        (Case, rows.cases),
        (Meeting, rows.meetings),
        (Action, rows.actions),
        (Reminder, rows.reminders),
    ]
    database = Database(url)
    try:
        await upgrade_to_head(database)
        async with database.transaction() as session:
            await BotState(session).first_start(now - timedelta(days=30))
            for model, values in tables:
                await _insert(session, model.__table__, values)  # type: ignore[arg-type]
            await _move_sequences(session, [m.__tablename__ for m, v in tables if v])
    finally:
        await database.close()
    return Seeded(
        reminders=len(rows.reminders),
        overdue=min(overdue, reminders),
        cases=len(rows.cases),
        meetings=len(rows.meetings),
        actions=len(rows.actions),
        seconds=time.perf_counter() - started,
    )
