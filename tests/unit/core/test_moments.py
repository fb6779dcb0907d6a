"""Reading the moments members type (`morgen 14:00 Groenlo`) and echoing them back in Dutch."""

import contextlib
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from commands.core.moments import EXAMPLES, MomentError, format_moment, parse_moment

ZONE = ZoneInfo("Europe/Amsterdam")
# Saturday 28 November 2026, 10:15 in Amsterdam (09:15 UTC).
NOW = datetime(2026, 11, 28, 10, 15, tzinfo=ZONE)


def local(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=ZONE)


def read(text: str, now: datetime = NOW, prefer: str = "future") -> tuple[datetime, str]:
    return parse_moment(text, now, ZONE, prefer=prefer)  # type: ignore[arg-type]


def problem(text: str, now: datetime = NOW) -> str:
    with pytest.raises(MomentError) as caught:
        read(text, now)
    return caught.value.problem


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("morgen 14:00", local(2026, 11, 29, 14)),
        ("vandaag 16:30", local(2026, 11, 28, 16, 30)),
        ("overmorgen 9:00", local(2026, 11, 30, 9)),
        ("gisteren 17:00", local(2026, 11, 27, 17)),
        ("eergisteren 8:00", local(2026, 11, 26, 8)),
        ("Morgen 14:00", local(2026, 11, 29, 14)),
        ("1-12 09:00", local(2026, 12, 1, 9)),
        ("1/12 9:00", local(2026, 12, 1, 9)),
        ("1 december 09:00", local(2026, 12, 1, 9)),
        ("1 dec 9u", local(2026, 12, 1, 9)),
        ("1 dec. 9 uur", local(2026, 12, 1, 9)),
        ("1 mrt 9:00", local(2027, 3, 1, 9)),
        ("3 sept 9:00", local(2027, 9, 3, 9)),
        ("2026-12-01 09:00", local(2026, 12, 1, 9)),
        ("01-12-2026 09:00", local(2026, 12, 1, 9)),
        ("1-12-26 09:00", local(2026, 12, 1, 9)),
        ("1 december 2027 09:00", local(2027, 12, 1, 9)),
        ("dinsdag 10:00", local(2026, 12, 1, 10)),
        ("di 10:00", local(2026, 12, 1, 10)),
        ("di. 10:00", local(2026, 12, 1, 10)),
        ("dinsdag 1 december 09:00", local(2026, 12, 1, 9)),
        ("woensdag 1 december 2027 09:00", local(2027, 12, 1, 9)),
        ("morgen 14.00", local(2026, 11, 29, 14)),
        ("morgen 14u", local(2026, 11, 29, 14)),
        ("morgen 9u30", local(2026, 11, 29, 9, 30)),
        ("morgen 9 uur", local(2026, 11, 29, 9)),
        ("morgen 14:00 uur", local(2026, 11, 29, 14)),
        ("morgen om 14:00", local(2026, 11, 29, 14)),
        ("morgen om 9", local(2026, 11, 29, 9)),
        ("morgenochtend 9:00", local(2026, 11, 29, 9)),
        ("morgen ochtend 9:00", local(2026, 11, 29, 9)),
        ("morgenmiddag 2 uur", local(2026, 11, 29, 14)),
        ("morgenavond 8 uur", local(2026, 11, 29, 20)),
        ("vanavond 8 uur", local(2026, 11, 28, 20)),
        ("vanavond 20:30", local(2026, 11, 28, 20, 30)),
        ("vanmorgen 8:00", local(2026, 11, 28, 8)),
        ("dinsdagochtend 9:30", local(2026, 12, 1, 9, 30)),
        ("morgen 9 uur 's avonds", local(2026, 11, 29, 21)),
        ("morgen 2 uur 's middags", local(2026, 11, 29, 14)),
        ("morgen 2 uur 's nachts", local(2026, 11, 29, 2)),
        ("morgen 2:00", local(2026, 11, 29, 2)),
    ],
)
def test_day_and_time(text: str, expected: datetime) -> None:
    moment, rest = read(text)
    assert moment == expected
    assert moment.tzinfo is UTC
    assert rest == ""


