"""Durations as ISO 8601 (`PT24H`, `P14D`) or short form (`24h`, `90s`, `14d`, `1h30m`)."""

import re
from datetime import timedelta
from typing import Annotated, Any

from pydantic import BeforeValidator

_SHORT = re.compile(
    r"^\s*(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?\s*$", re.I
)


def parse_short_duration(value: Any) -> Any:
    """Turn a short form like `1h30m` into a timedelta; leave anything else to pydantic."""
    if not isinstance(value, str):
        return value
    match = _SHORT.match(value)
    if not match or not any(match.groups()):
        return value
    days, hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)


Duration = Annotated[timedelta, BeforeValidator(parse_short_duration)]
