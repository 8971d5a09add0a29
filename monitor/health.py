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

    def as_json(self) -> bytes:
        return json.dumps(
            {
                "status": self.status,
                "last_tick": self.last_tick.isoformat(timespec="seconds").replace("+00:00", "Z")
                if self.last_tick else None,
                "age_seconds": None if self.age is None else round(self.age, 3),
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
            self._send(200 if h.ok else 503, "application/json", h.as_json(), head)
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
                 metrics: Metrics | None) -> None:
        cls = _IPv6Server if ":" in address else _Server
        self._server = cls((address, port), _Handler)  # raises OSError if the port is taken
        self._server.health = health
        self._server.metrics = metrics
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


def check(url: str, timeout: float = 5.0) -> tuple[bool, str]:
    """GET ``url`` (a /healthz): (healthy, a one-line reason)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status == 200, f"{resp.status} {resp.read(500).decode(errors='replace')}"
    except urllib.error.HTTPError as exc:
        return False, f"{exc.code} {exc.read(500).decode(errors='replace')}"
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        return False, f"no answer from {url}: {reason}"
