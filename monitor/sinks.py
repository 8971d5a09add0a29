"""Notification sinks besides the alert log: webhooks and Apprise URLs, at least once.

Delivery runs from an outbox in the database: when an alert is inserted, a trigger queues one
delivery row per active sink in the same transaction (store/schema.py ``0003_sink_outbox``), so
a committed alert is delivered even if the daemon dies right after. ``SinkDispatcher`` takes
due rows, applies each sink's filters (minimum severity, entity ids), sends, and marks the row
delivered, skipped, or failed with the next attempt time (``retry_delay`` doubling up to
``max_backoff``; it never gives up). A crash after a send but before the mark sends again:
receivers dedupe on ``alert_id`` (also in the ``X-Monitor-Alert-Id`` header).

Webhook: ``POST`` of the alert JSON, byte for byte the alert log's line (without the newline),
``Content-Type: application/json``, and with a ``secret`` set, ``X-Monitor-Signature-256:
sha256=<hex HMAC-SHA256 of the body>`` (the GitHub scheme). Any 2xx is success; everything else,
redirects included, is retried.

Apprise: the alert as a title (``[HIGH] title``) and a short text body, to every URL of the sink
at once; one failing URL retries the whole sink, so give a URL its own sink to retry it alone.

Secrets (webhook secrets, Apprise URLs, which hold tokens, and webhook URLs, which often do)
never reach a log: our events name the sink id only, error texts are scrubbed of them, and a
logging filter scrubs them from the apprise and httpx loggers too.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import httpx
import structlog

from monitor import __version__, clock
from monitor.config import AppriseSink, WebhookSink
from monitor.exceptions import ConfigError, StorageError
from monitor.types import PRIORITY_RANK

if TYPE_CHECKING:
    from monitor.store.protocol import SinkOutbox

log = structlog.get_logger(__name__)

SinkSpec = WebhookSink | AppriseSink
SIGNATURE_HEADER = "X-Monitor-Signature-256"
_APPRISE_TYPE = {"critical": "failure", "high": "warning", "medium": "info", "low": "info"}


class DeliveryError(Exception):
    """One attempt failed; the message (already scrubbed of secrets) is stored on the row."""


def sign(secret: bytes, body: bytes) -> str:
    """The signature header's value: ``sha256=`` + hex HMAC-SHA256 of the body."""
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


def body_of(payload: Mapping[str, Any]) -> bytes:
    """The alert as the alert log writes it (compact JSON, UTF-8)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def secrets_of(specs: Iterable[SinkSpec]) -> list[str]:
    out: list[str] = []
    for s in specs:
        if isinstance(s, WebhookSink):
            out.append(s.url)
            if s.secret is not None:
                out.append(s.secret.get_secret_value())
        else:
            out += [u.get_secret_value() for u in s.urls]
    return [x for x in out if len(x) >= 4]


class _Scrub(logging.Filter):
    """Replaces known secrets in third-party log records (apprise, httpx) with ``***``."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: list[str] = []

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            msg = record.getMessage()
            clean = scrub(msg, self.secrets)
            if clean != msg:
                record.msg, record.args = clean, ()
        return True


def scrub(text: str, secrets: Sequence[str]) -> str:
    for secret in sorted(secrets, key=len, reverse=True):
        text = text.replace(secret, "***")
    return text


_SCRUB = _Scrub()
for _name in ("apprise", "httpx", "httpcore"):
    logging.getLogger(_name).addFilter(_SCRUB)


def wants(spec: SinkSpec, severity: str, entity_ids: Sequence[str]) -> bool:
    """The sink's filters: at least its minimum severity, and one of its entities if any."""
    if PRIORITY_RANK.get(severity, 0) < PRIORITY_RANK[spec.min_severity]:
        return False
    return not spec.entities or bool(set(spec.entities) & set(entity_ids))


def next_delay(spec: SinkSpec, failed_attempts: int) -> float:
    """Seconds before the next try after ``failed_attempts`` failures (1, 2, ...)."""
    return min(spec.max_backoff, spec.retry_delay * 2 ** max(0, failed_attempts - 1))


