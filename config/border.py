"""Reference data: the counterparts across the border of the border regions, and the structures
they work through (config/data/grensnetwerk.yaml), merged with the file that
`border.counterparts_file` names; and how a country or an address across the border is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from config.matching import normalise
from config.reference import regions


class Country(StrEnum):
    DE = "DE"
    BE = "BE"


class CounterpartKind(StrEnum):
    KREIS = "Kreis"
    KREISFREIE_STADT = "kreisfreie Stadt"
    STAEDTEREGION = "Städteregion"
    LANDKREIS = "Landkreis"
    PROVINCE = "provincie"
    ZONE = "hulpverleningszone"


class Marker(StrEnum):
    VERIFIED = "V"
    SECONDARY = "S"
    UNVERIFIED = "U"


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Structure(_Row):
    name: str = Field(alias="naam")
    description: str = Field(alias="omschrijving")
    marker: Marker
    source: str = Field(alias="bron")


class HealthNote(_Row):
    """Who does public health on the other side (the Gesundheitsamt, Zorg en Gezondheid)."""

    text: str = Field(alias="tekst")
    marker: Marker
    source: str = Field(alias="bron")


class Counterpart(_Row):
    name: str = Field(alias="naam")
    country: Country = Field(alias="land")
    kind: CounterpartKind = Field(alias="soort")
    structures: tuple[str, ...] = Field(default=(), alias="structuren")
    marker: Marker
    source: str = Field(alias="bron")
    places: tuple[str, ...] = Field(default=(), alias="plaatsen")


class NetworkFile(_Row):
    """The shape of grensnetwerk.yaml, and of the file that adds to it."""

    structures: dict[str, Structure] = Field(default_factory=dict, alias="structuren")
    health: dict[Country, HealthNote] = Field(default_factory=dict, alias="gezondheid")
    regions: dict[str, list[Counterpart]] = Field(default_factory=dict, alias="regios")


class BorderFileError(ValueError):
    """The counterparts file cannot be used: each problem names its key."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


_COUNTRY_WORDS = {
    Country.DE: ("de", "d", "duitsland", "deutschland", "germany", "allemagne", "duits"),
    Country.BE: ("be", "b", "belgie", "belgique", "belgium", "belgien", "belgisch"),
}
#: In an address: the country's name, in Dutch, its own language(s) or English.
_ADDRESS_WORDS = {
    Country.DE: ("duitsland", "deutschland", "germany", "allemagne"),
    Country.BE: ("belgie", "belgique", "belgium", "belgien"),
}
#: `grens: nee`: the signal says it does not reach across the border.
NO_BORDER_WORDS = frozenset({"nee", "geen", "nl", "nederland", "niet"})
#: A postcode with its country's prefix: `D-46325`, `DE-46325`, `B-2000`, `BE-2000`.
_PREFIXED = {
    Country.DE: re.compile(r"(?<![\w-])DE?-\s?\d{5}(?!\d)", re.IGNORECASE),
    Country.BE: re.compile(r"(?<![\w-])BE?-\s?\d{4}(?!\d)", re.IGNORECASE),
}
_POSTCODE_DIGITS = {Country.DE: 5, Country.BE: 4}


def country_named(typed: str) -> Country | None:
    """DE for `DE`, `Duitsland`, `Deutschland`; BE for `BE`, `België`, `Belgique`; else None."""
    wanted = normalise(typed)
    for country, words in _COUNTRY_WORDS.items():
        if wanted in words:
            return country
    return None


@dataclass(frozen=True)
class BorderNetwork:
    structures: dict[str, Structure]
    health: dict[Country, HealthNote]
    counterparts: dict[str, tuple[Counterpart, ...]]  # region code -> its counterparts

    def of_region(self, code: str | None) -> tuple[Counterpart, ...]:
        return self.counterparts.get(code, ()) if code else ()

    def border_regions(self) -> list[str]:
        """The regions that border another country, in the order of their codes."""
        return [code for code, region in regions().by_code.items() if region.borders]

    def structures_of(self, counterparts: Iterable[Counterpart]) -> dict[str, Structure]:
        """The structures these counterparts work through, each once, in order of mention."""
        codes = dict.fromkeys(code for c in counterparts for code in c.structures)
        return {code: self.structures[code] for code in codes}

    def at_address(self, text: str | None) -> list[Counterpart]:
        """The counterparts in whose area an address with a postcode lies (`46325 Borken`)."""
        if not text:
            return []
        found: dict[str, Counterpart] = {}
        for counterpart in (c for listed in self.counterparts.values() for c in listed):
            if _postcode_and_place(text, counterpart.country, counterpart.places):
                found.setdefault(counterpart.name, counterpart)
        return list(found.values())

    def address_country(self, text: str | None) -> Country | None:
        """The country an address lies in, when it plainly says so: its name (`Deutschland`,
        `België`), a prefixed postcode (`D-46325`), or a German five-digit or Belgian four-digit
        postcode followed by a known town there. None when it names both, or neither.

        A Dutch postcode (four digits and two letters) never matches: no known town follows
        its digits."""
        if not text:
            return None
        plain = normalise(text)
        countries = {
            country
            for country in Country
            if _PREFIXED[country].search(text)
            or any(re.search(rf"\b{word}\b", plain) for word in _ADDRESS_WORDS[country])
        }
        countries |= {c.country for c in self.at_address(text)}
        return countries.pop() if len(countries) == 1 else None


