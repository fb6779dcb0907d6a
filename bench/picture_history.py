"""Five years of platform history as rows of the ``cases`` table, made up with a fixed seed.

Repressive cases come from a pool of companies (a few signalled often, most once or twice),
spread over the regions and sectors with weights, more of them in summer and in later years.
Each follows the case's path - coordinator, decision, visit (mostly within 24 hours), report
(some naming measures), closed - as far as the run's "now" has reached. A preventive visit
falls every two weeks. `bench/picture_seed.py` writes the rows.
"""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from commands.cases.fields import company_key
from config.reference import Entity, regions, sectors
from storage.cases import Case, CaseKind, CaseStatus, Decision

HISTORY = timedelta(days=5 * 365)
PREVENTIVE_EVERY = timedelta(days=14)
CASES_PER_COMPANY = 4  # on average; the pool is skewed, so some companies recur far more often
KVK_SHARE = 0.8
VISIT_SHARE = 0.75
IN_TIME_SHARE = 0.85
REPORT_SHARE = 0.92
MEASURES_SHARE = 0.45
CLOSE_SHARE = 0.97
REPEAT_SHARE = 0.1

# Regions and sectors where labour migrants work most get more signals; the rest weigh 1.
REGION_WEIGHTS = {"VR08": 3, "VR15": 3, "VR23": 3, "VR21": 2.5, "VR06": 2, "VR20": 2, "VR22": 2}
SECTOR_WEIGHTS = {
    "land-tuinbouw": 8,
    "vleesverwerking": 7,
    "logistiek": 6,
    "uitzendbranche": 4,
    "voedingsmiddelen": 4,
    "bouw": 3,
    "productie": 3,
    "huisvesting": 2,
}
COORDINATORS = [(Entity.ISZW, 35), (Entity.NVWA, 25), (Entity.GGD, 25), (Entity.VR, 15)]


@dataclass(frozen=True)
class Company:
    title: str
    location: str
    kvk: str | None
    region: str
    sector: str

    @property
    def columns(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "company_key": company_key(self.title, self.location),
            "kvk": self.kvk,
            "region": self.region,
            "sector": self.sector,
            "location": self.location,
        }


@dataclass(frozen=True)
class Intake:
    """Where the seeded cases say they came from: the platform room and its members."""

    room_id: str
    people: list[str]


def hours(rng: random.Random, low: float, high: float) -> timedelta:
    return timedelta(hours=rng.uniform(low, high))


def _weighted(rng: random.Random, codes: list[str], weights: dict[str, float], k: int) -> list[str]:
    return rng.choices(codes, weights=[weights.get(code, 1) for code in codes], k=k)


def company_pool(rng: random.Random, count: int) -> list[Company]:
    """`count` companies, each in one region and sector; places are numbered per region."""
    codes = _weighted(rng, sorted(regions().by_code), REGION_WEIGHTS, count)
    keys = _weighted(rng, sorted(sectors().by_key), SECTOR_WEIGHTS, count)
    return [
        Company(
            title=f"Bedrijf {index}",
            location=f"Plaats {code[2:]}-{rng.randrange(40)}",
            kvk=f"{rng.randrange(10**8):08d}" if rng.random() < KVK_SHARE else None,
            region=code,
            sector=key,
        )
        for index, (code, key) in enumerate(zip(codes, keys, strict=True))
    ]


def signal_times(rng: random.Random, count: int, since: datetime, now: datetime) -> list[datetime]:
    """`count` moments in [since, now), sorted: more in summer, and growing over the years."""
    span = (now - since).total_seconds()
    times: list[datetime] = []
    while len(times) < count:
        moment = since + timedelta(seconds=rng.random() * span)
        summer = math.sin(math.pi * moment.timetuple().tm_yday / 366) ** 2
        growth = (moment - since).total_seconds() / span
        if rng.random() < (0.6 + 0.4 * summer) * (0.6 + 0.4 * growth):
            times.append(moment)
    return sorted(times)


