"""The words and patterns moments are read from: Dutch day, month and time words, and the
regular expressions built from them. `moments` reads with these; nothing else should need them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from babel.dates import get_day_names, get_month_names

from commands.texts import moments as texts

MONTHS = {month: name.lower() for month, name in get_month_names("wide", locale="nl").items()}
WEEKDAYS = {day: name.lower() for day, name in get_day_names("wide", locale="nl").items()}


def prefixes(names: dict[int, str], shortest: int, extra: dict[str, int]) -> dict[str, int]:
    """Every prefix of each name of at least `shortest` letters, plus `extra` spellings."""
    found: dict[str, int] = dict(extra)
    for number, name in names.items():
        for length in range(shortest, len(name) + 1):
            found[name[:length]] = number
    return found


MONTH_WORDS = prefixes(MONTHS, 3, texts.MONTH_SPELLINGS)
WEEKDAY_WORDS = prefixes(WEEKDAYS, 2, {})


def alternatives(words: Iterable[str]) -> str:
    """Longest first, so that `morgen` does not win over `overmorgen`."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


# A token ends where no letter or digit follows, and no `-12`, `:30` or `.5` either.
END = r"(?!\w|[-/:.]\d)"


def pattern(body: str) -> re.Pattern[str]:
    return re.compile(r"\s*(?:" + body + ")" + END, re.IGNORECASE)


NOW = pattern("nu")
OVER = pattern("over")
AGO = pattern("geleden")
OM = pattern("om")
DURATION = pattern(
    r"(?P<amount>\d{1,4}(?:[.,]\d{1,2})?|"
    + alternatives(texts.HALVES).replace(r"\ ", r"\s+")
    + "|"
    + alternatives(texts.NUMBER_WORDS)
    + r")\s*(?P<unit>"
    + alternatives(texts.UNITS)
    + ")"
)
GLUED_PART = r"(?:(?P<gpart>ochtend|morgen|middag|avond)|\s+(?P<part>ochtend|middag|avond))?"
RELATIVE_DAY = pattern(r"(?P<day>" + alternatives(texts.RELATIVE_DAYS) + ")" + GLUED_PART)
THIS_PART = pattern(r"van(?P<gpart>ochtend|morgen|middag|avond)")
WEEKDAY = pattern(r"(?P<weekday>" + alternatives(WEEKDAY_WORDS) + r")\.?" + GLUED_PART)
ISO_DATE = pattern(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
NUMERIC_DATE = pattern(r"(?P<day>\d{1,2})[-/](?P<month>\d{1,2})(?:[-/](?P<year>\d{4}|\d{2}))?")
TEXT_DATE = pattern(
    r"(?P<day>\d{1,2})\s*(?P<monthname>"
    + alternatives(MONTH_WORDS)
    + r")\.?(?:\s+(?P<year>(?:19|20)\d{2}))?"
)
CLOCK = pattern(r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:\s*u(?:ur)?)?")
HOUR_U = pattern(r"(?P<hour>\d{1,2})u(?P<minute>\d{2})?")
HOUR_UUR = pattern(r"(?P<hour>\d{1,2})\s*uur")
BARE_HOUR = pattern(r"(?P<hour>\d{1,2})")
PART_SUFFIX = pattern(r"['’‘`]s\s*(?P<part>ochtends|morgens|middags|avonds|nachts)")
TIME_RANGE = re.compile(r"\s*\d{1,2}(?:[:.]\d{2}|u)?\s*(?:uur\s*)?[-–]\s*\d", re.IGNORECASE)


class Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def take(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        match = pattern.match(self.text, self.pos)
        if match:
            self.pos = match.end()
        return match

    def rest(self) -> str:
        return self.text[self.pos :].lstrip(" \t\r\n,;:-–—").strip()


@dataclass
class Day:
    said: str
    fixed: date | None = None
    weekday: int | None = None
    day_month: tuple[int, int] | None = None
    part: str | None = None
