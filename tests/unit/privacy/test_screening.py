"""The screening of a member's text: what it removes, and what must stay."""

from __future__ import annotations

from datetime import date

import pytest

from commands.privacy.kinds import PersonalData
from commands.privacy.screening import screen
from config.privacy_settings import ScreeningSettings

TODAY = date(2026, 11, 28)
DEFAULTS = ScreeningSettings()

BSN = PersonalData.BSN
BIRTH = PersonalData.BIRTH_DATE

NO_BSN = "[BSN verwijderd]"
NO_PHONE = "[telefoonnummer verwijderd]"
NO_EMAIL = "[e-mailadres verwijderd]"
NO_IBAN = "[IBAN verwijderd]"
NO_BIRTH = "[geboortedatum verwijderd]"
NO_NAME = "[naam verwijderd]"


def removed(ident: str, typed: str, expected: str, **counts: int) -> object:
    found = {PersonalData(kind): count for kind, count in counts.items()}
    return pytest.param(typed, expected, found, id=ident)


def stays(ident: str, typed: str) -> object:
    return pytest.param(typed, typed, {}, id=ident)


REMOVED = [
    # BSN: nine digits passing the elfproef, also grouped.
    removed("bsn-plain", "bsn 123456782", f"bsn {NO_BSN}", bsn=1),
    removed("bsn-dotted", "BSN: 1234.56.782 bekend", f"BSN: {NO_BSN} bekend", bsn=1),
    removed("bsn-spaced", "sofinummer 111 222 333.", f"sofinummer {NO_BSN}.", bsn=1),
    removed("bsn-two", "123456782 en 999999990", f"{NO_BSN} en {NO_BSN}", bsn=2),
    removed("bsn-leading-zero", "nummer 012345672", f"nummer {NO_BSN}", bsn=1),
    removed("bsn-in-brackets", "Piotr (100000009)", f"Piotr ({NO_BSN})", bsn=1),
    # Phone numbers, Dutch.
    removed("nl-mobile-dash", "bel 06-12345678", f"bel {NO_PHONE}", phone=1),
    removed("nl-mobile-run", "tel. 0612345678 (na 17u)", f"tel. {NO_PHONE} (na 17u)", phone=1),
    removed("nl-mobile-pairs", "06 12 34 56 78", NO_PHONE, phone=1),
    removed("nl-mobile-groups", "0612 345 678", NO_PHONE, phone=1),
    removed("nl-landline", "020 123 4567 is de uitzender", f"{NO_PHONE} is de uitzender", phone=1),
    removed("nl-landline-brackets", "tel: (020) 123 45 67", f"tel: {NO_PHONE}", phone=1),
    removed("nl-plus31", "+31 6 1234 5678", NO_PHONE, phone=1),
    removed("nl-0031", "0031 6 12345678", NO_PHONE, phone=1),
    removed("nl-e164", "+31314377377", NO_PHONE, phone=1),
    # Phone numbers, international.
    removed("de-plus49", "Vermieter +49 30 1234567", f"Vermieter {NO_PHONE}", phone=1),
    removed("pl-plus48", "+48 601 234 567 (Polish)", f"{NO_PHONE} (Polish)", phone=1),
    removed("be-plus32", "+32 470 12 34 56", NO_PHONE, phone=1),
    removed("be-0032", "0032 470 12 34 56", NO_PHONE, phone=1),
    removed("uk-plus44", "+44 20 7946 0958", NO_PHONE, phone=1),
    removed("two-phones", "06-12345678 of 020 123 4567", f"{NO_PHONE} of {NO_PHONE}", phone=2),
    # E-mail addresses.
    removed("email", "mail jan.kowalski@gmail.com", f"mail {NO_EMAIL}", email=1),
    removed(
        "email-plus-sentence-end",
        "Zie Anna.Nowak+werk@firma.example.pl.",
        f"Zie {NO_EMAIL}.",
        email=1,
    ),
    removed("email-before-colon", "Mail: jan@x.nl: graag", f"Mail: {NO_EMAIL}: graag", email=1),
    removed("email-two", "a@b.nl, c.d@e-f.com", f"{NO_EMAIL}, {NO_EMAIL}", email=2),
    # IBANs with right check digits.
    removed("iban-nl", "IBAN NL91ABNA0417164300", f"IBAN {NO_IBAN}", iban=1),
    removed(
        "iban-nl-spaced-word-after",
        "NL91 ABNA 0417 1643 00 voor de huur",
        f"{NO_IBAN} voor de huur",
        iban=1,
    ),
    removed("iban-lower-case", "nl91abna0417164300", NO_IBAN, iban=1),
    removed("iban-nl-ing", "rekening NL20INGB0001234567.", f"rekening {NO_IBAN}.", iban=1),
    removed("iban-de", "DE89 3704 0044 0532 0130 00", NO_IBAN, iban=1),
    removed("iban-pl", "PL61 1090 1014 0000 0712 1981 2874", NO_IBAN, iban=1),
    # Dates of birth.
    removed("born-on", "geboren op 3-4-1990", f"geboren op {NO_BIRTH}", birth_date=1),
    removed("geb-two-digit-year", "geb. 03-04-90", f"geb. {NO_BIRTH}", birth_date=1),
    removed(
        "geboortedatum-month-name",
        "Geboortedatum: 12 maart 1985",
        f"Geboortedatum: {NO_BIRTH}",
        birth_date=1,
    ),
    removed("geb-datum-dots", "geb.datum 12.03.1985", f"geb.datum {NO_BIRTH}", birth_date=1),
    removed("dob-iso", "DOB 1990-04-03", f"DOB {NO_BIRTH}", birth_date=1),
    removed("born-english", "born 3 March 1990", f"born {NO_BIRTH}", birth_date=1),
    removed("born-recent-year", "geboren 1-6-2020", f"geboren {NO_BIRTH}", birth_date=1),
    removed(
        "long-ago-without-word",
        "Jan (12-03-1985) woont er",
        f"Jan ({NO_BIRTH}) woont er",
        birth_date=1,
    ),
    # Health data about a named person: the name goes, the rest stays.
    removed(
        "werknemer-positief",
        "Werknemer Jan Kowalski is positief getest.",
        f"Werknemer {NO_NAME} is positief getest.",
        health_name=1,
    ),
    removed(
        "dhr-ziekenhuis",
        "dhr. Nowak ligt in het ziekenhuis",
        f"dhr. {NO_NAME} ligt in het ziekenhuis",
        health_name=1,
    ),
    removed(
        "de-heer-particle",
        "De heer van Dijk heeft koorts.",
        f"De heer {NO_NAME} heeft koorts.",
        health_name=1,
    ),
    removed(
        "mevrouw-initials",
        "mevrouw A. B. de Wit-Jansen is opgenomen op de IC",
        f"mevrouw {NO_NAME} is opgenomen op de IC",
        health_name=1,
    ),
    removed(
        "naam-colon",
        "naam:Anna Kowalska, besmet",
        f"naam:{NO_NAME}, besmet",
        health_name=1,
    ),
    removed(
        "patient-overleden",
        "patiënt Piotr W. overleden",
        f"patiënt {NO_NAME} overleden",
        health_name=1,
    ),
    removed(
        "inflected-health-word",
        "Collega Marek is een zieke man",
        f"Collega {NO_NAME} is een zieke man",
        health_name=1,
    ),
    removed(
        "only-the-sentence-about-health",
        "Mevr. Jansen werkt er. De heer van Dijk heeft koorts.",
        f"Mevr. Jansen werkt er. De heer {NO_NAME} heeft koorts.",
        health_name=1,
    ),
    removed(
        "company-stays-name-goes",
        "Slachterij De Vries: medewerker Jan Kowalski besmet",
        f"Slachterij De Vries: medewerker {NO_NAME} besmet",
        health_name=1,
    ),
    # Several kinds in one signal.
    removed(
        "signal-with-everything",
        "!signaal Slachterij De Vries\nomschrijving: werknemer Jan K. (bsn 123456782, "
        "geb. 1-2-1990) is besmet, bel 06-12345678 of jan@gmail.com",
        f"!signaal Slachterij De Vries\nomschrijving: werknemer {NO_NAME} (bsn {NO_BSN}, "
        f"geb. {NO_BIRTH}) is besmet, bel {NO_PHONE} of {NO_EMAIL}",
        bsn=1,
        phone=1,
        email=1,
        birth_date=1,
        health_name=1,
    ),
]

