"""What one run of the reminders bench is asked for, and the reminder window it gives the bot."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

REMINDERS_BEFORE = ("30s", "20s", "10s")


@dataclass(frozen=True)
class Options:
    cases: int
    spread: float  # seconds over which the cases are opened
    repressive: float  # seconds from signal to deadline
    late_ms: float  # a reminder delivered later than this is listed with its log lines
    json_path: Path | None
    keep_workdir: bool = False

    @property
    def window(self) -> dict[str, Any]:
        """The bot's ``window`` config: every case gets three ladder reminders and a deadline."""
        return {
            "repressive": f"{self.repressive:g}s",
            "reminders_before": list(REMINDERS_BEFORE),
            "late_after": "1h",  # no "sent late" lines: every message has the same shape
        }

    @property
    def reminders(self) -> int:
        """How many reminders the bot plans: the ladder and the deadline of every case."""
        return self.cases * (len(REMINDERS_BEFORE) + 1)
