"""`signaalbot demo` as a newcomer uses it: start, log in as a demo account, send a signal."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from nio import AsyncClient, RoomPutStateError

from bot.demo.member import MemberClient
from bot.demo.run import POWER_LEVELS, ensure_platform_room
from bot.matrix.room_media import PINNED
from tests.integration.helpers import WAIT, body_of, command, state_of
from tests.integration.platform import REPO

pytestmark = pytest.mark.integration


def wait_for_file(path: Path, process: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    """The demo writes accounts.json once the bot is in the platform room."""
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert process.poll() is None, "the demo stopped early"
        assert time.monotonic() < deadline, f"no {path.name} after {timeout} s"
        time.sleep(0.2)


@dataclass
class Demo:
    data: Path
    accounts: dict[str, Any]

    def account(self, entity: str) -> dict[str, Any]:
        return next(a for a in self.accounts["accounts"] if a["entity"] == entity)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """One demo for the tests of this module; it must stop cleanly on Ctrl-C."""
    directory = tmp_path_factory.mktemp("demo")
    data, log_path = directory / "demo", directory / "demo.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "demo", "--data-dir", str(data)],
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "SIGNAALBOT_WINDOW__REPRESSIVE": "10m"},
        )
        try:
            wait_for_file(data / "accounts.json", process)
            yield Demo(data, json.loads((data / "accounts.json").read_text()))
        finally:
            process.send_signal(signal.SIGINT)
            exit_code = process.wait(20)
    assert exit_code == 0
    assert "Synapse stopped" in log_path.read_text()


async def test_demo_accounts_can_signal_and_are_invited(demo: Demo, tmp_path: Path) -> None:
    accounts = demo.accounts
    assert oct((demo.data / "accounts.json").stat().st_mode & 0o777) == "0o600"
    entities = sorted((a["entity"], a["region"]) for a in accounts["accounts"])
    assert entities == [
        ("GGD", "VR06"),
        ("ISZW", None),
        ("LOT-C", None),
        ("NVWA", None),
        ("RIVM", None),
        ("VR", "VR06"),
    ]
    vr = demo.account("VR")
    member = await MemberClient.login(  # with encryption: the demo's room is encrypted
        accounts["homeserver"], vr["user_id"], vr["password"], store_dir=tmp_path / "keys"
    )
    try:
        room = accounts["platform_room"]
        event_id = await member.send_text(room, "!signaal Slachterij De Vries, Groenlo")
        reply = await member.wait_for_reply(room, event_id, 20.0)
        assert "geopend: Slachterij De Vries, Groenlo" in reply["content"]["body"]
        assert reply["event_id"] in member.decrypted
        assert "(nog 9 minuten" in reply["content"]["body"]  # the override reached the demo
        invited = await member.wait_for_invite(
            lambda _r, state: any("Slachterij De Vries" in str(e) for e in state), 20.0
        )
        assert invited.startswith("!")
    finally:
        await member.close()


async def test_a_meeting_in_the_demo_platform_room_is_pinned(demo: Demo, tmp_path: Path) -> None:
    """As the biweekly invitation is: LOT-C asks, so the meeting is convened at once."""
    lotc = demo.account("LOT-C")
    member = await MemberClient.login(
        demo.accounts["homeserver"], lotc["user_id"], lotc["password"], store_dir=tmp_path / "keys"
    )
    try:
        room = demo.accounts["platform_room"]
        _, reply = await command(member, room, "!overleg over 2 uur afstemming")
        assert "Bevestigd: overleg" in body_of(reply)
        invitation = await member.wait_for_event(
            lambda r, e: r == room and body_of(e).startswith("Uitnodiging: overleg"), WAIT
        )
        pinned = await state_of(member, room, PINNED)  # the pin follows the invitation
        for _ in range(50):
            if invitation["event_id"] in pinned["pinned"]:
                break
            await asyncio.sleep(0.1)
            pinned = await state_of(member, room, PINNED)
        assert invitation["event_id"] in pinned["pinned"]
    finally:
        await member.close()


async def test_a_platform_room_of_an_earlier_run_gets_the_power_to_pin(demo: Demo) -> None:
    """The room of a demo-data directory made before the bot could pin, run again."""
    accounts, room = demo.accounts, demo.accounts["platform_room"]
    bot_id = accounts["bot"]["user_id"]
    lotc = demo.account("LOT-C")
    leader = AsyncClient(accounts["homeserver"], lotc["user_id"])
    await leader.login(lotc["password"])
    try:
        levels = (await leader.room_get_state_event(room, POWER_LEVELS)).content
        assert levels["users"][bot_id] == 50  # moderator: what m.room.pinned_events needs
        taken = {**levels, "users": {**levels["users"], bot_id: 0}}
        assert not isinstance(
            await leader.room_put_state(room, POWER_LEVELS, taken), RoomPutStateError
        )
        assert await ensure_platform_room(accounts, encrypted=True) == room  # what a rerun does
        levels = (await leader.room_get_state_event(room, POWER_LEVELS)).content
        assert levels["users"][bot_id] == 50
    finally:
        await leader.close()
