"""The table a command shows: the shipped one with the operator's powers file, or, while that
file has errors (edited after the check at start), the shipped one and a word about it."""

from __future__ import annotations

from config.powers import PowersFileError, PowersTable, load_powers, shipped_powers
from config.settings import Settings


def powers_of(settings: Settings) -> tuple[PowersTable, bool]:
    """The table, and whether the operator's file was left out for its errors."""
    try:
        return load_powers(settings.network.powers_file), False
    except PowersFileError:
        return shipped_powers(), True
