"""Parser workers: forked at start, replaced when one dies, gone when the daemon is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from concurrent.futures.process import BrokenProcessPool

import pytest

from monitor.workers import ParsePool

CHILD = textwrap.dedent("""
    import os, sys, time
    from monitor.daemon import make_executor
    from monitor.runtime import load_runtime

    executor = make_executor(load_runtime(sys.argv[1]).config)
    if sys.argv[2] == "fork":
        executor.start()
    pids = set(executor.submit(os.getpid).result() for _ in range(20))
    print(" ".join(map(str, sorted(pids))), flush=True)
    time.sleep(120)
""")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as fh:  # a zombie is as good as gone
        return fh.read().rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.parametrize("start", ["fork", "forkserver"])
def test_workers_exit_when_the_daemon_is_killed(tmp_path, start):
    """SIGKILL the daemon process: its parser workers are gone within a few seconds, whether
    they were forked at start or came from a forkserver (a restart)."""
    from daemon_helpers import write_config

    cfg = write_config(tmp_path, {"a": "https://example.com/a.xml"})
    cfg.write_text(cfg.read_text().replace("parse_workers: 0", "parse_workers: 2"))
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(cfg), start],
                            stdout=subprocess.PIPE, text=True)
    try:
        pids = [int(p) for p in proc.stdout.readline().split()]
        assert pids and all(_alive(p) for p in pids)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        deadline = time.monotonic() + 10
        while any(_alive(p) for p in pids) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(p) for p in pids), f"workers {pids} outlived the daemon"
    finally:
        proc.kill()
        proc.wait(10)


def test_a_dead_worker_is_replaced_and_the_pool_keeps_working():
    """A worker killed mid-task (the OOM killer, a crash) fails that task only; the next task
    runs on a new worker instead of every later parse failing with a broken pool."""
    pool = ParsePool(1).start()
    try:
        first = pool.submit(os.getpid).result(timeout=30)
        with pytest.raises(BrokenProcessPool):
            pool.submit(os._exit, 1).result(timeout=30)
        second = pool.submit(os.getpid).result(timeout=60)
        assert second != first and pool.restarts == 1
        assert pool.submit(sum, [1, 2, 3]).result(timeout=30) == 6
    finally:
        pool.shutdown()


def test_workers_ignore_ctrl_c():
    """SIGINT (Ctrl-C reaches the whole process group) is the daemon's to handle, not theirs."""
    pool = ParsePool(1).start()
    try:
        assert pool.submit(signal.getsignal, signal.SIGINT).result(timeout=30) == signal.SIG_IGN
    finally:
        pool.shutdown()
