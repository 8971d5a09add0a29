"""Grouping alone: the cost of checking a new alert against the story window, with 100 and with
10,000 alerts of its entity in the window (it should not grow: the store looks candidates up in
its band index instead of comparing every alert of the entity).

    .venv/bin/python bench/groupbench.py [--sizes 100,10000] [--checks 100]   # one JSON line

For each size, a fresh SQLite database (on disk, in a temporary folder) gets that many alerts
about one entity (distinct generated news-like stories over 20 feeds, all within the window),
then ``--checks`` new alerts are recorded one poll each, timed: half are new stories, half are
copies of a stored story under another headline in another feed (which must be found). Prints
the median milliseconds per check for each size and their ratio. ``BENCH_REPO=/path`` runs the
same measurement against another checkout (for example main before the index).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

REPO = Path(os.environ.get("BENCH_REPO") or Path(__file__).resolve().parent.parent)
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from monitor.store import open_store  # noqa: E402
from monitor.types import MatchedItem  # noqa: E402

from builders import T0, intent, item, result  # noqa: E402

WINDOW = 72 * 3600.0
FEEDS = [f"feed{n:02d}" for n in range(20)]


class _Feed:
    def __init__(self, feed_id: str) -> None:
        self.id, self.url, self.name, self.interval = feed_id, f"http://127.0.0.1:9/{feed_id}", \
            feed_id, 60.0


def _story(rng: random.Random, vocab: list[str]) -> tuple[str, str]:
    words = lambda n: " ".join(rng.choice(vocab) for _ in range(n))  # noqa: E731
    title = f"Maduro {words(7)}"
    summary = (f"President Nicolás Maduro said on {words(3)} that {words(18)}. "
               f"Officials in Caracas {words(16)}. {words(14)}.")
    return title, summary


def measure(size: int, checks: int, seed: int = 1) -> dict[str, float]:
    rng = random.Random(seed)
    vocab = [f"{rng.choice('bcdfgklmnprstv')}{rng.choice('aeiou')}"
             f"{rng.choice('bcdfgklmnprstv')}{rng.choice('aeiou')}{n}" for n in range(5000)]
    match = result("nicolas-maduro")
    with tempfile.TemporaryDirectory(prefix="groupbench-") as tmp:
        store = open_store(Path(tmp) / "m.db")
        store.sync_feeds([_Feed(f) for f in FEEDS], T0)
        start = T0 - timedelta(hours=24)
        for feed in FEEDS:  # every feed has a history of items (no alerts) in both sizes
            items = [item(feed, guid=f"{feed}-h{n}", title=_story(rng, vocab)[0],
                          summary=_story(rng, vocab)[1]) for n in range(20)]
            store.record_poll(intent(feed, items, [], at=start - timedelta(hours=1)), window=0)
        stories = []
        batch = 250
        for b in range(0, size, batch):  # stored without grouping checks: only filling
            items = []
            for n in range(b, min(size, b + batch)):
                title, summary = _story(rng, vocab)
                stories.append(summary)
                items.append(item(FEEDS[n % len(FEEDS)], guid=f"s{n}", title=title,
                                  summary=summary, link=f"https://news.example/s{n}"))
            for feed in FEEDS:
                mine = [i for i in items if i.feed_id == feed]
                at = start + timedelta(seconds=b + FEEDS.index(feed))
                store.record_poll(intent(feed, mine, [MatchedItem(i, match) for i in mine],
                                         at=at), window=0)
        times: dict[str, list[float]] = {"new": [], "copy": []}
        found = 0
        # each story copied at most once (a second copy in one feed is that feed's repeat)
        picks = rng.sample(range(len(stories)), min(len(stories), checks // 2 + 1))
        for n in range(checks):
            kind = "copy" if n % 2 else "new"
            feed = FEEDS[(n * 7 + 3) % len(FEEDS)]
            if kind == "copy":
                k = picks.pop() if picks else rng.randrange(len(stories))
                title, summary = f"Another headline over story {k}", stories[k]
                if FEEDS[k % len(FEEDS)] == feed:
                    feed = FEEDS[(k + 1) % len(FEEDS)]
            else:
                title, summary = _story(rng, vocab)
            it = item(feed, guid=f"c{n}", title=title, summary=summary,
                      link=f"https://{feed}.example/c{n}")
            poll = intent(feed, [it], [MatchedItem(it, match)],
                          at=T0 + timedelta(seconds=n))
            t = time.perf_counter()
            created = store.record_poll(poll, window=WINDOW)
            times[kind].append(time.perf_counter() - t)
            found += kind == "copy" and not created
        store.close()
    return {"new_ms": statistics.median(times["new"]) * 1000,
            "copy_ms": statistics.median(times["copy"]) * 1000,
            "copies_found": found / (checks // 2)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,10000")
    ap.add_argument("--checks", type=int, default=100)
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    out: dict[str, float] = {}
    for size in sizes:
        for k, v in measure(size, a.checks).items():
            out[f"{k}@{size}"] = round(v, 3)
    lo, hi = sizes[0], sizes[-1]
    out["ratio_new"] = round(out[f"new_ms@{hi}"] / out[f"new_ms@{lo}"], 2)
    out["ratio_copy"] = round(out[f"copy_ms@{hi}"] / out[f"copy_ms@{lo}"], 2)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
