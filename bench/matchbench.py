"""Matching alone, on one core: items per second for the seed watchlist and a 50,000-alias one.

    .venv/bin/python bench/matchbench.py [--corpus DIR]      # prints one JSON line
    .venv/bin/python bench/matchbench.py --baseline OLD_SEEDS_DIR   # seed watchlist vs another
    .venv/bin/python bench/matchbench.py --load       # CPU to read, check and compile the seed

``--baseline`` compares the seed watchlist with another version of it (a directory of watchlist
files, e.g. ``git show main~5:seeds/cartel-de-los-soles.yaml`` saved in one) in one process on
one core: short runs of each alternate and each keeps its best CPU-time rate, so load that comes
and goes on a shared machine hits both alike; wall-clock figures there say little.

``--load`` prints the CPU seconds (best of 3, one core) of ``load_watchlists`` and of
``Matcher.compile`` on the seed watchlist: what a start without a watchlist cache pays before
its first match (every cold benchmark poll: each run has a new state folder).

Reuses tests/eval_match.py's benchmark (news-like title + summary items, the seed watchlist, a
generated 50,000-alias watchlist) and adds the items of a generated corpus (title, summary and
full text, as the pipeline hands them to the matcher) when ``--corpus`` is given.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

import eval_match  # noqa: E402

from monitor.match import Matcher  # noqa: E402
from monitor.watchlist import load_watchlists  # noqa: E402


def corpus_items(corpus: Path, feeds: int = 60) -> list[dict[str, str]]:
    from monitor.parse import parse

    paths = [corpus / p for p in (corpus / "feeds.txt").read_text().split()[:feeds]]
    out = []
    for p in paths:
        out += [i.fields() for i in parse("f", p.as_uri(), p.read_bytes(), {}).items]
    return out


def cpu_rates(matchers: dict[str, Matcher], items: list[dict[str, str]], rounds: int = 30,
              seconds: float = 0.25) -> dict[str, float]:
    """Best items/s of CPU time for each matcher, over ``rounds`` alternating short runs."""
    best = dict.fromkeys(matchers, 0.0)
    for _ in range(rounds):
        for name, matcher in matchers.items():
            start, done = time.process_time(), 0
            while time.process_time() - start < seconds:
                for item in items:
                    matcher.match(item)
                done += len(items)
            best[name] = max(best[name], done / (time.process_time() - start))
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--baseline", type=Path, metavar="DIR",
                    help="another version of the seed watchlist to compare with (CPU time)")
    ap.add_argument("--load", action="store_true",
                    help="CPU to read, check and compile the seed watchlist (best of 3)")
    a = ap.parse_args()
    with contextlib.suppress(AttributeError, OSError):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    out: dict[str, float] = {}
    if a.load:
        load = compile_ = float("inf")
        for _ in range(3):
            started = time.process_time()
            watchlist = load_watchlists([REPO / "seeds"])
            loaded = time.process_time()
            Matcher.compile(watchlist)
            load = min(load, loaded - started)
            compile_ = min(compile_, time.process_time() - loaded)
        print(json.dumps({"load_cpu_s": round(load, 3), "compile_cpu_s": round(compile_, 3),
                          "seed_bytes": sum(p.stat().st_size for p in (REPO / "seeds").glob(
                              "*.yaml"))}))
        return 0
    if a.baseline:
        rates = cpu_rates({
            "seed": Matcher.compile(load_watchlists([REPO / "seeds"])),
            "baseline": Matcher.compile(load_watchlists([a.baseline])),
        }, eval_match.typical_items(2000))
        out = {"seed_cpu_items_per_s": rates["seed"], "baseline_cpu_items_per_s":
               rates["baseline"], "ratio": rates["seed"] / rates["baseline"]}
        print(json.dumps(out))
        return 0
    with contextlib.redirect_stdout(io.StringIO()):
        out.update(eval_match.bench())
    if a.corpus:
        seed = Matcher.compile(load_watchlists([REPO / "seeds"]))
        items = corpus_items(a.corpus)
        out["corpus_items"] = len(items)
        out["corpus_items_per_s"] = eval_match.throughput(seed, items)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
