"""A private Synapse homeserver on loopback, for the demo, integration tests and benchmarks.

Synapse is an optional dependency: nothing is imported from it here. The server runs as a child
process (``python -m synapse.app.homeserver``) with everything (config, signing key, SQLite
database, media, logs) inside one data directory, so a later ``start()`` on the same directory
brings back the same server with the same users and rooms.

The API is synchronous; async callers should wrap it in ``asyncio.to_thread``.
"""

from __future__ import annotations

import atexit
import hashlib
import hmac
import json
import logging
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import Any

from bot.demo.synapse_files import (
    HS_CONFIG,
    LOG_FILE,
    OUTPUT_FILE,
    OVERLAY_CONFIG,
    PID_FILE,
    PORT_FILE,
    choose_port,
    generate_config,
    refuse_if_orphan_running,
    shared_secret,
    tail,
    write_log_config,
    write_overlay,
)

log = logging.getLogger(__name__)

START_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0


class LocalSynapse:
    """A Synapse homeserver bound to 127.0.0.1, living entirely inside ``data_dir``.

    Usage::

        with LocalSynapse(Path("data/synapse")) as hs:
            user_id = hs.register("alice", "secret")
            ... connect a client to hs.base_url ...
    """

    def __init__(
        self,
        data_dir: Path,
        port: int | None = None,
        server_name: str = "localhost",
        database: dict[str, Any] | None = None,
    ) -> None:
        """`database`: Synapse's `database` section (default: SQLite in `data_dir`)."""
        self.data_dir = Path(data_dir).resolve()
        self._database = database
        self._server_name = server_name
        self._requested_port = port
        self._port: int | None = port
        self._proc: subprocess.Popen[bytes] | None = None

    # -- properties -------------------------------------------------------------------------

    @property
    def server_name(self) -> str:
        return self._server_name

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("LocalSynapse has no port yet; call start() first")
        return self._port

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def log_file(self) -> Path:
        return self.data_dir / LOG_FILE

    # -- lifecycle --------------------------------------------------------------------------

    def start(self, timeout: float = START_TIMEOUT) -> None:
        """Generate the config on first use, start Synapse and wait until it answers."""
        if self.running:
            return
        self.data_dir.mkdir(parents=True, exist_ok=True)
        os.chmod(self.data_dir, 0o700)
        refuse_if_orphan_running(self.data_dir)
        if not (self.data_dir / HS_CONFIG).exists():
            generate_config(self.data_dir, self._server_name)
        write_log_config(self.data_dir, self.log_file)
        # A port picked as free may be taken by someone else before Synapse binds it; in that
        # case pick another one once (only when the caller did not ask for a specific port).
        for attempt in range(2):
            self._port = choose_port(self.data_dir, self._requested_port)
            (self.data_dir / PORT_FILE).write_text(f"{self._port}\n", encoding="utf-8")
            write_overlay(self.data_dir, self._server_name, self._port, self._database)
            try:
                self._launch(timeout)
                return
            except _PortInUseError:
                if self._requested_port is not None or attempt > 0:
                    raise
                log.warning("port %d was taken before Synapse could bind it; retrying", self._port)
                (self.data_dir / PORT_FILE).unlink(missing_ok=True)

    def _launch(self, timeout: float) -> None:
        out_path = self.data_dir / OUTPUT_FILE
        cmd = [
            sys.executable,
            "-m",
            "synapse.app.homeserver",
            "--config-path",
            str(self.data_dir / HS_CONFIG),
            "--config-path",
            str(self.data_dir / OVERLAY_CONFIG),
        ]
        log.info("starting Synapse for %s on 127.0.0.1:%d", self._server_name, self._port)
        started = time.monotonic()
        with out_path.open("ab") as out:
            out_offset = out.tell()
            self._proc = subprocess.Popen(
                cmd,
                cwd=self.data_dir,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                umask=0o077,
            )
        (self.data_dir / PID_FILE).write_text(f"{self._proc.pid}\n", encoding="utf-8")
        atexit.register(self.stop)
        try:
            self._wait_until_ready(started + timeout, out_offset)
        except BaseException:
            self.stop()
            raise
        log.info("Synapse ready at %s after %.1fs", self.base_url, time.monotonic() - started)

    def stop(self) -> None:
        """Stop Synapse: SIGTERM, then SIGKILL after ten seconds."""
        proc, self._proc = self._proc, None
        atexit.unregister(self.stop)
        if proc is None:
            return
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                log.warning("Synapse did not stop within %.0fs; killing it", STOP_TIMEOUT)
                proc.kill()
                proc.wait()
        (self.data_dir / PID_FILE).unlink(missing_ok=True)
        log.info("Synapse stopped (exit code %s)", proc.returncode)

    def __enter__(self) -> LocalSynapse:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- users ------------------------------------------------------------------------------

    def register(
        self,
        localpart: str,
        password: str,
        admin: bool = False,
        displayname: str | None = None,
    ) -> str:
        """Register a user with the shared-secret admin API and return its user id.

        Registering an existing user is not an error: the existing id is returned (its
        password, admin flag and display name are left as they were).
        """
        user_id = f"@{localpart.lower()}:{self._server_name}"
        url = f"{self.base_url}/_synapse/admin/v1/register"
        nonce = self._request("GET", url)["nonce"]
        mac = hmac.new(shared_secret(self.data_dir).encode("utf-8"), digestmod=hashlib.sha1)
        for part in (nonce, localpart, password):
            mac.update(part.encode("utf-8"))
            mac.update(b"\x00")
        mac.update(b"admin" if admin else b"notadmin")
        body: dict[str, Any] = {
            "nonce": nonce,
            "username": localpart,
            "password": password,
            "admin": admin,
            "mac": mac.hexdigest(),
        }
        if displayname is not None:
            body["displayname"] = displayname
        try:
            result = self._request("POST", url, body)
        except _HTTPError as err:
            if err.errcode == "M_USER_IN_USE":
                log.debug("user %s already exists", user_id)
                return user_id
            raise RuntimeError(f"registering {user_id} failed: {err}") from None
        log.debug("registered %s", user_id)
        return str(result.get("user_id", user_id))

    # -- internals --------------------------------------------------------------------------

    def _wait_until_ready(self, deadline: float, out_offset: int) -> None:
        url = f"{self.base_url}/_matrix/client/versions"
        delay = 0.05
        while True:
            assert self._proc is not None
            code = self._proc.poll()
            if code is not None:
                output = tail(self.data_dir / OUTPUT_FILE, offset=out_offset)
                error = _PortInUseError if "Address already in use" in output else RuntimeError
                raise error(
                    f"Synapse exited with code {code} during start-up.\n"
                    f"--- {OUTPUT_FILE} ---\n{output}\n"
                    f"--- {LOG_FILE} ---\n{tail(self.log_file)}"
                )
            try:
                with urllib.request.urlopen(url, timeout=2) as resp:
                    if resp.status == 200:
                        return
            except (OSError, urllib.error.URLError):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"Synapse did not answer on {url} in time.\n"
                    f"--- {LOG_FILE} ---\n{tail(self.log_file)}"
                )
            time.sleep(delay)
            delay = min(delay * 1.5, 0.5)

    def _request(self, method: str, url: str, body: dict[str, Any] | None = None) -> Any:
        data = None if body is None else json.dumps(body).encode("utf-8")
        req = urllib.request.Request(url, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return json.loads(resp.read() or b"{}")
        except urllib.error.HTTPError as err:
            raw = err.read()
            try:
                payload = json.loads(raw)
            except ValueError:
                payload = {}
            raise _HTTPError(
                err.code, payload.get("errcode", ""), payload.get("error", "")
            ) from None


class _PortInUseError(RuntimeError):
    """Synapse could not bind its port."""


class _HTTPError(Exception):
    """An HTTP error answer from Synapse (only status and Matrix error code, never the request)."""

    def __init__(self, status: int, errcode: str, message: str) -> None:
        super().__init__(f"HTTP {status} {errcode}: {message}")
        self.status = status
        self.errcode = errcode
