"""The bot's Prometheus metrics, in a registry of their own (tests stay apart from each other).

Counters and histograms are fed as things happen; the gauges of database figures are set from
SQL just before each scrape (bot/ops/server.py)."""

from __future__ import annotations

from datetime import datetime, timedelta

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from bot.ops.figures import Figures

LATENCY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
AWAITED_KEPT = 10_000
LATENESS_BUCKETS = (0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600)


class Metrics:
    def __init__(self, late_after: timedelta = timedelta(minutes=1)) -> None:
        self.late_after = late_after.total_seconds()
        self._awaited: dict[int, float] = {}  # answer row id -> its command's server time
        self.registry = CollectorRegistry()
        self.commands = self._counter("commands", "Commands handled", "action", "result")
        self.command_latency = Histogram(
            "signaalbot_command_latency_seconds",
            "From the command's server time until the homeserver accepted its answer",
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.reminders = self._counter("reminders_sent", "Reminders sent")
        self.reminder_lateness = Histogram(
            "signaalbot_reminder_lateness_seconds",
            "How long after its due time a reminder went out",
            buckets=LATENESS_BUCKETS,
            registry=self.registry,
        )
        self.reminders_late = self._counter(
            "reminders_late", "Reminders sent later than ops.late_after after their due time"
        )
        self.reminders_due = self._gauge(
            "reminders_due", "Reminders whose time has come, not sent yet"
        )
        self.sync_errors = self._counter("sync_errors", "Failed syncs")
        self.sync_lag = self._gauge(
            "sync_lag_seconds",
            "From the newest event's server time in the last batch until the bot handled it",
        )
        self.last_sync = self._gauge("last_sync_timestamp_seconds", "Time of the last good sync")
        self.outbox_depth = self._gauge("outbox_pending", "Outbox rows waiting", "lane")
        self.outbox_oldest = self._gauge(
            "outbox_oldest_pending_seconds", "Age of the oldest waiting row", "lane"
        )
        self.open_cases = self._gauge("open_cases", "Cases not closed")
        self.overdue_cases = self._gauge("overdue_cases", "Open cases past their deadline")
        self.held = self._gauge("held_encrypted_messages", "Messages waiting for their keys")
        self.active = self._gauge(
            "active", "1 while this instance is the active one, 0 as a standby"
        )
        self.last_good_sync: datetime | None = None
        self.is_active = False

    def _counter(self, name: str, documentation: str, *labels: str) -> Counter:
        return Counter(f"signaalbot_{name}", documentation, labels, registry=self.registry)

    def _gauge(self, name: str, documentation: str, *labels: str) -> Gauge:
        return Gauge(f"signaalbot_{name}", documentation, labels, registry=self.registry)

    def set_active(self, active: bool) -> None:
        self.is_active = active
        self.active.set(1 if active else 0)

    def command_handled(self, action: str, result: str) -> None:
        self.commands.labels(action, result).inc()

    def answer_awaited(self, row_id: int, command_sent: float) -> None:
        """The answer's outbox row and the command's server time (epoch seconds)."""
        self._awaited[row_id] = command_sent
        if len(self._awaited) > AWAITED_KEPT:  # answers set aside are never delivered
            del self._awaited[next(iter(self._awaited))]

    def delivered(self, row_id: int, at: float) -> None:
        """A row the homeserver accepted at `at` (epoch seconds); answers give the latency."""
        command_sent = self._awaited.pop(row_id, None)
        if command_sent is not None:
            self.command_latency.observe(max(at - command_sent, 0.0))

    def reminder_sent(self, lateness_seconds: float) -> None:
        self.reminders.inc()
        self.reminder_lateness.observe(max(lateness_seconds, 0.0))
        if lateness_seconds > self.late_after:
            self.reminders_late.inc()

    def handled_batch(self, newest_event_ts: float, at: float) -> None:
        self.sync_lag.set(max(at - newest_event_ts, 0.0))

    def synced(self, at: datetime) -> None:
        self.last_good_sync = at
        self.last_sync.set(at.timestamp())

    def show(self, figures: Figures) -> None:
        """The database figures of this moment; lanes now empty drop to zero."""
        for gauge in (self.outbox_depth, self.outbox_oldest):
            gauge.clear()
        for lane, found in figures.lanes.items():
            self.outbox_depth.labels(lane).set(found.depth)
            self.outbox_oldest.labels(lane).set(found.oldest_age_seconds)
        self.open_cases.set(figures.open_cases)
        self.overdue_cases.set(figures.overdue_cases)
        self.held.set(figures.held_messages)
        self.reminders_due.set(figures.reminders_due)

    def text(self) -> bytes:
        return generate_latest(self.registry)