class WebhookSender:
    def __init__(self, spec: WebhookSink) -> None:
        self.spec = spec
        self._client = httpx.Client(timeout=spec.timeout, follow_redirects=False,
                                    headers={"User-Agent": f"feed-monitor/{__version__}"})

    def send(self, payload: Mapping[str, Any], attempt: int) -> None:
        body = body_of(payload)
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "X-Monitor-Alert-Id": str(payload.get("alert_id", "")),
            "X-Monitor-Delivery-Attempt": str(attempt),
        }
        if self.spec.secret is not None:
            headers[SIGNATURE_HEADER] = sign(self.spec.secret.get_secret_value().encode(), body)
        try:
            resp = self._client.post(self.spec.url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            raise DeliveryError(f"{type(exc).__name__}: {exc}") from exc
        if not 200 <= resp.status_code < 300:
            raise DeliveryError(f"HTTP {resp.status_code} {resp.reason_phrase}")

    def close(self) -> None:
        self._client.close()


def apprise_client(spec: AppriseSink) -> tuple[Any, int | None]:
    """An Apprise object holding the sink's URLs, and the index of the first URL Apprise does
    not know (None if it knows them all). The one check of Apprise URLs: config checks
    (monitor/runtime.py) and the sender both use it."""
    import apprise  # slow to import: only when an Apprise sink is configured

    client = apprise.Apprise()
    for i, url in enumerate(spec.urls):
        if not client.add(url.get_secret_value()):
            return client, i
    return client, None


def unknown_apprise_url(spec: AppriseSink, index: int) -> str:
    # the URL itself is a secret (it holds tokens): say which one by position only
    return (f"sink {spec.id!r}: urls[{index}] is not a URL Apprise knows (check the service "
            "name before ://; the URL is not shown because it holds tokens)")


class AppriseSender:
    def __init__(self, spec: AppriseSink) -> None:
        self.spec = spec
        self._apprise, bad = apprise_client(spec)
        if bad is not None:
            raise ConfigError(f"sinks: {unknown_apprise_url(spec, bad)}")

    def send(self, payload: Mapping[str, Any], attempt: int) -> None:
        sev = str(payload.get("severity", "low"))
        names = [str(e.get("name") or e.get("id")) for e in payload.get("entities") or ()]
        lines = [
            f"{', '.join(names)} in {payload.get('feed_name') or payload.get('feed')}",
            str(payload.get("snippet") or ""),
            str(payload.get("link") or ""),
        ]
        ok = self._apprise.notify(
            body="\n".join(line for line in lines if line),
            title=f"[{sev.upper()}] {payload.get('title', '')}",
            notify_type=_APPRISE_TYPE.get(sev, "info"),
        )
        if not ok:
            raise DeliveryError("Apprise could not notify every URL (see its warnings)")

    def close(self) -> None:
        return None


@dataclass
class DeliveryReport:
    delivered: int = 0
    failed: int = 0
    skipped: int = 0


class SinkDispatcher:
    """Sends due deliveries. Opens its own database connection in the thread that uses it."""

    def __init__(self, specs: Sequence[SinkSpec], open_store: Callable[[], SinkOutbox],
                 metrics: Any = None) -> None:
        self._open_store = open_store
        self._store: SinkOutbox | None = None
        self.metrics = metrics
        self._senders: dict[str, WebhookSender | AppriseSender] = {}
        self._lock = threading.Lock()
        self.configure(specs)

    def configure(self, specs: Sequence[SinkSpec]) -> None:
        """Use these sinks from now on (reload). Invalid Apprise URLs raise ConfigError."""
        senders: dict[str, WebhookSender | AppriseSender] = {}
        for spec in specs:
            senders[spec.id] = (WebhookSender(spec) if isinstance(spec, WebhookSink)
                                else AppriseSender(spec))
        _SCRUB.secrets = secrets_of(specs)
        with self._lock:
            old, self._senders = self._senders, senders
            self.secrets = _SCRUB.secrets
        for sender in old.values():
            sender.close()

    @property
    def sink_ids(self) -> list[str]:
        return list(self._senders)

    def deliver_due(self, now: datetime | None = None, limit: int = 100) -> DeliveryReport:
        """One pass over the deliveries due at ``now``."""
        report = DeliveryReport()
        if not self._senders:
            return report
        if self._store is None:
            self._store = self._open_store()
        store = self._store
        now = now or clock.now()
        with self._lock:
            senders = dict(self._senders)
        for d in store.due_deliveries(now, limit):
            sender = senders.get(d.sink_id)
            if sender is None:  # removed by a reload since the query
                continue
            if not wants(sender.spec, d.severity, d.entity_ids):
                store.delivery_done(d.alert_id, d.sink_id, clock.now(), "skipped")
                report.skipped += 1
                self._count(d.sink_id, "skipped")
                continue
            try:
                sender.send(d.payload, d.attempts + 1)
            except DeliveryError as exc:
                delay = next_delay(sender.spec, d.attempts + 1)
                error = scrub(str(exc), self.secrets)
                store.delivery_failed(d.alert_id, d.sink_id, error,
                                      clock.now() + timedelta(seconds=delay))
                log.warning("sink_delivery_failed", sink=d.sink_id, alert_id=d.alert_id,
                            attempt=d.attempts + 1, error=error, retry_in=round(delay, 1))
                report.failed += 1
                self._count(d.sink_id, "failed")
                continue
            store.delivery_done(d.alert_id, d.sink_id, clock.now(), "delivered")
            log.info("sink_delivered", sink=d.sink_id, alert_id=d.alert_id,
                     attempt=d.attempts + 1)
            report.delivered += 1
            self._count(d.sink_id, "delivered")
        return report

    def next_due(self) -> datetime | None:
        return None if self._store is None else self._store.next_delivery_time()

    def _count(self, sink_id: str, result: str) -> None:
        if self.metrics is not None:
            self.metrics.sink_deliveries.labels(sink_id, result).inc()

    def close(self) -> None:
        with self._lock:
            senders, self._senders = self._senders, {}
        for sender in senders.values():
            sender.close()
        if self._store is not None:
            self._store.close()
            self._store = None


class SinkWorker:
    """Runs a dispatcher in a thread: woken after alerts are written, else when the next
    retry is due (checked at least every ``idle`` seconds)."""

    def __init__(self, dispatcher: SinkDispatcher, idle: float = 1.0) -> None:
        self.dispatcher = dispatcher
        self.idle = idle
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sinks", daemon=True)

    def start(self) -> SinkWorker:
        self._thread.start()
        return self

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop after the delivery in progress; undelivered rows stay in the outbox."""
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                self._wake.clear()
                try:
                    report = self.dispatcher.deliver_due()
                except StorageError as exc:
                    log.error("sink_outbox_unreadable", error=str(exc), action="will retry")
                    report = DeliveryReport()
                busy = report.delivered + report.failed + report.skipped >= 100
                if not busy:
                    self._wake.wait(self._wait_time())
        finally:
            self.dispatcher.close()

    def _wait_time(self) -> float:
        try:
            due = self.dispatcher.next_due()
        except StorageError:
            return self.idle
        if due is None:
            return self.idle
        return max(0.05, min(self.idle, (due - clock.now()).total_seconds()))
