"""Retention: the daemon deletes what ``retention:`` lets go, in small batches.

Every ``retention.interval`` the daemon's tick asks the store to purge one batch after another
(``Store.purge_expired``: one transaction each, then an incremental vacuum step) for at most
``STEP_SECONDS``, and carries on at the next tick while batches come back full, so a large first
purge never holds the event loop; ``monitor poll-once`` does a whole run at its end, so cron
users get retention too. What is kept and why is in ``Store.purge_expired``.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import structlog

from monitor.config import Retention
from monitor.exceptions import StorageError
from monitor.types import Purged

if TYPE_CHECKING:
    from monitor.store.protocol import RetentionStore

log = structlog.get_logger(__name__)

STEP_SECONDS = 0.2  # at most this long per scheduler tick


def cutoffs(now: datetime, retention: Retention) -> tuple[datetime | None, datetime | None]:
    """(items first seen before this, alerts created before this) are expired; None: kept
    forever."""
    items = now - timedelta(seconds=retention.items) if retention.items is not None else None
    alerts = now - timedelta(seconds=retention.alerts) if retention.alerts is not None else None
    return items, alerts


class RetentionRunner:
    """Runs retention from the scheduler tick: due every ``interval``, a few batches per tick."""

    def __init__(self, retention: Retention, clock: Any = time.monotonic) -> None:
        self.retention = retention
        self._clock = clock
        self._next = 0.0  # the first tick purges
        self._run: Purged | None = None  # totals of the run in progress

    def step(self, store: RetentionStore, now: datetime) -> Purged | None:
        """Purge for at most STEP_SECONDS if a run is due or in progress; the run's totals
        when it finished (logged as ``retention_purged`` if it deleted anything), else None."""
        started = self._clock()
        if self._run is None and started < self._next:
            return None
        items_before, alerts_before = cutoffs(now, self.retention)
        if items_before is None and alerts_before is None:
            self._next = started + self.retention.interval
            return None
        total = self._run or Purged()
        while True:
            try:
                batch = store.purge_expired(now, items_before, alerts_before,
                                            self.retention.batch)
            except StorageError as exc:  # locked, full, read-only: polls go on; retry later
                log.error("retention_failed", error=str(exc), retry_in=self.retention.interval)
                self._run = None
                self._next = self._clock() + self.retention.interval
                return None
            total = total + batch
            if not batch.more:
                break
            if self._clock() - started >= STEP_SECONDS:
                self._run = total  # carry on at the next tick
                return None
        self._run = None
        self._next = self._clock() + self.retention.interval
        if total.items or total.tombstones or total.alerts or total.pages_freed:
            log.info("retention_purged", items=total.items, tombstones=total.tombstones,
                     alerts=total.alerts, pages_freed=total.pages_freed)
        return total

    def finish(self, store: Any, now: datetime) -> None:
        """A whole run now, however many ticks' worth it takes (``monitor poll-once``)."""
        self._next = 0.0
        while self.step(store, now) is None and self._run is not None:
            continue
