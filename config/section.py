"""The base of every configuration section: unknown keys are refused, so a typo is noticed."""

from pydantic import BaseModel, ConfigDict


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid")
