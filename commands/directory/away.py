"""`!vervanger`, `!afwezig`, `!terug`: who stands in while a member is away.

While a member is away, what would go to them goes to their substitute as well (people.py:
`with_stand_ins`). When an absence begins or ends later than the command, a reminder at that
moment lets the open rooms invite the substitute and the status cards show it.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict

from commands.core.context import Context, Workspace
from commands.core.effects import Effect, Reply
from commands.core.message import fill, lines, text, user_pill
from commands.core.moments import MomentError, parse_moment
from commands.core.people import display_name
from commands.core.registry import Command, NoArguments, UsageError, no_arguments
from commands.core.timefmt import short_moment
from commands.directory.changes import audit, follow_in_rooms, reread
from commands.directory.member_words import one_user
from commands.texts import directory as texts
from commands.texts import moments as moment_texts
from storage.directory import ChangeKind, DirectoryStore, MemberRow
from storage.reminders import Reminder, ReminderKind

_AWAY = re.compile(
    r"^(?:van(?:af)?\s+(?P<since>.+?)\s+)?(?P<until_word>tot\s+en\s+met|t/m|tot)\s+(?P<until>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_NONE = ("geen", "niemand")


class WordsRequest(BaseModel):
    model_config = ConfigDict(frozen=True)

    words: str


def parse_words(arguments: str) -> dict[str, Any]:
    return {"words": " ".join(arguments.split())}


async def _own_row(context: Context) -> MemberRow:
    row = await DirectoryStore(context.cases.session).get(context.sender)
    assert row is not None, "a member who commands is in the directory"
    return row


async def handle_substitute(request: WordsRequest, context: Context) -> list[Effect]:
    row = await _own_row(context)
    old = row.values()
    if request.words.lower() in _NONE:
        row.substitute = None
        answer = text(texts.SUBSTITUTE_CLEARED)
    else:
        if not request.words:
            raise UsageError(texts.SUBSTITUTE_MISSING)
        chosen = one_user(request.words, context.mentions, context.directory.bot_user)
        if chosen not in context.directory:
            raise UsageError(texts.SUBSTITUTE_NOT_MEMBER.format(user_id=chosen[:80]))
        if chosen == context.sender:
            raise UsageError(texts.SUBSTITUTE_SELF)
        pill = user_pill(chosen, display_name(context.directory, chosen))
        if row.substitute == chosen:
            return [Reply(fill(texts.SUBSTITUTE_SAME, substitute=pill))]
        row.substitute = chosen
        answer = fill(texts.SUBSTITUTE_SET, substitute=pill)
    return [Reply(answer), *await _changed(context, row, old, ChangeKind.SUBSTITUTE)]


async def handle_away(request: WordsRequest, context: Context) -> list[Effect]:
    since, until = _read_absence(request.words, context)
    row = await _own_row(context)
    old = row.values()
    row.away_from, row.away_until = since, until
    for boundary in (since, until):
        if boundary is not None and boundary > context.now:
            await context.remind(ReminderKind.ABSENCE, boundary)
    effects = await _changed(context, row, old, ChangeKind.AWAY)
    zone = context.settings.platform.zone
    said = texts.AWAY_SET.format(
        since=short_moment(since, zone) if since else texts.NOW_WORD,
        until=short_moment(until, zone),
    )
    stand_in = row.substitute if row.substitute in context.directory else None
    told = (
        fill(
            texts.AWAY_SUBSTITUTE,
            substitute=user_pill(stand_in, display_name(context.directory, stand_in)),
        )
        if stand_in
        else text(texts.AWAY_NO_SUBSTITUTE)
    )
    mentions = (stand_in,) if stand_in else ()
    return [Reply(lines(said, told), mentions), *effects]


async def handle_back(request: NoArguments, context: Context) -> list[Effect]:
    row = await _own_row(context)
    if row.away_until is None or row.away_until <= context.now:  # nor away, nor about to be
        return [Reply(text(texts.BACK_NOT_AWAY))]
    old = row.values()
    row.away_from = row.away_until = None
    return [Reply(text(texts.BACK_DONE)), *await _changed(context, row, old, ChangeKind.BACK)]


async def _changed(
    context: Context, row: MemberRow, old: dict[str, Any], kind: ChangeKind
) -> list[Effect]:
    audit(context, context.sender, kind, row.user_id, old, row.values())
    before = context.directory
    await reread(context)
    effects, _rooms = await follow_in_rooms(context, before, row.user_id)
    return effects


def _read_absence(words: str, context: Context) -> tuple[datetime | None, datetime]:
    found = _AWAY.match(words)
    if not words or found is None:
        raise UsageError(texts.AWAY_UNTIL_MISSING)
    zone, now = context.settings.platform.zone, context.now
    since = _moment(found["since"], context) if found["since"] else None
    until = _moment(found["until"], context)
    if found["until_word"].lower() != "tot" and until.astimezone(zone).time() == time(0, 0):
        until += timedelta(days=1)  # `t/m vrijdag`: back on Saturday
    if until <= now:
        raise UsageError(texts.AWAY_UNTIL_PAST.format(moment=short_moment(until, zone)))
    if since is not None and since >= until:
        raise UsageError(
            texts.AWAY_FROM_AFTER.format(
                since=short_moment(since, zone), until=short_moment(until, zone)
            )
        )
    return (since if since is not None and since > now else None), until


def _moment(value: str, context: Context) -> datetime:
    """A day alone means the start of that day: `tot vrijdag` is back on Friday."""
    try:
        moment, rest = parse_moment(
            value, context.now, context.settings.platform.zone, day_alone=time(0, 0)
        )
    except MomentError as error:
        raise UsageError(str(error)) from error
    if rest:
        raise UsageError(str(MomentError(moment_texts.UNREADABLE.format(text=rest[:40]))))
    return moment


async def absence_boundary(reminder: Reminder, workspace: Workspace) -> list[Effect] | None:
    """An absence began or ended: invite substitutes where needed, show it on the cards.
    None when no member's absence begins or ends at this moment any more."""
    due = reminder.due_at
    changed = [
        person.user_id
        for person in workspace.directory
        if due in (person.away_from, person.away_until)
    ]
    if not changed:
        return None
    effects: list[Effect] = []
    for user_id in changed:
        found, _rooms = await follow_in_rooms(
            workspace, workspace.directory, user_id, then=due - timedelta(seconds=1)
        )
        effects += [effect for effect in found if effect not in effects]
    return effects


COMMANDS = (
    Command(
        help=texts.SUBSTITUTE_HELP,
        request=WordsRequest,
        parse=parse_words,
        handler=handle_substitute,
    ),
    Command(help=texts.AWAY_HELP, request=WordsRequest, parse=parse_words, handler=handle_away),
    Command(
        help=texts.BACK_HELP, request=NoArguments, parse=no_arguments("terug"), handler=handle_back
    ),
)