@pytest.mark.parametrize(
    ("text", "later"),
    [
        ("nu", timedelta(0)),
        ("over 2 uur", timedelta(hours=2)),
        ("over 30 minuten", timedelta(minutes=30)),
        ("over een uur", timedelta(hours=1)),
        ("over één uur", timedelta(hours=1)),
        ("over 1,5 uur", timedelta(minutes=90)),
        ("over 1.5 uur", timedelta(minutes=90)),
        ("over anderhalf uur", timedelta(minutes=90)),
        ("over een half uur", timedelta(minutes=30)),
        ("over een kwartier", timedelta(minutes=15)),
        ("over drie kwartier", timedelta(minutes=45)),
        ("over twee uur", timedelta(hours=2)),
        ("over 2u", timedelta(hours=2)),
        ("over 1 minuut", timedelta(minutes=1)),
        ("over 30 min", timedelta(minutes=30)),
        ("2 uur geleden", timedelta(hours=-2)),
        ("10 minuten geleden", timedelta(minutes=-10)),
    ],
)
def test_relative_to_now(text: str, later: timedelta) -> None:
    moment, rest = read(text)
    assert moment == NOW + later
    assert moment.tzinfo is UTC
    assert rest == ""


def test_now_keeps_the_seconds_of_now() -> None:
    now = datetime(2026, 11, 28, 10, 15, 42, tzinfo=ZONE)
    assert read("nu", now)[0] == now


@pytest.mark.parametrize(
    ("text", "expected", "rest"),
    [
        ("morgen 14:00 Groenlo", local(2026, 11, 29, 14), "Groenlo"),
        ("morgen 14:00   Groenlo, bij de kerk  ", local(2026, 11, 29, 14), "Groenlo, bij de kerk"),
        ("di 14:00, Winterswijk", local(2026, 12, 1, 14), "Winterswijk"),
        ("1-12 09:00 - Doetinchem", local(2026, 12, 1, 9), "Doetinchem"),
        ("om 14:00 Doetinchem", local(2026, 11, 28, 14), "Doetinchem"),
        ("over 2 uur Groenlo", NOW + timedelta(hours=2), "Groenlo"),
        ("nu Groenlo", NOW, "Groenlo"),
        ("morgen 14:00 mei", local(2026, 11, 29, 14), "mei"),
        ("morgen 14:00 met 3 mensen", local(2026, 11, 29, 14), "met 3 mensen"),
        ("1 mei 9:00 Ede\nmet de GGD", local(2027, 5, 1, 9), "Ede\nmet de GGD"),
        ("morgen 9 uur Utrecht", local(2026, 11, 29, 9), "Utrecht"),
        ("morgen 14:00 Utrecht", local(2026, 11, 29, 14), "Utrecht"),
    ],
)
def test_the_rest_after_the_moment(text: str, expected: datetime, rest: str) -> None:
    assert read(text) == (expected, rest)


# --- which way an open time, weekday or date points ----------------------------------------


def test_a_time_on_its_own_is_today_while_still_ahead() -> None:
    assert read("14:00")[0] == local(2026, 11, 28, 14)
    assert read("10:15")[0] == local(2026, 11, 28, 10, 15)


def test_a_time_on_its_own_that_has_passed_is_tomorrow() -> None:
    assert read("9:00")[0] == local(2026, 11, 29, 9)
    assert read("9 uur")[0] == local(2026, 11, 29, 9)
    assert read("10:14")[0] == local(2026, 11, 29, 10, 14)


def test_a_time_in_the_current_minute_is_not_pushed_to_tomorrow() -> None:
    now = datetime(2026, 11, 28, 10, 15, 59, tzinfo=ZONE)
    assert read("10:15", now)[0] == local(2026, 11, 28, 10, 15)


