"""Finding dates of birth.

A full date (day, month and year) is a date of birth when a birth word stands right before it
(`geboren op 3-4-1990`, `geb. 03-04-90`, `DOB 1990-04-03`), or when its year lies more than
`ADULT_YEARS` years before this year: no visit, meeting, report or period the bot's commands
take lies that far back (the platform works on recent signals), while nearly everyone a signal
could name was born before it. A date without a year (`1-12 09:00`) is never one.
"""

from __future__ import annotations

import re
from datetime import date

from commands.core.moment_words import MONTH_WORDS, alternatives
from commands.privacy.kinds import Span
from commands.texts import privacy as texts

#: A date this many years or fewer before this year is taken for a visit or a meeting.
ADULT_YEARS = 14

_MONTH_NAMES = {**MONTH_WORDS, **texts.OTHER_MONTHS}
_FULL_DATE = re.compile(
    r"(?<![\w.:/-])(?:"
    r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    r"|(?P<nd>\d{1,2})([-/.])(?P<nm>\d{1,2})\5(?P<ny>\d{4}|\d{2})"
    r"|(?P<td>\d{1,2})\.?\s*(?P<tm>" + alternatives(_MONTH_NAMES) + r")\.?\s+(?P<ty>\d{4})"
    r")(?![\w]|[-/.:]\d)",
    re.IGNORECASE,
)
_BIRTH_WORD_BEFORE = re.compile(
    r"(?<![\w])(?:"
    + alternatives(texts.BIRTH_WORDS)
    + r")[\s:,.-]*(?:(?:"
    + alternatives(texts.BIRTH_LINK_WORDS)
    + r")\s+)?$",
    re.IGNORECASE,
)
#: How far before a date its birth word may start: `geboortedatum: ` fits with room to spare.
_LOOK_BACK = 30


def birth_date_spans(text: str, today: date) -> list[Span]:
    spans: list[Span] = []
    for match in _FULL_DATE.finditer(text):
        written = _date_of(match)
        if written is None:
            continue
        after_birth_word = _BIRTH_WORD_BEFORE.search(_line_before(text, match.start()))
        long_ago = today.year - written.year > ADULT_YEARS
        if after_birth_word or (long_ago and _four_digit_year(match)):
            spans.append(match.span())
    return spans


def _line_before(text: str, position: int) -> str:
    start = max(0, position - _LOOK_BACK, text.rfind("\n", 0, position) + 1)
    return text[start:position]


def _four_digit_year(match: re.Match[str]) -> bool:
    return len(match["iy"] or match["ny"] or match["ty"]) == 4


def _date_of(match: re.Match[str]) -> date | None:
    """The date written, or None when it does not exist (31-02-1990); `03-04-90` is 1990."""
    if match["iy"]:
        year, month, day = int(match["iy"]), int(match["im"]), int(match["id"])
    elif match["ny"]:
        year, month, day = _full_year(match["ny"]), int(match["nm"]), int(match["nd"])
    else:
        year, month, day = int(match["ty"]), _MONTH_NAMES[match["tm"].lower()], int(match["td"])
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _full_year(written: str) -> int:
    """Two digits are a year of the last century: `90` is 1990."""
    if len(written) == 4:
        return int(written)
    return 1900 + int(written)
