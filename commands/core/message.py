"""Messages as a plain body plus HTML, built so that user text is always escaped."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

from commands.texts import core as core_texts

#: Matrix refuses an event whose JSON, headers and signatures included, exceeds 65,536 bytes. In
#: an encrypted room the content travels as base64 ciphertext, a third larger than its JSON plus
#: about 250 bytes. Content JSON up to this size leaves room for both, with some 10 KB to spare.
CONTENT_BUDGET = 40_000
#: What delivery adds to a message's text: msgtype, format, mentions, a reply in a thread.
MESSAGE_RESERVE = 1_000
#: Member input quoted in an answer is cut to this many characters.
EXCERPT_CHARS = 40


def serialised_size(content: Mapping[str, Any]) -> int:
    """Bytes of event content as JSON, the way matrix-nio sends it and encrypts it.

    Every character outside ASCII is a \\u escape (an emoji: 12 bytes), quotes, backslashes and
    control characters are escaped: never less than the UTF-8 JSON the homeserver measures.
    """
    return len(json.dumps(content, separators=(",", ":")))


def fits_in_event(content: Mapping[str, Any], reserve: int = 0) -> bool:
    """The one size check for everything the bot sends: this content, and `reserve` bytes more."""
    return serialised_size(content) + reserve <= CONTENT_BUDGET


def excerpt(value: str, limit: int = EXCERPT_CHARS) -> str:
    """What a member typed, on one line and cut, to quote in an answer without echoing it all."""
    flat = " ".join(value.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@dataclass(frozen=True)
class Message:
    body: str
    html: str

    def fits(self) -> bool:
        """Small enough to send as one event, with whatever delivery adds to it."""
        return fits_in_event({"body": self.body, "formatted_body": self.html}, MESSAGE_RESERVE)

    def __add__(self, other: Message | str) -> Message:
        other = text(other) if isinstance(other, str) else other
        return Message(self.body + other.body, self.html + other.html)


def text(value: str) -> Message:
    """Any text, user-typed or not: escaped in the HTML."""
    return Message(value, escape(value, quote=False))


def bold(value: str | Message) -> Message:
    part = text(value) if isinstance(value, str) else value
    return Message(part.body, f"<b>{part.html}</b>")


def code(value: str) -> Message:
    return Message(value, f"<code>{escape(value, quote=False)}</code>")


def link(url: str, label: str) -> Message:
    return Message(f"{label} ({url})", f'<a href="{escape(url)}">{escape(label, quote=False)}</a>')


def user_pill(user_id: str, label: str | None = None) -> Message:
    url = f"https://matrix.to/#/{user_id}"
    shown = label or user_id
    return Message(shown, f'<a href="{escape(url)}">{escape(shown, quote=False)}</a>')


def room_link(room_id: str, label: str) -> Message:
    return link(f"https://matrix.to/#/{room_id}", label)


def join(parts: list[Message | str], separator: str = "") -> Message:
    result = text("")
    for index, part in enumerate(parts):
        if index:
            result += separator
        result += part
    return result


def lines(*parts: Message | str | None) -> Message:
    """Lines of a message; None entries are left out."""
    present = [text(p) if isinstance(p, str) else p for p in parts if p is not None]
    return Message(
        "\n".join(p.body for p in present),
        "<br>\n".join(p.html for p in present),
    )


def bullets(items: list[Message]) -> Message:
    return Message(
        "\n".join(f"• {item.body}" for item in items),
        "<ul>" + "".join(f"<li>{item.html}</li>" for item in items) + "</ul>",
    )


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(template: str, **parts: Message | str) -> Message:
    """Fill a template from texts.py; the parts may be links or pills, plain text is escaped."""
    result = text("")
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        result += template[position : match.start()]
        result += parts[match[1]]
        position = match.end()
    return result + template[position:]


def either(options: tuple[str, ...] | list[str]) -> str:
    """`A`, `A of B`, `A, B of C`: the choices in a Dutch sentence."""
    if len(options) < 2:
        return "".join(options)
    return core_texts.OPTIONS_LAST.format(options=", ".join(options[:-1]), last=options[-1])
