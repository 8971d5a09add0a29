"""Prometheus metrics of the daemon, served on ``/metrics`` by health.py.

A registry of its own (not prometheus-client's global one), so that each Daemon, and each test,
counts from zero. Counters count since the process started, as Prometheus expects; gauges that
describe the database (feeds failing, last success per feed) are loaded from it at start.

| metric | type | labels |
|---|---|---|
| monitor_polls_total | counter | status: ok, not_modified, unchanged, error |
| monitor_items_new_total | counter | |
| monitor_alerts_total | counter | severity |
| monitor_entity_alerts_total | counter | entity, severity (an alert naming two counts for both) |
| monitor_fetch_duration_seconds | histogram | status (the retrieval alone: HTTP or file) |
| monitor_poll_duration_seconds | histogram | status (one whole poll: fetch, parse, match, store) |
| monitor_feeds_failing | gauge | (feeds whose last poll failed) |
| monitor_feed_last_success_timestamp_seconds | gauge | feed |
| monitor_scheduler_last_tick_timestamp_seconds | gauge | |
| monitor_sink_deliveries_total | counter | sink, result: delivered, failed, skipped |
| monitor_retention_deleted_total | counter | kind: items, tombstones, alerts (retention.py) |
| monitor_retention_pages_freed_total | counter | (database pages given back to the file system) |
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from monitor.types import PollOutcome, Purged

if TYPE_CHECKING:
    from monitor.store.protocol import ReportStore

__all__ = ["CONTENT_TYPE_LATEST", "Metrics"]

DURATION_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)


class Metrics:
    def __init__(self) -> None:
        r = self.registry = CollectorRegistry()
        self.polls = Counter("monitor_polls", "Feed polls, by outcome.", ["status"], registry=r)
        self.items_new = Counter("monitor_items_new", "New items stored.", registry=r)
        self.alerts = Counter("monitor_alerts", "Alerts created, by severity.", ["severity"],
                              registry=r)
        self.entity_alerts = Counter(
            "monitor_entity_alerts", "Alerts created, by entity and severity.",
            ["entity", "severity"], registry=r)
        self.fetch_duration = Histogram(
            "monitor_fetch_duration_seconds",
            "Seconds to retrieve one feed (HTTP or file), by poll outcome.",
            ["status"], buckets=DURATION_BUCKETS, registry=r)
        self.poll_duration = Histogram(
            "monitor_poll_duration_seconds",
            "Seconds to poll one feed (fetch, parse, match, store), by outcome.",
            ["status"], buckets=DURATION_BUCKETS, registry=r)
        self.feeds_failing = Gauge("monitor_feeds_failing", "Feeds whose last poll failed.",
                                   registry=r)
        self.last_success = Gauge(
            "monitor_feed_last_success_timestamp_seconds",
            "Unix time of each feed's last successful poll.", ["feed"], registry=r)
        self.last_tick = Gauge("monitor_scheduler_last_tick_timestamp_seconds",
                               "Unix time the scheduler last ran.", registry=r)
        self.sink_deliveries = Counter(
            "monitor_sink_deliveries", "Alert deliveries to notification sinks, by result.",
            ["sink", "result"], registry=r)
        self.retention_deleted = Counter(
            "monitor_retention_deleted", "Rows deleted by retention, by kind.", ["kind"],
            registry=r)
        self.retention_pages = Counter(
            "monitor_retention_pages_freed",
            "Database pages retention gave back to the file system.", registry=r)
        for kind in ("items", "tombstones", "alerts"):
            self.retention_deleted.labels(kind)
        self._failing: set[str] = set()
        self._alert_cursor = -1
        # every status and severity shows from the start, at 0, so rate() and alerts work
        for status in ("ok", "not_modified", "unchanged", "error"):
            self.polls.labels(status)
        for severity in ("low", "medium", "high", "critical"):
            self.alerts.labels(severity)

    def load(self, store: ReportStore, feed_ids: Iterable[str]) -> None:
        """Start from what the database knows: failing feeds, last successes, last alert."""
        wanted = set(feed_ids)
        self._failing = set()
        for row in store.feeds():
            if row["id"] not in wanted:
                continue
            if row["last_status"] == "error":
                self._failing.add(row["id"])
            if row["last_success"]:
                at = datetime.strptime(row["last_success"], "%Y-%m-%dT%H:%M:%S.%fZ")
                self.last_success.labels(row["id"]).set(at.replace(tzinfo=UTC).timestamp())
        self.feeds_failing.set(len(self._failing))
        self._alert_cursor, _ = store.alerts_after(-1)

    def forget_feeds(self, feed_ids: Iterable[str]) -> None:
        """Feeds removed from the config leave the per-feed series."""
        for feed_id in feed_ids:
            self._failing.discard(feed_id)
            try:
                self.last_success.remove(feed_id)
            except KeyError:
                continue
        self.feeds_failing.set(len(self._failing))

    def observe(self, outcome: PollOutcome, at: datetime) -> None:
        """One finished poll."""
        self.polls.labels(outcome.status).inc()
        self.items_new.inc(outcome.new)
        self.fetch_duration.labels(outcome.status).observe(outcome.fetch_duration)
        self.poll_duration.labels(outcome.status).observe(outcome.duration)
        if outcome.status == "error":
            self._failing.add(outcome.feed_id)
        else:
            self._failing.discard(outcome.feed_id)
            self.last_success.labels(outcome.feed_id).set(at.timestamp())
        self.feeds_failing.set(len(self._failing))

    def count_new_alerts(self, store: ReportStore) -> int:
        """Count the alerts inserted since the last call (however they were created)."""
        if self._alert_cursor < 0:
            self._alert_cursor, _ = store.alerts_after(-1)
            return 0
        self._alert_cursor, new = store.alerts_after(self._alert_cursor)
        for severity, entity_ids in new:
            self.alerts.labels(severity).inc()
            for entity in entity_ids:
                self.entity_alerts.labels(entity, severity).inc()
        return len(new)

    def tick(self, at: datetime) -> None:
        self.last_tick.set(at.timestamp())

    def purged(self, p: Purged) -> None:
        """One finished retention run."""
        for kind in ("items", "tombstones", "alerts"):
            self.retention_deleted.labels(kind).inc(getattr(p, kind))
        self.retention_pages.inc(p.pages_freed)

    def render(self) -> bytes:
        return generate_latest(self.registry)

