"""systemd's notify protocol (sd_notify(3)), with the socket module only.

When systemd starts a ``Type=notify`` service it sets ``NOTIFY_SOCKET`` to a Unix datagram
socket: a path, or ``@name`` for the abstract namespace (sent as a leading NUL byte). The daemon
sends newline-separated ``KEY=VALUE`` assignments in one datagram each:

- ``READY=1`` once the scheduler runs (systemd then counts the service as started);
- ``RELOADING=1`` + ``MONOTONIC_USEC=...`` on SIGHUP, then ``READY=1`` again;
- ``STOPPING=1`` when a stop signal arrives;
- ``WATCHDOG=1`` at half of ``WATCHDOG_USEC`` (``WatchdogSec=`` in the unit), sent from the
  scheduler's tick, so a stuck event loop stops the pings and systemd restarts the service;
- ``STATUS=...`` a line shown by ``systemctl status``.

Without ``NOTIFY_SOCKET`` every call does nothing. A failed send is logged once, never raised:
notification must not take the daemon down.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Mapping

import structlog

log = structlog.get_logger(__name__)


class Notifier:
    def __init__(self, address: str | None, watchdog_usec: int | None = None) -> None:
        self.address = address or None
        self.watchdog_interval = watchdog_usec / 1e6 if watchdog_usec else None
        self._last_ping: float | None = None
        self._warned = False

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Notifier:
        """From ``NOTIFY_SOCKET``, ``WATCHDOG_USEC`` and ``WATCHDOG_PID`` (the watchdog is
        ours only if ``WATCHDOG_PID`` is unset or is our pid)."""
        env = os.environ if env is None else env
        usec: int | None = None
        pid = env.get("WATCHDOG_PID")
        if env.get("WATCHDOG_USEC", "").isdigit() and (not pid or pid == str(os.getpid())):
            usec = int(env["WATCHDOG_USEC"]) or None
        return cls(env.get("NOTIFY_SOCKET"), usec)

    @property
    def enabled(self) -> bool:
        return self.address is not None

    def _sockaddr(self) -> str | bytes:
        assert self.address is not None
        if self.address.startswith("@"):
            return b"\0" + self.address[1:].encode()
        return self.address

    def send(self, *assignments: str) -> bool:
        """Send ``KEY=VALUE`` lines in one datagram; False if not under systemd or it failed."""
        if not self.enabled:
            return False
        if not self.address.startswith(("/", "@")):  # type: ignore[union-attr]
            if not self._warned:
                log.warning("systemd_notify_unsupported", address=self.address)
                self._warned = True
            return False
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as s:
                s.connect(self._sockaddr())
                s.sendall("\n".join(assignments).encode())
        except OSError as exc:
            if not self._warned:
                log.warning("systemd_notify_failed", address=self.address, error=str(exc))
                self._warned = True
            return False
        return True

    def ready(self, status: str | None = None) -> bool:
        return self.send("READY=1", *([f"STATUS={status}"] if status else []))

    def reloading(self) -> bool:
        usec = time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000
        return self.send("RELOADING=1", f"MONOTONIC_USEC={usec}")

    def stopping(self, status: str | None = None) -> bool:
        return self.send("STOPPING=1", *([f"STATUS={status}"] if status else []))

    def status(self, text: str) -> bool:
        return self.send(f"STATUS={text}")

    def watchdog(self, now: float | None = None) -> bool:
        """Ping if half the watchdog interval has passed since the last ping."""
        if self.watchdog_interval is None or not self.enabled:
            return False
        now = time.monotonic() if now is None else now
        if self._last_ping is not None and now - self._last_ping < self.watchdog_interval / 2:
            return False
        self._last_ping = now
        return self.send("WATCHDOG=1")
