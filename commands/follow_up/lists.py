"""`!acties` and `!besluiten`: the action and decision lists, in the chat or as a CSV file
for the records (government chat falls under archiving law, plan 3)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from commands.core.context import Context
from commands.core.effects import Effect, Reply, UploadFile
from commands.core.message import bold, bullets, lines, text
from commands.core.people import display_name
from commands.core.registry import Command, UsageError
from commands.follow_up.entries import action_line, decision_line, owner_label
from commands.texts import follow_up as texts
from commands.texts import meetings as meetings_texts
from storage.cases import Case
from storage.follow_up import Action

_EXPORT_WORDS = ("export", "bestand", "csv")
SHOWN_LIMIT = 40  # in the chat; the export has them all
#: Spreadsheets run a cell starting with these as a formula; members' text must stay text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ListRequest(BaseModel):
    model_config = ConfigDict(frozen=True)

    form: Literal["chat", "file"] = "chat"


def parse_list(arguments: str) -> dict[str, Any]:
    word = arguments.strip().lower()
    if not word:
        return {"form": "chat"}
    if word in _EXPORT_WORDS:
        return {"form": "file"}
    raise UsageError(texts.LIST_UNKNOWN_WORD.format(word=word[:40]))


async def handle_actions(request: ListRequest, context: Context) -> list[Effect]:
    case = context.room_case
    if request.form == "file":
        found = await context.follow_up.actions(case.id if case else None)
        rows = [await _action_row(action, context) for action in found]
        return _export(texts.ACTIONS_FILE, texts.ACTIONS_COLUMNS, rows, case, context)
    case_id = case.id if case else None
    shown = await context.follow_up.open_actions(context.now, case_id, limit=SHOWN_LIMIT)
    if not shown:
        return [Reply(text(texts.ACTIONS_NONE))]
    total = len(shown)
    if total == SHOWN_LIMIT:
        total = await context.follow_up.count_open_actions(case_id)
    header = texts.ACTIONS_HEADER.format(count=total)
    items = [action_line(action, context) for action in shown]
    more = total - len(shown)
    return [
        Reply(
            lines(
                bold(header),
                bullets(items),
                texts.ACTIONS_MORE.format(count=more) if more else None,
            )
        )
    ]


async def handle_decisions(request: ListRequest, context: Context) -> list[Effect]:
    case = context.room_case
    if request.form == "file":
        found = await context.follow_up.decisions(case.id if case else None, limit=None)
        rows = [
            [
                f"B{entry.id}",
                _local(entry.taken_at, context),
                entry.text,
                display_name(context.directory, entry.taken_by),
                _meeting(entry.meeting_id),
                await _case_number(entry.case_id, context),
            ]
            for entry in found
        ]
        return _export(texts.DECISIONS_FILE, texts.DECISIONS_COLUMNS, rows, case, context)
    entries = await context.follow_up.decisions(case.id if case else None)
    if not entries:
        return [Reply(text(texts.DECISIONS_NONE))]
    items = [decision_line(entry, context) for entry in entries]
    return [Reply(lines(bold(texts.DECISIONS_HEADER), bullets(items)))]


async def _action_row(action: Action, context: Context) -> list[str]:
    if action.done_at is not None:
        state = texts.ACTION_STATE_DONE
    elif action.due_at is not None and action.due_at < context.now:
        state = texts.ACTION_STATE_LATE
    else:
        state = texts.ACTION_STATE_OPEN
    return [
        f"A{action.id}",
        action.text,
        owner_label(action, context),
        _local(action.due_at, context),
        state,
        _local(action.done_at, context),
        display_name(context.directory, action.done_by) if action.done_by else "",
        display_name(context.directory, action.created_by),
        _local(action.created_at, context),
        _meeting(action.meeting_id),
        await _case_number(action.case_id, context),
    ]


def _export(
    name: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    case: Case | None,
    context: Context,
) -> list[Effect]:
    day = context.now.astimezone(context.settings.platform.zone).date().isoformat()
    scope = f"-{case.number}" if case else ""
    filename = f"{name}{scope}-{day}.csv"
    return [
        Reply(text(texts.LIST_EXPORTED.format(filename=filename, count=len(rows)))),
        UploadFile(context.room_id, filename, "text/csv", to_csv(columns, rows).encode("utf-8")),
    ]


def to_csv(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Semicolon-separated, as Dutch spreadsheets expect; no cell is ever read as a formula."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_inert(cell) for cell in row])
    return out.getvalue()


def _inert(cell: str) -> str:
    return f"'{cell}" if cell.startswith(_FORMULA_START) else cell


def _local(value: datetime | None, context: Context) -> str:
    if value is None:
        return ""
    return value.astimezone(context.settings.platform.zone).strftime("%Y-%m-%d %H:%M")


def _meeting(meeting_id: int | None) -> str:
    return meetings_texts.MEETING_LABEL.format(number=meeting_id) if meeting_id else ""


async def _case_number(case_id: int | None, context: Context) -> str:
    if case_id is None:
        return ""
    case = await context.cases.by_id(case_id)
    return case.number if case else ""


COMMANDS = (
    Command(
        help=texts.ACTIONS_HELP,
        request=ListRequest,
        parse=parse_list,
        handler=handle_actions,
    ),
    Command(
        help=texts.DECISIONS_HELP,
        request=ListRequest,
        parse=parse_list,
        handler=handle_decisions,
    ),
)
