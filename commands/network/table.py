"""The table a command shows: the shipped one with the operator's powers file, or, while that
file has errors (edited after the check at start), the shipped one and a word about it."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from config.powers import PowersFileError, PowersTable, load_powers, shipped_powers
from config.settings import Settings


def powers_of(settings: Settings) -> tuple[PowersTable, bool]:
    """The table, and whether the operator's file was left out for its errors."""
    path = settings.network.powers_file
    if path is None:
        return shipped_powers(), False
    try:
        return _merged(path, path.stat().st_mtime_ns), False
    except (PowersFileError, OSError):
        return shipped_powers(), True


@lru_cache(maxsize=4)
def _merged(path: Path, _modified: int) -> PowersTable:
    """Read once per version of the file: an edit (a new modification time) is read again."""
    return load_powers(path)
