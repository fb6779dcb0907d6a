"""Logging in once and reusing the access token and crypto store, so restarts keep the device."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from nio import AsyncClientConfig, KeysUploadError, LoginError

from bot.matrix.client import BotClient
from bot.matrix.crypto_store import CryptoStore
from bot.matrix.files import write_private
from bot.matrix.keys import save_keys_before_upload
from config.settings import Settings

log = logging.getLogger(__name__)

CREDENTIALS_FILE = "credentials.json"
CRYPTO_DIR = "crypto"


def new_client(settings: Settings) -> BotClient:
    timeout = settings.delivery.sync_timeout.total_seconds() + 15
    encryption = settings.matrix.encryption != "off"
    store = settings.storage.data_dir / CRYPTO_DIR
    if encryption:
        store.mkdir(mode=0o700, parents=True, exist_ok=True)
    config = AsyncClientConfig(
        max_limit_exceeded=5,
        max_timeouts=2,
        request_timeout=timeout,
        store_sync_tokens=False,
        encryption_enabled=encryption,
        store=CryptoStore,
    )
    return BotClient(
        settings.matrix.homeserver,
        settings.matrix.user_id,
        device_id=settings.matrix.device_id,
        store_path=str(store) if encryption else "",
        config=config,
    )


async def log_in(settings: Settings, *, forget_stored: bool = False) -> BotClient:
    """A ready client: configured token, else the stored one, else a password login (stored).

    With encryption, the device keys are uploaded before the first sync, so the very first
    message sent to a fresh bot can be decrypted.
    """
    client = new_client(settings)
    try:
        await _restore_or_log_in(client, settings, forget_stored=forget_stored)
        save_keys_before_upload(client)
        if client.olm and client.should_upload_keys:
            uploaded = await client.keys_upload()
            if isinstance(uploaded, KeysUploadError):
                raise RuntimeError(f"uploading the device keys failed: {uploaded.message}")
        if client.olm:
            # Public: lets an operator compare it with what Element shows, to verify the device.
            fingerprint = client.olm.account.identity_keys["ed25519"]
            log.info("device %s, Ed25519 key %s", client.device_id, fingerprint)
    except BaseException:
        await client.close()
        raise
    return client


async def _restore_or_log_in(client: BotClient, settings: Settings, *, forget_stored: bool) -> None:
    matrix = settings.matrix
    path = settings.storage.data_dir / CREDENTIALS_FILE
    if matrix.access_token is not None:
        client.restore_login(
            matrix.user_id, matrix.device_id, matrix.access_token.get_secret_value()
        )
        return
    if forget_stored:
        path.unlink(missing_ok=True)
    stored = _read(path)
    if (
        stored
        and stored.get("user_id") == matrix.user_id
        and stored.get("homeserver") == matrix.homeserver
    ):
        client.restore_login(stored["user_id"], stored["device_id"], stored["access_token"])
        return
    assert matrix.password is not None  # the settings require a password or a token
    response = await client.login(matrix.password.get_secret_value(), device_name="signaalbot")
    if isinstance(response, LoginError):
        raise RuntimeError(f"login as {matrix.user_id} failed: {response.message}")
    credentials = {
        "homeserver": matrix.homeserver,
        "user_id": response.user_id,
        "device_id": response.device_id,
        "access_token": response.access_token,
    }
    write_private(path, json.dumps(credentials))
    log.info("logged in as %s, device %s", response.user_id, response.device_id)


def _read(path: Path) -> dict[str, str] | None:
    try:
        return json.loads(path.read_text("utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None
