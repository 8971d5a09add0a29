"""Every file of the shared corpus (feedparser's test suite and real feeds) through parse_feed,
then normalise and match, as a poll would.

Parsing may reject a file (FeedParseError: an OPML list, a JSON feed, an empty file), but
no other exception may escape: that would be a poll crashing on a feed found in the wild.
"""

from __future__ import annotations

from collections import Counter

from monitor.exceptions import FeedParseError
from monitor.match import Matcher
from monitor.normalize import to_items
from monitor.parse import parse_feed
from monitor.watchlist import load_watchlists

from daemon_helpers import SEEDS

CONTENT_TYPE = {"content-type": "application/xml"}


def test_every_corpus_file_parses_or_is_rejected_cleanly(corpus_dir):
    """No corpus feed crashes a poll: each one parses, normalises and matches, or gives a
    FeedParseError."""
    files = sorted(p for part in ("feedparser-tests", "real")
                   for p in (corpus_dir / part).rglob("*") if p.is_file() and p.name != "LICENSE")
    assert files, f"no files under {corpus_dir}"
    counts: Counter[str] = Counter()
    crashed: list[str] = []
    matcher = Matcher.compile(load_watchlists([SEEDS]))
    for path in files:
        part = path.relative_to(corpus_dir).parts[0]
        try:
            parsed = parse_feed(path.as_uri(), path.read_bytes(), CONTENT_TYPE)
            for item in to_items("corpus", parsed):
                counts["items"] += 1
                if matcher.match(item.fields()):
                    counts["items matched"] += 1
        except FeedParseError:
            counts[f"{part} rejected"] += 1
        except Exception as e:  # the point of the test: report them all, not the first
            crashed.append(f"{path.relative_to(corpus_dir)}: {type(e).__name__}: {e}")
        else:
            counts[f"{part} parsed"] += 1
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
    print(f"\ncorpus: {len(files)} files; {summary}")
    assert not crashed, "\n".join(crashed)
