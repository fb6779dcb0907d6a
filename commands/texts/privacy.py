"""Privacy: the placeholders of screened-out personal data, the note that says what was removed,
and the words the screening reads (birth dates, persons named by title or role)."""

from __future__ import annotations

from commands.privacy.kinds import PersonalData

#: What stands in the text where personal data was removed.
PLACEHOLDERS: dict[PersonalData, str] = {
    PersonalData.BSN: "[BSN verwijderd]",
    PersonalData.PHONE: "[telefoonnummer verwijderd]",
    PersonalData.EMAIL: "[e-mailadres verwijderd]",
    PersonalData.IBAN: "[IBAN verwijderd]",
    PersonalData.BIRTH_DATE: "[geboortedatum verwijderd]",
    PersonalData.HEALTH_NAME: "[naam verwijderd]",
}

#: How many of a kind were removed: (one, more than one).
COUNTED: dict[PersonalData, tuple[str, str]] = {
    PersonalData.BSN: ("{count} BSN", "{count} BSN's"),
    PersonalData.PHONE: ("{count} telefoonnummer", "{count} telefoonnummers"),
    PersonalData.EMAIL: ("{count} e-mailadres", "{count} e-mailadressen"),
    PersonalData.IBAN: ("{count} IBAN", "{count} IBAN's"),
    PersonalData.BIRTH_DATE: ("{count} geboortedatum", "{count} geboortedata"),
    PersonalData.HEALTH_NAME: (
        "{count} naam bij gezondheidsgegevens",
        "{count} namen bij gezondheidsgegevens",
    ),
}
COUNTS_LAST = "{counts} en {last}"

#: Added once to the answer of a command from which something was removed.
REMOVED_NOTE = (
    "Verwijderd voordat het werd bewaard: {counts}. "
    "Het platform bewaart geen persoonsgegevens over personen (AVG)."
)

# Words the screening reads. A date right after one of these is a date of birth.
BIRTH_WORDS = (
    "geboren",
    "geboortedatum",
    "geb.datum",
    "geb. datum",
    "geb.",
    "geb",
    "geburtsdatum",
    "geboren am",
    "d.o.b.",
    "dob",
    "date of birth",
    "born",
)
#: Between such a word and the date: `geboren op 1-2-1990`, `born on`, `geboren am`.
BIRTH_LINK_WORDS = ("op", "on", "am")
#: Months written out in an English or German date of birth (`born 3 March 1990`); Dutch
#: month names are read as in every other date.
OTHER_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "may": 5,
    "june": 6,
    "july": 7,
    "october": 10,
    "januar": 1,
    "februar": 2,
    "märz": 3,
    "juli": 7,
    "oktober": 10,
    "dezember": 12,
}

#: Words that name a person, followed by the name: `dhr. Nowak`, `werknemer Jan K.`.
PERSON_WORDS = (
    "dhr.",
    "dhr",
    "mevr.",
    "mevr",
    "mw.",
    "mw",
    "de heer",
    "mevrouw",
    "meneer",
    "werknemer",
    "werkneemster",
    "medewerker",
    "medewerkster",
    "arbeider",
    "arbeidster",
    "arbeidsmigrant",
    "uitzendkracht",
    "collega",
    "patiënt",
    "patient",
    "naam:",
)
#: Small words inside a name: `Jan van der Berg`.
NAME_PARTICLES = (
    "van",
    "de",
    "der",
    "den",
    "ter",
    "ten",
    "te",
    "het",
    "'t",
    "von",
    "da",
    "di",
    "la",
    "le",
)
#: Words ending in a full stop that do not end a sentence.
ABBREVIATIONS = (
    "dhr",
    "mevr",
    "mw",
    "hr",
    "mr",
    "dr",
    "drs",
    "ir",
    "ing",
    "prof",
    "geb",
    "nr",
    "bijv",
    "ca",
    "evt",
    "o.a",
    "i.v.m",
    "t.a.v",
)
