"""The directory in memory: read once at start (after the configuration is merged in), read
again after every transaction that changed it, so a change takes effect at once."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime

from commands.core.roster import Directory
from commands.directory.configured import load_directory, merge_configured
from config.settings import Settings
from storage.database import Database
from storage.directory import DirectoryStore

log = logging.getLogger(__name__)


class DirectoryCache:
    def __init__(self, database: Database, settings: Settings, clock: Callable[[], datetime]):
        self.database = database
        self.settings = settings
        self.clock = clock
        self._directory: Directory | None = None
        self._lock = asyncio.Lock()

    async def current(self) -> Directory:
        """The directory as it is; the first call merges the configuration in."""
        if self._directory is None:
            async with self._lock:
                if self._directory is None:
                    await self._merge_and_load()
        assert self._directory is not None
        return self._directory

    async def reload(self) -> None:
        async with self._lock:
            async with self.database.transaction() as session:
                directory = await load_directory(DirectoryStore(session), self.settings)
            self._directory = directory

    async def _merge_and_load(self) -> None:
        async with self.database.transaction() as session:
            store = DirectoryStore(session)
            for line in await merge_configured(store, self.settings, self.clock()):
                log.info("directory: %s", line)
            await session.flush()
            directory = await load_directory(store, self.settings)
        self._directory = directory  # only once the merge is committed
        log.info("directory: %d members", len(directory.people))
