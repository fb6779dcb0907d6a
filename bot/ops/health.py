"""The health rules: the sync loop ran lately, the database answers, the outbox moves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum


class Unhealthy(StrEnum):
    SYNC_STALE = "sync_stale"
    DATABASE_DOWN = "database_down"
    OUTBOX_STUCK = "outbox_stuck"


@dataclass(frozen=True)
class Observation:
    """What the health check saw; `oldest_pending_seconds` is None when the database is down."""

    last_good_sync: datetime | None
    oldest_pending_seconds: float | None


def reasons(
    seen: Observation, now: datetime, stale_after: timedelta, give_up_after: timedelta
) -> list[Unhealthy]:
    """Empty when healthy."""
    found: list[Unhealthy] = []
    if seen.last_good_sync is None or now - seen.last_good_sync > stale_after:
        found.append(Unhealthy.SYNC_STALE)
    if seen.oldest_pending_seconds is None:
        found.append(Unhealthy.DATABASE_DOWN)
    elif seen.oldest_pending_seconds >= give_up_after.total_seconds():
        found.append(Unhealthy.OUTBOX_STUCK)
    return found
