"""The command-line tools that change data are on the audit trail as the operator who ran them:
an import (stored or refused), an outbox row retried."""

from __future__ import annotations

import getpass
from pathlib import Path

from storage.database import Database
from tests.cli import signaalbot
from tests.unit.audit.helpers import configuration, trail, verified
from tests.unit.bot.test_outbox_cli import set_aside_answer
from tests.unit.contacts.test_import import BAD_CSV, CSV
from tests.unit.picture.test_national_cli import CSV as FIGURES


async def actions(database: Database) -> list[tuple[str, str, str, str]]:
    return [(r.action, r.object, r.result, r.actor) for r in await trail(database)]


async def test_imports_are_recorded_as_the_operator_stored_or_refused(
    database: Database, tmp_path: Path
) -> None:
    config = configuration(tmp_path, database)
    good, bad, figures = tmp_path / "contacten.csv", tmp_path / "fout.csv", tmp_path / "cijfers.csv"
    good.write_text(CSV, encoding="utf-8")
    bad.write_text(BAD_CSV, encoding="utf-8")
    figures.write_text(FIGURES, encoding="utf-8")

    assert (await signaalbot("import", "contacten", str(bad), "--config", str(config)))[0] == 1
    assert (await signaalbot("import", "contacten", str(good), "--config", str(config)))[0] == 0
    assert (await signaalbot("import", "landelijk", str(figures), "--config", str(config)))[0] == 0
    operator = f"operator:{getpass.getuser()}"
    assert await actions(database) == [
        ("import.contacts", "contacts", "refused", operator),
        ("import.contacts", "contacts", "done", operator),
        ("import.national", "national_figures", "done", operator),
    ]
    assert [r.origin_room for r in await trail(database)] == [None, None, None]
    assert (await verified(database)).checked == 3


async def test_each_outbox_row_retried_is_one_record(database: Database, tmp_path: Path) -> None:
    row = await set_aside_answer(database)
    config = configuration(tmp_path, database)
    status, _, _ = await signaalbot("outbox", "retry", str(row.id), "999", "--config", str(config))
    assert status == 1  # 999 was never set aside
    operator = f"operator:{getpass.getuser()}"
    assert await actions(database) == [
        ("outbox.retry", f"outbox:{row.id}", "done", operator),
        ("outbox.retry", "outbox:999", "refused", operator),
    ]
    assert (await verified(database)).ok
