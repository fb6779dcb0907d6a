"""What a handler asks the bot to do in Matrix. Plain data: delivered later from the outbox."""

from __future__ import annotations

from dataclasses import dataclass

from commands.message import Message


@dataclass(frozen=True)
class Reply:
    """Answer the command, in its room (and thread)."""

    message: Message
    mentions: tuple[str, ...] = ()


@dataclass(frozen=True)
class PostInCaseRoom:
    """Tell a case's incident room something (sent as soon as the room exists)."""

    case_id: int
    message: Message
    mentions: tuple[str, ...] = ()


@dataclass(frozen=True)
class OpenIncidentRoom:
    """Create the case's incident room, invite its people, pin the summary, link it in the reply."""

    case_id: int


@dataclass(frozen=True)
class RefreshCard:
    """Edit the case's pinned status card in place to show its current state."""

    case_id: int


@dataclass(frozen=True)
class AlertLotC:
    """Raise the alarm where LOT-C reads it: its room, or the platform room."""

    message: Message
    mentions: tuple[str, ...] = ()


@dataclass(frozen=True)
class UpdateCaseRoom:
    """Bring the incident room in line with the case: invite these people, renew the topic."""

    case_id: int
    invite: tuple[str, ...] = ()


Effect = Reply | PostInCaseRoom | OpenIncidentRoom | RefreshCard | AlertLotC | UpdateCaseRoom
