"""Moments as members type them in chat (`morgen 14:00`, `over 2 uur`, `1 dec 9u`), and back.

`parse_moment` reads one moment at the start of a command's arguments and hands back the
rest (`morgen 14:00 Groenlo` -> the moment and `Groenlo`). Day first, always, as in Dutch.

What is understood, case-insensitively:

- `nu`; `over 2 uur`, `over 30 minuten`, `over een uur`, `over 1,5 uur`, `over anderhalf uur`,
  `over een kwartier`, `over 2u`, `over 30 min`; `2 uur geleden`, `10 minuten geleden`.
  These count real hours and minutes from `now`, also across a change to or from summer time.
- a day followed by a time:
  - days: `vandaag`, `morgen`, `overmorgen`, `gisteren`, `eergisteren`; a weekday (`dinsdag`,
    `di`, `di.`); a date: `1-12`, `1/12`, `1-12-2026`, `01-12-26`, `2026-12-01`, `1 december`,
    `1 dec`, `1 dec. 2026`; a weekday before a date (`dinsdag 1 december`) must agree with it.
  - parts of the day: `morgenochtend`, `morgen ochtend`, `dinsdagavond`, `vanochtend`,
    `vanmorgen`, `vanmiddag`, `vanavond`, or `'s ochtends/'s middags/'s avonds` after the time.
    With `middag` or `avond` a time under 12 is in the afternoon or evening
    (`vanavond 8 uur` is 20:00); a time outside the part of the day is refused.
  - times, optionally after `om`: `14:00`, `14.00`, `9:00 uur`, `14u`, `9u30`, `9 uur`, and a
    bare hour after `om` (`morgen om 9`). A clock time is read as on a 24-hour clock; an hour
    from 1 to 6 written without minutes (`2 uur`, `om 3`, `4u`) is refused as ambiguous unless
    a part of the day says which (`2 uur 's nachts`, `morgenmiddag 2 uur`).
- a time on its own (`14:00`, `om 9 uur`).

Decisions:

- A day needs a time: `morgen` or `morgenochtend` alone is refused with an example, rather
  than guessing an hour. A caller for whom a day alone has a meaning passes `day_alone`, the
  time it then means (an action `voor vrijdag` is due at the end of Friday's working hours); a
  part of the day without a time (`morgenochtend`) is still refused.
- `round_relative`: a moment counted forward from now (`over 2 uur`) is rounded up to the next
  multiple of this length on the clock (19:11:41 becomes 19:15 for 5 minutes), for what goes
  into a calendar. Times on the clock are kept as given, to the minute.
- `prefer="future"` (the default, for planning): a time on its own is today, or tomorrow when
  it has already passed; a weekday is the next one whose time is still ahead (today when the
  time is still to come, else a week later); a date without a year is this year, or next year
  when that day has passed (today's date stays today, even when its time has passed).
  `prefer="past"` (for what has already happened) mirrors this: yesterday, the last such
  weekday, last year. Named days (`vandaag`, `morgen`) and dates with a year are never moved.
- Wall-clock times are in `zone`. A time that does not exist because the clock goes forward
  (02:30 on the last Sunday of March) is refused; a time that occurs twice because the clock
  goes back (02:30 on the last Sunday of October) is read as the first, still in summer time.
- The rest is what follows the moment, with leading spaces and `,;:-` removed. A time span
  (`14:00-15:00`) is refused rather than split into a time and a rest.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

from commands.core.moment_words import (
    AGO,
    BARE_HOUR,
    CLOCK,
    DURATION,
    HOUR_U,
    HOUR_UUR,
    ISO_DATE,
    MONTH_WORDS,
    MONTHS,
    NOW,
    NUMERIC_DATE,
    OM,
    OVER,
    PART_SUFFIX,
    RELATIVE_DAY,
    TEXT_DATE,
    THIS_PART,
    TIME_RANGE,
    WEEKDAY,
    WEEKDAY_WORDS,
    WEEKDAYS,
    Day,
    Scanner,
)
from commands.texts import moments as texts

Prefer = Literal["future", "past"]

EXAMPLES = texts.EXAMPLES


class MomentError(ValueError):
    """Dutch message explaining what could not be read, with examples of what works."""

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(texts.MOMENT_ERROR.format(problem=problem, examples=EXAMPLES))


# --- reading ---------------------------------------------------------------------------

_LEADS = (
    NOW,
    RELATIVE_DAY,
    THIS_PART,
    ISO_DATE,
    NUMERIC_DATE,
    TEXT_DATE,
    CLOCK,
    HOUR_U,
    HOUR_UUR,
    BARE_HOUR,
)
_FOLLOWED_BY_DIGIT = re.compile(r"\s*\d")


def starts_with_moment(text: str) -> bool:
    """Does `text` begin the way a moment does? Then a moment that cannot be read there is a
    mistake to point out, not the start of free text. `zo snel mogelijk` and `over de brand`
    are free text; `zondag`, `zo 14:00`, `morgen` and `over 2 uur` begin a moment.
    """
    if any(pattern.match(text) for pattern in _LEADS):
        return True
    weekday = WEEKDAY.match(text)
    if weekday and (len(weekday["weekday"]) >= 3 or _FOLLOWED_BY_DIGIT.match(text, weekday.end())):
        return True
    for word in (OVER, OM):
        found = word.match(text)
        if found and (
            _FOLLOWED_BY_DIGIT.match(text, found.end()) or DURATION.match(text, found.end())
        ):
            return True
    return False


def parse_moment(
    text: str,
    now: datetime,
    zone: ZoneInfo,
    *,
    prefer: Prefer = "future",
    day_alone: time | None = None,
    round_relative: timedelta | None = None,
) -> tuple[datetime, str]:
    """Read a moment at the START of `text`; return (moment in UTC, the rest of the text after
    the moment, stripped). Raises MomentError (Dutch) if no moment can be read at the start.

    `now` must be timezone-aware; `prefer` says which way a time, weekday or date without a
    year points when it could mean either; `day_alone` and `round_relative` are explained in
    the module's documentation.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if prefer not in ("future", "past"):
        raise ValueError(f"prefer must be 'future' or 'past', not {prefer!r}")
    if not text.strip():
        raise MomentError(texts.NO_MOMENT)
    scanner = Scanner(text)
    moment = _read_relative(scanner, now)
    if moment is not None and round_relative and moment > now:
        moment = round_up(moment, round_relative, zone)
    if moment is None:
        moment = _read_day_and_time(scanner, now, zone, prefer, day_alone)
    if moment is None:
        raise MomentError(texts.UNREADABLE.format(text=_shorten(text)))
    return moment, scanner.rest()


