"""The poller: which due feeds start (fetch limits, per host), and when (the next due time).

The limits are checked against a real HTTP server on 127.0.0.1 counting the requests it
serves at once, per Host header; ``localhost`` and ``127.0.0.1`` are two hosts to the poller.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from monitor.daemon import Daemon
from monitor.exceptions import StorageError
from monitor.runtime import load_runtime
from monitor.scheduler import STORAGE_RETRY_SECONDS, Poller, host_of, pick
from monitor.types import FeedState

from daemon_helpers import write_config
from feedgen import make_items, rss


def state(feed_id: str, url: str) -> FeedState:
    return FeedState(feed_id, url, None, None, None, 0, datetime(2025, 11, 17, tzinfo=UTC))


A1, A2, A3 = (state(f"a{i}", f"https://a.example/{i}.xml") for i in (1, 2, 3))
B1, B2 = (state(f"b{i}", f"https://B.example:8443/{i}.xml") for i in (1, 2))
LOCAL = state("l", "file:///srv/feeds/l.xml")


@pytest.mark.parametrize(("due", "busy", "free", "per_host", "expected"), [
    ([A1, A2, A3, B1], {}, 8, 2, [A1, A2, B1]),  # a's third waits; b overtakes it
    ([A1, A2, A3, B1], {"a.example": 1}, 8, 2, [A1, B1]),  # one of a's already in flight
    ([A1, A2, A3, B1], {"a.example": 2}, 8, 2, [B1]),
    ([A1, B1, A2, B2], {}, 3, 2, [A1, B1, A2]),  # the global limit, most overdue first
    ([A1, B1], {}, 0, 2, []),
    ([A1, A2, A3], {}, 8, 3, [A1, A2, A3]),
    ([LOCAL, LOCAL, A1], {}, 8, 1, [LOCAL, LOCAL, A1]),  # local files count for no host
])
def test_pick(due, busy, free, per_host, expected):
    """Start at most ``free`` feeds, in due order, skipping hosts at their limit."""
    assert pick(due, busy, free, per_host) == expected


@pytest.mark.parametrize(("url", "host"), [
    ("https://B.example:8443/x", "b.example"),
    ("http://[::1]:8080/x", "::1"),
    ("file:///srv/x.xml", None),
])
def test_host_of(url, host):
    """A feed counts against its host name (case-folded, any port); a file against none."""
    assert host_of(url) == host


BODY = rss("s", make_items("s", 0, 2, __import__("random").Random(1), mention_rate=0))


def poll_once(tmp_path, feeds: dict[str, str], defaults: str) -> list:
    cfg = write_config(tmp_path, feeds, interval="1h", defaults=defaults)
    return asyncio.run(Daemon(load_runtime(cfg)).poll_once())


def test_many_feeds_of_one_host_are_never_fetched_all_at_once(tmp_path, feed_server):
    """20 slow feeds of one host and 4 of another, concurrency 8, per_host 2 (the default):
    the server never sees more than 2 requests at once per host, and the second host's feeds
    do not wait behind the first host's queue."""
    feeds = {}
    for i in range(20):
        feed_server.slow(f"/a{i}.xml", 0.15, BODY)
        feeds[f"a{i}"] = feed_server.url(f"/a{i}.xml")
    for i in range(4):
        feed_server.slow(f"/b{i}.xml", 0.15, BODY)
        feeds[f"b{i}"] = feed_server.url(f"/b{i}.xml").replace("127.0.0.1", "localhost")
    outcomes = poll_once(tmp_path, feeds, "concurrency: 8")
    assert sorted(o.status for o in outcomes) == ["ok"] * 24
    assert feed_server.max_concurrent_by_host == {"127.0.0.1": 2, "localhost": 2}
    order = [r.headers.get("Host").split(":")[0] for r in feed_server.requests]
    assert len(order) == 24
    # all of localhost's 4 were answered before the 127.0.0.1 queue was half done
    assert max(i for i, h in enumerate(order) if h == "localhost") < 12


@pytest.mark.parametrize(("defaults", "feeds", "at_once"), [
    ("concurrency: 3, per_host: 50", 9, 3),
    # the default, 16 (8 left the parser worker waiting for bodies while the daemon matched
    # and wrote; bench/HISTORY.md)
    ("per_host: 50", 20, 16),
])
def test_concurrency_is_the_one_global_limit(tmp_path, feed_server, defaults, feeds, at_once):
    """With a per-host limit above it, `concurrency` alone bounds the requests at once."""
    urls = {}
    for i in range(feeds):
        feed_server.slow(f"/s{i}.xml", 0.3, BODY)
        urls[f"s{i}"] = feed_server.url(f"/s{i}.xml")
    outcomes = poll_once(tmp_path, urls, defaults)
    assert len(outcomes) == feeds and {o.status for o in outcomes} == {"ok"}
    assert feed_server.max_concurrent == at_once


def test_poll_once_skips_a_gone_feed(tmp_path, feed_server):
    """poll-once polls every feed, due or not, but one stopped by 410 Gone."""
    feed_server.status("/gone.xml", 410)
    feed_server.set("/ok.xml", BODY)
    feeds = {"gone": feed_server.url("/gone.xml"), "ok": feed_server.url("/ok.xml")}
    first = poll_once(tmp_path, feeds, "")
    assert sorted((o.feed_id, o.status) for o in first) == [("gone", "error"), ("ok", "ok")]
    second = poll_once(tmp_path, feeds, "")
    assert [(o.feed_id, o.status) for o in second] == [("ok", "not_modified")]
    assert len(feed_server.requests_for("/gone.xml")) == 1


def test_an_unreadable_schedule_pauses_the_poller_instead_of_raising():
    """When the store cannot say which feeds are due (locked, read-only, gone), a tick starts
    nothing, records why, and pauses new polls for a few seconds instead of failing the
    scheduler's job every second."""
    asked = []

    def due(busy, want):
        asked.append(1)
        raise StorageError("cannot read due feeds: database is locked")

    async def scenario():
        poller = Poller(poll=None, due=due, concurrency=2, per_host=2)  # type: ignore[arg-type]
        assert await poller.tick() == 0
        assert await poller.tick() == 0  # paused: the store is not asked again at once
        loop = asyncio.get_running_loop()
        return poller, loop.time()

    poller, now = asyncio.run(scenario())
    assert len(asked) == 1 and "database is locked" in str(poller.storage_error)
    assert poller.paused_until - now == pytest.approx(STORAGE_RETRY_SECONDS, abs=0.5)
