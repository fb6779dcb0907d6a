"""Exponential backoff: first, 2x, 4x, ... capped; back to the start after a success."""

from __future__ import annotations

from datetime import timedelta


def exponential(first: timedelta, cap: timedelta, attempt: int) -> timedelta:
    """The wait after the `attempt`-th failure in a row (1-based)."""
    return min(first * 2 ** max(attempt - 1, 0), cap)


class Backoff:
    """Counts failures in a row, for a loop that keeps its count in memory (the sync loop)."""

    def __init__(self, first: timedelta, cap: timedelta) -> None:
        self.first = first
        self.cap = cap
        self.failures = 0

    def next_delay(self) -> float:
        self.failures += 1
        return exponential(self.first, self.cap, self.failures).total_seconds()

    def reset(self) -> None:
        self.failures = 0
