"""Effects into outbox rows: what every part of the bot that acts on Matrix writes through."""

from __future__ import annotations

import base64
from dataclasses import asdict
from datetime import datetime
from typing import Any

from bot.events import ReplyTarget
from bot.outbox.fitting import fit_effects
from commands.core.effects import (
    AlertLotC,
    Effect,
    OpenIncidentRoom,
    PostInCaseRoom,
    PostInRoom,
    RefreshLive,
    RenderFile,
    Reply,
    UpdateCaseRoom,
    UploadFile,
)
from commands.core.message import Message
from storage.outbox import Lane, Outbox, OutboxEffect, OutboxKind


async def write_effects(
    outbox: Outbox,
    effects: list[Effect],
    now: datetime,
    reply_to: ReplyTarget | None = None,
    alert_room: str | None = None,
) -> list[OutboxEffect]:
    """Turn effects into outbox rows, in order; the caller's transaction commits them."""
    effects = fit_effects(effects, reply_to, alert_room)  # every message fits in one event
    rows: list[OutboxEffect] = []
    reply: OutboxEffect | None = None
    for effect in effects:
        match effect:
            case Reply(message=message, mentions=mentions):
                assert reply_to is not None, "a reply needs the message it answers"
                row = outbox.add(
                    Lane.MESSAGES,
                    OutboxKind.SEND,
                    {
                        "room_id": reply_to.room_id,
                        "reply_to": reply_to.event_id,
                        "thread_root": reply_to.thread_root,
                        **_message(message, mentions),
                    },
                    now,
                )
                reply = reply or row
            case AlertLotC(message=message, mentions=mentions):
                assert alert_room is not None, "alerts need the LOT-C or platform room"
                row = outbox.add(
                    Lane.MESSAGES,
                    OutboxKind.SEND,
                    {"room_id": alert_room, **_message(message, mentions)},
                    now,
                )
            case OpenIncidentRoom():
                if reply is not None and reply.id is None:
                    await outbox.session.flush()  # the room announces itself in this reply
                row = outbox.add(Lane.ROOMS, OutboxKind.OPEN_ROOM, _open_room(effect, reply), now)
            case _:
                lane, kind, payload = _row(effect)
                row = outbox.add(lane, kind, payload, now)
        rows.append(row)
    return rows


def _row(effect: Effect) -> tuple[str, str, dict[str, Any]]:
    """Lane, kind and payload of an effect that needs nothing but itself."""
    match effect:
        case PostInCaseRoom(case_id=case_id, message=message, mentions=mentions):
            return (
                Lane.MESSAGES,
                OutboxKind.SEND,
                {"case_id": case_id, **_message(message, mentions)},
            )
        case PostInRoom(room_id=room_id, message=message, mentions=mentions):
            payload = {"room_id": room_id, **_message(message, mentions)}
            if effect.pin:
                payload["pin"] = True
            if effect.live is not None:
                payload["live_as"] = _live(effect.live.kind, effect.live.subject)
            return Lane.MESSAGES, OutboxKind.SEND, payload
        case UploadFile(room_id=room_id):
            payload = {
                "room_id": room_id,
                "filename": effect.filename,
                "mimetype": effect.mimetype,
                "data": base64.b64encode(effect.data).decode("ascii"),  # JSON holds no bytes
            }
            if effect.image is not None:
                payload["image"] = asdict(effect.image)
            return Lane.MESSAGES, OutboxKind.UPLOAD, payload
        case RenderFile(room_id=room_id, kind=kind, spec=spec):
            payload = {"room_id": room_id, "render": {"kind": kind, "spec": spec}}
            return Lane.MESSAGES, OutboxKind.UPLOAD, payload
        case RefreshLive(kind=kind, subject=subject):
            return Lane.MESSAGES, OutboxKind.LIVE, {"live": _live(kind, subject)}
        case UpdateCaseRoom(case_id=case_id, invite=invite):
            payload = {"case_id": case_id, "invite": list(invite)}
            if effect.rename:
                payload["rename"] = True
            if effect.remove:
                payload["remove"] = list(effect.remove)
            return Lane.ROOMS, OutboxKind.UPDATE_ROOM, payload
        case _:
            raise TypeError(f"unknown effect {effect!r}")


def _open_room(effect: OpenIncidentRoom, reply: OutboxEffect | None) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "case_id": effect.case_id,
        "announce_row": reply.id if reply else None,
    }
    if reply is not None and effect.answer is not None:
        payload["answer"] = {"body": effect.answer.body, "html": effect.answer.html}
    return payload


def _live(kind: str, subject: int) -> dict[str, Any]:
    """In payloads: `live` on the edit of a live message, `live_as` on the post that becomes one."""
    return {"kind": kind, "subject": subject}


def _message(message: Message, mentions: tuple[str, ...]) -> dict[str, object]:
    return {"body": message.body, "html": message.html, "mentions": list(mentions)}
