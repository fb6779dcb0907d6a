"""Encryption upkeep after every sync, which nio's own sync loop would otherwise do."""

from __future__ import annotations

from typing import Any

from nio import AsyncClient


def save_keys_before_upload(client: AsyncClient) -> None:
    """Save the account as soon as new one-time keys are made, before they are sent.

    nio saves them only once the homeserver has answered the upload. A crash in between leaves
    keys on the homeserver whose private halves the bot no longer has: a member who claims one
    starts an Olm session the bot cannot open, and the room keys sent through it are lost, so
    their messages can never be read. Saved first, a key either never left or is kept.
    """
    olm = client.olm
    if olm is None:
        return
    share_keys = olm.share_keys

    def share_and_save() -> dict[str, Any]:
        keys = share_keys()
        olm.save_account()
        return keys

    olm.share_keys = share_and_save  # type: ignore[method-assign]


async def maintain_keys(client: AsyncClient) -> None:
    """Keys up (one-time keys), keys known (members' devices), keys out (room keys to devices)."""
    if client.olm is None:
        return
    if client.should_upload_keys:
        await client.keys_upload()
    if client.should_query_keys:
        await client.keys_query()
    if client.should_claim_keys:
        await client.keys_claim(client.get_users_for_key_claiming())
    await client.send_to_device_messages()
