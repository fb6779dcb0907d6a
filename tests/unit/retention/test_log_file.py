"""`privacy.log_file`: rotated at midnight, `retention.logs` files kept, mode 0600."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

from bot.log_file import attach_log_file
from config.privacy_settings import PrivacySettings
from tests.unit.retention.helpers import retention_settings


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_no_file_is_written_unless_one_is_configured() -> None:
    assert attach_log_file(retention_settings().privacy) is None


def test_the_log_file_is_private_rotates_at_midnight_and_keeps_the_configured_days(
    tmp_path: Path,
) -> None:
    path = tmp_path / "logs" / "signaalbot.log"
    privacy = PrivacySettings(log_file=path, retention={"logs": "14d"})
    handler = attach_log_file(privacy)
    assert handler is not None
    try:
        logging.getLogger("signaalbot.test").warning("retention: anonymised cases 3")
        handler.flush()
        assert "retention: anonymised cases 3" in path.read_text("utf-8")
        assert (handler.when, handler.backupCount) == ("MIDNIGHT", 14)
        assert mode(path) == 0o600
        handler.doRollover()  # the next day's file is private too
        assert mode(path) == 0o600
        assert [mode(old) for old in path.parent.glob("signaalbot.log.*")] == [0o600]
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()


def test_a_file_that_was_readable_by_others_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "signaalbot.log"
    path.write_text("")
    path.chmod(0o644)
    handler = attach_log_file(retention_settings(log_file=str(path)).privacy)
    assert handler is not None
    logging.getLogger().removeHandler(handler)
    handler.close()
    assert mode(path) == 0o600
