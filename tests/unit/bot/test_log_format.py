"""`logging.format: json`: one object a line, and the line each handled command leaves, with
its ids and codes as fields and nothing the member typed."""

from __future__ import annotations

import json
import logging

import pytest
from pydantic import ValidationError

from bot.dispatch import Dispatcher
from bot.log_format import JsonLines, use_log_format
from config.settings import LoggingSettings
from storage.database import Database
from tests.unit.helpers import INCIDENT, command, open_case


def handled_lines(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "bot.dispatch" and hasattr(r, "command")]


async def test_a_status_leaves_one_json_line_with_its_case_and_duration(
    dispatcher: Dispatcher, database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    await open_case(dispatcher, database)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="bot.dispatch"):
        await dispatcher.handle(command("!status", room=INCIDENT, event_id="$status"))
    (record,) = handled_lines(caplog)
    line = json.loads(JsonLines().format(record))
    assert line["level"] == "INFO" and line["logger"] == "bot.dispatch"
    assert (line["event_id"], line["room"]) == ("$status", INCIDENT)
    assert (line["command"], line["result"], line["case"]) == ("command.status", "done", "2026-001")
    assert line["duration_ms"] >= 0
    assert line["message"].startswith("command.status done in ")


async def test_the_line_holds_no_text_the_member_typed(
    dispatcher: Dispatcher, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="bot.dispatch"):
        await dispatcher.handle(command("!signaal Kwekerij Zonneveld; regio: VR06"))
    (record,) = handled_lines(caplog)
    formatted = JsonLines().format(record)
    assert "Zonneveld" not in formatted and json.loads(formatted)["command"] == "command.signaal"


def test_json_is_set_on_every_root_handler_and_text_leaves_them_alone() -> None:
    root = logging.getLogger()
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    root.addHandler(handler)
    try:
        use_log_format(LoggingSettings(format="text"))
        assert not isinstance(handler.formatter, JsonLines)
        use_log_format(LoggingSettings(format="json"))
        assert isinstance(handler.formatter, JsonLines)
    finally:
        root.removeHandler(handler)


def test_an_unknown_log_format_is_refused() -> None:
    with pytest.raises(ValidationError, match="'text' or 'json'"):
        LoggingSettings.model_validate({"format": "xml"})
