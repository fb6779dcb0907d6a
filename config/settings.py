"""The bot's configuration: one YAML file, every key overridable by `SIGNAALBOT_<SECTION>__<KEY>`."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from config.durations import Duration
from config.network_settings import BorderSettings, DirectorySettings, NetworkSettings
from config.ops_settings import OpsSettings
from config.picture_settings import AccountabilitySettings, RiskSettings
from config.privacy_settings import PrivacySettings
from config.reference import REGIONAL_ENTITIES, Entity, parse_entity, regions
from config.scheduler_settings import SchedulerSettings
from config.section import Section as _Section

Role = Literal["lid", "vervanger", "projectleider", "operationeel leider"]


class MatrixSettings(_Section):
    homeserver: str = Field(description="URL of the homeserver's client API")
    user_id: str
    password: SecretStr | None = None
    access_token: SecretStr | None = None
    device_id: str = "SIGNAALBOT"
    encryption: Literal["auto", "on", "off"] = "auto"
    key_wait: Duration = Field(
        default=timedelta(seconds=60),
        description="how long an undecryptable message waits for its keys before the bot explains",
    )

    @field_validator("homeserver")
    @classmethod
    def _url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")

    @field_validator("user_id")
    @classmethod
    def _user_id(cls, value: str) -> str:
        return _matrix_id(value, "@")

    @model_validator(mode="after")
    def _credentials(self) -> MatrixSettings:
        if self.password is None and self.access_token is None:
            raise ValueError("set matrix.password or matrix.access_token")
        return self


class StorageSettings(_Section):
    data_dir: Path = Path("./data")
    database_url: str | None = Field(
        default=None, description="SQLAlchemy async URL; default SQLite in data_dir"
    )

    @property
    def url(self) -> str:
        return self.database_url or f"sqlite+aiosqlite:///{self.data_dir / 'signaalbot.db'}"


class PlatformSettings(_Section):
    room: str = Field(description="room id (!...) or alias (#...) of the platform room")
    lotc_room: str | None = None
    lotc_members: list[str] = Field(default_factory=list)
    timezone: str = "Europe/Amsterdam"
    language: Literal["nl"] = "nl"

    @field_validator("room", "lotc_room")
    @classmethod
    def _room(cls, value: str | None) -> str | None:
        if value is None:
            return None
        # Room ids have no server part since room version 12; aliases always have one.
        if not (value.startswith("!") and len(value) > 1) and not (
            value.startswith("#") and ":" in value
        ):
            raise ValueError("must be a room id (!abc...) or alias (#name:server)")
        return value

    @field_validator("lotc_members")
    @classmethod
    def _members(cls, value: list[str]) -> list[str]:
        return [_matrix_id(item, "@") for item in value]

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"unknown time zone {value!r}") from error
        return value

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class Member(_Section):
    entity: Entity
    region: str | None = None
    roles: list[Role] = Field(default_factory=lambda: ["lid"])
    name: str | None = None

    @field_validator("entity", mode="before")
    @classmethod
    def _entity(cls, value: Any) -> Any:
        if isinstance(value, str) and (entity := parse_entity(value)):
            return entity
        return value

    @field_validator("region", mode="before")
    @classmethod
    def _region(cls, value: Any) -> Any:
        if value is None:
            return None
        found = regions().lookup(str(value))
        if found.match is None:
            hint = f"; did you mean {', '.join(found.suggestions)}?" if found.suggestions else ""
            raise ValueError(f"unknown veiligheidsregio {value!r}{hint}")
        return found.match

    @model_validator(mode="after")
    def _regional(self) -> Member:
        if self.entity in REGIONAL_ENTITIES and self.region is None:
            raise ValueError(f"a {self.entity} member needs a region (VR01..VR25)")
        return self


class WindowSettings(_Section):
    repressive: Duration = timedelta(hours=24)
    reminders_before: list[Duration] = Field(
        default_factory=lambda: [timedelta(hours=12), timedelta(hours=4), timedelta(hours=1)]
    )
    report_after: Duration = timedelta(hours=48)
    report_every: Duration = timedelta(hours=24)
    report_at: time | None = Field(
        default=time(9, 0), description="local time of day for repeated report reminders"
    )
    late_after: Duration = Field(
        default=timedelta(minutes=1), description="a reminder sent later than this says so"
    )


class MeetingSettings(_Section):
    lotc_confirm_timeout: Duration = Field(
        default=timedelta(minutes=30),
        description="LOT-C's time to confirm a request before the bot convenes it anyway",
    )
    reminder_before: Duration = Field(
        default=timedelta(minutes=15), description="reminder to those who have not answered"
    )
    length: Duration = Field(default=timedelta(hours=1), description="for the calendar invitation")
    round_to: Duration = Field(
        default=timedelta(minutes=5),
        description="a meeting 'over 2 uur' starts at the next multiple of this on the clock",
    )
    video_url_template: str = Field(
        default="https://meet.jit.si/{token}",
        description="video link template; {token} becomes an unguessable room name",
    )

    @field_validator("round_to")
    @classmethod
    def _round_to(cls, value: timedelta) -> timedelta:
        if not timedelta(seconds=1) <= value <= timedelta(days=1):
            raise ValueError("must be between 1s and 1d")
        return value

    @field_validator("video_url_template")
    @classmethod
    def _template(cls, value: str) -> str:
        if "{token}" not in value or not value.startswith(("https://", "http://")):
            raise ValueError("must be an http(s) URL containing {token}")
        return value


class ActionSettings(_Section):
    remind_every: Duration = Field(
        default=timedelta(hours=24), description="an overdue action is reminded at most this often"
    )
    work_start: time = time(9, 0)
    work_end: time = time(17, 0)
    work_days: list[int] = Field(
        default_factory=lambda: [1, 2, 3, 4, 5], description="ISO weekdays, 1 is Monday"
    )

    @field_validator("work_days")
    @classmethod
    def _days(cls, value: list[int]) -> list[int]:
        if not value or any(day not in range(1, 8) for day in value):
            raise ValueError("list ISO weekdays 1 (Monday) to 7 (Sunday), at least one")
        return sorted(set(value))

    @model_validator(mode="after")
    def _hours(self) -> ActionSettings:
        if self.work_start >= self.work_end:
            raise ValueError("work_start must be before work_end")
        return self


class AgendaSettings(_Section):
    first: datetime | None = Field(
        default=None,
        description="the first biweekly platform meeting, local time (e.g. 2026-12-01T10:00); "
        "none: no agenda is posted",
    )
    every: Duration = timedelta(days=14)
    post_before: Duration = Field(
        default=timedelta(hours=24), description="the agenda is posted this long before"
    )


class PreventiveSettings(_Section):
    every: Duration = Field(
        default=timedelta(days=14), description="one preventive visit this often (plan, 3.2)"
    )
    warn_before: Duration = Field(
        default=timedelta(days=5), description="warn this long before a visit is due unplanned"
    )
    prepare_before: Duration = Field(
        default=timedelta(days=2), description="reminder to prepare, this long before a visit"
    )
    recent: Duration = Field(
        default=timedelta(days=28), description="signals this recent make a region a suggestion"
    )


class LimitSettings(_Section):
    """Sizes above which input is refused, so one message cannot flood a room or the database."""

    command_chars: int = 4000
    title_chars: int = 150
    field_chars: int = 1000


class DeliverySettings(_Section):
    retry_first: Duration = timedelta(seconds=1)
    retry_max: Duration = timedelta(minutes=5)
    sync_timeout: Duration = timedelta(seconds=30)
    parallel: int = Field(default=4, ge=1, description="rooms served at the same time")
    answers_first_wait: Duration = Field(
        default=timedelta(seconds=2),
        description="the longest one step of opening a room waits for answers under way",
    )
    give_up_after: Duration = Field(
        default=timedelta(hours=24),
        description="a message failing (or waiting) this long is set aside for an operator",
    )


class LoggingSettings(_Section):
    format: Literal["text", "json"] = Field(
        default="text", description="json: one object a line, for log collectors"
    )


class _EnvironmentFirst(BaseSettings):
    """`SIGNAALBOT_<SECTION>__<KEY>` overrides the YAML file, which comes in as init arguments."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return env_settings, init_settings


