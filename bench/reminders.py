"""Punctuality of signaalbot's reminders against a bare APScheduler + matrix-nio bot.

    python -m bench.reminders [--cases 70] [--spread 5] [--repressive 90] [--json PATH] [--keep]

One private Synapse, the demo-like members and signaalbot as a subprocess (SQLite in a temporary
directory) with a window of seconds: every case gets three ladder reminders and one deadline
escalation. Afterwards a bare baseline bot (its own process, started by this module as
``python -m bench.reminders baseline-bot``) sends one plain ``m.notice`` per reminder on the
same pattern of due times. See bench/README.md ("Reminder punctuality") for what is measured.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import math
import os
import re
import secrets
import sqlite3
import sys
import time
from collections import Counter, defaultdict
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import aiohttp
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.date import DateTrigger
from nio import (
    AsyncClient,
    AsyncClientConfig,
    JoinError,
    LoginError,
    RoomSendError,
    SyncError,
)

from bench.echo_bot import SYNC_FILTER, emit
from bench.entry import quiet_logging, run_in_workdir, write_json
from bench.processes import (
    REPO_ROOT,
    signaalbot,
    signaalbot_config,
    stop_process,
    wait_until_ready,
)
from bench.stats import percentile
from bench.world import Account, local_synapse, member_settings
from bot.demo.homeserver import LocalSynapse
from bot.demo.member import MemberClient
from bot.demo.run import DEMO_ACCOUNTS

log = logging.getLogger("bench.reminders")

BASELINE_COMMAND = "baseline-bot"
BASELINE_PASSWORD_ENV = "BENCH_BASELINE_PASSWORD"
REGION = "VR06"
SENDER = "iszw"
LEADER = "lotc"
REMINDERS_BEFORE = ("30s", "20s", "10s")
BURST_SIZES = (1, 2, 3, 4)  # commands sent at the same moment, so some due times coincide
SETTLE_MARGIN = 10.0  # seconds after the last due time before the results are read
SETTLE_TIMEOUT = 90.0  # then at most this long for stragglers to be sent and delivered
BASELINE_LEAD = 3.0  # seconds between handing the due times over and the first one
POLL_INTERVAL = 0.5
LADDER = "ladder"
DEADLINE = "deadline"
LADDER_TEXT = "tot de deadline"
ESCALATION_TEXT = "Deadline verstreken voor zaak"

BOT_COMMIT = "bot committed (sent_at)"
BOT_DELIVERED = "bot delivered (origin_server_ts)"
BOT_LADDER = "  ladder reminders"
BOT_DEADLINE = "  deadline escalations"
BASELINE_STARTED = "baseline job started"
BASELINE_DELIVERED = "baseline delivered (origin_server_ts)"


@dataclass(frozen=True)
class Options:
    cases: int
    spread: float  # seconds over which the cases are opened
    repressive: float  # seconds from signal to deadline
    late_ms: float  # a reminder delivered later than this is listed with its log lines
    json_path: Path | None
    keep_workdir: bool = False

    @property
    def window(self) -> dict[str, Any]:
        return {
            "repressive": f"{self.repressive:g}s",
            "reminders_before": list(REMINDERS_BEFORE),
            "late_after": "1h",  # no "sent late" lines: every message has the same shape
        }


# -- homeserver access ----------------------------------------------------------------------


@dataclass
class Accounts:
    bot: Account
    baseline: Account
    admin: Account
    members: dict[str, Account]


def register_accounts(synapse: LocalSynapse) -> Accounts:
    def account(localpart: str, name: str, admin: bool = False) -> Account:
        password = secrets.token_urlsafe(12)
        user_id = synapse.register(localpart, password, admin=admin, displayname=name)
        return Account(user_id, password)

    return Accounts(
        bot=account("signaalbot", "signaalbot"),
        baseline=account("baselinebot", "baselinebot"),
        admin=account("benchadmin", "benchadmin", admin=True),
        members={lp: account(lp, name) for lp, _entity, _region, _roles, name in DEMO_ACCOUNTS},
    )


class AdminClient:
    """A server admin: reads any event or timeline without joining (and so without disturbing)."""

    def __init__(self, homeserver: str, session: aiohttp.ClientSession, token: str) -> None:
        self.homeserver = homeserver
        self.session = session
        self.headers = {"Authorization": f"Bearer {token}"}

    @classmethod
    @asynccontextmanager
    async def login(cls, homeserver: str, account: Account) -> AsyncIterator[AdminClient]:
        async with aiohttp.ClientSession() as session:
            body = {
                "type": "m.login.password",
                "identifier": {"type": "m.id.user", "user": account.user_id},
                "password": account.password,
                "device_id": "BENCHADMIN",
            }
            async with session.post(f"{homeserver}/_matrix/client/v3/login", json=body) as r:
                r.raise_for_status()
                token = str((await r.json())["access_token"])
            yield cls(homeserver, session, token)

    async def _get(self, path: str, params: dict[str, str] | None = None) -> dict[str, Any]:
        url = f"{self.homeserver}/_synapse/admin/v1/{path}"
        async with self.session.get(url, headers=self.headers, params=params) as response:
            response.raise_for_status()
            result: dict[str, Any] = await response.json()
            return result

    async def origin_ts(self, event_id: str) -> int:
        """The homeserver's ``origin_server_ts`` of an event, in ms since the epoch."""
        found = await self._get(f"fetch_event/{quote(event_id, safe='')}")
        return int(found["event"]["origin_server_ts"])

    async def origin_ts_of(self, event_ids: list[str]) -> dict[str, int]:
        limit = asyncio.Semaphore(8)

        async def one(event_id: str) -> tuple[str, int]:
            async with limit:
                return event_id, await self.origin_ts(event_id)

        return dict(await asyncio.gather(*(one(event_id) for event_id in event_ids)))

    async def timeline(self, room_id: str) -> list[dict[str, Any]]:
        """Every event in the room, oldest first."""
        events: list[dict[str, Any]] = []
        token: str | None = None
        while True:
            params = {"dir": "f", "limit": "500", **({"from": token} if token else {})}
            page = await self._get(f"rooms/{quote(room_id, safe='')}/messages", params)
            chunk = page.get("chunk") or []
            events += chunk
            token = page.get("end")
            if not chunk or not token:
                return events


