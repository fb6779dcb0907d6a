"""check-config on the privacy section: an unknown record type, a bad term, a bad hold."""

from __future__ import annotations

from pathlib import Path

from config.check import check_config

BASE = (
    "matrix: {homeserver: 'http://hs', user_id: '@b:hs', access_token: t}\nplatform: {room: '!r'}\n"
)


def problems(tmp_path: Path, privacy: str) -> list[str]:
    path = tmp_path / "c.yaml"
    path.write_text(BASE + privacy)
    return [problem.removeprefix(f"{path}: ") for problem in check_config(path)]


def test_a_sound_privacy_section_has_no_problems(tmp_path: Path) -> None:
    section = (
        "privacy:\n"
        "  retention: {cases: 1825d, handled: 90d, logs: 30d}\n"
        "  retention_at: '03:30'\n"
        "  hold: [2026-017]\n"
    )
    assert problems(tmp_path, section) == []


def test_an_unknown_record_type_is_named(tmp_path: Path) -> None:
    assert problems(tmp_path, "privacy: {retention: {chats: 30d}}\n") == [
        "privacy.retention.chats: unknown key / onbekende sleutel"
    ]


def test_a_term_too_short_for_handled_events_says_why(tmp_path: Path) -> None:
    assert problems(tmp_path, "privacy: {retention: {handled: 1h}}\n") == [
        "privacy.retention.handled: must be at least 1d, or an old event could be handled twice"
    ]


def test_a_hold_that_is_not_a_case_number_is_named(tmp_path: Path) -> None:
    (problem,) = problems(tmp_path, "privacy: {hold: [2026-017, zaak 18]}\n")
    assert problem == "privacy.hold: 'zaak 18' is not a case number like 2026-017"
