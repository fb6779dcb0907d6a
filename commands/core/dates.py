"""Reading a date as members and files write it: `2020-11-15` or `15-11-2020`."""

from __future__ import annotations

import re
from datetime import date

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DUTCH_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


def read_date(typed: str) -> date | None:
    """`2020-11-15` or `15-11-2020` (also with / or .); None when it is no real date."""
    if iso := _ISO_DATE.fullmatch(typed):
        year, month, day = (int(part) for part in iso.groups())
    elif dutch := _DUTCH_DATE.fullmatch(typed):
        day, month, year = (int(part) for part in dutch.groups())
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