def test_a_weekday_is_the_next_one() -> None:
    assert read("dinsdag 10:00")[0] == local(2026, 12, 1, 10)
    assert read("vrijdag 10:00")[0] == local(2026, 12, 4, 10)
    assert read("zondag 10:00")[0] == local(2026, 11, 29, 10)


def test_todays_weekday_is_today_while_its_time_is_ahead_else_next_week() -> None:
    assert read("zaterdag 11:00")[0] == local(2026, 11, 28, 11)
    assert read("zaterdag 10:00")[0] == local(2026, 12, 5, 10)


def test_a_date_without_year_is_this_year_or_next_when_the_day_has_passed() -> None:
    assert read("1-12 9:00")[0] == local(2026, 12, 1, 9)
    assert read("27-11 9:00")[0] == local(2027, 11, 27, 9)
    assert read("15 januari 9:00")[0] == local(2027, 1, 15, 9)
    # Today's date stays today, even when its time has passed.
    assert read("28-11 9:00")[0] == local(2026, 11, 28, 9)


def test_named_days_and_dates_with_a_year_are_never_moved() -> None:
    assert read("vandaag 9:00")[0] == local(2026, 11, 28, 9)
    assert read("1-1-2026 9:00")[0] == local(2026, 1, 1, 9)


def test_prefer_past_mirrors_the_choices() -> None:
    assert read("14:00", prefer="past")[0] == local(2026, 11, 27, 14)
    assert read("9:00", prefer="past")[0] == local(2026, 11, 28, 9)
    assert read("dinsdag 10:00", prefer="past")[0] == local(2026, 11, 24, 10)
    assert read("zaterdag 9:00", prefer="past")[0] == local(2026, 11, 28, 9)
    assert read("zaterdag 11:00", prefer="past")[0] == local(2026, 11, 21, 11)
    assert read("1-12 9:00", prefer="past")[0] == local(2025, 12, 1, 9)
    assert read("27-11 9:00", prefer="past")[0] == local(2026, 11, 27, 9)
    assert read("28-11 11:00", prefer="past")[0] == local(2026, 11, 28, 11)
    assert read("morgen 14:00", prefer="past")[0] == local(2026, 11, 29, 14)


# --- summer and winter time -------------------------------------------------------------


def test_wall_clock_times_follow_summer_time() -> None:
    # Summer time starts Sunday 28 March 2027: 02:00 CET becomes 03:00 CEST.
    now = datetime(2027, 3, 27, 10, 0, tzinfo=ZONE)
    moment, _ = read("morgen 14:00", now)
    assert moment == datetime(2027, 3, 28, 12, 0, tzinfo=UTC)
    moment, _ = read("vandaag 14:00", now)
    assert moment == datetime(2027, 3, 27, 13, 0, tzinfo=UTC)
    moment, _ = read("28-3 01:30", now)
    assert moment == datetime(2027, 3, 28, 0, 30, tzinfo=UTC)
    moment, _ = read("28-3 03:00", now)
    assert moment == datetime(2027, 3, 28, 1, 0, tzinfo=UTC)


def test_relative_durations_count_real_time_across_the_change() -> None:
    now = datetime(2027, 3, 28, 1, 30, tzinfo=ZONE)  # 00:30 UTC, still winter time
    moment, _ = read("over 2 uur", now)
    assert moment == datetime(2027, 3, 28, 2, 30, tzinfo=UTC)
    assert moment.astimezone(ZONE).hour == 4


def test_a_time_the_clock_skips_is_refused() -> None:
    text = problem("28-3-2027 02:30")
    assert "02:30 bestaat niet op 28 maart 2027" in text


def test_a_time_that_occurs_twice_is_the_first_one_in_summer_time() -> None:
    # Winter time starts Sunday 31 October 2027: 03:00 CEST becomes 02:00 CET.
    moment, _ = read("31-10-2027 02:30")
    assert moment == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)