async def open_rooms(homeserver: str, accounts: Accounts) -> tuple[str, str]:
    """The platform room (signaalbot invited) and the baseline room, same six members in both."""
    clients = {
        lp: await MemberClient.login(homeserver, account.user_id, account.password)
        for lp, account in accounts.members.items()
    }
    try:
        leader = clients[LEADER]
        others = [a.user_id for lp, a in accounts.members.items() if lp != LEADER]
        platform = await leader.create_room("Platform", invite=[*others, accounts.bot.user_id])
        baseline = await leader.create_room("Baseline", invite=[*others, accounts.baseline.user_id])
        for lp, client in clients.items():
            if lp != LEADER:
                await client.join(platform)
                await client.join(baseline)
    finally:
        for client in clients.values():
            await client.close()
    return platform, baseline


async def bot_joined(member: MemberClient, room_id: str, bot_id: str) -> None:
    def joined(rid: str, source: dict[str, Any]) -> bool:
        return (
            rid == room_id
            and source.get("type") == "m.room.member"
            and source.get("state_key") == bot_id
            and (source.get("content") or {}).get("membership") == "join"
        )

    await member.wait_for_event(joined, timeout=3600)  # bounded by wait_until_ready


# -- signaalbot's side: open cases, wait, read its database ---------------------------------


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


def _utc(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=UTC)


@dataclass(frozen=True)
class ReminderRow:
    id: int
    case_id: int
    case_number: str
    kind: str
    due: datetime
    sent: datetime | None
    cancelled: datetime | None


@dataclass(frozen=True)
class OutboxRow:
    id: int
    lane: str
    kind: str
    payload: dict[str, Any]
    created: datetime
    delivered: datetime | None
    event_id: str | None


