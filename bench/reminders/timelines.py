"""What actually arrived in the rooms, counted from their timelines by the server admin."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from bench.reminders.admin import AdminClient
from bench.reminders.bot_database import DEADLINE, LADDER, BotDatabase, ReminderRow
from bench.reminders.measured import Measured

LADDER_TEXT = "tot de deadline"
ESCALATION_TEXT = "Deadline verstreken voor zaak"
CASE_ROOM = "case room"
PLATFORM = "platform"
# Per case: every ladder reminder and the escalation's copy in the case room, and the
# escalation itself in the platform room.
EXPECTED = ((LADDER, CASE_ROOM), (DEADLINE, CASE_ROOM), (DEADLINE, PLATFORM))

Arrivals = Counter[tuple[str, str, str]]  # (case number, reminder kind, where)


async def check_timelines(
    database: BotDatabase,
    admin: AdminClient,
    reminders: list[ReminderRow],
    platform_room: str,
    bot_id: str,
    measured: Measured,
) -> None:
    """Count what actually arrived in the rooms: three ladder messages and one escalation copy
    per case room, one escalation per case in the platform room."""
    sent = Counter((r.case_number, r.kind) for r in reminders if r.sent is not None)
    numbers = {r.case_id: r.case_number for r in reminders}
    arrived = await _arrivals(database, admin, numbers, platform_room, bot_id)
    for number in sorted(set(numbers.values())):
        for kind, where in EXPECTED:
            got, want = arrived[(number, kind, where)], sent[(number, kind)]
            if got != want:
                anomalies = measured.duplicated if got > want else measured.missing
                anomalies.append(
                    f"case {number}: {got} {kind} messages in the {where}, {want} sent"
                )


async def _arrivals(
    database: BotDatabase,
    admin: AdminClient,
    numbers: dict[int, str],
    platform_room: str,
    bot_id: str,
) -> Arrivals:
    arrived: Arrivals = Counter()
    for body in _bodies(await admin.timeline(platform_room), bot_id):
        if ESCALATION_TEXT in body:
            arrived[(_number_in(body, numbers.values()), DEADLINE, PLATFORM)] += 1
    for case_id, room_id in database.case_rooms().items():
        if room_id is None:
            continue
        number = numbers.get(case_id, "?")
        for body in _bodies(await admin.timeline(room_id), bot_id):
            if LADDER_TEXT in body:
                arrived[(number, LADDER, CASE_ROOM)] += 1
            elif ESCALATION_TEXT in body:
                arrived[(number, DEADLINE, CASE_ROOM)] += 1
    return arrived


def _bodies(events: list[dict[str, Any]], bot_id: str) -> list[str]:
    """The bodies of the bot's messages, without its edits."""
    return [
        str((e.get("content") or {}).get("body", ""))
        for e in events
        if e.get("sender") == bot_id
        and e.get("type") == "m.room.message"
        and ((e.get("content") or {}).get("m.relates_to") or {}).get("rel_type") != "m.replace"
    ]


def _number_in(body: str, numbers: Iterable[str]) -> str:
    for number in numbers:
        if re.search(rf"\b{re.escape(number)}\b", body):
            return number
    return "?"