STAYS = [
    # Numbers that only look like a BSN, a phone number or an IBAN.
    stays("bsn-failing-elfproef", "nummer 123456789"),
    stays("bsn-grouped-failing-elfproef", "111.222.334"),
    stays("ten-digits-without-zero", "1234567820"),
    stays("iban-wrong-check-digits", "NL91ABNA0417164301"),
    stays("kvk-plain", "kvk: 12345678"),
    stays("kvk-spaced", "!signaal Kwekerij Zonneveld regio: VR15 sector: kassen kvk: 1234 5678"),
    stays("kvk-dotted", "kvk 12.34.56.78"),
    stays("postcode", "Industrieweg 5, 7141 AB Groenlo"),
    stays("case-number", "!status 2026-017"),
    stays("case-number-in-decision", "!besluit 2026-017 inzet bevestigd door GGD"),
    stays("toll-free-line", "bron: meldpunt 0800 51 51"),
    stays("premium-line", "infolijn 0900-1234"),
    stays("counts", "40 werknemers in 3 panden, 12 zieke medewerkers"),
    stays("percentage", "35% van 120 medewerkers"),
    stays("year", "in 2020 al eens gemeld"),
    # Moments the commands take.
    stays("visit-numeric-date", "!inzet gepland 1-12 09:00"),
    stays("visit-tomorrow", "!inzet gepland morgen 14:00 Groenlo"),
    stays("visit-iso-date", "!inzet gepland 2026-12-01 09:00"),
    stays("visit-full-date", "!inzet uitgevoerd 27-11-2026 10:15"),
    stays("visit-month-name", "!inzet gepland 1 dec 2026 9u"),
    stays("report-date", "!rapport\ndatum: 15-11-2026\nbevindingen: 30 bedden in 4 kamers"),
    stays("period-years-back", "sinds 01-01-2020 in dienst"),
    stays("times", "om 09:00 tot 17:30"),
    stays("meeting-today", "!overleg vandaag 16:30"),
    # Matrix ids, links, company names.
    stays("matrix-id", "!aanspreekpunt VNOG GGD @ggd06:example.org"),
    stays("matrix-link", "https://matrix.to/#/@jan:example.org"),
    stays("url", "zie https://www.rivm.nl/coronavirus-covid-19 en https://meet.jit.si/abc123"),
    stays("company-with-health-word", "Slachterij De Vries: corona uitbraak, 12 zieke medewerkers"),
    stays("role-without-name", "werknemers van uitzendbureau Flex zijn ziek"),
    stays("named-without-health", "werknemer Jan gaat naar de markt"),
    stays("name-and-health-in-other-sentences", "De heer Nowak belde. Twee collega's zijn ziek."),
    # The example signals of the README.
    stays(
        "readme-signal-one-line",
        "!signaal Slachterij De Vries, Groenlo; regio: VNOG; sector: slachterij; bron: meldpunt",
    ),
    stays(
        "readme-signal-list",
        "!signaal Kwekerij Zonneveld\n- Regio: VR15\n- KvK-nummer: 12345678\n"
        "- Aspect: wonen, vervoer\nOmschrijving: 12 zieke medewerkers\n"
        "gedeelde huisvesting aan de Dorpsstraat",
    ),
    stays(
        "readme-signal-forwarded",
        "!signaal FW: signaal uitzendbureau Venlo\nBeste collega's, via het meldpunt kwamen "
        "drie meldingen binnen.\nRegio: Limburg-Noord\nPlaats: Venlo",
    ),
]


