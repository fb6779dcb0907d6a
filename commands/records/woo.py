"""The Woo grounds (art. 5.1) that may keep parts of a case dossier from publication."""

from __future__ import annotations

from enum import StrEnum


class WooGround(StrEnum):
    """A ground for refusing publication; its Dutch label is in `texts.records.WOO_GROUNDS`."""

    BUSINESS_CONFIDENTIAL = "business_confidential"  # art. 5.1 lid 1 c
    SPECIAL_PERSONAL_DATA = "special_personal_data"  # art. 5.1 lid 1 d
    IDENTIFICATION_NUMBERS = "identification_numbers"  # art. 5.1 lid 1 e
    INSPECTION_SUPERVISION = "inspection_supervision"  # art. 5.1 lid 2 d
    PRIVACY = "privacy"  # art. 5.1 lid 2 e


#: The article, member and point of each ground, as lawyers cite them. The grounds themselves are
#: verified (reference/facts: Woo art. 5.1); the member and point are not verified there yet.
ARTICLES = {
    WooGround.BUSINESS_CONFIDENTIAL: "5.1.1.c",
    WooGround.SPECIAL_PERSONAL_DATA: "5.1.1.d",
    WooGround.IDENTIFICATION_NUMBERS: "5.1.1.e",
    WooGround.INSPECTION_SUPERVISION: "5.1.2.d",
    WooGround.PRIVACY: "5.1.2.e",
}

#: Every case may touch all five: it is about a company's operations (told in confidence),
#: about the health of its workers, made by inspectorates in their supervision, and names the
#: civil servants who handled it; intake screening removes identification numbers, but a text
#: may still hold one. Which passage a ground covers is the Woo officer's judgement.
MAY_APPLY = tuple(WooGround)
