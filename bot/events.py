"""Reading incoming Matrix events: which ones are commands, and what their text is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

NAMESPACE = "nl.signaalbot"
CASE_STATE_TYPE = f"{NAMESPACE}.case"
COMMAND_PREFIX = "!"
REACTION = "m.reaction"
REDACTION = "m.room.redaction"

_REPLY_FALLBACK_LINE = re.compile(r"^> .*$")


@dataclass(frozen=True)
class ReplyTarget:
    """The message an answer replies to."""

    room_id: str
    event_id: str
    thread_root: str | None = None


@dataclass(frozen=True)
class IncomingReaction:
    """An m.reaction; `target_*` describe the message reacted to, read only for a 📌."""

    room_id: str
    event_id: str
    sender: str
    sent_ts: int
    target_event_id: str
    key: str
    target_sender: str | None = None
    target_text: str | None = None


@dataclass(frozen=True)
class IncomingRedaction:
    room_id: str
    event_id: str
    sender: str
    sent_ts: int
    redacts: str


@dataclass(frozen=True)
class IncomingCommand:
    room_id: str
    event_id: str
    sender: str
    body: str
    sent_ts: int  # origin_server_ts, milliseconds
    thread_root: str | None
    is_edit: bool
    mentions: tuple[str, ...] = ()  # m.mentions user ids

    @property
    def target(self) -> ReplyTarget:
        return ReplyTarget(self.room_id, self.event_id, self.thread_root)

    @property
    def is_plain(self) -> bool:
        """Plain words rather than a command: taken only in a direct chat with the bot."""
        return not is_command_text(self.body)


def is_command_text(body: str) -> bool:
    """`!zaken` is a command; `goedemorgen!` and `! niets` are not."""
    return body.startswith(COMMAND_PREFIX) and len(body) >= 2 and not body[1].isspace()


def strip_reply_fallback(body: str) -> str:
    """Drop the quoted `> <@user:hs> ...` lines a client may put above a reply."""
    lines = body.splitlines()
    if not lines or not lines[0].startswith("> "):
        return body
    index = 0
    while index < len(lines) and _REPLY_FALLBACK_LINE.match(lines[index]):
        index += 1
    return "\n".join(lines[index:]).lstrip("\n")


def command_from_event(
    room_id: str, source: dict[str, Any], *, plain: bool = False
) -> IncomingCommand | None:
    """The command in a timeline event, or None if it is not a text message starting with `!`.

    With `plain` (the room is a member's direct chat with the bot) plain words count too,
    except an edit of them. Notices are never commands: that is how bots avoid answering
    each other.
    """
    if source.get("type") != "m.room.message" or "state_key" in source:
        return None
    content = source.get("content") or {}
    relation = content.get("m.relates_to") or {}
    is_edit = relation.get("rel_type") == "m.replace"
    if is_edit:
        content = content.get("m.new_content") or {}
    if content.get("msgtype") != "m.text" or not isinstance(content.get("body"), str):
        return None
    body = strip_reply_fallback(content["body"]).strip()
    if not is_command_text(body) and not (plain and body and not is_edit):
        return None
    thread_root = relation.get("event_id") if relation.get("rel_type") == "m.thread" else None
    return IncomingCommand(
        room_id=room_id,
        event_id=source["event_id"],
        sender=source["sender"],
        body=body,
        sent_ts=int(source.get("origin_server_ts", 0)),
        thread_root=thread_root,
        is_edit=is_edit,
        mentions=_mentions(content),
    )


def _mentions(content: dict[str, Any]) -> tuple[str, ...]:
    users = (content.get("m.mentions") or {}).get("user_ids") or []
    return tuple(user for user in users if isinstance(user, str))


def reaction_from_event(room_id: str, source: dict[str, Any]) -> IncomingReaction | None:
    """An annotation (`m.reaction`) on a message, or None."""
    if source.get("type") != REACTION:
        return None
    relation = (source.get("content") or {}).get("m.relates_to") or {}
    target, key = relation.get("event_id"), relation.get("key")
    if relation.get("rel_type") != "m.annotation" or not isinstance(target, str):
        return None
    if not isinstance(key, str):
        return None
    return IncomingReaction(
        room_id=room_id,
        event_id=source["event_id"],
        sender=source["sender"],
        sent_ts=int(source.get("origin_server_ts", 0)),
        target_event_id=target,
        key=key,
    )


def redaction_from_event(room_id: str, source: dict[str, Any]) -> IncomingRedaction | None:
    """A redaction; room versions 11+ carry `redacts` in the content, older ones at the top."""
    if source.get("type") != REDACTION:
        return None
    redacts = (source.get("content") or {}).get("redacts") or source.get("redacts")
    if not isinstance(redacts, str):
        return None
    return IncomingRedaction(
        room_id=room_id,
        event_id=source["event_id"],
        sender=source["sender"],
        sent_ts=int(source.get("origin_server_ts", 0)),
        redacts=redacts,
    )


def message_text(source: dict[str, Any]) -> str | None:
    """The text of a message event (its newest edit is not followed), or None."""
    if source.get("type") != "m.room.message":
        return None
    body = (source.get("content") or {}).get("body")
    return strip_reply_fallback(body) if isinstance(body, str) else None


def own_join_ts(source: dict[str, Any], own_user_id: str) -> int | None:
    """The time of the bot's own join, if this event is it (not a profile change while joined)."""
    if source.get("type") != "m.room.member" or source.get("state_key") != own_user_id:
        return None
    if (source.get("content") or {}).get("membership") != "join":
        return None
    previous = (source.get("unsigned") or {}).get("prev_content") or {}
    if previous.get("membership") == "join":
        return None
    return int(source.get("origin_server_ts", 0))
