"""What a command's help says, as one value next to its family's texts."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class HelpGroup(StrEnum):
    """What a member is doing with a command; `!help` lists the commands by it, in this order.
    The headings are in `texts.core.HELP_GROUPS`."""

    SIGNAL = "signal"
    CASE = "case"
    MEETING = "meeting"
    FOLLOW_UP = "follow_up"
    CYCLE = "cycle"
    PICTURE = "picture"
    NETWORK = "network"
    OTHER = "other"


@dataclass(frozen=True)
class CommandHelp:
    """The Dutch name a member types, its aliases, and what `!help` shows about it."""

    name: str
    summary: str
    usage: str
    examples: tuple[str, ...] = ()
    details: str | None = None
    aliases: tuple[str, ...] = ()
    group: HelpGroup = HelpGroup.OTHER
