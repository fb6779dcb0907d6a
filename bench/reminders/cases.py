"""signaalbot's side of the run: open the cases in bursts, then wait until their reminders are
due, sent and delivered."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from bench.processes import signaalbot, signaalbot_config
from bench.reminders.bot_database import BotDatabase, messages_of
from bench.reminders.options import Options
from bench.reminders.world import World
from bench.world import REGION, member_settings
from bot.demo.member import MemberClient

log = logging.getLogger(__name__)

BURST_SIZES = (1, 2, 3, 4)  # commands sent at the same moment, so some due times coincide
SETTLE_MARGIN = 10.0  # seconds after the last due time before the results are read
SETTLE_TIMEOUT = 90.0  # then at most this long for stragglers to be sent and delivered
POLL_INTERVAL = 0.5


async def run_signaalbot(world: World, options: Options, workdir: Path) -> BotDatabase:
    """Run the bot from its first command until every reminder is due and delivered; its
    database (in `workdir`) stays behind to be read."""
    accounts = world.accounts
    config = signaalbot_config(
        world.homeserver,
        accounts.bot,
        world.platform_room,
        member_settings(accounts.members),
        workdir / "bot",
        window=options.window,
    )
    database = BotDatabase(workdir / "bot" / "signaalbot.db")
    async with signaalbot(config, workdir, world.sender) as bot:
        bursts = await open_cases(world.sender, world.platform_room, options)
        log.info("%d cases opened in %d bursts", options.cases, bursts)
        await await_reminders(database, options, bot)
    return database


def bursts(cases: int) -> list[list[int]]:
    """Case numbers grouped into bursts of 1, 2, 3, 4, 1, 2, ... commands."""
    groups: list[list[int]] = []
    start = 0
    while start < cases:
        size = BURST_SIZES[len(groups) % len(BURST_SIZES)]
        groups.append(list(range(start, min(cases, start + size))))
        start += size
    return groups


async def open_cases(member: MemberClient, room_id: str, options: Options) -> int:
    """Send the ``!signaal`` commands in bursts spread evenly over ``options.spread`` seconds;
    the commands of one burst go out together, so their reminders fall due together."""
    groups = bursts(options.cases)
    started = time.monotonic()
    step = options.spread / max(1, len(groups) - 1)
    for index, group in enumerate(groups):
        await asyncio.sleep(max(0.0, started + index * step - time.monotonic()))
        await asyncio.gather(
            *(
                member.send_text(room_id, f"!signaal Bedrijf {n}, Plaats {n}; regio: {REGION}")
                for n in group
            )
        )
    return len(groups)


async def poll(
    done: Callable[[], bool], timeout: float, process: asyncio.subprocess.Process, what: str
) -> bool:
    """Poll until ``done()``; False after ``timeout``; an error if the process exits first."""
    deadline = time.monotonic() + timeout
    while not done():
        if process.returncode is not None:
            raise RuntimeError(f"{what}: the process exited with {process.returncode}")
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(POLL_INTERVAL)
    return True


def all_delivered(database: BotDatabase) -> bool:
    """Whether every reminder not cancelled is sent and all its messages delivered."""
    outbox = database.outbox()
    for reminder in database.reminders():
        if reminder.cancelled is not None:
            continue
        sent = messages_of(reminder, outbox)
        if reminder.sent is None or not sent or any(m.event_id is None for m in sent):
            return False
    return True


async def await_reminders(
    database: BotDatabase, options: Options, bot: asyncio.subprocess.Process
) -> None:
    """Until every reminder is due (plus a margin) and sent or cancelled, and delivered."""
    expected = options.reminders
    if not await poll(
        lambda: (
            database.count("SELECT count(*) FROM reminders WHERE case_id IS NOT NULL") >= expected
        ),
        options.repressive,
        bot,
        "signaalbot",
    ):
        log.warning("only %d of %d reminders were planned", len(database.reminders()), expected)
    last_due = max((r.due for r in database.reminders()), default=datetime.now(UTC))
    log.info("all reminders planned; the last is due at %s UTC", last_due.time())
    await asyncio.sleep(max(0.0, (last_due - datetime.now(UTC)).total_seconds() + SETTLE_MARGIN))
    if not await poll(lambda: all_delivered(database), SETTLE_TIMEOUT, bot, "signaalbot"):
        log.warning("some reminders were not delivered within %.0f s", SETTLE_TIMEOUT)
