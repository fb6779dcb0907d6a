"""`!lid`: project leaders keep the directory in the chat; everyone can look a member up.

Every change is one audit row (who, when, before and after), takes effect at once (the bot
reads the directory again when the change commits) and is followed in the open incident rooms.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pydantic import BaseModel, ConfigDict

from commands.core.context import Context
from commands.core.effects import Effect, Reply
from commands.core.message import Message, fill, lines, user_pill
from commands.core.people import display_name
from commands.core.registry import Command, UsageError
from commands.directory.changes import audit, follow_in_rooms, reread
from commands.directory.member_view import history, member_entry
from commands.directory.member_words import (
    MemberWords,
    one_user,
    read_member_words,
    split_pill,
)
from commands.texts import directory as texts
from config.reference import REGIONAL_ENTITIES
from storage.directory import ChangeKind, DirectoryStore, MemberRow, MemberSource


class MemberRequest(BaseModel):
    model_config = ConfigDict(frozen=True)

    action: str  # add, change, remove, show
    rest: str


def parse_member(arguments: str) -> dict[str, Any]:
    first, _, rest = arguments.strip().partition(" ")
    action = texts.MEMBER_ACTIONS.get(first.lower())
    if action is None:
        return {"action": "show", "rest": arguments}
    return {"action": action, "rest": rest}


async def handle_member(request: MemberRequest, context: Context) -> list[Effect]:
    user_id = one_user(request.rest, context.mentions, context.directory.bot_user)
    if request.action == "show":
        return [Reply(await _show(user_id, context))]
    if not context.member.is_project_leader:
        raise UsageError(texts.MEMBER_NOT_LEADER)
    if user_id == context.directory.bot_user:
        raise UsageError(texts.MEMBER_IS_BOT)
    pill, rest = "", request.rest.replace(user_id, " ")
    if user_id not in request.rest:  # mentioned: the pill's text is the member's name
        pill, rest = split_pill(rest)
    store = DirectoryStore(context.cases.session)
    row = await store.get(user_id)
    if request.action == "remove":
        return await _remove(row, user_id, context, store)
    words = read_member_words(rest, context.settings.limits.title_chars)
    if pill and words.name is None and request.action == "add":
        words = replace(words, name=pill[: context.settings.limits.title_chars])
    if request.action == "add":
        return await _add(row, user_id, words, context, store)
    return await _change(row, user_id, words, context)


async def _show(user_id: str, context: Context) -> Message:
    person = context.directory.member(user_id)
    if person is None:
        raise UsageError(texts.MEMBER_UNKNOWN.format(user_id=user_id))
    changes = await DirectoryStore(context.cases.session).changes(user_id, limit=5)
    return lines(member_entry(person, context), *history(changes, context))


async def _add(
    row: MemberRow | None, user_id: str, words: MemberWords, context: Context, store: DirectoryStore
) -> list[Effect]:
    if row is not None:
        who = display_name(context.directory, user_id)
        raise UsageError(texts.MEMBER_EXISTS.format(who=who, user_id=user_id))
    if words.entity is None:
        raise UsageError(texts.MEMBER_ENTITY_NEEDED)
    _check_region(words.entity, words.region)
    row = MemberRow(
        user_id=user_id,
        entity=str(words.entity),
        region=words.region,
        roles=list(words.roles or ("lid",)),
        name=words.name,
        source=MemberSource.CHAT,
        added_at=context.now,
        added_by=context.sender,
    )
    store.add(row)
    audit(context, context.sender, ChangeKind.ADDED, user_id, None, row.values())
    before = context.directory
    await reread(context)
    effects, rooms = await follow_in_rooms(context, before, user_id)
    answer = _told(texts.MEMBER_ADDED, user_id, context)
    return [
        Reply(lines(answer, texts.MEMBER_ADDED_ROOMS.format(count=rooms) if rooms else None)),
        *effects,
    ]


async def _change(
    row: MemberRow | None, user_id: str, words: MemberWords, context: Context
) -> list[Effect]:
    if row is None:
        raise UsageError(texts.MEMBER_UNKNOWN.format(user_id=user_id))
    if words.empty:
        raise UsageError(texts.MEMBER_NOTHING_TO_CHANGE)
    old = row.values()
    entity = words.entity or row.entity
    region = words.region if words.region or words.entity else row.region
    _check_region(entity, region)
    if words.roles is not None and "projectleider" not in words.roles:
        _keep_a_leader(user_id, context)
    row.entity, row.region = str(entity), region
    row.roles = list(words.roles) if words.roles is not None else row.roles
    row.name = words.name if words.name is not None else row.name
    if row.values() == old:
        who = display_name(context.directory, user_id)
        raise UsageError(texts.MEMBER_UNCHANGED.format(who=who))
    audit(context, context.sender, ChangeKind.CHANGED, user_id, old, row.values())
    before = context.directory
    await reread(context)
    effects, _rooms = await follow_in_rooms(context, before, user_id)
    return [
        Reply(lines(_told(texts.MEMBER_CHANGED, user_id, context), _config_note(row))),
        *effects,
    ]


async def _remove(
    row: MemberRow | None, user_id: str, context: Context, store: DirectoryStore
) -> list[Effect]:
    if row is None:
        raise UsageError(texts.MEMBER_UNKNOWN.format(user_id=user_id))
    _keep_a_leader(user_id, context)
    who = user_pill(user_id, display_name(context.directory, user_id))
    answer_head = fill(texts.MEMBER_REMOVED, who=who)
    audit(context, context.sender, ChangeKind.REMOVED, user_id, row.values(), None)
    note = _config_note(row)
    await store.remove(row)
    before = context.directory
    await reread(context)
    effects, rooms = await follow_in_rooms(context, before, user_id, removed=True)
    answer = lines(
        answer_head,
        texts.MEMBER_REMOVED_ROOMS.format(count=rooms) if rooms else None,
        note,
    )
    return [Reply(answer), *effects]


def _check_region(entity: str, region: str | None) -> None:
    if entity in REGIONAL_ENTITIES and region is None:
        raise UsageError(texts.MEMBER_REGION_NEEDED.format(entity=entity))


def _keep_a_leader(user_id: str, context: Context) -> None:
    """Nobody could manage the directory any more without a project leader."""
    if context.directory.project_leaders() == [user_id]:
        who = display_name(context.directory, user_id)
        raise UsageError(texts.MEMBER_LAST_LEADER.format(who=who))


def _told(template: str, user_id: str, context: Context) -> Message:
    """`{who}` as a pill, `{entry}` as the member now stands in the directory."""
    person = context.directory.member(user_id)
    assert person is not None
    who = user_pill(user_id, display_name(context.directory, user_id))
    return fill(template, who=who, entry=member_entry(person, context, short=True))


def _config_note(row: MemberRow) -> str | None:
    if row.source == MemberSource.CONFIG:
        return texts.MEMBER_IN_CONFIG.format(user_id=row.user_id)
    return None


COMMANDS = (
    Command(
        help=texts.MEMBER_HELP, request=MemberRequest, parse=parse_member, handler=handle_member
    ),
)
