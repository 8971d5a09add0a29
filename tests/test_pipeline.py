"""One poll of one feed, with a fake fetcher (pipeline semantics only; test_daemon.py and
test_fetch.py use a real HTTP server)."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from monitor.config import load_config
from monitor.exceptions import FetchError
from monitor.pipeline import PollContext, poll_one
from monitor.runtime import load_runtime
from monitor.store import open_store
from monitor.types import Fetched, HttpInfo, NotModified

from feedgen import make_items, rss

ROOT = Path(__file__).resolve().parents[1]


class FakeFetcher:
    """Returns what the test queued for the next fetch: bytes, NotModified, or an exception."""

    def __init__(self) -> None:
        self.queue: list[object] = []
        self.requests: list[object] = []

    async def fetch(self, req):
        self.requests.append(req)
        nxt = self.queue.pop(0)
        if isinstance(nxt, Exception):
            raise nxt
        if nxt == "304":
            return NotModified(HttpInfo(304, req.url))
        if isinstance(nxt, tuple):  # (body, permanent redirect target)
            body, target = nxt
            return Fetched(HttpInfo(200, target, {}, permanent_redirect=target), body, '"e"')
        return Fetched(HttpInfo(200, req.url, {"content-type": "application/rss+xml"}), nxt,
                       etag='"v1"', last_modified="Mon, 17 Nov 2025 10:00:00 GMT")


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2025, 11, 17, 12, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def env(tmp_path):
    cfg_path = tmp_path / "monitor.yaml"
    cfg_path.write_text(
        f"watchlists: [{ROOT / 'seeds' / 'cartel-de-los-soles.yaml'}]\n"
        "defaults: {interval: 60s, jitter: 0, max_backoff: 1h}\n"
        "feeds:\n  - {id: f1, url: 'https://feeds.example/one.xml'}\n",
        encoding="utf-8",
    )
    rt = load_runtime(cfg_path)
    store = open_store(tmp_path / "m.db")
    clock = Clock()
    store.sync_feeds(rt.config.feeds, clock())
    fetcher = FakeFetcher()
    ctx = PollContext(config=rt.config, store=store, fetcher=fetcher, matcher=rt.matcher,
                      clock=clock, strict=True)
    yield ctx, fetcher, clock
    store.close()


def poll(ctx):
    feed = ctx.config.feeds[0]
    return asyncio.run(poll_one(ctx, feed, ctx.store.feed_state(feed.id)))


def test_new_items_are_stored_matched_and_alerted(env):
    """First poll stores every entry and alerts on the planted mentions only."""
    ctx, fetcher, _ = env
    items = make_items("f1", 0, 20, random.Random(1))
    fetcher.queue.append(rss("f1", items))
    out = poll(ctx)
    planted = [i for i in items if i.entity]
    assert (out.status, out.entries, out.new) == ("ok", 20, 20)
    assert out.matched == out.alerts == len(planted) > 0
    assert ctx.store.count("items") == 20
    sent = {a.item_key: a.entity_ids for a in ctx.store.pending_alerts()}
    assert sent == {i.guid: (i.entity,) for i in planted}


def test_only_new_entries_are_matched_on_the_next_poll(env):
    """Entries added between polls are the only new items and alerts."""
    ctx, fetcher, clock = env
    rng = random.Random(2)
    items = make_items("f1", 0, 10, rng, mention_rate=1.0)
    fetcher.queue.append(rss("f1", items))
    poll(ctx)
    more = make_items("f1", 10, 3, rng, mention_rate=1.0)
    fetcher.queue.append(rss("f1", items + more))
    clock.now += timedelta(minutes=2)
    out = poll(ctx)
    assert (out.entries, out.new, out.alerts) == (13, 3, 3)


def test_identical_body_is_not_parsed_again(env):
    """A server that ignores conditional GET and sends the same bytes: nothing is parsed."""
    ctx, fetcher, _ = env
    body = rss("f1", make_items("f1", 0, 5, random.Random(3)))
    fetcher.queue += [body, body]
    poll(ctx)
    out = poll(ctx)
    assert out.status == "unchanged" and out.entries == 0


def test_validators_are_sent_and_304_is_not_modified(env):
    """The ETag and Last-Modified of the last 200 are sent next time; a 304 changes nothing."""
    ctx, fetcher, _ = env
    fetcher.queue += [rss("f1", make_items("f1", 0, 3, random.Random(4))), "304"]
    poll(ctx)
    out = poll(ctx)
    assert out.status == "not_modified"
    assert fetcher.requests[1].etag == '"v1"'
    assert fetcher.requests[1].last_modified == "Mon, 17 Nov 2025 10:00:00 GMT"


def test_failure_is_recorded_and_backs_off(env):
    """A failing feed records its reason and waits longer after each failure in a row."""
    ctx, fetcher, clock = env
    fetcher.queue += [FetchError("https://feeds.example/one.xml", "HTTP 503", status=503)] * 3
    waits = []
    for _ in range(3):
        out = poll(ctx)
        assert out.status == "error" and "HTTP 503" in out.error
        state = ctx.store.feed_state("f1")
        waits.append((state.next_poll - clock.now).total_seconds())
    assert waits == [60, 120, 240]
    assert state.consecutive_errors == 3


def test_retry_after_is_honoured(env):
    """A 429 with Retry-After: 900 puts the next poll 15 minutes out, not at the interval."""
    ctx, fetcher, clock = env
    fetcher.queue.append(FetchError("u", "HTTP 429", status=429, retry_after=900))
    poll(ctx)
    state = ctx.store.feed_state("f1")
    assert (state.next_poll - clock.now).total_seconds() == 900


def test_rss_ttl_holds_on_every_later_poll(env):
    """A <ttl> of 5 minutes (interval 60 s) sets the next poll 300 s out after the poll that
    read it, and after each later 304 and unchanged body, which carry no document."""
    ctx, fetcher, clock = env
    body = rss("f1", make_items("f1", 0, 2, random.Random(6)))
    body = body.replace(b"<channel>", b"<channel><ttl>5</ttl>", 1)
    fetcher.queue += [body, "304", body]
    waits = []
    for _ in range(3):
        poll(ctx)
        waits.append((ctx.store.feed_state("f1").next_poll - clock.now).total_seconds())
        clock.now += timedelta(minutes=6)
    assert waits == [300, 300, 300]
    fetcher.queue.append(rss("f1", make_items("f1", 0, 3, random.Random(6))))  # ttl dropped
    poll(ctx)
    assert (ctx.store.feed_state("f1").next_poll - clock.now).total_seconds() == 60


def test_permanent_redirect_adopted_after_three_polls(env):
    """A 301/308 to a new URL is adopted only once seen three polls in a row."""
    ctx, fetcher, _ = env
    new = "https://feeds.example/moved.xml"
    body = rss("f1", make_items("f1", 0, 2, random.Random(5)))
    for n in range(3):
        fetcher.queue.append((body + b" " * n, new))
        poll(ctx)
        state = ctx.store.feed_state("f1")
        assert state.url == (new if n == 2 else "https://feeds.example/one.xml")


def test_bug_in_a_stage_is_recorded_not_raised_when_not_strict(env):
    """An unexpected exception fails that feed loudly but does not escape the poll."""
    ctx, fetcher, _ = env
    ctx.strict = False
    fetcher.queue.append(RuntimeError("boom"))
    out = poll(ctx)
    assert out.status == "error" and "boom" in out.error
    row = {f["id"]: f for f in ctx.store.feeds()}["f1"]
    assert "internal error" in row["last_error"]


def test_config_for_tests_is_valid(tmp_path):
    """The shipped demo config loads (guards the fixture's assumptions)."""
    assert load_config(ROOT / "config" / "demo.yaml").feeds


def test_a_dead_parser_process_fails_the_feed_with_its_own_reason(env):
    """A parser process that died (killed, out of memory) is recorded as the feed's parse error,
    caught as any broken executor (the pipeline does not import the process pool's module,
    multiprocessing with it, for that one class; README, Performance: memory)."""
    import os
    import signal
    import time
    from concurrent.futures import ProcessPoolExecutor

    ctx, fetcher, _ = env
    pool = ProcessPoolExecutor(1)
    try:
        os.kill(pool.submit(os.getpid).result(timeout=60), signal.SIGKILL)
        for _ in range(200):  # the pool notices its process is gone
            if getattr(pool, "_broken", False):
                break
            time.sleep(0.05)
        ctx.executor = pool
        fetcher.queue.append(rss("f1", make_items("f1", 0, 3, random.Random(4))))
        out = poll(ctx)
    finally:
        pool.shutdown(wait=False)
    assert out.status == "error" and "a parser worker process died" in out.error, out.error
    assert ctx.store.count("items") == 0
