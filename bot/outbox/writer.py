"""Effects into outbox rows: what every part of the bot that acts on Matrix writes through."""

from __future__ import annotations

from datetime import datetime

from bot.events import ReplyTarget
from bot.outbox.fitting import fit_effects
from commands.core.effects import (
    AlertLotC,
    Effect,
    OpenIncidentRoom,
    PostInCaseRoom,
    PostInRoom,
    RefreshCard,
    RefreshInvitation,
    Reply,
    UpdateCaseRoom,
    UploadFile,
)
from commands.core.message import Message
from storage.outbox import (
    KIND_CARD,
    KIND_INVITATION,
    KIND_OPEN_ROOM,
    KIND_SEND,
    KIND_UPDATE_ROOM,
    KIND_UPLOAD,
    LANE_MESSAGES,
    LANE_ROOMS,
    Outbox,
    OutboxEffect,
)


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
                    LANE_MESSAGES,
                    KIND_SEND,
                    {
                        "room_id": reply_to.room_id,
                        "reply_to": reply_to.event_id,
                        "thread_root": reply_to.thread_root,
                        **_message(message, mentions),
                    },
                    now,
                )
                reply = reply or row
            case PostInCaseRoom(case_id=case_id, message=message, mentions=mentions):
                row = outbox.add(
                    LANE_MESSAGES,
                    KIND_SEND,
                    {"case_id": case_id, **_message(message, mentions)},
                    now,
                )
            case AlertLotC(message=message, mentions=mentions):
                assert alert_room is not None, "alerts need the LOT-C or platform room"
                row = outbox.add(
                    LANE_MESSAGES,
                    KIND_SEND,
                    {"room_id": alert_room, **_message(message, mentions)},
                    now,
                )
            case PostInRoom(room_id=room_id, message=message, mentions=mentions):
                payload = {"room_id": room_id, **_message(message, mentions)}
                if effect.pin:
                    payload["pin"] = True
                if effect.invitation_of is not None:
                    payload["invitation_of"] = effect.invitation_of
                row = outbox.add(LANE_MESSAGES, KIND_SEND, payload, now)
            case UploadFile(room_id=room_id):
                payload = {
                    "room_id": room_id,
                    "filename": effect.filename,
                    "mimetype": effect.mimetype,
                    "content": effect.content,
                }
                row = outbox.add(LANE_MESSAGES, KIND_UPLOAD, payload, now)
            case RefreshInvitation(meeting_id=meeting_id, room_id=room_id):
                payload = {"meeting_id": meeting_id, "room_id": room_id}
                row = outbox.add(LANE_MESSAGES, KIND_INVITATION, payload, now)
            case RefreshCard(case_id=case_id):
                row = outbox.add(LANE_MESSAGES, KIND_CARD, {"case_id": case_id}, now)
            case UpdateCaseRoom(case_id=case_id, invite=invite):
                row = outbox.add(
                    LANE_ROOMS, KIND_UPDATE_ROOM, {"case_id": case_id, "invite": list(invite)}, now
                )
            case OpenIncidentRoom(case_id=case_id):
                if reply is not None and reply.id is None:
                    await outbox.session.flush()  # the room announces itself in this reply
                row = outbox.add(
                    LANE_ROOMS,
                    KIND_OPEN_ROOM,
                    {
                        "case_id": case_id,
                        "announce_row": reply.id if reply else None,
                    },
                    now,
                )
            case _:
                raise TypeError(f"unknown effect {effect!r}")
        rows.append(row)
    return rows


def _message(message: Message, mentions: tuple[str, ...]) -> dict[str, object]:
    return {"body": message.body, "html": message.html, "mentions": list(mentions)}
