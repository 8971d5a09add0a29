"""Parser workers die with the daemon, even when it is killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

CHILD = textwrap.dedent("""
    import os, sys, time
    from monitor.daemon import make_executor
    from monitor.runtime import load_runtime

    executor = make_executor(load_runtime(sys.argv[1]).config)
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


def test_workers_exit_when_the_daemon_is_killed(tmp_path):
    """SIGKILL the daemon process: its parser workers are gone within a few seconds."""
    from daemon_helpers import write_config

    cfg = write_config(tmp_path, {"a": "https://example.com/a.xml"})
    cfg.write_text(cfg.read_text().replace("parse_workers: 1", "parse_workers: 2"))
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(cfg)], stdout=subprocess.PIPE,
                            text=True)
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
