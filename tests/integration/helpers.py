"""Shared by the integration tests: waiting for events, sending commands, reading state."""

from __future__ import annotations

import asyncio

from nio import DownloadError
from nio.crypto.attachments import decrypt_attachment

from bot.demo.member import HarnessError, MemberClient
from tests.integration.platform import Platform

WAIT = 20.0


def named(fragment: str):
    def predicate(_room_id: str, state: list[dict]) -> bool:
        return any(
            e.get("type") == "m.room.name" and fragment in e.get("content", {}).get("name", "")
            for e in state
        )

    return predicate


async def command(client: MemberClient, room_id: str, body: str) -> tuple[str, dict]:
    event_id = await client.send_text(room_id, body)
    return event_id, await client.wait_for_reply(room_id, event_id, WAIT)


async def state_of(client: MemberClient, room_id: str, event_type: str) -> dict:
    """The content of a state event, waiting for it a little (the bot may set it just now)."""
    for _ in range(int(WAIT * 10)):
        response = await client.client.room_get_state_event(room_id, event_type)
        if hasattr(response, "content"):
            return response.content
        await asyncio.sleep(0.1)
    raise HarnessError(f"no {event_type} in {room_id}")


async def download(client: MemberClient, event: dict) -> bytes:
    """A shared file's bytes; in an encrypted room the file is encrypted too."""
    content = event["content"]
    encrypted = content.get("file")
    response = await client.client.download(encrypted["url"] if encrypted else content["url"])
    assert not isinstance(response, DownloadError), response
    data = response.body
    if encrypted:
        assert "url" not in content
        key, iv = encrypted["key"]["k"], encrypted["iv"]
        data = decrypt_attachment(data, key, encrypted["hashes"]["sha256"], iv)
    return data


def body_of(event: dict) -> str:
    return event["content"].get("body", "")


async def signal_while_the_bot_is_down(platform: Platform) -> tuple[MemberClient, dict]:
    """ISZW sends a signal while the bot is stopped; returns ISZW and the reply once it is back."""
    iszw = platform.clients["iszw"]
    await command(iszw, platform.room_id, "!help")
    platform.bot.kill()
    event_id = await iszw.send_text(platform.room_id, "!signaal Terwijl de bot uit stond")
    platform.bot.start()
    return iszw, await iszw.wait_for_reply(platform.room_id, event_id, WAIT)
