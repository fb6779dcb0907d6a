"""`signaalbot import landelijk FILE` as an operator runs it, on an SQLite file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from storage.database import Database
from storage.national import NationalFigure, NationalFigures
from tests.cli import signaalbot

CSV = (
    "\ufeffregio;indicator;waarde;bron;peildatum\n"
    "VR06;arbeidsmigranten;12.400;RNI-registratie gemeenten;1-10-2026\n"
    "VNOG;hoofdsectoren;vleesverwerking, land-tuinbouw;UWV;2026-10-01\n"
    "Twente;bedden;1.500;CBS;2026-07-01\n"
)
YAML = """\
- regio: VR06
  indicator: arbeidsmigranten
  waarde: 13.050
  bron: RNI-registratie gemeenten
  peildatum: 2026-11-01
- regio: VR05
  indicator: bedden
  waarde: twaalf
  bron: CBS
  peildatum: 2026-11-01
"""


async def stored(url: str) -> list[tuple[str, str, int | None, list[str] | None, date, str]]:
    database = Database(url)
    try:
        async with database.transaction() as session:
            rows: list[NationalFigure] = await NationalFigures(session).all()
    finally:
        await database.close()
    return [
        (row.region, row.indicator, row.value, row.sectors, row.as_of, row.imported_from)
        for row in rows
    ]


async def test_an_operator_imports_figures_and_a_wrong_file_changes_nothing(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    config = tmp_path / "signaalbot.yaml"
    config.write_text(json.dumps({"storage": {"database_url": url}}))
    figures = tmp_path / "cijfers.csv"
    figures.write_text(CSV, encoding="utf-8")

    status, out, err = await signaalbot(
        "import", "landelijk", str(figures), "--config", str(config)
    )
    assert (status, out.strip(), err) == (
        0,
        "3 cijfers geïmporteerd voor 2 regio's, uit cijfers.csv.",
        "",
    )
    first = [
        ("VR05", "bedden", 1500, None, date(2026, 7, 1), "cijfers.csv"),
        ("VR06", "arbeidsmigranten", 12400, None, date(2026, 10, 1), "cijfers.csv"),
        (
            "VR06",
            "hoofdsectoren",
            None,
            ["vleesverwerking", "land-tuinbouw"],
            date(2026, 10, 1),
            "cijfers.csv",
        ),
    ]
    assert await stored(url) == first

    wrong = tmp_path / "november.yaml"
    wrong.write_text(YAML, encoding="utf-8")
    status, out, err = await signaalbot("import", "landelijk", str(wrong), "--config", str(config))
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        "regel 8, kolom waarde: 'twaalf' is geen getal. Schrijf bijvoorbeeld 1234 of 1.234.",
        "Niets geïmporteerd: 1 probleem gevonden.",
    ]
    assert await stored(url) == first  # the good line of the wrong file was not stored either

    wrong.write_text(YAML.replace("twaalf", "1.600"), encoding="utf-8")
    status, out, _ = await signaalbot("import", "landelijk", str(wrong), "--config", str(config))
    assert (status, out.strip()) == (0, "2 cijfers geïmporteerd voor 2 regio's, uit november.yaml.")
    assert await stored(url) == [
        ("VR05", "bedden", 1600, None, date(2026, 11, 1), "november.yaml"),
        ("VR06", "arbeidsmigranten", 13050, None, date(2026, 11, 1), "november.yaml"),
        first[2],  # not in the second file: kept as it was
    ]


async def test_a_file_that_is_not_there_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "weg.csv"
    status, out, err = await signaalbot("import", "landelijk", str(missing))
    assert (status, out) == (1, "")
    assert err.strip().startswith(f"{missing}: het bestand kan niet worden gelezen")
