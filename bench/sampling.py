"""Taking one latency sample: a command from the member, timed until the member sees the answer.

Samples never overlap: each starts after a short pause and a catch-up sync of the member.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Iterator
from typing import Any

from bot.demo.member import MemberClient

SAMPLE_TIMEOUT = 30.0
PAUSE_BETWEEN_SAMPLES = 0.2


def rounds(warmup: int, samples: int) -> Iterator[tuple[str, bool]]:
    """Each round's tag (``warmup <n>`` or the sample number) and whether it is a warmup."""
    for round_no in range(warmup + samples):
        warm = round_no < warmup
        yield (f"warmup {round_no}" if warm else f"{round_no - warmup}"), warm


def elapsed_ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


async def settle(member: MemberClient) -> None:
    """Let the bots go back to waiting, and take in whatever the member has not seen yet."""
    await asyncio.sleep(PAUSE_BETWEEN_SAMPLES)
    await member.sync_once(0.001)


async def send_command(member: MemberClient, room_id: str, body: str) -> tuple[float, str]:
    """Settle, then send `body`: the clock (``perf_counter``) at sending, and the event id."""
    await settle(member)
    started = time.perf_counter()
    return started, await member.send_text(room_id, body)


def server_gap_ms(
    member: MemberClient, room_id: str, event_id: str, reply: dict[str, Any]
) -> float:
    """Reply time minus command time, both as stamped by the homeserver: the bot's own share."""
    for source in member.events_in(room_id):
        if source.get("event_id") == event_id:
            return float(reply["origin_server_ts"] - source["origin_server_ts"])
    return math.nan
