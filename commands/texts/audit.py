"""The audit trail on the command line: `signaalbot audit verify` and `signaalbot audit export`."""

from __future__ import annotations

VERIFIED = "in orde: {count} records; hash van het laatste: {last_hash}"
BROKEN = "record {seq} breekt de keten: {reason} ({checked} records daarvoor in orde)"

#: Why a record breaks the chain, by the code storage.audit_chain.Break gives.
BREAKS = {
    "changed": "gewijzigd: de velden geven de hash van het record niet meer",
    "missing": "ontbreekt: dit volgnummer is er niet (verwijderd)",
    "out_of_order": "niet op zijn plaats: hash en verwijzing passen hier niet (verplaatst)",
    "unlinked": "de verwijzing klopt niet: vorige_hash is niet de hash van het record ervoor",
    "tail_cut": "afgeknipt: de kop noemt latere records dan er zijn (de laatste verwijderd)",
    "head_mismatch": "de kop noemt een andere hash voor dit record",
    "beyond_head": "na de kop: dit record is niet door de bot toegevoegd",
}

DAY_INVALID = "{value}: geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-11-30."
PERIOD_BACKWARDS = "--from {first} ligt na --to {last}; niets geëxporteerd."
OUT_UNWRITABLE = "{file}: kan niet worden geschreven ({reason}); niets geëxporteerd."
EXPORTED = "{count} records van {first} tot en met {last} geëxporteerd naar {out}."
STDOUT = "de standaarduitvoer"
