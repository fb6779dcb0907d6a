"""The values of a contact as a member types them or an import file holds them, checked.

The same rules for `!contact toevoegen` and `signaalbot import contacten`: a name, a kind and
at least one region; a phone number or an e-mail address (or both), each valid. Phone numbers
are read as Dutch unless they start with a country code (a number in Germany or Belgium must)
and are stored in E.164 (+31612345678); e-mail addresses are stored normalised.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from commands.core.message import excerpt
from commands.texts import contacts as texts
from config.matching import normalise
from config.reference import regions
from storage.contacts import ContactKind

#: The longest name, organisation or role a contact can have (the columns' size).
TEXT_LIMIT = 200

_KINDS: dict[str, ContactKind] = {
    **{normalise(kind.value): kind for kind in ContactKind},
    **{normalise(label): kind for kind, label in texts.KIND_LABELS.items()},
    **{normalise(alias): kind for alias, kind in texts.KIND_ALIASES.items()},
}


class ValueProblem(ValueError):
    """A value that cannot be stored: the Dutch message, and the field it is in."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class ContactValues:
    name: str
    organisation: str | None
    kind: ContactKind
    role: str | None
    phone: str | None  # E.164
    email: str | None
    country: str  # NL, DE or BE
    regions: tuple[str, ...]  # VR codes


def read_contact(cells: Mapping[str, str]) -> tuple[ContactValues | None, list[ValueProblem]]:
    """The contact in `cells` (field name -> text as typed), or else every problem found."""
    problems: list[ValueProblem] = []

    def read(field: str, reader: Callable[..., Any], *arguments: Any) -> Any:
        try:
            return reader(field, cells.get(field, ""), *arguments)
        except ValueProblem as problem:
            problems.append(problem)
            return None

    name = read(texts.FIELD_NAME, _text, True)
    organisation = read(texts.FIELD_ORGANISATION, _text, False)
    kind = read(texts.FIELD_KIND, _kind)
    role = read(texts.FIELD_ROLE, _text, False)
    country = read(texts.FIELD_COUNTRY, _country)
    phone = read(texts.FIELD_PHONE, _phone, country or "NL")
    email = read(texts.FIELD_EMAIL, _email)
    served = read(texts.FIELD_REGIONS, _regions)
    typed = (cells.get(f, "").strip() for f in (texts.FIELD_PHONE, texts.FIELD_EMAIL))
    if not any(typed):
        problems.append(ValueProblem(texts.FIELD_PHONE, texts.REACH_MISSING))
    if problems:
        return None, problems
    values = ContactValues(name, organisation, kind, role, phone, email, country, served)
    return values, []


def field_name(typed: str) -> str | None:
    """The field a member or a file's column means, by its name or another way to write it."""
    key = typed.strip().lower()
    if key in texts.FIELDS:
        return key
    return texts.FIELD_ALIASES.get(key) or texts.FIELD_ALIASES.get(normalise(key))


def _text(field: str, value: str, required: bool) -> str | None:
    flat = " ".join(value.split())
    if not flat and required:
        raise ValueProblem(field, texts.NAME_MISSING)
    if len(flat) > TEXT_LIMIT:
        length = len(flat)
        message = texts.VALUE_TOO_LONG.format(field=field, length=length, limit=TEXT_LIMIT)
        raise ValueProblem(field, message)
    return flat or None


def _kind(field: str, value: str) -> ContactKind:
    if not value.strip():
        raise ValueProblem(field, texts.KIND_MISSING)
    kind = _KINDS.get(normalise(value))
    if kind is None:
        kinds = ", ".join(kind.value for kind in ContactKind)
        raise ValueProblem(field, texts.KIND_UNKNOWN.format(value=excerpt(value), kinds=kinds))
    return kind


def parse_kind(value: str) -> ContactKind | None:
    return _KINDS.get(normalise(value))


def _country(field: str, value: str) -> str:
    if not value.strip():
        return "NL"
    country = texts.COUNTRY_NAMES.get(normalise(value))
    if country is None:
        raise ValueProblem(field, texts.COUNTRY_UNKNOWN.format(value=excerpt(value)))
    return country


def _phone(field: str, value: str, country: str) -> str | None:
    typed = value.strip()
    if not typed:
        return None
    international = typed.startswith(("+", "00"))
    if country in texts.COUNTRY_CODES and not international:
        message = texts.PHONE_NEEDS_COUNTRY_CODE.format(
            value=excerpt(typed),
            country=texts.COUNTRY_LABELS[country],
            code=texts.COUNTRY_CODES[country],
        )
        raise ValueProblem(field, message)
    try:
        number = phonenumbers.parse(typed, "NL")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValueProblem(field, texts.PHONE_INVALID.format(value=excerpt(typed)))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def shown_phone(stored: str) -> str:
    """+31612345678 as people read it: +31 6 12345678."""
    number = phonenumbers.parse(stored, None)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _email(field: str, value: str) -> str | None:
    typed = value.strip()
    if not typed:
        return None
    try:
        return validate_email(typed, check_deliverability=False).normalized
    except EmailNotValidError as error:
        message = texts.EMAIL_INVALID.format(value=excerpt(typed))
        raise ValueProblem(field, message) from error


def _regions(field: str, value: str) -> tuple[str, ...]:
    """`VR06, Twente` or `VNOG; VR05`: each part one region, as people write it."""
    parts = [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]
    if not parts:
        raise ValueProblem(field, texts.REGIONS_MISSING)
    codes: dict[str, None] = {}
    for part in parts:
        codes[read_region(field, part)] = None
    return tuple(codes)


def read_region(field: str, value: str) -> str:
    """One region as people write it; an unknown or ambiguous one is a problem."""
    found = regions().recognise(value)
    if found.match is not None:
        return found.match
    shown = excerpt(value)
    options = " of ".join(found.suggestions)
    if found.ambiguous:
        raise ValueProblem(field, texts.REGION_AMBIGUOUS.format(value=shown, options=options))
    if found.suggestions:
        raise ValueProblem(field, texts.REGION_SUGGEST.format(value=shown, options=options))
    raise ValueProblem(field, texts.REGION_UNKNOWN.format(value=shown))
