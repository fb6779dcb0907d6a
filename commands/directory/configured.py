"""The directory read from the database, and the configuration's members merged into it.

The configuration wins for the ids it names; members added in the chat are kept; a member the
configuration named before and names no more leaves the directory. Substitutes and absence are
never in the configuration, so a merge keeps them.
"""

from __future__ import annotations

from datetime import datetime

from commands.core.roster import Directory, Person
from config.reference import Entity
from config.settings import Member, Settings
from storage.audit import BOT_ACTOR, DIRECTORY, DIRECTORY_CONFIGURED, AuditResult, AuditTrail
from storage.directory import ChangeKind, DirectoryStore, MemberRow, MemberSource

#: The actor of the changes the configuration makes at start.
CONFIG_ACTOR = "config"


def person_of(row: MemberRow) -> Person:
    return Person(
        user_id=row.user_id,
        entity=Entity(row.entity),
        region=row.region,
        roles=tuple(row.roles),
        name=row.name,
        substitute=row.substitute,
        away_from=row.away_from,
        away_until=row.away_until,
    )


async def load_directory(store: DirectoryStore, settings: Settings) -> Directory:
    people = {row.user_id: person_of(row) for row in await store.members()}
    return Directory(
        people=people,
        bot_user=settings.matrix.user_id,
        lotc_accounts=tuple(settings.platform.lotc_members),
    )


def _configured(member: Member) -> dict[str, object]:
    return {
        "entity": str(member.entity),
        "region": member.region,
        "roles": list(member.roles),
        "name": member.name,
    }


async def merge_configured(store: DirectoryStore, settings: Settings, now: datetime) -> list[str]:
    """Bring the configuration's members into the directory; returns what changed, one line
    per member, for the log (ids and field names only, never a name or a value). A merge that
    changed anything is one record on the audit trail."""
    said: list[str] = []
    rows = {row.user_id: row for row in await store.members()}
    for user_id, member in settings.members.items():
        said += _merge_one(store, rows.get(user_id), user_id, _configured(member), now)
    for user_id, row in rows.items():
        if row.source == MemberSource.CONFIG and user_id not in settings.members:
            old = row.values()
            await store.remove(row)
            _audit(store, now, ChangeKind.REMOVED, user_id, old, None)
            said.append(f"removed {user_id}: no longer in the configuration")
    if said:
        await AuditTrail(store.session).append(
            action=DIRECTORY_CONFIGURED,
            object=DIRECTORY,
            result=AuditResult.DONE,
            actor=BOT_ACTOR,
            at=now,
        )
    return said


def _merge_one(
    store: DirectoryStore,
    row: MemberRow | None,
    user_id: str,
    wanted: dict[str, object],
    now: datetime,
) -> list[str]:
    if row is None:
        row = MemberRow(
            user_id=user_id, source=MemberSource.CONFIG, added_at=now, added_by=CONFIG_ACTOR
        )
        for field, value in wanted.items():
            setattr(row, field, value)
        store.add(row)
        _audit(store, now, ChangeKind.ADDED, user_id, None, row.values())
        return [f"added {user_id} from the configuration"]
    old = row.values()
    changed = [field for field, value in wanted.items() if old[field] != value]
    row.source = MemberSource.CONFIG
    if not changed:
        return []
    for field in changed:
        setattr(row, field, wanted[field])
    _audit(store, now, ChangeKind.CHANGED, user_id, old, row.values())
    return [f"changed {user_id} to the configuration: {', '.join(changed)}"]


def _audit(
    store: DirectoryStore,
    now: datetime,
    kind: ChangeKind,
    user_id: str,
    old: dict[str, object] | None,
    new: dict[str, object] | None,
) -> None:
    """One audit row for a change the configuration made."""
    store.record(at=now, actor=CONFIG_ACTOR, kind=kind, subject=user_id, old=old, new=new)
