"""Run one command and measure its whole process tree: wall, CPU and peak memory.

- wall: time from start to exit (``time.perf_counter``);
- CPU: user + system of the whole tree. ``os.wait4`` on the child includes every descendant the
  tree waited for (RUSAGE_CHILDREN semantics), but not one it left behind: multiprocessing's
  forkserver outlives the main process and is never waited for, so its workers' CPU would be
  lost. The sampler therefore also reads each descendant's own utime+stime from /proc/PID/stat
  and keeps the last value seen per process; CPU is the larger of wait4's figure and the sum of
  the sampled times (which misses at most the last ``interval`` of each process);
- memory: a thread samples /proc every ``interval`` seconds and sums the resident set size (and
  the proportional set size, which splits shared pages between the processes sharing them) of
  the child and all its descendants; the peak of each sum is reported. ``maxrss`` is wait4's,
  the largest single process.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from typing import IO

PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Measure:
    wall_s: float
    cpu_s: float
    tree_rss_mb: float  # peak of the summed RSS of the process tree
    tree_pss_mb: float  # peak of the summed PSS of the process tree
    maxrss_mb: float  # wait4: the largest single process
    rc: int
    stdout: str
    stderr: str
    main_cpu_s: float = 0.0  # the command's own process (sampled); the rest of cpu_s: its workers


TICK = os.sysconf("SC_CLK_TCK")


def _tree(root: int) -> list[tuple[int, float]]:
    """``root`` and its descendants with their own CPU seconds, from /proc/*/stat."""
    children: dict[int, list[int]] = {}
    cpu: dict[int, float] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", "rb") as fh:
                f = fh.read().rsplit(b")", 1)[1].split()
            ppid = int(f[1])
            cpu[int(d)] = (int(f[11]) + int(f[12])) / TICK
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(d))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append((pid, cpu.get(pid, 0.0)))
        todo.extend(children.get(pid, ()))
    return out


def _rss_pss(pid: int) -> tuple[int, int]:
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Rss:"):
                    rss = int(line.split()[1]) * 1024
                elif line.startswith(b"Pss:"):
                    pss = int(line.split()[1]) * 1024
                    break
    except (OSError, ValueError):
        try:
            with open(f"/proc/{pid}/statm", "rb") as fh:
                rss = pss = int(fh.read().split()[1]) * PAGE
        except (OSError, ValueError):
            pass
    return rss, pss


class _Sampler(threading.Thread):
    def __init__(self, pid: int, interval: float) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_rss = self.peak_pss = 0
        self.cpu: dict[int, float] = {}  # own CPU seconds of each process, last seen
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            rss = pss = 0
            for p, cpu in _tree(self.pid):
                self.cpu[p] = max(cpu, self.cpu.get(p, 0.0))
                r, s = _rss_pss(p)
                rss += r
                pss += s
            self.peak_rss = max(self.peak_rss, rss)
            self.peak_pss = max(self.peak_pss, pss)
            self.done.wait(self.interval)


def run(argv: list[str], *, env: dict[str, str] | None = None, cwd: str | None = None,
        interval: float = 0.05) -> Measure:
    """Run ``argv`` to completion; its output is captured, not shown."""
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd)
    sampler = _Sampler(p.pid, interval)
    sampler.start()
    bufs: dict[str, bytes] = {}

    def read(name: str, stream: IO[bytes]) -> None:
        bufs[name] = stream.read()

    readers = [threading.Thread(target=read, args=(n, s)) for n, s in
               (("out", p.stdout), ("err", p.stderr))]
    for t in readers:
        t.start()
    for t in readers:
        t.join()
    # wait4 ourselves (not p.wait) to get the rusage of the tree
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    sampler.done.set()
    sampler.join()
    return Measure(
        wall_s=wall,
        cpu_s=max(ru.ru_utime + ru.ru_stime, sum(sampler.cpu.values())),
        tree_rss_mb=sampler.peak_rss / 2**20,
        tree_pss_mb=sampler.peak_pss / 2**20,
        maxrss_mb=ru.ru_maxrss / 1024,
        rc=p.returncode,
        stdout=bufs["out"].decode("utf-8", "replace"),
        stderr=bufs["err"].decode("utf-8", "replace"),
        main_cpu_s=sampler.cpu.get(p.pid, 0.0),
    )
