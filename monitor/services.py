"""The daemon's services besides polling, each started, reloaded and stopped with it.

    Metrics         the counters /metrics serves, fed by every poll and tick
    HealthEndpoint  /healthz and /metrics over HTTP
    Sinks           notification sinks: deliveries from the outbox in a worker thread (in
                    poll-once, one pass when it stops)
    Systemd         READY, RELOADING, STOPPING and watchdog pings to systemd
    PollSummaries   one ``poll_summary`` log line per ``log.summary_interval`` (summary.py)
    Retention       deletes expired rows from the scheduler tick (retention.py; in poll-once,
                    a whole run when it stops)

``Daemon`` owns them as a ``Services`` list (``services_for`` builds it from the config) and
calls every service, in list order, at each moment of its life:

    start(store)                     the store is open; polling begins right after
    reloading() / reload(config, store, removed)   a reload, then its result (config None:
                                     the files were rejected and the running config stays)
    stopping()                       a stop signal: polls are draining
    stop()                           polls drained, alerts written, the store about to close
    tick(at), polled(outcome, store), written()   the work they watch (every scheduler tick,
                                     every poll, every write of the alert log)

Each method is a no-op unless the service needs it. Nothing here may stop the daemon: a port in
use or an unreachable systemd socket is logged and the daemon runs on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

import structlog

from monitor import clock
from monitor.config import Config
from monitor.exceptions import ConfigError, StorageError
from monitor.retention import RetentionRunner
from monitor.store import open_config_store
from monitor.summary import PollSummary
from monitor.systemd import Notifier
from monitor.types import PollOutcome

if TYPE_CHECKING:  # imported where used: a daemon without sinks or HTTP endpoint never loads them
    from monitor.health import HealthServer
    from monitor.metrics import Metrics as Registry
    from monitor.sinks import SinkDispatcher, SinkWorker
    from monitor.store import Store

log = structlog.get_logger(__name__)


class Service:
    """One part of the daemon besides polling; override the moments it needs."""

    def start(self, store: Store) -> None:
        """The store is open; polling begins right after."""

    def reloading(self) -> None:
        """A reload begins."""

    def reload(self, config: Config | None, store: Store | None, removed: Iterable[str]) -> None:
        """The reload's result: the new config, or None when its files were rejected."""

    def stopping(self) -> None:
        """A stop signal arrived: polls in flight are draining."""

    def stop(self) -> None:
        """Polls drained and alerts written; release what ``start`` took."""

    def tick(self, at: datetime) -> None:
        """A scheduler tick (every second)."""

    def polled(self, outcome: PollOutcome, store: Store | None) -> None:
        """A poll ended."""

    def written(self) -> None:
        """Alerts were appended to the alert log."""


class Services(Service):
    """The daemon's services, called in order (stopped in reverse)."""

    def __init__(self, services: Sequence[Service]) -> None:
        self.all = list(services)

    def find(self, kind: type[Service]) -> Service | None:
        return next((s for s in self.all if isinstance(s, kind)), None)

    def start(self, store: Store) -> None:
        for s in self.all:
            s.start(store)

    def reloading(self) -> None:
        for s in self.all:
            s.reloading()

    def reload(self, config: Config | None, store: Store | None,
               removed: Iterable[str] = ()) -> None:
        removed = list(removed)
        for s in self.all:
            s.reload(config, store, removed)

    def stopping(self) -> None:
        for s in self.all:
            s.stopping()

    def stop(self) -> None:
        for s in reversed(self.all):
            s.stop()

    def tick(self, at: datetime) -> None:
        for s in self.all:
            s.tick(at)

    def polled(self, outcome: PollOutcome, store: Store | None) -> None:
        for s in self.all:
            s.polled(outcome, store)

    def written(self) -> None:
        for s in self.all:
            s.written()


