"""Parsing `!signaal`: what members type, and the Dutch answer to what is wrong."""

import pytest

from commands.cases.fields import SignalRequest, company_key
from commands.cases.signal_text import split_fields
from commands.cases.values import READERS
from commands.core.registry import UsageError
from storage.cases import IntakeField


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
    ],
)
def test_bad_input_is_explained_in_dutch(arguments: str, expected: str) -> None:
    with pytest.raises((UsageError, ValueError)) as error:
        parse(arguments)
    assert expected in str(error.value)


@pytest.mark.parametrize(
    ("arguments", "field", "expected"),
    [
        ("Bedrijf; regio: Atlantis", IntakeField.REGION, "Gebruik een code (VR01 t/m VR25)"),
        ("Bedrijf; kvk: 1234", IntakeField.KVK, "geen KvK-nummer"),
        ("Bedrijf; aspect: vakantie", IntakeField.ASPECT, "Onbekend aspect 'vakantie'"),
        ("Bedrijf; sector: ruimtevaart", IntakeField.SECTOR, "Onbekende sector 'ruimtevaart'"),
        ("Bedrijf; bron: tip", IntakeField.SOURCE, "Onbekende bron 'tip'. Kies uit: meldpunt"),
        ("Bedrijf; regio: VR01; regio: VR02", IntakeField.REGION, "Groningen (VR01) of Fryslân"),
    ],
)
def test_a_field_it_cannot_read_is_kept_as_typed_and_explained(
    arguments: str, field: IntakeField, expected: str
) -> None:
    """These were refusals; now the signal stands, the field stays empty, and the answer says why."""
    request = parse(arguments)
    assert request.title == "Bedrijf"
    typed = arguments.split(": ", 1)[1].replace("; regio: ", ", ")
    assert request.unread == {field: typed}
    assert expected in str(READERS[field](typed).problem)


def test_what_was_refused_before_and_is_now_read() -> None:
    assert parse("Bedrijf; regio: twnte").region == "VR05"
    assert parse("Bedrijf; sectr: bouw").sector == "bouw"
    assert parse("Bedrijf; bron: medai").source == "media"
    empty = parse("Bedrijf; regio:")
    assert (empty.region, empty.unread) == (None, {})
    unknown_name = parse("Bedrijf; kleur: rood")
    assert (unknown_name.description, unknown_name.strangers) == ("kleur: rood", ("kleur",))


def test_a_long_title_is_cut_and_kept_whole_in_the_description() -> None:
    request = parse("Slachterij " + "X" * 145)
    assert len(request.title) <= 150
    assert request.title.endswith("…")
    assert request.description == "Slachterij " + "X" * 145
    assert request.cut == (IntakeField.TITLE,)


def test_same_company_key_for_legal_form_and_punctuation() -> None:
    assert company_key("Slachterij De Vries B.V.", "Groenlo") == company_key(
        "slachterij de vries", "GROENLO"
    )
    assert company_key("Slachterij De Vries", "Groenlo") != company_key(
        "Slachterij De Vries", "Lichtenvoorde"
    )
