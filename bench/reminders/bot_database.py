"""Reading signaalbot's SQLite database: its reminders, its outbox, its case rooms."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

LADDER = "ladder"  # reminders.kind
DEADLINE = "deadline"


def _utc(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=UTC)


@dataclass(frozen=True)
class ReminderRow:
    id: int
    case_id: int
    case_number: str
    kind: str
    due: datetime
    sent: datetime | None
    cancelled: datetime | None


@dataclass(frozen=True)
class OutboxRow:
    id: int
    lane: str
    kind: str
    payload: dict[str, Any]
    created: datetime
    delivered: datetime | None
    event_id: str | None


@dataclass(frozen=True)
class BotDatabase:
    """A read-only look at the bot's SQLite database while it runs."""

    path: Path

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=10)
        try:
            return connection.execute(sql).fetchall()
        except sqlite3.OperationalError:
            return []  # not created yet
        finally:
            connection.close()

    def count(self, sql: str) -> int:
        rows = self.query(sql)
        return int(rows[0][0]) if rows else 0

    def reminders(self) -> list[ReminderRow]:
        rows = self.query(
            "SELECT r.id, r.case_id, c.year, c.seq, r.kind, r.due_at, r.sent_at, r.cancelled_at "
            "FROM reminders r JOIN cases c ON c.id = r.case_id ORDER BY r.due_at, r.id"
        )
        return [
            ReminderRow(
                id=row[0],
                case_id=row[1],
                case_number=f"{row[2]}-{row[3]:03d}",
                kind=row[4],
                due=_utc(row[5]) or datetime.min.replace(tzinfo=UTC),
                sent=_utc(row[6]),
                cancelled=_utc(row[7]),
            )
            for row in rows
        ]

    def outbox(self) -> list[OutboxRow]:
        rows = self.query(
            "SELECT id, lane, kind, payload, created_at, delivered_at, result_event_id "
            "FROM outbox ORDER BY id"
        )
        return [
            OutboxRow(
                id=row[0],
                lane=row[1],
                kind=row[2],
                payload=json.loads(row[3]),
                created=_utc(row[4]) or datetime.min.replace(tzinfo=UTC),
                delivered=_utc(row[5]),
                event_id=row[6],
            )
            for row in rows
        ]

    def case_rooms(self) -> dict[int, str | None]:
        return {row[0]: row[1] for row in self.query("SELECT id, room_id FROM cases")}


def messages_of(reminder: ReminderRow, outbox: list[OutboxRow]) -> list[OutboxRow]:
    """The messages a reminder sent: the ``send`` rows queued in the transaction that marked it
    sent (same timestamp) and about its case. The first is the reminder itself (for the deadline:
    the alert to LOT-C); a deadline also posts a copy in the case room."""
    if reminder.sent is None:
        return []
    number = re.compile(rf"\b{re.escape(reminder.case_number)}\b")
    return [
        row
        for row in outbox
        if row.kind == "send"
        and row.created == reminder.sent
        and (
            row.payload.get("case_id") == reminder.case_id
            or number.search(str(row.payload.get("body", ""))) is not None
        )
    ]
