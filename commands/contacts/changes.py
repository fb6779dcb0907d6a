"""Every change to the contacts and contact points, on the directory's audit trail.

The trail keeps what a contact is (name, organisation, kind, role, country, regions) but never
its phone number or e-mail address.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from commands.contacts.values import ContactValues
from storage.contacts import Contact, ContactPoint, ContactSource, ContactStore
from storage.directory import ChangeKind, DirectoryStore


def contact_subject(contact_id: int) -> str:
    return f"contact {contact_id}"


def point_subject(region: str, entity: str) -> str:
    return f"aanspreekpunt {region} {entity}"


def fill_contact(contact: Contact, values: ContactValues) -> None:
    contact.name, contact.organisation = values.name, values.organisation
    contact.kind, contact.role = values.kind, values.role
    contact.phone, contact.email = values.phone, values.email
    contact.country, contact.regions = values.country, list(values.regions)


async def add_contact(
    store: ContactStore,
    values: ContactValues,
    *,
    at: datetime,
    by: str,
    source: ContactSource,
) -> Contact:
    contact = Contact(source=source, added_at=at, added_by=by)
    fill_contact(contact, values)
    await store.add(contact)
    DirectoryStore(store.session).record(
        at=at,
        actor=by,
        kind=ChangeKind.CONTACT_ADDED,
        subject=contact_subject(contact.id),
        old=None,
        new=contact.values(),
    )
    return contact


def record_update(
    store: ContactStore, contact: Contact, old: dict[str, Any], at: datetime, by: str
) -> None:
    """An import that changed a contact already there: added again, over its old values."""
    DirectoryStore(store.session).record(
        at=at,
        actor=by,
        kind=ChangeKind.CONTACT_ADDED,
        subject=contact_subject(contact.id),
        old=old,
        new=contact.values(),
    )


async def remove_contact(
    store: ContactStore, contact: Contact, *, at: datetime, by: str
) -> list[ContactPoint]:
    """Remove the contact and clear the points it was; returns those points."""
    old = contact.values()
    subject = contact_subject(contact.id)
    points = await store.remove(contact)
    trail = DirectoryStore(store.session)
    trail.record(
        at=at, actor=by, kind=ChangeKind.CONTACT_REMOVED, subject=subject, old=old, new=None
    )
    for point in points:
        record_point(store, point.region, point.entity, point.values(), None, at=at, by=by)
    return points


def record_point(
    store: ContactStore,
    region: str,
    entity: str,
    old: dict[str, Any] | None,
    new: dict[str, Any] | None,
    *,
    at: datetime,
    by: str,
) -> None:
    DirectoryStore(store.session).record(
        at=at,
        actor=by,
        kind=ChangeKind.CONTACT_POINT,
        subject=point_subject(region, entity),
        old=old,
        new=new,
    )


async def name_point(
    store: ContactStore,
    region: str,
    entity: str,
    *,
    user_id: str | None = None,
    contact_id: int | None = None,
    at: datetime,
    by: str,
) -> bool:
    """Name the point and record it; False when it was this already."""
    old = await store.set_point(
        region, entity, user_id=user_id, contact_id=contact_id, at=at, by=by
    )
    new = {"user_id": user_id, "contact": contact_id}
    if old == new:
        return False
    record_point(store, region, entity, old, new, at=at, by=by)
    return True


async def clear_point(
    store: ContactStore, region: str, entity: str, *, at: datetime, by: str
) -> dict[str, Any] | None:
    old = await store.clear_point(region, entity)
    if old is not None:
        record_point(store, region, entity, old, None, at=at, by=by)
    return old
