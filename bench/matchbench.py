"""Matching alone, on one core: items per second for the seed watchlist and a 50,000-alias one.

    .venv/bin/python bench/matchbench.py [--corpus DIR]      # prints one JSON line

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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path)
    a = ap.parse_args()
    with contextlib.suppress(AttributeError, OSError):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    out: dict[str, float] = {}
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
