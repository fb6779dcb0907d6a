"""Reference data: the 25 veiligheidsregio's, the platform's entities and the sectors."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

import yaml

from config.matching import Lookup, Vocabulary, normalise


class Entity(StrEnum):
    """The entities taking part in the platform (plan, section 2.1)."""

    ISZW = "ISZW"
    NVWA = "NVWA"
    GGD = "GGD"
    RIVM = "RIVM"
    VR = "VR"
    LOTC = "LOT-C"


ENTITY_NAMES: dict[Entity, str] = {
    Entity.ISZW: "Nederlandse Arbeidsinspectie (ISZW)",
    Entity.NVWA: "Nederlandse Voedsel- en Warenautoriteit",
    Entity.GGD: "GGD",
    Entity.RIVM: "RIVM",
    Entity.VR: "Veiligheidsregio",
    Entity.LOTC: "LOT-C",
}

# The Inspectie SZW was renamed Nederlandse Arbeidsinspectie in 2022; both names stay in use.
ENTITY_ALIASES: dict[str, Entity] = {
    "iszw": Entity.ISZW,
    "szw": Entity.ISZW,
    "inspectie szw": Entity.ISZW,
    "nla": Entity.ISZW,
    "arbeidsinspectie": Entity.ISZW,
    "nederlandse arbeidsinspectie": Entity.ISZW,
    "nvwa": Entity.NVWA,
    "ggd": Entity.GGD,
    "rivm": Entity.RIVM,
    "vr": Entity.VR,
    "veiligheidsregio": Entity.VR,
    "lotc": Entity.LOTC,
    "lot c": Entity.LOTC,
}

#: Entities whose members take part in every case, wherever it is.
NATIONAL_ENTITIES = frozenset({Entity.ISZW, Entity.NVWA, Entity.RIVM, Entity.LOTC})
#: Entities whose members belong to one region and join that region's cases.
REGIONAL_ENTITIES = frozenset({Entity.GGD, Entity.VR})


def parse_entity(text: str) -> Entity | None:
    return ENTITY_ALIASES.get(normalise(text))


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    province: str
    borders: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code})"


#: Words in region names that only narrow down a match: `Noord` alone names no region.
_DIRECTIONS = ("noord", "oost", "zuid", "west", "midden", "zuidoost")


class Regions:
    def __init__(self, regions: list[Region]) -> None:
        self.by_code = {region.code: region for region in regions}
        names: dict[str, str] = {}
        provinces: dict[str, list[str]] = {}
        for region in regions:
            for name in (region.code, region.name, *region.aliases):
                names[name] = region.code
            names[region.code.replace("VR0", "VR").lower()] = region.code
            provinces.setdefault(region.province, []).append(region.code)
        labels = {r.code: r.label for r in regions}
        self._vocabulary = Vocabulary(names, labels, groups=provinces, generic=_DIRECTIONS)

    def lookup(self, text: str) -> Lookup:
        """Exactly a code, name or alias (for reading a region out of a longer text)."""
        return self._vocabulary.lookup(text)

    def recognise(self, text: str) -> Lookup:
        """A region as people write it, or the regions to ask about (`Brabant`: three)."""
        return self._vocabulary.recognise(text)

    def __getitem__(self, code: str) -> Region:
        return self.by_code[code]

    def __contains__(self, code: object) -> bool:
        return code in self.by_code


@dataclass(frozen=True)
class Sector:
    key: str
    name: str
    aliases: tuple[str, ...] = ()


class Sectors:
    def __init__(self, sectors: list[Sector]) -> None:
        self.by_key = {sector.key: sector for sector in sectors}
        names = {name: s.key for s in sectors for name in (s.key, s.name, *s.aliases)}
        self._vocabulary = Vocabulary(names, {s.key: s.name for s in sectors})

    def lookup(self, text: str) -> Lookup:
        """Exactly a key, name or alias."""
        return self._vocabulary.lookup(text)

    def recognise(self, text: str) -> Lookup:
        """A sector as people write it, or the sectors to ask about."""
        return self._vocabulary.recognise(text)

    def __getitem__(self, key: str) -> Sector:
        return self.by_key[key]


def _load_yaml(name: str) -> list[dict]:
    return yaml.safe_load(resources.files("config").joinpath("data", name).read_text("utf-8"))


@cache
def regions() -> Regions:
    return Regions(
        [
            Region(
                code=item["code"],
                name=item["naam"],
                province=item["provincie"],
                borders=tuple(item.get("grens", ())),
                aliases=tuple(item.get("aliases", ())),
            )
            for item in _load_yaml("veiligheidsregios.yaml")
        ]
    )


@cache
def sectors() -> Sectors:
    return Sectors(
        [
            Sector(key=item["key"], name=item["naam"], aliases=tuple(item.get("aliases", ())))
            for item in _load_yaml("sectoren.yaml")
        ]
    )