def test_winter_and_summer_dates_differ_in_utc_offset() -> None:
    winter, _ = read("1-12-2026 09:00")
    summer, _ = read("1-7-2027 09:00")
    assert winter == datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    assert summer == datetime(2027, 7, 1, 7, 0, tzinfo=UTC)


def test_now_in_another_zone_is_seen_in_the_given_zone() -> None:
    # 23:30 UTC on the 28th is already the 29th in Amsterdam.
    now = datetime(2026, 11, 28, 23, 30, tzinfo=UTC)
    assert read("morgen 9:00", now)[0] == local(2026, 11, 30, 9)


# --- what is refused --------------------------------------------------------------------


@pytest.mark.parametrize("text", ["straks ofzo", "Groenlo morgen 14:00", "ergens volgende week"])
def test_gibberish_is_refused_with_examples(text: str) -> None:
    with pytest.raises(MomentError) as caught:
        read(text)
    message = str(caught.value)
    assert f"Ik kan aan het begin van '{text}' geen moment lezen." in message
    assert "Voorbeelden die werken:" in message
    assert EXAMPLES in message
    assert "'morgen 14:00'" in message and "'over 2 uur'" in message


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_empty_text_is_refused(text: str) -> None:
    assert problem(text) == "Er staat geen moment, noem een dag en een tijd."


def test_moment_error_is_a_value_error() -> None:
    assert issubclass(MomentError, ValueError)


def test_a_long_unreadable_text_is_shortened_in_the_message() -> None:
    text = problem("straks als iedereen er is en de koffie klaar staat, bij de kerk")
    assert "…" in text
    assert len(text) < 100


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("morgen", "Bij 'morgen' hoort ook een tijd, bijvoorbeeld 'morgen 14:00'."),
        ("morgen Groenlo", "Bij 'morgen' hoort ook een tijd, bijvoorbeeld 'morgen 14:00'."),
        ("dinsdag", "Bij 'dinsdag' hoort ook een tijd, bijvoorbeeld 'dinsdag 14:00'."),
        (
            "morgenochtend",
            "Bij 'morgenochtend' hoort ook een tijd, bijvoorbeeld 'morgenochtend 9:00'.",
        ),
        ("vanavond", "Bij 'vanavond' hoort ook een tijd, bijvoorbeeld 'vanavond 19:00'."),
        ("1 december", "Bij '1 december' hoort ook een tijd, bijvoorbeeld '1 december 14:00'."),
        ("morgen om", "Na 'om' verwacht ik een tijd, zoals 'om 14:00' of 'om 9 uur'."),
        ("over straks", "Na 'over' verwacht ik een duur, zoals 'over 2 uur' of 'over 30 minuten'."),
        (
            "over 2 dagen",
            "Na 'over' verwacht ik een duur, zoals 'over 2 uur' of 'over 30 minuten'.",
        ),
        ("31-11 9:00", "31 november bestaat niet."),
        ("29-2-2027 9:00", "29 februari 2027 bestaat niet."),
        ("1-13 9:00", "In '1-13' staat geen bestaande maand (de dag komt eerst)."),
        ("morgen 25:00", "'25:00' is geen bestaande tijd."),
        ("morgen 14:75", "'14:75' is geen bestaande tijd."),
        ("maandag 1 december 9:00", "1 december 2026 is een dinsdag, geen maandag."),
        ("morgenochtend 14:00", "14:00 valt niet in de ochtend."),
        ("vanavond 3:00", "03:00 valt niet in de avond."),
        ("morgenochtend 9 uur 's avonds", "'morgenochtend' en 's avonds' spreken elkaar tegen."),
        (
            "morgen 2 uur",
            "Is '2 uur' 's nachts of 's middags? Schrijf bijvoorbeeld '14:00' of '02:00'.",
        ),
        ("om 3", "Is '3' 's nachts of 's middags? Schrijf bijvoorbeeld '15:00' of '03:00'."),
        (
            "morgen 14:00-15:00",
            "Noem één begintijd: een tijdvak als '14:00-15:00' kan ik niet lezen.",
        ),
        (
            "morgen 14:00 - 15:00 Groenlo",
            "Noem één begintijd: een tijdvak als '14:00-15:00' kan ik niet lezen.",
        ),
    ],
)
def test_specific_problems_are_explained(text: str, expected: str) -> None:
    assert problem(text) == expected


