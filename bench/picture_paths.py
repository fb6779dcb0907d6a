"""The samples `python -m bench.picture` and `python -m bench.scale` take each round: the echo
bot's reply, then each command under test in turn, whose answer is a text reply and maybe charts
(``!beeld``), or text alone (``!risico``, ``!zaken``)."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bench.latency_paths import echo_sample
from bench.sampling import elapsed_ms, rounds, send_command, server_gap_ms, settle
from bench.world import World
from bot.demo.member import MemberClient


@dataclass(frozen=True)
class Answer:
    """From the command to its text reply and to the first chart (None without charts): seen
    in the member's sync, and by server timestamps."""

    reply_ms: float
    reply_server_ms: float
    chart_ms: float | None = None
    chart_server_ms: float | None = None


@dataclass(frozen=True)
class Asked:
    """One command under test: its text, the charts it answers with, and of which msgtype."""

    body: str
    charts: int = 0
    chart_msgtype: str = "m.image"


@dataclass
class Charts:
    """The bot's charts in the platform room that some sample has waited for, so the next
    sample tells its own from any a previous answer sent beyond those expected."""

    counted: set[str] = field(default_factory=set)

    def catch_up(self, member: MemberClient, room_id: str, bot_id: str, msgtype: str) -> int:
        """Count every chart seen so far; how many no sample waited for."""
        seen = {
            str(source["event_id"])
            for source in member.events_in(room_id)
            if is_chart(source, bot_id, msgtype)
        }
        extra = seen - self.counted
        self.counted |= extra
        return len(extra)


def is_chart(source: dict[str, Any], bot_id: str, msgtype: str) -> bool:
    content = source.get("content") or {}
    return source.get("sender") == bot_id and content.get("msgtype") == msgtype


@dataclass
class AnswerWatch:
    """A predicate for `MemberClient.wait_for_event` that notes when each part of the answer
    shows up in the member's sync, whatever their order, and holds until all have."""

    room_id: str
    bot_id: str
    command_id: str
    asked: Asked
    charts: Charts
    started: float
    reply: tuple[dict[str, Any], float] | None = None
    found: list[tuple[dict[str, Any], float]] = field(default_factory=list)

    def __call__(self, room_id: str, source: dict[str, Any]) -> bool:
        if room_id == self.room_id:
            self._note(source)
        return self.reply is not None and len(self.found) >= self.asked.charts

    def _note(self, source: dict[str, Any]) -> None:
        relates = (source.get("content") or {}).get("m.relates_to") or {}
        if (relates.get("m.in_reply_to") or {}).get("event_id") == self.command_id:
            self.reply = self.reply or (source, elapsed_ms(self.started))
        elif self._new_chart(source):
            self.charts.counted.add(source["event_id"])
            self.found.append((source, elapsed_ms(self.started)))

    def _new_chart(self, source: dict[str, Any]) -> bool:
        return (
            self.asked.charts > 0
            and is_chart(source, self.bot_id, self.asked.chart_msgtype)
            and source["event_id"] not in self.charts.counted
        )


async def answer_sample(world: World, asked: Asked, charts: Charts, timeout: float) -> Answer:
    """Send `asked` in the platform room; wait for its reply and all its charts."""
    member, room_id, bot_id = world.sender, world.platform_room, world.signaalbot.user_id
    await settle(member)
    extra = charts.catch_up(member, room_id, bot_id, asked.chart_msgtype)
    if extra:
        logging.warning("%d chart(s) came that no sample waited for (more than --images?)", extra)
    started, command_id = await send_command(member, room_id, asked.body)
    watch = AnswerWatch(room_id, bot_id, command_id, asked, charts, started)
    await member.wait_for_event(watch, timeout)
    assert watch.reply is not None
    reply, reply_ms = watch.reply
    answer = Answer(reply_ms, server_gap_ms(member, room_id, command_id, reply))
    if not watch.found:
        return answer
    chart, chart_ms = watch.found[0]
    return Answer(
        answer.reply_ms,
        answer.reply_server_ms,
        chart_ms,
        server_gap_ms(member, room_id, command_id, chart),
    )


@dataclass
class Series:
    """Every path's samples, in the order of the rounds: `answers[i]` are those of the i-th
    command asked."""

    echo: list[tuple[float, float]] = field(default_factory=list)
    answers: list[list[Answer]] = field(default_factory=list)


def _logged(
    tag: str, seconds: float, echo: float, asked: Sequence[Asked], got: list[Answer]
) -> str:
    parts = [
        f"{one.body} {answer.reply_ms:.0f}"
        + ("" if answer.chart_ms is None else f" (chart {answer.chart_ms:.0f})")
        for one, answer in zip(asked, got, strict=True)
    ]
    return f"round {tag} ({seconds:.1f} s): echo {echo:.0f}, " + ", ".join(parts) + " ms"


async def measure(
    world: World,
    asked: Sequence[Asked],
    rounds_of: tuple[int, int],
    timeout: float,
    *,
    rotate: bool = False,
) -> Series:
    """The echo reply and each command by turns (`rounds_of`: warmup, samples), so a
    homeserver or a database that slows down hurts all of them alike. With `rotate` each
    round starts one command further, so none always comes right after the echo."""
    series, charts = Series(answers=[[] for _ in asked]), Charts()
    for number, (tag, warm) in enumerate(rounds(*rounds_of)):
        started = time.perf_counter()
        echo = await echo_sample(world, tag)
        first = number % len(asked) if rotate else 0
        order = [*range(first, len(asked)), *range(first)]
        got: dict[int, Answer] = {}
        for index in order:
            got[index] = await answer_sample(world, asked[index], charts, timeout)
        answers = [got[index] for index in range(len(asked))]
        logging.info("%s", _logged(tag, time.perf_counter() - started, echo[0], asked, answers))
        if not warm:
            series.echo.append(echo)
            for samples, answer in zip(series.answers, answers, strict=True):
                samples.append(answer)
    return series