@dataclass(frozen=True)
class BotDatabase:
    """A read-only look at the bot's SQLite database while it runs."""

    path: Path

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=10)
        try:
            return connection.execute(sql).fetchall()
        except sqlite3.OperationalError:
            return []  # not created yet
        finally:
            connection.close()

    def count(self, sql: str) -> int:
        rows = self.query(sql)
        return int(rows[0][0]) if rows else 0

    def reminders(self) -> list[ReminderRow]:
        rows = self.query(
            "SELECT r.id, r.case_id, c.year, c.seq, r.kind, r.due_at, r.sent_at, r.cancelled_at "
            "FROM reminders r JOIN cases c ON c.id = r.case_id ORDER BY r.due_at, r.id"
        )
        return [
            ReminderRow(
                id=row[0],
                case_id=row[1],
                case_number=f"{row[2]}-{row[3]:03d}",
                kind=row[4],
                due=_utc(row[5]) or datetime.min.replace(tzinfo=UTC),
                sent=_utc(row[6]),
                cancelled=_utc(row[7]),
            )
            for row in rows
        ]

    def outbox(self) -> list[OutboxRow]:
        rows = self.query(
            "SELECT id, lane, kind, payload, created_at, delivered_at, result_event_id "
            "FROM outbox ORDER BY id"
        )
        return [
            OutboxRow(
                id=row[0],
                lane=row[1],
                kind=row[2],
                payload=json.loads(row[3]),
                created=_utc(row[4]) or datetime.min.replace(tzinfo=UTC),
                delivered=_utc(row[5]),
                event_id=row[6],
            )
            for row in rows
        ]

    def case_rooms(self) -> dict[int, str | None]:
        return {row[0]: row[1] for row in self.query("SELECT id, room_id FROM cases")}


def messages_of(reminder: ReminderRow, outbox: list[OutboxRow]) -> list[OutboxRow]:
    """The messages a reminder sent: the ``send`` rows queued in the transaction that marked it
    sent (same timestamp) and about its case. The first is the reminder itself (for the deadline:
    the alert to LOT-C); a deadline also posts a copy in the case room."""
    if reminder.sent is None:
        return []
    number = re.compile(rf"\b{re.escape(reminder.case_number)}\b")
    return [
        row
        for row in outbox
        if row.kind == "send"
        and row.created == reminder.sent
        and (
            row.payload.get("case_id") == reminder.case_id
            or number.search(str(row.payload.get("body", ""))) is not None
        )
    ]


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


async def await_reminders(
    database: BotDatabase, options: Options, bot: asyncio.subprocess.Process
) -> None:
    """Until every reminder is due (plus a margin) and sent or cancelled, and delivered."""
    expected = options.cases * (len(REMINDERS_BEFORE) + 1)
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

    def settled() -> bool:
        outbox = database.outbox()
        for reminder in database.reminders():
            if reminder.cancelled is not None:
                continue
            sent = messages_of(reminder, outbox)
            if reminder.sent is None or not sent or any(m.event_id is None for m in sent):
                return False
        return True

    if not await poll(settled, SETTLE_TIMEOUT, bot, "signaalbot"):
        log.warning("some reminders were not delivered within %.0f s", SETTLE_TIMEOUT)


# -- the baseline bot (runs in its own process) ---------------------------------------------


@dataclass(frozen=True)
class BaselineConfig:
    homeserver: str
    user_id: str
    password: str
    room_id: str


