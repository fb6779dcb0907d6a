"""Configuration: YAML plus environment overrides, and check-config's plain answers."""

from pathlib import Path

import pytest

from config.check import check_config
from config.reference import Entity, regions
from config.settings import load_settings

EXAMPLE = Path(__file__).parents[3] / "config" / "example.yaml"


def test_example_configuration_is_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIGNAALBOT_MATRIX__PASSWORD", "secret")
    settings = load_settings(EXAMPLE)
    assert settings.members["@jan:example.org"].entity is Entity.ISZW
    assert settings.members["@an:example.org"].region == "VR06"
    assert settings.window.repressive.total_seconds() == 24 * 3600
    assert settings.delivery.give_up_after.total_seconds() == 24 * 3600


def test_environment_overrides_single_keys_of_the_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SIGNAALBOT_MATRIX__PASSWORD", "secret")
    monkeypatch.setenv("SIGNAALBOT_WINDOW__REPRESSIVE", "10m")
    monkeypatch.setenv("SIGNAALBOT_STORAGE__DATABASE_URL", "postgresql+asyncpg://h/db")
    settings = load_settings(EXAMPLE)
    assert settings.window.repressive.total_seconds() == 600
    assert [d.total_seconds() for d in settings.window.reminders_before] == [43200, 14400, 3600]
    assert settings.storage.url == "postgresql+asyncpg://h/db"
    assert settings.matrix.homeserver == "https://matrix.example.org"


def test_iso_durations_and_entity_aliases(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        "matrix: {homeserver: 'http://hs', user_id: '@b:hs', access_token: t}\n"
        "platform: {room: '!r'}\n"
        "members: {'@a:hs': {entity: Arbeidsinspectie}, '@b:hs': {entity: lotc}}\n"
        "window: {repressive: PT2H}\n"
    )
    settings = load_settings(path)
    assert settings.members["@a:hs"].entity is Entity.ISZW
    assert settings.members["@b:hs"].entity is Entity.LOTC
    assert settings.window.repressive.total_seconds() == 7200
    assert settings.storage.url.endswith("data/signaalbot.db")


def test_check_config_names_every_wrong_key(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "matrix: {homeserver: 'matrix.example.org', user_id: 'bot'}\n"
        "platform: {room: 'platform', timezone: Europe/Amstredam}\n"
        "members:\n"
        "  '@a:hs': {entity: FBI}\n"
        "  '@b:hs': {entity: VR}\n"
        "  '@c:hs': {entity: GGD, region: Twnete}\n"
        "window: {repressive: soon}\n"
        "colour: blue\n"
    )
    problems = "\n".join(check_config(path))
    for key in (
        "matrix.homeserver",
        "matrix.user_id",
        "platform.room",
        "platform.timezone",
        "members.@a:hs.entity",
        "members.@b:hs",
        "members.@c:hs.region",
        "window.repressive",
        "colour",
    ):
        assert f": {key}:" in problems, key
    assert "did you mean Twente (VR05)" in problems


def test_check_config_asks_for_credentials(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("matrix: {homeserver: 'http://hs', user_id: '@b:hs'}\nplatform: {room: '!r'}\n")
    (problem,) = check_config(path)
    assert problem.endswith("matrix: set matrix.password or matrix.access_token")


def test_check_config_on_a_missing_or_broken_file(tmp_path: Path) -> None:
    assert "not found" in check_config(tmp_path / "nope.yaml")[0]
    broken = tmp_path / "broken.yaml"
    broken.write_text("matrix: [unclosed\n")
    assert "YAML" in check_config(broken)[0]


def test_all_25_regions_with_their_aliases() -> None:
    assert len(regions().by_code) == 25
    assert regions().lookup("Gooi & Vechtstreek").match == "VR14"
    assert regions().lookup("vr6").match == "VR06"
    assert regions()["VR23"].borders == ("DE", "BE")


def test_meeting_rounding_is_a_duration_of_at_least_a_second(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    base = "matrix: {homeserver: 'http://hs', user_id: '@b:hs', access_token: t}\n"
    path.write_text(base + "platform: {room: '!r'}\nmeetings: {round_to: 15m}\n")
    assert load_settings(path).meetings.round_to.total_seconds() == 900
    path.write_text(base + "platform: {room: '!r'}\nmeetings: {round_to: 0s}\n")
    (problem,) = check_config(path)
    assert ": meetings.round_to:" in problem


def test_the_reminder_horizon_covers_two_safety_net_checks(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    base = "matrix: {homeserver: 'http://hs', user_id: '@b:hs', access_token: t}\n"
    path.write_text(base + "platform: {room: '!r'}\nscheduler: {safety_net: 30s, horizon: 1m}\n")
    scheduler = load_settings(path).scheduler
    assert (scheduler.safety_net.total_seconds(), scheduler.horizon.total_seconds()) == (30, 60)
    path.write_text(base + "platform: {room: '!r'}\nscheduler: {safety_net: 1m, horizon: 90s}\n")
    (problem,) = check_config(path)
    assert "scheduler" in problem and "twice safety_net" in problem
