"""Who belongs where: the people invited into a case's incident room."""

from __future__ import annotations

from datetime import datetime

from commands.core.registry import UsageError
from commands.core.roster import Directory
from commands.texts import directory as texts
from commands.texts import intake as intake_texts
from config.reference import (
    NATIONAL_ENTITIES,
    REGIONAL_ENTITIES,
    Entity,
    parse_entity,
    regions,
)
from storage.cases import Case

#: Entities that can lead a visit and file its report (plan 3.2): not LOT-C.
COORDINATING_ENTITIES = frozenset({Entity.ISZW, Entity.NVWA, Entity.GGD, Entity.RIVM, Entity.VR})


def incident_invitees(case: Case, directory: Directory, now: datetime) -> list[str]:
    """Members of the national entities, the members of the case's region, the coordinator's
    members (a GGD or VR of another region), and the signaller; for each who is away, their
    substitute as well."""
    chosen = [
        person.user_id
        for person in directory
        if person.entity in NATIONAL_ENTITIES
        or (person.entity in REGIONAL_ENTITIES and case.region and person.region == case.region)
    ]
    if case.coordinator is not None:
        chosen += entity_members(directory, case.coordinator, case.coordinator_region)
    if case.created_by in directory:
        chosen.append(case.created_by)
    invited = set(directory.with_stand_ins(chosen, now))
    invited.discard(directory.bot_user)
    return sorted(invited)


def parse_coordinator(text: str, case_region: str | None) -> tuple[Entity, str | None]:
    """`ISZW`, `GGD`, `GGD VNOG`, `VR`, `VNOG`, `VR06` -> (entity, region for GGD and VR)."""
    words = " ".join(text.split())
    if not words:
        raise UsageError(texts.ENTITY_MISSING)
    entity = parse_entity(words)
    region: str | None = None
    if entity is None:
        first, _, rest = words.partition(" ")
        entity = parse_entity(first)
        if entity is not None and rest:
            region = regions().lookup(rest).match
            if region is None:
                raise UsageError(intake_texts.REGION_NOT_FOUND.format(value=rest[:60]))
        elif entity is None:
            region = regions().lookup(words).match
            if region is None:
                raise UsageError(texts.ENTITY_UNKNOWN.format(value=words[:60]))
            entity = Entity.VR
    if entity not in COORDINATING_ENTITIES:
        raise UsageError(texts.ENTITY_NOT_COORDINATOR.format(entity=entity))
    if entity in REGIONAL_ENTITIES:
        region = region or case_region
        if region is None:
            raise UsageError(texts.ENTITY_NEEDS_REGION.format(entity=entity))
    else:
        region = None
    return entity, region


def coordinator_label(entity: str, region: str | None) -> str:
    return f"{entity} {regions()[region].label}" if region else entity


def entity_members(
    directory: Directory, entity: str, region: str | None, now: datetime | None = None
) -> list[str]:
    """The members of an entity (in a region, for GGD and VR); given `now`, with the
    substitutes of those who are away."""
    members = sorted(
        person.user_id
        for person in directory
        if person.entity == entity and (region is None or person.region == region)
    )
    return members if now is None else directory.with_stand_ins(members, now)


def alert_people(directory: Directory, now: datetime) -> list[str]:
    """Who is alerted when a window closes: LOT-C and the project leader(s), and the
    substitutes of those who are away."""
    chosen = {
        person.user_id
        for person in directory
        if person.entity == Entity.LOTC or person.is_project_leader
    } | set(directory.lotc_accounts)
    return directory.with_stand_ins(sorted(chosen), now)


def people_who_can_act(case: Case, directory: Directory, now: datetime) -> list[str]:
    """Mentioned in reminders: the coordinator's members, or else LOT-C and the project leader;
    with the substitutes of those who are away."""
    if case.coordinator is not None:
        members = entity_members(directory, case.coordinator, case.coordinator_region, now)
        if members:
            return members
    return alert_people(directory, now)


def lotc_people(directory: Directory, now: datetime | None = None) -> list[str]:
    """LOT-C: the members of the entity and the configured LOT-C accounts (given `now`, with
    the substitutes of those who are away)."""
    chosen = sorted(
        set(entity_members(directory, Entity.LOTC, None)) | set(directory.lotc_accounts)
    )
    return chosen if now is None else directory.with_stand_ins(chosen, now)


def is_lotc(directory: Directory, user_id: str) -> bool:
    return user_id in lotc_people(directory)


def platform_members(directory: Directory) -> list[str]:
    """Everyone in the directory but the bot: the participants of a general meeting."""
    return sorted(p.user_id for p in directory if p.user_id != directory.bot_user)


def member_entity_label(directory: Directory, user_id: str) -> str:
    """`ISZW`, `GGD Noord- en Oost-Gelderland`: how attendance is grouped."""
    member = directory.member(user_id)
    if member is None:
        return "?"
    return coordinator_label(member.entity, member.region)


def display_name(directory: Directory, user_id: str) -> str:
    """A member's name, the bot's own name, or else the Matrix id."""
    if user_id == directory.bot_user:
        return texts.BOT_NAME
    member = directory.member(user_id)
    return member.name if member and member.name else user_id
