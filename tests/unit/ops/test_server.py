"""/metrics and /health on a real loopback port."""

from __future__ import annotations

from datetime import timedelta

import aiohttp
from prometheus_client.parser import text_string_to_metric_families

from bot.ops.metrics import Metrics
from bot.ops.server import OpsServer
from storage.database import Database
from tests.unit.helpers import NOW, make_settings


async def get(server: OpsServer, path: str) -> tuple[int, str]:
    port = await server.start("127.0.0.1", 0)
    try:
        async with (
            aiohttp.ClientSession() as client,
            client.get(f"http://127.0.0.1:{port}{path}") as response,
        ):
            return response.status, await response.text()
    finally:
        await server.stop()


def active_metrics() -> Metrics:
    metrics = Metrics()
    metrics.set_active(True)
    return metrics


async def test_metrics_are_served_in_the_prometheus_text_format(database: Database) -> None:
    metrics = active_metrics()
    metrics.synced(NOW)
    status, body = await get(OpsServer(make_settings(), database, metrics, lambda: NOW), "/metrics")
    assert status == 200
    assert "signaalbot_open_cases 0.0" in body
    synced = next(
        family
        for family in text_string_to_metric_families(body)
        if family.name == "signaalbot_last_sync_timestamp_seconds"
    )
    assert synced.samples[0].value == NOW.timestamp()


async def test_health_is_ok_after_a_recent_sync(database: Database) -> None:
    metrics = active_metrics()
    metrics.synced(NOW - timedelta(seconds=10))
    status, body = await get(OpsServer(make_settings(), database, metrics, lambda: NOW), "/health")
    assert (status, body) == (200, '{"status": "ok"}')


async def test_health_names_a_stale_sync(database: Database) -> None:
    metrics = active_metrics()
    metrics.synced(NOW - timedelta(minutes=5))
    status, body = await get(OpsServer(make_settings(), database, metrics, lambda: NOW), "/health")
    assert status == 503
    assert '"reasons": ["sync_stale"]' in body


async def test_health_names_a_database_that_does_not_answer() -> None:
    metrics = active_metrics()
    metrics.synced(NOW)
    gone = Database("postgresql+asyncpg://nobody:x@127.0.0.1:1/none")
    try:
        status, body = await get(OpsServer(make_settings(), gone, metrics, lambda: NOW), "/health")
    finally:
        await gone.close()
    assert status == 503
    assert '"reasons": ["database_down"]' in body


async def test_a_standby_is_healthy_without_syncing_and_says_it_stands_by(
    database: Database,
) -> None:
    metrics = Metrics()  # never synced: the active instance does that
    status, body = await get(OpsServer(make_settings(), database, metrics, lambda: NOW), "/health")
    assert (status, body) == (200, '{"status": "standby"}')
    status, body = await get(OpsServer(make_settings(), database, metrics, lambda: NOW), "/metrics")
    assert "signaalbot_active 0.0" in body
