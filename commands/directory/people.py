"""Who belongs where: the people invited into a case's incident room."""

from __future__ import annotations

from commands.core.registry import UsageError
from commands.texts import directory as texts
from commands.texts import intake as intake_texts
from config.reference import (
    NATIONAL_ENTITIES,
    REGIONAL_ENTITIES,
    Entity,
    parse_entity,
    regions,
)
from config.settings import Settings
from storage.cases import Case

#: Entities that can lead a visit and file its report (plan 3.2): not LOT-C.
COORDINATING_ENTITIES = frozenset({Entity.ISZW, Entity.NVWA, Entity.GGD, Entity.RIVM, Entity.VR})


def incident_invitees(case: Case, settings: Settings) -> list[str]:
    """Members of the national entities, the members of the case's region, and the signaller."""
    chosen = {
        user_id
        for user_id, member in settings.members.items()
        if member.entity in NATIONAL_ENTITIES
        or (member.entity in REGIONAL_ENTITIES and case.region and member.region == case.region)
    }
    if case.created_by in settings.members:
        chosen.add(case.created_by)
    chosen.discard(settings.matrix.user_id)
    return sorted(chosen)


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


def entity_members(settings: Settings, entity: str, region: str | None) -> list[str]:
    """The members of an entity (in a region, for GGD and VR)."""
    return sorted(
        user_id
        for user_id, member in settings.members.items()
        if member.entity == entity and (region is None or member.region == region)
    )


def alert_people(settings: Settings) -> list[str]:
    """Who is alerted when a window closes: LOT-C and the project leader(s)."""
    chosen = {
        user_id
        for user_id, member in settings.members.items()
        if member.entity == Entity.LOTC or "projectleider" in member.roles
    }
    return sorted(chosen | set(settings.platform.lotc_members))


def people_who_can_act(case: Case, settings: Settings) -> list[str]:
    """Mentioned in reminders: the coordinator's members, or else LOT-C and the project leader."""
    if case.coordinator is not None:
        members = entity_members(settings, case.coordinator, case.coordinator_region)
        if members:
            return members
    return alert_people(settings)


def lotc_people(settings: Settings) -> list[str]:
    """LOT-C: the members of the entity and the configured LOT-C accounts."""
    chosen = set(entity_members(settings, Entity.LOTC, None)) | set(settings.platform.lotc_members)
    return sorted(chosen)


def is_lotc(settings: Settings, user_id: str) -> bool:
    return user_id in lotc_people(settings)


def platform_members(settings: Settings) -> list[str]:
    """Everyone in the directory but the bot: the participants of a general meeting."""
    return sorted(user_id for user_id in settings.members if user_id != settings.matrix.user_id)


def member_entity_label(settings: Settings, user_id: str) -> str:
    """`ISZW`, `GGD Noord- en Oost-Gelderland`: how attendance is grouped."""
    member = settings.member(user_id)
    if member is None:
        return "?"
    return coordinator_label(member.entity, member.region)


def display_name(settings: Settings, user_id: str) -> str:
    """A member's name, the bot's own name, or else the Matrix id."""
    if user_id == settings.matrix.user_id:
        return texts.BOT_NAME
    member = settings.member(user_id)
    return member.name if member and member.name else user_id
