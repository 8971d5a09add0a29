"""Grouping never hides a story: a labelled set of item pairs (tests/data/story_pairs.json, from
hand-written stories, EN/ES/PT; tests/data/story_pairs_make.py says how they are assembled).

Each pair is replayed in a database of its own, whose feeds already published a few items with
their boilerplate: item A alerts, then item B (same entity) arrives ten minutes later. A copy
must be recorded as one more source of A's alert; a different story must get its own alert.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest

from monitor.store import open_store
from monitor.types import MatchedItem

from builders import T0, F, intent, item, result

DATA = Path(__file__).parent / "data" / "story_pairs.json"
WINDOW = 72 * 3600.0


def _item(post: dict):
    return item(post["feed"], guid=post["guid"], title=post["title"], summary=post["summary"],
                link=post["link"])


@pytest.fixture(scope="module")
def pairs_db(tmp_path_factory):
    """A database whose feeds each published their background items (no alerts)."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    path = tmp_path_factory.mktemp("pairs") / "template.db"
    s = open_store(path)
    s.sync_feeds([F(f, f"https://{f}.example/feed") for f in data["feeds"]], T0)
    for feed, posts in data["background"].items():
        s.record_poll(intent(feed, [_item(p) for p in posts], matched=[]), window=WINDOW)
    s.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    s.close()
    return data, path


def replay(template: Path, workdir: Path, pair: dict, window: float = WINDOW) -> bool:
    """True when B was merged into A's alert (B is a source of it and has no alert of its own)."""
    path = workdir / f"{pair['id']}.db"
    shutil.copyfile(template, path)
    s = open_store(path)
    try:
        a, b = _item(pair["a"]), _item(pair["b"])
        match = result(entity_id=pair["entity"])
        at = T0 + timedelta(hours=1)
        made_a = s.record_poll(intent(a.feed_id, [a], [MatchedItem(a, match)], at=at), window)
        assert len(made_a) == 1, pair["id"]
        made_b = s.record_poll(intent(b.feed_id, [b], [MatchedItem(b, match)],
                                      at=at + timedelta(minutes=10)), window)
        sources = {(x["feed_id"], x["item_key"]) for x in s.alert_sources(made_a[0].alert_id)}
        merged = (b.feed_id, b.key) in sources
        assert merged == (not made_b), pair["id"]  # merged into A's alert, or alerted itself
        return merged
    finally:
        s.close()
        path.unlink()


@pytest.fixture
def workdir(tmp_path):
    """Where each pair's database lives: memory-backed /dev/shm when there is one (hundreds of
    small databases; the fsyncs of a disk would make this test slow), else tmp_path."""
    shm = Path("/dev/shm")
    if not shm.is_dir():
        yield tmp_path
        return
    with tempfile.TemporaryDirectory(dir=shm, prefix="monitor-pairs-") as d:
        yield Path(d)


def test_labelled_pairs_no_story_hidden_and_copies_merged(pairs_db, workdir):
    """No two different stories merge (0 of the 'different' pairs); at least 95% of the copies
    (another headline, byline, dateline, tracking link, excerpt, background sentence) merge."""
    data, template = pairs_db
    pairs = data["pairs"]
    assert len(pairs) >= 200
    merged: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    missed = []
    for pair in pairs:
        ok = replay(template, workdir, pair)
        for key in [(pair["label"], "all"), (pair["label"], pair["lang"]),
                    (pair["label"], pair["kind"])]:
            total[key] += 1
            merged[key] += ok
        if ok != (pair["label"] == "copy"):
            missed.append(f"{pair['id']} {pair['label']} {pair['kind']}")
    for key in sorted(total):
        print(f"{key[0]:9} {key[1]:28} merged {merged[key]:3} of {total[key]:3}")
    print("wrong:", ", ".join(missed) or "none")
    for lang in ("en", "es", "pt"):
        assert total[("copy", lang)] >= 50 and total[("different", lang)] >= 50
    assert merged[("different", "all")] == 0, missed
    rate = merged[("copy", "all")] / total[("copy", "all")]
    print(f"copies merged: {rate:.3f}; different stories merged: 0 of "
          f"{total[('different', 'all')]}")
    assert rate >= 0.95, missed


def test_window_zero_turns_grouping_off(pairs_db, tmp_path):
    """With dedupe.window 0 even an exact copy (same link) alerts on its own."""
    data, template = pairs_db
    exact = [p for p in data["pairs"] if p["kind"] in ("utm-link", "same-feed-republished")][:8]
    assert len(exact) == 8
    assert all(replay(template, tmp_path, p) for p in exact)
    assert not any(replay(template, tmp_path, p, window=0) for p in exact)
