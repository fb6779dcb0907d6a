"""`signaalbot status`: the database's figures for an operator without Prometheus."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from bot.ops.figures import Figures, read_figures
from bot.sync_loop import LAST_EVENT_TS
from config.settings import load_storage_settings
from storage.bot_state import BotState
from storage.migrate import migrated_database


def run_status(config: Path) -> int:
    storage = load_storage_settings(config if config.exists() else None)
    figures, newest_event = asyncio.run(_read(storage.url, datetime.now(UTC)))
    print("\n".join(status_lines(figures, newest_event)))
    return 0


async def _read(url: str, now: datetime) -> tuple[Figures, datetime | None]:
    async with migrated_database(url) as database, database.transaction() as session:
        figures = await read_figures(session, now)
        stored = await BotState(session).get(LAST_EVENT_TS)
    newest = datetime.fromtimestamp(int(stored) / 1000, UTC) if stored else None
    return figures, newest


def status_lines(figures: Figures, newest_event: datetime | None) -> list[str]:
    lines = ["outbox (pending, oldest in seconds):"]
    lines += [
        f"  {lane:<10} {found.depth:>6}  {found.oldest_age_seconds:>10.0f}"
        for lane, found in sorted(figures.lanes.items())
    ] or ["  empty"]
    lines += [
        f"open cases: {figures.open_cases}",
        f"overdue cases: {figures.overdue_cases}",
        f"held encrypted messages: {figures.held_messages}",
        f"reminders due, not sent yet: {figures.reminders_due}",
        "newest event synced (UTC): "
        + (newest_event.strftime("%Y-%m-%d %H:%M:%S") if newest_event else "-"),
    ]
    return lines