async def run_baseline_bot(config: BaselineConfig) -> None:
    """Log in, join, sync in the background; read due times (epoch seconds, one JSON list on
    stdin) and send one ``m.notice`` at each from an AsyncIOScheduler DateTrigger job."""
    client = AsyncClient(
        config.homeserver,
        config.user_id,
        config=AsyncClientConfig(store_sync_tokens=False, request_timeout=60),
    )
    try:
        login = await client.login(config.password, device_name="bench-baseline")
        if isinstance(login, LoginError):
            raise RuntimeError(f"baseline bot login failed: {login.message}")
        first = await client.sync(timeout=0, full_state=True, sync_filter=SYNC_FILTER)
        if isinstance(first, SyncError):
            raise RuntimeError(f"baseline bot sync failed: {first.message}")
        joined = await client.join(config.room_id)
        if isinstance(joined, JoinError):
            raise RuntimeError(f"baseline bot could not join: {joined.message}")
        syncing = asyncio.create_task(_sync_forever(client, first.next_batch))
        emit({"ready": True})
        line = await asyncio.to_thread(sys.stdin.readline)
        dues: list[float] = json.loads(line)
        remaining = len(dues)
        finished = asyncio.Event()
        scheduler = AsyncIOScheduler(
            timezone=UTC,
            job_defaults={"misfire_grace_time": None, "coalesce": True, "max_instances": 1},
        )

        async def send(index: int, due: float) -> None:
            nonlocal remaining
            started = time.time()
            content = {"msgtype": "m.notice", "body": f"Herinnering {index}"}
            response = await client.room_send(config.room_id, "m.room.message", content)
            result: dict[str, Any] = {"index": index, "due": due, "started": started}
            if isinstance(response, RoomSendError):
                result["error"] = str(response.message)
            else:
                result["event_id"] = response.event_id
            emit(result)
            remaining -= 1
            if remaining == 0:
                finished.set()

        for index, due in enumerate(dues):
            run_date = datetime.fromtimestamp(due, UTC)
            scheduler.add_job(
                send, DateTrigger(run_date=run_date), args=[index, due], id=f"baseline-{index}"
            )
        scheduler.start()
        await finished.wait()
        emit({"done": True})
        await syncing  # like a bot that keeps running, until the bench stops the process
    finally:
        await client.close()


async def _sync_forever(client: AsyncClient, token: str) -> None:
    while True:
        response = await client.sync(timeout=30_000, since=token, sync_filter=SYNC_FILTER)
        if isinstance(response, SyncError):
            await asyncio.sleep(1)
            continue
        token = response.next_batch


def baseline_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog=f"python -m bench.reminders {BASELINE_COMMAND}")
    parser.add_argument("--homeserver", required=True)
    parser.add_argument("--user-id", required=True)
    parser.add_argument("--room", required=True)
    args = parser.parse_args(argv)
    password = os.environ.get(BASELINE_PASSWORD_ENV)
    if not password:
        parser.error(f"set {BASELINE_PASSWORD_ENV}")
    config = BaselineConfig(args.homeserver, args.user_id, password, args.room)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run_baseline_bot(config))
    return 0


@dataclass
class BaselineProcess:
    process: asyncio.subprocess.Process
    ready: asyncio.Event = field(default_factory=asyncio.Event)
    done: asyncio.Event = field(default_factory=asyncio.Event)
    sent: dict[int, dict[str, Any]] = field(default_factory=dict)
    repeated: list[int] = field(default_factory=list)

    async def read_output(self) -> None:
        assert self.process.stdout is not None
        async for raw in self.process.stdout:
            line: dict[str, Any] = json.loads(raw)
            if line.get("ready"):
                self.ready.set()
            elif line.get("done"):
                self.done.set()
            elif "index" in line:
                index = int(line["index"])
                if index in self.sent:
                    self.repeated.append(index)
                self.sent[index] = line

    async def schedule(self, dues: list[float]) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write((json.dumps(dues) + "\n").encode())
        await self.process.stdin.drain()


@asynccontextmanager
async def baseline_bot(
    homeserver: str, account: Account, room_id: str, log_path: Path
) -> AsyncIterator[BaselineProcess]:
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("SIGNAALBOT_")}
    env[BASELINE_PASSWORD_ENV] = account.password
    with log_path.open("wb") as output:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bench.reminders",
            BASELINE_COMMAND,
            "--homeserver",
            homeserver,
            "--user-id",
            account.user_id,
            "--room",
            room_id,
            cwd=REPO_ROOT,
            env=env,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=output,
        )
    baseline = BaselineProcess(process)
    reader = asyncio.create_task(baseline.read_output())
    try:
        await wait_until_ready(baseline.ready.wait(), process, log_path, "baseline bot")
        yield baseline
    finally:
        await stop_process(process)
        reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await reader


