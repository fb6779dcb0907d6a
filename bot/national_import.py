"""`signaalbot import landelijk FILE`: the partners' figures of the national picture.

The file is read and checked first; only a file without a single problem is stored, in one
transaction, each figure replacing the current one of its region and indicator, with one record
on the audit trail (a refused file is one record too).
"""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.audit_cli import record_operator, record_refused
from commands.picture.national_import import read_import
from commands.texts import national as texts
from config.settings import PlatformSettings, load_storage_settings
from storage.audit import IMPORT_NATIONAL, NATIONAL_FIGURES, AuditResult
from storage.migrate import migrated_database
from storage.national import FigureValues, NationalFigures


def run_national_import(file: Path, config: Path) -> int:
    """0 when every figure was stored; 1 when the file was refused (nothing stored)."""
    try:
        content = file.read_bytes()
    except OSError as error:
        print(texts.FILE_UNREADABLE.format(file=file, reason=error.strerror), file=sys.stderr)
        return 1
    read = read_import(file.name, content, _today())
    if read.problems:
        for problem in read.problems:
            print(problem, file=sys.stderr)
        count = len(read.problems)
        refused = texts.IMPORT_REFUSED if count == 1 else texts.IMPORT_REFUSED_MANY
        print(refused.format(count=count), file=sys.stderr)
        record_refused(config, IMPORT_NATIONAL, NATIONAL_FIGURES)
        return 1
    storage = load_storage_settings(config if config.exists() else None)
    asyncio.run(_store(storage.url, read.figures, file.name))
    print(imported(read.figures, file.name))
    return 0


def imported(figures: tuple[FigureValues, ...], name: str) -> str:
    """`12 cijfers geïmporteerd voor 5 regio's, uit cijfers.csv.`"""
    regions = len({figure.region for figure in figures})
    return texts.IMPORTED.format(
        figures=_counted(len(figures), texts.FIGURES_ONE, texts.FIGURES_MANY),
        regions=_counted(regions, texts.REGIONS_ONE, texts.REGIONS_MANY),
        file=name,
    )


def _counted(count: int, one: str, many: str) -> str:
    return one if count == 1 else many.format(count=count)


def _today() -> date:
    """Today where the platform is: a peildatum after it lies in the future."""
    zone = ZoneInfo(PlatformSettings.model_fields["timezone"].default)
    return datetime.now(zone).date()


async def _store(url: str, figures: tuple[FigureValues, ...], name: str) -> None:
    async with migrated_database(url) as database, database.transaction() as session:
        await NationalFigures(session).upsert(figures, at=datetime.now(UTC), imported_from=name)
        await record_operator(session, IMPORT_NATIONAL, NATIONAL_FIGURES, AuditResult.DONE)