class Metrics(Service):
    """The /metrics registry: loaded from the database at start, then fed by polls and ticks."""

    def __init__(self, config: Config) -> None:
        from monitor.metrics import Metrics as Registry

        self.registry: Registry = Registry()
        self.feed_ids = [f.id for f in config.feeds]

    def start(self, store: Store) -> None:
        self.registry.load(store, self.feed_ids)

    def reload(self, config: Config | None, store: Store | None, removed: Iterable[str]) -> None:
        if config is not None:
            self.registry.forget_feeds(removed)

    def tick(self, at: datetime) -> None:
        self.registry.tick(at)

    def polled(self, outcome: PollOutcome, store: Store | None) -> None:
        self.registry.observe(outcome, clock.now())
        if outcome.alerts and store is not None:
            self.registry.count_new_alerts(store)


class HealthEndpoint(Service):
    """``/healthz`` (the scheduler ticked lately) and ``/metrics`` on ``http.address:port``.
    Its settings need a restart (the reload says so)."""

    def __init__(self, config: Config, metrics: Registry, tick_seconds: float,
                 last_tick: Callable[[], datetime | None]) -> None:
        self.config = config
        self.metrics = metrics
        self.tick_seconds = tick_seconds
        self.last_tick = last_tick
        self.server: HealthServer | None = None

    def start(self, store: Store) -> None:
        from monitor.health import HealthServer, probe_url, tick_health, who_answers
        from monitor.instance import describe, identity

        http = self.config.settings.http
        stale_after = http.stale_after or 2 * self.tick_seconds
        try:
            self.server = HealthServer(
                http.address, http.port,
                lambda: tick_health(self.last_tick(), stale_after, clock.now()),
                self.metrics, identity(self.config.path),
            ).start()
        except OSError as exc:
            error = exc.strerror or str(exc)
            other = who_answers(probe_url(http.address, http.port))
            if other is not None:
                error += (f": {describe(other)} serves there; give each config its own "
                          "http.port")
            log.error("http_endpoint_unavailable", address=http.address, port=http.port,
                      error=error, action="running without /healthz and /metrics")
        else:
            log.info("http_endpoint", url=self.server.url, paths=["/healthz", "/metrics"])

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None


class Sinks(Service):
    """Webhook and Apprise deliveries from the outbox. Registered at start (so new alerts
    queue deliveries); sent by a worker thread woken after each alert-log write, or, with
    ``once`` (poll-once), in one pass at stop: failures wait in the outbox for the daemon."""

    def __init__(self, config: Config, metrics: Registry | None = None, *,
                 once: bool = False, replica: str = "local") -> None:
        self.config = config
        self.replica = replica
        self.metrics = metrics
        self.once = once
        self.dispatcher: SinkDispatcher | None = None
        self.worker: SinkWorker | None = None

    def start(self, store: Store) -> None:
        sinks = self.config.settings.sinks
        store.sync_sinks([(s.id, s.type) for s in sinks], clock.now())
        if sinks:
            self._run(sinks)

    def _run(self, sinks: Sequence[Any]) -> None:
        from monitor.sinks import SinkDispatcher, SinkWorker

        config, replica = self.config, self.replica
        # its own connection, under the daemon's replica name: the deliveries it claims are
        # the daemon's, and go to another replica if this one dies
        self.dispatcher = SinkDispatcher(
            sinks, lambda: open_config_store(config, replica=replica), self.metrics)
        if not self.once:
            self.worker = SinkWorker(self.dispatcher).start()

    def reload(self, config: Config | None, store: Store | None, removed: Iterable[str]) -> None:
        if config is None:
            return
        self.config = config
        sinks = config.settings.sinks
        if store is not None:
            store.sync_sinks([(s.id, s.type) for s in sinks], clock.now())
        try:
            if self.dispatcher is not None:
                self.dispatcher.configure(sinks)
            elif sinks:
                self._run(sinks)
        except ConfigError as exc:
            log.error("sinks_reload_rejected", error=str(exc), action="kept running sinks")

    def written(self) -> None:
        if self.worker is not None:
            self.worker.wake()

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.stop()  # undelivered alerts stay in the outbox
        elif self.dispatcher is not None and self.once:
            self._deliver_once()
        if self.dispatcher is not None and self.worker is None:
            self.dispatcher.close()
        self.worker = self.dispatcher = None

    def _deliver_once(self) -> None:
        assert self.dispatcher is not None
        try:
            report = self.dispatcher.deliver_due()
            if report.failed:
                log.warning("sink_deliveries_pending", failed=report.failed,
                            action="the daemon retries them")
        except StorageError as exc:
            log.error("sink_outbox_unreadable", error=str(exc), action="the daemon retries")


