"""Shared fixtures: a private Synapse on loopback for the whole test session; and how the
tests are shared out over two workers."""

from collections.abc import Iterator
from typing import Any

import pytest

from bot.demo.homeserver import LocalSynapse

INTEGRATION = "tests/integration/"
# The integration tests in two groups, each run one after the other on a worker of its own
# (each worker its own Synapse): these, which keep no clock of seconds, beside the others.
SECOND_GROUP = {
    "test_corrections.py",
    "test_demo.py",
    "test_direct_chat.py",
    "test_intake.py",
    "test_meetings.py",
    "test_network.py",
    "test_privacy.py",
    "test_refusals.py",
}


def worker_unit(nodeid: str) -> str:
    """The unit a worker takes as a whole: an integration group, or one unit test."""
    if not nodeid.startswith(INTEGRATION):
        return nodeid
    filename = nodeid.removeprefix(INTEGRATION).split("::")[0]
    return INTEGRATION + ("second" if filename in SECOND_GROUP else "first")


def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """Two groups of integration tests, each one after the other on its own worker (no two
    bots of one group competing for the machine's time); the unit tests spread over both."""
    from xdist.scheduler import LoadScopeScheduling

    class IntegrationGroups(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return worker_unit(nodeid)

    return IntegrationGroups(config, log)


@pytest.fixture(scope="session")
def synapse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalSynapse]:
    """A running Synapse in a temporary directory, stopped when the session ends."""
    server = LocalSynapse(tmp_path_factory.mktemp("synapse"))
    server.start()
    try:
        yield server
    finally:
        server.stop()
