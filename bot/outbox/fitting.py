"""Every message the bot sends fits in one Matrix event: one size check, on the real content.

The check (`fits_in_event`) measures the content as matrix-nio serialises it, relations and
mentions included, so HTML escaping (`&` is `&amp;`), emoji (12 bytes as JSON escapes) and JSON
escaping all count. Messages are checked when they are written, in the handler's transaction;
what is rendered only at delivery (a status card, an invitation, an edit) is checked then.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from typing import Any

from bot.events import ReplyTarget
from bot.matrix.content import notice
from commands.core.effects import AlertLotC, Effect, PostInCaseRoom, PostInRoom, Reply, UploadFile
from commands.core.message import excerpt, fits_in_event, text
from commands.texts import core as texts

MessageEffect = Reply | PostInCaseRoom | AlertLotC | PostInRoom
EDIT_FALLBACK_CHARS = 200


def fit_effects(
    effects: list[Effect], reply_to: ReplyTarget | None, alert_room: str | None
) -> list[Effect]:
    """The effects, with each message too large for one event replaced by a short notice.

    When the answer comes with a file in the same room (minutes, an export) the notice points to
    it; otherwise the full text goes as a file of its own, so nothing asked for is lost. A post
    in a case's room, which may not exist yet, gets the notice alone.
    """
    fitted: list[Effect] = []
    for effect in effects:
        if not isinstance(effect, MessageEffect) or _fits(effect, reply_to):
            fitted.append(effect)
            continue
        room_id = _room_of(effect, reply_to, alert_room)
        fitted.extend(_replacement(effect, room_id, effects, reply_to))
    return fitted


def fit_content(content: dict[str, Any]) -> dict[str, Any]:
    """Content rendered at delivery, made to fit as well.

    An edit first shortens its fallback (the text clients without edits show); a message that
    still does not fit shows the notice instead.
    """
    if fits_in_event(content):
        return content
    new_content = content.get("m.new_content")
    if isinstance(new_content, dict):
        fallback = "* " + excerpt(str(new_content.get("body", "")), EDIT_FALLBACK_CHARS)
        content = {**content, "body": fallback, "formatted_body": escape(fallback, quote=False)}
        if fits_in_event(content):
            return content
        shown = {**new_content, **_text(texts.TOO_BIG)}
        return {**content, **_text(f"* {texts.TOO_BIG}"), "m.new_content": shown}
    return {**content, **_text(texts.TOO_BIG)}


def _fits(effect: MessageEffect, reply_to: ReplyTarget | None) -> bool:
    """Measured on the content delivery will send, with the relations of a reply."""
    target = reply_to if isinstance(effect, Reply) else None
    content = notice(
        effect.message.body,
        effect.message.html,
        mentions=list(effect.mentions),
        reply_to=target.event_id if target else None,
        thread_root=target.thread_root if target else None,
    )
    return fits_in_event(content)


def _room_of(
    effect: MessageEffect, reply_to: ReplyTarget | None, alert_room: str | None
) -> str | None:
    match effect:
        case Reply():
            return reply_to.room_id if reply_to else None
        case AlertLotC():
            return alert_room
        case PostInRoom(room_id=room_id):
            return room_id
    return None  # a case's room: not known when the message is written


def _replacement(
    effect: MessageEffect,
    room_id: str | None,
    effects: list[Effect],
    reply_to: ReplyTarget | None,
) -> list[Effect]:
    files = [e for e in effects if isinstance(e, UploadFile) and e.room_id == room_id]
    extra: list[Effect] = []
    if room_id is None:
        message = text(texts.TOO_BIG)
    elif files:
        message = text(texts.TOO_BIG_FILE.format(filename=files[0].filename))
    else:
        whole = UploadFile(
            room_id, texts.TOO_BIG_FILENAME, "text/plain", effect.message.body.encode("utf-8")
        )
        message = text(texts.TOO_BIG_FILE.format(filename=whole.filename))
        extra.append(whole)
    short = replace(effect, message=message)
    if not _fits(short, reply_to):  # mentions of a whole directory: the notice goes without them
        short = replace(short, mentions=())
    return [short, *extra]


def _text(value: str) -> dict[str, str]:
    return {"body": value, "formatted_body": escape(value, quote=False)}
