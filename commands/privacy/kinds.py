"""The kinds of personal data the intake screens out, as stable codes."""

from __future__ import annotations

from enum import StrEnum

#: Where in a text something was found: start and end, as in a slice.
Span = tuple[int, int]


class PersonalData(StrEnum):
    BSN = "bsn"
    PHONE = "phone"
    EMAIL = "email"
    IBAN = "iban"
    BIRTH_DATE = "birth_date"
    HEALTH_NAME = "health_name"  # the name of a person in a sentence about health


#: The kinds an organisation's contact details are made of (kept in the contact directory).
CONTACT_DETAILS = frozenset({PersonalData.PHONE, PersonalData.EMAIL})
