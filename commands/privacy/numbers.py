"""Finding numbers that identify a person: IBANs, phone numbers and BSNs, each checked the way
the number itself is checked (mod 97, the numbering plan, the elfproef), so a number that only
looks like one stays."""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import Leniency, PhoneNumberType
from stdnum import iban
from stdnum.nl import bsn

from commands.privacy.kinds import Span

#: Two letters, two check digits, then groups of letters and digits, with or without spaces.
_IBAN_CANDIDATE = re.compile(
    r"(?<![\w])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4}){3,8}(?![\w])", re.IGNORECASE
)
#: Nine digits, as one run or grouped as people write a BSN: 1234.56.782, 123 456 782.
_BSN_CANDIDATE = re.compile(
    r"(?<![\w.,+-])(?<!\d )(?:\d{9}|\d{4}([ .])\d{2}\1\d{3}|\d{3}([ .])\d{3}\2\d{3})"
    r"(?![\w]|[.,-]\d| \d)"
)
#: Numbers that belong to an organisation's service line (0800, 0900, 085 ...), never a person's.
_SERVICE_LINES = frozenset(
    {
        PhoneNumberType.TOLL_FREE,
        PhoneNumberType.PREMIUM_RATE,
        PhoneNumberType.SHARED_COST,
        PhoneNumberType.UAN,
    }
)


def iban_spans(text: str) -> list[Span]:
    """IBANs whose check digits are right; of a run of groups the longest valid start counts,
    so the word after an IBAN (`NL91 ABNA 0417 1643 00 voor`) is not part of it."""
    spans: list[Span] = []
    for match in _IBAN_CANDIDATE.finditer(text):
        end = _longest_valid_iban(match.group())
        if end:
            spans.append((match.start(), match.start() + end))
    return spans


def _longest_valid_iban(candidate: str) -> int:
    """The length of the longest start of `candidate`, cut at a group's end, that is an IBAN."""
    ends = [index for index in range(len(candidate), 0, -1) if _group_ends(candidate, index)]
    for end in ends:
        if iban.is_valid(candidate[:end]):
            return end
    return 0


def _group_ends(candidate: str, index: int) -> bool:
    return index == len(candidate) or candidate[index] == " "


def phone_spans(text: str) -> list[Span]:
    """Phone numbers written with a leading 0, + or 00 that are valid in their country (Dutch
    when no country code is given); service lines stay. KvK numbers, case numbers, times,
    dates and postcodes are no such numbers."""
    spans: list[Span] = []
    for match in phonenumbers.PhoneNumberMatcher(text, "NL", leniency=Leniency.VALID):
        written = match.raw_string.lstrip("(")
        if not written.startswith(("0", "+")):
            continue
        if phonenumbers.number_type(match.number) in _SERVICE_LINES:
            continue
        spans.append((match.start, match.end))
    return spans


def bsn_spans(text: str) -> list[Span]:
    """Nine-digit numbers that pass the elfproef; any other nine digits stay."""
    return [match.span() for match in _BSN_CANDIDATE.finditer(text) if bsn.is_valid(match.group())]
