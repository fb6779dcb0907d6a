"""What an operator watches and relies on: /metrics, /health, and failover between two instances."""

from __future__ import annotations

import asyncio
import socket
import time
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from nio import RoomMessagesError
from prometheus_client.parser import text_string_to_metric_families

from bot.demo.homeserver import LocalSynapse
from bot.demo.member import MemberClient
from tests.databases import create_postgres_database, drop_postgres_database
from tests.integration.helpers import WAIT, body_of, command
from tests.integration.platform import BotProcess, Platform, open_platform
from tests.integration.test_spine import REGION_VR06, exactly_one_reply_case_and_room_each

pytestmark = pytest.mark.integration

FAST_DELIVERY = {"retry_first": "1s", "retry_max": "5s", "sync_timeout": "1s"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def get(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.text()


async def health_until(url: str, status: int, seconds: float) -> str:
    """Poll /health until it answers `status`; returns the body."""
    deadline = time.monotonic() + seconds
    while True:
        found, body = await get(url)
        if found == status:
            return body
        assert time.monotonic() < deadline, f"/health stayed {found}: {body}"
        await asyncio.sleep(0.25)


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


async def test_metrics_count_a_command_and_health_follows_the_homeserver(tmp_path: Path) -> None:
    server = LocalSynapse(tmp_path / "synapse")
    server.start()
    ops = f"http://127.0.0.1:{free_port()}"
    sections = {
        "ops": {"listen": ops.removeprefix("http://"), "stale_after": "3s"},
        "delivery": FAST_DELIVERY,
    }
    platform = await open_platform(server, tmp_path, sections=sections)
    try:
        await command(platform.clients["iszw"], platform.room_id, "!signaal Kwekerij Oost")
        status, text = await get(f"{ops}/metrics")
        assert status == 200
        found = samples(text)
        handled = (("action", "command.signaal"), ("result", "done"))
        assert found[("signaalbot_commands_total", handled)] == 1
        assert found[("signaalbot_command_latency_seconds_count", ())] >= 1
        assert 0 < found[("signaalbot_command_latency_seconds_sum", ())] < WAIT
        assert found[("signaalbot_open_cases", ())] == 1
        assert found[("signaalbot_active", ())] == 1
        assert await health_until(f"{ops}/health", 200, 5) == '{"status": "ok"}'

        server.stop()
        assert "sync_stale" in await health_until(f"{ops}/health", 503, 15)
        server.start()
        assert await health_until(f"{ops}/health", 200, 30) == '{"status": "ok"}'
    finally:
        await platform.close()
        server.stop()


@pytest.fixture
async def postgres_url() -> AsyncIterator[str]:
    name, url = await create_postgres_database()
    yield url
    await drop_postgres_database(name)


# Every case gets two ladder reminders and a deadline alert within 20 s of its signal. The
# rungs are 7 s apart: a rung sent after the next one fell due is left out by design (only the
# last one due speaks), so a signal handled late in the takeover keeps both.
WINDOW = {"repressive": "20s", "reminders_before": ["14s", "7s"], "late_after": "2s"}
FAILOVER_AFTER = 6


def on_postgres(tmp_path: Path, postgres_url: str) -> dict[str, Any]:
    """Both instances' sections: one database and one data directory, a short failover."""
    return {
        "storage": {"data_dir": str(tmp_path / "data"), "database_url": postgres_url},
        "ops": {"failover_after": f"{FAILOVER_AFTER}s"},
        "delivery": FAST_DELIVERY,
    }


def second_instance(platform: Platform) -> BotProcess:
    """The same configuration (database, data directory, Matrix account) in a second process."""
    standby = BotProcess(platform.bot.config, platform.directory / "standby.log")
    standby.start()
    return standby


async def wait_for_line(process: BotProcess, line: str, seconds: float) -> float:
    """Seconds until `line` shows in the process's log."""
    started = time.monotonic()
    while line not in process.output():
        assert time.monotonic() - started < seconds, f"no {line!r} within {seconds} s"
        await asyncio.sleep(0.1)
    return time.monotonic() - started


async def signals(platform: Platform, wave: str, sent: dict[str, MemberClient]) -> None:
    """Three members each send four signals, 0.4 s apart."""

    async def member_sends(client: MemberClient, index: int) -> None:
        for round_ in range(4):
            body = f"!signaal Bedrijf {wave}{index}-{round_}, Plaats {index}; regio: VR06"
            sent[await client.send_text(platform.room_id, body)] = client
            await asyncio.sleep(0.4)

    senders = [platform.clients[name] for name in REGION_VR06[:3]]
    await asyncio.gather(*(member_sends(client, i) for i, client in enumerate(senders)))


async def all_reminders_sent(platform: Platform, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    unsent = (
        "SELECT count(*) FROM reminders WHERE kind IN ('ladder', 'deadline')"
        " AND sent_at IS NULL AND cancelled_at IS NULL"
    )
    while platform.query(unsent) != [(0,)]:
        assert time.monotonic() < deadline, "reminders left unsent"
        await asyncio.sleep(0.5)


async def room_history(client: MemberClient, room_id: str) -> list[dict[str, Any]]:
    """Everything in a room, read back from the homeserver (not from a limited sync)."""
    events: list[dict[str, Any]] = []
    start: str | None = None
    while True:
        page = await client.client.room_messages(room_id, start=start, limit=100)
        assert not isinstance(page, RoomMessagesError), page
        events += [event.source for event in page.chunk]
        if not page.chunk or page.end is None:
            return events
        start = page.end


def case_numbers(platform: Platform, *columns: str) -> list[tuple[Any, ...]]:
    """Each case's number as its members read it (e.g. 2026-001), with other columns."""
    rows = platform.query(
        " ".join(["SELECT year, seq", *(f", {c}" for c in columns), "FROM cases"])
    )
    return [(f"{year}-{seq:03d}", *rest) for year, seq, *rest in rows]


async def reminders_per_case(platform: Platform) -> tuple[Counter[str], Counter[str]]:
    """Ladder messages in each incident room, and deadline alerts in the platform room, per case."""
    lotc = platform.clients["lotc"]
    ladder: Counter[str] = Counter()
    for number, room_id in case_numbers(platform, "room_id"):
        await lotc.join(room_id)
        for event in await room_history(lotc, room_id):
            if event.get("type") == "m.room.message" and "tot de deadline" in body_of(event):
                assert "m.new_content" not in event["content"]
                ladder[number] += 1
    alerts = Counter(
        number
        for event in await room_history(lotc, platform.room_id)
        for (number,) in case_numbers(platform)
        if f"Deadline verstreken voor zaak {number} " in body_of(event)
    )
    return ladder, alerts


async def test_the_standby_takes_over_when_the_active_instance_is_killed(
    synapse: LocalSynapse, tmp_path: Path, postgres_url: str
) -> None:
    platform = await open_platform(
        synapse, tmp_path, sections={**on_postgres(tmp_path, postgres_url), "window": WINDOW}
    )
    standby = second_instance(platform)
    try:
        await wait_for_line(standby, "standby: another instance is active", WAIT)
        sent: dict[str, MemberClient] = {}
        await signals(platform, "a", sent)
        await asyncio.sleep(4.0)  # the first wave's first reminders fall due now

        async def kill_the_active_one() -> float:
            await asyncio.sleep(0.8)
            platform.bot.kill()
            return await wait_for_line(standby, "active: this instance holds the lock", WAIT)

        took_over, _ = await asyncio.gather(kill_the_active_one(), signals(platform, "b", sent))
        assert took_over < FAILOVER_AFTER
        for event_id, client in sent.items():
            await client.wait_for_reply(platform.room_id, event_id, 30.0)
        await exactly_one_reply_case_and_room_each(platform, sent)

        await all_reminders_sent(platform, 40.0)
        await asyncio.sleep(2.0)  # room for a duplicate to show up
        ladder, alerts = await reminders_per_case(platform)
        numbers = [number for (number,) in case_numbers(platform)]
        assert ladder == dict.fromkeys(numbers, 2)
        assert alerts == dict.fromkeys(numbers, 1)
        assert "Traceback" not in standby.output()
    finally:
        standby.kill()
        await platform.close()


async def test_an_instance_that_loses_its_database_connection_stops_and_the_other_takes_over(
    synapse: LocalSynapse, tmp_path: Path, postgres_url: str
) -> None:
    platform = await open_platform(synapse, tmp_path, sections=on_postgres(tmp_path, postgres_url))
    standby = second_instance(platform)
    try:
        await wait_for_line(standby, "standby: another instance is active", WAIT)
        lock_holder = (
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE application_name = 'signaalbot' AND pid IN"
            " (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted)"
        )
        assert platform.query(lock_holder) == [(1,)]
        await wait_for_line(platform.bot, "stopped all work", FAILOVER_AFTER)
        await wait_for_line(standby, "active: this instance holds the lock", FAILOVER_AFTER)
        iszw = platform.clients["iszw"]
        event_id, reply = await command(iszw, platform.room_id, "!signaal Na de overname")
        assert "geopend: Na de overname" in body_of(reply)
        await asyncio.sleep(2.0)
        await iszw.sync_once(1.0)
        replies = [
            e
            for e in iszw.events_in(platform.room_id)
            if e["content"].get("m.relates_to", {}).get("m.in_reply_to", {}).get("event_id")
            == event_id
        ]
        assert len(replies) == 1
        # The one that lost it waits its turn as a standby now (it was never one before).
        await wait_for_line(platform.bot, "standby: another instance is active", 2 * FAILOVER_AFTER)
    finally:
        standby.kill()
        await platform.close()
