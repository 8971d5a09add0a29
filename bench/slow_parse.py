"""`monitor` with a fixed parse cost per feed, for bench/replicas.py's scaling run.

    python bench/slow_parse.py run --config X --replica r1     # MONITOR_BENCH_PARSE_MS=40

Each parse first sleeps MONITOR_BENCH_PARSE_MS milliseconds in the calling process (with
``parse_workers: 0``, the daemon's own event loop): the cost occupies the replica, as a heavy
parse would on a machine with a core per replica, without using the two shared cores. The
benchmark's only change to the program; never used by the tests or in production.
"""

from __future__ import annotations

import os
import sys
import time

from monitor import pipeline
from monitor.cli import main

COST = int(os.environ.get("MONITOR_BENCH_PARSE_MS", "0")) / 1000
_parse = pipeline.parse


def slow_parse(*args, **kwargs):  # type: ignore[no-untyped-def]
    time.sleep(COST)
    return _parse(*args, **kwargs)


pipeline.parse = slow_parse  # type: ignore[assignment]

if __name__ == "__main__":
    sys.exit(main())
