"""Operating `monitor run` (issue 13): stop signals, one daemon per database, which daemon
`monitor health` answers for. Real subprocesses, real signals, a real HTTP server on loopback."""

from __future__ import annotations

import random
import signal
import sqlite3
import time

from daemon_helpers import Daemon, alert_lines, write_config
from feedgen import make_items, rss


def test_a_second_signal_skips_the_drain_of_a_poll_in_flight(tmp_path, feed_server):
    """SIGTERM, then SIGTERM again 0.5 s later, while a slow feed is still downloading: the
    daemon abandons that poll at once instead of waiting out the drain (6 s), exits 0, and
    what it had already finished is all there: every alert once, complete lines, no item of
    the abandoned poll."""
    items = make_items("a", 0, 6, random.Random(3), mention_rate=1.0)
    feed_server.set("/a.xml", rss("a", items))
    slow_body = rss("slow", make_items("slow", 0, 3, random.Random(4), mention_rate=1.0))
    feed_server.drip("/slow.xml", slow_body, interval=1.0)  # ~ten minutes to download
    cfg = write_config(tmp_path, {"a": feed_server.url("/a.xml"),
                                  "slow": feed_server.url("/slow.xml")}, interval="1h")
    cfg.write_text(cfg.read_text().replace("read_timeout: 2s, total_timeout: 5s",
                                           "read_timeout: 30s, total_timeout: 60s"))
    log = tmp_path / "alerts.jsonl"
    d = Daemon(cfg, tmp_path)
    d.wait_for(lambda: len(alert_lines(log)) >= len(items), what="alerts of feed a")
    d.wait_for(lambda: feed_server.requests_for("/slow.xml"), what="the slow poll to start")

    d.signal(signal.SIGTERM)
    time.sleep(0.5)
    d.signal(signal.SIGTERM)
    second = time.monotonic()
    assert d.proc.wait(10) == 0
    # well before the 6 s drain the first signal alone grants (a bound, not a benchmark)
    assert time.monotonic() - second < 3.0, "the second signal did not skip the drain"
    events = [e["event"] for e in d.events()]
    assert "polls_abandoned" in events and events[-1] == "stopped"

    lines = log.read_bytes().split(b"\n")
    assert lines[-1] == b""  # every line complete
    got = alert_lines(log)
    assert sorted(x["item_key"] for x in got) == sorted(i.guid for i in items)
    with sqlite3.connect(tmp_path / "monitor.db") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT count(*) FROM items WHERE feed_id='slow'").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM alerts WHERE emitted_at IS NULL"
                          ).fetchone()[0] == 0
