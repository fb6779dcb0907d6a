"""The figures read from the database, the command counter, and the status command."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

from bot.dispatch import Dispatcher
from bot.ops.figures import read_figures
from bot.ops.metrics import Metrics
from bot.ops.status_cli import status_lines
from bot.rooms import PlatformRooms
from commands import build_registry
from storage.database import Database
from storage.held import HeldEvent
from storage.outbox import Lane, Outbox, OutboxEffect
from storage.reminders import Reminder, ReminderKind
from tests.cli import signaalbot
from tests.unit.helpers import NOW, PLATFORM, command, make_settings


def samples(metrics: Metrics) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    found = {}
    for family in text_string_to_metric_families(metrics.text().decode()):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


async def seed(database: Database) -> tuple[Metrics, list[OutboxEffect]]:
    """A signal opened through the dispatcher (its answer waits in the outbox), an old row on
    the rooms lane and one held message."""
    metrics = Metrics()
    dispatcher = Dispatcher(
        make_settings(),
        database,
        build_registry(),
        lambda: NOW + timedelta(seconds=2),
        PlatformRooms(PLATFORM),
        lambda _changes: None,
        metrics=metrics,
    )
    rows = await dispatcher.handle(command("!signaal Slachterij De Vries; regio: VR06"))
    async with database.transaction() as session:
        Outbox(session).add(Lane.ROOMS, "create_room", {}, NOW - timedelta(minutes=10))
        session.add(
            HeldEvent(
                event_id="$held", room_id=PLATFORM, sender="@x:y", source={}, first_seen_at=NOW
            )
        )
        session.add(Reminder(case_id=None, kind=ReminderKind.RETENTION, due_at=NOW))
    return metrics, rows


async def test_a_command_is_counted_by_action_and_result_with_its_latency(
    database: Database,
) -> None:
    metrics, rows = await seed(database)
    assert samples(metrics)[("signaalbot_command_latency_seconds_count", ())] == 0  # not out yet
    answer = next(row for row in rows if row.payload.get("reply_to"))
    metrics.delivered(answer.id, (NOW + timedelta(seconds=3)).timestamp())
    found = samples(metrics)
    assert (
        found[("signaalbot_commands_total", (("action", "command.signaal"), ("result", "done")))]
        == 1
    )
    assert found[("signaalbot_command_latency_seconds_count", ())] == 1
    assert found[("signaalbot_command_latency_seconds_sum", ())] == 3.0  # until it was delivered


def test_a_reminder_past_late_after_counts_as_late_and_the_sync_lag_shows() -> None:
    metrics = Metrics(late_after=timedelta(seconds=30))
    metrics.reminder_sent(2.0)
    metrics.reminder_sent(45.0)
    metrics.handled_batch(100.0, 101.5)
    found = samples(metrics)
    assert found[("signaalbot_reminders_sent_total", ())] == 2
    assert found[("signaalbot_reminders_late_total", ())] == 1
    assert found[("signaalbot_sync_lag_seconds", ())] == 1.5


async def test_the_gauges_show_the_outbox_cases_and_held_messages(database: Database) -> None:
    metrics, _rows = await seed(database)
    async with database.transaction() as session:
        figures = await read_figures(session, NOW + timedelta(days=2))
    metrics.show(figures)
    found = samples(metrics)
    assert found[("signaalbot_outbox_pending", (("lane", "rooms"),))] >= 1
    assert found[("signaalbot_outbox_oldest_pending_seconds", (("lane", "rooms"),))] == (
        timedelta(days=2, minutes=10).total_seconds()
    )
    assert found[("signaalbot_open_cases", ())] == 1
    assert found[("signaalbot_overdue_cases", ())] == 1  # 24 hours have passed
    assert found[("signaalbot_held_encrypted_messages", ())] == 1
    assert found[("signaalbot_reminders_due", ())] >= 2  # the retention run and the ladder
    assert "open cases: 1" in status_lines(figures, None)


async def test_an_operator_reads_the_status_from_the_command_line(
    database: Database, tmp_path: Path
) -> None:
    await seed(database)
    config = tmp_path / "signaalbot.yaml"
    config.write_text(json.dumps({"storage": {"database_url": database.url}}))
    status, out, err = await signaalbot("status", "--config", str(config))
    assert status == 0, err
    assert "open cases: 1" in out
    assert "held encrypted messages: 1" in out
    assert "reminders due, not sent yet: 5" in out  # all of the case's four, and retention
    assert "rooms" in out
