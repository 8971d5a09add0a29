"""When to poll: the pure next-poll computation, and the poller that runs due feeds.

All scheduling state lives in the database (each feed's ``next_poll`` and error count), as in
Miniflux. APScheduler runs one short recurring job, ``Poller.tick``, which asks the store for the
feeds that are due and starts a poll for each one not already in flight, so one feed is never
polled twice at once, a restart polls every overdue feed at once, and backoff and server hints
are just data.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable, Iterable
from datetime import datetime, timedelta

import structlog

from monitor.exceptions import StorageError
from monitor.types import FeedState, PollOutcome

log = structlog.get_logger(__name__)

ADOPT_REDIRECT_AFTER = 3  # polls in a row that saw the same permanent redirect
MAX_SERVER_HINT = 24 * 3600.0  # never wait longer than a day because a server said so
STORAGE_RETRY_SECONDS = 5.0


def next_poll(
    now: datetime,
    interval: float,
    *,
    jitter: float = 0.1,
    errors: int = 0,
    max_backoff: float = 6 * 3600.0,
    retry_after: float | None = None,
    rng: Callable[[], float] = random.random,
) -> datetime:
    """The next poll time of a feed.

    - healthy: ``interval`` give or take ``jitter`` (a fraction), so feeds spread out;
    - after ``errors`` failures in a row: ``interval * 2**(errors-1)``, capped at
      ``max(max_backoff, interval)``, with the same jitter;
    - a server hint (Retry-After, RSS ttl) pushes the time later, never earlier, up to a day.
    """
    delay = interval
    if errors > 0:
        delay = min(interval * 2 ** min(errors - 1, 30), max(max_backoff, interval))
    delay *= 1 + jitter * (2 * rng() - 1)
    if retry_after:
        delay = max(delay, min(retry_after, MAX_SERVER_HINT))
    return now + timedelta(seconds=max(delay, 1.0))


class Poller:
    """Starts polls of due feeds, never two of one feed at once, at most ``concurrency`` at once."""

    def __init__(
        self,
        poll: Callable[[FeedState], Awaitable[PollOutcome]],
        due: Callable[[Iterable[str]], list[FeedState]],
        concurrency: int,
        on_done: Callable[[PollOutcome], None] | None = None,
    ) -> None:
        self._poll = poll
        self._due = due
        self._slots = asyncio.Semaphore(concurrency)
        self._on_done = on_done
        self.in_flight: dict[str, asyncio.Task[None]] = {}
        self.last_tick: float | None = None
        self.paused_until = 0.0  # storage unavailable: no new polls before this loop time

    async def tick(self) -> int:
        """Start a poll for each due feed not already in flight; return how many started."""
        now = self.last_tick = asyncio.get_running_loop().time()
        if now < self.paused_until:
            return 0
        started = 0
        for state in self._due(self.in_flight.keys()):
            if state.feed_id in self.in_flight:
                continue
            task = asyncio.create_task(self._run(state), name=state.feed_id)
            self.in_flight[state.feed_id] = task
            started += 1
        return started

    async def _run(self, state: FeedState) -> None:
        feed_id = state.feed_id
        try:
            async with self._slots:
                outcome = await self._poll(state)
            if self._on_done is not None:
                self._on_done(outcome)
        except asyncio.CancelledError:
            log.warning("poll_abandoned", feed=feed_id)
            raise
        except StorageError as exc:
            # the database cannot be written (disk full, read-only, locked): nothing of this
            # poll was committed; the feed stays due and polls pause briefly, then retry
            self.paused_until = asyncio.get_running_loop().time() + STORAGE_RETRY_SECONDS
            log.error("storage_unavailable", feed=feed_id, error=str(exc),
                      retry_in=STORAGE_RETRY_SECONDS)
        except Exception:
            log.critical("poll_task_failed", feed=feed_id, exc_info=True)
        finally:
            self.in_flight.pop(feed_id, None)

    async def drain(self, timeout: float, skip: asyncio.Event | None = None) -> int:
        """Wait up to ``timeout`` s for polls in flight, or until ``skip`` is set (a second stop
        signal); cancel the rest. Returns how many were cancelled. A cancelled poll has not
        committed: its transaction never began or rolled back, so nothing is half-written."""
        tasks = list(self.in_flight.values())
        if not tasks:
            return 0
        waiting: list[asyncio.Future[object]] = [asyncio.gather(*tasks, return_exceptions=True)]
        if skip is not None:
            waiting.append(asyncio.ensure_future(skip.wait()))
        await asyncio.wait(waiting, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        for w in waiting[1:]:
            w.cancel()
        pending = [t for t in tasks if not t.done()]
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
        return len(pending)
