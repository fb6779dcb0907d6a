"""`signaalbot import contacten FILE`: a good file stored, a bad one refused whole, a second
import updating what is there."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from bot.contacts_import import summary
from commands.contacts.import_file import read_contacts
from commands.contacts.importing import store_contacts
from storage.contacts import ContactKind, ContactSource, ContactStore
from storage.database import Database
from tests.cli import signaalbot
from tests.unit.contacts.helpers import audit, contacts, points

AT = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)

CSV = (
    "\ufeffnaam;organisatie;soort;rol;telefoon;e-mail;regio's;land;aanspreekpunt\n"
    "Team Wonen;Gemeente Doetinchem;gemeente;handhaving huisvesting;0314 377 377;"
    "wonen@doetinchem.nl;VR06;;\n"
    "\n"
    "Regioteam Oost;Nederlandse Arbeidsinspectie;iszw;;+31 70 333 44 44;;VNOG, Twente;NL;ISZW\n"
    "Gesundheitsamt;Kreis Borken;gesundheitsamt;;+49 2861 820;;Noord- en Oost-Gelderland;DE;\n"
)
YAML = """\
- naam: Team Wonen
  organisatie: gemeente doetinchem
  soort: gemeente
  telefoon: 0314 377 000
  regio's: [VR06, IJsselland]
- naam: Provinciaal Crisiscentrum
  organisatie: Provincie Antwerpen
  soort: provincie
  e-mail: crisis@provincieantwerpen.example.be
  regio's: Midden- en West-Brabant
  land: BE
  aanspreekpunt: NVWA
