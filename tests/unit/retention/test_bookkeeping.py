"""Bookkeeping is deleted by age whatever the hold: held messages, handled ids, delivered rows."""

from __future__ import annotations

from datetime import timedelta

from storage.bot_state import HandledEvent
from storage.database import Database
from storage.held import HeldEvent
from storage.outbox import OutboxEffect
from storage.retention import due
from storage.retention_apply import apply
from tests.unit.helpers import NOW
from tests.unit.retention.helpers import (
    DAY,
    add,
    all_of,
    handled_event,
    held_event,
    outbox_row,
    retention_settings,
)

HOUR = timedelta(hours=1)


async def clean(database: Database, hold: object = "all") -> dict[str, int]:
    async with database.transaction() as session:
        plan = await due(session, retention_settings(hold).privacy, NOW)
        done = await apply(session, plan, NOW)
    assert {rows.table: rows.count for rows in plan.bookkeeping} == done.deleted
    return done.deleted


async def test_held_messages_and_handled_ids_go_after_their_terms_even_with_hold_all(
    database: Database,
) -> None:
    await add(
        database,
        held_event("$old", NOW - 7 * DAY - HOUR),
        held_event("$recent", NOW - 7 * DAY + HOUR),
        handled_event("$handled-old", NOW - 90 * DAY - HOUR),
        handled_event("$handled-recent", NOW - 90 * DAY + HOUR),
    )
    deleted = await clean(database)
    assert deleted["held_events"] == 1 and deleted["handled_events"] == 1
    assert [row.event_id for row in await all_of(database, HeldEvent)] == ["$recent"]
    assert [row.event_id for row in await all_of(database, HandledEvent)] == ["$handled-recent"]


async def test_only_rows_delivered_long_ago_that_nothing_refers_to_go(database: Database) -> None:
    long_ago = NOW - 40 * DAY
    delivered_old = outbox_row("oud antwoord", long_ago, long_ago)
    delivered_recent = outbox_row("recent antwoord", long_ago, NOW - 29 * DAY)
    pending = outbox_row("wacht nog", long_ago, None)
    set_aside = outbox_row("geweigerd", long_ago, None)
    set_aside.failed_at, set_aside.failure = long_ago, "forbidden"
    edited = outbox_row("antwoord met een link", long_ago, long_ago)
    announced = outbox_row("kamer komt eraan", long_ago, long_ago)
    await add(database, delivered_old, delivered_recent, pending, set_aside, edited, announced)
    # An edit still to go out needs its answer's event id; so does a room still to be opened.
    await add(
        database,
        outbox_row("link", long_ago, None, target_row=edited.id),
        outbox_row("", long_ago, None, announce_row=announced.id),
    )
    async with database.transaction() as session:
        plan = await due(session, retention_settings().privacy, NOW)
    (outbox,) = [rows for rows in plan.bookkeeping if rows.table == "outbox"]
    assert (outbox.count, outbox.kept) == (1, sorted([edited.id, announced.id]))
    deleted = await clean(database)
    assert deleted["outbox"] == 1
    bodies = [row.payload["body"] for row in await all_of(database, OutboxEffect)]
    assert "oud antwoord" not in bodies
    assert {"recent antwoord", "wacht nog", "geweigerd", "antwoord met een link"} <= set(bodies)
    assert "kamer komt eraan" in bodies
