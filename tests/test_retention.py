"""Retention: old items and alerts are deleted in batches, the file shrinks, and an old entry
its feed still serves never becomes new again.

Store tests on real SQLite files; the end-to-end test runs `monitor run` over a real HTTP server
on 127.0.0.1 against a database aged by rewriting its timestamps.
"""

from __future__ import annotations

import contextlib
import random
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from datetime import timedelta

import pytest
from test_health import free_port, get, samples

from monitor.config import Retention
from monitor.retention import RetentionRunner, cutoffs
from monitor.store import open_store
from monitor.store.schema import APPLICATION_ID, migrations
from monitor.store.sqlite import ts

from builders import T0, F, intent, item
from daemon_helpers import Daemon, alert_lines, write_config
from feedgen import make_items, rss

DAY = timedelta(days=1)


@pytest.fixture
def store(tmp_path):
    """A real SQLite file with one feed, f1."""
    with contextlib.closing(open_store(tmp_path / "monitor.db")) as s:
        s.sync_feeds([F("f1", "https://a.example/feed")], T0)
        yield s


def _purge_all(store, now, items_before, alerts_before, limit=500):
    total = None
    while True:
        p = store.purge_expired(now, items_before, alerts_before, limit)
        total = p if total is None else total + p
        if not p.more:
            return total


def test_purged_items_stay_known_while_their_feed_serves_them(store):
    """An item older than the cut-off loses its row and matches, but known_items still knows its
    key; the tombstone lives while the feed's parsed documents carry the entry and goes once the
    feed has stopped serving it for a whole retention period."""
    old, kept = item(guid="old"), item(guid="new")
    store.record_poll(intent("f1", [old]), window=0)
    store.record_poll(intent("f1", [kept], at=T0 + 10 * DAY), window=0)
    store.mark_emitted([a.alert_id for a in store.pending_alerts()], T0 + 10 * DAY)
    now = T0 + 20 * DAY
    got = _purge_all(store, now, items_before=T0 + 5 * DAY, alerts_before=None)
    assert (got.items, got.tombstones, got.alerts) == (1, 0, 0)
    assert store.item("f1", old.key) is None and store.item("f1", kept.key) is not None
    assert store.db.execute("SELECT count(*) FROM matches WHERE item_key = ?",
                            [old.key]).fetchone()[0] == 0
    assert set(store.known_items("f1", [old.key, kept.key, "other"])) == {old.key, kept.key}
    assert store.count("alerts") == 2  # alerts have their own retention

    # the feed still serves the old entry: seen again, kept across later purges
    seen = replace(intent("f1", [], at=now + 200 * DAY), seen_keys=(old.key, kept.key))
    store.record_poll(seen, window=0)
    assert _purge_all(store, now + 201 * DAY, now + 150 * DAY, None).tombstones == 0
    assert old.key in store.known_items("f1", [old.key])
    # the feed stops serving it: gone once unseen for longer than the items retention
    store.record_poll(replace(intent("f1", [], at=now + 300 * DAY), seen_keys=(kept.key,)),
                      window=0)
    assert _purge_all(store, now + 301 * DAY, now + 250 * DAY, None).tombstones == 1
    assert old.key not in store.known_items("f1", [old.key])


def test_a_feed_answering_304_for_longer_than_retention_keeps_its_tombstones(store):
    """304s parse nothing: a feed that has not changed for a year still serves its old entries,
    so their keys stay known (they were not missing from a parsed document)."""
    old = item(guid="old")
    store.record_poll(replace(intent("f1", [old]), seen_keys=(old.key,)), window=0)
    _purge_all(store, T0 + 100 * DAY, T0 + 10 * DAY, None)
    not_modified = intent("f1", [], at=T0 + 400 * DAY, status="not_modified")
    store.record_poll(not_modified, window=0)
    assert _purge_all(store, T0 + 400 * DAY, T0 + 300 * DAY, None).tombstones == 0
    assert old.key in store.known_items("f1", [old.key])


def test_alerts_purge_only_when_written_and_delivered(store):
    """An expired alert goes with its entities and sources, unless it is still waiting for the
    alert log or for a sink delivery."""
    store.sync_sinks([("hook", "webhook")], T0)
    items = [item(guid=f"g{i}", title=f"Maduro story {i}", link=f"https://a.example/{i}")
             for i in range(3)]
    store.record_poll(intent("f1", items), window=0)
    ids = sorted(a.alert_id for a in store.pending_alerts())
    assert len(ids) == 3
    store.mark_emitted(ids[:2], T0)  # ids[2]: not yet in the alert log
    store.delivery_done(ids[0], "hook", T0, "delivered")  # ids[1]: delivery pending
    got = _purge_all(store, T0 + 400 * DAY, None, alerts_before=T0 + DAY)
    assert got.alerts == 1
    left = {r[0] for r in store.db.execute("SELECT alert_id FROM alerts")}
    assert left == set(ids[1:])
    for table in ("alert_entities", "alert_sources", "sink_deliveries"):
        assert not store.db.execute(f"SELECT 1 FROM {table} WHERE alert_id = ?",
                                    [ids[0]]).fetchall(), table


