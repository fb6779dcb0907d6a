"""`signaalbot retention [--dry-run]` and `signaalbot privacy find`, as an operator runs them,
with a configuration pointing at the test database and no Matrix credentials."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from storage.audit import AuditRecord
from storage.cases import Case
from storage.database import Database
from tests.cli import signaalbot
from tests.unit.helpers import NOW
from tests.unit.retention.helpers import TERMS, YEAR, add, all_of, closed_case, contact


def config_file(tmp_path: Path, database: Database, **privacy: object) -> str:
    path = tmp_path / "signaalbot.yaml"
    path.write_text(
        json.dumps(
            {
                "matrix": {"homeserver": "http://hs", "user_id": "@bot:hs"},
                "platform": {"room": "!platform"},
                "storage": {"database_url": database.url},
                "privacy": {"retention": TERMS, **privacy},
            }
        )
    )
    return str(path)


async def two_old_cases(database: Database) -> tuple[Case, Case]:
    """Closed two years before the real clock: the tools run on it."""
    ago = 2 * YEAR + (datetime.now(UTC) - NOW)
    going, held = closed_case(ago), closed_case(ago)
    await add(database, going, held, contact("Jan de Vries"))
    return going, held


async def test_the_dry_run_lists_what_would_go_and_changes_nothing(
    database: Database, tmp_path: Path
) -> None:
    going, held = await two_old_cases(database)
    config = config_file(tmp_path, database, hold=[held.number])
    status, out, err = await signaalbot("retention", "--dry-run", "--config", config)
    assert status == 0, err
    lines = out.splitlines()
    assert "dry run, nothing changed" in lines[0]
    (cases,) = [line for line in lines if line.startswith("cases ")]
    assert cases.split() == ["cases", "cases", "1", "1", going.number]
    assert f"kept by the hold: {held.number}" in lines
    assert "Jansen" not in out  # numbers and counts, never a text
    assert [case.anonymised_at for case in await all_of(database, Case)] == [None, None]


async def test_retention_applies_and_privacy_find_then_finds_only_the_contact(
    database: Database, tmp_path: Path
) -> None:
    going, held = await two_old_cases(database)
    config = config_file(tmp_path, database, hold=[held.number])
    status, out, err = await signaalbot("privacy", "find", "ziek,", "--config", config)
    assert status == 0, err
    assert [line.split()[:4] for line in out.splitlines()[1:-1]] == [
        ["cases", str(going.id), going.number, "description"],
        ["cases", str(held.id), held.number, "description"],
    ]
    status, out, err = await signaalbot("retention", "--config", config)
    assert status == 0, err
    assert "anonymised and deleted as listed" in out.splitlines()[0]
    stored = {case.id: case for case in await all_of(database, Case)}
    assert stored[going.id].title == going.number
    assert stored[held.id].title == held.title
    status, out, _ = await signaalbot("privacy", "find", "Jan", "de", "Vries", "--config", config)
    rows = [line.split()[:4] for line in out.splitlines()[1:-1]]
    assert [row[0] for row in rows] == ["cases", "contacts"]  # the held case keeps its text
    assert rows[0][2] == held.number
    records = await all_of(database, AuditRecord)
    assert [(r.action, r.result) for r in records] == [
        ("privacy.find", "done"),
        ("retention.run", "done"),
        ("privacy.find", "done"),
    ]
    assert all(r.actor.startswith("operator:") and "Vries" not in r.object for r in records)


async def test_a_bad_privacy_section_is_named_and_nothing_is_read(
    database: Database, tmp_path: Path
) -> None:
    config = config_file(tmp_path, database, hold=["zaak 17"])
    status, _, err = await signaalbot("retention", "--dry-run", "--config", config)
    assert status == 2
    assert "privacy.hold" in err and "'zaak 17' is not a case number" in err


async def test_a_search_text_too_short_is_refused(database: Database, tmp_path: Path) -> None:
    status, _, err = await signaalbot(
        "privacy", "find", "ja", "--config", config_file(tmp_path, database)
    )
    assert (status, err.strip()) == (2, "search for at least 3 characters")
