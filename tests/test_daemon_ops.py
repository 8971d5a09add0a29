"""Operating `monitor run` (issue 13): stop signals, one daemon per database, which daemon
`monitor health` answers for. Real subprocesses, real signals, a real HTTP server on loopback."""

from __future__ import annotations

import random
import signal
import sqlite3
import time

from click.testing import CliRunner
from test_health import free_port

from monitor.cli import cli

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


def _second_config(tmp_path, first, name: str, **replace: str):
    """A copy of config ``first`` under its own folder, with some lines replaced."""
    folder = tmp_path / name
    folder.mkdir()
    text = first.read_text()
    for old, new in replace.items():
        text = text.replace(old, new)
    path = folder / "monitor.yaml"
    path.write_text(text)
    return path


def test_two_daemons_on_one_database_or_alert_log_refuse(tmp_path, feed_server):
    """A second `monitor run` on the database or the alert log of a running daemon exits 1
    at once, naming the other daemon's pid and config; the first one runs on untouched."""
    feed_server.set("/a.xml", rss("a", make_items("a", 0, 2, random.Random(5))))
    cfg = write_config(tmp_path, {"a": feed_server.url("/a.xml")}, interval="1h")
    first = Daemon(cfg, tmp_path)
    first.wait_for(lambda: first.count("started") >= 1, what="first daemon")
    same_db = _second_config(tmp_path, cfg, "b", **{"alerts.jsonl": "other-alerts.jsonl"})
    same_log = _second_config(tmp_path, cfg, "c", **{"monitor.db": "other.db"})
    for other, shared in ((same_db, "database"), (same_log, "alert log")):
        second = Daemon(other, tmp_path, name=other.parent.name)
        assert second.proc.wait(30) == 1
        err = second.stderr_path.read_text()
        assert f"another monitor daemon (pid {first.proc.pid}, config {cfg})" in err, err
        assert shared in err and "Traceback" not in err
    assert not (tmp_path / "other.db").exists()
    once = CliRunner().invoke(cli, ["poll-once", "--config", str(cfg)])
    assert once.exit_code == 1 and f"pid {first.proc.pid}" in once.output, once.output
    assert first.proc.poll() is None
    assert first.stop() == 0
    # the lock goes with the process: a new daemon on the same files starts
    again = Daemon(cfg, tmp_path, name="again")
    again.wait_for(lambda: again.count("started") >= 1, what="restart")
    assert again.stop() == 0


def test_health_answers_only_for_the_daemon_running_that_config(tmp_path, feed_server):
    """Two configs with the same http port: `monitor health --config Y` is not fooled by the
    daemon running X; the daemon started on Y finds the port taken and says by whom."""
    feed_server.set("/a.xml", rss("a", make_items("a", 0, 2, random.Random(5))))
    port = free_port()
    cfg = write_config(tmp_path, {"a": feed_server.url("/a.xml")}, interval="1h",
                       extra=f"http: {{port: {port}, stale_after: 60s}}")  # a loaded machine
    other = _second_config(tmp_path, cfg, "y", **{"monitor.db": "y.db",
                                                   "alerts.jsonl": "y-alerts.jsonl"})
    x = Daemon(cfg, tmp_path)
    x.wait_for(lambda: x.count("http_endpoint") >= 1, what="daemon X serving")

    def health(config):
        res = CliRunner().invoke(cli, ["health", "--config", str(config), "--timeout", "10"])
        return res.exit_code, res.output

    code, out = health(cfg)
    assert code == 0, out
    code, out = health(other)
    assert code == 1, out
    assert f"pid {x.proc.pid}" in out and str(cfg) in out and str(other) in out
    y = Daemon(other, tmp_path, name="y")
    y.wait_for(lambda: y.count("http_endpoint_unavailable") >= 1, what="port conflict")
    (event,) = [e for e in y.events() if e["event"] == "http_endpoint_unavailable"]
    assert f"pid {x.proc.pid}" in event["error"] and str(cfg) in event["error"], event
    assert health(other)[0] == 1
    assert y.stop() == 0 and x.stop() == 0
