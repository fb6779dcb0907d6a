"""At every start the configuration's members are merged into the directory in the database."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from bot.directory_cache import DirectoryCache
from config.settings import Settings
from storage.database import Database
from storage.directory import ChangeKind, MemberSource
from tests.unit.directory.helpers import ISZW, LEADER, NEW, VR06, changes, stored
from tests.unit.helpers import NOW, PLATFORM, answer, make_dispatcher, make_settings


def without(settings: Settings, user_id: str) -> Settings:
    data = settings.model_dump(mode="json")
    data["matrix"]["password"] = "x"
    del data["members"][user_id]
    return Settings(**data)


async def start(database: Database, settings: Settings) -> DirectoryCache:
    cache = DirectoryCache(database, settings, lambda: NOW + timedelta(hours=1))
    await cache.current()
    return cache


async def test_the_first_start_puts_the_configured_members_in(database: Database) -> None:
    cache = await start(database, make_settings())
    directory = await cache.current()
    assert sorted(p.user_id for p in directory) == sorted(make_settings().members)
    row = await stored(database, ISZW)
    assert row is not None and row.source == MemberSource.CONFIG and row.name == "Ilse"
    added = [c for c in await changes(database) if c.kind == ChangeKind.ADDED]
    assert len(added) == 5 and {c.actor for c in added} == {"config"}


async def test_a_second_start_changes_nothing(database: Database) -> None:
    await start(database, make_settings())
    before = len(await changes(database))
    await start(database, make_settings())
    assert len(await changes(database)) == before


async def test_the_configuration_wins_for_its_members_and_says_so(
    database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    dispatcher = make_dispatcher(database)
    await answer(dispatcher, f"!lid wijzig {VR06} GGD VR06", sender=LEADER, room=PLATFORM)
    with caplog.at_level(logging.INFO, logger="bot.directory_cache"):
        await start(database, make_settings())
    row = await stored(database, VR06)
    assert row is not None and (row.entity, row.region) == ("VR", "VR06")
    assert f"changed {VR06} to the configuration: entity" in caplog.text
    [last] = (await changes(database, VR06))[-1:]
    assert (last.kind, last.actor) == (ChangeKind.CHANGED, "config")


async def test_members_added_in_the_chat_are_kept(database: Database) -> None:
    dispatcher = make_dispatcher(database)
    await answer(dispatcher, f"!lid toevoegen {NEW} NVWA", sender=LEADER, room=PLATFORM)
    cache = await start(database, make_settings())
    assert NEW in await cache.current()


async def test_a_member_no_longer_configured_leaves_the_directory(
    database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    await start(database, make_settings())
    with caplog.at_level(logging.INFO, logger="bot.directory_cache"):
        cache = await start(database, without(make_settings(), VR06))
    assert VR06 not in await cache.current()
    assert f"removed {VR06}: no longer in the configuration" in caplog.text


async def test_a_merge_keeps_substitutes_and_absence(database: Database) -> None:
    dispatcher = make_dispatcher(database)
    await answer(dispatcher, f"!vervanger {VR06}", sender=ISZW, room=PLATFORM)
    await answer(dispatcher, "!afwezig tot vrijdag", sender=ISZW, room=PLATFORM)
    cache = await start(database, make_settings())
    person = (await cache.current()).member(ISZW)
    assert person is not None and person.substitute == VR06 and person.away_until is not None


async def test_no_name_or_contact_detail_is_logged(
    database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="bot.directory_cache"):
        await start(database, make_settings())
    assert "Ilse" not in caplog.text
