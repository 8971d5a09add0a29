"""The alert log's life under a running daemon: rotation, and a full disk."""

from __future__ import annotations

import json
import random
import resource
import shutil
import signal
import subprocess

import pytest

from daemon_helpers import Daemon, write_config
from feedgen import make_items, rss


def all_alerts(tmp_path):
    """Alert lines from the log and every rotated copy of it."""
    out = []
    for path in sorted(tmp_path.glob("alerts.jsonl*")):
        if path.suffix == ".lock":
            continue
        out += [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    return out


def grow(feed_server, fid, items, rng, n=3):
    items += make_items(fid, len(items), n, rng, mention_rate=1.0)
    feed_server.set(f"/{fid}.xml", rss(fid, items))
    return {(i.guid, i.entity) for i in items if i.entity}


def logrotate(tmp_path, mode):
    """Rotate with Debian's logrotate if installed, else do the same file operations."""
    log = tmp_path / "alerts.jsonl"
    n = len(list(tmp_path.glob("alerts.jsonl.*")))
    if shutil.which("logrotate"):
        conf = tmp_path / f"logrotate-{mode}.conf"
        conf.write_text(f"{log} {{\n  rotate 10\n  {mode}\n  missingok\n  nocompress\n}}\n")
        state = tmp_path / "logrotate.state"
        subprocess.run(["logrotate", "-f", "-s", str(state), str(conf)], check=True, timeout=30)
    elif mode == "create":
        log.rename(tmp_path / f"alerts.jsonl.manual{n}")
        log.touch()
    else:
        shutil.copyfile(log, tmp_path / f"alerts.jsonl.manual{n}")
        with log.open("r+b") as fh:
            fh.truncate(0)


@pytest.mark.parametrize("mode", ["create", "copytruncate"])
def test_rotation_loses_and_repeats_nothing(tmp_path, feed_server, mode):
    """logrotate (rename+create, or copytruncate) while alerts flow: each alert once."""
    rng = random.Random(11)
    items: list = []
    expected = grow(feed_server, "a", items, rng, n=4)
    cfg = write_config(tmp_path, {"a": feed_server.url("/a.xml")})
    d = Daemon(cfg, tmp_path)
    for _ in range(3):
        d.wait_for(lambda e=expected: len(all_alerts(tmp_path)) >= len(e), what="alerts")
        logrotate(tmp_path, mode)
        expected = grow(feed_server, "a", items, rng)
    d.wait_for(lambda: len(all_alerts(tmp_path)) >= len(expected), what="last alerts")
    assert d.stop() == 0
    got = [(x["item_key"], x["entities"][0]["id"]) for x in all_alerts(tmp_path)]
    assert sorted(got) == sorted(expected)
    assert len(list(tmp_path.glob("alerts.jsonl.*"))) >= 3
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("alerts.jsonl*")
                   if p.suffix != ".lock")
    assert b"\0" not in raw  # copytruncate must not leave a hole before new lines


def test_full_disk_keeps_alerts_pending_and_the_daemon_running(tmp_path, feed_server):
    """With the alert log unable to grow (file-size limit), the daemon logs a clear error, keeps
    polling, and writes every pending alert once space is back."""
    rng = random.Random(12)
    items: list = []
    expected = grow(feed_server, "a", items, rng, n=5)
    cfg = write_config(tmp_path, {"a": feed_server.url("/a.xml")})
    limit = 16 * 1024 * 1024
    log = tmp_path / "alerts.jsonl"
    with log.open("wb") as fh:  # an old log already at the limit
        line = b'{"note": "older alert log content"}\n'
        fh.write(line * (limit // len(line)))
        fh.write(b"\n" * (limit - fh.tell()))
    size = log.stat().st_size

    def limited():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    d = Daemon(cfg, tmp_path, preexec_fn=limited)
    d.wait_for(lambda: d.count("alert_log_unwritable") >= 1, what="a clear error")
    err = next(e for e in d.events() if e["event"] == "alert_log_unwritable")
    assert "cannot write alert log" in err["error"] and "too large" in err["error"].lower()
    polls = d.count("polled")
    d.wait_for(lambda: d.count("polled") >= polls + 2, what="polling goes on")
    assert log.stat().st_size == size  # no partial line was left behind
    resource.prlimit(d.proc.pid, resource.RLIMIT_FSIZE,
                     (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    d.wait_for(lambda: len(alert_lines_after(log, size)) >= len(expected), what="alerts")
    assert d.stop() == 0
    got = [(x["item_key"], x["entities"][0]["id"]) for x in alert_lines_after(log, size)]
    assert sorted(got) == sorted(expected)


def alert_lines_after(path, offset):
    with path.open("rb") as fh:
        fh.seek(offset)
        return [json.loads(x) for x in fh.read().decode().splitlines() if x.strip()]



def test_full_disk_for_the_database_pauses_and_resumes(tmp_path, feed_server):
    """When the database cannot grow, polls fail with a clear storage error and nothing is
    half-written; the daemon keeps running, and once space is back the missed alerts come."""
    rng = random.Random(13)
    items: list = []
    expected = grow(feed_server, "a", items, rng, n=2)
    cfg = write_config(tmp_path, {"a": feed_server.url("/a.xml")})
    d = Daemon(cfg, tmp_path)
    log = tmp_path / "alerts.jsonl"
    d.wait_for(lambda: len(all_alerts(tmp_path)) >= len(expected), what="first alerts")
    # the disk fills up: no file of the daemon may grow past its current size
    wal = tmp_path / "monitor.db-wal"
    limit = max(wal.stat().st_size if wal.exists() else 0, (tmp_path / "monitor.db").stat().st_size)
    resource.prlimit(d.proc.pid, resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    # big enough to need more pages than the -wal file had (the log is copied into the database
    # file in the background, then written again from its start: its old pages are reused)
    expected = grow(feed_server, "a", items, rng, n=300)
    d.wait_for(lambda: d.count("storage_unavailable") >= 1, what="a storage error")
    err = next(e for e in d.events() if e["event"] == "storage_unavailable")
    # SQLite: "disk I/O error", on claiming the feed (a write) or on recording its poll
    assert err["error"].startswith(("cannot record poll of a: disk",
                                    "cannot claim due feeds: disk")), err
    assert d.proc.poll() is None
    resource.prlimit(d.proc.pid, resource.RLIMIT_FSIZE,
                     (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    d.wait_for(lambda: len(all_alerts(tmp_path)) >= len(expected), what="alerts after space")
    assert d.stop() == 0
    got = [(x["item_key"], x["entities"][0]["id"]) for x in all_alerts(tmp_path)]
    assert sorted(got) == sorted(expected)
    assert log.exists()
