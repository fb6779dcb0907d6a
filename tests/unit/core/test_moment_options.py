"""The options of `parse_moment`: a day alone for callers that give it a time, and moments
counted from now rounded up on the clock."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from commands.core.moments import MomentError, parse_moment, starts_with_moment

ZONE = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 28, 10, 15, tzinfo=ZONE)  # Saturday
END_OF_DAY = time(17, 0)


def local(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=ZONE)


@pytest.mark.parametrize(
    ("text", "expected", "rest"),
    [
        ("vrijdag", local(12, 4, 17), ""),
        ("morgen bellen", local(11, 29, 17), "bellen"),
        ("12 dec", local(12, 12, 17), ""),
        ("1-12", local(12, 1, 17), ""),
        ("dinsdag 1 december", local(12, 1, 17), ""),
        ("zaterdag", local(11, 28, 17), ""),  # today, its end still ahead
        ("vrijdag 12:00", local(12, 4, 12), ""),  # a time given is kept
    ],
)
def test_a_day_alone_takes_the_given_time(text: str, expected: datetime, rest: str) -> None:
    assert parse_moment(text, NOW, ZONE, day_alone=END_OF_DAY) == (expected, rest)


def test_without_the_option_a_day_still_needs_a_time() -> None:
    with pytest.raises(MomentError, match="Bij 'vrijdag' hoort ook een tijd"):
        parse_moment("vrijdag", NOW, ZONE)


def test_a_part_of_the_day_alone_still_needs_a_time() -> None:
    with pytest.raises(MomentError, match="Bij 'morgenochtend' hoort ook een tijd"):
        parse_moment("morgenochtend", NOW, ZONE, day_alone=END_OF_DAY)


@pytest.mark.parametrize("text", ["de zomer", "het overleg", "zo snel mogelijk"])
def test_free_text_after_voor_is_no_moment(text: str) -> None:
    assert not starts_with_moment(text)


FIVE = timedelta(minutes=5)


@pytest.mark.parametrize(
    ("now", "text", "expected"),
    [
        (datetime(2026, 11, 28, 17, 11, 41, tzinfo=ZONE), "over 2 uur", local(11, 28, 19, 15)),
        (datetime(2026, 11, 28, 17, 10, tzinfo=ZONE), "over 2 uur", local(11, 28, 19, 10)),
        (datetime(2026, 11, 28, 17, 10, 0, 1, tzinfo=ZONE), "over 2 uur", local(11, 28, 19, 15)),
        (datetime(2026, 11, 28, 23, 58, tzinfo=ZONE), "over 1 minuut", local(11, 29, 0, 0)),
        (datetime(2026, 11, 28, 17, 11, 41, tzinfo=ZONE), "om 19:11", local(11, 28, 19, 11)),
    ],
)
def test_a_moment_counted_from_now_is_rounded_up(
    now: datetime, text: str, expected: datetime
) -> None:
    assert parse_moment(text, now, ZONE, round_relative=FIVE)[0] == expected


def test_rounding_is_on_the_local_clock() -> None:
    kathmandu = ZoneInfo("Asia/Kathmandu")  # UTC+05:45
    now = datetime(2026, 11, 28, 10, 2, tzinfo=kathmandu)
    moment, _ = parse_moment("over 1 uur", now, kathmandu, round_relative=timedelta(hours=1))
    assert moment == datetime(2026, 11, 28, 12, 0, tzinfo=kathmandu)


def test_now_and_the_past_are_not_rounded() -> None:
    now = datetime(2026, 11, 28, 17, 11, 41, tzinfo=ZONE)
    assert parse_moment("nu", now, ZONE, round_relative=FIVE)[0] == now
    assert parse_moment("over 2 uur", now, ZONE)[0] == datetime(
        2026, 11, 28, 19, 11, 41, tzinfo=ZONE
    )