# -- measuring -------------------------------------------------------------------------------


@dataclass
class Measured:
    """Delays in ms after the due time, and what did not go as it should."""

    series: dict[str, list[float]] = field(default_factory=dict)
    reminders: list[dict[str, Any]] = field(default_factory=list)
    baseline: list[dict[str, Any]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    duplicated: list[str] = field(default_factory=list)
    late: list[str] = field(default_factory=list)
    setup: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def _ms(later: datetime, earlier: datetime) -> float:
    return (later - earlier).total_seconds() * 1000


def _epoch_ms(moment: datetime) -> float:
    return moment.timestamp() * 1000


async def measure_bot(
    database: BotDatabase,
    admin: AdminClient,
    platform_room: str,
    bot_id: str,
    options: Options,
    bot_log: Path,
    measured: Measured,
) -> list[ReminderRow]:
    reminders, outbox = database.reminders(), database.outbox()
    linked = {r.id: messages_of(r, outbox) for r in reminders}
    event_ids = [m.event_id for ms in linked.values() for m in ms if m.event_id]
    stamps = await admin.origin_ts_of(event_ids)
    commit: list[float] = []
    delivered: list[float] = []
    by_kind: defaultdict[str, list[float]] = defaultdict(list)
    for reminder in reminders:
        messages = linked[reminder.id]
        record: dict[str, Any] = {
            "reminder": reminder.id,
            "case": reminder.case_number,
            "kind": reminder.kind,
            "due": reminder.due.isoformat(),
            "commit_ms": None,
            "delivered_ms": None,
            "events": [
                {
                    "row": m.id,
                    "event_id": m.event_id,
                    "origin_server_ts": stamps.get(m.event_id or ""),
                }
                for m in messages
            ],
        }
        measured.reminders.append(record)
        if reminder.sent is None:
            why = "cancelled" if reminder.cancelled else "never sent"
            measured.missing.append(
                f"reminder {reminder.id} ({reminder.kind}, {reminder.case_number}): {why}"
            )
            continue
        record["commit_ms"] = round(_ms(reminder.sent, reminder.due), 2)
        commit.append(_ms(reminder.sent, reminder.due))
        first = messages[0] if messages else None
        if first is None or first.event_id is None:
            measured.missing.append(
                f"reminder {reminder.id} ({reminder.kind}, {reminder.case_number}): committed, "
                "never delivered"
            )
            continue
        delay = stamps[first.event_id] - _epoch_ms(reminder.due)
        record["delivered_ms"] = round(delay, 2)
        delivered.append(delay)
        by_kind[reminder.kind].append(delay)
        if delay > options.late_ms:
            measured.late.append(_explain_late(reminder, delay, first, outbox))
    measured.series[BOT_COMMIT] = commit
    measured.series[BOT_DELIVERED] = delivered
    measured.series[BOT_LADDER] = by_kind[LADDER]
    measured.series[BOT_DEADLINE] = by_kind[DEADLINE]
    await check_timelines(database, admin, reminders, platform_room, bot_id, measured)
    measured.setup = setup_lag(reminders, outbox)
    measured.warnings = log_warnings(bot_log)
    return reminders


async def check_timelines(
    database: BotDatabase,
    admin: AdminClient,
    reminders: list[ReminderRow],
    platform_room: str,
    bot_id: str,
    measured: Measured,
) -> None:
    """Count what actually arrived in the rooms: three ladder messages and one escalation copy
    per case room, one escalation per case in the platform room."""
    sent = Counter((r.case_number, r.kind) for r in reminders if r.sent is not None)
    numbers = {r.case_id: r.case_number for r in reminders}
    arrived: Counter[tuple[str, str, str]] = Counter()

    def bodies(events: list[dict[str, Any]]) -> list[str]:
        return [
            str((e.get("content") or {}).get("body", ""))
            for e in events
            if e.get("sender") == bot_id
            and e.get("type") == "m.room.message"
            and ((e.get("content") or {}).get("m.relates_to") or {}).get("rel_type") != "m.replace"
        ]

    for body in bodies(await admin.timeline(platform_room)):
        if ESCALATION_TEXT in body:
            arrived[(_number_in(body, numbers.values()), DEADLINE, "platform")] += 1
    for case_id, room_id in database.case_rooms().items():
        if room_id is None:
            continue
        number = numbers.get(case_id, "?")
        for body in bodies(await admin.timeline(room_id)):
            if LADDER_TEXT in body:
                arrived[(number, LADDER, "case room")] += 1
            elif ESCALATION_TEXT in body:
                arrived[(number, DEADLINE, "case room")] += 1
    for number in sorted(set(numbers.values())):
        for kind, where in ((LADDER, "case room"), (DEADLINE, "case room"), (DEADLINE, "platform")):
            got, want = arrived[(number, kind, where)], sent[(number, kind)]
            if got > want:
                measured.duplicated.append(
                    f"case {number}: {got} {kind} messages in the {where}, {want} sent"
                )
            elif got < want:
                measured.missing.append(
                    f"case {number}: {got} {kind} messages in the {where}, {want} sent"
                )


def _number_in(body: str, numbers: Iterable[str]) -> str:
    for number in numbers:
        if re.search(rf"\b{re.escape(number)}\b", body):
            return number
    return "?"


def setup_lag(reminders: list[ReminderRow], outbox: list[OutboxRow]) -> dict[str, Any]:
    """When opening the cases was over, compared with the first due time: the incident rooms
    (rooms lane) and everything queued before the first reminder (replies, edits, room intros).
    A reminder due while that backlog drains waits behind it, which is not the clock's doing."""
    if not reminders:
        return {}
    first_due = min(r.due for r in reminders)
    rooms = [r.delivered for r in outbox if r.kind == "open_room" and r.delivered is not None]
    backlog = [r for r in outbox if r.created < first_due]
    undelivered = sum(1 for r in backlog if r.delivered is None)
    drained = max((r.delivered for r in backlog if r.delivered is not None), default=None)
    return {
        "rooms_opened": len(rooms),
        "last_room_vs_first_due_ms": round(_ms(max(rooms), first_due), 1) if rooms else None,
        "setup_rows": len(backlog),
        "setup_rows_undelivered": undelivered,
        "setup_drained_vs_first_due_ms": round(_ms(drained, first_due), 1) if drained else None,
    }


def _explain_late(
    reminder: ReminderRow, delay: float, first: OutboxRow, outbox: list[OutboxRow]
) -> str:
    """Why a committed reminder reached the homeserver late: the older outbox rows still being
    delivered after it was committed (delivery keeps each room in order and shares its
    ``delivery.parallel`` slots between the lanes)."""
    assert reminder.sent is not None
    sent = reminder.sent
    ahead = Counter(
        f"{row.lane}/{row.kind}"
        for row in outbox
        if row.id != first.id
        and row.created < sent
        and (row.delivered is None or row.delivered > sent)
    )
    queued = ", ".join(f"{count} {what}" for what, count in sorted(ahead.items())) or "none"
    return (
        f"reminder {reminder.id} ({reminder.kind}, case {reminder.case_number}): delivered "
        f"{delay:.0f} ms after due, committed after {_ms(sent, reminder.due):.0f} ms; older "
        f"rows still undelivered at its commit: {queued}"
    )


def log_warnings(bot_log: Path, limit: int = 20) -> list[str]:
    """The bot's warnings and errors (first ``limit``), e.g. a reminder job that was skipped."""
    found = [
        line
        for line in bot_log.read_text("utf-8", errors="replace").splitlines()
        if " WARNING " in line or " ERROR " in line or " CRITICAL " in line
    ]
    return found[:limit] + ([f"... and {len(found) - limit} more"] if len(found) > limit else [])


async def measure_baseline(
    baseline: BaselineProcess, reminders: list[ReminderRow], admin: AdminClient, measured: Measured
) -> None:
    """The same number of reminders on the same pattern of due times, shifted to now."""
    if not reminders:
        return
    first = min(r.due for r in reminders)
    start = time.time() + BASELINE_LEAD
    dues = [start + (r.due - first).total_seconds() for r in reminders]
    await baseline.schedule(dues)
    try:
        await asyncio.wait_for(baseline.done.wait(), max(dues) - time.time() + SETTLE_TIMEOUT)
    except TimeoutError:
        log.warning("the baseline sent %d of %d", len(baseline.sent), len(dues))
    stamps = await admin.origin_ts_of(
        [line["event_id"] for line in baseline.sent.values() if "event_id" in line]
    )
    started: list[float] = []
    delivered: list[float] = []
    for index, due in enumerate(dues):
        line = baseline.sent.get(index)
        if line is None or "event_id" not in line:
            measured.missing.append(
                f"baseline {index}: {line.get('error') if line else 'not sent'}"
            )
            continue
        started.append((line["started"] - due) * 1000)
        delay = stamps[line["event_id"]] - due * 1000
        delivered.append(delay)
        measured.baseline.append(
            {"index": index, "started_ms": round(started[-1], 2), "delivered_ms": round(delay, 2)}
        )
    measured.duplicated += [f"baseline {index}: sent twice" for index in baseline.repeated]
    measured.series[BASELINE_STARTED] = started
    measured.series[BASELINE_DELIVERED] = delivered


# -- running everything ---------------------------------------------------------------------


async def run_bench(options: Options, workdir: Path) -> Measured:
    measured = Measured()
    async with local_synapse(workdir / "synapse") as synapse:
        accounts = await asyncio.to_thread(register_accounts, synapse)
        homeserver = synapse.base_url
        platform, baseline_room = await open_rooms(homeserver, accounts)
        sender_account = accounts.members[SENDER]
        sender = await MemberClient.login(
            homeserver, sender_account.user_id, sender_account.password, "bench-member"
        )
        database = BotDatabase(workdir / "bot" / "signaalbot.db")
        try:
            async with (
                AdminClient.login(homeserver, accounts.admin) as admin,
                baseline_bot(
                    homeserver, accounts.baseline, baseline_room, workdir / "baseline.log"
                ) as baseline,
            ):
                config = signaalbot_config(
                    homeserver,
                    accounts.bot,
                    platform,
                    member_settings(accounts.members),
                    workdir / "bot",
                    None,
                )
                config["window"] = options.window
                bot_log = workdir / "bot.log"
                async with signaalbot(config, workdir, sender) as bot:
                    bursts = await open_cases(sender, platform, options)
                    log.info("%d cases opened in %d bursts", options.cases, bursts)
                    await await_reminders(database, options, bot)
                # The bot has stopped: the baseline has the homeserver to itself, as it had.
                reminders = await measure_bot(
                    database, admin, platform, accounts.bot.user_id, options, bot_log, measured
                )
                log.info("baseline: %d notices on the same pattern of due times", len(reminders))
                await measure_baseline(baseline, reminders, admin, measured)
        finally:
            await sender.close()
    return measured


@dataclass(frozen=True)
class Row:
    label: str
    samples: list[float]

    def as_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "n": len(self.samples),
            "median_ms": round(percentile(self.samples, 0.5), 2),
            "p95_ms": round(percentile(self.samples, 0.95), 2),
            "worst_ms": round(max(self.samples, default=math.nan), 2),
            "samples_ms": [round(value, 2) for value in self.samples],
        }


