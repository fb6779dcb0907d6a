"""Who stands in for whom: a substitute only while the member is away, and only if present."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from commands.core.roster import Directory, Person
from config.reference import Entity

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
LATER = NOW + timedelta(days=3)


def directory(*people: Person) -> Directory:
    return Directory(people={p.user_id: p for p in people}, bot_user="@bot:x")


def test_a_member_at_work_has_no_stand_in() -> None:
    found = directory(Person("@a:x", Entity.ISZW, substitute="@b:x"), Person("@b:x", Entity.ISZW))
    assert found.stand_in("@a:x", NOW) is None
    assert found.with_stand_ins(["@a:x"], NOW) == ["@a:x"]


def test_an_absent_member_brings_their_substitute() -> None:
    found = directory(
        Person("@a:x", Entity.ISZW, substitute="@b:x", away_until=LATER),
        Person("@b:x", Entity.ISZW),
    )
    assert found.with_stand_ins(["@a:x"], NOW) == ["@a:x", "@b:x"]
    assert found.with_stand_ins(["@a:x"], LATER) == ["@a:x"]  # back


def test_a_planned_absence_starts_at_its_moment() -> None:
    absent = Person("@a:x", Entity.ISZW, substitute="@b:x", away_from=NOW, away_until=LATER)
    found = directory(absent, Person("@b:x", Entity.ISZW))
    assert found.stand_in("@a:x", NOW - timedelta(seconds=1)) is None
    assert found.stand_in("@a:x", NOW) == "@b:x"


def test_a_substitute_who_is_away_too_or_gone_stands_in_for_nobody() -> None:
    away_too = directory(
        Person("@a:x", Entity.ISZW, substitute="@b:x", away_until=LATER),
        Person("@b:x", Entity.ISZW, away_until=LATER),
    )
    assert away_too.stand_in("@a:x", NOW) is None
    gone = directory(Person("@a:x", Entity.ISZW, substitute="@b:x", away_until=LATER))
    assert gone.stand_in("@a:x", NOW) is None


def test_nobody_is_named_twice() -> None:
    found = directory(
        Person("@a:x", Entity.ISZW, substitute="@b:x", away_until=LATER),
        Person("@b:x", Entity.ISZW),
    )
    assert found.with_stand_ins(["@a:x", "@b:x"], NOW) == ["@a:x", "@b:x"]
