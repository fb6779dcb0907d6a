"""Parsing and checking the fields of a `!signaal`: text in, a typed request out."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator, model_validator
from rapidfuzz import fuzz, process

from commands.core.limits import refuse_if_longer
from commands.core.message import excerpt
from commands.core.registry import UsageError
from commands.texts import cases as texts
from commands.texts import core as core_texts
from config.reference import Lookup, normalise, regions, sectors
from config.settings import LimitSettings

FIELDS = (
    texts.FIELD_REGION,
    texts.FIELD_SECTOR,
    texts.FIELD_SOURCE,
    texts.FIELD_LOCATION,
    texts.FIELD_KVK,
    texts.FIELD_ASPECT,
    texts.FIELD_DESCRIPTION,
)
_FIELD_LINE = re.compile(r"^\s*([A-Za-zÀ-ÿ]+)\s*:\s*(.*)$", re.DOTALL)
_LEGAL_FORMS = {"bv", "b v", "nv", "n v", "vof", "v o f", "cv", "holding", "ltd", "gmbh"}


def split_fields(arguments: str) -> dict[str, Any]:
    """First segment is the title; then `veld: waarde` per line or per `;`.

    A line without a field continues the field before it, so a pasted description may span lines.
    """
    segments = [part.strip() for part in re.split(r"[;\n]", arguments)]
    title, *rest = segments or [""]
    values: dict[str, str] = {}
    current: str | None = None
    for segment in rest:
        if not segment:
            continue
        match = _FIELD_LINE.match(segment)
        if match is None:
            if current is None:
                raise UsageError(
                    texts.FIELD_UNKNOWN.format(field=segment[:40], fields=", ".join(FIELDS))
                )
            values[current] += "\n" + segment
            continue
        key = match[1].lower()
        key = texts.FIELD_ALIASES.get(key, key)
        if key not in FIELDS:
            raise UsageError(_unknown_field(match[1]))
        if key in values:
            raise UsageError(texts.FIELD_TWICE.format(field=key))
        values[key] = match[2].strip()
        current = key
    return {"title": title, **values}


def _unknown_field(name: str) -> str:
    message = texts.FIELD_UNKNOWN.format(field=excerpt(name), fields=", ".join(FIELDS))
    close = process.extractOne(excerpt(name).lower(), FIELDS, scorer=fuzz.ratio, score_cutoff=60)
    return message + (" " + core_texts.DID_YOU_MEAN.format(options=close[0]) if close else "")


def company_key(title: str, location: str | None) -> str:
    """Name and place, normalised, legal forms dropped: 'Slachterij X B.V.' == 'slachterij x'."""
    words = normalise(title).split()
    words = [w for w in words if w not in _LEGAL_FORMS]
    name = " ".join(words)
    for form in _LEGAL_FORMS:
        name = name.removesuffix(" " + form)
    return f"{name}|{normalise(location or '')}"


def _chosen(found: Lookup, message: str, hint: str) -> str:
    """The match of a lookup, or a UsageError suggesting the closest names (else the hint)."""
    if found.match:
        return found.match
    if found.suggestions:
        options = " of ".join(found.suggestions)
        raise UsageError(f"{message} {core_texts.DID_YOU_MEAN.format(options=options)}")
    raise UsageError(f"{message} {hint}")


def region_code(value: str) -> str:
    """VR06 for `VR06`, `VNOG` or `Noord- en Oost-Gelderland`; a Dutch UsageError otherwise."""
    message = texts.REGION_NOT_FOUND.format(value=value[:60])
    return _chosen(regions().lookup(value), message, texts.REGION_HINT)


# One reader per field, shared by `!signaal` and `!wijzig`: the stored code, or a Dutch UsageError.


def sector_code(value: str) -> str:
    names = ", ".join(s.key for s in sectors().by_key.values())
    message = texts.SECTOR_NOT_FOUND.format(value=value[:60])
    return _chosen(sectors().lookup(value), message, texts.SECTOR_HINT.format(sectors=names))


def source_code(value: str) -> str:
    word = normalise(value)
    word = texts.SOURCE_ALIASES.get(word, word)
    if word in texts.SOURCES:
        return word
    close = process.extractOne(word, texts.SOURCES.keys(), scorer=fuzz.ratio, score_cutoff=70)
    message = texts.SOURCE_NOT_FOUND.format(value=value[:60], sources=", ".join(texts.SOURCES))
    hint = core_texts.DID_YOU_MEAN.format(options=close[0]) if close else ""
    raise UsageError(f"{message} {hint}".strip())


def kvk_number(value: str) -> str:
    digits = re.sub(r"[\s.\-]", "", value)
    if not re.fullmatch(r"\d{8}", digits):
        raise UsageError(texts.KVK_INVALID.format(value=value[:40]))
    return digits


def aspect_codes(value: str) -> tuple[str, ...]:
    chosen: list[str] = []
    for word in re.split(r"[,/\s]+|\ben\b", normalise(value)):
        if not word:
            continue
        if word not in texts.ASPECTS:
            raise UsageError(texts.ASPECT_INVALID.format(value=word[:40]))
        if word not in chosen:
            chosen.append(word)
    return tuple(chosen)


def _limits(info: ValidationInfo) -> LimitSettings:
    return info.context["settings"].limits if info.context else LimitSettings()


class SignalRequest(BaseModel):
    model_config = ConfigDict(frozen=True, populate_by_name=True)

    title: str
    region: str | None = None
    region_unknown: bool = True
    sector: str | None = None
    source: str | None = None
    location: str | None = None
    kvk: str | None = None
    aspects: tuple[str, ...] = ()
    description: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_fields(cls, data: Any) -> Any:
        """Map the Dutch field names members type to the request's attributes."""
        if not isinstance(data, dict) or "title" not in data or "region_unknown" in data:
            return data
        for key, value in data.items():
            if key != "title" and not value:
                raise UsageError(texts.FIELD_EMPTY.format(field=key))
        region = data.get(texts.FIELD_REGION)
        return {
            "title": data["title"],
            "region": region,
            "region_unknown": region is None or normalise(region) == texts.REGION_UNKNOWN_WORD,
            "sector": data.get(texts.FIELD_SECTOR),
            "source": data.get(texts.FIELD_SOURCE),
            "location": data.get(texts.FIELD_LOCATION),
            "kvk": data.get(texts.FIELD_KVK),
            "aspects": data.get(texts.FIELD_ASPECT) or (),
            "description": data.get(texts.FIELD_DESCRIPTION),
        }

    @field_validator("title")
    @classmethod
    def _title(cls, value: str, info: ValidationInfo) -> str:
        value = " ".join(value.split())
        if not value:
            raise UsageError(texts.TITLE_MISSING)
        limit = _limits(info).title_chars
        if len(value) > limit:
            raise UsageError(texts.TITLE_TOO_LONG.format(length=len(value), limit=limit))
        return value

    @field_validator("region")
    @classmethod
    def _region(cls, value: str | None) -> str | None:
        if value is None or normalise(value) == texts.REGION_UNKNOWN_WORD:
            return None
        return region_code(value)

    @field_validator("sector")
    @classmethod
    def _sector(cls, value: str | None) -> str | None:
        return None if value is None else sector_code(value)

    @field_validator("source")
    @classmethod
    def _source(cls, value: str | None) -> str | None:
        return None if value is None else source_code(value)

    @field_validator("kvk")
    @classmethod
    def _kvk(cls, value: str | None) -> str | None:
        return None if value is None else kvk_number(value)

    @field_validator("aspects", mode="before")
    @classmethod
    def _aspects(cls, value: Any) -> tuple[str, ...]:
        if isinstance(value, tuple | list):
            return tuple(value)
        return aspect_codes(str(value))

    @field_validator("location", "description")
    @classmethod
    def _free_text(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return None
        field = texts.FIELD_LOCATION if info.field_name == "location" else texts.FIELD_DESCRIPTION
        refuse_if_longer(value, _limits(info).field_chars, field)
        return value.strip()
