"""What a command's help says, as one value next to its family's texts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CommandHelp:
    """The Dutch name a member types, its aliases, and what `!help` shows about it."""

    name: str
    summary: str
    usage: str
    examples: tuple[str, ...] = ()
    details: str | None = None
    aliases: tuple[str, ...] = ()
