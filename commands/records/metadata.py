"""What the archive and a Woo officer need to know about a dossier besides its content: the
entities involved, how long its texts are kept, and the Woo grounds that may apply."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from commands.core.people import coordinator_label
from commands.core.roster import Directory
from config.settings import Settings
from storage.cases import Case, CaseStatus
from storage.records import CaseRecords


@dataclass(frozen=True)
class Retention:
    """The terms of the case's record types, whether the case is held from destruction, and
    from when its texts are anonymised (None: held, or not closed yet)."""

    held: bool
    terms: dict[str, timedelta]
    texts_until: datetime | None


def retention_of(case: Case, settings: Settings) -> Retention:
    privacy = settings.privacy
    terms = privacy.retention
    held = privacy.holds(case.number)
    until = None
    if not held and case.status == CaseStatus.CLOSED and case.closed_at is not None:
        until = case.closed_at + terms.cases
    return Retention(
        held=held,
        terms={
            "cases": terms.cases,
            "timelines": terms.timelines,
            "minutes": terms.minutes,
            "lists": terms.lists,
        },
        texts_until=until,
    )


@dataclass(frozen=True, order=True)
class Involved:
    """An entity that took part in the case (a GGD or VR with its region)."""

    entity: str
    region: str | None

    @property
    def label(self) -> str:
        return coordinator_label(self.entity, self.region)


def involved_entities(records: CaseRecords, directory: Directory) -> list[Involved]:
    """The coordinator, and the entities of the members who signalled, acted on the timeline,
    decided, owned an action or wrote a note; each once, in a fixed order."""
    case = records.case
    found: set[Involved] = set()
    if case.coordinator is not None:
        found.add(Involved(case.coordinator, case.coordinator_region))
    people = {case.created_by, *(entry.actor for entry in records.timeline)}
    people |= {decision.taken_by for decision in records.decisions}
    people |= {note.written_by for note in records.notes}
    for action in records.actions:
        if action.owner_entity is not None:
            found.add(Involved(action.owner_entity, action.owner_region))
        people.add(action.created_by)
        if action.owner_user is not None:
            people.add(action.owner_user)
    for user_id in people:
        member = directory.member(user_id)
        if member is not None:
            found.add(Involved(member.entity, member.region))
    return sorted(found, key=lambda item: (item.entity, item.region or ""))