ROW_ORDER = (
    BOT_COMMIT,
    BOT_DELIVERED,
    BOT_LADDER,
    BOT_DEADLINE,
    BASELINE_STARTED,
    BASELINE_DELIVERED,
)


def rows(measured: Measured) -> list[Row]:
    return [Row(label, measured.series.get(label, [])) for label in ROW_ORDER]


def format_report(options: Options, measured: Measured) -> str:
    table = rows(measured)
    width = max(len(row.label) for row in table)
    lines = [
        f"reminder punctuality: {options.cases} cases, window {options.window['repressive']} "
        f"with reminders {', '.join(REMINDERS_BEFORE)} before; delay after the due time",
        "",
        f"{'':<{width}}  {'n':>4}  {'median ms':>10}  {'p95 ms':>10}  {'worst ms':>10}",
    ]
    for row in table:
        median = percentile(row.samples, 0.5)
        p95 = percentile(row.samples, 0.95)
        worst = max(row.samples, default=math.nan)
        lines.append(
            f"{row.label:<{width}}  {len(row.samples):>4}  {median:>10.1f}  {p95:>10.1f}  "
            f"{worst:>10.1f}"
        )
    setup = measured.setup
    if setup:
        lines += [
            "",
            f"setup: {setup['rooms_opened']} incident rooms, the last one opened "
            f"{_relative(setup['last_room_vs_first_due_ms'])} the first due time; the "
            f"{setup['setup_rows']} outbox rows queued before it were all delivered "
            f"{_relative(setup['setup_drained_vs_first_due_ms'])} it"
            + (
                f" ({setup['setup_rows_undelivered']} never)"
                if setup["setup_rows_undelivered"]
                else ""
            ),
        ]
    for title, items in (
        ("missing", measured.missing),
        ("duplicated", measured.duplicated),
        (f"delivered later than {options.late_ms:.0f} ms", measured.late),
        ("bot log warnings and errors", measured.warnings),
    ):
        lines.append(f"{title}: {len(items) or 'none'}")
        lines += [f"  {item}" for item in items]
    return "\n".join(lines)


