"""Settings of privacy and records: what the intake screens out, how long each kind of record
is kept, which cases are held from destruction, and how incident rooms are guarded."""

from __future__ import annotations

import re
from datetime import time, timedelta
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator

from config.durations import Duration
from config.section import Section

_CASE_NUMBER = re.compile(r"^\d{4}-\d{3,6}$")

#: Words that, next to a named person, make a text health data about that person (AVG art. 9).
DEFAULT_HEALTH_WORDS = (
    "besmet",
    "positief getest",
    "positief",
    "ziek",
    "koorts",
    "corona",
    "covid",
    "opgenomen",
    "ziekenhuis",
    "ic",
    "overleden",
    "quarantaine",
    "isolatie",
    "symptomen",
    "zwanger",
)


class ScreeningSettings(Section):
    health_words: list[str] = Field(
        default_factory=lambda: list(DEFAULT_HEALTH_WORDS),
        description="words that, with a named person, mark health data; the name is removed",
    )
    organisation_contacts: bool = Field(
        default=True,
        description="phone numbers and e-mail addresses in !contact and !aanspreekpunt are kept "
        "(they are an organisation's), everywhere else they are removed",
    )

    @field_validator("health_words")
    @classmethod
    def _words(cls, value: list[str]) -> list[str]:
        words = [word.strip().lower() for word in value if word.strip()]
        return list(dict.fromkeys(words))


def _days(count: int) -> timedelta:
    return timedelta(days=count)


class RetentionSettings(Section):
    """How long each record type is kept before its free text is anonymised (or, for records
    that are only bookkeeping, the row deleted). Counted from closing, meeting or handling."""

    cases: Duration = Field(
        default_factory=lambda: _days(5 * 365),
        description="a closed case's fields and report, counted from closing",
    )
    timelines: Duration = Field(
        default_factory=lambda: _days(5 * 365),
        description="the texts of a closed case's timeline and notes, counted from closing",
    )
    minutes: Duration = Field(
        default_factory=lambda: _days(5 * 365),
        description="a meeting's topic, minutes and agenda texts, counted from the meeting",
    )
    lists: Duration = Field(
        default_factory=lambda: _days(5 * 365),
        description="the texts of decisions and of done actions, counted from decision or done",
    )
    held: Duration = Field(
        default_factory=lambda: _days(7),
        description="encrypted messages waiting for their keys (deleted)",
    )
    handled: Duration = Field(
        default_factory=lambda: _days(90),
        description="the ids of handled events (deleted; at least a day)",
    )
    outbox: Duration = Field(
        default_factory=lambda: _days(30),
        description="messages the bot delivered, as they were sent (deleted)",
    )
    logs: Duration = Field(
        default_factory=lambda: _days(30),
        description="days of log files kept, when privacy.log_file is set",
    )

    @field_validator("handled")
    @classmethod
    def _handled(cls, value: timedelta) -> timedelta:
        if value < timedelta(days=1):
            raise ValueError("must be at least 1d, or an old event could be handled twice")
        return value

    @field_validator("logs")
    @classmethod
    def _whole_days(cls, value: timedelta) -> timedelta:
        if value < timedelta(days=1) or value % timedelta(days=1):
            raise ValueError("must be a whole number of days, at least 1d")
        return value


class PrivacySettings(Section):
    screening: ScreeningSettings = Field(default_factory=ScreeningSettings)
    retention: RetentionSettings = Field(default_factory=RetentionSettings)
    retention_at: time = Field(
        default=time(3, 30), description="local time of day of the daily retention run"
    )
    hold: Literal["all"] | list[str] = Field(
        default_factory=list,
        description="cases exempt from destruction (COVID-19 hotspot designation): "
        "'all', or case numbers like 2026-017",
    )
    guard_rooms: Literal["warn", "kick"] = Field(
        default="warn",
        description="someone outside the directory in an incident or preparation room: "
        "warn (and tell the project leaders), or also remove them",
    )
    log_file: Path | None = Field(
        default=None,
        description="write the log to this file too, rotated daily, kept retention.logs days",
    )

    @field_validator("hold")
    @classmethod
    def _hold(cls, value: Literal["all"] | list[str]) -> Literal["all"] | list[str]:
        if value == "all":
            return value
        for number in value:
            if not _CASE_NUMBER.match(number):
                raise ValueError(f"{number!r} is not a case number like 2026-017")
        return value

    def holds(self, number: str) -> bool:
        """Whether the case with this number is exempt from destruction."""
        return self.hold == "all" or number in self.hold
