"""The operations section: the metrics and health endpoint, off unless `listen` is set."""

from __future__ import annotations

from datetime import timedelta

from pydantic import Field, field_validator

from config.durations import Duration
from config.section import Section


class OpsSettings(Section):
    listen: str | None = Field(
        default=None, description="host:port of /metrics and /health (e.g. 127.0.0.1:9464)"
    )
    stale_after: Duration = Field(
        default=timedelta(minutes=2), description="/health fails when no sync succeeded this long"
    )
    late_after: Duration = Field(
        default=timedelta(minutes=1),
        description="a reminder sent this long after its due time counts as late",
    )
    failover_after: Duration = Field(
        default=timedelta(seconds=15),
        description="on PostgreSQL: a standby takes over within this long after the active "
        "instance dies or loses the database",
    )

    @field_validator("failover_after")
    @classmethod
    def _failover_after(cls, value: timedelta) -> timedelta:
        if value < timedelta(seconds=3):
            raise ValueError("must be at least 3s: the lock's checks need a few seconds")
        return value

    @field_validator("listen")
    @classmethod
    def _listen(cls, value: str | None) -> str | None:
        if value is None:
            return None
        host, _, port = value.rpartition(":")
        if not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise ValueError("must be host:port, e.g. 127.0.0.1:9464")
        return value

    @property
    def host_and_port(self) -> tuple[str, int]:
        assert self.listen is not None
        host, _, port = self.listen.rpartition(":")
        return host.strip("[]"), int(port)
