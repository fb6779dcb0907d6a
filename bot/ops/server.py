"""`GET /metrics` and `GET /health` on `ops.listen`; started only when that is set."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import text

from bot.ops.figures import Figures, read_figures
from bot.ops.health import Observation, Unhealthy, reasons
from bot.ops.metrics import Metrics
from config.settings import Settings
from storage.database import Database

log = logging.getLogger(__name__)


class OpsServer:
    def __init__(
        self,
        settings: Settings,
        database: Database,
        metrics: Metrics,
        clock: Callable[[], datetime],
    ) -> None:
        self.settings = settings
        self.database = database
        self.metrics = metrics
        self.clock = clock
        self.runner: web.AppRunner | None = None

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/metrics", self._metrics)
        app.router.add_get("/health", self._health)
        return app

    async def start(self, host: str, port: int) -> int:
        """Listen; returns the port (useful with port 0)."""
        self.runner = web.AppRunner(self.app(), access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, host, port)
        await site.start()
        bound = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        log.info("metrics and health on %s:%s", host, bound)
        return int(bound)

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()

    async def _figures(self) -> Figures | None:
        """None when the database does not answer."""
        try:
            async with self.database.transaction() as session:
                await session.execute(text("SELECT 1"))
                return await read_figures(session, self.clock())
        except Exception as error:
            log.warning("health: the database did not answer: %s", type(error).__name__)
            return None

    async def _metrics(self, _request: web.Request) -> web.Response:
        figures = await self._figures()
        if figures is not None:
            self.metrics.show(figures)
        return web.Response(body=self.metrics.text(), headers={"Content-Type": CONTENT_TYPE_LATEST})

    async def _health(self, _request: web.Request) -> web.Response:
        figures = await self._figures()
        seen = Observation(
            self.metrics.last_good_sync, figures.oldest_pending_seconds if figures else None
        )
        found = reasons(
            seen,
            self.clock(),
            self.settings.ops.stale_after,
            self.settings.delivery.give_up_after,
        )
        if not self.metrics.is_active:  # a standby does not sync: it waits for the lock
            found = [reason for reason in found if reason != Unhealthy.SYNC_STALE]
        if found:
            return web.json_response({"status": "unhealthy", "reasons": found}, status=503)
        return web.json_response({"status": "ok" if self.metrics.is_active else "standby"})