class Systemd(Service):
    """The sd_notify protocol: READY at start and after each reload, RELOADING, STOPPING,
    and a watchdog ping on ticks (nothing without ``NOTIFY_SOCKET``)."""

    def __init__(self, config: Config, notifier: Notifier | None = None) -> None:
        self.config = config
        self.notifier = notifier or Notifier.from_env()

    def _ready(self) -> None:
        self.notifier.ready(f"polling {len(self.config.feeds)} feeds")

    def start(self, store: Store) -> None:
        self._ready()

    def reloading(self) -> None:
        self.notifier.reloading()

    def reload(self, config: Config | None, store: Store | None, removed: Iterable[str]) -> None:
        if config is not None:
            self.config = config
        self._ready()

    def stopping(self) -> None:
        self.notifier.stopping("draining")

    def tick(self, at: datetime) -> None:
        self.notifier.watchdog()


class PollSummaries(Service):
    """Counts polls; every ``log.summary_interval`` logs them as one ``poll_summary`` line (the
    polls themselves are logged at info only when something happened), the rest at stop."""

    def __init__(self, config: Config) -> None:
        self.summary = PollSummary(config.settings.log.summary_interval, time.monotonic())

    def reload(self, config: Config | None, store: Any, removed: Iterable[str]) -> None:
        if config is not None:
            self.summary.interval = config.settings.log.summary_interval

    def polled(self, outcome: PollOutcome, store: Any) -> None:
        self.summary.observe(outcome)

    def tick(self, at: datetime) -> None:
        self._log()

    def stop(self) -> None:
        self._log(force=True)

    def _log(self, *, force: bool = False) -> None:
        counts = self.summary.take(time.monotonic(), force=force)
        if counts is not None:
            log.info("poll_summary", **counts)


class Retention(Service):
    """``retention:`` from the scheduler tick, a few batches per tick; counted in /metrics.
    ``once`` (poll-once): a whole run when it stops, before the store closes."""

    def __init__(self, config: Config, metrics: Registry | None = None, *,
                 once: bool = False) -> None:
        self.runner = RetentionRunner(config.settings.retention)
        self.metrics = metrics
        self.once = once
        self.store: Any = None

    def start(self, store: Any) -> None:
        self.store = store

    def reload(self, config: Config | None, store: Any, removed: Iterable[str]) -> None:
        if config is not None:
            self.runner.retention = config.settings.retention

    def tick(self, at: datetime) -> None:
        if self.store is not None and not self.once:
            purged = self.runner.step(self.store, at)
            if purged is not None and self.metrics is not None:
                self.metrics.purged(purged)

    def stop(self) -> None:
        if self.store is not None and self.once:
            self.runner.finish(self.store, clock.now())
        self.store = None


def services_for(config: Config, *, replica: str = "local", tick_seconds: float,
                 last_tick: Callable[[], datetime | None], once: bool = False) -> Services:
    """The services a run needs: metrics and the HTTP endpoint when ``http.enabled``, the
    sinks, systemd. ``once`` (poll-once): the sinks alone, delivering in one pass."""
    if once:
        return Services([Retention(config, once=True), Sinks(config, once=True, replica=replica)])
    services: list[Service] = []
    metrics = None
    if config.settings.http.enabled:  # only /metrics reads the metrics
        m = Metrics(config)
        metrics = m.registry
        services += [m, HealthEndpoint(config, metrics, tick_seconds, last_tick)]
    services += [PollSummaries(config), Retention(config, metrics),
                 Sinks(config, metrics, replica=replica), Systemd(config)]
    return Services(services)
