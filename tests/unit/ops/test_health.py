"""The health rules, with the clock given."""

from datetime import timedelta

from bot.ops.health import Observation, Unhealthy, reasons
from tests.unit.helpers import NOW

STALE = timedelta(minutes=2)
GIVE_UP = timedelta(hours=24)


def check(seen: Observation) -> list[Unhealthy]:
    return reasons(seen, NOW, STALE, GIVE_UP)


def test_a_recent_sync_a_database_and_a_moving_outbox_are_healthy() -> None:
    assert check(Observation(NOW - timedelta(seconds=30), 5.0)) == []


def test_a_sync_older_than_stale_after_is_reported() -> None:
    assert check(Observation(NOW - timedelta(minutes=3), 0.0)) == [Unhealthy.SYNC_STALE]
    assert check(Observation(None, 0.0)) == [Unhealthy.SYNC_STALE]


def test_a_database_that_does_not_answer_is_reported() -> None:
    assert check(Observation(NOW, None)) == [Unhealthy.DATABASE_DOWN]


def test_an_outbox_row_waiting_as_long_as_give_up_after_is_stuck() -> None:
    assert check(Observation(NOW, GIVE_UP.total_seconds())) == [Unhealthy.OUTBOX_STUCK]
    assert check(Observation(NOW, GIVE_UP.total_seconds() - 1)) == []
