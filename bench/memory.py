"""The memory target alone: peak summed RSS of the process tree on a first poll of the
real-shaped corpus (issue 10: <= 1.5x reader's at N=2,000), without the rest of `make bench`.

    .venv/bin/python bench/memory.py                  # monitor, N=2000, one run
    PEERS=reader REPS=3 .venv/bin/python bench/memory.py
    PARSE_WORKERS=0 N=500 .venv/bin/python bench/memory.py

Environment (defaults in brackets): N [2000] feeds, M [30] items per feed, SEED [42], REPS [1],
PEERS [none; reader: also run reader 3.26 in the same conditions], PORT [18497],
PARSE_WORKERS [the project's default], TIMELINE [0; 1: print the summed RSS every second],
WRAP [none; a Python script run instead of `-m monitor`, given the same arguments, for
experiments: it sets something up, then calls ``monitor.cli.main()``].

The corpus, server, config and measurement are `make bench`'s (bench/run.py, bench/measure.py);
this adds, per run, which process held what at the peak (the daemon, each parser worker) and
each process's own peak, read from /proc/PID/smaps_rollup every 50 ms.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import measure  # noqa: E402
import monitor_adapter  # noqa: E402
import run  # noqa: E402


class _Timeline(threading.Thread):
    """Samples the tree of ``pid``: summed RSS, and each process's RSS at the summed peak."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak = 0
        self.at_peak: dict[int, int] = {}
        self.own_peak: dict[int, int] = {}
        self.names: dict[int, str] = {}
        self.seconds: list[tuple[float, int]] = []
        self.done = threading.Event()

    def run(self) -> None:
        t0 = time.monotonic()
        next_second = 0.0
        while not self.done.is_set():
            sizes = {}
            for p, _ in measure._tree(self.pid):
                sizes[p] = measure._rss_pss(p)[0]
                if p not in self.names:
                    try:
                        cmd = Path(f"/proc/{p}/cmdline").read_bytes().split(b"\0")
                        self.names[p] = "worker" if b"monitor.worker" in b" ".join(cmd) \
                            else "daemon" if p == self.pid else cmd[0].decode()[-20:]
                    except OSError:
                        pass
                self.own_peak[p] = max(self.own_peak.get(p, 0), sizes[p])
            total = sum(sizes.values())
            if total > self.peak:
                self.peak, self.at_peak = total, sizes
            now = time.monotonic() - t0
            if now >= next_second:
                self.seconds.append((now, total))
                next_second += 1.0
            self.done.wait(self.interval)


def measure_tree(argv: list[str], env: dict[str, str] | None, cwd: Path) -> tuple[_Timeline, float,
                                                                                  int, str]:
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                         cwd=str(cwd))
    tl = _Timeline(p.pid)
    tl.start()
    out = p.stdout.read().decode("utf-8", "replace") if p.stdout else ""
    rc = p.wait()
    tl.done.set()
    tl.join()
    return tl, time.perf_counter() - t0, rc, out


def main() -> int:
    n, m, seed = run.env_int("N", 2000), run.env_int("M", 30), run.env_int("SEED", 42)
    reps, port = run.env_int("REPS", 1), run.env_int("PORT", 18497)
    peers = [p for p in os.environ.get("PEERS", "").split(",") if p]
    subprocess.run([run.MONITOR_PY, "-m", "compileall", "-q", str(run.REPO / "monitor")],
                   check=True)
    run.install_peers(peers)
    root = run.make_corpus(n, m, seed, "real")
    urls = [f"http://127.0.0.1:{port}/{p}" for p in
            (root / "gen0" / "feeds.txt").read_text().split()]
    urls_file = root / f"urls-{port}.txt"
    urls_file.write_text("\n".join(urls) + "\n")
    print(f"# first poll, real-shaped N={n} M={m} seed {seed}; load average "
          f"{os.getloadavg()[0]:.2f} at the start")
    MB = 2**20
    with run.Server(root, port):
        for rep in range(reps):
            for peer in ["monitor", *peers]:
                state = root / "state" / f"mem-{peer}-{port}"
                shutil.rmtree(state, ignore_errors=True)
                state.mkdir(parents=True)
                if peer == "monitor":
                    monitor_adapter.write_config(state, urls)
                    argv = monitor_adapter.argv(run.MONITOR_PY, state / "monitor.yaml")
                    if os.environ.get("WRAP"):  # a script that sets something up, then runs
                        argv[1:3] = [os.environ["WRAP"]]  # the monitor's CLI with the rest
                    env = monitor_adapter.env()
                else:
                    py = str(run.PEER_VENVS / peer / "bin" / "python")
                    common = ["--state", str(state), "--urls", str(urls_file), "--corpus",
                              str(root / "live"), "--workers", "4"]
                    subprocess.run([py, str(run.KIT / "peer_runner.py"), peer, "setup",
                                    *common], check=True, capture_output=True)
                    argv = [py, str(run.KIT / "peer_runner.py"), peer, "poll", *common]
                    env = None
                tl, wall, rc, out = measure_tree(argv, env, state)
                parts = ", ".join(
                    f"{tl.names.get(p, p)} {v / MB:.1f}" for p, v in
                    sorted(tl.at_peak.items(), key=lambda kv: -kv[1]))
                own = ", ".join(f"{tl.names.get(p, p)} {v / MB:.1f}" for p, v in
                                sorted(tl.own_peak.items(), key=lambda kv: -kv[1]))
                print(f"{peer:<8} rep {rep + 1}: peak summed RSS {tl.peak / MB:.1f} MB "
                      f"({parts}); own peaks: {own}; wall {wall:.2f} s; rc {rc}"
                      + (f"\n{out[-1500:]}" if rc else ""))
                if peer == "monitor":
                    print("  " + out.strip().splitlines()[0] if out.strip() else "")
                if os.environ.get("TIMELINE") == "1":
                    print("  RSS by second: " + " ".join(f"{v / MB:.0f}" for _, v in
                                                         tl.seconds))
    print(f"# load average {os.getloadavg()[0]:.2f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
