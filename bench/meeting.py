"""How fast signaalbot convenes a meeting, against a bare notice and .ics upload, on one Synapse.

    python -m bench.meeting [--samples 30] [--warmup 5] [--json results.json] [--keep]

The LOT-C member sends ``!overleg bench <i>`` in the platform room: a meeting LOT-C asks for is
convened at once, so one command brings the invitation and its .ics file. The baseline is the
echo bot's ``!upload``: one notice, then an uploaded text/calendar file shared as ``m.file``.
See bench/README.md ("Meeting convening") for what is measured.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.echo_bot import UPLOAD_PREFIX
from bench.entry import (
    SampleOptions,
    latency_main,
    latency_results,
    parse_samples,
    sample_arguments,
    sample_fields,
)
from bench.processes import both_bots
from bench.sampling import SAMPLE_TIMEOUT, elapsed_ms, rounds, send_command, server_gap_ms
from bench.stats import Ratio, Summary
from bench.world import LEADER, World, build_world, local_synapse
from bot.demo.member import EventPredicate, MemberClient

# No reminder before a meeting that starts now; LOT-C convenes, so lotc_confirm_timeout never runs out.
MEETING_SETTINGS = {"reminder_before": "1m"}
CONFIRMED = re.compile(r"Bevestigd: overleg (\d+)\b")

BASE_NOTICE = "baseline notice"
BASE_FILE = "baseline .ics"
INVITATION = "(c) signaalbot invitation"
ICS = "(d) signaalbot .ics"
BASE_NOTICE_SERVER = "baseline notice, server ts"
BASE_FILE_SERVER = "baseline .ics, server ts"
INVITATION_SERVER = "(c) invitation, server ts"
ICS_SERVER = "(d) .ics, server ts"


@dataclass(frozen=True)
class Timing:
    """From the command to the notice and to the file: seen in sync, and by server timestamps."""

    notice_ms: float
    file_ms: float
    notice_server_ms: float
    file_server_ms: float


@dataclass
class Series:
    """One path's samples, in the order of the rounds."""

    timings: list[Timing] = field(default_factory=list)

    def summaries(self, labels: tuple[str, str, str, str]) -> list[Summary]:
        columns = zip(
            *((t.notice_ms, t.file_ms, t.notice_server_ms, t.file_server_ms) for t in self.timings),
            strict=True,
        )
        return [Summary(label, list(values)) for label, values in zip(labels, columns, strict=True)]


# -- one sample of each path ------------------------------------------------------------------


def _message(
    room_id: str, sender: str, msgtype: str, body_matches: Callable[[str], bool]
) -> EventPredicate:
    def predicate(rid: str, source: dict[str, Any]) -> bool:
        content = source.get("content") or {}
        return (
            rid == room_id
            and source.get("sender") == sender
            and content.get("msgtype") == msgtype
            and body_matches(str(content.get("body", "")))
        )

    return predicate


async def _notice_then_file(
    member: MemberClient,
    room_id: str,
    sender: str,
    command_id: str,
    started: float,
    notice_matches: Callable[[str], bool],
    file_name: str,
) -> Timing:
    """Wait for `sender`'s notice, then for its ``m.file`` called `file_name`."""
    notice = await member.wait_for_event(
        _message(room_id, sender, "m.notice", notice_matches), SAMPLE_TIMEOUT
    )
    notice_ms = elapsed_ms(started)
    shared = await member.wait_for_event(
        _message(room_id, sender, "m.file", lambda body: body == file_name), SAMPLE_TIMEOUT
    )
    file_ms = elapsed_ms(started)
    return Timing(
        notice_ms,
        file_ms,
        server_gap_ms(member, room_id, command_id, notice),
        server_gap_ms(member, room_id, command_id, shared),
    )


async def baseline_sample(world: World, name: str) -> Timing:
    started, event_id = await send_command(world.sender, world.echo_room, UPLOAD_PREFIX + name)
    return await _notice_then_file(
        world.sender,
        world.echo_room,
        world.echo.user_id,
        event_id,
        started,
        lambda body: body == name,
        f"{name}.ics",
    )


