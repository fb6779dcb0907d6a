"""What the reminders bench found: delays after the due time, and what went wrong."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

BOT_COMMIT = "bot committed (sent_at)"
BOT_DELIVERED = "bot delivered (origin_server_ts)"
BOT_LADDER = "  ladder reminders"
BOT_DEADLINE = "  deadline escalations"
BASELINE_STARTED = "baseline job started"
BASELINE_DELIVERED = "baseline delivered (origin_server_ts)"
SERIES_ORDER = (
    BOT_COMMIT,
    BOT_DELIVERED,
    BOT_LADDER,
    BOT_DEADLINE,
    BASELINE_STARTED,
    BASELINE_DELIVERED,
)


@dataclass
class Measured:
    """Delays in ms after the due time, and what did not go as it should."""

    series: dict[str, list[float]] = field(default_factory=dict)
    reminders: list[dict[str, Any]] = field(default_factory=list)
    baseline: list[dict[str, Any]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    duplicated: list[str] = field(default_factory=list)
    late: list[str] = field(default_factory=list)
    setup: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def ms_between(later: datetime, earlier: datetime) -> float:
    return (later - earlier).total_seconds() * 1000
