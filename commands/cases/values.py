"""The values of a signal's fields, read the way members write them: a code, or why not.

One place for `!signaal` and for correcting a case later: each reader takes what was typed and
returns the code it means, or a Dutch sentence naming the problem and the closest options.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from commands.core.message import either, excerpt
from commands.texts import border as border_texts
from commands.texts import core as core_texts
from commands.texts import intake as intake_texts
from config.border import NO_BORDER_WORDS, country_named
from config.matching import Lookup, Vocabulary, normalise
from config.reference import regions, sectors
from storage.cases import IntakeField

_KVK_SEPARATORS = re.compile(r"[\s.\-]")
_KVK_NUMBER = re.compile(r"(?<!\d)\d{8}(?!\d)")
_ASPECT_SEPARATORS = re.compile(r"[,/;&+]|\ben\b")


@dataclass(frozen=True)
class Reading:
    """A typed value read: `value` is its code (a tuple of codes for aspects), or None.

    `problem` says in Dutch why a value that was typed could not be read; None when it was,
    and when it said it is not known (`onbekend`), which leaves the field empty.
    """

    value: str | tuple[str, ...] | None = None
    problem: str | None = None


def said_unknown(typed: str) -> bool:
    """`onbekend`, `weet niet`, `?`, `-`: nothing to read and nothing to correct."""
    wanted = normalise(typed).replace(" ", "")
    return not wanted or wanted in {word.replace(" ", "") for word in intake_texts.UNKNOWN_WORDS}


def _explained(found: Lookup, field: str, typed: str, not_found: str, hint: str = "") -> str:
    """Several that fit: which one? Close ones: did you mean? Nothing: the hint."""
    if found.ambiguous:
        options = either(found.suggestions)
        return intake_texts.VALUE_AMBIGUOUS.format(
            value=excerpt(typed), field=field, options=options
        )
    if found.suggestions:
        return f"{not_found} {core_texts.DID_YOU_MEAN.format(options=either(found.suggestions))}"
    return f"{not_found} {hint}".strip()


def read_region(typed: str) -> Reading:
    """VR06 for `VR06`, `vr 6`, `VNOG`, `Noord- en Oost-Gelderland`; `Brabant` asks which."""
    if said_unknown(typed):
        return Reading()
    found = regions().recognise(typed)
    if found.match:
        return Reading(found.match)
    message = intake_texts.REGION_NOT_FOUND.format(value=excerpt(typed))
    hint = intake_texts.REGION_HINT
    return Reading(problem=_explained(found, intake_texts.FIELD_REGION, typed, message, hint))


def read_sector(typed: str) -> Reading:
    if said_unknown(typed):
        return Reading()
    found = sectors().recognise(typed)
    if found.match:
        return Reading(found.match)
    message = intake_texts.SECTOR_NOT_FOUND.format(value=excerpt(typed))
    names = ", ".join(sector.key for sector in sectors().by_key.values())
    hint = intake_texts.SECTOR_HINT.format(sectors=names)
    return Reading(problem=_explained(found, intake_texts.FIELD_SECTOR, typed, message, hint))


@cache
def _sources() -> Vocabulary:
    names = {key: key for key in intake_texts.SOURCES}
    names.update({label: key for key, label in intake_texts.SOURCES.items()})
    names.update(intake_texts.SOURCE_ALIASES)
    return Vocabulary(names, {key: key for key in intake_texts.SOURCES})


def read_source(typed: str) -> Reading:
    if said_unknown(typed):
        return Reading()
    found = _sources().recognise(typed)
    if found.match:
        return Reading(found.match)
    message = intake_texts.SOURCE_NOT_FOUND.format(
        value=excerpt(typed), sources=", ".join(intake_texts.SOURCES)
    )
    return Reading(problem=_explained(found, intake_texts.FIELD_SOURCE, typed, message))


@cache
def _aspects() -> Vocabulary:
    names = {aspect: aspect for aspect in intake_texts.ASPECTS} | intake_texts.ASPECT_ALIASES
    return Vocabulary(names, {aspect: aspect for aspect in intake_texts.ASPECTS})


def read_aspects(typed: str) -> Reading:
    """`wonen en vervoer`, `huisvesting, werk`: the aspects in the order typed, each once.

    A part it cannot read makes the value a problem; the aspects it did read are kept.
    """
    chosen: list[str] = []
    problem: str | None = None
    for part in _ASPECT_SEPARATORS.split(typed):
        if said_unknown(part):
            continue
        found = _aspects().recognise(part)
        pieces = [(part, found)]
        if found.match is None and len(part.split()) > 1:  # `wonen werken`: one per word
            pieces = [(word, _aspects().recognise(word)) for word in part.split()]
        for piece, found in pieces:
            if found.match is None:
                message = intake_texts.ASPECT_INVALID.format(value=excerpt(piece.strip()))
                problem = problem or _explained(found, intake_texts.FIELD_ASPECT, piece, message)
            elif found.match not in chosen:
                chosen.append(found.match)
    return Reading(tuple(chosen), problem)


def read_kvk(typed: str) -> Reading:
    """The 8 digits of a KvK number, with spaces, dots or hyphens, or within other words."""
    if said_unknown(typed):
        return Reading()
    digits = _KVK_SEPARATORS.sub("", typed)
    if re.fullmatch(r"\d{8}", digits):
        return Reading(digits)
    numbers = _KVK_NUMBER.findall(typed)
    if len(numbers) == 1:
        return Reading(numbers[0])
    return Reading(problem=intake_texts.KVK_INVALID.format(value=excerpt(typed)))


def read_border(typed: str) -> Reading:
    """DE or BE for `grens: DE`, `Duitsland`, `België`; `nee` says it does not cross."""
    if said_unknown(typed) or normalise(typed) in NO_BORDER_WORDS:
        return Reading()
    country = country_named(typed)
    if country is not None:
        return Reading(country.value)
    return Reading(problem=border_texts.BORDER_NOT_FOUND.format(value=excerpt(typed)))


#: The readers of the fields whose values are codes; location and description are free text.
READERS: dict[IntakeField, Callable[[str], Reading]] = {
    IntakeField.REGION: read_region,
    IntakeField.SECTOR: read_sector,
    IntakeField.SOURCE: read_source,
    IntakeField.ASPECT: read_aspects,
    IntakeField.KVK: read_kvk,
    IntakeField.BORDER: read_border,
}