#: Left out of a row that has none: an explicit None would be stored as JSON ``null``.
REPORT = "report"


def blank_row() -> dict[str, Any]:
    """Every column of ``cases`` empty, but the id, the report and those the database computes:
    a bulk insert needs the same keys in each row, so rows with a report go in separately."""
    skipped = {"id", REPORT}
    row: dict[str, Any] = {
        c.name: None for c in Case.__table__.columns if c.name not in skipped and c.computed is None
    }
    return row | {"aspects": [], "unread": {}, "overdue": False}


_ENTITIES = [entity for entity, _weight in COORDINATORS]
_ENTITY_WEIGHTS = list(itertools.accumulate(weight for _entity, weight in COORDINATORS))


def _coordinator(rng: random.Random, region: str) -> tuple[str, str | None]:
    entity = rng.choices(_ENTITIES, cum_weights=_ENTITY_WEIGHTS)[0]
    return entity.value, (region if entity in (Entity.GGD, Entity.VR) else None)


def _no_visit(rng: random.Random, decided: datetime, now: datetime) -> dict[str, Any]:
    closed = decided + hours(rng, 1, 72)
    if closed > now:
        return {"status": CaseStatus.DECIDED}
    return {"status": CaseStatus.CLOSED, "closed_at": closed, "close_reason": "Geen inzet nodig"}


def _after_visit(rng: random.Random, visited: datetime, now: datetime) -> dict[str, Any]:
    """Report (a share naming measures) and closing, as far as `now` has come."""
    if rng.random() >= REPORT_SHARE:
        given_up = visited + timedelta(days=rng.uniform(14, 60))
        if given_up > now:
            return {"status": CaseStatus.VISITED}
        return {
            "status": CaseStatus.CLOSED,
            "closed_at": given_up,
            "close_reason": "Geen rapportage",
        }
    filed = visited + timedelta(days=rng.uniform(1, 10))
    if filed > now:
        return {"status": CaseStatus.VISITED}
    report = {"findings": "Bevindingen van de inzet"}
    if rng.random() < MEASURES_SHARE:
        report["measures"] = "Maatregelen opgelegd"
    done = {"status": CaseStatus.REPORT_RECEIVED, REPORT: report, "report_filed_at": filed}
    closed = filed + timedelta(days=rng.uniform(1, 14))
    if rng.random() < CLOSE_SHARE and closed <= now:
        done |= {"status": CaseStatus.CLOSED, "closed_at": closed}
    return done


def case_path(
    rng: random.Random, signalled: datetime, region: str, now: datetime
) -> dict[str, Any]:
    """The path's columns of a repressive case signalled at `signalled`, as `now` finds it."""
    deadline = signalled + timedelta(hours=24)
    if signalled + hours(rng, 0.1, 1) > now:
        return {"status": CaseStatus.REPORTED, "deadline_at": deadline}
    coordinator, coordinator_region = _coordinator(rng, region)
    path: dict[str, Any] = {
        "status": CaseStatus.ASSESSING,
        "deadline_at": deadline,
        "coordinator": coordinator,
        "coordinator_region": coordinator_region,
    }
    decided = signalled + hours(rng, 0.5, 8)
    if decided > now:
        return path
    if rng.random() >= VISIT_SHARE:
        return path | {"decision": Decision.NO_VISIT} | _no_visit(rng, decided, now)
    lead = hours(rng, 2, 23.5) if rng.random() < IN_TIME_SHARE else hours(rng, 24.5, 96)
    visited = signalled + lead
    path |= {
        "status": CaseStatus.PLANNED,
        "decision": Decision.VISIT,
        "visit_planned_at": visited,
        "overdue": deadline <= now and visited > deadline,
    }
    if visited > now:
        return path
    path |= {"visited_at": visited, "lead_time_seconds": int(lead.total_seconds())}
    return path | _after_visit(rng, visited, now)


