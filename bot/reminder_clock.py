"""The platform's clock: reminder rows become APScheduler jobs; a job sends its reminder once.

The database is the truth. Jobs live in memory only for the reminders due within a horizon
(`scheduler.horizon`); they are rebuilt from the open reminder rows at start-up, after every
change, and every `scheduler.safety_net` (once a minute), which also pulls in the reminders that
have come within the horizon. The horizon is at least two such periods, so a reminder is read
well before it falls due. Sending marks the row sent in the same transaction that queues the
message, so a crash can neither lose nor repeat it. Reminders that fell due while the bot was
down are sent one after the other in the background from start-up on, saying they are late,
so however many there are the first sync is not held up.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.date import DateTrigger
from sqlalchemy.ext.asyncio import AsyncSession

from bot.directory_cache import DirectoryCache
from bot.ops.metrics import Metrics
from bot.outbox.writer import write_effects
from commands import plan_at_start, run_reminder
from commands.core.context import Workspace, open_workspace
from commands.core.roster import Directory
from config.settings import Settings
from storage.audit import (
    BOT_ACTOR,
    NO_OBJECT,
    AuditResult,
    AuditTrail,
    action_object,
    case_object,
    meeting_object,
    reminder_action,
)
from storage.database import Database
from storage.outbox import Outbox, OutboxEffect
from storage.reminders import Reminder, ReminderChanges, Reminders

log = logging.getLogger(__name__)

FOLLOW_DELAY = 0.2  # seconds between a committed change and its jobs
JOB_PREFIX = "reminder-"


class ReminderClock:
    def __init__(
        self,
        database: Database,
        settings: Settings,
        clock: Callable[[], datetime],
        rooms: tuple[str, str],
        deliver: Callable[[list[OutboxEffect]], None],
        directory: DirectoryCache | None = None,
        metrics: Metrics | None = None,
    ) -> None:
        """`rooms`: the platform room, and where LOT-C is alerted (its room, or the platform);
        `directory`: the bot's directory (one of its own when none is given)."""
        self.metrics = metrics
        self.directory = directory or DirectoryCache(database, settings, clock)
        self.platform_room, self.alert_room = rooms
        self.database = database
        self.settings = settings
        self.clock = clock
        self.deliver = deliver
        # A job is never dropped for being late (APScheduler's default grace is one second).
        self.scheduler = AsyncIOScheduler(
            timezone=UTC,
            job_defaults={"misfire_grace_time": None, "coalesce": True, "max_instances": 1},
        )
        self._rebuilding = asyncio.Lock()
        self._changes: list[ReminderChanges] = []
        self._firing: set[int] = set()
        self._follow_handle: asyncio.TimerHandle | None = None
        self._horizon_end = datetime.min.replace(tzinfo=UTC)  # no jobs before the first read
        self._followed: set[int] = set()  # scheduled by `follow` while a rebuild was reading
        self._overdue: deque[int] = deque()  # due already, sent one after the other
        self._queued: set[int] = set()  # in `_overdue`, or being sent from it
        self._catching_up: asyncio.Task[None] | None = None

    async def start(self) -> None:
        started = time.perf_counter()
        await self.directory.current()  # read before the transaction below begins
        async with self.database.transaction() as session:
            await self._plan_cycle(session)
        self.scheduler.start()
        self.scheduler.add_job(
            self.rebuild,
            "interval",
            seconds=self.settings.scheduler.safety_net.total_seconds(),
            id="safety-net",
        )
        await self.rebuild()
        log.info(
            "reminder clock started in %.3f s: %d jobs, %d overdue",
            time.perf_counter() - started,
            self.jobs(),
            len(self._queued),
        )

    def stop(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        if self._catching_up is not None:
            self._catching_up.cancel()

    def jobs(self) -> int:
        """How many reminders are held as jobs."""
        return sum(job.id.startswith(JOB_PREFIX) for job in self.scheduler.get_jobs())

    def follow(self, changes: ReminderChanges) -> None:
        """Called after a change commits: jobs for its new reminders, none for cancelled ones.

        Applied a moment later, so the answer to the command goes out first; reminders are
        hours apart in practice, and the safety net would catch any that slipped.
        """
        self._changes.append(changes)
        if self._follow_handle is None:
            loop = asyncio.get_running_loop()
            self._follow_handle = loop.call_later(FOLLOW_DELAY, self._apply_changes)

    def _apply_changes(self) -> None:
        self._follow_handle = None
        changes, self._changes = self._changes, []
        for change in changes:
            for reminder_id in change.cancelled:
                self._unschedule(reminder_id)
            for reminder in change.added:
                if reminder.due_at <= self._horizon_end:  # later: a rebuild pulls it in
                    self._schedule(reminder.id, reminder.due_at)
                    self._followed.add(reminder.id)

    def _schedule(self, reminder_id: int, due: datetime) -> None:
        job_id = f"{JOB_PREFIX}{reminder_id}"
        if self.scheduler.get_job(job_id) is None:
            self.scheduler.add_job(
                self.fire, DateTrigger(run_date=due), id=job_id, args=[reminder_id]
            )

    def _unschedule(self, reminder_id: int) -> None:
        job = self.scheduler.get_job(f"{JOB_PREFIX}{reminder_id}")
        if job is not None:
            job.remove()

    async def rebuild(self) -> None:
        """Jobs for the open reminders due within the horizon, none for any other; those due
        already and without a job are sent in the background."""
        async with self._rebuilding:
            self._followed = set()
            now = self.clock()
            until = now + self.settings.scheduler.horizon
            async with self.database.transaction() as session:
                rows = await Reminders(session).open_until(until)
            self._horizon_end = until
            self._drop_jobs_except({reminder_id for reminder_id, _ in rows} | self._followed)
            for reminder_id, due in rows:
                if reminder_id in self._firing or reminder_id in self._queued:
                    continue  # being sent right now, or waiting to be
                has_job = self.scheduler.get_job(f"{JOB_PREFIX}{reminder_id}") is not None
                if due <= now and not has_job:
                    self._catch_up(reminder_id)
                else:
                    self._schedule(reminder_id, due)

    def _drop_jobs_except(self, keep: set[int]) -> None:
        """Remove the jobs of reminders sent or cancelled meanwhile."""
        for job in self.scheduler.get_jobs():
            if job.id.startswith(JOB_PREFIX) and int(job.id.removeprefix(JOB_PREFIX)) not in keep:
                job.remove()

    def _catch_up(self, reminder_id: int) -> None:
        self._queued.add(reminder_id)
        self._overdue.append(reminder_id)
        if self._catching_up is None or self._catching_up.done():
            self._catching_up = asyncio.create_task(self._send_overdue())

    async def _send_overdue(self) -> None:
        """Soonest due first, one at a time: the sync and the commands go on in between."""
        while self._overdue:
            reminder_id = self._overdue.popleft()
            try:
                await self.fire(reminder_id)
            finally:
                self._queued.discard(reminder_id)
            await asyncio.sleep(0)

    async def _plan_cycle(self, session: AsyncSession) -> None:
        """What the families plan at start-up, once (the rows say what was): the next agenda,
        the cadence warning."""
        await plan_at_start(self._workspace(session, await self.directory.current()))

    def _workspace(
        self, session: AsyncSession, directory: Directory, now: datetime | None = None
    ) -> Workspace:
        return open_workspace(
            session,
            self.settings,
            directory,
            self.platform_room,
            now or self.clock(),
            self.alert_room,
        )

    async def fire(self, reminder_id: int) -> None:
        if reminder_id in self._firing:
            return  # never two sends of one reminder at once
        self._firing.add(reminder_id)
        try:
            rows, changes = await self._send(reminder_id)
        except Exception:
            log.exception("reminder %s failed; the safety net tries again", reminder_id)
            return
        finally:
            self._firing.discard(reminder_id)
        self.deliver(rows)
        if changes:
            self.follow(changes)

    async def _send(self, reminder_id: int) -> tuple[list[OutboxEffect], ReminderChanges]:
        now = self.clock()
        directory = await self.directory.current()
        async with self.database.transaction() as session:
            workspace = self._workspace(session, directory, now)
            reminder = await workspace.reminders.get(reminder_id)
            if reminder is None or reminder.sent_at or reminder.cancelled_at:
                return [], ReminderChanges()
            effects = await run_reminder(reminder, workspace)
            if effects is None:
                reminder.cancelled_at = now  # its reason has gone, or a later one says more
                return [], workspace.reminder_changes
            reminder.sent_at = now
            rows = await write_effects(Outbox(session), effects, now, alert_room=self.alert_room)
            await AuditTrail(session).append(
                action=reminder_action(reminder.kind),
                object=await _reminder_object(reminder, workspace),
                result=AuditResult.DONE,
                actor=BOT_ACTOR,
                at=now,
            )
        lateness = (now - reminder.due_at).total_seconds()
        log.info("reminder %s (%s) sent %.3f s after due", reminder.id, reminder.kind, lateness)
        if self.metrics is not None:
            self.metrics.reminder_sent(lateness)
        return rows, workspace.reminder_changes


async def _reminder_object(reminder: Reminder, workspace: Workspace) -> str:
    """What a reminder is about, for the audit trail: its case, meeting or action."""
    if reminder.case_id is not None:
        case = await workspace.cases.by_id(reminder.case_id)
        return case_object(case.number) if case else NO_OBJECT
    if reminder.meeting_id is not None:
        return meeting_object(reminder.meeting_id)
    if reminder.action_id is not None:
        return action_object(reminder.action_id)
    return NO_OBJECT
