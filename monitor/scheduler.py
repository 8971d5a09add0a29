"""When to poll: the poller that runs due feeds, within the fetch limits.

All scheduling state lives in the database (each feed's ``next_poll``, error count, server
hints and ``stopped``), as in Miniflux; when a feed is due again is decided by
``decide.next_poll``. A restart changes none of it, so it carries on where it stopped: a feed
overdue while the daemon was down is polled at once, the others at their time.

``Poller.tick`` asks the store for the due feeds and starts a poll for each one it may start
now; the others wait in its queue and start as polls end. The poller is the one place that
holds the fetch limits (``defaults.concurrency`` polls at once, ``defaults.per_host`` of one
host), and ``pick`` decides which waiting feeds start: most overdue first, skipping a host at
its limit so that a site with many feeds never holds up the others. The daemon calls ``tick``
every second (its heartbeat), and the poller also wakes itself at the next due time, so a feed
polled every N seconds is polled every N seconds, not every whole second after that.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import structlog

from monitor import clock
from monitor.exceptions import StorageError
from monitor.types import FeedState, PollOutcome

log = structlog.get_logger(__name__)

STORAGE_RETRY_SECONDS = 5.0
WAKE_SLACK = 0.002  # wake this much after the due time: the wall clock and the loop's differ


def host_of(url: str) -> str | None:
    """The host whose limit a feed counts against; None for a local file (no limit)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    return (parts.hostname or "").lower() or None


def pick(
    due: Sequence[FeedState], busy: Mapping[str, int], free: int, per_host: int
) -> list[FeedState]:
    """The feeds to start now, in ``due``'s order (most overdue first): at most ``free`` of
    them, and none that would take a host past ``per_host`` polls at once (``busy`` counts
    each host's polls in flight). A feed skipped here stays due and is picked later."""
    used = Counter(busy)
    out: list[FeedState] = []
    for state in due:
        if len(out) >= free:
            break
        host = host_of(state.url)
        if host is not None:
            if used[host] >= per_host:
                continue
            used[host] += 1
        out.append(state)
    return out


