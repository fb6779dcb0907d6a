"""Shared by the dossier's tests: a case with a timeline, a decision, an action, a note and a
report, made through the dispatcher; the dossier drawn as delivery draws it, and opened."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader

from bot.dispatch import Dispatcher
from commands import FILES
from commands.core.context import open_workspace
from commands.core.effects import Rendered
from config.settings import Settings
from storage.database import Database
from storage.outbox import OutboxEffect
from tests.unit.helpers import NOW, PLATFORM, answer, directory_of, make_settings, open_case

ISZW = "@iszw:example.org"  # Ilse, of the coordinating entity
LEADER = "@lotc:example.org"  # the project leader
OUTSIDER = "@vr05:example.org"  # a VR member of another region


async def a_reported_case(dispatcher: Dispatcher, database: Database) -> None:
    """2026-001 in VR06, coordinated by ISZW: decided, visited, an action, a note, a meeting
    with its minutes, a report."""
    await open_case(dispatcher, database)
    await answer(dispatcher, "!coordinator NLA")
    await answer(dispatcher, "!besluit inzet bevestigd met GGD en VR")
    await answer(dispatcher, "!inzet uitgevoerd")
    await answer(dispatcher, "!actie Huisvesting opvragen GGD voor morgen 12:00")
    await answer(dispatcher, "!notitie Werkgever werkte goed mee")
    await answer(dispatcher, "!overleg afstemming inzet", sender=LEADER)
    await answer(dispatcher, "!notulen")
    await answer(
        dispatcher,
        "!rapport\nbevindingen: Kantine te klein, geen afstand\nmaatregelen: Ploegen gesplitst",
    )


def render_rows(rows: list[OutboxEffect]) -> list[OutboxEffect]:
    return [row for row in rows if "render" in row.payload]


async def draw(database: Database, row: OutboxEffect, settings: Settings | None = None) -> Rendered:
    """The file as delivery draws it: the family's renderer in a read-only transaction."""
    settings = settings or make_settings()
    render = row.payload["render"]
    directory = await directory_of(database, settings)
    async with database.transaction() as session:
        workspace = open_workspace(session, settings, directory, PLATFORM, NOW)
        return await FILES[render["kind"]](workspace, render["spec"])


@dataclass(frozen=True)
class Opened:
    names: list[str]
    files: dict[str, bytes]
    data: dict[str, Any]
    pdf: PdfReader

    @property
    def text(self) -> str:
        return "\n".join(page.extract_text() for page in self.pdf.pages)


def open_dossier(data: bytes, number: str = "2026-001") -> Opened:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        files = {name: archive.read(name) for name in names}
    return Opened(
        names=names,
        files=files,
        data=json.loads(files[f"zaak-{number}.json"].decode("utf-8")),
        pdf=PdfReader(io.BytesIO(files[f"zaak-{number}.pdf"])),
    )


def manifest_checks(opened: Opened) -> dict[str, bool]:
    """Per line of the manifest, as `sha256sum -c` would: does the named file's hash match?"""
    checked = {}
    for line in opened.files["MANIFEST-SHA256.txt"].decode("utf-8").splitlines():
        digest, name = line.split("  ", 1)
        checked[name] = hashlib.sha256(opened.files[name]).hexdigest() == digest
    return checked
