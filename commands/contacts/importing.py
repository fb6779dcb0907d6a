"""An import file's contacts stored: new ones added, those already there (the same name at the
same organisation) brought up to date, and the contact points the file names."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from commands.contacts.changes import add_contact, fill_contact, name_point, record_update
from commands.contacts.import_file import ImportedContact
from storage.contacts import Contact, ContactSource, ContactStore


@dataclass
class Imported:
    added: list[Contact] = field(default_factory=list)
    updated: list[Contact] = field(default_factory=list)
    unchanged: list[Contact] = field(default_factory=list)
    points: int = 0  # contact points named (not those that were this contact already)


async def store_contacts(
    store: ContactStore, contacts: tuple[ImportedContact, ...], *, at: datetime, by: str
) -> Imported:
    imported = Imported()
    for item in contacts:
        values = item.values
        contact = await store.named(values.name, values.organisation)
        if contact is None:
            contact = await add_contact(store, values, at=at, by=by, source=ContactSource.IMPORT)
            imported.added.append(contact)
        else:
            old, old_reach = contact.values(), (contact.phone, contact.email)
            fill_contact(contact, values)
            if (old, old_reach) == (contact.values(), (contact.phone, contact.email)):
                imported.unchanged.append(contact)
            else:
                record_update(store, contact, old, at, by)
                imported.updated.append(contact)
        if item.point is not None:
            for region in values.regions:
                if await name_point(store, region, item.point, contact_id=contact.id, at=at, by=by):
                    imported.points += 1
    return imported