def repressive_rows(
    rng: random.Random, count: int, since: datetime, now: datetime, intake: Intake
) -> list[dict[str, Any]]:
    """`count` signals, in time order, from a pool of a quarter as many companies."""
    pool = company_pool(rng, max(1, count // CASES_PER_COMPANY))
    columns = [company.columns for company in pool]
    skew = [1 / math.sqrt(rank + 1) for rank in range(len(pool))]
    picked = rng.choices(range(len(pool)), weights=skew, k=count)
    blank = blank_row()
    rows = []
    for index, (chosen, signalled) in enumerate(
        zip(picked, signal_times(rng, count, since, now), strict=True)
    ):
        rows.append(
            blank
            | columns[chosen]
            | {
                "kind": CaseKind.REPRESSIVE,
                "signalled_at": signalled,
                "created_by": rng.choice(intake.people),
                "intake_room_id": intake.room_id,
                "intake_event_id": f"$seeded-{index}",
            }
            | case_path(rng, signalled, pool[chosen].region, now)
        )
    return rows


def preventive_rows(since: datetime, now: datetime, intake: Intake) -> list[dict[str, Any]]:
    """One visit every two weeks, the last carried out a day ago, the next one planned."""
    codes, keys = sorted(regions().by_code), sorted(sectors().by_key)
    moments = []
    moment = now - timedelta(days=1)
    while moment - timedelta(days=10) >= since:
        moments.append(moment)
        moment -= PREVENTIVE_EVERY
    rows = []
    for index, at in enumerate([now + timedelta(days=13), *moments]):
        sector = keys[index % len(keys)]
        row = blank_row() | {
            "kind": CaseKind.PREVENTIVE,
            "title": sectors()[sector].name,
            "company_key": f"preventief:{sector}",
            "region": codes[index % len(codes)],
            "sector": sector,
            "status": CaseStatus.PLANNED,
            "signalled_at": min(at - timedelta(days=10), now - timedelta(hours=1)),
            "deadline_at": at,
            "visit_planned_at": at,
            "coordinator": Entity.GGD.value,
            "coordinator_region": codes[index % len(codes)],
            "created_by": intake.people[index % len(intake.people)],
            "intake_room_id": intake.room_id,
            "intake_event_id": f"$seeded-preventive-{index}",
        }
        rows.append(row | (_preventive_done(at, now) if at <= now else {}))
    return rows


def _preventive_done(at: datetime, now: datetime) -> dict[str, Any]:
    done: dict[str, Any] = {
        "status": CaseStatus.VISITED,
        "visited_at": at,
        "lead_time_seconds": int(timedelta(days=10).total_seconds()),
    }
    if at + timedelta(days=2) <= now:
        done |= {
            "status": CaseStatus.CLOSED,
            REPORT: {"findings": "Bevindingen van het bezoek"},
            "report_filed_at": at + timedelta(days=2),
            "closed_at": at + timedelta(days=5),
        }
    return done


def number(rows: list[dict[str, Any]], zone: ZoneInfo) -> list[dict[str, Any]]:
    """Sorted by signal, each numbered within its (local) year as the bot numbers cases, and
    its id in that order too."""
    ordered = sorted(rows, key=lambda row: row["signalled_at"])
    last: dict[int, int] = {}
    for case_id, row in enumerate(ordered, start=1):
        year = row["signalled_at"].astimezone(zone).year
        last[year] = last.get(year, 0) + 1
        row |= {"id": case_id, "year": year, "seq": last[year]}
    return ordered


def repeat_moment(rng: random.Random, row: dict[str, Any], now: datetime) -> datetime:
    """When a repeat signal joined the case: while it was open, within a week of the first."""
    signalled = row["signalled_at"]
    end = min(row["closed_at"] or now, now, signalled + timedelta(days=7))
    return signalled + (end - signalled) * rng.random()
