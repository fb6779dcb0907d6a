"""nio's crypto store, without a write on every sync."""

from __future__ import annotations

from collections.abc import Iterable

from nio.store import DefaultStore


class CryptoStore(DefaultStore):
    """After every sync nio saves the rooms that sync found encrypted, in a transaction of its
    own that runs on the event loop before the sync's commands are handled; almost always the
    set is empty, and the transaction costs several milliseconds of every answer."""

    def save_encrypted_rooms(self, rooms: Iterable[str]) -> None:
        rooms = list(rooms)
        if rooms:
            super().save_encrypted_rooms(rooms)
