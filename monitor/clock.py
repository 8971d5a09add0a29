"""The program's one wall clock: ``clock.now()`` is the current time, UTC, tz-aware.

Every module asks this module (never ``datetime.now``), so a test can set the time for all
of them at once with ``clock.use(ManualClock(...))``. Durations measured on one machine
(timeouts, how long a poll took) use ``time.monotonic`` instead, which no test needs to move.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta


def system_now() -> datetime:
    return datetime.now(UTC)


_now: Callable[[], datetime] = system_now


def now() -> datetime:
    """The current time (UTC, tz-aware) by the clock in use."""
    return _now()


@contextlib.contextmanager
def use(clock: Callable[[], datetime]) -> Iterator[None]:
    """Make ``clock`` the program's clock inside the ``with`` block (tests)."""
    global _now
    before, _now = _now, clock
    try:
        yield
    finally:
        _now = before


class ManualClock:
    """A clock that moves only when told: ``clock()`` is the time, ``advance(seconds)``."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> datetime:
        self.now += timedelta(seconds=seconds)
        return self.now