async def meeting_sample(world: World, topic: str) -> Timing:
    """The meeting's number comes from the bot's reply, which it sends before the invitation."""
    member = world.sender
    room_id = world.platform_room
    started, event_id = await send_command(member, room_id, f"!overleg {topic}")
    reply = await member.wait_for_reply(room_id, event_id, SAMPLE_TIMEOUT)
    confirmed = CONFIRMED.search(str((reply.get("content") or {}).get("body", "")))
    if confirmed is None:
        raise RuntimeError(f"signaalbot did not convene: {reply.get('content')}")
    number = confirmed[1]
    header = f"Uitnodiging: overleg {number}"
    return await _notice_then_file(
        member,
        room_id,
        world.signaalbot.user_id,
        event_id,
        started,
        lambda body: body.split("\n", 1)[0] == header,
        f"overleg-{number}.ics",
    )


async def measure(world: World, options: SampleOptions) -> tuple[Series, Series]:
    """Baseline and bot samples by turns, so a homeserver that slows down hurts both alike."""
    baseline, bot = Series(), Series()
    for tag, warm in rounds(options.warmup, options.samples):
        base = await baseline_sample(world, f"upload {tag}")
        convened = await meeting_sample(world, f"bench {tag}")
        if warm:
            continue
        baseline.timings.append(base)
        bot.timings.append(convened)
        logging.info(
            "sample %s: baseline %.0f/%.0f, invitation %.0f, .ics %.0f ms",
            tag,
            base.notice_ms,
            base.file_ms,
            convened.notice_ms,
            convened.file_ms,
        )
    return baseline, bot


# -- running everything -------------------------------------------------------------------------


async def run_bench(options: SampleOptions, workdir: Path) -> tuple[list[Summary], list[Ratio]]:
    async with local_synapse(workdir / "synapse", options.synapse_database_url) as synapse:
        world = await build_world(synapse, None, sender_localpart=LEADER)
        try:
            async with both_bots(world, workdir, meetings=MEETING_SETTINGS):
                baseline, convened = await measure(world, options)
        finally:
            await world.sender.close()
    return summarise(baseline, convened)


def summarise(baseline: Series, convened: Series) -> tuple[list[Summary], list[Ratio]]:
    base_notice, base_file, base_notice_server, base_file_server = baseline.summaries(
        (BASE_NOTICE, BASE_FILE, BASE_NOTICE_SERVER, BASE_FILE_SERVER)
    )
    invitation, ics, invitation_server, ics_server = convened.summaries(
        (INVITATION, ICS, INVITATION_SERVER, ICS_SERVER)
    )
    summaries = [
        base_notice,
        base_file,
        invitation,
        ics,
        base_notice_server,
        base_file_server,
        invitation_server,
        ics_server,
    ]
    ratios = [
        Ratio("(c) / baseline notice", invitation, base_notice),
        Ratio("(d) / baseline .ics", ics, base_file),
    ]
    return summaries, ratios


def title(options: SampleOptions) -> str:
    return (
        f"signaalbot convening a meeting vs echo bot notice + .ics: unencrypted rooms, sqlite, "
        f"{options.samples} samples after {options.warmup} warmup rounds"
    )


def report(options: SampleOptions, summaries: list[Summary], ratios: list[Ratio]) -> dict[str, Any]:
    return latency_results(options, "sqlite", False, summaries, ratios)


def parse_args(argv: list[str] | None) -> SampleOptions:
    parser = argparse.ArgumentParser(prog="python -m bench.meeting", description=__doc__)
    sample_arguments(parser)
    args = parse_samples(parser, argv)
    return SampleOptions(**sample_fields(args))


def main(argv: list[str] | None = None) -> int:
    return latency_main("signaalbench-meeting-", parse_args(argv), run_bench, title, report)


if __name__ == "__main__":
    sys.exit(main())
