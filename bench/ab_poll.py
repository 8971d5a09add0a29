"""Two versions of the monitor on one `poll-once` phase, in interleaved pairs on the same
loaded machine: the +3 items poll by default.

    python bench/ab_poll.py ROOT REPS old=/path/to/checkout new=/path/to/other
    PHASE=same python bench/ab_poll.py ROOT 8 old=DIR new=DIR     # nothing changed (304s)
    PHASE=first python bench/ab_poll.py ROOT 4 old=DIR new=DIR    # first poll, empty state

ROOT is a corpus folder as bench/run.py makes it (``gen0``, and ``gen1`` = gen0 + 3 items per
feed): /tmp/monitor-bench-real-N500-M30-S42, /tmp/monitor-bench-N500-M30. Each version is a
folder holding a ``monitor`` package, run with this checkout's venv and PYTHONPATH set to it
(``git archive REV | tar -x -C DIR``; byte-compile both, as bench/run.py does). The first
version makes one first poll on gen0 (kept in ROOT/ab-state/base, reused), copied for each
version with that version's compiled watchlist cache written in it; then for each
repetition each version (in turns, first one then the other) polls gen1 (or gen0 again with
PHASE=same; PHASE=first: gen0 from an empty folder, no first poll made) from a fresh copy of
that state, measured by bench/measure.py: wall, CPU of the
process tree, and the daemon's own CPU. Prints each run and the medians, and the median of the
pairs' differences. nginx serves ROOT/ab-state/live on PORT (default 18495). Wall times on a
shared machine vary by a factor of two: compare CPU, and the pairs.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import measure  # noqa: E402
import monitor_adapter  # noqa: E402

PY = str(HERE.parent / ".venv" / "bin" / "python")
KIT = Path(os.environ.get("MONITOR_SHARED", HERE.parent.parent / "shared")).resolve() / "bench"


def main(root: Path, reps: int, versions: list[tuple[str, str]]) -> None:
    port = int(os.environ.get("PORT", 18495))
    phase = os.environ.get("PHASE", "new")
    phase_gen = "gen1" if phase == "new" else "gen0"
    work = root / "ab-state"
    work.mkdir(exist_ok=True)
    live = work / "live"

    def flip(gen: str) -> None:
        tmp = work / ".live.tmp"
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(root / gen)
        os.replace(tmp, live)

    def env(path: str) -> dict[str, str]:
        return {**monitor_adapter.env(), "PYTHONPATH": path}

    names = (root / "gen0" / "feeds.txt").read_text().split()
    urls = [f"http://127.0.0.1:{port}/{p}" for p in names]
    flip("gen0")
    subprocess.run(["bash", str(KIT / "serve.sh"), "--stop", str(port)], capture_output=True)
    subprocess.run(["bash", str(KIT / "serve.sh"), str(live), str(port)], check=True,
                   capture_output=True)
    try:
        # every first-poll run starts from an empty folder, as bench/run.py's cold phase; it
        # is not the base the other phases reuse (which holds a first poll's state)
        base = work / ("empty" if phase == "first" else "base")
        if phase == "first":
            base.mkdir(exist_ok=True)
            (base / "done").write_text("ok\n")
        if not (base / "done").exists():
            shutil.rmtree(base, ignore_errors=True)
            cfg = monitor_adapter.write_config(base, urls)
            m = measure.run(monitor_adapter.argv(PY, cfg), env=env(versions[0][1]), cwd=str(base))
            if m.rc:
                raise SystemExit(f"the first poll failed: {m.stderr[-2000:]}")
            (base / "done").write_text("ok\n")
        # each version starts from its own copy of that state, with its own compiled
        # watchlist cache in it (`check-config` writes it), as a daemon that ran before has
        bases = {}
        for label, path in versions:
            bases[label] = work / f"base-{label}"
            shutil.rmtree(bases[label], ignore_errors=True)
            shutil.copytree(base, bases[label])
            cfg = monitor_adapter.write_config(bases[label], urls)
            if phase == "first":
                continue
            subprocess.run([PY, "-m", "monitor", "check-config", "--config", str(cfg)],
                           env=env(path), cwd=str(bases[label]), check=True,
                           capture_output=True)
        flip(phase_gen)
        runs: dict[str, list[measure.Measure]] = {label: [] for label, _ in versions}
        for rep in range(reps):
            for label, path in versions[rep % 2:] + versions[:rep % 2]:
                state = work / f"run-{label}"
                shutil.rmtree(state, ignore_errors=True)
                shutil.copytree(bases[label], state)
                cfg = monitor_adapter.write_config(state, urls)
                m = measure.run(monitor_adapter.argv(PY, cfg), env=env(path), cwd=str(state))
                runs[label].append(m)
                s = monitor_adapter.summary(m.stdout)
                print(f"rep {rep} {label:<6} wall {m.wall_s:6.2f} cpu {m.cpu_s:5.2f} daemon "
                      f"{m.main_cpu_s:5.2f} new {s.get('new_reported')} rc {m.rc} "
                      f"load {os.getloadavg()[0]:.1f}", flush=True)
        for label, ms in runs.items():
            print(f"{label:<6} median wall {statistics.median(m.wall_s for m in ms):.2f} s, "
                  f"tree CPU {statistics.median(m.cpu_s for m in ms):.2f} s, daemon CPU "
                  f"{statistics.median(m.main_cpu_s for m in ms):.2f} s")
        (a, ra), (b, rb) = runs.items()
        for what in ("wall_s", "cpu_s", "main_cpu_s"):
            d = [getattr(y, what) - getattr(x, what) for x, y in zip(ra, rb, strict=True)]
            print(f"{b} - {a}, {what}: median {statistics.median(d):+.2f} s, "
                  f"lower in {sum(x < 0 for x in d)} of {len(d)} pairs")
    finally:
        flip("gen0")
        subprocess.run(["bash", str(KIT / "serve.sh"), "--stop", str(port)], capture_output=True)


if __name__ == "__main__":
    if len(sys.argv) != 5 or not all("=" in a for a in sys.argv[3:]):
        sys.exit(__doc__)
    main(Path(sys.argv[1]), int(sys.argv[2]),
         [tuple(a.split("=", 1)) for a in sys.argv[3:]])  # type: ignore[misc]
