"""Parsing `!signaal`: what members type, and the Dutch answer to what is wrong."""

import pytest

from commands.cases.fields import SignalRequest, company_key, split_fields
from commands.core.registry import UsageError


def parse(arguments: str) -> SignalRequest:
    return SignalRequest.model_validate(split_fields(arguments))


def test_fields_separated_by_semicolons() -> None:
    request = parse(
        "Slachterij De Vries, Groenlo; regio: VNOG; sector: slachterij; bron: 0800; "
        "kvk: 1234 5678; aspect: wonen en vervoer; locatie: Groenlo"
    )
    assert request.title == "Slachterij De Vries, Groenlo"
    assert request.region == "VR06"
    assert request.region_unknown is False
    assert request.sector == "vleesverwerking"
    assert request.source == "meldpunt"
    assert request.kvk == "12345678"
    assert request.aspects == ("wonen", "vervoer")
    assert request.location == "Groenlo"


def test_fields_one_per_line_with_a_description_over_several_lines() -> None:
    request = parse(
        "Kwekerij Zonneveld\nregio: VR15\nomschrijving: 12 zieken\ngedeelde huisvesting"
    )
    assert request.region == "VR15"
    assert request.description == "12 zieken\ngedeelde huisvesting"


def test_region_may_be_unknown() -> None:
    request = parse("Bedrijf X; regio: onbekend")
    assert request.region is None
    assert request.region_unknown is True


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ("", "Geef een titel"),
        ("   ; regio: VR06", "Geef een titel"),
        ("Bedrijf; regio: twnte", "Bedoelde u Twente (VR05)?"),
        ("Bedrijf; regio: Atlantis", "Gebruik een code (VR01 t/m VR25)"),
        ("Bedrijf; kleur: rood", "Onbekend veld 'kleur'"),
        ("Bedrijf; sectr: bouw", "Bedoelde u sector?"),
        ("Bedrijf; kvk: 1234", "geen KvK-nummer"),
        ("Bedrijf; aspect: vakantie", "Onbekend aspect 'vakantie'"),
        ("Bedrijf; bron: medai", "Bedoelde u media?"),
        ("Bedrijf; sector: ruimtevaart", "Onbekende sector 'ruimtevaart'"),
        ("Bedrijf; regio: VR01; regio: VR02", "twee keer"),
        ("Bedrijf; regio:", "is leeg"),
        ("X" * 151, "De titel is te lang (151 tekens; maximaal 150)"),
    ],
)
def test_bad_input_is_explained_in_dutch(arguments: str, expected: str) -> None:
    with pytest.raises((UsageError, ValueError)) as error:
        parse(arguments)
    assert expected in str(error.value)


def test_same_company_key_for_legal_form_and_punctuation() -> None:
    assert company_key("Slachterij De Vries B.V.", "Groenlo") == company_key(
        "slachterij de vries", "GROENLO"
    )
    assert company_key("Slachterij De Vries", "Groenlo") != company_key(
        "Slachterij De Vries", "Lichtenvoorde"
    )
