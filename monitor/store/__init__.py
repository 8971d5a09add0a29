"""The store: the only owner of SQL. SQLite (through sqlite-utils) is the embedded default.

The interface is narrow on purpose (``Store`` below) so that a PostgreSQL store can join later
and let several daemons share one feed list.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from monitor.store.sqlite import SQLiteStore
from monitor.types import AlertRecord, FeedState, PollIntent


class Store(Protocol):
    """What the daemon needs from a database."""

    def sync_feeds(self, feeds: Iterable[Any], now: datetime) -> None: ...
    def due_feeds(self, now: datetime, exclude: Iterable[str] = ()) -> list[FeedState]: ...
    def feed_state(self, feed_id: str) -> FeedState | None: ...
    def known_items(self, feed_id: str, keys: Sequence[str]) -> Mapping[str, str]: ...
    def record_poll(self, intent: PollIntent, window: float) -> list[AlertRecord]: ...
    def pending_alerts(self, limit: int = 500) -> list[AlertRecord]: ...
    def mark_emitted(self, alert_ids: Sequence[str], at: datetime) -> None: ...
    def close(self) -> None: ...


def open_store(path: str | Path) -> SQLiteStore:
    """Open (creating and migrating if needed) the SQLite database at ``path``."""
    return SQLiteStore(Path(path))


__all__ = ["SQLiteStore", "Store", "open_store"]
