"""How the dossier writes its values: times in the platform's zone, members by name, codes
with their Dutch labels, and terms as ISO 8601 durations."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

from commands.core.people import display_name
from commands.core.roster import Directory
from commands.texts import records as texts


@dataclass(frozen=True)
class Values:
    zone: ZoneInfo
    directory: Directory

    def name(self, user_id: str) -> str:
        return display_name(self.directory, user_id)

    def person(self, user_id: str | None) -> dict[str, str] | None:
        """A member as the JSON names them: Matrix id and name."""
        return None if user_id is None else {"id": user_id, "name": self.name(user_id)}

    def iso(self, value: datetime | None) -> str | None:
        """`2026-11-28T10:30:00+01:00`: ISO 8601 in the platform's zone, to the second."""
        return None if value is None else value.astimezone(self.zone).isoformat("T", "seconds")

    def moment(self, value: datetime) -> str:
        """`28 november 2026 10:30`, in the platform's zone."""
        return format_datetime(value, texts.MOMENT, tzinfo=self.zone, locale="nl")


def labelled(code: str | None, labels: Mapping[Any, str]) -> dict[str, str] | None:
    """A stored code with its Dutch label, as the JSON writes it."""
    return None if code is None else {"code": str(code), "label": labels.get(code, str(code))}


def iso_duration(value: timedelta) -> str:
    """`P1825D`, or `PT90S` for a term that is not a whole number of days."""
    if value % timedelta(days=1) == timedelta(0):
        return f"P{value.days}D"
    return f"PT{int(value.total_seconds())}S"
