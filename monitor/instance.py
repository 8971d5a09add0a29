"""One daemon per SQLite database and per alert log, and who that daemon is.

Two daemons writing one SQLite file would poll every feed twice and race on the outbox; two
writing one alert log would interleave their batches. So ``monitor run`` holds an exclusive
``flock`` on a small file beside each (``monitor.db.pid``, ``alerts.jsonl.pid``) for its whole
life; the file holds the holder's identity as JSON, so a second daemon can say which process and
which config already run there. The kernel drops the lock when the process dies, however it dies,
so a crash never leaves a stale lock behind. A PostgreSQL database is shared by design (several
replicas): only its alert logs are locked, never the database (``lock_targets``).

The same identity is in ``/healthz``'s answer, so ``monitor health --config X`` can tell the
daemon running X from another one holding the port.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from monitor import clock
from monitor.exceptions import MonitorError

SUFFIX = ".pid"


class AlreadyRunning(MonitorError):
    """Another daemon holds the database or the alert log."""


def identity(config_path: Path) -> dict[str, Any]:
    """Who this daemon is: what the lock files and ``/healthz`` say."""
    return {"pid": os.getpid(), "config": str(Path(config_path).resolve())}


def lock_targets(config: Any) -> list[tuple[str, Path]]:
    """(what, file) pairs to lock for a daemon of ``config``: the SQLite database and the alert
    log. A database that is not a local SQLite file (PostgreSQL, shared by replicas) is not
    locked."""
    targets = []
    database = getattr(config, "database", None)
    if isinstance(database, Path):
        targets.append(("database", database))
    targets.append(("alert log", config.alert_log))
    return targets


def holder(path: Path) -> dict[str, Any] | None:
    """The identity written in ``path``'s lock file (None if unreadable or empty)."""
    try:
        value = json.loads(Path(str(path) + SUFFIX).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def describe(who: dict[str, Any] | None) -> str:
    """``another monitor daemon (pid 12, config /etc/monitor/monitor.yaml)``."""
    if not who:
        return "another monitor daemon"
    return f"another monitor daemon (pid {who.get('pid')}, config {who.get('config')})"


@dataclass
class InstanceLock:
    """Exclusive locks on the lock files of ``targets``, held until ``release``."""

    me: dict[str, Any]
    _fds: list[tuple[int, Path]] = field(default_factory=list)

    def acquire(self, targets: list[tuple[str, Path]]) -> InstanceLock:
        """Lock every target or none; raise AlreadyRunning naming the holder."""
        try:
            for what, path in targets:
                self._lock(what, path)
        except BaseException:
            self.release()
            raise
        return self

    def _lock(self, what: str, path: Path) -> None:
        lock_path = Path(str(path) + SUFFIX)
        try:
            lock_path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise AlreadyRunning(
                f"cannot create the lock file {lock_path} for the {what}: "
                f"{exc.strerror or exc}"
            ) from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            key = "paths.database" if what == "database" else "paths.alert_log"
            raise AlreadyRunning(
                f"{describe(holder(path))} already uses the {what} {path}: stop it first, or "
                f"give this config its own {key}"
            ) from None
        # ours now: say who we are (truncate after locking, never before)
        os.ftruncate(fd, 0)
        info = {**self.me, what.replace(" ", "_"): str(path),
                "started": clock.now().isoformat(timespec="seconds")}
        os.pwrite(fd, json.dumps(info).encode() + b"\n", 0)
        self._fds.append((fd, lock_path))

    def release(self) -> None:
        """Empty the lock files (they are left in place: removing one while another process
        waits on it could let two daemons in) and drop the locks."""
        while self._fds:
            fd, _path = self._fds.pop()
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            os.close(fd)
