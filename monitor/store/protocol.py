"""What the rest of the program asks of a database, one protocol per domain.

Each caller names the narrowest protocol it needs (the pipeline a ``PollStore``, the alert log an
``AlertOutbox``, the sink worker a ``SinkOutbox``, reports a ``ReportStore``); the daemon, which
hands one store to all of them, holds a ``Store``, which is all of them. Two classes implement
``Store``: ``SQLiteStore`` (one daemon, one file) and ``PostgresStore`` (several daemons, one
server), and tests/test_store_contract.py runs every method against both.

Several daemons ("replicas") may share one store: the methods that hand out work (``due_feeds``,
``pending_alerts``, ``due_deliveries``) *claim* what they return for ``lease`` seconds under the
store's replica name, so no two replicas poll one feed, write one alert or deliver one
notification at once, and whatever a dead replica held goes to the others once its lease expires.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any, Protocol

from monitor.types import (
    AlertRecord,
    ArticleOutcome,
    FeedState,
    Item,
    KnownItem,
    MatchedItem,
    PendingArticle,
    PollIntent,
    Purged,
    RobotsTxt,
)


@dataclasses.dataclass(frozen=True, slots=True)
class Delivery:
    """One alert due for one notification sink."""

    alert_id: str
    sink_id: str
    attempts: int  # failed attempts so far
    severity: str
    entity_ids: tuple[str, ...]
    payload: Mapping[str, Any]


class FeedSpec(Protocol):
    """What the store keeps of a configured feed (monitor.config.Feed is one)."""

    @property
    def id(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def interval(self) -> float: ...


class FeedStore(Protocol):
    """Feeds and their schedule.

    Schedule semantics every store keeps: a restart changes no ``next_poll`` (the schedule
    carries on); a feed with ``stopped`` set (``gone``: 410) is neither due nor counted by
    ``next_poll_time`` until ``resume_feed`` or a new URL in ``sync_feeds`` clears it;
    ``record_poll`` keeps ``FeedUpdate.hints`` (when not None), sets ``FeedUpdate.stopped`` and
    gives the feed's claim back.
    """

    replica: str  # the name leases are taken under
    lease: float  # seconds a claim lasts unless renewed

    def sync_feeds(self, feeds: Iterable[FeedSpec], now: datetime) -> None: ...
    def due_feeds(
        self, now: datetime, exclude: Iterable[str] = (), limit: int | None = None,
        per_host: int | None = None,
    ) -> list[FeedState]: ...
    def renew_leases(self, feed_ids: Iterable[str], now: datetime) -> int: ...
    def release_leases(self, *, every_replica: bool = False) -> None: ...
    def feed_state(self, feed_id: str) -> FeedState | None: ...
    def next_poll_time(self, after: datetime | None = None) -> datetime | None: ...
    def resume_feed(self, feed_id: str, now: datetime) -> bool: ...
    def close(self) -> None: ...


class PollStore(Protocol):
    """Items, matches and alerts of one poll, written in one transaction."""

    def known_items(self, feed_id: str, keys: Sequence[str]) -> Mapping[str, KnownItem]: ...
    # key -> digest of the entry's bytes (None: not known), of the latest stored items
    def recent_keys(self, feed_id: str, limit: int) -> Mapping[str, str | None]: ...
    # record_poll upserts intent.items (an edited item keeps its first_seen) and groups alerts
    # of one story (monitor/similar.py; window 0: no grouping) through an index of MinHash
    # bands (table alert_bands), never by comparing every alert of the window
    def record_poll(self, intent: PollIntent, window: float) -> list[AlertRecord]: ...


class ArticleStore(Protocol):
    """The pages behind new items (monitor/articles.py), queued by ``record_poll``
    (``PollIntent.articles``); ``due_articles`` claims what it returns, as ``due_feeds``."""

    def due_articles(self, now: datetime, window: float, limit: int) -> list[PendingArticle]: ...
    def record_article(self, outcome: ArticleOutcome, window: float) -> list[AlertRecord]: ...
    def article_text(self, feed_id: str, key: str) -> str | None: ...
    # politeness shared by every replica of the store (article.rate, robots.txt per host)
    def take_article_start(self, now: datetime, interval: float) -> datetime: ...
    def robots_txt(self, origin: str, now: datetime) -> RobotsTxt | None: ...
    def keep_robots_txt(self, robots: RobotsTxt, now: datetime) -> None: ...


class RetentionStore(Protocol):
    """Retention (monitor/retention.py): one batch per call, in its own transaction; ``more``
    asks for another call."""

    def purge_expired(
        self, now: datetime, items_before: datetime | None, alerts_before: datetime | None,
        limit: int = 500,
    ) -> Purged: ...


class RematchStore(Protocol):
    """Stored items read again by a new watchlist (``monitor rematch``)."""

    def items_since(self, since: datetime, batch: int = 1000) -> Iterator[list[Item]]: ...
    def item(self, feed_id: str, key: str) -> Item | None: ...
    def alerted_targets(self, items: Sequence[Item]) -> dict[tuple[str, str], set[str]]: ...
    # window: the dedupe window; 0 turns story grouping off, as in record_poll
    def record_rematch(
        self, matched: Sequence[MatchedItem], alerts: Sequence[AlertRecord], version: str,
        window: float,
    ) -> list[AlertRecord]: ...


class AlertOutbox(Protocol):
    """Alerts committed and not yet written to the alert log."""

    def pending_alerts(self, limit: int = 500) -> list[AlertRecord]: ...
    def mark_emitted(self, alert_ids: Sequence[str], at: datetime) -> None: ...


class SinkOutbox(Protocol):
    """Deliveries of alerts to notification sinks (webhook, Apprise)."""

    def sync_sinks(self, sinks: Iterable[tuple[str, str]], now: datetime) -> None: ...
    def due_deliveries(self, now: datetime, limit: int = 100) -> list[Delivery]: ...
    def delivery_done(self, alert_id: str, sink_id: str, at: datetime, status: str) -> None: ...
    def delivery_failed(
        self, alert_id: str, sink_id: str, error: str, next_attempt: datetime
    ) -> None: ...
    def deliveries(self, sink_id: str | None = None) -> list[dict[str, Any]]: ...
    def next_delivery_time(self) -> datetime | None: ...
    def close(self) -> None: ...


class ReportStore(Protocol):
    """Reads for the CLI's reports and /metrics."""

    def alerts(
        self,
        since: datetime | None = None,
        entity: str | Sequence[str] | None = None,  # any of them; topics as topic:ID
        feed: str | Sequence[str] | None = None,  # any of them
        min_rank: int = 0,
        limit: int | None = None,
    ) -> list[AlertRecord]: ...
    def alert_counts(
        self,
        by: str,
        since: datetime | None = None,
        entity: str | Sequence[str] | None = None,  # any of them; topics as topic:ID
        feed: str | Sequence[str] | None = None,  # any of them
        min_rank: int = 0,
    ) -> list[tuple[str, int]]: ...
    def alert_sources(self, alert_id: str) -> list[dict[str, Any]]: ...
    def alerts_after(self, rowid: int) -> tuple[int, list[tuple[str, tuple[str, ...]]]]: ...
    def feeds(self) -> list[dict[str, Any]]: ...
    def count(self, table: str) -> int: ...
    def integrity_check(self) -> str: ...
    def close(self) -> None: ...


class Store(FeedStore, PollStore, ArticleStore, RetentionStore, RematchStore, AlertOutbox,
            SinkOutbox, ReportStore, Protocol):
    """The whole store: what the daemon opens and hands to each part."""

    shared: bool  # several daemons may use it at once (PostgreSQL)
