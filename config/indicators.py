"""Reference data: the indicators of the national picture (wonen, werken, vervoer per region).

Only which figures the platform keeps; the figures themselves are imported from partners.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

import yaml


class IndicatorKind(StrEnum):
    COUNT = "aantal"  # a whole number, with a unit
    SECTORS = "sectoren"  # sector keys, most important first


@dataclass(frozen=True)
class Indicator:
    code: str
    aspect: str  # the aspect code a signal stores: wonen, werken or vervoer
    name: str
    kind: IndicatorKind
    unit: str = ""  # after a count other than one
    unit_one: str = ""  # after a count of one

    def unit_for(self, value: int) -> str:
        return self.unit_one if value == 1 else self.unit


class Indicators:
    def __init__(self, indicators: list[Indicator]) -> None:
        self.by_code = {indicator.code: indicator for indicator in indicators}

    def of_aspect(self, aspect: str) -> list[Indicator]:
        """The aspect's indicators, in the order of the reference file."""
        return [indicator for indicator in self.by_code.values() if indicator.aspect == aspect]

    def __getitem__(self, code: str) -> Indicator:
        return self.by_code[code]

    def __contains__(self, code: object) -> bool:
        return code in self.by_code

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self.by_code.values())


@cache
def indicators() -> Indicators:
    path = resources.files("config").joinpath("data", "landelijke_indicatoren.yaml")
    return Indicators(
        [
            Indicator(
                code=item["code"],
                aspect=item["aspect"],
                name=item["naam"],
                kind=IndicatorKind(item["soort"]),
                unit=item.get("eenheid", ""),
                unit_one=item.get("eenheid_een", ""),
            )
            for item in yaml.safe_load(path.read_text("utf-8"))
        ]
    )
