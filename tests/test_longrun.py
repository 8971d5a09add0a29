"""A long run: the daemon's own log and its database stop growing when nothing happens.

Real `monitor run` subprocesses over a real HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import logging
import random

from monitor.pipeline import poll_log_level
from monitor.summary import PollSummary
from monitor.types import FeedState, PollOutcome

from daemon_helpers import Daemon, write_config
from feedgen import make_items, rss


def _info_config(tmp_path, feeds, summary="2s", extra=""):
    cfg = write_config(tmp_path, feeds, log_level="info", extra=extra)
    text = cfg.read_text()
    old = "log: {level: info, format: json}"
    assert old in text
    cfg.write_text(text.replace(
        old, f"log: {{level: info, format: json, summary_interval: {summary}}}"))
    return cfg


def test_quiet_polls_write_no_info_lines_but_new_items_and_failures_do(tmp_path, feed_server):
    """At level info, polls answered 304 write no `polled` line (a periodic `poll_summary`
    counts them); a poll that finds a new item, and one that fails, each write one."""
    rng = random.Random(3)
    a_items = make_items("a", 0, 3, rng)
    feed_server.set("/a.xml", rss("a", a_items))
    feed_server.set("/b.xml", rss("b", make_items("b", 0, 3, rng)))
    cfg = _info_config(tmp_path, {"a": feed_server.url("/a.xml"),
                                  "b": feed_server.url("/b.xml")})
    d = Daemon(cfg, tmp_path)

    def polled(**match):
        return [e for e in d.events() if e.get("event") == "polled"
                and all(e.get(k) == v for k, v in match.items())]

    def not_modified():
        return sum(1 for r in feed_server.requests if r.status == 304)

    # the first poll of each feed finds its items: one info line each
    d.wait_for(lambda: len(polled()) >= 2, what="first polls")
    assert {e["feed"] for e in polled()} == {"a", "b"}
    assert all(e["level"] == "info" and e["new"] == 3 for e in polled())
    # then every poll is a 304: at least 6 of them, no polled line, and summaries count them
    d.wait_for(lambda: not_modified() >= 6, what="304 answers")
    d.wait_for(lambda: any(e.get("not_modified", 0) >= 2 for e in d.events()
                           if e.get("event") == "poll_summary"), what="a poll summary")
    assert len(polled()) == 2, [e for e in polled()][2:]

    # a new item in a: one info line saying so
    feed_server.set("/a.xml", rss("a", a_items + make_items("a", 3, 1, rng)))
    d.wait_for(lambda: polled(feed="a", new=1), what="the poll that found the new item")
    # b fails: one warning line per failed poll
    feed_server.status("/b.xml", 500)
    d.wait_for(lambda: polled(feed="b", status="error"), what="the failed poll")
    assert polled(feed="b", status="error")[0]["level"] == "warning"
    assert d.stop() == 0
    summaries = [e for e in d.events() if e.get("event") == "poll_summary"]
    assert sum(s["not_modified"] for s in summaries) >= 6
    assert sum(s["new_items"] for s in summaries) == 7  # 3 + 3 first, then 1
    assert sum(s["errors"] for s in summaries) >= 1
    assert all(e["level"] != "debug" for e in d.events())


def _state(errors: int = 0) -> FeedState:
    return FeedState(feed_id="f", url="http://x/", etag=None, last_modified=None,
                     body_hash="h", consecutive_errors=errors, next_poll=None)


def test_poll_log_level_says_info_only_when_something_happened():
    """Quiet polls are debug; new items, alerts, a recovery or an unusual status are info;
    a failure is a warning."""
    quiet = [PollOutcome("f", "not_modified"), PollOutcome("f", "unchanged"),
             PollOutcome("f", "ok", entries=5)]
    assert {poll_log_level(o, _state()) for o in quiet} == {logging.DEBUG}
    assert poll_log_level(PollOutcome("f", "ok", entries=5, new=1), _state()) == logging.INFO
    assert poll_log_level(PollOutcome("f", "ok", alerts=1), _state()) == logging.INFO
    assert poll_log_level(PollOutcome("f", "not_modified"), _state(errors=2)) == logging.INFO
    assert poll_log_level(PollOutcome("f", "gone"), _state()) == logging.INFO  # type: ignore[arg-type]
    assert poll_log_level(PollOutcome("f", "error", error="x"), _state()) == logging.WARNING


def test_poll_summary_counts_each_period_once():
    """A summary covers the polls since the previous one; none before the interval, none for
    a period without polls; ``force`` (at stop) gives the rest."""
    s = PollSummary(60.0, now=0.0)
    s.observe(PollOutcome("a", "not_modified"))
    s.observe(PollOutcome("b", "ok", new=2, alerts=1))
    s.observe(PollOutcome("c", "error", error="boom"))
    s.observe(PollOutcome("c", "error", error="boom"))
    assert s.take(59.0) is None
    got = s.take(60.0)
    assert got == {"seconds": 60.0, "polls": 4, "ok": 1, "not_modified": 1, "unchanged": 0,
                   "errors": 2, "feeds_failed": 1, "new_items": 2, "alerts": 1}
    assert s.take(200.0) is None  # nothing polled since
    s.observe(PollOutcome("a", "unchanged"))
    assert s.take(201.0) is None
    assert s.take(201.0, force=True)["unchanged"] == 1
