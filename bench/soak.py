"""`make soak`: the daemon for a long while over a few hundred loopback feeds; is anything growing?

    .venv/bin/python bench/soak.py                      # 10 minutes, 300 feeds
    SOAK_SECONDS=120 SOAK_FEEDS=100 .venv/bin/python bench/soak.py      # a quick look

Environment (defaults in brackets): SOAK_SECONDS [600], SOAK_FEEDS [300], SOAK_INTERVAL [5s]
(each feed's poll interval), SOAK_RATE [20] new items a second over all feeds, SOAK_WINDOW [20]
items each feed serves (newest first; older entries drop out), SOAK_SAMPLE [30] seconds
between samples, SOAK_RETENTION ["{items: 2m, alerts: 3m, interval: 10s}"], SOAK_DIR
[a temporary folder, removed unless SOAK_KEEP=1].

A real `monitor run` subprocess (parser worker processes included, parse_workers: auto) polls
feeds served by tests/feedserver.py on 127.0.0.1 (ETag and Last-Modified, so unchanged feeds
answer 304). Every second some feeds get new items (a share of them naming watchlist entities,
so alerts are made). Halfway through, the alert log is rotated by rename and the daemon gets
SIGHUP, as logrotate does. Retention is short, so a steady state is reached within minutes.

Every SOAK_SAMPLE seconds one row: summed RSS of the daemon and its workers, their open file
descriptors and threads, the database file size (with its -wal and -shm), rows in items,
tombstones and alerts, the daemon's own log size, and /healthz. At the end: alerts written
exactly once across the rotation, the SIGTERM exit time, and how much each figure moved
over the second half of the run (the steady state).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "tests"))

from feedgen import make_items, rss  # noqa: E402
from feedserver import FeedServer  # noqa: E402

SEEDS = REPO / "seeds" / "cartel-de-los-soles.yaml"


def env(name: str, default: str) -> str:
    return os.environ.get(name, default)


def tree(pid: int) -> list[int]:
    """``pid`` and its descendants (the parser workers), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


def process_figures(pid: int) -> tuple[float, int, int, int]:
    """(summed RSS in MB, open descriptors, threads, processes) of the daemon's tree."""
    rss_kb = fds = threads = procs = 0
    for p in tree(pid):
        try:
            status = Path(f"/proc/{p}/status").read_text()
            fds += len(os.listdir(f"/proc/{p}/fd"))
        except OSError:
            continue
        procs += 1
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                rss_kb += int(line.split()[1])
            elif line.startswith("Threads:"):
                threads += int(line.split()[1])
    return rss_kb / 1024, fds, threads, procs


def db_figures(db: Path) -> tuple[float, int, int, int]:
    """(database + wal + shm size in MB, items, tombstones, alerts)."""
    size = sum(p.stat().st_size for p in (db, db.with_name(db.name + "-wal"),
                                          db.with_name(db.name + "-shm")) if p.exists())
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        counts = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("items", "item_tombstones", "alerts")]
    finally:
        conn.close()
    return (size / 1e6, *counts)


