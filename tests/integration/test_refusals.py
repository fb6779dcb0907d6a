"""A refused delivery never blocks a room: on a real Synapse, with the bot as a process."""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from nio import RoomPutStateError

from bot.demo.homeserver import LocalSynapse
from bot.demo.member import HarnessError
from tests.integration.helpers import WAIT, command, state_of
from tests.integration.platform import REPO, Platform, open_platform

pytestmark = pytest.mark.integration

POWER_LEVELS = "m.room.power_levels"


@pytest.fixture
async def plain(synapse: LocalSynapse, tmp_path: Path) -> AsyncIterator[Platform]:
    opened = await open_platform(synapse, tmp_path)
    yield opened
    await opened.close()


async def test_an_oversized_unknown_command_gets_a_short_refusal_and_help_is_answered_at_once(
    platform: Platform,
) -> None:
    iszw, room = platform.clients["iszw"], platform.room_id
    _, refusal = await command(iszw, room, "!" + "&" * 12_000)
    content = refusal["content"]
    assert "Uw bericht is te lang (12001 tekens; maximaal 4000)." in content["body"]
    assert len(content["body"]) + len(content["formatted_body"]) < 500

    asked = time.monotonic()
    _, answer = await command(iszw, room, "!help")
    assert "Commando's van signaalbot" in answer["content"]["body"]
    assert time.monotonic() - asked < 5.0
    assert "M_TOO_LARGE" not in platform.bot.output()
    assert "set aside" not in platform.bot.output()


async def an_answer_set_aside(plain: Platform) -> tuple[dict, str, tuple[int, int]]:
    """ISZW asks while the bot may not send: the power levels as they were, the command's event,
    and the rows of the answer and of the notice about it, both set aside."""
    levels = await forbid_the_bot_to_send(plain)
    asked = await plain.clients["iszw"].send_text(plain.room_id, "!zaken")
    return levels, asked, await set_aside(plain)


async def test_an_answer_the_homeserver_forbids_is_set_aside_and_the_room_moves_on(
    plain: Platform,
) -> None:
    iszw, room = plain.clients["iszw"], plain.room_id
    levels, asked, (answer_id, notice_id) = await an_answer_set_aside(plain)

    output = plain.bot.output()
    for row_id in (answer_id, notice_id):  # logged once, and not retried
        assert output.count(f"outbox {row_id} (send) in {room} set aside: M_FORBIDDEN") == 1
        assert f"outbox {row_id} (send) failed" not in output
    listed = await signaalbot(plain, "outbox", "failed")
    assert [line.split()[0] for line in listed.splitlines()[1:]] == [str(answer_id), str(notice_id)]
    assert all("M_FORBIDDEN" in line for line in listed.splitlines()[1:])

    await put_power_levels(plain, levels)
    answered = time.monotonic()
    _, help_ = await command(iszw, room, "!help")
    assert "Commando's van signaalbot" in help_["content"]["body"]
    assert time.monotonic() - answered < 5.0
    assert replies_to(plain, asked) == []


async def test_after_a_restart_a_failed_answer_waits_until_an_operator_retries_it(
    plain: Platform,
) -> None:
    iszw, room = plain.clients["iszw"], plain.room_id
    levels, asked, (answer_id, _) = await an_answer_set_aside(plain)
    await put_power_levels(plain, levels)

    plain.bot.kill()
    plain.bot.start()
    # A pending row would go out before this answer: a room's messages keep their order.
    await command(iszw, room, "!help")
    assert replies_to(plain, asked) == []
    assert plain.query("SELECT failure, attempts FROM outbox WHERE id = ?", answer_id) == [
        ("M_FORBIDDEN", 0)
    ]

    assert "pending again" in await signaalbot(plain, "outbox", "retry", str(answer_id))
    answer = await iszw.wait_for_reply(room, asked, WAIT)  # the running bot finds it
    assert "Er zijn geen open zaken." in answer["content"]["body"]
    assert plain.query("SELECT failed_at IS NULL FROM outbox WHERE id = ?", answer_id) == [(1,)]


async def forbid_the_bot_to_send(platform: Platform) -> dict[str, Any]:
    """Only the members may send in the platform room; returns the power levels before."""
    levels = await state_of(platform.clients["lotc"], platform.room_id, POWER_LEVELS)
    members = {client.user_id: 50 for name, client in platform.clients.items() if name != "lotc"}
    users = {**levels.get("users", {}), **members}
    await put_power_levels(platform, {**levels, "events_default": 50, "users": users})
    return levels


async def put_power_levels(platform: Platform, levels: dict[str, Any]) -> None:
    lotc = platform.clients["lotc"].client
    response = await lotc.room_put_state(platform.room_id, POWER_LEVELS, levels)
    assert not isinstance(response, RoomPutStateError), response


async def set_aside(platform: Platform) -> tuple[int, int]:
    """The ids of the refused answer and of the notice about it, refused in turn."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        rows = platform.query("SELECT id, payload FROM outbox WHERE failed_at IS NOT NULL")
        if len(rows) == 2:
            (answer_id, _), (notice_id, notice) = sorted(rows)
            assert json.loads(notice)["refusal_of"] == answer_id
            return answer_id, notice_id
        await asyncio.sleep(0.2)
    raise HarnessError(f"not set aside: {platform.query('SELECT id, failure FROM outbox')}")


def replies_to(platform: Platform, event_id: str) -> list[dict[str, Any]]:
    return [
        event
        for event in platform.clients["iszw"].events_in(platform.room_id)
        if event["content"].get("m.relates_to", {}).get("m.in_reply_to", {}).get("event_id")
        == event_id
    ]


async def signaalbot(platform: Platform, *args: str) -> str:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        *args,
        "--config",
        str(platform.bot.config),
        cwd=REPO,
        stdout=asyncio.subprocess.PIPE,
    )
    out, _ = await process.communicate()
    assert process.returncode == 0
    return out.decode()
