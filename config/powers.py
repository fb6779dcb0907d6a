"""Reference data: the netwerkkaart, which party may do what per aspect, on which legal basis and
in which period (config/data/bevoegdheden.yaml, plan 2.2).

An operator's `network.powers_file` in the same shape adds rows, or replaces the shipped row with
the same `id`. A file with a bad row is refused as a whole, each problem naming its row.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

SHIPPED_NAME = "bevoegdheden.yaml"
#: The withdrawn bill to let the mayor close a place after an outbreak (withdrawn 9 June 2022).
WITHDRAWN_BILL = "35817"


class Holder(StrEnum):
    """Who holds a power; the Dutch names and aliases are in commands/texts/network.py."""

    ISZW = "iszw"  # Nederlandse Arbeidsinspectie, Inspectie SZW until 2022
    NVWA = "nvwa"
    GGD = "ggd"
    BURGEMEESTER = "burgemeester"  # the mayor, or the college of B&W
    VR_VOORZITTER = "vr_voorzitter"  # the chair of the veiligheidsregio
    GEMEENTE = "gemeente"  # the municipality's housing and registration tasks
    POLITIE = "politie"  # the police and boa's
    ILT = "ilt"
    SNF = "snf"  # private quality mark for housing of labour migrants
    SNA = "sna"  # private quality mark for temp agencies, with the SNCU


class Aspect(StrEnum):
    """The aspects of a signal, in the order the map shows them."""

    WONEN = "wonen"
    WERKEN = "werken"
    VERVOER = "vervoer"


class PowerKind(StrEnum):
    POWER = "bevoegdheid"
    LIMIT = "afbakening"  # what the holder itself says is not its task


class Marker(StrEnum):
    """How sure a row is: verified in its named source, secondary, or inferred."""

    VERIFIED = "V"
    SECONDARY = "S"
    UNVERIFIED = "U"


class Power(BaseModel):
    """One row of the netwerkkaart. In force from `start` and up to (not on) `end`."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    id: str = Field(pattern=r"^[a-z0-9_]+$", max_length=60)
    holder: Holder = Field(alias="houder")
    aspects: tuple[Aspect, ...] = Field(alias="aspecten", min_length=1)
    kind: PowerKind = Field(default=PowerKind.POWER, alias="soort")
    power: str = Field(alias="bevoegdheid", min_length=3, max_length=200)
    note: str | None = Field(default=None, alias="toelichting", max_length=400)
    basis: str = Field(alias="grondslag", min_length=3, max_length=120)
    start: date | None = Field(default=None, alias="vanaf")
    end: date | None = Field(default=None, alias="tot")
    markers: tuple[Marker, ...] = Field(alias="status", min_length=1)
    source: str = Field(alias="bron", min_length=3, max_length=200)

    @field_validator("holder", mode="before")
    @classmethod
    def _holder_code(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("aspects", mode="before")
    @classmethod
    def _one_or_more(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("aspects")
    @classmethod
    def _aspects_once(cls, value: tuple[Aspect, ...]) -> tuple[Aspect, ...]:
        if len(set(value)) != len(value):
            raise ValueError("an aspect is named twice / een aspect staat er twee keer in")
        return tuple(aspect for aspect in Aspect if aspect in value)

    @field_validator("markers", mode="before")
    @classmethod
    def _status(cls, value: Any) -> Any:
        """`V`, `S`, `U`, or a mix such as `V/U` (part verified, part not)."""
        return (
            [part.strip().upper() for part in value.split("/")] if isinstance(value, str) else value
        )

    @model_validator(mode="after")
    def _valid_row(self) -> Power:
        if self.start and self.end and self.start >= self.end:
            raise ValueError("`vanaf` must be before `tot` / `vanaf` moet voor `tot` liggen")
        said = f"{self.power} {self.basis}".replace(" ", "").replace(".", "")
        if WITHDRAWN_BILL in said:
            raise ValueError(
                "bill 35 817 was withdrawn on 9 June 2022: it is no power / "
                "wetsvoorstel 35 817 is ingetrokken: geen bevoegdheid"
            )
        return self

    @property
    def status(self) -> str:
        return "/".join(self.markers)

    @property
    def verified(self) -> bool:
        return self.markers == (Marker.VERIFIED,)

    def applies_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


class PowersTable:
    """The rows in file order, by id; lookups by holder, aspect and date."""

    def __init__(self, rows: Iterable[Power]) -> None:
        self._rows = {row.id: row for row in rows}

    def __iter__(self) -> Iterator[Power]:
        return iter(self._rows.values())

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, row_id: str) -> Power:
        return self._rows[row_id]

    def __contains__(self, row_id: object) -> bool:
        return row_id in self._rows

    def holders(self) -> list[Holder]:
        """The holders that have rows, in the order of `Holder`."""
        present = {row.holder for row in self}
        return [holder for holder in Holder if holder in present]

    def of_holder(self, holder: Holder) -> list[Power]:
        return [row for row in self if row.holder is holder]

    def of_aspect(self, aspect: Aspect) -> list[Power]:
        return [row for row in self if aspect in row.aspects]

    def on(self, day: date) -> PowersTable:
        """The rows in force on that day."""
        return PowersTable(row for row in self if row.applies_on(day))

    def merged(self, rows: Iterable[Power]) -> PowersTable:
        """These rows replace those with the same id (in their place) or come after the rest."""
        combined = dict(self._rows)
        combined.update((row.id, row) for row in rows)
        return PowersTable(combined.values())


class PowersFileError(ValueError):
    """A powers file that cannot be used; `problems` names the row of each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@cache
def shipped_powers() -> PowersTable:
    text = resources.files("config").joinpath("data", SHIPPED_NAME).read_text("utf-8")
    return PowersTable(read_rows(text, SHIPPED_NAME))


def load_powers(extra: Path | None = None) -> PowersTable:
    """The shipped table, with the rows of `extra` (network.powers_file) added or replacing."""
    if extra is None:
        return shipped_powers()
    return shipped_powers().merged(read_powers_file(extra))


def read_powers_file(path: Path) -> list[Power]:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PowersFileError([f"{path}: cannot be read / niet te lezen: {error}"]) from error
    return read_rows(text, str(path))


def powers_file_problems(path: Path) -> list[str]:
    """What check-config says about a powers file: every problem, or nothing."""
    try:
        read_powers_file(path)
    except PowersFileError as error:
        return error.problems
    return []


def read_rows(text: str, origin: str) -> list[Power]:
    """The rows of a powers file; PowersFileError lists every bad row, by number and id."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise PowersFileError([f"{origin}: not valid YAML / geen geldige YAML: {error}"]) from error
    if data is None:
        return []
    if not isinstance(data, list):
        raise PowersFileError([f"{origin}: expected a list of rows / verwacht een lijst rijen"])
    rows: list[Power] = []
    problems: list[str] = []
    first_seen: dict[str, int] = {}
    for number, item in enumerate(data, start=1):
        where = _where(origin, number, item)
        try:
            row = Power.model_validate(item)
        except ValidationError as error:
            problems.extend(f"{where}: {_explain(problem)}" for problem in _first_causes(error))
            continue
        if row.id in first_seen:
            problems.append(f"{where}: id also in row {first_seen[row.id]} / id staat er al")
            continue
        first_seen[row.id] = number
        rows.append(row)
    if problems:
        raise PowersFileError(problems)
    return rows


def _where(origin: str, number: int, item: Any) -> str:
    row_id = item.get("id") if isinstance(item, dict) else None
    return f"{origin}: row {number}" + (f" (id {row_id})" if row_id else "")


def _first_causes(error: ValidationError) -> list[dict[str, Any]]:
    """The errors, without `too short` of a list whose items were already refused."""
    found = error.errors()
    refused_in = {problem["loc"][:-1] for problem in found if len(problem["loc"]) > 1}
    return [p for p in found if not (p["type"] == "too_short" and p["loc"] in refused_in)]


def _explain(problem: dict[str, Any]) -> str:
    key = ".".join(str(part) for part in problem["loc"]) or "(row)"
    message = problem["msg"].removeprefix("Value error, ")
    if problem["type"] == "missing":
        message = "required key is missing / verplichte sleutel ontbreekt"
    elif problem["type"] == "extra_forbidden":
        message = "unknown key / onbekende sleutel"
    return f"{key}: {message}"