class Poller:
    """Starts polls of due feeds: never two of one feed at once, at most ``concurrency`` at
    once, at most ``per_host`` of one host at once."""

    def __init__(
        self,
        poll: Callable[[FeedState], Awaitable[PollOutcome]],
        due: Callable[[Iterable[str], int | None], list[FeedState]],
        *,
        concurrency: int,
        per_host: int,
        next_due: Callable[[datetime], datetime | None] | None = None,
        on_done: Callable[[PollOutcome], None] | None = None,
        claim: int | None = None,
    ) -> None:
        """``due(busy, want)``: the due feeds but those in ``busy``, at most ``want`` (None: all
        of them); ``next_due(now)``: the earliest next poll later than ``now`` (None: do not
        wake before the next tick). ``claim``: replicas share the feeds, and ``due`` claims
        what it returns: hold at most this many feeds (polling or queued), and ask for more as
        soon as the queue runs dry, not only at the next tick."""
        self._poll = poll
        self._due = due
        self._next_due = next_due
        self.concurrency = concurrency
        self.per_host = per_host
        self._on_done = on_done
        self.claim = claim
        self.in_flight: dict[str, asyncio.Task[None]] = {}
        self._hosts: Counter[str] = Counter()  # requests in flight per host: polls, articles
        self._freed = asyncio.Event()  # set (and replaced) whenever a host's count drops
        self._queue: dict[str, FeedState] = {}  # due, waiting for a free slot
        self._timer: asyncio.TimerHandle | None = None
        self._waking: asyncio.Task[int] | None = None
        self.stopping = False
        self.last_tick: float | None = None
        self.paused_until = 0.0  # storage unavailable: no new polls before this loop time
        self.storage_error: StorageError | None = None
        self.started = 0

    async def tick(self) -> int:
        """Start the due feeds the limits allow; queue the rest. Returns how many started."""
        loop = asyncio.get_running_loop()
        now = self.last_tick = loop.time()
        if self.stopping or now < self.paused_until:
            return 0
        want = None if self.claim is None else max(0, self.claim - len(self.in_flight))
        try:
            due = self._due(self.in_flight.keys(), want) if want != 0 else []
        except StorageError as exc:  # cannot read (claim) the schedule: try again after a pause
            self._pause(exc, during="reading due feeds")
            return 0
        self._queue = {s.feed_id: s for s in due if s.feed_id not in self.in_flight}
        started = self._start()
        self._arm()
        return started

    @property
    def queued(self) -> list[str]:
        """The feeds due and waiting for a free slot (claimed, with replicas)."""
        return list(self._queue)

    def _pause(self, exc: StorageError, **where: str) -> None:
        self.storage_error = exc
        self.paused_until = asyncio.get_running_loop().time() + STORAGE_RETRY_SECONDS
        log.error("storage_unavailable", error=str(exc), retry_in=STORAGE_RETRY_SECONDS, **where)

    def forget_queue(self) -> None:
        """Drop the waiting feeds (a reload changed the feeds): the next tick asks again."""
        self._queue.clear()

    def _start(self) -> int:
        if self.stopping or asyncio.get_running_loop().time() < self.paused_until:
            return 0
        chosen = pick(list(self._queue.values()), self._hosts,
                      self.concurrency - len(self.in_flight), self.per_host)
        for state in chosen:
            del self._queue[state.feed_id]
            host = host_of(state.url)
            if host is not None:
                self._hosts[host] += 1
            self.in_flight[state.feed_id] = asyncio.create_task(
                self._run(state, host), name=state.feed_id)
        self.started += len(chosen)
        return len(chosen)

    def _arm(self) -> None:
        """Wake at the next due time if it comes before anything else wakes us."""
        if self._next_due is None or self.stopping:
            return
        now = clock.now()
        try:
            when = self._next_due(now)
        except StorageError:
            return  # the heartbeat tick asks again
        if when is None:
            return
        loop = asyncio.get_running_loop()
        at = loop.time() + max(0.0, (when - now).total_seconds()) + WAKE_SLACK
        if self._timer is not None:
            if self._timer.when() <= at:
                return
            self._timer.cancel()
        self._timer = loop.call_at(at, self._wake)

    def _wake(self) -> None:
        self._timer = None
        self._waking = asyncio.create_task(self.tick(), name="poller-wake")

    async def _run(self, state: FeedState, host: str | None) -> None:
        feed_id = state.feed_id
        try:
            outcome = await self._poll(state)
            if self._on_done is not None:
                self._on_done(outcome)
        except asyncio.CancelledError:
            log.warning("poll_abandoned", feed=feed_id)
            raise
        except StorageError as exc:
            # the database cannot be written (disk full, read-only, locked): nothing of this
            # poll was committed; the feed stays due and polls pause briefly, then retry
            self._pause(exc, feed=feed_id)
        except Exception:
            log.critical("poll_task_failed", feed=feed_id, exc_info=True)
        finally:
            self.in_flight.pop(feed_id, None)
            self._release(host)
            if not self.stopping:
                self._arm()
                if self.claim is not None and not self._queue and (
                        self._waking is None or self._waking.done()):
                    # claim more now (the others may have left some), not at the next tick
                    self._waking = asyncio.create_task(self.tick(), name="poller-claim")

    def _release(self, host: str | None) -> None:
        if host is not None:
            self._hosts[host] -= 1
            if not self._hosts[host]:
                del self._hosts[host]
            freed, self._freed = self._freed, asyncio.Event()
            freed.set()
        if not self.stopping:
            self._start()

    @contextlib.asynccontextmanager
    async def host_slot(self, url: str) -> AsyncIterator[None]:
        """Hold one of the ``per_host`` slots of ``url``'s host while it is fetched: the
        article pages share the limit with the polls (monitor/articles.py)."""
        host = host_of(url)
        if host is not None:
            while self._hosts[host] >= self.per_host:
                await self._freed.wait()
            self._hosts[host] += 1
        try:
            yield
        finally:
            self._release(host)

    async def finish(self) -> None:
        """Wait until every queued feed has been polled (poll-once). Stops early if storage
        fails (``storage_error`` says why)."""
        while self.in_flight:
            await asyncio.wait(list(self.in_flight.values()))
            if self.storage_error is not None:
                break

    async def drain(self, timeout: float, skip: asyncio.Event | None = None) -> int:
        """Start nothing more; wait up to ``timeout`` s for polls in flight, or until ``skip``
        is set (a second stop signal); cancel the rest. Returns how many were cancelled. A
        cancelled poll has not committed: its transaction never began or rolled back, so
        nothing is half-written."""
        self.stopping = True
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        tasks = list(self.in_flight.values())
        if not tasks:
            return 0
        waiting: list[asyncio.Future[Any]] = [asyncio.gather(*tasks, return_exceptions=True)]
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
