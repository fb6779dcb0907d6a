"""The command-line tool as an operator runs it: `python -m bot.cli ...` in a child process."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

REPO = Path(__file__).parents[1]


async def signaalbot(*args: str) -> tuple[int, str, str]:
    """(exit status, standard output, standard error); SIGNAALBOT_CONFIG of the test run is not
    passed on, so only the `--config` given counts."""
    environment = {key: value for key, value in os.environ.items() if key != "SIGNAALBOT_CONFIG"}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        *args,
        cwd=REPO,
        env=environment,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await process.communicate()
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()
