"""Files and pins: an upload shared as an m.file message, a message added to the pinned ones."""

from __future__ import annotations

import io
from typing import Any

from nio import (
    AsyncClient,
    RoomGetStateEventError,
    RoomPutStateError,
    UploadError,
)

from bot.outbox.errors import DeliveryError

PINNED = "m.room.pinned_events"


class PinForbidden(DeliveryError):
    """The bot lacks the power to pin in this room."""


async def upload(
    client: AsyncClient,
    room_id: str,
    filename: str,
    mimetype: str,
    data: bytes,
    *,
    image: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Upload the file (encrypted for an encrypted room) and return the message content:
    m.file, or m.image whose body is the image's text description (shown by clients that
    show no image, and as a caption by those that do, since it differs from the file name)."""
    room = client.rooms.get(room_id)
    encrypted = bool(room and room.encrypted)
    response, keys = await client.upload(
        lambda *_: io.BytesIO(data),
        content_type=mimetype,
        filename=filename,
        encrypt=encrypted,
        filesize=len(data),
    )
    if isinstance(response, UploadError):
        raise DeliveryError.of("upload", response)  # a file over the homeserver's limit: for good
    content: dict[str, Any] = {
        "msgtype": "m.file",
        "body": filename,
        "filename": filename,
        "info": {"mimetype": mimetype, "size": len(data)},
    }
    if image is not None:
        content["msgtype"] = "m.image"
        content["body"] = image["description"]
        content["info"] |= {"w": image["width"], "h": image["height"]}
    if encrypted:
        assert keys is not None
        content["file"] = {
            "url": response.content_uri,
            "key": keys["key"],
            "iv": keys["iv"],
            "hashes": keys["hashes"],
            "v": keys["v"],
        }
    else:
        content["url"] = response.content_uri
    return content


async def pin(client: AsyncClient, room_id: str, event_id: str, *, fresh: bool = False) -> None:
    """Add to the room's pinned messages, keeping those pinned before (the status card).

    `fresh`: a room just created, where nothing is pinned yet (no need to ask).
    """
    pinned: list[str] = []
    current = None if fresh else await client.room_get_state_event(room_id, PINNED)
    if current is not None and not isinstance(current, RoomGetStateEventError):
        found = current.content.get("pinned")
        pinned = (
            [item for item in found if isinstance(item, str)] if isinstance(found, list) else []
        )
    if event_id in pinned:
        return
    response = await client.room_put_state(room_id, PINNED, {"pinned": [*pinned, event_id]})
    if isinstance(response, RoomPutStateError):
        if response.status_code == "M_FORBIDDEN":
            raise PinForbidden(f"pin: {response.message}")
        raise DeliveryError(f"pin: {response.status_code} {response.message}")
