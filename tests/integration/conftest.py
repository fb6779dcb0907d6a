"""Fixtures of the integration tests: a platform in a plain and in an encrypted room."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.demo.homeserver import LocalSynapse
from tests.integration.platform import Platform, open_platform


@pytest.fixture(params=["plain", "encrypted"])
async def platform(
    request: pytest.FixtureRequest, synapse: LocalSynapse, tmp_path: Path
) -> AsyncIterator[Platform]:
    """A test asking for it runs twice: in a plain platform room and in an encrypted one."""
    opened = await open_platform(synapse, tmp_path, encrypted=request.param == "encrypted")
    yield opened
    await opened.close()
