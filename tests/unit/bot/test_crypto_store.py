"""The crypto store still remembers which rooms are encrypted, across a restart."""

from __future__ import annotations

from pathlib import Path

from nio.crypto import OlmAccount

from bot.matrix.crypto_store import CryptoStore

BOT = "@signaalbot:example.org"


def test_encrypted_rooms_are_remembered_after_syncs_that_found_none(tmp_path: Path) -> None:
    store = CryptoStore(BOT, "DEVICE", str(tmp_path))
    store.save_account(OlmAccount())
    store.save_encrypted_rooms({"!incident:example.org"})
    store.save_encrypted_rooms(set())  # a sync in which no room turned encrypted
    reopened = CryptoStore(BOT, "DEVICE", str(tmp_path))
    assert reopened.load_encrypted_rooms() == {"!incident:example.org"}
