"""Measuring signaalbot's reminders once it has stopped: from its database, the homeserver's
timestamps of what it sent, its rooms' timelines and its log."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from bench.reminders.admin import AdminClient
from bench.reminders.bot_database import (
    DEADLINE,
    LADDER,
    BotDatabase,
    OutboxRow,
    ReminderRow,
    messages_of,
)
from bench.reminders.measured import (
    BOT_COMMIT,
    BOT_DEADLINE,
    BOT_DELIVERED,
    BOT_LADDER,
    Measured,
    ms_between,
)
from bench.reminders.timelines import check_timelines

KIND_SERIES = {LADDER: BOT_LADDER, DEADLINE: BOT_DEADLINE}


async def measure_bot(
    database: BotDatabase,
    admin: AdminClient,
    platform_room: str,
    bot_id: str,
    late_ms: float,
    bot_log: Path,
    measured: Measured,
) -> list[ReminderRow]:
    """Every reminder's delays, what arrived in the rooms, the setup and the log's warnings."""
    reminders, outbox = database.reminders(), database.outbox()
    linked = {r.id: messages_of(r, outbox) for r in reminders}
    event_ids = [m.event_id for ms in linked.values() for m in ms if m.event_id]
    delays = _Delays(outbox, await admin.origin_ts_of(event_ids), late_ms, measured)
    for label in (BOT_COMMIT, BOT_DELIVERED, *KIND_SERIES.values()):
        measured.series[label] = []
    for reminder in reminders:
        delays.add(reminder, linked[reminder.id])
    await check_timelines(database, admin, reminders, platform_room, bot_id, measured)
    measured.setup = setup_lag(reminders, outbox)
    measured.warnings = log_warnings(bot_log)
    return reminders


@dataclass(frozen=True)
class _Delays:
    """Adds each reminder's record and delays to `measured`, read from the bot's outbox and the
    homeserver's timestamps (``stamps``, by event id)."""

    outbox: list[OutboxRow]
    stamps: dict[str, int]
    late_ms: float
    measured: Measured

    def add(self, reminder: ReminderRow, messages: list[OutboxRow]) -> None:
        record = self.record(reminder, messages)
        self.measured.reminders.append(record)
        name = f"reminder {reminder.id} ({reminder.kind}, {reminder.case_number})"
        if reminder.sent is None:
            why = "cancelled" if reminder.cancelled else "never sent"
            self.measured.missing.append(f"{name}: {why}")
            return
        commit = ms_between(reminder.sent, reminder.due)
        record["commit_ms"] = round(commit, 2)
        self.measured.series[BOT_COMMIT].append(commit)
        first = messages[0] if messages else None
        if first is None or first.event_id is None:
            self.measured.missing.append(f"{name}: committed, never delivered")
            return
        delay = self.stamps[first.event_id] - reminder.due.timestamp() * 1000
        record["delivered_ms"] = round(delay, 2)
        self.measured.series[BOT_DELIVERED].append(delay)
        if reminder.kind in KIND_SERIES:
            self.measured.series[KIND_SERIES[reminder.kind]].append(delay)
        if delay > self.late_ms:
            self.measured.late.append(_explain_late(reminder, delay, first, self.outbox))

    def record(self, reminder: ReminderRow, messages: list[OutboxRow]) -> dict[str, Any]:
        """The reminder's JSON record; the delays are filled in as far as they are known."""
        return {
            "reminder": reminder.id,
            "case": reminder.case_number,
            "kind": reminder.kind,
            "due": reminder.due.isoformat(),
            "commit_ms": None,
            "delivered_ms": None,
            "events": [
                {
                    "row": m.id,
                    "event_id": m.event_id,
                    "origin_server_ts": self.stamps.get(m.event_id or ""),
                }
                for m in messages
            ],
        }


def setup_lag(reminders: list[ReminderRow], outbox: list[OutboxRow]) -> dict[str, Any]:
    """When opening the cases was over, compared with the first due time: the incident rooms
    (rooms lane) and everything queued before the first reminder (replies, edits, room intros).
    A reminder due while that backlog drains waits behind it, which is not the clock's doing."""
    if not reminders:
        return {}
    first_due = min(r.due for r in reminders)
    rooms = [r.delivered for r in outbox if r.kind == "open_room" and r.delivered is not None]
    backlog = [r for r in outbox if r.created < first_due]
    undelivered = sum(1 for r in backlog if r.delivered is None)
    drained = max((r.delivered for r in backlog if r.delivered is not None), default=None)
    return {
        "rooms_opened": len(rooms),
        "last_room_vs_first_due_ms": _ms_after(max(rooms, default=None), first_due),
        "setup_rows": len(backlog),
        "setup_rows_undelivered": undelivered,
        "setup_drained_vs_first_due_ms": _ms_after(drained, first_due),
    }


def _ms_after(later: datetime | None, earlier: datetime) -> float | None:
    return None if later is None else round(ms_between(later, earlier), 1)


def _explain_late(
    reminder: ReminderRow, delay: float, first: OutboxRow, outbox: list[OutboxRow]
) -> str:
    """Why a committed reminder reached the homeserver late: the older outbox rows still being
    delivered after it was committed (delivery keeps each room in order and shares its
    ``delivery.parallel`` slots between the lanes)."""
    assert reminder.sent is not None
    sent = reminder.sent
    ahead = Counter(
        f"{row.lane}/{row.kind}"
        for row in outbox
        if row.id != first.id
        and row.created < sent
        and (row.delivered is None or row.delivered > sent)
    )
    queued = ", ".join(f"{count} {what}" for what, count in sorted(ahead.items())) or "none"
    return (
        f"reminder {reminder.id} ({reminder.kind}, case {reminder.case_number}): delivered "
        f"{delay:.0f} ms after due, committed after {ms_between(sent, reminder.due):.0f} ms; "
        f"older rows still undelivered at its commit: {queued}"
    )


def log_warnings(bot_log: Path, limit: int = 20) -> list[str]:
    """The bot's warnings and errors (first ``limit``), e.g. a reminder job that was skipped."""
    found = [
        line
        for line in bot_log.read_text("utf-8", errors="replace").splitlines()
        if " WARNING " in line or " ERROR " in line or " CRITICAL " in line
    ]
    return found[:limit] + ([f"... and {len(found) - limit} more"] if len(found) > limit else [])
