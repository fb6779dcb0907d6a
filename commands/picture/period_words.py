"""The periods members type after `!beeld`, `!risico` and `!verantwoording`, read without a clock.

`read_period` turns a text into one of the forms below, or None when the text is no period at
all (so that a caller can try fewer words). A text that is a period but cannot be one
(`0d`, `sinds 31 november`, `1999`) raises UsageError: those need no clock to refuse. What does
need one (a period in the future, `sinds 29 feb` in a year without that day) is refused when the
form is resolved, in `periods`.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from commands.core.moment_words import MONTH_WORDS, MONTHS
from commands.core.registry import UsageError
from commands.texts import periods as texts

#: No period starts before this year.
EARLIEST_YEAR = 2000
#: A leap year, to tell whether a day can exist in some year (29 February) before the year is known.
_LEAP_YEAR = 2024


class Unit(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class LastCount:
    """`14d`, `3 weken`: the last `count` days or weeks up to now."""

    count: int
    unit: Unit


@dataclass(frozen=True)
class ThisUnit:
    """`deze week`, `maand`, `dit jaar`: the current week, month or year so far."""

    unit: Unit


@dataclass(frozen=True)
class PreviousUnit:
    """`vorige week`, `vorige maand`, `vorig jaar`: the whole one before the current one."""

    unit: Unit


@dataclass(frozen=True)
class NamedMonth:
    """`november`, `nov.`, `november 2025`; without a year, the latest that has begun."""

    month: int
    year: int | None


@dataclass(frozen=True)
class NamedYear:
    year: int


@dataclass(frozen=True)
class SinceDay:
    """`sinds 1 nov`, `sinds 2026-11-01`; without a year, the latest such day not ahead."""

    day: int
    month: int
    year: int | None


PeriodForm = LastCount | ThisUnit | PreviousUnit | NamedMonth | NamedYear | SinceDay


def _either(words: Iterable[str]) -> str:
    """A regex alternation, longest first so that `dagen` wins over `d`."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


_MONTH = rf"(?P<monthname>{_either(MONTH_WORDS)})\.?"
_COUNT = re.compile(
    rf"(?:(?:{_either(texts.LAST_WORDS)})\s*)?"
    rf"(?P<count>\d{{1,4}}|{_either(texts.NUMBER_WORDS)})\s*(?P<unit>{_either(texts.COUNT_UNITS)})"
)
_THIS = re.compile(
    rf"(?:(?:{_either(texts.THIS_WORDS)})\s*)?(?P<unit>{_either(texts.CALENDAR_UNITS)})"
)
_PREVIOUS = re.compile(
    rf"(?:{_either(texts.PREVIOUS_WORDS)})\s*(?P<unit>{_either(texts.CALENDAR_UNITS)})"
)
_NAMED_MONTH = re.compile(rf"{_MONTH}(?:\s*(?P<year>\d{{4}}))?")
_YEAR = re.compile(r"(?P<year>\d{4})")
_SINCE = re.compile(rf"(?:{_either(texts.SINCE_WORDS)})\s*(?P<day>.+)")
_ISO_DAY = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
_NUMERIC_DAY = re.compile(r"(?P<day>\d{1,2})[-/.](?P<month>\d{1,2})(?:[-/.](?P<year>\d{4}|\d{2}))?")
_TEXT_DAY = re.compile(rf"(?P<day>\d{{1,2}})\s*{_MONTH}(?:\s*(?P<year>\d{{4}}))?")


def plain(text: str) -> str:
    """Lower case, single spaces."""
    return " ".join(text.lower().split())


def read_period(text: str) -> PeriodForm | None:
    """The period `text` names, or None when it names none; UsageError when it cannot be one."""
    said = plain(text)
    readers = (
        (_COUNT, _count),
        (_PREVIOUS, _previous),
        (_THIS, _this),
        (_NAMED_MONTH, _named_month),
        (_YEAR, _year),
        (_SINCE, _since),
    )
    for pattern, reader in readers:
        match = pattern.fullmatch(said)
        if match:
            return reader(match, said)
    return None


def refusal(problem: str) -> UsageError:
    """A period that cannot be read, with the forms that can."""
    return UsageError(f"{problem} {texts.PERIOD_HELP}")


def _count(match: re.Match[str], said: str) -> PeriodForm:
    amount = match["count"]
    count = int(amount) if amount.isdigit() else texts.NUMBER_WORDS[amount]
    if count == 0:
        raise refusal(texts.ZERO_COUNT.format(said=said))
    return LastCount(count, Unit(texts.COUNT_UNITS[match["unit"]]))


def _this(match: re.Match[str], said: str) -> PeriodForm:
    return ThisUnit(Unit(texts.CALENDAR_UNITS[match["unit"]]))


def _previous(match: re.Match[str], said: str) -> PeriodForm:
    return PreviousUnit(Unit(texts.CALENDAR_UNITS[match["unit"]]))


def _named_month(match: re.Match[str], said: str) -> PeriodForm:
    return NamedMonth(MONTH_WORDS[match["monthname"]], _optional_year(match["year"], said))


def _year(match: re.Match[str], said: str) -> PeriodForm:
    return NamedYear(_checked_year(int(match["year"]), said))


def _since(match: re.Match[str], said: str) -> PeriodForm | None:
    day_text = match["day"]
    found = _ISO_DAY.fullmatch(day_text) or _NUMERIC_DAY.fullmatch(day_text)
    if found:
        month = int(found["month"])
    else:
        found = _TEXT_DAY.fullmatch(day_text)
        if not found:
            return None
        month = MONTH_WORDS[found["monthname"]]
    if not 1 <= month <= 12:
        raise refusal(texts.NO_SUCH_MONTH.format(said=said))
    year_text = found["year"]
    if year_text is not None and len(year_text) == 2:
        year_text = f"20{year_text}"
    year = _optional_year(year_text, said)
    day = int(found["day"])
    # Without a year, 29 February may yet exist: that waits for the clock.
    if not 1 <= day <= calendar.monthrange(year or _LEAP_YEAR, month)[1]:
        raise refusal(texts.NO_SUCH_DATE.format(named=day_name(day, month, year)))
    return SinceDay(day, month, year)


def _optional_year(text: str | None, said: str) -> int | None:
    return None if text is None else _checked_year(int(text), said)


def _checked_year(year: int, said: str) -> int:
    if year < EARLIEST_YEAR:
        raise refusal(texts.TOO_EARLY.format(said=said))
    return year


def day_name(day: int, month: int, year: int | None) -> str:
    """`31 november`, `29 februari 2026`: a day that may not exist, named as typed."""
    named = f"{day} {MONTHS[month]}"
    return f"{named} {year}" if year is not None else named


#: The single words that belong to periods only.
_PERIOD_KEYWORDS = frozenset(
    word
    for words in (
        texts.COUNT_UNITS,
        texts.CALENDAR_UNITS,
        texts.LAST_WORDS,
        texts.THIS_WORDS,
        texts.PREVIOUS_WORDS,
        texts.SINCE_WORDS,
    )
    for word in words
    if " " not in word
)


def looks_like_period(word: str) -> bool:
    """A word that only a period would contain: a number, a month, `vorige`, `week`..."""
    said = plain(word).rstrip(".")
    return said[:1].isdigit() or said in MONTH_WORDS or said in _PERIOD_KEYWORDS
