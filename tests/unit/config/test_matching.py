"""Regions and sectors recognised as members write them, every one of them, from the reference data.

The cases are generated from config/data: every code, name and alias; typos of each; every word
of a name; every province. What a member can type wrongly in one letter is either read as the
entry meant, or offered; it is never read as another entry.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from config.matching import Lookup, normalise
from config.reference import regions, sectors

DIRECTIONS = {"noord", "oost", "zuid", "west", "midden", "zuidoost"}


def region_names() -> list[tuple[str, str, str]]:
    """(typed, code, label) for every code (also `VR6`), name and alias of the 25 regions."""
    return [
        (name, region.code, region.label)
        for region in regions().by_code.values()
        for name in dict.fromkeys(
            (region.code, region.code.replace("VR0", "VR"), region.name, *region.aliases)
        )
    ]


def sector_names() -> list[tuple[str, str, str]]:
    return [
        (name, sector.key, sector.name)
        for sector in sectors().by_key.values()
        for name in (sector.key, sector.name, *sector.aliases)
    ]


def recognise(kind: str, text: str) -> Lookup:
    return (regions() if kind == "regio" else sectors()).recognise(text)


ALL_NAMES = [("regio", *entry) for entry in region_names()] + [
    ("sector", *entry) for entry in sector_names()
]
EXACT = {normalise(typed) for _kind, typed, _key, _label in ALL_NAMES}


def typos(name: str) -> list[str]:
    """A letter left out, one wrong, two swapped: in the middle, where people slip."""
    word = normalise(name)
    middle = len(word) // 2
    found = [word[:middle] + word[middle + 1 :], word[:middle] + "q" + word[middle + 1 :]]
    if word[middle - 1] != word[middle]:
        found.append(word[: middle - 1] + word[middle] + word[middle - 1] + word[middle + 1 :])
    return [typo for typo in found if typo != word]


@pytest.mark.parametrize(("kind", "typed", "key", "label"), ALL_NAMES)
def test_every_code_name_and_alias_in_any_writing(
    kind: str, typed: str, key: str, label: str
) -> None:
    assert recognise(kind, typed).match == key
    assert recognise(kind, typed.upper()).match == key
    assert recognise(kind, typed.lower().replace("-", " ")).match == key
    assert recognise(kind, f"  {typed.replace(' ', '-')} ").match == key


@pytest.mark.parametrize(("kind", "typed", "key", "label"), ALL_NAMES)
def test_a_typo_is_read_as_the_entry_meant_or_offered_never_as_another(
    kind: str, typed: str, key: str, label: str
) -> None:
    for typo in typos(typed):
        found = recognise(kind, typo)
        if len(normalise(typed).replace(" ", "")) >= 6:
            assert found.match == key, (typo, found)
        elif typo not in EXACT:  # `vr1` is not a typo of VR11 but Groningen's own name
            assert found.match in (None, key), (typo, found)


def test_one_letter_short_abbreviations_are_offered_not_read() -> None:
    found = regions().recognise("vngo")
    assert found.match == "VR06"  # four letters, one swap, no other region as near
    found = regions().recognise("VR60")
    assert found.match is None
    assert "Noord- en Oost-Gelderland (VR06)" in found.suggestions


def _words(names: list[tuple[str, str, str]]) -> dict[str, set[str]]:
    """Every word of every name, with the entries it occurs in."""
    words: dict[str, set[str]] = defaultdict(set)
    for typed, key, _label in names:
        for word in normalise(typed).split():
            if len(word) > 1 and word != "en":
                words[word].add(key)
    return words


def _word_cases() -> list[tuple[str, str, set[str]]]:
    """Words that are no name themselves, no direction and no province (tested on their own)."""
    provinces = {normalise(region.province) for region in regions().by_code.values()}
    cases = []
    for kind, names in (("regio", region_names()), ("sector", sector_names())):
        for word, keys in _words(names).items():
            if word not in EXACT | DIRECTIONS | provinces:
                cases.append((kind, word, keys))
    return cases


@pytest.mark.parametrize(("kind", "word", "keys"), _word_cases())
def test_a_word_of_a_name_reads_as_its_entry_or_asks_which(
    kind: str, word: str, keys: set[str]
) -> None:
    found = recognise(kind, word)
    if len(keys) == 1:
        assert found.match == next(iter(keys)), word
    else:
        assert found.match is None
        assert found.ambiguous
        labels = {regions()[key].label for key in keys} if kind == "regio" else keys
        assert set(found.suggestions) == labels


def test_the_examples_people_type() -> None:
    assert sectors().recognise("distributie").match == "logistiek"
    assert sectors().recognise("slachterijen").match == "vleesverwerking"
    assert sectors().recognise("vleesverwerkend bedrijf").match == "vleesverwerking"
    assert regions().recognise("Noord-Limburg").match == "VR23"
    assert regions().recognise("West-Brabant").match == "VR20"
    assert regions().recognise("vr 6").match == "VR06"
    assert regions().recognise("VR-06").match == "VR06"
    brabant = regions().recognise("Brabant")
    assert brabant.ambiguous
    assert brabant.suggestions == (
        "Midden- en West-Brabant (VR20)",
        "Brabant-Noord (VR21)",
        "Brabant-Zuidoost (VR22)",
    )


def test_a_province_with_several_regions_asks_which() -> None:
    by_province: dict[str, list[str]] = defaultdict(list)
    for region in regions().by_code.values():
        by_province[region.province].append(region.label)
    for province, labels in by_province.items():
        found = regions().recognise(province)
        if len(labels) == 1:
            assert found.match is not None, province
        else:
            assert (found.match, found.ambiguous, list(found.suggestions)) == (None, True, labels)
    assert regions().recognise("Noord-Brabant").suggestions == (
        "Midden- en West-Brabant (VR20)",
        "Brabant-Noord (VR21)",
        "Brabant-Zuidoost (VR22)",
    )


@pytest.mark.parametrize("direction", sorted(DIRECTIONS))
def test_a_direction_alone_names_no_region(direction: str) -> None:
    found = regions().recognise(direction)
    assert found.match is None
    assert found.suggestions


def test_words_that_name_different_entries_ask_which() -> None:
    found = regions().recognise("VNOG, Twente")
    assert (found.match, found.ambiguous) == (None, True)
    assert found.suggestions == ("Twente (VR05)", "Noord- en Oost-Gelderland (VR06)")
    found = sectors().recognise("kassen en logistiek")
    assert found.suggestions == ("Land- en tuinbouw", "Logistiek en distributie")


def test_nothing_near_gives_nothing_to_offer() -> None:
    assert regions().recognise("Atlantis") == Lookup(None)
    assert sectors().recognise("ruimtevaart") == Lookup(None)
