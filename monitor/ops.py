"""The daemon's operational side, behind a few hook calls from daemon.py.

opened    the store is open: register the sinks (so new alerts queue deliveries), load the
          metrics' starting values from the database
serving   the scheduler runs: start the HTTP endpoint (/healthz, /metrics) and the sink worker
          thread, tell systemd READY=1
tick      every scheduler tick: metrics' last tick, systemd watchdog ping
polled    after each poll: metrics (poll status, new items, duration, new alerts)
written   after the alert log is written: wake the sink worker
reloading / reloaded   SIGHUP: systemd RELOADING=1 then READY=1; new sinks and feeds
stopping  stop signal: systemd STOPPING=1
stopped   stop the endpoint and the sink worker (undelivered alerts stay in the outbox)
deliver_once   poll-once: one synchronous pass over due deliveries

Nothing here may stop the daemon: a port in use or an unreachable systemd socket is logged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

import structlog

from monitor import clock
from monitor.config import AppriseSink, Config, WebhookSink
from monitor.exceptions import ConfigError, StorageError
from monitor.store import open_store
from monitor.systemd import Notifier
from monitor.types import PollOutcome

if TYPE_CHECKING:  # imported where used: a daemon without sinks or HTTP endpoint never loads them
    from monitor.health import HealthServer
    from monitor.metrics import Metrics
    from monitor.sinks import SinkDispatcher, SinkWorker

log = structlog.get_logger(__name__)


class Ops:
    def __init__(self, config: Config, tick_seconds: float,
                 notifier: Notifier | None = None) -> None:
        self.config = config
        self.tick_seconds = tick_seconds
        # only /metrics reads them: none without the HTTP endpoint (nor in poll-once: no_metrics)
        self.metrics: Metrics | None = None
        if config.settings.http.enabled:
            from monitor.metrics import Metrics

            self.metrics = Metrics()
        self.notifier = notifier or Notifier.from_env()
        self.http: HealthServer | None = None
        self.dispatcher: SinkDispatcher | None = None
        self.worker: SinkWorker | None = None

    # --- start -------------------------------------------------------------------------------

    def opened(self, store: Any) -> None:
        sinks = self.config.settings.sinks
        store.sync_sinks([(s.id, s.type) for s in sinks], clock.now())
        if self.metrics is not None:
            self.metrics.load(store, [f.id for f in self.config.feeds])
        if sinks and self.dispatcher is None:
            self.dispatcher = self._dispatcher(sinks)

    def serving(self, last_tick: Callable[[], datetime | None]) -> None:
        http = self.config.settings.http
        if http.enabled and self.metrics is not None:
            from monitor.health import HealthServer, probe_url, tick_health, who_answers
            from monitor.instance import describe, identity

            stale_after = http.stale_after or 2 * self.tick_seconds
            try:
                self.http = HealthServer(
                    http.address, http.port,
                    lambda: tick_health(last_tick(), stale_after, clock.now()),
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
                log.info("http_endpoint", url=self.http.url, paths=["/healthz", "/metrics"])
        if self.dispatcher is not None:
            from monitor.sinks import SinkWorker

            self.worker = SinkWorker(self.dispatcher).start()
        self.notifier.ready(f"polling {len(self.config.feeds)} feeds")

    def _dispatcher(self, sinks: Sequence[WebhookSink | AppriseSink]) -> SinkDispatcher:
        from monitor.sinks import SinkDispatcher

        database = self.config.database
        return SinkDispatcher(sinks, lambda: open_store(database), self.metrics)

    # --- serve -------------------------------------------------------------------------------

    def no_metrics(self) -> None:
        """A single pass (poll-once) serves no /metrics: skip keeping them."""
        self.metrics = None

    def tick(self, at: datetime) -> None:
        if self.metrics is not None:
            self.metrics.tick(at)
        self.notifier.watchdog()

    def polled(self, outcome: PollOutcome, store: Any) -> None:
        if self.metrics is None:
            return
        self.metrics.observe(outcome, clock.now())
        if outcome.alerts:
            self.metrics.count_new_alerts(store)

    def written(self) -> None:
        if self.worker is not None:
            self.worker.wake()

    def reloading(self) -> None:
        self.notifier.reloading()

    def reloaded(self, config: Config | None, store: Any, removed: Iterable[str] = ()) -> None:
        """``config`` None: the reload was rejected, the old config runs on."""
        if config is not None:
            self.config = config
            if self.metrics is not None:
                self.metrics.forget_feeds(removed)
            sinks = config.settings.sinks
            if store is not None:
                store.sync_sinks([(s.id, s.type) for s in sinks], clock.now())
            try:
                if self.dispatcher is not None:
                    self.dispatcher.configure(sinks)
                elif sinks:
                    from monitor.sinks import SinkWorker

                    self.dispatcher = self._dispatcher(sinks)
                    self.worker = SinkWorker(self.dispatcher).start()
            except ConfigError as exc:
                log.error("sinks_reload_rejected", error=str(exc), action="kept running sinks")
        self.notifier.ready(f"polling {len(self.config.feeds)} feeds")

    # --- stop --------------------------------------------------------------------------------

    def stopping(self) -> None:
        self.notifier.stopping("draining")

    def stopped(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker = None
        elif self.dispatcher is not None:
            self.dispatcher.close()
        self.dispatcher = None
        if self.http is not None:
            self.http.stop()
            self.http = None

    def deliver_once(self) -> None:
        """poll-once: send what is due now, once; failures wait in the outbox for the daemon."""
        if self.dispatcher is None:
            return
        try:
            report = self.dispatcher.deliver_due()
            if report.failed:
                log.warning("sink_deliveries_pending", failed=report.failed,
                            action="the daemon retries them")
        except StorageError as exc:
            log.error("sink_outbox_unreadable", error=str(exc), action="the daemon retries")
        finally:
            self.dispatcher.close()
            self.dispatcher = None
