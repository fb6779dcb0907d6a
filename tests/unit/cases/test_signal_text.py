"""Signals as members really send them, and what the bot reads in each: the title and every field.

Fields inline on the title's line, one per line, after `;`; names in any case and their variants;
Markdown lists and quotes; e-mails pasted with their line breaks; typos. Each case states the whole
request: a field it does not name is empty, and nothing was left unread unless it says so.
"""

from __future__ import annotations

from typing import Any

import pytest

from commands.cases.fields import SignalRequest
from commands.cases.signal_text import field_code, split_fields
from storage.cases import IntakeField

REGION, SECTOR, SOURCE, KVK = (
    IntakeField.REGION,
    IntakeField.SECTOR,
    IntakeField.SOURCE,
    IntakeField.KVK,
)

NOTHING: dict[str, Any] = {
    "region": None,
    "sector": None,
    "source": None,
    "location": None,
    "kvk": None,
    "aspects": (),
    "description": None,
    "unread": {},
    "strangers": (),
}

EMAIL = """Uitzendbureau Flex, Venlo
Beste collega's,

Via het meldpunt kwamen vandaag drie meldingen binnen over zieke medewerkers.
Ze wonen met 14 personen in één woning.

Regio: Limburg-Noord
Bron: meldpunt
Met vriendelijke groet,
Team meldingen"""

EMAIL_HEADERS = """Signaal slachterij Beltrum
Van: meldpunt
Onderwerp: zieke werknemers
Regio: VNOG
De melder zegt dat er 20 mensen ziek zijn."""