class Settings(_EnvironmentFirst):
    model_config = SettingsConfigDict(
        env_prefix="SIGNAALBOT_",
        env_nested_delimiter="__",
        extra="forbid",
        case_sensitive=False,
    )

    matrix: MatrixSettings
    storage: StorageSettings = Field(default_factory=StorageSettings)
    platform: PlatformSettings
    members: dict[str, Member] = Field(default_factory=dict)
    window: WindowSettings = Field(default_factory=WindowSettings)
    meetings: MeetingSettings = Field(default_factory=MeetingSettings)
    actions: ActionSettings = Field(default_factory=ActionSettings)
    agenda: AgendaSettings = Field(default_factory=AgendaSettings)
    preventive: PreventiveSettings = Field(default_factory=PreventiveSettings)
    limits: LimitSettings = Field(default_factory=LimitSettings)
    delivery: DeliverySettings = Field(default_factory=DeliverySettings)
    risk: RiskSettings = Field(default_factory=RiskSettings)
    accountability: AccountabilitySettings = Field(default_factory=AccountabilitySettings)
    directory: DirectorySettings = Field(default_factory=DirectorySettings)
    network: NetworkSettings = Field(default_factory=NetworkSettings)
    border: BorderSettings = Field(default_factory=BorderSettings)
    privacy: PrivacySettings = Field(default_factory=PrivacySettings)
    logging: LoggingSettings = Field(default_factory=LoggingSettings)
    ops: OpsSettings = Field(default_factory=OpsSettings)
    scheduler: SchedulerSettings = Field(default_factory=SchedulerSettings)

    @field_validator("members")
    @classmethod
    def _member_ids(cls, value: dict[str, Member]) -> dict[str, Member]:
        for user_id in value:
            _matrix_id(user_id, "@")
        return value


