"""Screening a member's text for personal data before anything is stored, echoed or logged.

What is found is replaced by a Dutch placeholder (`[BSN verwijderd]`); the counts per kind say
what went, never what it was. Organisation contacts (`keep_contact_details`) keep their phone
numbers and e-mail addresses; everything else is screened the same for every command.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from commands.privacy.birth_dates import birth_date_spans
from commands.privacy.health import health_name_spans
from commands.privacy.kinds import CONTACT_DETAILS, PersonalData, Span
from commands.privacy.numbers import bsn_spans, iban_spans, phone_spans
from commands.texts import privacy as texts
from config.privacy_settings import ScreeningSettings

#: An address: a local part, `@`, a domain with a dot. A Matrix id (`@jan:example.org`) has no
#: local part before its `@`, so it is no address.
_EMAIL = re.compile(
    r"(?<![\w.%+-])[\w.%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?![\w-]|\.[A-Za-z0-9])"
)

Finder = Callable[[str], list[Span]]


@dataclass(frozen=True)
class Screened:
    text: str
    found: Mapping[PersonalData, int] = field(default_factory=dict)  # how many of each kind


def screen(
    text: str,
    settings: ScreeningSettings,
    *,
    keep_contact_details: bool = False,
    today: date,
) -> Screened:
    """The text with every piece of personal data replaced by its placeholder.

    The kinds are found one after another on what the previous ones left, so an IBAN's digits
    are never read as a phone number, nor a phone number's as a BSN. `today` dates what counts
    as a date of birth (see birth_dates)."""
    found: Counter[PersonalData] = Counter()
    for kind, finder in _finders(settings, today):
        if keep_contact_details and kind in CONTACT_DETAILS:
            continue
        spans = finder(text)
        if spans:
            text = _replace(text, spans, texts.PLACEHOLDERS[kind])
            found[kind] += len(spans)
    return Screened(text, dict(found))


def _finders(settings: ScreeningSettings, today: date) -> list[tuple[PersonalData, Finder]]:
    return [
        (PersonalData.IBAN, iban_spans),
        (PersonalData.EMAIL, email_spans),
        (PersonalData.BIRTH_DATE, lambda text: birth_date_spans(text, today)),
        (PersonalData.PHONE, phone_spans),
        (PersonalData.BSN, bsn_spans),
        (PersonalData.HEALTH_NAME, lambda text: health_name_spans(text, settings.health_words)),
    ]


def email_spans(text: str) -> list[Span]:
    return [match.span() for match in _EMAIL.finditer(text)]


def _replace(text: str, spans: list[Span], placeholder: str) -> str:
    """Replace non-overlapping spans, from the end so earlier positions stay right."""
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + placeholder + text[end:]
    return text
