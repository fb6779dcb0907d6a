"""Settings of the picture family: how sectors are ranked, and when the accountability report
goes to LOT-C."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

from pydantic import Field, field_validator

from config.durations import Duration
from config.section import Section


class RiskWeights(Section):
    """A sector's score is the sum of its inputs, each times its weight."""

    companies: float = Field(default=1.0, ge=0, description="per distinct company signalled")
    visit_decisions: float = Field(default=2.0, ge=0, description="per decision to visit")
    measures: float = Field(default=3.0, ge=0, description="per report that named measures")


class RiskSettings(Section):
    window: Duration = Field(
        default=timedelta(days=90), description="the period !risico ranks when none is given"
    )
    weights: RiskWeights = Field(default_factory=RiskWeights)
    rise_factor: float = Field(
        default=2.0, gt=1, description="a sector rises sharply at this many times its last score"
    )
    rise_minimum: float = Field(
        default=3.0, ge=0, description="... and at least this much above it"
    )
    shown: int = Field(default=10, ge=1, description="ranks shown in the chat")


class AccountabilitySettings(Section):
    """The report to the Operationeel Leider LOT-C and the chair of the Landelijke Regietafel."""

    every: Literal["month"] | Duration = Field(
        default="month",
        description="`month`: each calendar month; or a duration from `first` on",
    )
    first: datetime | None = Field(
        default=None,
        description="start of the first period when `every` is a duration, local time "
        "(default: the bot's first start)",
    )
    post_after: Duration = Field(
        default=timedelta(hours=9), description="posted this long after its period ends"
    )
    room: Literal["lotc", "platform"] = Field(
        default="lotc", description="`lotc`: LOT-C's room (the platform room if it has none)"
    )
    enabled: bool = True

    @field_validator("every")
    @classmethod
    def _positive(cls, value: str | timedelta) -> str | timedelta:
        if isinstance(value, timedelta) and value <= timedelta(0):
            raise ValueError("every must be longer than zero")
        return value
