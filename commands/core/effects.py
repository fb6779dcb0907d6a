"""What a handler asks the bot to do in Matrix. Plain data: delivered later from the outbox."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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
    """Create the case's incident room, invite its people, pin the summary, link it in the reply.

    `answer` is the reply without its last line (which says the room is coming): once the room
    exists, the reply is edited to `answer` followed by the room's link.
    """

    case_id: int
    answer: Message | None = None


@dataclass(frozen=True)
class Live:
    """A message the bot keeps current by editing it: its kind (a family's code, e.g. the status
    card) and its subject (the id of what it shows, e.g. the case)."""

    kind: str
    subject: int


@dataclass(frozen=True)
class RefreshLive:
    """Edit a live message in place to show its subject as it is when the edit goes out."""

    kind: str
    subject: int


@dataclass(frozen=True)
class AlertLotC:
    """Raise the alarm where LOT-C reads it: its room, or the platform room."""

    message: Message
    mentions: tuple[str, ...] = ()


@dataclass(frozen=True)
class UpdateCaseRoom:
    """Bring the incident room in line with the case: invite these people (those invited
    before are not asked again), take out those in `remove` (they left the directory), renew
    the topic, and with `rename` the room's name (after a corrected title)."""

    case_id: int
    invite: tuple[str, ...] = ()
    rename: bool = False
    remove: tuple[str, ...] = ()


@dataclass(frozen=True)
class PostInRoom:
    """Say something in a room the bot is in; `pin` adds it to the room's pinned messages.

    `live`: once sent, the message is that live message (RefreshLive edits it; reactions on an
    invitation are found through it).
    """

    room_id: str
    message: Message
    mentions: tuple[str, ...] = ()
    pin: bool = False
    live: Live | None = None


@dataclass(frozen=True)
class ImageInfo:
    """What makes an upload an image: its size, and the text shown where the image is not
    (screen readers, clients without images, notifications)."""

    width: int
    height: int
    description: str


@dataclass(frozen=True)
class UploadFile:
    """Share a file in a room: an .ics invitation, minutes, an export, a chart, a PDF."""

    room_id: str
    filename: str
    mimetype: str
    data: bytes
    image: ImageInfo | None = None  # posted as m.image with this text, not as m.file


@dataclass(frozen=True)
class RenderFile:
    """A file made when it goes out, by its family's renderer (a family's FILES), off the event
    loop: a chart, a workbook or a PDF never holds up the command's transaction.

    `spec` is plain JSON naming what to draw (a period, a scope), so it waits in the outbox.
    """

    room_id: str
    kind: str
    spec: dict[str, Any]


@dataclass(frozen=True)
class Rendered:
    """What a file renderer hands back: the file, and for an image its size and text."""

    filename: str
    mimetype: str
    data: bytes
    image: ImageInfo | None = None


Effect = (
    Reply
    | PostInCaseRoom
    | OpenIncidentRoom
    | RefreshLive
    | AlertLotC
    | UpdateCaseRoom
    | PostInRoom
    | UploadFile
    | RenderFile
)
