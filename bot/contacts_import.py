"""`signaalbot import contacten FILE`: contacts outside Matrix, and the contact points a file
names for them.

The file is read and checked first; only a file without a single problem is stored, in one
transaction, with one record on the audit trail (a refused file is one record too). A contact
already there (the same name at the same organisation) is updated, not doubled. What is printed names contacts by number and name, never a phone number or e-mail.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path

from bot.audit_cli import record_operator, record_refused
from commands.contacts.import_file import ReadContacts, read_contacts
from commands.contacts.importing import Imported, store_contacts
from commands.texts import contacts as texts
from config.settings import load_storage_settings
from storage.audit import CONTACTS, IMPORT_CONTACTS, AuditResult
from storage.contacts import Contact, ContactStore
from storage.migrate import migrated_database


def run_contacts_import(file: Path, config: Path) -> int:
    """0 when every contact was stored; 1 when the file was refused (nothing stored)."""
    try:
        content = file.read_bytes()
    except OSError as error:
        print(texts.FILE_UNREADABLE.format(file=file, reason=error.strerror), file=sys.stderr)
        return 1
    read = read_contacts(file.name, content)
    if read.problems:
        for problem in read.problems:
            print(problem, file=sys.stderr)
        count = len(read.problems)
        refused = texts.IMPORT_REFUSED if count == 1 else texts.IMPORT_REFUSED_MANY
        print(refused.format(count=count), file=sys.stderr)
        record_refused(config, IMPORT_CONTACTS, CONTACTS)
        return 1
    storage = load_storage_settings(config if config.exists() else None)
    print(asyncio.run(_store(storage.url, read, file.name)))
    return 0


async def _store(url: str, read: ReadContacts, name: str) -> str:
    async with migrated_database(url) as database, database.transaction() as session:
        imported = await store_contacts(
            ContactStore(session), read.contacts, at=datetime.now(UTC), by=texts.IMPORT_ACTOR
        )
        await record_operator(session, IMPORT_CONTACTS, CONTACTS, AuditResult.DONE)
        return summary(imported, name)


def summary(imported: Imported, name: str) -> str:
    """One line per contact added or updated, then the counts."""
    said = [texts.IMPORTED_ADDED.format(contact=_named(c)) for c in imported.added]
    said += [texts.IMPORTED_UPDATED.format(contact=_named(c)) for c in imported.updated]
    said.append(
        texts.IMPORTED.format(
            file=name,
            added=len(imported.added),
            updated=len(imported.updated),
            unchanged=len(imported.unchanged),
            points=imported.points,
        )
    )
    return "\n".join(said)


def _named(contact: Contact) -> str:
    return texts.IMPORTED_CONTACT.format(number=contact.id, name=contact.name)
