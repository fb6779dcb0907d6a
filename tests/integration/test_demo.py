"""`signaalbot demo` as a newcomer uses it: start, log in as a demo account, send a signal."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.demo.member import MemberClient
from tests.integration.platform import REPO

pytestmark = pytest.mark.integration


def wait_for_file(path: Path, process: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    """The demo writes accounts.json once the bot is in the platform room."""
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert process.poll() is None, "the demo stopped early"
        assert time.monotonic() < deadline, f"no {path.name} after {timeout} s"
        time.sleep(0.2)


async def test_demo_accounts_can_signal_and_are_invited(tmp_path: Path) -> None:
    data = tmp_path / "demo"
    log = (tmp_path / "demo.log").open("wb")
    demo = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "demo", "--data-dir", str(data)],
        cwd=REPO,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "SIGNAALBOT_WINDOW__REPRESSIVE": "10m"},
    )
    try:
        wait_for_file(data / "accounts.json", demo)
        accounts = json.loads((data / "accounts.json").read_text())
        assert oct((data / "accounts.json").stat().st_mode & 0o777) == "0o600"
        entities = sorted((a["entity"], a["region"]) for a in accounts["accounts"])
        assert entities == [
            ("GGD", "VR06"),
            ("ISZW", None),
            ("LOT-C", None),
            ("NVWA", None),
            ("RIVM", None),
            ("VR", "VR06"),
        ]
        vr = next(a for a in accounts["accounts"] if a["entity"] == "VR")
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
    finally:
        demo.send_signal(signal.SIGINT)
        assert demo.wait(20) == 0
        log.close()
    assert "Synapse stopped" in (tmp_path / "demo.log").read_text()
