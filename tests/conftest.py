"""Shared fixtures: a private Synapse on loopback for the whole test session; and how the
tests are shared out over two workers."""

from collections.abc import Iterator
from typing import Any

import pytest

from bot.demo.homeserver import LocalSynapse

INTEGRATION = "tests/integration/"


def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """The integration tests one after the other on one worker (one Synapse, and no two bots
    competing for the machine's time); the unit tests spread over both."""
    from xdist.scheduler import LoadScopeScheduling

    class IntegrationTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return INTEGRATION if nodeid.startswith(INTEGRATION) else nodeid

    return IntegrationTogether(config, log)


@pytest.fixture(scope="session")
def synapse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalSynapse]:
    """A running Synapse in a temporary directory, stopped when the session ends."""
    server = LocalSynapse(tmp_path_factory.mktemp("synapse"))
    server.start()
    try:
        yield server
    finally:
        server.stop()
