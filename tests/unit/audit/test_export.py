"""`signaalbot audit verify` and `signaalbot audit export` as an operator runs them, on the
bot's database, and the JSON Lines of a period: local days, both inclusive."""

from __future__ import annotations

import getpass
import hashlib
import json
import stat
from datetime import UTC, datetime
from pathlib import Path

from storage.audit import AuditResult, AuditTrail
from storage.database import Database
from tests.cli import signaalbot
from tests.unit.audit.helpers import chain, configuration, tamper, trail
from tests.unit.helpers import PLATFORM

#: Records at these moments (UTC): the last hour of 29 and of 30 November in Amsterdam.
MOMENTS = (
    datetime(2026, 11, 29, 22, 59, tzinfo=UTC),  # 29 Nov 23:59 local
    datetime(2026, 11, 29, 23, 0, tzinfo=UTC),  # 30 Nov 00:00 local
    datetime(2026, 11, 30, 22, 59, 59, tzinfo=UTC),  # 30 Nov 23:59:59 local
    datetime(2026, 11, 30, 23, 0, tzinfo=UTC),  # 1 Dec 00:00 local
)


async def records_at_moments(database: Database) -> None:
    for number, moment in enumerate(MOMENTS, start=1):
        async with database.transaction() as session:
            await AuditTrail(session).append(
                action="command.tijdlijn",
                object=f"case:2026-{number:03d}",
                result=AuditResult.DONE,
                actor="@iszw:example.org",
                at=moment,
                room=PLATFORM,
                event=f"$read{number}",
            )


def recomputed(row: dict) -> str:
    """The hash as an auditor recomputes it from an exported line alone."""
    fields = {
        "action": row["actie"],
        "actor": row["actor"],
        "at": row["tijdstempel"],
        "object": row["object"],
        "origin_event": row["oorsprong"]["bericht"],
        "origin_room": row["oorsprong"]["kamer"],
        "prev_hash": row["vorige_hash"],
        "result": row["resultaat"],
        "seq": row["volgnummer"],
    }
    encoded = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


async def test_verify_says_in_order_and_names_the_first_broken_record(
    database: Database, tmp_path: Path
) -> None:
    config = configuration(tmp_path, database)
    records = await chain(database, 4)
    status, out, _ = await signaalbot("audit", "verify", "--config", str(config))
    assert (status, out.strip()) == (
        0,
        f"in orde: 4 records; hash van het laatste: {records[-1].hash}",
    )

    await tamper(database, "UPDATE audit_records SET object = 'case:2026-099' WHERE seq = 2")
    status, out, _ = await signaalbot("audit", "verify", "--config", str(config))
    assert (status, out.strip()) == (
        1,
        "record 2 breekt de keten: gewijzigd: de velden geven de hash van het record niet meer "
        "(1 records daarvoor in orde)",
    )


async def test_a_cut_off_tail_is_named_by_verify(database: Database, tmp_path: Path) -> None:
    config = configuration(tmp_path, database)
    await chain(database, 3)
    await tamper(database, "DELETE FROM audit_records WHERE seq = 3")
    status, out, _ = await signaalbot("audit", "verify", "--config", str(config))
    assert status == 1
    assert out.startswith("record 3 breekt de keten: afgeknipt")


async def test_an_export_holds_the_local_days_asked_for_in_a_file_only_its_owner_reads(
    database: Database, tmp_path: Path
) -> None:
    config = configuration(tmp_path, database)
    await records_at_moments(database)
    out = tmp_path / "audit.jsonl"
    status, said, _ = await signaalbot(
        "audit", "export", "--from", "2026-11-30", "--to", "2026-11-30", "--out", str(out),
        "--config", str(config),
    )  # fmt: skip
    assert status == 0
    assert (
        said.strip() == f"2 records van 2026-11-30 tot en met 2026-11-30 geëxporteerd naar {out}."
    )
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    stored = await trail(database)
    assert rows == [
        {
            "volgnummer": 2,
            "tijdstempel": "2026-11-29T23:00:00.000000Z",
            "actie": "command.tijdlijn",
            "object": "case:2026-002",
            "resultaat": "done",
            "oorsprong": {"kamer": PLATFORM, "bericht": "$read2"},
            "actor": "@iszw:example.org",
            "vorige_hash": stored[0].hash,
            "hash": stored[1].hash,
        },
        {
            "volgnummer": 3,
            "tijdstempel": "2026-11-30T22:59:59.000000Z",
            "actie": "command.tijdlijn",
            "object": "case:2026-003",
            "resultaat": "done",
            "oorsprong": {"kamer": PLATFORM, "bericht": "$read3"},
            "actor": "@iszw:example.org",
            "vorige_hash": stored[1].hash,
            "hash": stored[2].hash,
        },
    ]
    assert [recomputed(row) for row in rows] == [row["hash"] for row in rows]
    # The export is itself on the trail, by the operator who ran it, and the chain holds.
    exported = stored[-1]
    assert (exported.seq, exported.action, exported.object, exported.result) == (
        5,
        "cli.audit_export",
        "audit:2026-11-30..2026-11-30",
        "done",
    )
    assert exported.actor == f"operator:{getpass.getuser()}"
    status, said, _ = await signaalbot("audit", "verify", "--config", str(config))
    assert (status, said.split(";")[0]) == (0, "in orde: 5 records")


async def test_an_export_goes_to_standard_output_by_default(
    database: Database, tmp_path: Path
) -> None:
    config = configuration(tmp_path, database)
    await records_at_moments(database)
    status, out, err = await signaalbot(
        "audit", "export", "--from", "2026-11-29", "--to", "2026-12-01", "--config", str(config)
    )
    assert status == 0
    assert [json.loads(line)["volgnummer"] for line in out.splitlines()] == [1, 2, 3, 4]
    assert err.strip().endswith(
        "4 records van 2026-11-29 tot en met 2026-12-01 geëxporteerd naar de standaarduitvoer."
    )


async def test_a_period_that_cannot_be_read_exports_nothing(
    database: Database, tmp_path: Path
) -> None:
    config = configuration(tmp_path, database)
    await chain(database, 2)
    status, out, err = await signaalbot(
        "audit", "export", "--from", "30-11-2026", "--to", "2026-11-30", "--config", str(config)
    )
    assert (status, out) == (2, "")
    assert "30-11-2026: geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-11-30." in err
    status, out, err = await signaalbot(
        "audit", "export", "--from", "2026-12-01", "--to", "2026-11-30", "--config", str(config)
    )
    assert (status, out) == (1, "")
    assert err.strip() == "--from 2026-12-01 ligt na --to 2026-11-30; niets geëxporteerd."
    assert len(await trail(database)) == 2  # nothing exported, nothing recorded
