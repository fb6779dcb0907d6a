"""`privacy.log_file`: the log written to a file as well, rotated at midnight, kept
`privacy.retention.logs` days, readable by the bot's user only."""

from __future__ import annotations

import logging
import os
from logging.handlers import TimedRotatingFileHandler
from typing import IO

from config.privacy_settings import PrivacySettings

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class PrivateLogFile(TimedRotatingFileHandler):
    """Every file it opens, the first and each one after a rotation, is mode 0600."""

    def _open(self) -> IO[str]:
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.fchmod(descriptor, 0o600)  # also a file that was there with a wider mode
        return open(descriptor, "a", encoding=self.encoding, errors=self.errors)


def attach_log_file(privacy: PrivacySettings) -> PrivateLogFile | None:
    """Add the file to the root logger when one is configured; returns its handler."""
    if privacy.log_file is None:
        return None
    privacy.log_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    handler = PrivateLogFile(
        privacy.log_file,
        when="midnight",
        backupCount=privacy.retention.logs.days,
        encoding="utf-8",
    )
    handler.setFormatter(logging.Formatter(FORMAT))
    logging.getLogger().addHandler(handler)
    return handler
