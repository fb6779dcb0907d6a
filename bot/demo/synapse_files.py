"""The files a private Synapse lives on: its generated config, our overlay, the log config, the
registration secret, the port and pid files, and the loopback ports it may take."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

from bot.matrix.files import write_private

log = logging.getLogger(__name__)

HS_CONFIG = "hs.yaml"
OVERLAY_CONFIG = "overlay.yaml"
LOG_CONFIG = "log.yaml"
LOG_FILE = "homeserver.log"
OUTPUT_FILE = "synapse.out"
PORT_FILE = "port"
PID_FILE = "synapse.pid"
SECRET_FILE = "registration_shared_secret"


# Rate limits high enough that tests and the demo never hit them.
UNLIMITED = {"per_second": 10000, "burst_count": 100000}
RATE_LIMITS: dict[str, Any] = {
    "rc_message": UNLIMITED,
    "rc_registration": UNLIMITED,
    "rc_registration_token_validity": UNLIMITED,
    "rc_login": {
        "address": UNLIMITED,
        "account": UNLIMITED,
        "failed_attempts": UNLIMITED,
    },
    "rc_joins": {"local": UNLIMITED, "remote": UNLIMITED},
    "rc_joins_per_room": UNLIMITED,
    "rc_invites": {
        "per_room": UNLIMITED,
        "per_user": UNLIMITED,
        "per_issuer": UNLIMITED,
    },
    "rc_third_party_invite": UNLIMITED,
    "rc_room_creation": UNLIMITED,
    "rc_admin_redaction": UNLIMITED,
    "rc_3pid_validation": UNLIMITED,
    "rc_key_requests": UNLIMITED,
    "rc_media_create": UNLIMITED,
    "rc_presence": {"per_user": UNLIMITED},
    "rc_delayed_event_mgmt": UNLIMITED,
    "rc_reports": UNLIMITED,
    "rc_user_directory": UNLIMITED,
    "rc_profile": UNLIMITED,
}


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # Synapse (Twisted) binds with SO_REUSEADDR, so lingering TIME_WAIT connections from an
        # earlier run do not block the port; only a live listener does.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def tail(path: Path, lines: int = 40, offset: int = 0) -> str:
    """The last ``lines`` lines of ``path``, ignoring the first ``offset`` bytes."""
    try:
        with path.open("rb") as fh:
            fh.seek(offset)
            text = fh.read().decode("utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


def generate_config(data_dir: Path, server_name: str) -> None:
    """Synapse's own generated config and signing key, readable by the owner only."""
    log.info("generating Synapse config in %s", data_dir)
    cmd = [
        sys.executable,
        "-m",
        "synapse.app.homeserver",
        "--generate-config",
        "--report-stats=no",
        "--server-name",
        server_name,
        "--config-path",
        str(data_dir / HS_CONFIG),
        "--data-directory",
        str(data_dir),
    ]
    old_umask = os.umask(0o077)
    try:
        result = subprocess.run(
            cmd,
            cwd=data_dir,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        os.umask(old_umask)
    if result.returncode != 0:
        raise RuntimeError(
            f"generating the Synapse config failed (exit {result.returncode}):\n"
            f"{result.stderr[-4000:]}"
        )
    # The generated config holds secrets (macaroon/form secrets); keep it and the key private.
    for path in data_dir.iterdir():
        if path.is_file():
            os.chmod(path, 0o600)


def refuse_if_orphan_running(data_dir: Path) -> None:
    """Fail if a Synapse started earlier on this data_dir (by a process that died) still runs.

    Two servers on one SQLite database would corrupt it.
    """
    pid_path = data_dir / PID_FILE
    try:
        pid = int(pid_path.read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        pid_path.unlink(missing_ok=True)
        return
    except PermissionError:
        pass
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.exists():
        args = cmdline.read_bytes().split(b"\0")
        if str(data_dir / HS_CONFIG).encode() not in args:
            pid_path.unlink(missing_ok=True)
            return
    raise RuntimeError(f"a Synapse for {data_dir} is still running as pid {pid}; stop it first")


def choose_port(data_dir: Path, requested: int | None) -> int:
    """The requested port, else the one used last time if it is free, else any free one."""
    if requested is not None:
        return requested
    with contextlib.suppress(OSError, ValueError):
        stored = int((data_dir / PORT_FILE).read_text(encoding="utf-8").strip())
        if 0 < stored < 65536 and port_is_free(stored):
            return stored
    return free_port()


def shared_secret(data_dir: Path) -> str:
    """The registration secret, made once and kept in the data directory."""
    path = data_dir / SECRET_FILE
    if path.exists():
        secret = path.read_text(encoding="utf-8").strip()
        if secret:
            return secret
    secret = secrets.token_urlsafe(32)
    write_private(path, secret + "\n")
    return secret


def write_log_config(data_dir: Path, log_file: Path) -> None:
    config = {
        "version": 1,
        "formatters": {"plain": {"format": "%(asctime)s - %(name)s - %(levelname)s - %(message)s"}},
        "handlers": {
            "file": {
                "class": "logging.FileHandler",
                "formatter": "plain",
                "filename": str(log_file),
                "encoding": "utf8",
            }
        },
        "loggers": {"synapse": {"level": "WARNING"}, "twisted": {"level": "WARNING"}},
        "root": {"level": "WARNING", "handlers": ["file"]},
        "disable_existing_loggers": False,
    }
    (data_dir / LOG_CONFIG).write_text(json.dumps(config, indent=2), encoding="utf-8")


def write_overlay(
    data_dir: Path, server_name: str, port: int, database: dict[str, Any] | None = None
) -> None:
    """Our settings layered over the generated config: loopback, no federation, no limits.

    `database` is Synapse's `database` section; by default SQLite in the data dir."""
    d = data_dir
    overlay: dict[str, Any] = {
        "server_name": server_name,
        "listeners": [
            {
                "port": port,
                "bind_addresses": ["127.0.0.1"],
                "type": "http",
                "tls": False,
                "x_forwarded": False,
                "resources": [{"names": ["client"], "compress": False}],
            }
        ],
        "database": database or {"name": "sqlite3", "args": {"database": str(d / "homeserver.db")}},
        "media_store_path": str(d / "media_store"),
        "log_config": str(d / LOG_CONFIG),
        "trusted_key_servers": [],
        "suppress_key_server_warning": True,
        "federation_domain_whitelist": [],
        "report_stats": False,
        "enable_registration": False,
        "registration_shared_secret": shared_secret(data_dir),
        "bcrypt_rounds": 4,
        **RATE_LIMITS,
    }
    # JSON is valid YAML, so no YAML library is needed to write the overlay.
    write_private(d / OVERLAY_CONFIG, json.dumps(overlay, indent=2) + "\n")