def healthz(port: int) -> str:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
            return str(r.status)
    except OSError as exc:
        return (getattr(exc, "code", None) and str(exc.code)) or "down"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> int:
    seconds = float(env("SOAK_SECONDS", "600"))
    n_feeds = int(env("SOAK_FEEDS", "300"))
    interval = env("SOAK_INTERVAL", "5s")
    rate = float(env("SOAK_RATE", "20"))
    window = int(env("SOAK_WINDOW", "20"))
    sample_every = float(env("SOAK_SAMPLE", "30"))
    retention = env("SOAK_RETENTION", "{items: 2m, alerts: 3m, interval: 10s}")
    keep = env("SOAK_KEEP", "0") == "1"
    work = Path(env("SOAK_DIR", "") or tempfile.mkdtemp(prefix="monitor-soak-"))
    work.mkdir(parents=True, exist_ok=True)
    rng = random.Random(42)
    port = free_port()

    with FeedServer() as server:
        feeds = {f"s{i:03d}": make_items(f"s{i:03d}", 0, window, rng, mention_rate=0.05)
                 for i in range(n_feeds)}
        for fid, items in feeds.items():
            server.set(f"/{fid}.xml", rss(fid, items))
        db, log = work / "monitor.db", work / "alerts.jsonl"
        config = work / "soak.yaml"
        config.write_text("\n".join([
            f"paths: {{database: {db}, alert_log: {log}}}",
            f"watchlists: [{SEEDS}]",
            f"defaults: {{interval: {interval}, jitter: 0.1, concurrency: 16}}",
            "dedupe: {window: 1m}",
            f"retention: {retention}",
            "log: {level: info, format: json, summary_interval: 1m}",
            f"http: {{port: {port}}}",
            "allow_private_networks: true",
            "feeds:",
            *(f"  - {{id: {fid}, url: '{server.url(f'/{fid}.xml')}'}}" for fid in feeds),
        ]) + "\n")
        stderr = work / "daemon.log"
        with stderr.open("wb") as err:
            daemon = subprocess.Popen(
                [sys.executable, "-m", "monitor", "run", "--config", str(config)],
                stdout=subprocess.DEVNULL, stderr=err, cwd=work)
        print(f"soak: {n_feeds} feeds every {interval}, {rate:g} new items/s, "
              f"{seconds:g}s, retention {retention}, in {work}", flush=True)
        print(f"{'t (s)':>6} {'RSS MB':>7} {'fds':>4} {'thr':>4} {'proc':>4} {'db MB':>6} "
              f"{'items':>6} {'tombs':>6} {'alerts':>6} {'log KB':>7} {'healthz':>7}",
              flush=True)
        deadline = time.monotonic() + 120
        while healthz(port) != "200" and daemon.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)  # started: the database exists and the scheduler ticks
        rows: list[tuple[float, ...]] = []
        start = time.monotonic()
        next_sample = start + 5
        rotated = False
        added = 0
        counter = {fid: window for fid in feeds}
        debt = 0.0
        try:
            while (now := time.monotonic()) - start < seconds:
                if daemon.poll() is not None:
                    print(f"daemon exited with {daemon.returncode}; see {stderr}")
                    return 1
                debt += rate
                while debt >= 1:  # new items, spread over random feeds, one second's worth
                    debt -= 1
                    fid = rng.choice(list(feeds))
                    feeds[fid] = (feeds[fid] + make_items(fid, counter[fid], 1, rng,
                                                          mention_rate=0.05))[-window:]
                    counter[fid] += 1
                    server.set(f"/{fid}.xml", rss(fid, feeds[fid]))
                    added += 1
                if not rotated and now - start >= seconds / 2:
                    log.rename(log.with_name(log.name + ".1"))  # logrotate's default...
                    daemon.send_signal(signal.SIGHUP)  # ...then its postrotate
                    rotated = True
                    print("       -- alert log rotated, SIGHUP sent --", flush=True)
                if now >= next_sample:
                    next_sample += sample_every
                    rss_mb, fds, threads, procs = process_figures(daemon.pid)
                    size, items, tombs, alerts = db_figures(db)
                    row = (round(now - start), rss_mb, fds, threads, procs, size, items, tombs,
                           alerts, stderr.stat().st_size / 1024)
                    rows.append(row)
                    print(f"{row[0]:>6} {rss_mb:>7.1f} {fds:>4} {threads:>4} {procs:>4} "
                          f"{size:>6.2f} {items:>6} {tombs:>6} {alerts:>6} {row[9]:>7.1f} "
                          f"{healthz(port):>7}", flush=True)
                time.sleep(max(0.0, 1.0 - (time.monotonic() - now)))
        finally:
            stop_started = time.monotonic()
            daemon.send_signal(signal.SIGTERM)
            try:
                code = daemon.wait(30)
            except subprocess.TimeoutExpired:
                daemon.kill()
                code = daemon.wait()
            stop_seconds = time.monotonic() - stop_started
        polls = len(server.requests)
        not_modified = sum(1 for r in server.requests if r.status == 304)

    ids = [json.loads(line)["alert_id"] for path in (log.with_name(log.name + ".1"), log)
           if path.exists() for line in path.read_text(encoding="utf-8").splitlines()]
    events = [json.loads(line) for line in stderr.read_text(errors="replace").splitlines()
              if line.startswith("{")]
    kinds: dict[str, int] = {}
    for e in events:
        kinds[e.get("event", "?")] = kinds.get(e.get("event", "?"), 0) + 1
    print(f"\n{added} items added, {polls} requests ({not_modified} answered 304); "
          f"alert log lines: {len(ids)} ({len(ids) - len(set(ids))} duplicates) across the "
          f"rotation; SIGTERM: exit {code} in {stop_seconds:.2f}s")
    print(f"daemon log: {stderr.stat().st_size / 1024:.1f} KB, {len(events)} lines: "
          + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1])))
    half = [r for r in rows if r[0] >= seconds / 2]
    if len(half) >= 2:
        names = ["RSS MB", "fds", "threads", "processes", "db MB", "items", "tombstones",
                 "alerts", "log KB"]
        print("second half (steady state), first -> last sample [min, max]:")
        for i, name in enumerate(names, start=1):
            col = [r[i] for r in half]
            print(f"  {name:>10}: {col[0]:.1f} -> {col[-1]:.1f}  [{min(col):.1f}, {max(col):.1f}]")
    if not keep and not os.environ.get("SOAK_DIR"):
        import shutil

        shutil.rmtree(work, ignore_errors=True)
    return 0 if code == 0 and len(ids) == len(set(ids)) else 1


if __name__ == "__main__":
    sys.exit(main())
