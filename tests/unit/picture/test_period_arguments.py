"""The words after `!beeld`, `!risico` and `!verantwoording`: period, region or sector, flags."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ConfigDict

from commands.core.registry import UsageError
from commands.picture.periods import read_arguments
from commands.texts.periods import PERIOD_HELP, SCOPE_HELP

FLAGS = ("export", "kaart")


def read(arguments: str, flags: tuple[str, ...] = FLAGS) -> dict[str, object]:
    return read_arguments(arguments, flags)


def refused(arguments: str, flags: tuple[str, ...] = FLAGS) -> str:
    with pytest.raises(UsageError) as caught:
        read(arguments, flags)
    return str(caught.value)


def heard(
    period: str | None = None,
    region: str | None = None,
    sector: str | None = None,
    flags: list[str] | None = None,
) -> dict[str, object]:
    return {"period": period, "region": region, "sector": sector, "flags": flags or []}


class PictureRequest(BaseModel):
    """A request as a command declares it: the values must fit plain fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    period: str | None
    region: str | None
    sector: str | None
    flags: list[str]


def test_nothing_typed_is_nothing_asked() -> None:
    assert read("") == heard()
    assert read("   ") == heard()


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ("14d", heard("14d")),
        ("14d VNOG", heard("14d", region="VR06")),
        ("vorige maand VR06", heard("vorige maand", region="VR06")),
        ("VNOG", heard(region="VR06")),
        ("vr 6 14d", heard("14d", region="VR06")),
        ("Noord- en Oost-Gelderland", heard(region="VR06")),
        ("sinds 1 nov Noord en Oost Gelderland", heard("sinds 1 nov", region="VR06")),
        ("Oost-Gelderland", heard(region="VR06")),
        ("Brabant-Zuidoost november 2025", heard("november 2025", region="VR22")),
        ("Zeeland sinds 1 nov", heard("sinds 1 nov", region="VR19")),
        ("land- en tuinbouw", heard(sector="land-tuinbouw")),
        (
            "de laatste 14 dagen land- en tuinbouw",
            heard("de laatste 14 dagen", sector="land-tuinbouw"),
        ),
        ("2025 bouw", heard("2025", sector="bouw")),
        ("deze week distributie", heard("deze week", sector="logistiek")),
    ],
)
def test_a_period_and_a_region_or_sector_in_as_many_words_as_they_have(
    arguments: str, expected: dict[str, object]
) -> None:
    assert read(arguments) == expected


def test_flags_are_picked_out_anywhere_in_any_case_once_each() -> None:
    assert read("kaart 14d VNOG EXPORT") == heard("14d", region="VR06", flags=["export", "kaart"])
    assert read("export export") == heard(flags=["export"])
    assert read("14d kaart land- en tuinbouw") == heard(
        "14d", sector="land-tuinbouw", flags=["kaart"]
    )


def test_a_flag_of_another_command_is_a_word_not_understood() -> None:
    assert refused("14d export", flags=()).startswith(
        "'export' is geen periode, regio of sector die ik ken."
    )


def test_the_values_fit_a_commands_request() -> None:
    request = PictureRequest.model_validate(read("sinds 1 nov bouw kaart"))
    assert request == PictureRequest(
        period="sinds 1 nov", region=None, sector="bouw", flags=["kaart"]
    )


def test_a_word_that_fits_several_regions_asks_which() -> None:
    assert refused("14d Brabant") == (
        "'Brabant' past bij meer dan één regio: Midden- en West-Brabant (VR20), "
        "Brabant-Noord (VR21) of Brabant-Zuidoost (VR22). Welke bedoelt u?"
    )


def test_a_region_and_a_sector_together_ask_for_one() -> None:
    assert refused("VNOG bouw") == (
        "'VNOG bouw' noemt een regio (Noord- en Oost-Gelderland (VR06)) "
        "én een sector (Bouw en infra); kies er één."
    )


def test_a_word_close_to_a_name_is_offered() -> None:
    assert refused("vorige week Hagland") == (
        "'Hagland' is geen periode, regio of sector die ik ken. Bedoelde u Haaglanden (VR15)?"
    )


def test_an_unknown_word_is_named_with_what_can_be_typed() -> None:
    assert refused("14d xyzzy") == (
        f"'xyzzy' is geen periode, regio of sector die ik ken. {PERIOD_HELP} {SCOPE_HELP}"
    )


@pytest.mark.parametrize(
    ("arguments", "problem"),
    [
        ("vorige maamd VNOG", "Ik kan 'vorige maamd' niet als periode lezen."),
        ("deze maan", "Ik kan 'deze maan' niet als periode lezen."),
        ("1 nov VNOG", "Ik kan '1 nov' niet als periode lezen."),
        ("VNOG 1 nov", "Ik kan '1 nov' niet als periode lezen."),
        ("14x bouw", "Ik kan '14x' niet als periode lezen."),
        ("sinds VNOG", "Ik kan 'sinds VNOG' niet als periode lezen."),
        ("14d november", "Noem één periode: '14d' en 'november' zijn er twee."),
        ("VNOG 14d bouw", "Zet de periode ('14d') vóór of na de regio of sector."),
        ("sinds 31 nov VNOG", "31 november bestaat niet."),
        ("0d VNOG", "'0d' is geen periode: tel minstens 1 dag of 1 week."),
        ("november 1999", "'november 1999' begint vóór 2000; zo ver terug gaat een periode niet."),
    ],
)
def test_a_period_not_understood_is_named_and_not_passed_over(arguments: str, problem: str) -> None:
    assert refused(arguments) == f"{problem} {PERIOD_HELP}"