def _matrix_id(value: str, sigil: str) -> str:
    localpart, _, server = value[1:].partition(":")
    if not value.startswith(sigil) or not localpart or not server:
        raise ValueError(f"{value!r} is not a Matrix id like {sigil}name:example.org")
    return value


def read_yaml(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text("utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: the top level must be a mapping of sections")
    return data


def load_settings(path: Path | None) -> Settings:
    """Read the YAML file (if any) and apply environment overrides."""
    data = read_yaml(path) if path else {}
    return Settings(**data)


class _StorageOnly(_EnvironmentFirst):
    """The storage section alone, with the same environment overrides as the bot."""

    model_config = SettingsConfigDict(
        env_prefix="SIGNAALBOT_", env_nested_delimiter="__", extra="ignore", case_sensitive=False
    )

    storage: StorageSettings = Field(default_factory=StorageSettings)


def load_storage_settings(path: Path | None) -> StorageSettings:
    """Where the database is, for tools run next to the bot: no Matrix credentials needed."""
    data = read_yaml(path) if path else {}
    return _StorageOnly(storage=data.get("storage") or {}).storage


class _StorageAndPrivacy(_StorageOnly):
    """The storage and privacy sections, for the retention tool."""

    privacy: PrivacySettings = Field(default_factory=PrivacySettings)


def load_privacy_settings(path: Path | None) -> tuple[StorageSettings, PrivacySettings]:
    """Where the database is and how long records are kept: no Matrix credentials needed."""
    data = read_yaml(path) if path else {}
    loaded = _StorageAndPrivacy(
        storage=data.get("storage") or {}, privacy=data.get("privacy") or {}
    )
    return loaded.storage, loaded.privacy
