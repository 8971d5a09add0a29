"""The daemon's own CPU in a poll, without its parser worker: `poll-once`'s code path over a
benchmark corpus (a first poll, then the +3 items generation), parsing done aside and not
counted.

    python bench/daemoncpu.py GEN0 GEN1 [N]      # dirs made by gen_real_corpus.py / gen_corpus.py
    PYTHONPATH=/path/to/other/checkout python bench/daemoncpu.py GEN0 GEN1   # another version
    PROFILE=out.pstats python bench/daemoncpu.py GEN0 GEN1     # cProfile of the first poll
    PROFILE1=out.pstats python bench/daemoncpu.py GEN0 GEN1    # cProfile of the +3 items poll

GEN1 is a copy of GEN0 advanced with ``--advance 3``. The first N feeds (default: all) are
polled as local files by ``Daemon.poll_once`` with the seed watchlists, one feed at a time
(``concurrency: 1``, ``jitter: 0``: the order, and so grouping, is the same in every run) and a
frozen clock. The parser worker is replaced by a call in this process whose CPU time is
measured and subtracted; its result goes through pickle both ways, as it does between
processes. Prints the daemon's CPU seconds of each poll (``time.process_time``: fetch, dedupe,
matching, alerts, grouping, the store, the alert log) and a digest of what a user sees
afterwards (the stored items, matches, alerts with their sources, entities and band keys, the
alert log's lines), so two versions can be compared on the same files. The process's start
(imports, config, watchlist) is not in it. Interleave runs of the versions: on a shared machine
single runs vary by 15%. One run at a time per corpus: its feeds are read through one symlink,
$TMPDIR/daemoncpu-UID-HASH.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import pickle
import sqlite3
import sys
import tempfile
import time
from concurrent.futures import Executor, Future
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 12, 2, 6, 0, tzinfo=UTC)


class InProcess(Executor):
    """Stands in for ParsePool: runs the task here and counts its CPU apart."""

    workers = 1

    def __init__(self) -> None:
        self.cpu = 0.0

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        # the body crosses to the worker pickled, its result comes back pickled: both ends of
        # each are the daemon's work (the pool's thread), the call in between is the worker's
        args = pickle.loads(pickle.dumps(args, protocol=pickle.HIGHEST_PROTOCOL))
        out: Future[Any] = Future()
        started = time.process_time()
        try:
            result = fn(*args, **kwargs)  # a FeedError comes back as a value, as from a worker
        except Exception as exc:
            out.set_exception(exc)
            return out
        finally:
            self.cpu += time.process_time() - started
        out.set_result(pickle.loads(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)))
        return out

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        pass


def write_config(state: Path, live: Path, names: list[str]) -> Path:
    seeds = sorted(str(p) for p in (REPO / "seeds").glob("*.yaml"))
    lines = ["paths:", f"  database: {json.dumps(str(state / 'monitor.db'))}",
             f"  alert_log: {json.dumps(str(state / 'alerts.jsonl'))}", "watchlists:",
             *(f"  - {json.dumps(s)}" for s in seeds), "http: {enabled: false}",
             "log: {level: warning, format: json}", "defaults:", "  concurrency: 1",
             "  jitter: 0  # the +3 items poll takes the feeds in the same order",
             "feeds:"]
    lines += [f"  - {{id: f{i:05d}, url: {json.dumps(str(live / 'feeds' / n))}}}"
              for i, n in enumerate(names)]
    path = state / "monitor.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def digest(state: Path) -> str:
    """What the poll left that a user sees (not the schedule, which has random jitter)."""
    con = sqlite3.connect(str(state / "monitor.db"))
    h = hashlib.sha256()
    for sql in (
        "SELECT feed_id, key, guid, link, title, summary, content, published, first_seen, "
        "content_hash, story_hash, entry_hash, shingles FROM items ORDER BY feed_id, key",
        'SELECT feed_id, item_key, kind, target_id, salience, alias, field, start, "end", text '
        "FROM matches ORDER BY 1, 2, 3, 4, 6, 7, 8",
        "SELECT alert_id, created_at, severity, feed_id, item_key, link, story_hash, payload, "
        "shingles FROM alerts ORDER BY alert_id",
        "SELECT alert_id, feed_id, item_key, link, seen_at FROM alert_sources ORDER BY 1, 2, 3",
        "SELECT alert_id, entity_id FROM alert_entities ORDER BY 1, 2",
        "SELECT band, alert_id FROM alert_bands ORDER BY 1, 2",
    ):
        for row in con.execute(sql):
            h.update(repr(row).encode())
    con.close()
    # its lines in order of alert id, without carried_by: the drains go by time, so the order
    # and how many copies a line's story had when it was written vary from run to run
    lines = []
    for line in (state / "alerts.jsonl").read_text(encoding="utf-8").splitlines():
        alert = json.loads(line)
        alert.pop("carried_by", None)
        lines.append(json.dumps(alert, sort_keys=True))
    h.update("\n".join(sorted(lines)).encode())
    return h.hexdigest()[:12]


def poll(config: Path, now: datetime, profile: str | None = None) -> tuple[float, float, str]:
    from monitor import clock
    from monitor.cli import _setup_logs
    from monitor.daemon import Daemon
    from monitor.runtime import load_runtime

    runtime = load_runtime(config)
    _setup_logs(runtime.config, "warning")  # as `poll-once` sets them
    daemon = Daemon(runtime)
    pool = daemon.executor = InProcess()  # type: ignore[assignment]
    with clock.use(lambda: now):
        started = time.process_time()
        if profile:
            import cProfile

            prof = cProfile.Profile()
            outcomes = prof.runcall(asyncio.run, daemon.poll_once())
            prof.dump_stats(profile)
        else:
            outcomes = asyncio.run(daemon.poll_once())
        cpu = time.process_time() - started - pool.cpu
    statuses = sorted({o.status for o in outcomes})
    return cpu, pool.cpu, f"{len(outcomes)} feeds {statuses}, {sum(o.new for o in outcomes)} new"


def main(gen0: Path, gen1: Path, n: int | None) -> None:
    names = sorted(p.name for p in (gen0 / "feeds").iterdir())[:n]
    keep = os.environ.get("KEEP")  # a folder to leave the state in (to compare two runs)
    with tempfile.TemporaryDirectory(prefix="daemoncpu-") as tmp:
        if keep:
            tmp = keep
            Path(tmp).mkdir(parents=True, exist_ok=False)
        state = Path(tmp) / "state"
        state.mkdir()
        # the feeds' URLs are in what is stored (keys, alert ids): the same path in every run
        corpus = hashlib.sha256(str(gen0.resolve()).encode()).hexdigest()[:8]
        live = Path(tempfile.gettempdir()) / f"daemoncpu-{os.getuid()}-{corpus}"
        live.unlink(missing_ok=True)
        live.symlink_to(gen0.resolve())
        config = write_config(state, live, names)
        first, parse0, what0 = poll(config, NOW, os.environ.get("PROFILE"))
        d0 = digest(state)
        live.unlink()
        live.symlink_to(gen1.resolve())
        second, parse1, what1 = poll(config, NOW + timedelta(hours=1), os.environ.get("PROFILE1"))
        d1 = digest(state)
    print(f"{len(names)} feeds; first poll: daemon {first:.2f} s CPU ({what0}; parsing aside "
          f"{parse0:.2f} s), output {d0}; +3 items: daemon {second:.2f} s CPU ({what1}; parsing "
          f"aside {parse1:.2f} s), output {d1}")


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) == 4 else None)
