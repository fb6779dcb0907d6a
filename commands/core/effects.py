"""What a handler asks the bot to do in Matrix. Plain data: delivered later from the outbox."""

from __future__ import annotations

from dataclasses import dataclass

from commands.core.message import Message


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


@dataclass(frozen=True)
class PostInRoom:
    """Say something in a room the bot is in; `pin` adds it to the room's pinned messages.

    `invitation_of` marks a meeting's invitation: its answers are counted from reactions on it.
    """

    room_id: str
    message: Message
    mentions: tuple[str, ...] = ()
    pin: bool = False
    invitation_of: int | None = None


@dataclass(frozen=True)
class UploadFile:
    """Share a small text file (an .ics invitation, Markdown minutes) in a room."""

    room_id: str
    filename: str
    mimetype: str
    content: str


@dataclass(frozen=True)
class RefreshInvitation:
    """Edit a meeting's invitation in place to show who comes, as answered so far."""

    meeting_id: int
    room_id: str


Effect = (
    Reply
    | PostInCaseRoom
    | OpenIncidentRoom
    | RefreshCard
    | AlertLotC
    | UpdateCaseRoom
    | PostInRoom
    | UploadFile
    | RefreshInvitation
)
