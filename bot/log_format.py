"""`logging.format: json`: one JSON object a line for log collectors, with the fields a line
carries as `extra` (event id, room, command, case, duration). Plain text stays the default.

Lines hold ids, codes and counts only: no message text, no secret (see DESIGN.md)."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

from config.settings import LoggingSettings

#: The `extra` fields a line may carry, as they are named in the JSON object.
FIELDS = ("event_id", "room", "command", "result", "case", "duration_ms")


class JsonLines(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        line.update({key: getattr(record, key) for key in FIELDS if hasattr(record, key)})
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


def use_log_format(settings: LoggingSettings) -> None:
    """Give every handler of the root logger (standard error, the log file) the format."""
    if settings.format != "json":
        return
    for handler in logging.getLogger().handlers:
        handler.setFormatter(JsonLines())
