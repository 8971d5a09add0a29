"""`monitor poll-once` as a process of its own (cron): the objects it keeps until it ends are
frozen out of the cyclic garbage collector (``cli._freeze_heap``), and what it writes is
whole when it exits; run in another program's process (a test's CliRunner), it freezes
nothing of that program."""

from __future__ import annotations

import gc
import random
import sqlite3
import subprocess
import sys

from click.testing import CliRunner

from monitor.cli import cli

from daemon_helpers import alert_lines, write_config
from feedgen import make_items, rss

# the `monitor` script's own entry point, with a report of the frozen objects at exit
# and the full collections run before the first freeze (the start's)
RUN_MAIN = ("import atexit, gc, sys; "
            "atexit.register(lambda: print('frozen', gc.get_freeze_count(), file=sys.stderr)); "
            "freeze = gc.freeze; gc.freeze = lambda: (print('full collections before freeze', "
            "gc.get_stats()[2]['collections'], file=sys.stderr), freeze()); "
            "from monitor.cli import main; sys.argv = ['monitor', *sys.argv[1:]]; main()")


def _feeds(feed_server, n: int = 3) -> dict[str, str]:
    for i in range(n):
        items = make_items(f"f{i}", 0, 6, random.Random(i))
        items[0].title = f"Nicolás Maduro speaks in Caracas ({i})"
        feed_server.set(f"/f{i}.xml", rss(f"f{i}", items))
    return {f"f{i}": feed_server.url(f"/f{i}.xml") for i in range(n)}


def test_poll_once_process_freezes_its_heap_and_leaves_its_files_whole(tmp_path, feed_server):
    cfg = write_config(tmp_path, _feeds(feed_server), log_level="warning")
    # with a parser worker, as the project's default has
    cfg.write_text(cfg.read_text().replace("parse_workers: 0", "parse_workers: 1"))
    done = subprocess.run([sys.executable, "-c", RUN_MAIN, "poll-once", "--config", str(cfg)],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    frozen = [int(line.split()[1]) for line in done.stderr.splitlines()
              if line.startswith("frozen ")]
    assert frozen and frozen[0] > 10_000, done.stderr  # modules, config, watchlist
    # the start (imports, config, watchlist) ran no full collection: it is frozen instead
    assert "full collections before freeze 0\n" in done.stderr, done.stderr
    assert "polled 3 feeds" in done.stdout and "3 ok; 18 new items" in done.stdout
    alerts = int(done.stdout.split(" alerts")[0].rsplit(" ", 1)[1])
    assert alerts >= 3
    # the alert log holds every alert; the database was closed, not left to
    # a finalizer: its write-ahead log is gone or empty, and every poll is in it
    lines = alert_lines(tmp_path / "alerts.jsonl")
    assert len(lines) == alerts  # each line checked against the schema
    wal = tmp_path / "monitor.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    with sqlite3.connect(tmp_path / "monitor.db") as db:
        assert db.execute("SELECT count(*) FROM items").fetchone()[0] == 18
        assert db.execute("SELECT count(*) FROM alerts").fetchone()[0] == alerts


def test_poll_once_in_another_programs_process_freezes_nothing(tmp_path, feed_server):
    cfg = write_config(tmp_path, _feeds(feed_server, 1), log_level="warning")
    before = gc.get_freeze_count()
    res = CliRunner().invoke(cli, ["poll-once", "--config", str(cfg)])
    assert res.exit_code == 0, res.output
    assert "1 ok; 6 new items" in res.output
    assert gc.get_freeze_count() == before
