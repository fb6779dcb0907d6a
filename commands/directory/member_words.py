"""Reading a member as a project leader types it: `@piet:example.org GGD VNOG projectleider
naam: Piet Jansen`. Every part but the id may be left out; what is given is checked."""

from __future__ import annotations

import re
from dataclasses import dataclass

from commands.core.registry import UsageError
from commands.texts import directory as texts
from config.reference import Entity, parse_entity, regions

USER_ID = re.compile(r"@[\w.=\-/+]+:[\w.\-]+(?::\d+)?")
_NAME = re.compile(r"\bnaam\s*:\s*(.*)$", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class MemberWords:
    """What the words say about a member; None: not said."""

    entity: Entity | None = None
    region: str | None = None
    roles: tuple[str, ...] | None = None
    name: str | None = None

    @property
    def empty(self) -> bool:
        return self == MemberWords()


def user_ids(value: str, mentions: tuple[str, ...], bot_user: str) -> list[str]:
    """The Matrix ids written out or mentioned (a pill in Element), the bot's own left out."""
    found = dict.fromkeys([*USER_ID.findall(value), *mentions])
    found.pop(bot_user, None)
    return list(found)


def one_user(value: str, mentions: tuple[str, ...], bot_user: str) -> str:
    found = user_ids(value, mentions, bot_user)
    if not found:
        raise UsageError(texts.MEMBER_WHO_MISSING)
    if len(found) > 1:
        raise UsageError(texts.MEMBER_ONE_ONLY)
    return found[0]


def split_pill(value: str) -> tuple[str, str]:
    """A mention in Element leaves the member's display name in the text: the words before
    the first entity, role, region or `naam:`. Returns (that name, the rest)."""
    words = value.split()
    for index, word in enumerate(words):
        two = " ".join(words[index : index + 2])
        if (
            parse_entity(word)
            or parse_entity(two)
            or word.lower() in texts.ROLE_WORDS
            or two.lower() in texts.ROLE_WORDS
            or word.lower().startswith("naam:")
            or regions().lookup(word).match
        ):
            return " ".join(words[:index]), " ".join(words[index:])
    return " ".join(words), ""


def read_member_words(value: str, name_limit: int) -> MemberWords:
    """The entity, region, roles and name in `value` (the Matrix id already taken out)."""
    rest, name = _split_name(value, name_limit)
    rest, roles = _take_roles(rest)
    entity, rest = _take_entity(rest)
    region = _read_region(rest, entity is not None) if rest else None
    return MemberWords(entity=entity, region=region, roles=roles, name=name)


def _split_name(value: str, limit: int) -> tuple[str, str | None]:
    found = _NAME.search(value)
    if found is None:
        return value, None
    name = " ".join(found[1].split())
    if len(name) > limit:
        raise UsageError(texts.MEMBER_NAME_TOO_LONG.format(limit=limit))
    return value[: found.start()], name or None


def _take_roles(value: str) -> tuple[str, tuple[str, ...] | None]:
    """Role words anywhere (`operationeel leider` is two words); the rest of the text."""
    roles: list[str] = []
    rest = " ".join(value.split())
    for word in sorted(texts.ROLE_WORDS, key=len, reverse=True):
        pattern = re.compile(rf"(?<!\S){re.escape(word)}(?!\S)", re.IGNORECASE)
        if pattern.search(rest):
            roles.append(texts.ROLE_WORDS[word])
            rest = pattern.sub(" ", rest)
    ordered = tuple(code for code in texts.ROLE_WORDS.values() if code in roles)
    return " ".join(rest.split()), ordered or None


def _take_entity(value: str) -> tuple[Entity | None, str]:
    """An entity at the start: one word (`GGD`), or two (`Inspectie SZW`)."""
    words = value.split()
    for count in (2, 1):
        if len(words) >= count and (entity := parse_entity(" ".join(words[:count]))):
            return entity, " ".join(words[count:])
    return None, value


def _read_region(value: str, after_entity: bool) -> str:
    found = regions().recognise(value)
    if found.match is not None:
        return found.match
    if found.suggestions:
        raise UsageError(
            texts.MEMBER_REGION_WHICH.format(value=value[:60], options=", ".join(found.suggestions))
        )
    unknown = texts.MEMBER_REGION_UNKNOWN if after_entity else texts.MEMBER_WORD_UNKNOWN
    raise UsageError(unknown.format(value=value[:60]))