def _read_relative(scanner: Scanner, now: datetime) -> datetime | None:
    if scanner.take(NOW):
        return now.astimezone(UTC)
    if scanner.take(OVER):
        duration = scanner.take(DURATION)
        if duration is None:
            raise MomentError(texts.DURATION_AFTER_OVER)
        return now.astimezone(UTC) + _length(duration)
    start = scanner.pos
    duration = scanner.take(DURATION)
    if duration is not None and scanner.take(AGO):
        return now.astimezone(UTC) - _length(duration)
    scanner.pos = start
    return None


def _length(duration: re.Match[str]) -> timedelta:
    amount_said = re.sub(r"\s+", " ", duration["amount"].lower())
    if amount_said in texts.HALVES:
        amount = texts.HALVES[amount_said]
    elif amount_said in texts.NUMBER_WORDS:
        amount = float(texts.NUMBER_WORDS[amount_said])
    else:
        amount = float(amount_said.replace(",", "."))
    return timedelta(minutes=amount * texts.UNITS[duration["unit"].lower()])


def round_up(moment: datetime, step: timedelta, zone: ZoneInfo) -> datetime:
    """Up to the next multiple of `step` as the clocks in `zone` show it; on one it stays."""
    offset = moment.astimezone(zone).utcoffset() or timedelta()
    remainder = (moment + offset - datetime(1970, 1, 1, tzinfo=UTC)) % step
    return moment + (step - remainder) if remainder else moment