@pytest.mark.parametrize(("typed", "expected", "found"), REMOVED + STAYS)
def test_screening(typed: str, expected: str, found: dict[PersonalData, int]) -> None:
    screened = screen(typed, DEFAULTS, today=TODAY)
    assert screened.text == expected
    assert dict(screened.found) == found


def test_organisation_contacts_keep_phone_and_email_but_lose_the_rest() -> None:
    typed = "telefoon: 0314 377 377; e-mail: wonen@doetinchem.nl; bsn 123456782"
    screened = screen(typed, DEFAULTS, keep_contact_details=True, today=TODAY)
    assert screened.text == f"telefoon: 0314 377 377; e-mail: wonen@doetinchem.nl; bsn {NO_BSN}"
    assert screened.found == {BSN: 1}


def test_the_health_words_come_from_the_settings() -> None:
    flu_only = ScreeningSettings(health_words=["griep"])
    assert screen("collega Piet heeft griep", flu_only, today=TODAY).text == (
        f"collega {NO_NAME} heeft griep"
    )
    assert screen("collega Piet heeft koorts", flu_only, today=TODAY).found == {}


def test_a_date_counts_as_a_birth_date_by_its_distance_from_today() -> None:
    typed = "Jan (12-03-2012) woont er"
    assert screen(typed, DEFAULTS, today=date(2026, 11, 28)).found == {}
    assert screen(typed, DEFAULTS, today=date(2027, 1, 2)).found == {BIRTH: 1}
