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
"""

from __future__ import annotations

import os
import sys
import time

import monitor.parse
from monitor import pipeline
from monitor.cli import main

COST = int(os.environ.get("MONITOR_BENCH_PARSE_MS", "0")) / 1000
_parse = monitor.parse.parse


def slow_parse(*args, **kwargs):  # type: ignore[no-untyped-def]
    time.sleep(COST)
    return _parse(*args, **kwargs)


# the worker's parse_in_worker calls the module's parse (workers fork after this runs);
# the pipeline's own name serves parse_workers: 0
monitor.parse.parse = slow_parse  # type: ignore[assignment]
pipeline.parse = slow_parse  # type: ignore[assignment]

if __name__ == "__main__":
    sys.exit(main())
