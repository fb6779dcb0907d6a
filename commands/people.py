"""Who belongs where: the people invited into a case's incident room."""

from __future__ import annotations

from config.reference import NATIONAL_ENTITIES, REGIONAL_ENTITIES
from config.settings import Settings
from storage.models import Case


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
