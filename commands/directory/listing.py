"""`!leden`: the directory, or one entity or region of it, grouped by entity."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from commands.core.context import Context
from commands.core.effects import Effect, Reply
from commands.core.message import Message, bold, bullets, lines, text, user_pill
from commands.core.people import coordinator_label, display_name
from commands.core.registry import Command, UsageError
from commands.core.roster import Person
from commands.core.timefmt import short_moment
from commands.texts import directory as texts
from config.reference import parse_entity, regions


class MembersRequest(BaseModel):
    model_config = ConfigDict(frozen=True)

    scope: str


def parse_scope(arguments: str) -> dict[str, Any]:
    return {"scope": " ".join(arguments.split())}


def _chosen(scope: str, people: list[Person]) -> list[Person]:
    if not scope:
        return people
    entity = parse_entity(scope)
    if entity is not None:
        return [p for p in people if p.entity == entity]
    region = regions().recognise(scope).match
    if region is None:
        raise UsageError(texts.MEMBERS_UNKNOWN.format(value=scope[:60]))
    return [p for p in people if p.region == region]


async def handle_members(request: MembersRequest, context: Context) -> list[Effect]:
    directory = context.directory
    people = sorted(directory, key=lambda p: (p.entity, p.region or "", p.user_id))
    chosen = [p for p in _chosen(request.scope, people) if p.user_id != directory.bot_user]
    if not chosen:
        return [Reply(text(texts.MEMBERS_NONE.format(value=request.scope[:60])))]
    groups: dict[str, list[Message]] = {}
    for person in chosen:
        groups.setdefault(coordinator_label(person.entity, person.region), []).append(
            _line(person, context)
        )
    shown = [lines(bold(label), bullets(items)) for label, items in groups.items()]
    return [Reply(lines(bold(texts.MEMBERS_HEADER.format(count=len(chosen))), *shown))]


def _line(person: Person, context: Context) -> Message:
    line = user_pill(person.user_id, display_name(context.directory, person.user_id))
    line += f" · {', '.join(person.roles)}"
    if person.away(context.now):
        assert person.away_until is not None
        zone = context.settings.platform.zone
        line += texts.MEMBERS_AWAY_MARK.format(until=short_moment(person.away_until, zone))
    return line


COMMANDS = (
    Command(
        help=texts.MEMBERS_HELP, request=MembersRequest, parse=parse_scope, handler=handle_members
    ),
)
