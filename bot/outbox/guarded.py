"""Rows the room guard writes: they go out while outsiders are in the room (the warning itself,
the answer that refuses a command), and a removal they ask for gives the guard's reason."""

from __future__ import annotations

from storage.outbox import OutboxEffect

#: In the payload of a row the room guard wrote.
GUARD_ROW = "room_guard"


class RoomClosed(Exception):
    """The row would show case data in a room an outsider can read: it waits until they left."""


def mark_as_guard(rows: list[OutboxEffect]) -> list[OutboxEffect]:
    for row in rows:
        row.payload = {**row.payload, GUARD_ROW: True}
    return rows


def is_guard_row(row: OutboxEffect) -> bool:
    return bool(row.payload.get(GUARD_ROW))