def _read_day_and_time(
    scanner: Scanner, now: datetime, zone: ZoneInfo, prefer: Prefer, day_alone: time | None
) -> datetime | None:
    local_now = now.astimezone(zone)
    day = _read_day(scanner, local_now.date())
    said_om = scanner.take(OM) is not None
    clock = _read_time(scanner, said_om)
    if clock is None:
        if said_om:
            raise MomentError(texts.TIME_AFTER_OM)
        if day is not None and day.part is None and day_alone is not None:
            return _resolve(day, day_alone, local_now, zone, prefer)
        if day is not None:
            example = f"{day.said} {texts.PART_EXAMPLE[day.part]}"
            raise MomentError(texts.DAY_NEEDS_TIME.format(said=day.said, example=example))
        return None
    hour, minute, part, said = clock
    if day is not None and day.part is not None:
        if part is not None and part != day.part:
            raise MomentError(texts.PARTS_DISAGREE.format(said=day.said, part=part))
        part = day.part
    if part is None and 1 <= hour <= 6 and not re.match(r"\d+[:.]", said):
        raise MomentError(
            texts.AMBIGUOUS_HOUR.format(
                said=said, afternoon=f"{hour + 12}:{minute:02d}", night=f"{hour:02d}:{minute:02d}"
            )
        )
    wall = time(_in_part(hour, minute, part), minute)
    return _resolve(day, wall, local_now, zone, prefer)


def _read_day(scanner: Scanner, today: date) -> Day | None:
    if match := scanner.take(RELATIVE_DAY):
        offset = texts.RELATIVE_DAYS[match["day"].lower()]
        return Day(match.group().strip(), fixed=today + timedelta(days=offset), part=_part(match))
    if match := scanner.take(THIS_PART):
        return Day(match.group().strip(), fixed=today, part=_part(match))
    weekday_match = scanner.take(WEEKDAY)
    weekday = None if weekday_match is None else WEEKDAY_WORDS[weekday_match["weekday"].lower()]
    day = _read_date(scanner)
    if weekday_match is None:
        return day
    said = weekday_match.group().strip()
    if day is None:
        return Day(said, weekday=weekday, part=_part(weekday_match))
    day.said = f"{said} {day.said}"
    day.weekday = weekday
    day.part = _part(weekday_match)
    return day


def _read_date(scanner: Scanner) -> Day | None:
    match = scanner.take(ISO_DATE) or scanner.take(NUMERIC_DATE) or scanner.take(TEXT_DATE)
    if match is None:
        return None
    said = match.group().strip()
    day = int(match["day"])
    if "monthname" in match.groupdict() and match["monthname"]:
        month = MONTH_WORDS[match["monthname"].lower()]
    else:
        month = int(match["month"])
    if not 1 <= month <= 12:
        raise MomentError(texts.NO_SUCH_MONTH.format(said=said))
    year_said = match["year"]
    if year_said is None:
        _valid_date(2000, month, day, f"{day} {MONTHS[month]}")  # 2000 had a 29 February
        return Day(said, day_month=(day, month))
    year = int(year_said) + (2000 if len(year_said) == 2 else 0)
    return Day(said, fixed=_valid_date(year, month, day, f"{day} {MONTHS[month]} {year}"))


