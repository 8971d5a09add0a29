"""Exactly-once alerts through SIGKILL: a generated corpus that grows between polls, the daemon
killed at random moments many times, then every expected alert is in the log exactly once."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import time

import pytest

from daemon_helpers import Daemon, alert_lines, write_config
from feedgen import make_items, rss

FEEDS = int(os.environ.get("MONITOR_FAULT_FEEDS", "200"))
KILLS = int(os.environ.get("MONITOR_FAULT_KILLS", "30"))


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_and_duplicates_nothing(tmp_path, feed_server):
    """200 feeds, >= 30 SIGKILLs at random moments: the log holds each expected alert once,
    every line is valid JSON, and the database passes integrity_check."""
    rng = random.Random(20251117)
    items = {f"f{n:03d}": make_items(f"f{n:03d}", 0, 5, rng) for n in range(FEEDS)}
    for fid, its in items.items():
        feed_server.set(f"/{fid}.xml", rss(fid, its))
    cfg = write_config(tmp_path, {fid: feed_server.url(f"/{fid}.xml") for fid in items},
                       interval="1s",
                       extra="dedupe: {window: 0s}")
    # the production path: parsing in worker processes, which must die with each killed daemon
    cfg.write_text(cfg.read_text().replace("parse_workers: 0", "parse_workers: 2"))
    log = tmp_path / "alerts.jsonl"

    kills = 0
    for round_no in range(KILLS):
        d = Daemon(cfg, tmp_path, name=f"run{round_no}")
        # wait until it is doing real work, then kill at a random moment
        d.wait_for(lambda d=d: d.count("started") >= 1, timeout=60, what="start")
        time.sleep(rng.uniform(0.05, 1.5))
        d.kill()
        kills += 1
        # the corpus grows between runs: a few feeds get new entries
        for fid in rng.sample(sorted(items), k=max(1, FEEDS // 10)):
            start = len(items[fid])
            items[fid] += make_items(fid, start, rng.randint(1, 3), rng)
            feed_server.set(f"/{fid}.xml", rss(fid, items[fid]))

    expected = {(it.guid, it.entity) for its in items.values() for it in its if it.entity}
    final = Daemon(cfg, tmp_path, name="final")
    final.wait_for(lambda: len(alert_lines(log)) >= len(expected), timeout=120,
                   what=f"{len(expected)} alerts")
    # let it run a few more polls to show nothing more arrives
    polls = final.count("polled")
    final.wait_for(lambda: final.count("polled") >= polls + FEEDS, timeout=60, what="more polls")
    assert final.stop() == 0

    raw = log.read_text(encoding="utf-8").splitlines()
    parsed = [json.loads(line) for line in raw]  # every line is valid JSON
    ids = [x["alert_id"] for x in parsed]
    got = [(x["item_key"], x["entities"][0]["id"]) for x in parsed]
    print(f"\nkills: {kills}, alerts checked: {len(parsed)}, expected: {len(expected)}")
    assert len(ids) == len(set(ids)), "an alert was written twice"
    assert sorted(got) == sorted(expected)
    conn = sqlite3.connect(tmp_path / "monitor.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    pending = conn.execute("SELECT count(*) FROM alerts WHERE emitted_at IS NULL").fetchone()[0]
    assert pending == 0
    conn.close()
