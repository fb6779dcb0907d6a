"""Event content the bot sends: always m.notice, plain body plus HTML, explicit mentions."""

from __future__ import annotations

from typing import Any

MEGOLM = "m.megolm.v1.aes-sha2"
#: Initial state that makes a new room end-to-end encrypted.
ENCRYPTION_STATE: dict[str, Any] = {
    "type": "m.room.encryption",
    "state_key": "",
    "content": {"algorithm": MEGOLM},
}


def notice(
    body: str,
    html: str,
    *,
    mentions: list[str] | None = None,
    reply_to: str | None = None,
    thread_root: str | None = None,
) -> dict[str, Any]:
    content: dict[str, Any] = {
        "msgtype": "m.notice",
        "body": body,
        "format": "org.matrix.custom.html",
        "formatted_body": html,
        "m.mentions": {"user_ids": sorted(mentions)} if mentions else {},
    }
    if thread_root:
        content["m.relates_to"] = {
            "rel_type": "m.thread",
            "event_id": thread_root,
            "is_falling_back": False,
            "m.in_reply_to": {"event_id": reply_to or thread_root},
        }
    elif reply_to:
        content["m.relates_to"] = {"m.in_reply_to": {"event_id": reply_to}}
    return content


def edit(target_event_id: str, body: str, html: str) -> dict[str, Any]:
    """Replace an earlier notice of the bot's (m.replace); clients show the new text in place."""
    new_content = {
        "msgtype": "m.notice",
        "body": body,
        "format": "org.matrix.custom.html",
        "formatted_body": html,
        "m.mentions": {},
    }
    return {
        **new_content,
        "body": f"* {body}",
        "formatted_body": f"* {html}",
        "m.new_content": new_content,
        "m.relates_to": {"rel_type": "m.replace", "event_id": target_event_id},
    }
