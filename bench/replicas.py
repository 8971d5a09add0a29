"""`make bench`, PostgreSQL section: replicas of `monitor run` over one PostgreSQL database.

    .venv/bin/python bench/replicas.py              # also run at the end of bench/run.py

1. First poll of RBIG [2000] feeds (FEED_ITEMS [10] items each) served on 127.0.0.1 by
   tests/feedserver.py: the single daemon on SQLite, then 1 and 2 replicas on PostgreSQL; wall
   time from the launch until every feed's poll is recorded in the database.
2. Scaling: RSCALE [400] feeds, each parse made to cost a fixed PARSE_MS [200] ms of waiting in
   the replica's one parser worker (bench/slow_parse.py, parse_workers 1: a parse core of the
   replica's own, which uses none of the 2 cores shared here), with 1, 2 and 4 replicas: feeds
   per second between the first fetch and the last recorded poll, against linear (the issue's
   target: at least 0.8x), the server's log (every feed fetched exactly once in the interval,
   1 h, across all replicas), and the CPU the replicas used per feed (their processes and
   parser workers, on the shared cores: what limits a smaller PARSE_MS here).

PostgreSQL 15 is started by tests/pg.py (as in the tests). Figures are ratios within this run.
SECTIONS=first or SECTIONS=scaling runs one part; REPLICAS=1,2,4 the replica counts scaled.
"""

from __future__ import annotations

import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "tests"))

from feedgen import make_items, rss  # noqa: E402
from feedserver import FeedServer  # noqa: E402
from pg import PgServer  # noqa: E402

PY = str(REPO / ".venv" / "bin" / "python")
SEEDS = REPO / "seeds" / "cartel-de-los-soles.yaml"


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def write_config(folder: Path, database: str, urls: dict[str, str], parse_workers: str,
                 per_host: int = 64) -> Path:
    lines = [
        "paths:",
        f"  database: '{database}'",
        f"  alert_log: {folder / 'alerts-{replica}.jsonl'}",
        f"watchlists: [{SEEDS}]",
        f"defaults: {{interval: 1h, jitter: 0, concurrency: 8, per_host: {per_host}, "
        f"parse_workers: {parse_workers}}}",
        "allow_private_networks: true",
        "log: {level: warning, format: json}",
        "http: {enabled: false}",
        "feeds:",
        *[f"  - {{id: {fid}, url: '{url}'}}" for fid, url in urls.items()],
    ]
    path = folder / "monitor.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def polled(database: str) -> int:
    """Feeds whose first poll is recorded."""
    sql = "SELECT count(*) FROM feeds WHERE last_attempt IS NOT NULL"
    try:
        if database.startswith("postgresql://"):
            import psycopg

            with psycopg.connect(database) as conn:
                return int(conn.execute(sql).fetchone()[0])
        with sqlite3.connect(database, timeout=5) as conn:
            return int(conn.execute(sql).fetchone()[0])
    except Exception:  # not created yet by the first replica
        return 0


def run(label: str, server: FeedServer, prefix: str, n: int, database: str, replicas: int,
        parse_workers: str, slow_ms: int = 0, per_host: int = 64,
        timeout: float = 900.0) -> dict:
    """Start ``replicas`` daemons on feeds /{prefix}/..., wait until all n are recorded."""
    folder = Path(tempfile.mkdtemp(prefix=f"monitor-bench-{prefix}-"))
    urls = {f"f{i:05d}": server.url(f"/{prefix}/f{i:05d}.xml") for i in range(n)}
    cfg = write_config(folder, database, urls, parse_workers, per_host)
    env = {**os.environ, "MONITOR_BENCH_PARSE_MS": str(slow_ms)}
    entry = [PY, str(HERE / "slow_parse.py")] if slow_ms else [PY, "-m", "monitor"]
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    procs = [subprocess.Popen([*entry, "run", "--config", str(cfg), "--replica", f"r{k}"],
                              stdout=subprocess.DEVNULL, stderr=(folder / f"r{k}.log").open("w"),
                              env=env, cwd=folder) for k in range(replicas)]
    try:
        while polled(database) < n:
            if time.monotonic() - started > timeout:
                raise RuntimeError(f"{label}: not every feed polled in {timeout} s ({folder})")
            for p in procs:
                if p.poll() is not None:
                    raise RuntimeError(f"{label}: a replica exited; see {folder}")
            time.sleep(0.1)
        done = time.monotonic()
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(30)
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu1.ru_utime + cpu1.ru_stime) - (cpu0.ru_utime + cpu0.ru_stime)
    fetched = [r for r in server.requests if r.path.startswith(f"/{prefix}/")]
    per_feed = Counter(r.path for r in fetched)
    first = min(r.at for r in fetched)
    rec = {"label": label, "replicas": replicas, "feeds": n, "wall": done - started,
           "busy": done - first, "per_s": n / (done - first),
           "fetched_once": sum(1 for c in per_feed.values() if c == 1),
           "fetched_twice_or_more": sum(1 for c in per_feed.values() if c > 1),
           "cpu_ms_per_feed": 1000 * cpu / n, "load": os.getloadavg()[0]}
    log(f"{label}: {rec}")
    return rec