SIGNALS: list[tuple[str, dict[str, Any]]] = [
    # Fields after `;`, as the README has always shown.
    (
        "Slachterij De Vries, Groenlo; regio: VNOG; sector: slachterij",
        {"title": "Slachterij De Vries, Groenlo", "region": "VR06", "sector": "vleesverwerking"},
    ),
    # Fields on the title's line, no `;`.
    (
        "Kwekerij Zonneveld regio: VR15 sector: kassen",
        {"title": "Kwekerij Zonneveld", "region": "VR15", "sector": "land-tuinbouw"},
    ),
    (
        "Kwekerij Zonneveld Regio:VR15 Sector:Kassen",
        {"title": "Kwekerij Zonneveld", "region": "VR15", "sector": "land-tuinbouw"},
    ),
    (
        "Vleesbedrijf Oost REGIO: VR05 KVK: 12345678",
        {"title": "Vleesbedrijf Oost", "region": "VR05", "kvk": "12345678"},
    ),
    (
        "Kassenbedrijf Westland, vr: VRH, branche: glastuinbouw",
        {"title": "Kassenbedrijf Westland", "region": "VR15", "sector": "land-tuinbouw"},
    ),
    (
        "Slachterij Noord regio: VR06 sector: slachterij bron: GGD kvk: 1234 5678",
        {
            "title": "Slachterij Noord",
            "region": "VR06",
            "sector": "vleesverwerking",
            "source": "ggd",
            "kvk": "12345678",
        },
    ),
    # A pasted e-mail: the lines without a field are the description.
    (
        EMAIL,
        {
            "title": "Uitzendbureau Flex, Venlo",
            "region": "VR23",
            "source": "meldpunt",
            "description": "Beste collega's,\nVia het meldpunt kwamen vandaag drie meldingen "
            "binnen over zieke medewerkers.\nZe wonen met 14 personen in één woning.\n"
            "Met vriendelijke groet,\nTeam meldingen",
        },
    ),
    (
        EMAIL_HEADERS,
        {
            "title": "Signaal slachterij Beltrum",
            "region": "VR06",
            "description": "Van: meldpunt\nOnderwerp: zieke werknemers\n"
            "De melder zegt dat er 20 mensen ziek zijn.",
            "strangers": ("Van", "Onderwerp"),
        },
    ),
    (
        "FW: signaal pakhuis Tilburg\n\nregio: Midden- en West-Brabant\nsector: logistiek",
        {"title": "signaal pakhuis Tilburg", "region": "VR20", "sector": "logistiek"},
    ),
    (
        "Bedrijf R\r\nregio: VR14\r\nbron: krant",
        {"title": "Bedrijf R", "region": "VR14", "source": "media"},
    ),
    (
        "Bedrijf Q\nregio:\u00a0VR11\nsector:\tschoonmaak",
        {"title": "Bedrijf Q", "region": "VR11", "sector": "schoonmaak"},
    ),
    ("\n\nBedrijf S\nregio: VR16", {"title": "Bedrijf S", "region": "VR16"}),
    # Markdown lists, numbered lists, quotes, emphasis.
    (
        "Distributiecentrum Noord\n- regio: VNOG\n- sector: distributie\n- bron: GGD\n"
        "- aspect: werken, vervoer",
        {
            "title": "Distributiecentrum Noord",
            "region": "VR06",
            "sector": "logistiek",
            "source": "ggd",
            "aspects": ("werken", "vervoer"),
        },
    ),
    (
        "Bedrijf AA\n* Regio: VR20\n* Sector: productie",
        {"title": "Bedrijf AA", "region": "VR20", "sector": "productie"},
    ),
    (
        "Bedrijf AB\n1. regio: VR21\n2. sector: bouw\n3) bron: media",
        {"title": "Bedrijf AB", "region": "VR21", "sector": "bouw", "source": "media"},
    ),
    (
        "Bedrijf K\n> regio: VR12\n> sector: schoonmaak",
        {"title": "Bedrijf K", "region": "VR12", "sector": "schoonmaak"},
    ),
    (
        "**Bedrijf L**\n**Regio:** VR13\n**Sector:** horeca",
        {"title": "Bedrijf L", "region": "VR13", "sector": "horeca"},
    ),
    # The field names' variants.
    (
        "Bedrijf: De Vries Vlees\nPlaats: Groenlo\nVeiligheidsregio: Noord- en Oost-Gelderland",
        {"title": "De Vries Vlees", "location": "Groenlo", "region": "VR06"},
    ),
    (
        "Melding van de GGD\nbedrijfsnaam: Kwekerij Oost",
        {"title": "Kwekerij Oost", "description": "Melding van de GGD"},
    ),
    (
        "Bedrijf E\nadres: Industrieweg 5\nplaats: Ede",
        {"title": "Bedrijf E", "location": "Industrieweg 5, Ede"},
    ),
    (
        "Visverwerker Urk\nKvK-nummer: 1234 5678\nregio: Flevoland",
        {"title": "Visverwerker Urk", "kvk": "12345678", "region": "VR25"},
    ),
    ("Visverwerker Urk; KvKnummer: 12.34.56.78", {"title": "Visverwerker Urk", "kvk": "12345678"}),
    ("Groothandel X; kvk nr.: 87654321", {"title": "Groothandel X", "kvk": "87654321"}),
    (
        "Bedrijf F\ntoelichting: via de GGD\nopmerkingen: spoed",
        {"title": "Bedrijf F", "description": "via de GGD\nspoed"},
    ),
    ("Bedrijf G\nmelder: GGD Twente", {"title": "Bedrijf G", "source": "ggd"}),
    (
        "Bedrijf H\ngemeld door: een werknemer via 0800",
        {"title": "Bedrijf H", "source": "meldpunt"},
    ),
    ("Bedrijf I\nbeschrijving: lange tekst", {"title": "Bedrijf I", "description": "lange tekst"}),
    ("Bedrijf J\nthema's: wonen", {"title": "Bedrijf J", "aspects": ("wonen",)}),
    (
        "Tomatenkwekerij, Westland; Veiligheidsregio: Haaglanden; Bedrijfstak: glastuinbouw; "
        "Bron: Veiligheidsregio",
        {
            "title": "Tomatenkwekerij, Westland",
            "region": "VR15",
            "sector": "land-tuinbouw",
            "source": "veiligheidsregio",
        },
    ),
    # A colon in the title: before a field name it starts that field; otherwise it is title.
    (
        "Slachterij Van Dam: locatie Apeldoorn",
        {"title": "Slachterij Van Dam", "location": "Apeldoorn"},
    ),
    (
        "Bedrijf X: sector vleesverwerking",
        {"title": "Bedrijf X", "sector": "vleesverwerking"},
    ),
    ("Slachterij: De Vries", {"title": "Slachterij: De Vries"}),
    ("Regio Transport BV; regio: VR09", {"title": "Regio Transport BV", "region": "VR09"}),
    (
        "Melding: Champignonkwekerij Horst\nregio: VRLN",
        {"title": "Champignonkwekerij Horst", "region": "VR23"},
    ),
    # The description: lines and `;` without a field, inline, after other fields.
    (
        "Bedrijf A\nomschrijving: 12 zieken; 3 opgenomen\nwonen samen",
        {"title": "Bedrijf A", "description": "12 zieken; 3 opgenomen\nwonen samen"},
    ),
    (
        "Bedrijf B\nEr zijn 5 zieke medewerkers.\nZe reizen samen in busjes.",
        {
            "title": "Bedrijf B",
            "description": "Er zijn 5 zieke medewerkers.\nZe reizen samen in busjes.",
        },
    ),
    (
        "Bedrijf C\nregio: VR09\nVeel zieken op de afdeling inpak.",
        {
            "title": "Bedrijf C",
            "region": "VR09",
            "description": "Veel zieken op de afdeling inpak.",
        },
    ),
    (
        "Bedrijf D\nregio: VR09 omschrijving: zieken op de inpakafdeling",
        {"title": "Bedrijf D", "region": "VR09", "description": "zieken op de inpakafdeling"},
    ),
    (
        "Bedrijf V\nomschrijving: zie https://nos.nl/artikel/123, om 14:00 gemeld",
        {"title": "Bedrijf V", "description": "zie https://nos.nl/artikel/123, om 14:00 gemeld"},
    ),
    (
        "Aspergeteler Limburg\nregio: VR23\naspect: huisvesting en vervoer\n"
        "omschrijving: 30 arbeidsmigranten in stacaravans",
        {
            "title": "Aspergeteler Limburg",
            "region": "VR23",
            "aspects": ("wonen", "vervoer"),
            "description": "30 arbeidsmigranten in stacaravans",
        },
    ),
    # Mixed case and separators, typos in names and values.
    ("SLACHTERIJ X; REGIO: VNOG", {"title": "SLACHTERIJ X", "region": "VR06"}),
    (
        "Bedrijf P; regio: VR10\nsector: bouw; bron: media",
        {"title": "Bedrijf P", "region": "VR10", "sector": "bouw", "source": "media"},
    ),
    (
        "Slachthuis Zuid; regio: zuid-limburg; sector: Slachthuis; bron: NVWA",
        {
            "title": "Slachthuis Zuid",
            "region": "VR24",
            "sector": "vleesverwerking",
            "source": "inspectie",
        },
    ),
    (
        "Slachterij Noord; regio: Twnte; sector: slachtrij; bron: meldpnt",
        {
            "title": "Slachterij Noord",
            "region": "VR05",
            "sector": "vleesverwerking",
            "source": "meldpunt",
        },
    ),
    (
        "Bedrijf O; sectr: bouw; regoi: VR09",
        {"title": "Bedrijf O", "sector": "bouw", "region": "VR09"},
    ),
    ("Bedrijf Y\nregio: VR06\nregio: VR06", {"title": "Bedrijf Y", "region": "VR06"}),
    # What it cannot read is kept as typed, the field left empty.
    ("Bedrijf M; regio: Brabant", {"title": "Bedrijf M", "unread": {REGION: "Brabant"}}),
    (
        "Bedrijf Z\nregio: VNOG\nregio: Twente",
        {"title": "Bedrijf Z", "unread": {REGION: "VNOG, Twente"}},
    ),
    (
        "Kwekerij De Tuin\nsector: kwekerij\nregio: Noord-Brabant",
        {
            "title": "Kwekerij De Tuin",
            "sector": "land-tuinbouw",
            "unread": {REGION: "Noord-Brabant"},
        },
    ),
    ("Bedrijf U\nKvK: 1234567", {"title": "Bedrijf U", "unread": {KVK: "1234567"}}),
    (
        "Bedrijf N; kleur: rood",
        {"title": "Bedrijf N", "description": "kleur: rood", "strangers": ("kleur",)},
    ),
    (
        "Bedrijf AC sector: ruimtevaart bron: een tip",
        {"title": "Bedrijf AC", "unread": {SECTOR: "ruimtevaart", SOURCE: "een tip"}},
    ),
    # Saying it is not known is no problem to correct.
    ("Bedrijf T\nregio: onbekend\nsector: weet niet\nkvk: ?", {"title": "Bedrijf T"}),
]


@pytest.mark.parametrize(("arguments", "expected"), SIGNALS)
def test_what_is_read_in_a_signal(arguments: str, expected: dict[str, Any]) -> None:
    request = SignalRequest.model_validate(split_fields(arguments))
    read = request.model_dump(include={"title", *NOTHING})
    assert read == NOTHING | expected


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("regio", REGION),
        ("Veiligheidsregio", REGION),
        ("VR", REGION),
        ("kvk-nummer", KVK),
        ("KvK nr", KVK),
        ("plaats", IntakeField.LOCATION),
        ("adres", IntakeField.LOCATION),
        ("bedrijf", IntakeField.TITLE),
        ("toelichting", IntakeField.DESCRIPTION),
        ("sectr", SECTOR),
        ("kleur", None),
        ("van", None),
    ],
)
def test_the_field_a_name_means(name: str, code: IntakeField | None) -> None:
    assert field_code(name) is code