def _valid_date(year: int, month: int, day: int, named: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise MomentError(texts.NO_SUCH_DATE.format(named=named)) from None


def _part(match: re.Match[str]) -> str | None:
    word = match.groupdict().get("gpart") or match.groupdict().get("part")
    return None if word is None else texts.PARTS[word.lower()]


def _read_time(scanner: Scanner, said_om: bool) -> tuple[int, int, str | None, str] | None:
    """Hour, minute, part of the day said after it, and the time as typed."""
    if TIME_RANGE.match(scanner.text, scanner.pos):
        raise MomentError(texts.TIME_SPAN)
    match = scanner.take(CLOCK)
    if match is None:
        match = scanner.take(HOUR_U) or scanner.take(HOUR_UUR)
        if match is None and said_om:
            match = scanner.take(BARE_HOUR)
    if match is None:
        return None
    said = match.group().strip()
    hour = int(match["hour"])
    minute = int(match.groupdict().get("minute") or 0)
    if hour > 23 or minute > 59:
        raise MomentError(texts.NO_SUCH_TIME.format(said=said))
    suffix = scanner.take(PART_SUFFIX)
    return hour, minute, None if suffix is None else texts.PARTS[suffix["part"].lower()], said


def _in_part(hour: int, minute: int, part: str | None) -> int:
    """The hour on a 24-hour clock: `vanavond 8 uur` is 20:00."""
    if part == "ochtend":
        fits = hour < 12
    elif part == "middag":
        hour += 12 if 1 <= hour <= 6 else 0
        fits = 12 <= hour <= 18
    elif part == "avond":
        hour += 12 if 5 <= hour <= 11 else 0
        fits = 17 <= hour <= 23
    elif part == "nacht":
        fits = hour <= 6
    else:
        fits = True
    if not fits:
        raise MomentError(texts.OUTSIDE_PART.format(time=f"{hour:02d}:{minute:02d}", part=part))
    return hour


def _resolve(
    day: Day | None, wall: time, local_now: datetime, zone: ZoneInfo, prefer: Prefer
) -> datetime:
    today = local_now.date()
    now_minute = local_now.replace(second=0, microsecond=0)
    step = 1 if prefer == "future" else -1

    def wrong_way(candidate: date) -> bool:
        at = datetime.combine(candidate, wall, tzinfo=zone)
        return at < now_minute if prefer == "future" else at > now_minute

    if day is None:
        target = today + timedelta(days=step) if wrong_way(today) else today
    elif day.fixed is not None:
        target = day.fixed
    elif day.day_month is not None:
        number, month = day.day_month
        year = today.year
        passed = (month, number) < (today.month, today.day)
        ahead = (month, number) > (today.month, today.day)
        if (passed and prefer == "future") or (ahead and prefer == "past"):
            year += step
        target = _valid_date(year, month, number, f"{number} {MONTHS[month]} {year}")
    else:
        assert day.weekday is not None
        offset = (
            (day.weekday - today.weekday()) % 7
            if step == 1
            else -((today.weekday() - day.weekday) % 7)
        )
        target = today + timedelta(days=offset)
        if wrong_way(target):
            target += timedelta(days=7 * step)
    if day is not None and day.weekday is not None and target.weekday() != day.weekday:
        named = WEEKDAYS[target.weekday()]
        raise MomentError(
            texts.WEEKDAY_DISAGREES.format(
                date=f"{target.day} {MONTHS[target.month]} {target.year}",
                named=named,
                said=WEEKDAYS[day.weekday],
            )
        )
    return _to_utc(datetime.combine(target, wall), zone)


def _to_utc(wall: datetime, zone: ZoneInfo) -> datetime:
    """The first moment the clocks in `zone` show `wall`; refused if they never do."""
    moment = wall.replace(tzinfo=zone, fold=0).astimezone(UTC)
    if moment.astimezone(zone).replace(tzinfo=None) != wall:
        raise MomentError(
            texts.SKIPPED_HOUR.format(
                time=f"{wall:%H:%M}", date=f"{wall.day} {MONTHS[wall.month]} {wall.year}"
            )
        )
    return moment


def _shorten(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- writing ---------------------------------------------------------------------------


def format_moment(moment: datetime, zone: ZoneInfo, now: datetime | None = None) -> str:
    """Full Dutch form for echoing back: `dinsdag 1 december 09:00`.

    The year is added (`woensdag 1 december 2027 09:00`) when `now` is given and the moment
    falls in another year than `now`, both as seen in `zone`. The result reads back with
    `parse_moment`.
    """
    local = moment.astimezone(zone)
    with_year = now is not None and now.astimezone(zone).year != local.year
    pattern = "EEEE d MMMM y HH:mm" if with_year else "EEEE d MMMM HH:mm"
    return format_datetime(moment, pattern, tzinfo=zone, locale="nl")
