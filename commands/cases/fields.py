"""The typed request of a `!signaal`: its fields read, and what could not be read, kept as typed."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationInfo, model_validator

from commands.cases.values import READERS, said_unknown
from commands.core.registry import UsageError
from commands.texts import cases as texts
from commands.texts import intake as intake_texts
from config.reference import normalise
from config.settings import LimitSettings
from storage.cases import IntakeField

FIELDS = tuple(intake_texts.FIELD_NAMES.values())
_LEGAL_FORMS = {"bv", "b v", "nv", "n v", "vof", "v o f", "cv", "holding", "ltd", "gmbh"}
#: The request's attribute for a field, where it is not the field's code.
_ATTRIBUTES = {IntakeField.ASPECT: "aspects"}


def company_key(title: str, location: str | None) -> str:
    """Name and place, normalised, legal forms dropped: 'Slachterij X B.V.' == 'slachterij x'."""
    words = normalise(title).split()
    words = [w for w in words if w not in _LEGAL_FORMS]
    name = " ".join(words)
    for form in _LEGAL_FORMS:
        name = name.removesuffix(" " + form)
    return f"{name}|{normalise(location or '')}"


def region_code(value: str) -> str:
    """VR06 for `VR06`, `VNOG` or `Noord- en Oost-Gelderland`; a Dutch UsageError otherwise."""
    reading = READERS[IntakeField.REGION](value)
    if reading.problem:
        raise UsageError(reading.problem)
    if not isinstance(reading.value, str):
        raise UsageError(texts.REGION_MISSING)
    return reading.value


def _limits(info: ValidationInfo) -> LimitSettings:
    return info.context["settings"].limits if info.context else LimitSettings()


def _shortened(text: str, limit: int) -> str:
    """At most `limit` characters, cut after a whole word where there is one, marked with …."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if text[limit - 1] != " " and " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:-") + "…"


class SignalRequest(BaseModel):
    """A signal as read. Nothing but an empty title refuses it: a field the bot cannot read is
    left empty and kept in `unread` as typed; free text beyond its limit is cut (`cut`)."""

    model_config = ConfigDict(frozen=True)

    title: str
    region: str | None = None
    sector: str | None = None
    source: str | None = None
    location: str | None = None
    kvk: str | None = None
    border: str | None = None  # DE or BE
    aspects: tuple[str, ...] = ()
    description: str | None = None
    unread: dict[IntakeField, str] = {}
    cut: tuple[IntakeField, ...] = ()
    strangers: tuple[str, ...] = ()  # names before a colon that are no field

    @property
    def region_unknown(self) -> bool:
        return self.region is None

    @model_validator(mode="before")
    @classmethod
    def _read(cls, data: Any, info: ValidationInfo) -> Any:
        """From what `split_fields` found to codes, free text and what was left unread."""
        if not isinstance(data, dict) or "fields" not in data:
            return data
        limits = _limits(info)
        typed: dict[IntakeField, str] = dict(data["fields"])
        title = " ".join(data["title"].split())
        if not title:
            raise UsageError(intake_texts.TITLE_MISSING)
        cut: list[IntakeField] = []
        if len(title) > limits.title_chars:
            cut.append(IntakeField.TITLE)
            described = typed.get(IntakeField.DESCRIPTION)
            typed[IntakeField.DESCRIPTION] = title + (f"\n{described}" if described else "")
            title = _shortened(title, limits.title_chars)
        read: dict[str, Any] = {"title": title, "strangers": data["strangers"], "unread": {}}
        for code, reader in READERS.items():
            if code in typed:
                reading = reader(typed[code])
                read[_ATTRIBUTES.get(code, code.value)] = reading.value
                if reading.problem:
                    read["unread"][code] = typed[code][: limits.field_chars]
        for code in (IntakeField.LOCATION, IntakeField.DESCRIPTION):
            value = typed.get(code)
            if value is None or (code is IntakeField.LOCATION and said_unknown(value)):
                continue
            if len(value) > limits.field_chars:
                cut.append(code)
            read[code.value] = value[: limits.field_chars]
        return {**read, "cut": tuple(cut)}