def publish(server: FeedServer, prefix: str, n: int, items: int, rng: random.Random) -> None:
    for i in range(n):
        fid = f"f{i:05d}"
        server.set(f"/{prefix}/{fid}.xml", rss(fid, make_items(fid, 0, items, rng)))


def main() -> int:
    big, scale, items = env_int("RBIG", 2000), env_int("RSCALE", 400), env_int("FEED_ITEMS", 10)
    parse_ms = env_int("PARSE_MS", 200)
    sections = os.environ.get("SECTIONS", "first,scaling").split(",")
    counts = [int(k) for k in os.environ.get("REPLICAS", "1,2,4").split(",")]
    why = PgServer.unavailable()
    if why:
        print(f"PostgreSQL section skipped: {why}")
        return 0
    rng = random.Random(7)
    pg = PgServer().start()
    try:
        with FeedServer(gzip=False) as server:
            first: list[dict] = []
            tmp = Path(tempfile.mkdtemp(prefix="monitor-bench-sqlite-"))
            for label, kind, k in (("SQLite, 1 daemon", "sqlite", 1),
                                   ("PostgreSQL, 1 replica", "pg", 1),
                                   ("PostgreSQL, 2 replicas", "pg", 2)) * ("first" in sections):
                prefix = f"first{len(first)}"
                publish(server, prefix, big, items, rng)
                database = str(tmp / "monitor.db") if kind == "sqlite" else pg.new_database()
                first.append(run(label, server, prefix, big, database, k, "auto"))
            scaling: list[dict] = []
            for k in counts if "scaling" in sections else ():
                prefix = f"scale{k}"
                publish(server, prefix, scale, items, rng)
                # per_host above the feeds claimed at once (all feeds are on 127.0.0.1)
                scaling.append(run(f"{k} replicas, {parse_ms} ms parse", server, prefix, scale,
                                   pg.new_database(), k, "1", slow_ms=parse_ms, per_host=256))
    finally:
        pg.stop()
    if first:
        report_first(first, big, items)
    if scaling:
        report_scaling(scaling, scale, parse_ms)
    return 0


def report_first(first: list[dict], big: int, items: int) -> None:
    print(f"## PostgreSQL: first poll of {big} feeds ({items} items each), "
          f"{os.cpu_count()} CPUs, server tests/feedserver.py on 127.0.0.1")
    base = first[0]["wall"]
    print("| store | replicas | wall s | vs SQLite | fetched once / twice+ | replica CPU ms/feed "
          "| load |")
    print("|---|---|---|---|---|---|---|")
    for r in first:
        print(f"| {r['label']} | {r['replicas']} | {r['wall']:.1f} | {r['wall'] / base:.2f}x | "
              f"{r['fetched_once']} / {r['fetched_twice_or_more']} | "
              f"{r['cpu_ms_per_feed']:.1f} | {r['load']:.1f} |")
    print()


def report_scaling(scaling: list[dict], scale: int, parse_ms: int) -> None:
    print(f"## scaling: {scale} feeds, a fixed {parse_ms} ms parse per feed in each replica's "
          "one parser worker")
    one = scaling[0]["per_s"]
    print("| replicas | feeds/s | vs linear | fetched once / twice+ (interval 1 h) "
          "| replica CPU ms/feed | load |")
    print("|---|---|---|---|---|---|")
    for r in scaling:
        print(f"| {r['replicas']} | {r['per_s']:.1f} | {r['per_s'] / (one * r['replicas']):.2f}x "
              f"| {r['fetched_once']} / {r['fetched_twice_or_more']} | "
              f"{r['cpu_ms_per_feed']:.1f} | {r['load']:.1f} |")


if __name__ == "__main__":
    sys.exit(main())
