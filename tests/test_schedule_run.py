"""The schedule as an operator sees it: real `monitor run` subprocesses, restarted, against a
real HTTP server on 127.0.0.1."""

from __future__ import annotations

import itertools
import json
import random
import statistics
import subprocess
import sys
import time

from daemon_helpers import Daemon, write_config
from feedgen import make_items, rss

BODY = rss("f", make_items("f", 0, 3, random.Random(3), mention_rate=0))


def monitor(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "monitor", *args], capture_output=True,
                          text=True, timeout=60)


def feed_rows(cfg) -> dict[str, dict]:
    out = monitor("feeds", "--json", "--config", str(cfg))
    assert out.returncode == 0, out.stderr
    return {r["id"]: r for r in map(json.loads, out.stdout.splitlines())}


def test_an_interval_of_one_second_polls_every_second(tmp_path, feed_server):
    """The poller wakes at the next due time: 1 s apart, not 2 (a whole tick after it)."""
    feed_server.set("/a.xml", BODY)
    cfg = write_config(tmp_path, {"a": feed_server.url("/a.xml")}, interval="1s")
    d = Daemon(cfg, tmp_path)
    d.wait_for(lambda: len(feed_server.requests_for("/a.xml")) >= 6, what="6 polls")
    assert d.stop() == 0
    times = [r.at for r in feed_server.requests_for("/a.xml")]
    gaps = [b - a for a, b in itertools.pairwise(times[1:])]  # after start-up
    assert 0.9 < statistics.median(gaps) < 1.4, gaps


def test_a_restart_carries_on_where_it_stopped(tmp_path, feed_server):
    """A restart polls only the feeds that fell due while it was down: the hourly feed polled
    a moment ago waits for its hour; the 2-second one, overdue, is polled at once."""
    feed_server.set("/hourly.xml", BODY)
    feed_server.set("/fast.xml", BODY)
    cfg = write_config(tmp_path, {"hourly": feed_server.url("/hourly.xml"),
                                  "fast": feed_server.url("/fast.xml")}, interval="1h")
    cfg.write_text(cfg.read_text().replace("/fast.xml'}", "/fast.xml', interval: 2s}"))
    d = Daemon(cfg, tmp_path)
    d.wait_for(lambda: d.count("polled") >= 2, what="first polls")
    assert d.stop() == 0
    time.sleep(2.5)  # the fast feed falls due meanwhile, the hourly one does not
    fast_before = len(feed_server.requests_for("/fast.xml"))
    d2 = Daemon(cfg, tmp_path, name="second")
    d2.wait_for(lambda: len(feed_server.requests_for("/fast.xml")) >= fast_before + 2,
                what="the overdue feed polled after the restart, twice")
    assert d2.stop() == 0
    assert len(feed_server.requests_for("/hourly.xml")) == 1
    assert feed_rows(cfg)["hourly"]["status"] == "ok"


def test_a_shorter_interval_applies_at_once_on_reload(tmp_path, feed_server):
    """Saving the config with a feed's interval cut from an hour to a second makes the running
    daemon poll it within seconds, not an hour after its last poll."""
    feed_server.set("/a.xml", BODY)
    cfg = write_config(tmp_path, {"a": feed_server.url("/a.xml")}, interval="1h")
    d = Daemon(cfg, tmp_path)
    d.wait_for(lambda: len(feed_server.requests_for("/a.xml")) == 1, what="the first poll")
    cfg.write_text(cfg.read_text().replace("interval: 1h", "interval: 1s"))
    d.wait_for(lambda: d.count("reloaded") == 1, what="the reload")
    d.wait_for(lambda: len(feed_server.requests_for("/a.xml")) >= 3, timeout=10,
               what="polls at the new interval")
    assert d.stop() == 0


def test_410_gone_stops_the_feed_until_resumed(tmp_path, feed_server):
    """A feed answering 410 is polled once, shown as `gone`, never polled again; `monitor feeds
    resume` makes the running daemon poll it again within a tick or two."""
    feed_server.status("/gone.xml", 410)
    feed_server.set("/ok.xml", BODY)
    cfg = write_config(tmp_path, {"gone": feed_server.url("/gone.xml"),
                                  "ok": feed_server.url("/ok.xml")}, interval="1s")
    d = Daemon(cfg, tmp_path)
    d.wait_for(lambda: d.count("feed_stopped") == 1, what="the feed stopped")
    d.wait_for(lambda: len(feed_server.requests_for("/ok.xml")) >= 4, what="3 more seconds")
    assert len(feed_server.requests_for("/gone.xml")) == 1
    row = feed_rows(cfg)["gone"]
    assert row["status"] == "gone" and row["next_poll"] is None
    assert "410" in row["last_error"]

    feed_server.set("/gone.xml", BODY)  # the publisher brings it back
    out = monitor("feeds", "resume", "gone", "--config", str(cfg))
    assert out.returncode == 0 and "gone: resumed" in out.stdout
    d.wait_for(lambda: len(feed_server.requests_for("/gone.xml")) >= 2, timeout=10,
               what="the resumed feed polled")
    d.wait_for(lambda: feed_rows(cfg)["gone"]["status"] == "ok", what="the feed ok again")
    assert d.stop() == 0
    again = monitor("feeds", "resume", "gone", "ok", "--config", str(cfg))
    assert again.returncode == 1
    assert "gone: not stopped" in again.stderr and "ok: not stopped" in again.stderr


def test_poll_once_names_the_gone_feeds_it_skips(tmp_path, feed_server):
    """`monitor poll-once` polls a 410 feed once; the next run skips it and says how to
    resume it."""
    feed_server.status("/gone.xml", 410)
    feed_server.set("/ok.xml", BODY)
    cfg = write_config(tmp_path, {"gone": feed_server.url("/gone.xml"),
                                  "ok": feed_server.url("/ok.xml")})
    first = monitor("poll-once", "--config", str(cfg))
    assert first.returncode == 0 and "gone: HTTP 410" in first.stdout
    second = monitor("poll-once", "--config", str(cfg))
    assert second.returncode == 0 and "polled 1 feeds" in second.stdout
    assert "gone: not polled: gone" in second.stdout
    assert "`monitor feeds resume gone`" in second.stdout
    assert len(feed_server.requests_for("/gone.xml")) == 1


def test_cache_control_and_ttl_hold_on_every_poll(tmp_path, feed_server):
    """Cache-Control max-age (and RSS ttl) push the next poll later on the first poll and on
    every 304 after it, not only the first: two polls in 4 s of a 1-second interval."""
    feed_server.set("/cc.xml", BODY, headers={"Cache-Control": "max-age=2"})
    feed_server.set("/ttl.xml", BODY.replace(b"<channel>", b"<channel><ttl>1</ttl>", 1))
    cfg = write_config(tmp_path, {"cc": feed_server.url("/cc.xml"),
                                  "ttl": feed_server.url("/ttl.xml")}, interval="1s")
    d = Daemon(cfg, tmp_path)
    d.wait_for(lambda: len(feed_server.requests_for("/cc.xml")) >= 3, what="three polls")
    assert d.stop() == 0
    cc = feed_server.requests_for("/cc.xml")
    assert [r.status for r in cc[:3]] == [200, 304, 304]
    gaps = [b.at - a.at for a, b in itertools.pairwise(cc)]
    assert all(1.9 < g < 3.0 for g in gaps), gaps  # max-age=2 kept by each 304
    assert len(feed_server.requests_for("/ttl.xml")) == 1  # ttl 1 minute: not yet again
