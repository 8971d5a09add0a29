"""The store: the only owner of SQL. SQLite (through sqlite-utils) is the embedded default.

The interface is narrow on purpose (``Store`` below) so that a PostgreSQL store can join later
and let several daemons share one feed list.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from monitor.store.sqlite import SQLiteStore
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
)


class Store(Protocol):
    """Everything the rest of the program asks of a database, grouped by domain.

    A PostgreSQL store shared by several daemons implements the same methods; the one that
    changes meaning is ``due_feeds``, which must then *claim* the feeds it returns (for example
    ``SELECT ... FOR UPDATE SKIP LOCKED`` and a lease on ``next_poll``) so that two daemons never
    poll one feed at once, as one daemon never does today. The poller may hold a returned feed
    back for a while (its host or the daemon is at its fetch limit) and asks again every tick.

    Schedule semantics every store keeps: a restart changes no ``next_poll`` (the schedule
    carries on); a feed with ``stopped`` set (``gone``: 410) is neither due nor counted by
    ``next_poll_time`` until ``resume_feed`` or a new URL in ``sync_feeds`` clears it;
    ``record_poll`` keeps ``FeedUpdate.hints`` (when not None) and sets ``FeedUpdate.stopped``.
    """

    # feeds and schedule
    def sync_feeds(self, feeds: Iterable[Any], now: datetime) -> None: ...
    def due_feeds(self, now: datetime, exclude: Iterable[str] = ()) -> list[FeedState]: ...
    def feed_state(self, feed_id: str) -> FeedState | None: ...
    def next_poll_time(self, after: datetime | None = None) -> datetime | None: ...
    def resume_feed(self, feed_id: str, now: datetime) -> bool: ...

    # items, matches and alerts of one poll (one transaction)
    def known_items(self, feed_id: str, keys: Sequence[str]) -> Mapping[str, KnownItem]: ...
    # key -> digest of the entry's bytes (None: not known), of the latest stored items
    def recent_keys(self, feed_id: str, limit: int) -> Mapping[str, str | None]: ...
    # record_poll upserts intent.items (an edited item keeps its first_seen) and groups alerts
    # of one story (monitor/similar.py; window 0: no grouping) through an index of MinHash
    # bands (table alert_bands), never by comparing every alert of the window
    def record_poll(self, intent: PollIntent, window: float) -> list[AlertRecord]: ...

    # articles: the pages behind new items, queued by record_poll (PollIntent.articles)
    def due_articles(self, now: datetime, window: float, limit: int) -> list[PendingArticle]: ...
    def record_article(self, outcome: ArticleOutcome, window: float) -> list[AlertRecord]: ...
    def article_text(self, feed_id: str, key: str) -> str | None: ...

    # retention: one batch per call, in its own transaction; ``more`` asks for another call
    def purge_expired(
        self, now: datetime, items_before: datetime | None, alerts_before: datetime | None,
        limit: int = 500,
    ) -> Purged: ...

    # rematch
    def items_since(self, since: datetime, batch: int = 1000) -> Iterator[list[Item]]: ...
    def item(self, feed_id: str, key: str) -> Item | None: ...
    def alerted_targets(self, items: Sequence[Item]) -> dict[tuple[str, str], set[str]]: ...
    def record_rematch(
        self, matched: Sequence[MatchedItem], alerts: Sequence[AlertRecord], version: str
    ) -> list[AlertRecord]: ...

    # the alert outbox
    def pending_alerts(self, limit: int = 500) -> list[AlertRecord]: ...
    def mark_emitted(self, alert_ids: Sequence[str], at: datetime) -> None: ...

    # reports (CLI, metrics)
    def alerts(
        self,
        since: datetime | None = None,
        entity: str | Sequence[str] | None = None,  # any of them; topics as topic:ID
        feed: str | Sequence[str] | None = None,  # any of them
        min_rank: int = 0,
        limit: int | None = None,
    ) -> list[AlertRecord]: ...
    def alert_sources(self, alert_id: str) -> list[dict[str, Any]]: ...
    def feeds(self) -> list[dict[str, Any]]: ...
    def close(self) -> None: ...


def open_store(path: str | Path) -> SQLiteStore:
    """Open (creating and migrating if needed) the SQLite database at ``path``."""
    return SQLiteStore(Path(path))


__all__ = ["SQLiteStore", "Store", "open_store"]
