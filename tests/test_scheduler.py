"""When feeds are polled: interval with jitter, backoff after failures, server hints."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from monitor.scheduler import MAX_SERVER_HINT, next_poll

NOW = datetime(2025, 11, 17, tzinfo=UTC)


def secs(dt: datetime) -> float:
    return (dt - NOW).total_seconds()


def test_healthy_feed_polls_at_its_interval_within_jitter():
    """A healthy feed is due again after its interval, spread by at most ±jitter."""
    lo = secs(next_poll(NOW, 600, jitter=0.1, rng=lambda: 0.0))
    hi = secs(next_poll(NOW, 600, jitter=0.1, rng=lambda: 0.999999))
    assert 540 <= lo < 541 and 659 < hi <= 660


def test_failures_back_off_exponentially_up_to_the_cap():
    """Each failure in a row doubles the wait, up to max_backoff; a success returns to normal."""
    waits = [secs(next_poll(NOW, 60, jitter=0, errors=n, max_backoff=3600)) for n in range(1, 10)]
    assert waits[:4] == [60, 120, 240, 480]
    assert max(waits) == 3600 and waits[-1] == 3600
    assert secs(next_poll(NOW, 60, jitter=0, errors=0)) == 60


def test_server_hint_delays_but_never_hastens():
    """Retry-After or ttl later than the interval wins; an earlier one is ignored; capped."""
    assert secs(next_poll(NOW, 60, jitter=0, retry_after=900)) == 900
    assert secs(next_poll(NOW, 600, jitter=0, retry_after=5)) == 600
    assert secs(next_poll(NOW, 60, jitter=0, retry_after=10**9)) == MAX_SERVER_HINT


def test_next_poll_is_in_the_future():
    """Even a zero interval schedules at least a second ahead (no busy loop)."""
    assert next_poll(NOW, 0, jitter=0) >= NOW + timedelta(seconds=1)
