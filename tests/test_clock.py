"""One injectable clock: every module reads the time from monitor/clock.py, so a test that
sets it sets it for the whole program."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from monitor import clock
from monitor.daemon import Daemon
from monitor.runtime import load_runtime
from monitor.store import open_store

from daemon_helpers import write_config
from feedgen import make_items, rss

PACKAGE = Path(__file__).resolve().parents[1] / "monitor"


def test_no_module_reads_the_wall_clock_but_clock_py():
    """`datetime.now`/`utcnow`/`time.time()` appear in monitor/clock.py only."""
    offenders = [
        f"{path.relative_to(PACKAGE)}:{n}"
        for path in sorted(PACKAGE.rglob("*.py")) if path.name != "clock.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if any(call in line for call in ("datetime.now(", "datetime.utcnow(", "time.time()"))
    ]
    assert offenders == []


def test_a_poll_once_runs_on_the_clock_in_use(tmp_path, feed_server):
    """Under a manual clock set to 2031, poll-once records the poll, schedules the next one and
    dates its alerts by that clock, not by the machine's."""
    t = datetime(2031, 5, 6, 7, 8, 9, tzinfo=UTC)
    items = make_items("a", 0, 4, random.Random(11), mention_rate=1.0)
    feed_server.set("/a.xml", rss("a", items))
    cfg = write_config(tmp_path, {"a": feed_server.url("/a.xml")}, interval="10m")
    with clock.use(clock.ManualClock(t)):
        outcomes = asyncio.run(Daemon(load_runtime(cfg)).poll_once())
    assert [o.alerts > 0 for o in outcomes] == [True]
    store = open_store(tmp_path / "monitor.db")
    try:
        state = store.feed_state("a")
        assert state.next_poll == t + timedelta(minutes=10)
        assert {a.created_at for a in store.alerts()} == {t}
        assert store.feeds()[0]["last_attempt"].startswith("2031-05-06T07:08:09")
    finally:
        store.close()
    assert abs(clock.now() - datetime.now(UTC)) < timedelta(minutes=1)  # restored after