def checkpoint(s) -> None:
    """Copy the whole WAL into the database file; the store's own checkpointer thread may hold
    it at that moment (the pragma then answers busy), so try until it is done."""
    for _ in range(200):
        busy, _log, _done = s.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if not busy:
            return
        time.sleep(0.01)
    raise AssertionError("the WAL checkpoint stayed busy for 2 s")


def test_batches_are_small_and_the_file_shrinks(tmp_path):
    """Deleting 3,000 items takes batches of ``limit`` rows, and the freed pages are given back
    to the file system (auto_vacuum=INCREMENTAL): the file ends smaller than it was."""
    path = tmp_path / "m.db"
    s = open_store(path)
    s.sync_feeds([F("f1", "https://a.example/feed")], T0)
    assert s.db.execute("PRAGMA auto_vacuum").fetchone()[0] == 2
    text = "Maduro " + "x" * 2000
    for n in range(30):
        s.record_poll(intent("f1", [item(guid=f"g{n}-{i}", summary=text) for i in range(100)],
                             matched=[]), window=0)
    checkpoint(s)
    full = path.stat().st_size
    calls = []
    while True:
        p = s.purge_expired(T0 + 100 * DAY, T0 + DAY, None, limit=400)
        calls.append(p)
        if not p.more:
            break
    assert [c.items for c in calls[:8]] == [400] * 7 + [200]
    assert sum(c.pages_freed for c in calls) > 0
    checkpoint(s)
    assert s.count("items") == 0
    assert path.stat().st_size < full / 3, (full, path.stat().st_size)
    s.close()


