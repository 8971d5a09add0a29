"""`monitor` with a fixed parse cost per feed, for bench/replicas.py's scaling run.

    python bench/slow_parse.py run --config X --replica r1     # MONITOR_BENCH_PARSE_MS=200

Each parse first waits MONITOR_BENCH_PARSE_MS milliseconds (``time.sleep``) where it runs: in
the replica's parser worker process (``parse_workers: 1``). The wait stands for a parse that
keeps the replica's own parse core busy for that long, on a machine of its own: it holds the
replica's one parser (one parse at a time per replica, as one core would) but uses none of the
two cores this machine shares between PostgreSQL, the feed server and all the replicas. The
event loop of the replica meanwhile fetches, matches and stores other feeds, as it would in
production with parse workers. The benchmark's only change to the program; never used by the
tests or in production.

Parser workers are fresh interpreters (monitor/workers.py): run as a script, this module adds
itself (by name, through PYTHONPATH) to what each worker imports, and importing it there puts
the wait in that worker's parse.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

import monitor.parse

COST = int(os.environ.get("MONITOR_BENCH_PARSE_MS", "0")) / 1000
_parse = monitor.parse.parse


def slow_parse(*args: Any, **kwargs: Any) -> Any:
    time.sleep(COST)
    return _parse(*args, **kwargs)


# parse_in_worker (in a worker) and the pipeline (parse_workers: 0) call the module's parse
monitor.parse.parse = slow_parse  # type: ignore[assignment]

if __name__ == "__main__":
    from monitor import workers
    from monitor.cli import main

    _start = workers._Worker.__init__

    def _start_slow(self: workers._Worker, preload: Any, log_format: str) -> None:
        _start(self, (*preload, "slow_parse"), log_format)

    workers._Worker.__init__ = _start_slow  # type: ignore[method-assign]
    here = str(Path(__file__).resolve().parent)
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (here, os.environ.get("PYTHONPATH")) if p)
    sys.exit(main())
