"""The parser worker's CPU alone, over a benchmark corpus and its +3 items generation.

    python bench/parsecpu.py GEN0 GEN1          # dirs made by gen_real_corpus.py / gen_corpus.py
    BY_REASON=1 python bench/parsecpu.py GEN0 GEN1   # and the CPU of each phase by why a
                                                     # document left the fast route
    PYTHONPATH=/path/to/other/checkout python bench/parsecpu.py GEN0 GEN1   # another version

GEN1 is a copy of GEN0 advanced with ``--advance 3``. For every feed, ``monitor.parse.parse``
runs as a parser worker runs it (the body as nginx serves a .xml file, no store): the first
poll with nothing known, then GEN1's body with the keys and entry digests the first poll
returned. Prints the CPU seconds of each phase (``time.process_time``: this process only) and
digests of what a user sees (every Item's fields, keys, warnings, ttl; the +3 items phase
without the entries that are only read again), so two versions can be compared on the same
files. Interleave runs of the versions: on a shared machine single runs vary by 15% or more.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import time
from collections import Counter
from pathlib import Path

import structlog

# with BY_REASON, each document's "fast_path_declined" debug line (its reason) is kept, not
# printed: the documents' CPU is summed by reason
DECLINED: dict[str, str] = {}


def _keep_reason(_logger: object, _name: str, event: dict[str, object]) -> dict[str, object]:
    if event.get("event") == "fast_path_declined":
        DECLINED[str(event.get("url"))] = str(event.get("reason"))
    raise structlog.DropEvent


if os.environ.get("BY_REASON"):
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.DEBUG),
                        processors=[_keep_reason])
else:
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.INFO))

from monitor.parse import parse  # noqa: E402
from monitor.types import Parsed  # noqa: E402

HEADERS = {"content-type": "application/octet-stream"}  # nginx's default type for .xml
URL = "http://127.0.0.1:18490/feeds/"


def _seen(parsed: list[Parsed], skip: list[dict[str, str | None]] | None = None) -> str:
    h = hashlib.sha256()
    for n, p in enumerate(parsed):
        old = skip[n] if skip else {}
        h.update(repr(([(i.key, i.guid, i.link, i.title, i.summary, i.content, i.published,
                         i.content_hash, i.story_hash) for i in p.items if i.key not in old],
                       p.keys, p.warning, p.ttl_minutes)).encode())
    return h.hexdigest()[:12]


def main(gen0: Path, gen1: Path) -> None:
    names = sorted(p.name for p in (gen0 / "feeds").iterdir())
    first_bodies = [(gen0 / "feeds" / n).read_bytes() for n in names]
    next_bodies = [(gen1 / "feeds" / n).read_bytes() for n in names]
    reasons: list[Counter[str]] = [Counter(), Counter()]
    counts: list[Counter[str]] = [Counter(), Counter()]

    def timed(phase: int, name: str, body: bytes, known: dict[str, str | None]) -> Parsed:
        t = time.process_time()
        DECLINED.pop(URL + name, None)
        parsed = parse(name, URL + name, body, HEADERS, known)
        why = DECLINED.get(URL + name, "the fast route")
        reasons[phase][why] += time.process_time() - t
        counts[phase][why] += 1
        return parsed

    t = time.process_time()
    first = [timed(0, n, b, {}) for n, b in zip(names, first_bodies, strict=True)]
    first_cpu = time.process_time() - t
    known = [{i.key: i.entry_hash for i in p.items} for p in first]
    t = time.process_time()
    after = [timed(1, n, b, k) for n, b, k in zip(names, next_bodies, known, strict=True)]
    next_cpu = time.process_time() - t
    print(f"{len(names)} feeds; first poll {first_cpu:.2f} s CPU, "
          f"{sum(p.fast for p in first)} on the fast path, output {_seen(first)}; "
          f"+3 items {next_cpu:.2f} s CPU, output {_seen(after, known)}")
    if os.environ.get("BY_REASON"):
        for phase, label in ((0, "first poll"), (1, "+3 items")):
            print(f"\n{label}: CPU s, documents, why they left the fast route")
            for why, cpu in reasons[phase].most_common():
                print(f"{cpu:7.2f} {counts[phase][why]:5d}  {why}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
