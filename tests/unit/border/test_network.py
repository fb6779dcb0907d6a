"""The shipped network across the border, the file that adds to it, and check-config on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.border import BorderFileError, Marker, border_network
from config.check import check_config
from config.settings import Settings
from storage.database import Database
from tests.unit.border.helpers import card_text
from tests.unit.helpers import make_dispatcher, make_settings, open_case

BASE = (
    "matrix: {homeserver: 'http://hs', user_id: '@b:hs', access_token: t}\nplatform: {room: '!r'}\n"
)


def test_every_shipped_row_carries_its_marker_and_source() -> None:
    network = border_network()
    rows = [row for listed in network.counterparts.values() for row in listed]
    assert len(rows) == 25  # the table of facts.md, one row per region and counterpart
    rows += [*network.structures.values(), *network.health.values()]
    assert all(isinstance(row.marker, Marker) and row.source.strip() for row in rows)
    assert [c.name for c in network.of_region("VR06")] == ["Kreis Borken", "Kreis Kleve"]
    assert network.of_region("VR09") == ()


@pytest.mark.parametrize(
    ("address", "country"),
    [
        ("Bahnhofstraße 3, 46325 Borken", "DE"),
        ("D-52062 Aachen", "DE"),
        ("B-3600 Genk", "BE"),
        ("Grote Markt 1, 3500 Hasselt", "BE"),
        ("Duitsland", "DE"),
        ("Belgique", "BE"),
        ("Kerkstraat 1, 7141 AB Groenlo", None),
        ("7141AB Groenlo", None),
        ("12345678", None),
        ("47533 Kleef", "DE"),
        ("52062 Antwerpen", None),  # a German postcode, a Belgian town
        ("Venlo, werknemers uit Duitsland en België", None),  # both: not one address
    ],
)
def test_an_address_across_the_border(address: str, country: str | None) -> None:
    found = border_network().address_country(address)
    assert (found.value if found else None) == country


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "grens.yaml"
    path.write_text(text, "utf-8")
    return path


ADDED = """\
regios:
  VNOG:
    - naam: Kreis Borken
      land: DE
      soort: Kreis
      structuren: [taskforce-vion]
      marker: V
      bron: eigen afspraak
    - naam: Hulpverleningszone Noord-Limburg
      land: BE
      soort: hulpverleningszone
      marker: U
      bron: eigen afspraak
"""


def test_the_file_adds_and_replaces_but_checks_the_border(tmp_path: Path) -> None:
    with pytest.raises(BorderFileError) as error:
        border_network(write(tmp_path, ADDED))
    assert "VR06 grenst niet aan BE" in str(error.value)

    fixed = ADDED.replace("VNOG:", "VR06:", 1).replace("land: BE", "land: DE")
    network = border_network(write(tmp_path, fixed))
    rows = {c.name: c for c in network.of_region("VR06")}
    assert list(rows) == ["Kreis Borken", "Kreis Kleve", "Hulpverleningszone Noord-Limburg"]
    assert rows["Kreis Borken"].structures == ("taskforce-vion",)
    assert rows["Kreis Borken"].source == "eigen afspraak"


async def test_the_card_shows_a_configured_counterpart(tmp_path: Path, database: Database) -> None:
    path = tmp_path / "extra.yaml"
    path.write_text(
        "regios:\n  VR05:\n    - {naam: Kreis Steinfurt, land: DE, soort: Kreis, "
        "marker: U, bron: eigen afspraak}\n",
        "utf-8",
    )
    base = make_settings()
    settings = Settings(
        **{**base.model_dump(mode="json"), "border": {"counterparts_file": str(path)}}
    )
    await open_case(make_dispatcher(database, settings), database, region="Twente")
    card = await card_text(database, settings)
    assert "Kreis Steinfurt (Kreis, DE)" in card
    assert "Kreis Borken (Kreis, DE)" in card


def test_check_config_names_what_is_wrong_in_the_counterparts_file(tmp_path: Path) -> None:
    extra = write(
        tmp_path,
        "regios:\n"
        "  VR09:\n    - {naam: X, land: DE, soort: Kreis, marker: V, bron: y}\n"
        "  VR24:\n    - {naam: Y, land: BE, soort: Gemeinde, marker: V, bron: y}\n"
        "  VR99:\n    - {naam: Z, land: DE, soort: Kreis, marker: V, bron: y}\n",
    )
    config = tmp_path / "c.yaml"
    config.write_text(BASE + f"border: {{counterparts_file: '{extra}'}}\n")
    (problem,) = check_config(config)
    assert problem.startswith("border.counterparts_file: ")
    assert "regios.VR24.0.soort" in problem

    extra.write_text(
        "regios:\n"
        "  VR09:\n    - {naam: X, land: DE, soort: Kreis, marker: V, bron: y}\n"
        "  VR24:\n    - {naam: Y, land: BE, soort: provincie, structuren: [nope], marker: V, "
        "bron: y}\n"
        "  VR99:\n    - {naam: Z, land: DE, soort: Kreis, marker: V, bron: y}\n"
    )
    problems = "\n".join(check_config(config))
    assert "regios.VR99: unknown region / onbekende regio" in problems
    assert "VR09 grenst niet aan DE" in problems
    assert "onbekende structuur 'nope'" in problems

    config.write_text(BASE + f"border: {{counterparts_file: '{tmp_path / 'none.yaml'}'}}\n")
    (problem,) = check_config(config)
    assert "niet te lezen" in problem