def test_an_existing_database_switches_to_incremental_vacuum(tmp_path):
    """A database made before retention (auto_vacuum off) is switched once, on open."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    from sqlite_utils import Database

    db = Database(conn)
    migrations.apply(db, stop_before="0005_item_tombstones")
    assert conn.execute("PRAGMA auto_vacuum").fetchone()[0] == 0
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    conn.close()
    s = open_store(path)
    assert s.db.execute("PRAGMA auto_vacuum").fetchone()[0] == 2
    assert "item_tombstones" in s.db.table_names()
    s.close()


def test_cutoffs_and_runner_schedule():
    """Cut-offs are now minus each retention (None keeps forever); the runner purges at the
    first tick, then once per interval, and finishes a run across ticks when batches are full."""
    r = Retention(items="2m", alerts="1h", interval="10m", batch=10)
    assert cutoffs(T0, r) == (T0 - timedelta(minutes=2), T0 - timedelta(hours=1))
    assert cutoffs(T0, Retention(items=None, alerts=None)) == (None, None)
    assert Retention().alerts == Retention(alerts="1y").alerts == 365 * 86400  # the default

    class FakeStore:  # counts calls; every third batch is the last of a run
        def __init__(self):
            self.calls = 0

        def purge_expired(self, now, items_before, alerts_before, limit):
            from monitor.types import Purged
            self.calls += 1
            return Purged(items=limit, more=self.calls % 3 != 0)

    clock = [0.0]
    runner = RetentionRunner(r, clock=lambda: clock[0])
    st = FakeStore()
    assert runner.step(st, T0).items == 30 and st.calls == 3
    clock[0] = 599.0
    assert runner.step(st, T0) is None and st.calls == 3  # not due yet
    clock[0] = 600.0
    assert runner.step(st, T0).items == 30 and st.calls == 6


def _sql(path, query, args=()):
    conn = sqlite3.connect(path)
    try:
        with conn:
            return conn.execute(query, args).fetchall()
    finally:
        conn.close()


def test_an_old_entry_still_served_after_its_item_was_purged_does_not_alert_again(
        tmp_path, feed_server):
    """A feed keeps serving an entry whose item and alert retention deleted (the database aged
    past both retentions): when the feed changes, the old entry is not new, not stored again and
    not alerted again; only the entry added is. /metrics counts what retention deleted."""
    rng = random.Random(11)
    old = make_items("a", 0, 2, rng, mention_rate=1.0)
    feed_server.set("/a.xml", rss("a", old))
    port = free_port()
    cfg = write_config(tmp_path, {"a": feed_server.url("/a.xml")},
                       extra="retention: {items: 30d, alerts: 60d, interval: 1s}\n"
                             f"http: {{port: {port}}}")
    log, db = tmp_path / "alerts.jsonl", tmp_path / "monitor.db"
    d = Daemon(cfg, tmp_path)
    d.wait_for(lambda: len(alert_lines(log)) == 2, what="the first alerts")
    assert d.stop() == 0

    # a year passes: every row is older than both retentions
    for table, column in (("items", "first_seen"), ("alerts", "created_at")):
        _sql(db, f"UPDATE {table} SET {column} = ?", [ts(T0 - 365 * DAY)])
    d = Daemon(cfg, tmp_path, name="later")
    d.wait_for(lambda: d.count("retention_purged") >= 1, what="the purge")
    purged = next(e for e in d.events() if e.get("event") == "retention_purged")
    assert purged["items"] == 2 and purged["alerts"] == 2
    assert _sql(db, "SELECT count(*) FROM items") == [(0,)]
    assert _sql(db, "SELECT count(*) FROM item_tombstones") == [(2,)]
    status, text = get(f"http://127.0.0.1:{port}/metrics")
    scraped = samples(text)
    assert status == 200
    assert scraped[("monitor_retention_deleted_total", (("kind", "items"),))] == 2
    assert scraped[("monitor_retention_deleted_total", (("kind", "alerts"),))] == 2

    # the feed changes and still serves both old entries
    new = make_items("a", 2, 1, rng, mention_rate=1.0)
    feed_server.set("/a.xml", rss("a", old + new))
    d.wait_for(lambda: len(alert_lines(log)) >= 3, what="the alert of the new entry")
    polls = d.count("polled")
    d.wait_for(lambda: d.count("polled") >= polls + 2, what="more polls")
    assert d.stop() == 0
    lines = alert_lines(log)
    assert [x["item_key"] for x in lines] == [i.guid for i in old] + [new[0].guid]
    assert _sql(db, "SELECT key FROM items") == [(new[0].guid,)]
    assert _sql(db, "SELECT count(*) FROM item_tombstones") == [(2,)]


def test_poll_once_applies_retention_too(tmp_path, feed_server):
    """`monitor poll-once` (cron) purges what expired at the end of its pass, and the old
    entries the feed still serves stay known: the next pass alerts on the new entry only."""
    rng = random.Random(5)
    items = make_items("a", 0, 3, rng, mention_rate=1.0)
    feed_server.set("/a.xml", rss("a", items))
    cfg = write_config(tmp_path, {"a": feed_server.url("/a.xml")},
                       extra="retention: {items: 30d, alerts: 60d}")
    db, log = tmp_path / "monitor.db", tmp_path / "alerts.jsonl"

    def poll_once():
        done = subprocess.run([sys.executable, "-m", "monitor", "poll-once", "--config", cfg],
                              capture_output=True, text=True, timeout=120, cwd=tmp_path)
        assert done.returncode == 0, done.stderr

    poll_once()
    assert len(alert_lines(log)) == 3
    _sql(db, "UPDATE items SET first_seen = ?", [ts(T0 - 365 * DAY)])
    _sql(db, "UPDATE alerts SET created_at = ?", [ts(T0 - 365 * DAY)])
    feed_server.set("/a.xml", rss("a", items + make_items("a", 3, 1, rng, mention_rate=0.0)))
    poll_once()
    assert _sql(db, "SELECT count(*) FROM alerts") == [(0,)]
    assert _sql(db, "SELECT key FROM items") == [("a-item-3",)]
    assert _sql(db, "SELECT count(*) FROM item_tombstones") == [(3,)]
    assert len(alert_lines(log)) == 3
    newest = make_items("a", 4, 1, rng, mention_rate=1.0)
    feed_server.set("/a.xml", rss("a", items + make_items("a", 3, 1, random.Random(0),
                                                          mention_rate=0.0) + newest))
    poll_once()
    assert [x["item_key"] for x in alert_lines(log)][3:] == ["a-item-4"]
    assert sorted(_sql(db, "SELECT key FROM items")) == [("a-item-3",), ("a-item-4",)]


def test_check_config_rejects_what_start_up_rejects(tmp_path):
    """A retention that would let a story alert again is refused by check-config and by
    `monitor run` alike, with the file, line and key."""
    cfg = write_config(tmp_path, {"a": "https://example.com/a.xml"},
                       extra="dedupe: {window: 72h}\nretention: {items: 1h, alerts: 2h}")
    line = cfg.read_text().splitlines().index("retention: {items: 1h, alerts: 2h}") + 1
    check = subprocess.run([sys.executable, "-m", "monitor", "check-config", "--config", cfg],
                           capture_output=True, text=True, timeout=60)
    run = subprocess.run([sys.executable, "-m", "monitor", "run", "--config", cfg],
                         capture_output=True, text=True, timeout=60)
    for done in (check, run):
        assert done.returncode == 2
        assert f"{cfg}:{line}: retention" in done.stderr
        assert "shorter than dedupe.window (3d)" in done.stderr
