"""One-time keys are kept before they are uploaded: a crash between the upload and nio's own save
must not leave keys on the homeserver that the bot can no longer open."""

from __future__ import annotations

from pathlib import Path

from nio import AsyncClient, AsyncClientConfig

from bot.matrix.keys import save_keys_before_upload


def client_on(store: Path) -> AsyncClient:
    config = AsyncClientConfig(store_sync_tokens=True, encryption_enabled=True)
    client = AsyncClient(
        "http://127.0.0.1:1", "@bot:example.org", store_path=str(store), config=config
    )
    client.restore_login("@bot:example.org", "SIGNAALBOT", "token")
    return client


def stored_one_time_keys(store: Path) -> set[str]:
    """What the bot's account holds after a restart: a new client on the same store."""
    client = client_on(store)
    assert client.olm is not None
    return set(client.olm.account.one_time_keys["curve25519"].values())


async def test_the_keys_about_to_be_uploaded_survive_a_crash(tmp_path: Path) -> None:
    client = client_on(tmp_path)
    save_keys_before_upload(client)
    assert client.olm is not None
    uploaded = client.olm.share_keys()  # what keys_upload sends; the process dies before the answer
    sent = {key["key"] for key in uploaded["one_time_keys"].values()}
    assert sent and sent <= stored_one_time_keys(tmp_path)
    await client.close()


async def test_without_it_they_would_be_lost(tmp_path: Path) -> None:
    """The reason for the function: nio on its own keeps them only in memory until the answer."""
    client = client_on(tmp_path)
    assert client.olm is not None
    uploaded = client.olm.share_keys()
    sent = {key["key"] for key in uploaded["one_time_keys"].values()}
    assert sent and not sent & stored_one_time_keys(tmp_path)
    await client.close()
