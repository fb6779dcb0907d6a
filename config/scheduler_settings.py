"""The reminder clock's section: how often its jobs are checked against the rows, how far ahead
it holds them."""

from __future__ import annotations

from datetime import timedelta

from pydantic import Field, model_validator

from config.durations import Duration
from config.section import Section


class SchedulerSettings(Section):
    safety_net: Duration = Field(
        default=timedelta(seconds=60),
        description="how often the jobs are checked against the open reminder rows",
    )
    horizon: Duration = Field(
        default=timedelta(minutes=10),
        description="reminders due within this are held as jobs in memory; later ones are read "
        "when they come within it (at least twice safety_net)",
    )

    @model_validator(mode="after")
    def _horizon_covers_the_safety_net(self) -> SchedulerSettings:
        # A reminder just past the horizon must be read in a check before it falls due.
        if self.safety_net < timedelta(seconds=1):
            raise ValueError("safety_net must be at least 1s")
        if self.horizon < 2 * self.safety_net:
            raise ValueError("horizon must be at least twice safety_net")
        return self