def _relative(ms: float | None) -> str:
    if ms is None:
        return "(unknown) relative to"
    return f"{abs(ms) / 1000:.1f} s {'after' if ms > 0 else 'before'}"


def report(options: Options, measured: Measured) -> dict[str, Any]:
    return {
        "cases": options.cases,
        "spread_s": options.spread,
        "window": options.window,
        "series": [row.as_dict() for row in rows(measured)],
        "setup": measured.setup,
        "missing": measured.missing,
        "duplicated": measured.duplicated,
        "late": measured.late,
        "bot_log_warnings": measured.warnings,
        "reminders": measured.reminders,
        "baseline": measured.baseline,
    }


def parse_args(argv: list[str] | None) -> Options:
    parser = argparse.ArgumentParser(prog="python -m bench.reminders", description=__doc__)
    parser.add_argument("--cases", type=int, default=70, help="cases to open (4 reminders each)")
    parser.add_argument("--spread", type=float, default=5.0, help="seconds to open them over")
    parser.add_argument(
        "--repressive",
        type=float,
        default=90.0,
        help="seconds from signal to deadline (the ladder is 30, 20 and 10 s before it); long "
        "enough for opening the cases to be over before the first reminder is due",
    )
    parser.add_argument(
        "--late-ms", type=float, default=1000.0, help="list reminders delivered later than this"
    )
    parser.add_argument("--json", type=Path, default=None, help="also write results here")
    parser.add_argument("--keep", action="store_true", help="keep the work dir (logs)")
    args = parser.parse_args(argv)
    if args.cases < 1 or args.spread < 0 or args.repressive <= 30:
        parser.error("--cases must be at least 1, --spread not negative, --repressive over 30")
    return Options(args.cases, args.spread, args.repressive, args.late_ms, args.json, args.keep)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == [BASELINE_COMMAND]:
        return baseline_main(argv[1:])
    options = parse_args(argv)
    quiet_logging("nio", "bot.demo.homeserver", "apscheduler")
    measured = run_in_workdir(
        "signaalbench-reminders-", options.keep_workdir, lambda workdir: run_bench(options, workdir)
    )
    print(format_report(options, measured))
    write_json(options.json_path, report(options, measured))
    return 0


if __name__ == "__main__":
    sys.exit(main())
