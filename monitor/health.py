"""The daemon's HTTP endpoint: ``/healthz`` and ``/metrics`` (default 127.0.0.1:9464).

``/healthz`` answers 200 while the scheduler has ticked recently, 503 otherwise, with a small
JSON body saying why. "Recently" is two tick intervals (the scheduler ticks every second), or
``http.stale_after`` when set: a daemon whose event loop is stuck, or that has not started
scheduling yet, is not healthy even if the process is alive. ``monitor health`` asks the same
endpoint (``check``), so a container's HEALTHCHECK and a load balancer see the same answer.

The server runs in a thread of its own: it reads two values the event loop writes (the last
tick time, the metrics registry) and never touches the database.
"""

from __future__ import annotations

import json
import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import structlog

from monitor.metrics import CONTENT_TYPE_LATEST, Metrics

log = structlog.get_logger(__name__)

DEFAULT_PORT = 9464


@dataclass(frozen=True)
class Health:
    ok: bool
    status: str  # ok, stale, starting
    last_tick: datetime | None
    age: float | None  # seconds since the last tick

    def as_json(self, who: dict[str, Any] | None = None) -> bytes:
        """The body of /healthz; ``who`` (pid, config: monitor/instance.py) says which daemon
        answers, so `monitor health --config X` can tell the daemon running X from another."""
        return json.dumps(
            {
                "status": self.status,
                "last_tick": self.last_tick.isoformat(timespec="seconds").replace("+00:00", "Z")
                if self.last_tick else None,
                "age_seconds": None if self.age is None else round(self.age, 3),
                **(who or {}),
            }
        ).encode()


def tick_health(last_tick: datetime | None, stale_after: float, now: datetime) -> Health:
    """Healthy if the scheduler ticked within ``stale_after`` seconds of ``now``."""
    if last_tick is None:
        return Health(False, "starting", None, None)
    age = (now - last_tick).total_seconds()
    return Health(age <= stale_after, "ok" if age <= stale_after else "stale", last_tick, age)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    health: Callable[[], Health]
    metrics: Metrics | None
    who: dict[str, Any] | None


class _IPv6Server(_Server):
    address_family = socket.AF_INET6


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    def version_string(self) -> str:
        return "monitor"

    def _send(self, code: int, ctype: str, body: bytes, head: bool) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _route(self, head: bool) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/healthz":
            h = self.server.health()
            self._send(200 if h.ok else 503, "application/json", h.as_json(self.server.who), head)
        elif path == "/metrics" and self.server.metrics is not None:
            self._send(200, CONTENT_TYPE_LATEST, self.server.metrics.render(), head)
        else:
            self._send(404, "text/plain; charset=utf-8", b"not found: try /healthz or /metrics\n",
                       head)

    def do_GET(self) -> None:
        self._route(head=False)

    def do_HEAD(self) -> None:
        self._route(head=True)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("http_request", client=self.client_address[0], request=format % args)


class HealthServer:
    """``/healthz`` and ``/metrics`` on ``address:port``, served from a background thread."""

    def __init__(self, address: str, port: int, health: Callable[[], Health],
                 metrics: Metrics | None, who: dict[str, Any] | None = None) -> None:
        cls = _IPv6Server if ":" in address else _Server
        self._server = cls((address, port), _Handler)  # raises OSError if the port is taken
        self._server.health = health
        self._server.metrics = metrics
        self._server.who = who
        self._thread = threading.Thread(target=self._server.serve_forever, name="http",
                                        kwargs={"poll_interval": 0.2}, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        host = f"[{host}]" if ":" in str(host) else host
        return f"http://{host}:{port}"

    def start(self) -> HealthServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(2)


def probe_url(address: str, port: int) -> str:
    """Where ``monitor health`` asks: a wildcard bind address is reached on loopback."""
    host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(address, address)
    host = f"[{host}]" if ":" in host else host
    return f"http://{host}:{port}/healthz"


def ask(url: str, timeout: float = 5.0) -> tuple[int | None, str]:
    """GET ``url`` (a /healthz): (HTTP status or None if nothing answered, body or reason)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status, resp.read(1000).decode(errors="replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(1000).decode(errors="replace")
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        return None, f"no answer from {url}: {reason}"


def who_answers(url: str, timeout: float = 5.0) -> dict[str, Any] | None:
    """The identity (pid, config) of the monitor daemon answering at ``url``, if one does."""
    status, body = ask(url, timeout)
    if status is None:
        return None
    try:
        value = json.loads(body)
    except ValueError:
        return None
    return value if isinstance(value, dict) and "pid" in value else None


def check(url: str, timeout: float = 5.0, config: str | None = None) -> tuple[bool, str]:
    """GET ``url`` (a /healthz): (healthy, a one-line reason). With ``config`` (a resolved
    config path), a daemon that says it runs another config is not the one asked about."""
    status, body = ask(url, timeout)
    if status is None:
        return False, body
    if config is not None:
        try:
            who = json.loads(body)
        except ValueError:
            who = None
        if isinstance(who, dict) and who.get("config") not in (None, config):
            return False, (f"the daemon answering at {url} (pid {who.get('pid')}) runs "
                           f"{who.get('config')}, not {config}: no daemon of this config serves "
                           "there (give each config its own http.port)")
    return status == 200, f"{status} {body}"
