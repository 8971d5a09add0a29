"""The daemon's life: start → serve → drain.

start   load and validate config and watchlists (fatal if invalid), open the store, make the feeds
        table match the config, start the services (services.py: metrics, HTTP endpoint, sinks,
        systemd, poll summaries, retention), write any alerts a previous run left in the outbox
serve   APScheduler runs ``tick`` every second: reload if a file changed, start polls of due
        feeds, retry the alert log if it failed; the poller also wakes itself at the next due
        time (scheduler.py); SIGHUP reloads too
drain   SIGTERM or SIGINT: stop scheduling, give polls in flight a few seconds, abandon the rest
        (their transactions never committed), write pending alerts, close the database; a second
        signal skips the wait
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import structlog

from monitor import clock
from monitor.alerts import AlertLog
from monitor.articles import ArticleStats, ArticleWorker
from monitor.config import Config, default_replica, for_replica
from monitor.exceptions import AlertSinkError, ConfigError, StorageError
from monitor.fetch import Fetcher, FetchSettings
from monitor.instance import InstanceLock, identity, lock_targets
from monitor.pipeline import PollContext, poll_one
from monitor.runtime import Runtime, load_runtime
from monitor.scheduler import Poller
from monitor.services import Services, services_for
from monitor.store import Store, open_config_store
from monitor.types import FeedState, PollOutcome
from monitor.workers import ParsePool, make_executor

log = structlog.get_logger(__name__)

TICK_SECONDS = 1.0
DRAIN_SECONDS = 6.0
# Alerts of polls that finish within this long of the last write wait for the next write (the
# next poll after it, the tick, or the end of poll-once): a burst of polls then writes and fsyncs
# the alert log a few times a second, not once per feed. They are safe in the outbox meanwhile.
ALERT_WRITE_INTERVAL = 0.5
# Pending alerts are also looked for this often (or every lease, if shorter) when nothing else
# drains: alerts another process claimed and died holding (a killed replica, a killed `monitor
# rematch`) are claimable again once its lease expires, and no poll of ours need come to write
# them. One indexed query (the alerts_pending partial index) that finds nothing, as a rule.
ALERT_SWEEP_SECONDS = 10.0


def fetch_settings(config: Config) -> FetchSettings:
    d = config.defaults
    kw = {}
    if config.settings.user_agent:
        kw["user_agent"] = config.settings.user_agent
    return FetchSettings(
        connect_timeout=d.connect_timeout,
        read_timeout=d.read_timeout,
        total_timeout=d.total_timeout,
        max_bytes=d.max_body_size,
        max_redirects=d.max_redirects,
        allow_private_networks=config.settings.allow_private_networks,
        **kw,
    )


def _mtimes(paths: Sequence[Path]) -> tuple[float | None, ...]:
    out: list[float | None] = []
    for p in paths:
        try:
            out.append(p.stat().st_mtime)
        except OSError:
            out.append(None)
    return tuple(out)


class Daemon:
    def __init__(self, runtime: Runtime, *, strict: bool = False,
                 replica: str | None = None, executor: ParsePool | None = None) -> None:
        """``executor``: the parser workers, made (perhaps started) for ``runtime``'s config by
        ``make_executor``; by default the daemon makes them (not started)."""
        self.replica = replica or default_replica()
        # the running config names this replica's own alert log
        runtime = replace(runtime, config=for_replica(runtime.config, self.replica))
        self.runtime = runtime
        self.strict = strict
        self.store: Store | None = None
        self.alert_log = AlertLog(runtime.config.alert_log)
        self._renewed = 0.0
        self._stop = asyncio.Event()
        self._signals = 0
        self._skip_drain = asyncio.Event()  # set by a second stop signal
        self._alerts_pending = True
        self._alerts_waiting = False  # committed alerts held back by ALERT_WRITE_INTERVAL
        self._last_drain = 0.0
        self._mtimes = _mtimes(runtime.files())
        self.last_tick: datetime | None = None
        self.poller: Poller | None = None
        self.services = Services([])  # health, metrics, sinks, systemd: chosen by run/poll_once
        self.executor = executor if executor is not None else make_executor(runtime.config)
        self._articles: asyncio.Task[None] | None = None  # the article batch in flight
        self.article_pool: ParsePool | None = None  # the article extraction process
        self.article_stats = ArticleStats()  # poll-once: what its article pass did
        self.polls_done: float | None = None  # poll-once: monotonic time its polls ended
        self.lock = InstanceLock(identity(runtime.config.path))

    # --- start -----------------------------------------------------------------------------

    def _open(self) -> Store:
        # one daemon per SQLite database and alert log: a second one stops here, naming the first
        self.lock.acquire(lock_targets(self.runtime.config))
        try:
            store = open_config_store(self.runtime.config, replica=self.replica)
        except BaseException:
            self.lock.release()
            raise
        # several replicas share the database: one alert line at a time between writing and
        # recording it, so a replica that dies repeats at most one line (see AlertLog)
        self.alert_log.one_at_a_time = store.shared
        if not store.shared:
            # the lock above makes this the database's only daemon: claims under another name
            # are a killed predecessor's (a new pid, a new replica name), and waiting out their
            # leases would hold its feeds, alerts and article fetches for minutes
            store.release_leases(every_replica=True)
        store.sync_feeds(self.runtime.config.feeds, clock.now())
        self.store = store
        self.services.start(store)
        self._drain_alerts()
        return store

    def _drain_alerts(self) -> int:
        assert self.store is not None
        self._alerts_waiting = False
        self._last_drain = time.monotonic()
        try:
            n = self.alert_log.drain(self.store)
        except (AlertSinkError, StorageError) as exc:
            if not self._alerts_pending:
                log.error("alert_log_unwritable", error=str(exc), action="will retry")
            self._alerts_pending = True
            return 0
        if self._alerts_pending and n:
            log.info("alerts_written", count=n)
        self._alerts_pending = False
        self.services.written()  # sinks deliver after the alert log
        return n

    def _context(self, fetcher: Fetcher, executor: ParsePool | None) -> PollContext:
        assert self.store is not None
        return PollContext(
            config=self.runtime.config,
            store=self.store,
            fetcher=fetcher,
            matcher=self.runtime.matcher,
            executor=executor,
            strict=self.strict,
        )

    async def _poll(self, ctx: PollContext, state: FeedState) -> PollOutcome:
        feed = self.runtime.feeds.get(state.feed_id)
        if feed is None:  # removed by a reload while queued
            return PollOutcome(state.feed_id, "not_modified")
        ctx.config, ctx.matcher = self.runtime.config, self.runtime.matcher
        return await poll_one(ctx, feed, state)

    def _article_worker(self, fetcher: Fetcher, poller: Poller,
                        extractors: int = 1) -> ArticleWorker:
        """The article queue's worker. Pages are extracted in ``extractors`` processes of their
        own (started on the first page), so a page never holds up a feed's
        parse; with ``parse_workers: 0``, in one thread of the daemon."""
        assert self.store is not None
        if self.executor is not None and self.article_pool is None:
            self.article_pool = ParsePool(extractors, ("monitor.extract",),
                                          log_format=self.runtime.config.settings.log.format)
        return ArticleWorker(self.runtime.config, self.store, fetcher, self.runtime.matcher,
                             self.article_pool, clock.now, hosts=poller)

    async def _article_batch(self, worker: ArticleWorker) -> int:
        """One batch of due article fetches (the current config and watchlist); returns how
        many articles it finished. Alerts the bodies added are written like a poll's."""
        worker.config, worker.matcher = self.runtime.config, self.runtime.matcher
        stats = await worker.run_batch()
        self.article_stats.add(stats)
        if stats.alerts:
            self._alerts_created()
        return stats.done

    def _start_articles(self, worker: ArticleWorker) -> None:
        """Start the next article batch unless one is running: the queue is worked beside the
        polls, never inside them, so a slow or failing page never delays a feed."""
        if self._articles is not None and not self._articles.done():
            return
        if not any(f.article for f in self.runtime.config.feeds):
            return

        async def batch() -> None:
            try:
                await self._article_batch(worker)
            except StorageError as exc:
                log.error("storage_unavailable", error=str(exc), during="articles")
            except Exception:  # a bug: loud, and the daemon goes on (the rows stay pending)
                if self.strict:
                    raise
                log.critical("article_batch_failed", exc_info=True)

        self._articles = asyncio.create_task(batch(), name="articles")

    def _after_poll(self, outcome: PollOutcome) -> None:
        self.services.polled(outcome, self.store)  # metrics
        if outcome.alerts or self._alerts_pending:
            self._alerts_created()

    def _alerts_created(self) -> None:
        if time.monotonic() - self._last_drain >= ALERT_WRITE_INTERVAL:
            self._drain_alerts()
        else:
            self._alerts_waiting = True

    # --- serve -----------------------------------------------------------------------------

    async def run(self) -> int:
        """Serve until SIGTERM/SIGINT. Returns the exit code."""
        from apscheduler.schedulers.asyncio import AsyncIOScheduler  # only `run` needs it

        self.services = services_for(self.runtime.config, replica=self.replica,
                                     tick_seconds=TICK_SECONDS,
                                     last_tick=lambda: self.last_tick)
        store = self._open()  # the schedule carries on: nothing is made due by a restart
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self._on_stop_signal, sig)
        loop.add_signal_handler(signal.SIGHUP, self.reload, "SIGHUP")
        executor = self.executor
        try:
            async with Fetcher(fetch_settings(self.runtime.config)) as fetcher:
                ctx = self._context(fetcher, executor)
                # replicas (a shared store): claim a few feeds beyond the free slots at a time,
                # each host's limit counted across replicas; one daemon takes all due feeds
                shared = store.shared
                per_host = self.runtime.config.defaults.per_host if shared else None
                poller = self.poller = self._poller(
                    ctx, due=lambda busy, want: store.due_feeds(clock.now(), busy, want, per_host),
                    next_due=store.next_poll_time,
                    claim=2 * self.runtime.config.defaults.concurrency if shared else None,
                )
                articles = self._article_worker(fetcher, poller)
                scheduler = AsyncIOScheduler(timezone=UTC)
                scheduler.add_job(
                    self._tick,
                    "interval",
                    args=[poller, articles],
                    seconds=TICK_SECONDS,
                    next_run_time=clock.now(),
                    max_instances=1,
                    coalesce=True,
                    misfire_grace_time=None,
                    id="tick",
                )
                scheduler.start()
                log.info(
                    "started",
                    pid=os.getpid(),
                    feeds=len(self.runtime.config.feeds),
                    entities=len(self.runtime.watchlist.entities),
                    watchlist_version=self.runtime.matcher.version,
                    database=str(self.runtime.config.database),
                    alert_log=str(self.alert_log.path),
                    replica=self.replica,
                )
                await self._stop.wait()
                self.services.stopping()  # STOPPING=1
                log.info("stopping", in_flight=len(poller.in_flight))
                scheduler.shutdown(wait=False)
                abandoned = await poller.drain(DRAIN_SECONDS, self._skip_drain)
                if abandoned:
                    log.warning("polls_abandoned", count=abandoned)
                if self._articles is not None and not self._articles.done():
                    # the batch's finished articles are committed; the rest stay pending
                    self._articles.cancel()
                    await asyncio.gather(self._articles, return_exceptions=True)
        finally:
            for pool in (executor, self.article_pool):
                if pool is not None:
                    pool.shutdown(wait=False, cancel_futures=True)
            self._drain_alerts()
            self.services.stop()
            self._release(store)
            store.close()
            self.lock.release()
            for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
                loop.remove_signal_handler(sig)
        log.info("stopped")
        return 0

    def _on_stop_signal(self, sig: signal.Signals) -> None:
        self._signals += 1
        log.info("signal", signal=sig.name, count=self._signals)
        self._stop.set()
        if self._signals > 1:  # a second signal: abandon polls in flight now, even mid-drain
            self._skip_drain.set()

    async def _tick(self, poller: Poller, articles: ArticleWorker) -> None:
        self.last_tick = clock.now()
        self.services.tick(self.last_tick)  # watchdog, metrics
        if self._stop.is_set():
            return
        mtimes = _mtimes(self.runtime.files())
        if mtimes != self._mtimes:
            self._mtimes = mtimes
            self.reload("file changed")
        if self._alerts_pending or self._alerts_waiting or self._sweep_due():
            self._drain_alerts()
        self._renew(poller)
        await poller.tick()
        self._start_articles(articles)

    def _sweep_due(self) -> bool:
        assert self.store is not None
        every = min(ALERT_SWEEP_SECONDS, self.store.lease)
        return time.monotonic() - self._last_drain >= every

    def _renew(self, poller: Poller) -> None:
        """Every quarter lease: keep the feeds being polled claimed (a slow poll is not taken
        over by another replica while it runs)."""
        assert self.store is not None
        now = time.monotonic()
        if now - self._renewed < self.store.lease / 4 or not poller.in_flight:
            return
        self._renewed = now
        try:
            self.store.renew_leases([*poller.in_flight, *poller.queued], clock.now())
        except StorageError as exc:
            log.error("lease_renewal_failed", error=str(exc), action="retried next tick")

    def _release(self, store: Store) -> None:
        """A clean stop gives its claims back: the other replicas need not wait for leases."""
        try:
            store.release_leases()
        except StorageError as exc:
            log.warning("leases_not_released", error=str(exc),
                        action="the other replicas take them when they expire")

    # --- reload ----------------------------------------------------------------------------

    def reload(self, why: str = "SIGHUP") -> bool:
        """Validate the files again and swap them in; keep the old ones if they are invalid."""
        old = self.runtime
        self.services.reloading()  # RELOADING=1
        try:
            new = load_runtime(old.config.path)
        except ConfigError as exc:
            log.error("reload_rejected", reason=why, error=str(exc), action="kept running config")
            self._mtimes = _mtimes(old.files())
            self.services.reload(None, self.store)  # READY=1
            return False
        # opened or started once: the database, the alert log, the parser workers and the HTTP
        # endpoint; the running paths stay in the config
        o, n = old.config, for_replica(new.config, self.replica)
        for key, before, after in (
            ("paths.database", o.database, n.database),
            ("paths.alert_log", o.alert_log, n.alert_log),
            ("defaults.parse_workers", o.defaults.parse_workers, n.defaults.parse_workers),
            ("http", o.settings.http, n.settings.http),
        ):
            if before != after:
                log.warning("reload_needs_restart", key=key, running=str(before))
        self.runtime = replace(new, config=replace(n, database=o.database, alert_log=o.alert_log))
        if self.store is not None:
            self.store.sync_feeds(self.runtime.config.feeds, clock.now())
        if self.poller is not None:
            self.poller.concurrency = n.defaults.concurrency
            self.poller.per_host = n.defaults.per_host
            self.poller.forget_queue()
        self._mtimes = _mtimes(self.runtime.files())
        added = set(new.feeds) - set(old.feeds)
        removed = set(old.feeds) - set(new.feeds)
        self.services.reload(self.runtime.config, self.store, removed)
        log.info(
            "reloaded",
            reason=why,
            feeds=len(new.config.feeds),
            added=sorted(added),
            removed=sorted(removed),
            watchlist_version=new.matcher.version,
        )
        return True

    # --- one pass --------------------------------------------------------------------------

    def _poller(
        self,
        ctx: PollContext,
        due: Callable[[Iterable[str], int | None], list[FeedState]],
        next_due: Callable[[datetime], datetime | None] | None = None,
        progress: Callable[[PollOutcome], object] | None = None,
        claim: int | None = None,
    ) -> Poller:
        def done(outcome: PollOutcome) -> None:
            self._after_poll(outcome)
            if progress is not None:
                progress(outcome)

        d = self.runtime.config.defaults
        return Poller(
            poll=lambda state: self._poll(ctx, state), due=due, next_due=next_due,
            concurrency=d.concurrency, per_host=d.per_host, on_done=done, claim=claim,
        )

    async def poll_once(
        self, progress: Callable[[PollOutcome], object] | None = None
    ) -> list[PollOutcome]:
        """One Poller tick over every active feed, due or not (a stopped one is not polled),
        and a drain: the daemon's limits and code path, once. For cron and tests."""
        self.services = services_for(self.runtime.config, replica=self.replica,
                                     tick_seconds=TICK_SECONDS,
                                     last_tick=lambda: self.last_tick, once=True)
        executor = self.executor
        try:
            store = self._open()
        except BaseException:  # (workers started beforehand by `poll-once` stop here)
            if executor is not None:
                executor.shutdown(wait=False)
            raise
        outcomes: list[PollOutcome] = []
        try:
            async with Fetcher(fetch_settings(self.runtime.config)) as fetcher:
                far = clock.now() + timedelta(days=36500)

                def record(outcome: PollOutcome) -> None:
                    outcomes.append(outcome)
                    if progress is not None:
                        progress(outcome)

                poller = self._poller(self._context(fetcher, executor),
                                      due=lambda busy, want: store.due_feeds(far, busy, want),
                                      progress=record)
                await poller.tick()
                await poller.finish()
                if poller.storage_error is not None:
                    raise poller.storage_error
                self.polls_done = time.monotonic()
                extractors = 1
                if executor is not None:  # the feeds are parsed: their cores go to the pages
                    executor.shutdown(wait=True)
                    extractors = max(1, min(os.cpu_count() or 1, executor.workers + 1))
                articles = self._article_worker(fetcher, poller, extractors)
                if articles.enabled:  # the pages of the new items, until none is due
                    while await self._article_batch(articles):
                        pass
        finally:
            for pool in (executor, self.article_pool):
                if pool is not None:
                    pool.shutdown(wait=True, cancel_futures=True)
            self._drain_alerts()
            self.services.stop()  # sinks: one delivery pass
            self._release(store)
            store.close()
            self.lock.release()
        return outcomes