def test_every_message_ends_with_the_examples() -> None:
    with pytest.raises(MomentError) as caught:
        read("morgen")
    assert str(caught.value).endswith(f"Voorbeelden die werken: {EXAMPLES}.")


def test_a_number_glued_to_a_word_is_not_a_time() -> None:
    assert problem("morgen 14:00Groenlo").startswith("Bij 'morgen' hoort ook een tijd")


def test_now_must_be_aware() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        parse_moment("nu", datetime(2026, 11, 28, 10, 15), ZONE)


def test_prefer_must_be_known() -> None:
    with pytest.raises(ValueError, match="prefer"):
        parse_moment("nu", NOW, ZONE, prefer="soon")  # type: ignore[arg-type]


# --- writing ----------------------------------------------------------------------------


def test_format_in_full_dutch() -> None:
    assert format_moment(local(2026, 12, 1, 9), ZONE) == "dinsdag 1 december 09:00"
    assert format_moment(local(2026, 11, 29, 14, 5), ZONE, NOW) == "zondag 29 november 14:05"


def test_format_converts_from_utc() -> None:
    assert (
        format_moment(datetime(2026, 12, 1, 8, 0, tzinfo=UTC), ZONE) == "dinsdag 1 december 09:00"
    )
    assert format_moment(datetime(2027, 7, 1, 7, 0, tzinfo=UTC), ZONE) == "donderdag 1 juli 09:00"


def test_format_adds_the_year_only_when_it_differs_from_now() -> None:
    assert format_moment(local(2027, 12, 1, 9), ZONE, NOW) == "woensdag 1 december 2027 09:00"
    assert format_moment(local(2025, 12, 1, 9), ZONE, NOW) == "maandag 1 december 2025 09:00"
    assert format_moment(local(2027, 12, 1, 9), ZONE) == "woensdag 1 december 09:00"


def test_format_uses_the_year_in_the_zone() -> None:
    # 23:30 UTC on 31 December 2026 is already 2027 in Amsterdam.
    moment = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
    assert format_moment(moment, ZONE, NOW) == "vrijdag 1 januari 2027 00:30"


@pytest.mark.parametrize(
    "moment",
    [
        local(2026, 12, 1, 9),
        local(2026, 11, 28, 23, 59),
        local(2027, 12, 1, 9),
        local(2027, 3, 28, 3, 0),
        local(2027, 10, 31, 2, 30),
        local(2028, 2, 29, 0, 0),
    ],
)
def test_the_formatted_moment_reads_back(moment: datetime) -> None:
    # Compared in UTC: an ambiguous wall time never equals a moment in another zone.
    assert read(format_moment(moment, ZONE, NOW)) == (moment.astimezone(UTC), "")


def test_the_second_0230_of_october_reads_back_as_the_first() -> None:
    second = datetime(2027, 10, 31, 2, 30, fold=1, tzinfo=ZONE)
    text = format_moment(second, ZONE, NOW)
    assert text == "zondag 31 oktober 2027 02:30"
    assert read(text)[0] == second.astimezone(UTC) - timedelta(hours=1)


# --- speed ------------------------------------------------------------------------------


def test_reading_is_fast() -> None:
    texts = ["morgen 14:00 Groenlo", "dinsdag 1 december 09:00", "over 1,5 uur", "straks ofzo"]
    started = time.perf_counter()
    for _ in range(100):
        for text in texts:
            with contextlib.suppress(MomentError):
                read(text)
    per_call = (time.perf_counter() - started) / 400
    assert per_call < 0.005