"""


async def imported(database: Database, name: str, content: str) -> list[str]:
    """Read and (when the file has no problem) store it; what the operator is told."""
    read = read_contacts(name, content.encode("utf-8"))
    if read.problems:
        return [str(problem) for problem in read.problems]
    async with database.transaction() as session:
        done = await store_contacts(ContactStore(session), read.contacts, at=AT, by="import")
        return summary(done, name).splitlines()


async def test_a_csv_file_is_stored_with_its_points(database: Database) -> None:
    assert await imported(database, "contacten.csv", CSV) == [
        "toegevoegd: #1 Team Wonen",
        "toegevoegd: #2 Regioteam Oost",
        "toegevoegd: #3 Gesundheitsamt",
        "Uit contacten.csv: 3 toegevoegd, 0 bijgewerkt, 0 ongewijzigd; 2 aanspreekpunten benoemd.",
    ]
    stored = [
        (c.name, c.kind, c.phone, c.email, c.country, c.regions) for c in await contacts(database)
    ]
    assert stored == [
        ("Team Wonen", ContactKind.GEMEENTE, "+31314377377", "wonen@doetinchem.nl", "NL", ["VR06"]),
        ("Regioteam Oost", ContactKind.ISZW, "+31703334444", None, "NL", ["VR06", "VR05"]),
        ("Gesundheitsamt", ContactKind.GESUNDHEITSAMT, "+492861820", None, "DE", ["VR06"]),
    ]
    assert {c.source for c in await contacts(database)} == {ContactSource.IMPORT}
    assert await points(database) == [("VR05", "ISZW", None, 2), ("VR06", "ISZW", None, 2)]
    trail = await audit(database, "contact")
    assert [(c.actor, c.kind, c.subject) for c in trail] == [
        ("import", "contact_added", "contact 1"),
        ("import", "contact_added", "contact 2"),
        ("import", "contact_added", "contact 3"),
    ]


async def test_a_second_import_updates_and_adds_without_doubling(database: Database) -> None:
    await imported(database, "contacten.csv", CSV)

    assert (await imported(database, "contacten.csv", CSV))[-1:] == [
        "Uit contacten.csv: 0 toegevoegd, 0 bijgewerkt, 3 ongewijzigd; 0 aanspreekpunten benoemd."
    ]
    assert await imported(database, "aanvulling.yaml", YAML) == [
        "toegevoegd: #4 Provinciaal Crisiscentrum",
        "bijgewerkt: #1 Team Wonen",
        "Uit aanvulling.yaml: 1 toegevoegd, 1 bijgewerkt, 0 ongewijzigd; 1 aanspreekpunten benoemd.",
    ]
    team = (await contacts(database))[0]
    assert (team.organisation, team.phone, team.email, team.regions) == (
        "gemeente doetinchem",
        "+31314377000",
        None,
        ["VR06", "VR04"],
    )
    assert len(await contacts(database)) == 4
    assert ("VR20", "NVWA", None, 4) in await points(database)
    update = (await audit(database, "contact 1"))[-1]
    assert update.old is not None and update.new is not None
    assert (update.old["regions"], update.new["regions"]) == (["VR06"], ["VR06", "VR04"])


BAD_CSV = (
    "naam,soort,telefoon,e-mail,regio's,aanspreekpunt\n"
    "Team Wonen,gemeente,0314 37,,VR06,\n"
    "Wijkagent,politie,,agent@,VR06,\n"
    "Busvervoer,vervoerder,,bus@ilt.example.nl,Atlantis,RIVM\n"
    'Regioteam,iszw,+31 70 333 44 44,,"VR06, VR05",ISZW\n'
)


async def test_a_bad_file_names_each_line_and_field_and_stores_nothing(
    database: Database,
) -> None:
    assert await imported(database, "fout.csv", BAD_CSV) == [
        "regel 2, kolom telefoon: '0314 37' is geen geldig telefoonnummer.",
        "regel 3, kolom e-mail: 'agent@' is geen geldig e-mailadres; schrijf het als "
        "naam@organisatie.nl.",
        "regel 4, kolom soort: Onbekende soort 'vervoerder'. Kies uit: gemeente, politie, ilt, "
        "snf, sna, iszw, nvwa, ggd, vr, gesundheitsamt, kreis, provincie_be, zone_be, zorg_be, "
        "anders.",
        "regel 4, kolom regio's: Onbekende veiligheidsregio 'Atlantis'.",
        "regel 4, kolom aanspreekpunt: 'RIVM': een aanspreekpunt is er voor ISZW, NVWA of GGD.",
    ]
    assert await contacts(database) == []  # the good last line was not stored either
    assert await points(database) == []
    assert await audit(database, "contact") == []


async def test_a_yaml_file_names_its_lines_and_a_contact_twice() -> None:
    twice = YAML + "- naam: team wonen\n  organisatie: Gemeente Doetinchem\n  soort: gemeente\n"
    twice += "  e-mail: x@doetinchem.nl\n  regio's: VR06\n  kleur: rood\n"
    read = read_contacts("dubbel.yml", twice.encode())
    assert [str(problem) for problem in read.problems] == [
        "regel 13: team wonen staat al op regel 1.",
        "regel 18: Onbekende kolom 'kleur'. De kolommen zijn: naam, organisatie, soort, rol, "
        "telefoon, e-mail, regio's, land, aanspreekpunt.",
    ]
    assert read.contacts == ()
    missing = read_contacts("leeg.csv", b"naam;telefoon\nTeam Wonen;0314 377 377\n")
    assert [str(problem) for problem in missing.problems] == [
        "regel 1: De kolom 'soort' ontbreekt.",
        "regel 1: De kolom 'regio's' ontbreekt.",
    ]


async def test_an_operator_imports_contacts_from_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    config = tmp_path / "signaalbot.yaml"
    config.write_text(json.dumps({"storage": {"database_url": url}}))
    good, bad = tmp_path / "contacten.csv", tmp_path / "fout.csv"
    good.write_text(CSV, encoding="utf-8")
    bad.write_text(BAD_CSV, encoding="utf-8")

    status, out, err = await signaalbot("import", "contacten", str(bad), "--config", str(config))
    assert (status, out) == (1, "")
    assert err.splitlines()[-1] == "Niets geïmporteerd: 5 problemen gevonden."

    status, out, err = await signaalbot("import", "contacten", str(good), "--config", str(config))
    assert (status, err) == (0, "")
    assert out.splitlines()[-1] == (
        "Uit contacten.csv: 3 toegevoegd, 0 bijgewerkt, 0 ongewijzigd; 2 aanspreekpunten benoemd."
    )
    assert "+31" not in out and "@" not in out  # no phone number or e-mail address printed
    database = Database(url)
    try:
        assert [c.name for c in await contacts(database)] == [
            "Team Wonen",
            "Regioteam Oost",
            "Gesundheitsamt",
        ]
    finally:
        await database.close()
