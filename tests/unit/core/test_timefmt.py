"""How configured lengths read: the platform promises a visit "binnen 24 uur", not "1 dag"."""

from __future__ import annotations

from datetime import timedelta

import pytest

from commands.core.timefmt import duration, setting


@pytest.mark.parametrize(
    ("length", "shown"),
    [
        (timedelta(hours=24), "24 uur"),
        (timedelta(hours=1), "1 uur"),
        (timedelta(hours=48), "48 uur"),
        (timedelta(hours=49), "2 dagen en 1 uur"),
        (timedelta(days=14), "2 weken"),
        (timedelta(minutes=90), "1 uur en 30 minuten"),
        (timedelta(minutes=30), "30 minuten"),
        (timedelta(seconds=3), "3 seconden"),
    ],
)
def test_a_whole_number_of_hours_up_to_two_days_reads_in_hours(
    length: timedelta, shown: str
) -> None:
    assert setting(length) == shown


def test_a_time_left_still_reads_in_days_and_hours() -> None:
    assert duration(timedelta(hours=24)) == "1 dag"