def _postcode_and_place(text: str, country: Country, places: Iterable[str]) -> bool:
    names = "|".join(re.escape(normalise(place)) for place in places)
    if not names:
        return False
    digits = _POSTCODE_DIGITS[country]
    pattern = rf"(?<!\d)\d{{{digits}}} (?:{names})\b"
    return re.search(pattern, normalise(text)) is not None


def _read_file(text: str, where: str) -> NetworkFile:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        raise BorderFileError([f"{where}: not valid YAML / geen geldige YAML: {error}"]) from error
    try:
        return NetworkFile.model_validate(data)
    except ValidationError as error:
        raise BorderFileError(
            [
                f"{where}: {'.'.join(str(p) for p in problem['loc']) or '(top)'}: {problem['msg']}"
                for problem in error.errors()
            ]
        ) from error


def _region_code(key: str) -> str | None:
    return key if key in regions() else regions().lookup(key).match


def _merged(shipped: NetworkFile, extra: NetworkFile | None, where: str) -> BorderNetwork:
    """The shipped rows, each region's entries added to or replaced by name from `extra`."""
    structures = {**shipped.structures, **(extra.structures if extra else {})}
    health = {**shipped.health, **(extra.health if extra else {})}
    counterparts = {code: {c.name: c for c in rows} for code, rows in shipped.regions.items()}
    problems: list[str] = []
    for key, rows in (extra.regions if extra else {}).items():
        code = _region_code(key)
        if code is None:
            problems.append(f"{where}: regios.{key}: unknown region / onbekende regio")
            continue
        counterparts.setdefault(code, {}).update({c.name: c for c in rows})
    network = BorderNetwork(
        structures, health, {code: tuple(rows.values()) for code, rows in counterparts.items()}
    )
    problems += _problems(network, where)
    if problems:
        raise BorderFileError(problems)
    return network


def _problems(network: BorderNetwork, where: str) -> list[str]:
    """Each region must border its counterparts' countries; each structure must be known."""
    problems = []
    for code, rows in network.counterparts.items():
        borders = regions()[code].borders if code in regions() else ()
        for index, counterpart in enumerate(rows):
            key = f"{where}: regios.{code}.{index}"
            if counterpart.country not in borders:
                problems.append(
                    f"{key}: {code} does not border {counterpart.country} / "
                    f"{code} grenst niet aan {counterpart.country}"
                )
            problems += [
                f"{key}: unknown structure / onbekende structuur '{structure}'"
                for structure in counterpart.structures
                if structure not in network.structures
            ]
    return problems


def _shipped_text() -> str:
    return resources.files("config").joinpath("data", "grensnetwerk.yaml").read_text("utf-8")


@cache
def border_network(extra_file: Path | None = None) -> BorderNetwork:
    """The shipped network, merged with `extra_file`; BorderFileError names what is wrong."""
    shipped = _read_file(_shipped_text(), "grensnetwerk.yaml")
    if extra_file is None:
        return _merged(shipped, None, "grensnetwerk.yaml")
    where = str(extra_file)
    try:
        text = extra_file.read_text("utf-8")
    except OSError as error:
        raise BorderFileError([f"{where}: cannot be read / niet te lezen: {error}"]) from error
    return _merged(shipped, _read_file(text, where), where)


def counterparts_problems(extra_file: Path | None) -> list[str]:
    """For check-config: what is wrong with the counterparts file, if anything."""
    try:
        border_network(extra_file)
    except BorderFileError as error:
        return [f"border.counterparts_file: {problem}" for problem in error.problems]
    return []
