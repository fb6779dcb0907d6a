"""Shared fixtures: a private Synapse on loopback for the whole test session."""

from collections.abc import Iterator

import pytest

from bot.demo.homeserver import LocalSynapse


@pytest.fixture(scope="session")
def synapse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalSynapse]:
    """A running Synapse in a temporary directory, stopped when the session ends."""
    server = LocalSynapse(tmp_path_factory.mktemp("synapse"))
    server.start()
    try:
        yield server
    finally:
        server.stop()
