"""`monitor run` end to end: a real subprocess, a real HTTP server on 127.0.0.1, real signals."""

from __future__ import annotations

import random
import signal
import time

from daemon_helpers import Daemon, alert_lines, write_config
from feedgen import make_items, rss


def test_run_alerts_on_new_entries_and_stops_cleanly(tmp_path, feed_server):
    """Planted mentions alert once; entries added later alert; SIGTERM exits 0; a restart
    writes no duplicate."""
    rng = random.Random(7)
    a_items = make_items("a", 0, 8, rng, mention_rate=0.5)
    b_items = make_items("b", 0, 8, rng, mention_rate=0.5)
    feed_server.set("/a.xml", rss("a", a_items))
    feed_server.set("/b.xml", rss("b", b_items))
    cfg = write_config(tmp_path, {"a": feed_server.url("/a.xml"), "b": feed_server.url("/b.xml")})
    log = tmp_path / "alerts.jsonl"
    expected = {(i.guid, i.entity) for i in a_items + b_items if i.entity}
    assert expected

    d = Daemon(cfg, tmp_path)
    d.wait_for(lambda: len(alert_lines(log)) >= len(expected), what="first alerts")
    # a second round of polls happens with conditional GET and gets 304s
    d.wait_for(lambda: d.count("polled") >= 4, what="second polls")
    more = make_items("a", 8, 4, rng, mention_rate=1.0)
    feed_server.set("/a.xml", rss("a", a_items + more))
    expected |= {(i.guid, i.entity) for i in more}
    d.wait_for(lambda: len(alert_lines(log)) >= len(expected), what="alerts for new entries")
    started = time.monotonic()
    assert d.stop() == 0
    assert time.monotonic() - started < 10
    assert any(e["event"] == "stopped" for e in d.events())

    got = {(x["item_key"], x["entities"][0]["id"]) for x in alert_lines(log)}
    assert got == expected
    conditional = [r for r in feed_server.requests
                   if r.path == "/b.xml" and r.headers.get("If-None-Match")]
    assert conditional and all(r.status == 304 for r in conditional)

    # restart: the feeds (1 s interval) are overdue and polled at once; nothing alerts twice
    before = log.read_bytes()
    d2 = Daemon(cfg, tmp_path, name="second")
    d2.wait_for(lambda: d2.count("polled") >= 4, what="polls after restart")
    assert d2.stop() == 0
    assert log.read_bytes() == before


def test_bad_config_exits_2_with_location(tmp_path):
    """`monitor run` on an invalid config exits 2 naming file and line, no traceback."""
    cfg = write_config(tmp_path, {"a": "https://example.com/a.xml"})
    cfg.write_text(cfg.read_text() + "surprise: 1\n")
    d = Daemon(cfg, tmp_path)
    assert d.proc.wait(30) == 2
    err = d.stderr_path.read_text()
    assert f"{cfg}:" in err and "surprise: unknown key" in err
    assert "Traceback" not in err


def test_sighup_and_edits_reload_or_keep_the_old_config(tmp_path, feed_server):
    """Invalid edits are rejected with their location and polling goes on; a valid edit adds
    a feed, which then alerts."""
    rng = random.Random(9)
    feed_server.set("/a.xml", rss("a", make_items("a", 0, 3, rng, mention_rate=0)))
    c_items = make_items("c", 0, 3, rng, mention_rate=1.0)
    feed_server.set("/c.xml", rss("c", c_items))
    cfg = write_config(tmp_path, {"a": feed_server.url("/a.xml")})
    good = cfg.read_text()
    d = Daemon(cfg, tmp_path)
    d.wait_for(lambda: d.count("polled") >= 1, what="first poll")
    bad_edits = [
        good + "surprise: 1\n",
        good.replace("interval: 1s", "interval: whenever"),
        good + "  - {id: a, url: 'https://example.com/dup'}\n",
        good + "  - {id: x, url: 'ftp://example.com/x'}\n",
        good + "  - {id: BAD ID, url: 'https://example.com/x'}\n",
        good.replace("watchlists: [", "watchlists: [/nonexistent.yaml, "),
        good + "feeds: [\n",
        good + "  - {id: y}\n",
        good.replace("jitter: 0", "jitter: 5"),
        "just a string\n",
        good + "log: {level: chatty}\n",
    ]
    for n, text in enumerate(bad_edits, 1):
        cfg.write_text(text)
        d.signal(signal.SIGHUP)
        d.wait_for(lambda n=n: d.count("reload_rejected") >= n, what=f"rejection {n}")
    polls = d.count("polled")
    d.wait_for(lambda: d.count("polled") > polls + 1, what="polling goes on")
    rejected = [e for e in d.events() if e["event"] == "reload_rejected"]
    assert all(str(cfg) in e["error"] for e in rejected)
    assert "surprise: unknown key" in rejected[0]["error"]

    # a valid edit: one more feed, and a setting that only a restart applies
    cfg.write_text(good.replace("parse_workers: 0", "parse_workers: 2")
                   + f"  - {{id: c, url: '{feed_server.url('/c.xml')}'}}\n")
    d.signal(signal.SIGHUP)
    log = tmp_path / "alerts.jsonl"
    d.wait_for(lambda: len(alert_lines(log)) >= len(c_items), what="alerts from added feed")
    assert {x["feed"] for x in alert_lines(log)} == {"c"}
    assert [(e["key"], e["running"]) for e in d.events() if e["event"] == "reload_needs_restart"
            ] == [("defaults.parse_workers", "0")]
    assert d.stop() == 0


def test_editing_the_watchlist_applies_to_the_next_items(tmp_path, feed_server):
    """Saving a watchlist file with a new entity reloads it; items from then on match it."""
    watchlist = tmp_path / "mine.yaml"
    watchlist.write_text(
        "watchlist: mine\nentities:\n"
        "  - {id: acme, name: Acme Corp, type: organization, priority: high, aliases: [Acme]}\n",
        encoding="utf-8")
    feed_server.set("/a.xml", rss("a", []))
    cfg = write_config(tmp_path, {"a": feed_server.url("/a.xml")})
    cfg.write_text(cfg.read_text().replace("watchlists: [", f"watchlists: [{watchlist}, "))
    d = Daemon(cfg, tmp_path)
    d.wait_for(lambda: d.count("polled") >= 1, what="first poll")
    watchlist.write_text(watchlist.read_text() + (
        "  - {id: globex, name: Globex, type: organization, priority: high, aliases: [Globex]}\n"
    ), encoding="utf-8")
    d.wait_for(lambda: d.count("reloaded") >= 1, what="reload on file change")
    item = make_items("a", 0, 1, random.Random(1), mention_rate=0)[0]
    item.summary += " Globex shares fell."
    feed_server.set("/a.xml", rss("a", [item]))
    log = tmp_path / "alerts.jsonl"
    d.wait_for(lambda: len(alert_lines(log)) >= 1, what="alert for the new entity")
    assert d.stop() == 0
    (line,) = alert_lines(log)
    assert [e["id"] for e in line["entities"]] == ["globex"]
