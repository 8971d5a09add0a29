"""A real HTTP server on 127.0.0.1 for tests: publishes feeds and misbehaves on request.

    with FeedServer() as server:                    # or the ``feed_server`` fixture
        server.set("/a.xml", body)                  # 200 with a strong ETag and Last-Modified
        server.url("/a.xml")                        # http://127.0.0.1:PORT/a.xml
        server.status("/b.xml", 503, {"Retry-After": "120"})
        server.redirect("/old.xml", "/a.xml", 301)
        server.drip("/slow.xml", body)              # one byte per second
        server.requests                             # every request: path, method, headers, status
        server.max_concurrent_by_host["localhost"]  # most requests at once, by Host header

Conditional GET (If-None-Match, If-Modified-Since → 304) and gzip (when the client accepts it)
are honoured for ``set`` resources. Thread-safe: handlers run in daemon threads, and every
scripted loop (drip, endless, bomb, slow) stops when the server stops.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import http.server
import socket
import sys
import threading
import time
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.message import Message
from email.utils import formatdate, parsedate_to_datetime
from urllib.parse import urlsplit

Behaviour = Callable[["_Handler"], None]
DEFAULT_TYPE = "application/rss+xml; charset=utf-8"


@dataclass(frozen=True)
class Recorded:
    """One request as the server saw it; ``headers.get`` is case-insensitive."""

    path: str
    method: str
    headers: Message
    status: int
    at: float = field(default_factory=time.monotonic)  # when the answer started


@dataclass(frozen=True)
class _Resource:
    body: bytes
    content_type: str
    headers: Mapping[str, str]
    etag: str
    modified: float  # seconds since the epoch, whole seconds
    conditional: bool
    gzip: bool | None  # None: the server's default


class FeedServer:
    """A threaded HTTP/1.1 server on 127.0.0.1, on a free port."""

    def __init__(self, *, gzip: bool = True) -> None:
        self.gzip = gzip
        self.requests: list[Recorded] = []
        self.max_concurrent = 0
        self.max_concurrent_by_host: dict[str, int] = {}  # by the Host header's name
        self._active = 0
        self._active_by_host: dict[str, int] = {}
        self._routes: dict[str, Behaviour] = {}
        self._last_modified: dict[str, float] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.feed_server = self
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="feed-server",
                                        kwargs={"poll_interval": 0.05}, daemon=True)

    # --- lifecycle ---------------------------------------------------------------------------

    def start(self) -> FeedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, end scripted loops, and close the connections still open."""
        self._stopping.set()
        self._httpd.shutdown()
        with self._lock:
            conns = list(self._connections)
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        self._httpd.server_close()
        self._thread.join(5)

    def __enter__(self) -> FeedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def requests_for(self, path: str) -> list[Recorded]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    # --- publishing and scripting ------------------------------------------------------------

    def set(
        self,
        path: str,
        body: bytes,
        content_type: str = DEFAULT_TYPE,
        headers: Mapping[str, str] | None = None,
        *,
        conditional: bool = True,
        gzip: bool | None = None,
    ) -> None:
        """Publish or replace a feed. ``conditional=False`` ignores validators (always 200)."""
        now = float(int(time.time()))
        with self._lock:
            # strictly increasing per path, so two sets in one second still differ
            modified = max(now, self._last_modified.get(path, 0.0) + 1)
            self._last_modified[path] = modified
        resource = _Resource(
            body=body, content_type=content_type, headers=dict(headers or {}),
            etag='"' + hashlib.sha256(body).hexdigest()[:32] + '"', modified=modified,
            conditional=conditional, gzip=gzip,
        )
        self.route(path, lambda h: h.serve_resource(resource))

    def route(self, path: str, behaviour: Behaviour) -> None:
        """Answer requests for ``path`` with ``behaviour(handler)`` (the escape hatch)."""
        with self._lock:
            self._routes[path] = behaviour

    def status(self, path: str, code: int, headers: Mapping[str, str] | None = None,
               body: bytes = b"") -> None:
        """Answer with ``code`` (404, 410, 429, 500, 503, ...) and the given headers."""
        self.route(path, lambda h: h.send_simple(code, body, headers or {}))

    def redirect(self, path: str, to: str, code: int = 302) -> None:
        """Redirect to ``to`` (a path on this server or any URL); two calls make a loop."""
        self.route(path, lambda h: h.send_simple(code, b"", {"Location": to}))

    def slow(self, path: str, seconds: float, body: bytes = b"") -> None:
        """Wait ``seconds`` before answering 200 with ``body``."""
        def behave(h: _Handler) -> None:
            self._stopping.wait(seconds)
            h.send_simple(200, body, {"Content-Type": DEFAULT_TYPE})
        self.route(path, behave)

    def drip(self, path: str, body: bytes, interval: float = 1.0) -> None:
        """Announce the full length, then send one byte every ``interval`` seconds."""
        def behave(h: _Handler) -> None:
            h.start(200, {"Content-Type": DEFAULT_TYPE, "Content-Length": str(len(body))})
            for i in range(len(body)):
                if self._stopping.wait(interval) or not h.write(body[i:i + 1]):
                    return
        self.route(path, behave)

    def endless(self, path: str, chunk: bytes = b"<item><title>more</title></item>\n" * 512
                ) -> None:
        """A body that never ends (no Content-Length, close-delimited)."""
        def behave(h: _Handler) -> None:
            h.start(200, {"Content-Type": DEFAULT_TYPE, "Connection": "close"})
            while not self._stopping.is_set() and h.write(chunk):
                pass
        self.route(path, behave)

    def gzip_bomb(self, path: str, size: int = 1 << 30) -> None:
        """A gzip stream of ``size`` zero bytes (1 GiB by default), compressed as it is sent.

        Nothing big is ever held: each MiB of zeros compresses to about 1 KiB, written at once.
        """
        def behave(h: _Handler) -> None:
            h.start(200, {"Content-Type": DEFAULT_TYPE, "Content-Encoding": "gzip",
                          "Connection": "close"})
            c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
            zeros = bytes(1 << 20)
            for _ in range(size >> 20):
                if self._stopping.is_set() or not h.write(c.compress(zeros)):
                    return
            h.write(c.flush())
        self.route(path, behave)

    # --- bookkeeping for the handler -----------------------------------------------------------

    def _behaviour(self, path: str) -> Behaviour | None:
        with self._lock:
            return self._routes.get(path)

    def _enter(self, conn: socket.socket | None, host: str = "") -> None:
        with self._lock:
            self._active += 1
            self.max_concurrent = max(self.max_concurrent, self._active)
            n = self._active_by_host[host] = self._active_by_host.get(host, 0) + 1
            self.max_concurrent_by_host[host] = max(self.max_concurrent_by_host.get(host, 0), n)
            if conn is not None:
                self._connections.add(conn)

    def _leave(self, host: str = "") -> None:
        with self._lock:
            self._active -= 1
            self._active_by_host[host] -= 1

    def _record(self, rec: Recorded) -> None:
        with self._lock:
            self.requests.append(rec)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    # the listen backlog: socketserver's 5 dropped the connections of a 16-poll burst beyond
    # it, and their clients tried again a second later
    request_queue_size = 64
    allow_reuse_address = True
    feed_server: FeedServer

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up (a killed daemon, a refused body) is normal here; anything
        else is printed as the standard library does."""
        exc = sys.exc_info()[1]
        if isinstance(exc, ConnectionResetError | BrokenPipeError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real feed servers
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet test output

    def finish(self) -> None:
        with self.server.feed_server._lock:
            self.server.feed_server._connections.discard(self.connection)
        super().finish()

    def do_GET(self) -> None:
        fs = self.server.feed_server
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        fs._enter(self.connection, host)
        self._recorded = False
        try:
            behaviour = fs._behaviour(urlsplit(self.path).path)
            if behaviour is None:
                self.send_simple(404, b"not found\n", {"Content-Type": "text/plain"})
            else:
                behaviour(self)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            fs._leave(host)

    # --- response helpers used by the behaviours -------------------------------------------------

    def start(self, code: int, headers: Mapping[str, str]) -> None:
        self.send_response(code)
        for name, value in headers.items():
            self.send_header(name, value)
        if headers.get("Connection") == "close":
            self.close_connection = True
        self.end_headers()

    def send_response(self, code: int, message: str | None = None) -> None:
        if not self._recorded:
            self._recorded = True
            self.server.feed_server._record(Recorded(
                path=self.path, method=self.command, headers=self.headers, status=code))
        super().send_response(code, message)

    def write(self, data: bytes) -> bool:
        """Send bytes now; False once the client has gone."""
        try:
            self.wfile.write(data)
            self.wfile.flush()
        except OSError:
            self.close_connection = True
            return False
        return True

    def send_simple(self, code: int, body: bytes, headers: Mapping[str, str]) -> None:
        self.start(code, {**headers, "Content-Length": str(len(body))})
        self.write(body)

    def serve_resource(self, r: _Resource) -> None:
        if r.conditional and self._not_modified(r):
            self.start(304, {"ETag": r.etag, "Last-Modified": _http_date(r.modified)})
            return
        body = r.body
        headers = {"Content-Type": r.content_type, "ETag": r.etag,
                   "Last-Modified": _http_date(r.modified), **r.headers}
        use_gzip = self.server.feed_server.gzip if r.gzip is None else r.gzip
        if use_gzip and "gzip" in self.headers.get("Accept-Encoding", "").lower():
            body = gzip.compress(body, mtime=0)
            headers["Content-Encoding"] = "gzip"
            headers["Vary"] = "Accept-Encoding"
        self.send_simple(200, body, headers)

    def _not_modified(self, r: _Resource) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None:  # takes precedence over If-Modified-Since (RFC 9110)
            tags = [t.strip().removeprefix("W/") for t in inm.split(",")]
            return "*" in tags or r.etag in tags
        ims = self.headers.get("If-Modified-Since")
        if ims:
            try:
                return r.modified <= parsedate_to_datetime(ims).timestamp()
            except (TypeError, ValueError):
                return False
        return False


def _http_date(ts: float) -> str:
    return formatdate(ts, usegmt=True)
