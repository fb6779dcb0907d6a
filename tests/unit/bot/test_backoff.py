from datetime import timedelta

from bot.backoff import Backoff, exponential


def test_waits_double_up_to_the_cap_and_start_over_after_a_success() -> None:
    backoff = Backoff(timedelta(seconds=1), timedelta(seconds=10))
    assert [backoff.next_delay() for _ in range(6)] == [1, 2, 4, 8, 10, 10]
    backoff.reset()
    assert backoff.next_delay() == 1


def test_persisted_attempt_counts_give_the_same_waits() -> None:
    first, cap = timedelta(seconds=1), timedelta(minutes=5)
    assert [exponential(first, cap, n).total_seconds() for n in (1, 2, 3, 12)] == [1, 2, 4, 300]
