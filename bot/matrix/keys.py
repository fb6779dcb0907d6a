"""Encryption upkeep after every sync, which nio's own sync loop would otherwise do."""

from __future__ import annotations

from nio import AsyncClient


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
