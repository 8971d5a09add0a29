"""The pipeline's decisions (monitor/decide.py), one table per rule: pure data in and out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from monitor.decide import (
    MAX_SERVER_HINT,
    Policy,
    adopt_redirect,
    carry_hints,
    edited_items,
    hints_from_headers,
    items_to_match,
    next_poll,
    rescheduled,
    stop_reason,
)
from monitor.types import FeedState, Hints, KnownItem

from builders import item

NOW = datetime(2025, 11, 17, tzinfo=UTC)
HOUR = 3600.0


NO_HINTS = Hints()


def wait(policy: Policy, errors: int = 0, hints: Hints = NO_HINTS, rng: float = 0.5) -> float:
    """Seconds from NOW to the next poll; rng 0.5 is the middle of the jitter range."""
    return (next_poll(NOW, policy, errors=errors, hints=hints, rng=lambda: rng) - NOW) \
        .total_seconds()


@pytest.mark.parametrize(("policy", "errors", "hints", "expected"), [
    # healthy: the interval
    (Policy(60, 0), 0, Hints(), 60),
    (Policy(900, 0.1), 0, Hints(), 900),
    # failures in a row double the wait, up to max_backoff (or the interval if it is longer)
    (Policy(60, 0, max_backoff=3600), 1, Hints(), 60),
    (Policy(60, 0, max_backoff=3600), 2, Hints(), 120),
    (Policy(60, 0, max_backoff=3600), 4, Hints(), 480),
    (Policy(60, 0, max_backoff=3600), 9, Hints(), 3600),
    (Policy(60, 0, max_backoff=3600), 500, Hints(), 3600),
    (Policy(7200, 0, max_backoff=3600), 3, Hints(), 7200),
    # RSS ttl, Cache-Control/Expires and Retry-After push a healthy feed later...
    (Policy(60, 0), 0, Hints(ttl=HOUR), HOUR),
    (Policy(60, 0), 0, Hints(fresh_for=300), 300),
    (Policy(60, 0), 0, Hints(retry_after=900), 900),
    (Policy(60, 0), 0, Hints(ttl=HOUR, fresh_for=2 * HOUR), 2 * HOUR),
    # ...never earlier...
    (Policy(600, 0), 0, Hints(ttl=60, fresh_for=5, retry_after=1), 600),
    # ...and never past max_hint (a day by default)
    (Policy(60, 0), 0, Hints(ttl=10**9), MAX_SERVER_HINT),
    (Policy(60, 0), 0, Hints(fresh_for=10**9), MAX_SERVER_HINT),
    (Policy(60, 0, max_hint=HOUR), 0, Hints(retry_after=10**9), HOUR),
    # a failing feed honours Retry-After, not the cache lifetime of an earlier good answer
    (Policy(60, 0), 1, Hints(retry_after=900), 900),
    (Policy(60, 0), 1, Hints(ttl=HOUR, fresh_for=HOUR), 60),
    # at least a second, so a zero interval never busy-loops
    (Policy(0, 0), 0, Hints(), 1),
])
def test_next_poll(policy, errors, hints, expected):
    """Interval, backoff, hints (later only, capped) and the floor, each in one row."""
    assert wait(policy, errors, hints) == expected


@pytest.mark.parametrize(("rng", "lo", "hi"), [(0.0, 540, 541), (0.999999, 659, 660)])
def test_jitter_spreads_the_interval(rng, lo, hi):
    """A healthy feed is due after its interval ± jitter (a fraction), never outside it."""
    assert lo <= wait(Policy(600, 0.1), rng=rng) <= hi


DATE = "Mon, 17 Nov 2025 10:00:00 GMT"


@pytest.mark.parametrize(("headers", "expected"), [
    ({}, None),
    ({"cache-control": "max-age=600"}, 600),
    ({"cache-control": "public, max-age=600, must-revalidate"}, 600),
    ({"cache-control": 'max-age="600"'}, 600),
    ({"cache-control": "MAX-AGE=600"}, 600),
    ({"cache-control": "max-age=600", "age": "100"}, 500),  # a cache in between spent 100 s
    ({"cache-control": "max-age=600", "age": "900"}, None),  # already stale
    ({"cache-control": "max-age=0"}, None),
    ({"cache-control": "no-cache, max-age=600"}, None),
    ({"cache-control": "no-store"}, None),
    ({"cache-control": "s-maxage=600"}, None),  # for shared caches only
    ({"cache-control": "max-age=soon"}, None),
    # Expires counts from the server's Date, so the local clock does not matter
    ({"expires": "Mon, 17 Nov 2025 11:00:00 GMT", "date": DATE}, 3600),
    ({"expires": "Mon, 17 Nov 2025 09:00:00 GMT", "date": DATE}, None),  # in the past
    ({"expires": "0", "date": DATE}, None),  # "already expired", as servers write it
    ({"expires": "Mon, 17 Nov 2025 11:00:00 GMT"}, None),  # no Date to count from
    # max-age wins over Expires (RFC 9111 5.3)
    ({"cache-control": "max-age=60", "expires": "Mon, 17 Nov 2025 11:00:00 GMT",
      "date": DATE}, 60),
])
def test_freshness_from_headers(headers, expected):
    """Cache-Control max-age (less Age), else Expires less Date; no-cache/no-store: none."""
    assert hints_from_headers(headers) == expected


STORED = Hints(ttl=HOUR, fresh_for=600)


@pytest.mark.parametrize(("kwargs", "expected"), [
    # a parsed document brings its own ttl (or none: the feed dropped <ttl>)
    ({"headers": {}, "parsed": True, "ttl": 120.0}, Hints(ttl=120.0)),
    ({"headers": {}, "parsed": True, "ttl": None}, Hints()),
    # an unchanged body (not parsed) keeps the stored ttl; a 200's headers replace freshness
    ({"headers": {}}, Hints(ttl=HOUR)),
    ({"headers": {"cache-control": "max-age=60"}}, Hints(ttl=HOUR, fresh_for=60)),
    # a 304 keeps both unless it carries its own freshness
    ({"headers": {}, "not_modified": True}, STORED),
    ({"headers": {"cache-control": "max-age=60"}, "not_modified": True},
     Hints(ttl=HOUR, fresh_for=60)),
])
def test_hints_carry_over_polls(kwargs, expected):
    """A ttl read once is honoured by every later 304 and unchanged poll, not only the first."""
    assert carry_hints(STORED, **kwargs) == expected


@pytest.mark.parametrize(("status", "expected"), [
    (410, "gone"), (404, None), (500, None), (429, None), (None, None), (200, None),
])
def test_only_410_stops_a_feed(status, expected):
    """410 Gone stops a feed; every other failure is retried with backoff."""
    assert stop_reason(status) == expected


A, B, C = item(guid="a"), item(guid="b"), item(guid="c")


@pytest.mark.parametrize(("items", "known", "expected"), [
    ([A, B, C], set(), [A, B, C]),
    ([A, B, C], {A.key, C.key}, [B]),
    ([A, B, C], {A.key, B.key, C.key}, []),
    ([A, B, A], set(), [A, B]),  # a document repeating an entry: once, the first time
    ([], {A.key}, []),
])
def test_items_to_match_are_the_unseen_ones(items, known, expected):
    """Only items whose key the feed has not shown before are matched, each key once."""
    assert list(items_to_match(items, known)) == expected


A2 = item(guid="a", title="UPDATE: Maduro speaks")  # A, edited


@pytest.mark.parametrize(("items", "known", "expected"), [
    ([A, B], {}, []),  # nothing seen before: new, not edited
    ([A, B], {A.key: KnownItem(A.content_hash, None), B.key: KnownItem("old", None)}, [B]),
    ([A2, B], {A.key: KnownItem(A.content_hash, "raw")}, [A2]),
    ([A2, A2], {A.key: KnownItem(A.content_hash, None)}, [A2]),  # each key once
])
def test_edited_items_are_the_known_ones_whose_text_changed(items, known, expected):
    """An item seen before is edited when its content hash differs from the stored one."""
    assert list(edited_items(items, known)) == expected


def test_next_poll_is_a_time_after_now():
    """The result is an absolute time: now plus the wait."""
    assert next_poll(NOW, Policy(60, 0)) == NOW + timedelta(seconds=60)


NEW = "https://new.example/feed"


def seen(url: str | None, count: int) -> FeedState:
    return FeedState("f", "https://old.example/feed", None, None, None, 0, NOW, url, count)


@pytest.mark.parametrize(("state", "redirect", "expected"), [
    (seen(None, 0), NEW, None),  # first sight
    (seen(NEW, 1), NEW, None),  # second poll in a row
    (seen(NEW, 2), NEW, NEW),  # third: adopted
    (seen("https://other.example/", 2), NEW, None),  # a different target starts over
    (seen(NEW, 2), None, None),  # no redirect this time
])
def test_a_permanent_redirect_is_adopted_on_its_third_poll_in_a_row(state, redirect, expected):
    """A feed moves to its 301/308 target only after three polls in a row saw the same one."""
    assert adopt_redirect(state, redirect) == expected


@pytest.mark.parametrize(("interval", "hints", "expected"), [
    (60, Hints(), 60),  # shortened: due a minute after the last poll
    (7200, Hints(), 7200),  # lengthened: two hours after it
    (60, Hints(ttl=600), 600),  # the kept ttl still holds
    (60, Hints(fresh_for=10**9), MAX_SERVER_HINT),
    (0, Hints(), 1),
])
def test_a_changed_interval_reschedules_from_the_last_poll(interval, hints, expected):
    """A new interval in the config counts from the feed's last poll, hints still applying."""
    assert (rescheduled(NOW, interval, hints) - NOW).total_seconds() == expected
