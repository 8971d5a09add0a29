"""The parse package over every document of the three shared corpora: real feeds
(``corpus/real``), the test documents of 19 other feed parsers (``corpus/parsers``) and
feedparser's own tests (``corpus/feedparser-tests``).

- The expat fast path engages on at least 90% of the RSS 2.0, Atom 1.0 and RSS 1.0 documents
  feedparser reads without ``bozo`` (real and parsers), and wherever it engages (any corpus) its
  Items equal those of the feedparser path field by field (title, link, summary, content,
  published, key, guid, hashes, enclosure URLs), with the same warning and ttl.
- A document the feedparser path rejects is rejected by the entry point too; nothing else raises.
- Incremental parsing is exact: with a subset of the entries known, ``parse`` returns exactly
  the full parse's other items, by the fast route and by feedparser's partial route; the key
  scan's keys are feedparser's keys. Known with their digests (as the store hands them over),
  the entries known byte for byte are cut out before anything reads the document (by the expat
  pass, or by feedparser where the document is not well-formed): the result is again exactly
  the full parse's other items, with the same keys, warning, ttl and digests.

The walk runs once per session (about 20 s on one core); each test asserts on its own part.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import shared_dir

import monitor.parse as P
from monitor.exceptions import FeedParseError
from monitor.normalize import to_items
from monitor.parse import parse, parse_feed, scan
from monitor.types import Item, Parsed

CORPORA = ("real", "parsers", "feedparser-tests")
HEADERS = {"content-type": "application/xml"}
URL = "http://example.org/feeds/news.xml"
ELIGIBLE = ("rss20", "atom10", "rss10")
FLOOR = 0.90
# each document of these corpora that starts with an XML declaration is also walked with a line
# break before it (as many real servers send feeds), which feedparser reads with its loose
# parser and the fast path reads as that parser would (fast.loose_prolog)
LOOSE_VARIANTS = ("real", "parsers")
LOOSE = "+ws"


@dataclass
class Walk:
    docs: Counter[str] = field(default_factory=Counter)
    eligible: Counter[str] = field(default_factory=Counter)
    fast: Counter[str] = field(default_factory=Counter)  # eligible documents on the fast path
    fast_any: Counter[str] = field(default_factory=Counter)  # any document on the fast path
    # items with enclosures whose URLs were compared (fast path against feedparser's)
    enclosures: Counter[str] = field(default_factory=Counter)
    scanned: Counter[str] = field(default_factory=Counter)  # key scan sure
    incremental: Counter[str] = field(default_factory=Counter)  # partial parses compared
    cut: Counter[str] = field(default_factory=Counter)  # ... with entries cut out: expat pass
    cut_loose: Counter[str] = field(default_factory=Counter)  # ... feedparser (not well-formed)
    differences: list[str] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)


def _documents(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*")
                  if p.is_file() and p.suffix != ".md" and p.name != "LICENSE")


def _diff(where: str, got: tuple[Item, ...], want: tuple[Item, ...]) -> str | None:
    if got == want:
        return None
    if len(got) != len(want):
        return f"{where}: {len(got)} items, feedparser's path {len(want)}"
    for a, b in zip(got, want, strict=True):
        for name in Item.__slots__:
            if getattr(a, name) != getattr(b, name):
                return (f"{where}: {name} {getattr(a, name)!r:.120} != feedparser's "
                        f"{getattr(b, name)!r:.120}")
    return f"{where}: items differ"


def _subsets(keys: list[str], rng: random.Random) -> list[set[str]]:
    return [set(keys), {k for k in keys if rng.random() < 0.5}, set(keys[1:]), set(keys[:1])]


def _check_digests(walk: Walk, corpus: str, where: str, body: bytes, full: Parsed,
                   rng: random.Random) -> str | None:
    """Partial parses given known keys with their digests, against the full parse."""
    hashed = [i for i in full.items if i.entry_hash]
    if not hashed:
        return None
    for subset in ({i.key for i in hashed}, {i.key for i in hashed if rng.random() < 0.5},
                   {i.key for i in hashed[1:]}):
        known = {i.key: i.entry_hash for i in hashed if i.key in subset}
        cut = (P.read_known.calls, P._unread_cut.calls)  # type: ignore[attr-defined]
        partial = parse("f", URL, body, HEADERS, known)
        walk.cut[corpus] += P.read_known.calls > cut[0]  # type: ignore[attr-defined]
        walk.cut_loose[corpus] += P._unread_cut.calls > cut[1]  # type: ignore[attr-defined]
        want = tuple(i for i in full.items if i.key not in known)
        what = f"{where} (digests, {len(known)} known)"
        problem = _diff(what, partial.items, want)
        if problem is None and (partial.keys, partial.warning, partial.ttl_minutes) != (
                full.keys, full.warning, full.ttl_minutes):
            problem = (f"{what}: keys, warning or ttl {partial.keys[:3]} {partial.warning!r} "
                       f"{partial.ttl_minutes} != {full.keys[:3]} {full.warning!r} "
                       f"{full.ttl_minutes}")
        if problem is None and [i.entry_hash for i in partial.items] != [
                i.entry_hash for i in want]:
            problem = f"{what}: digests differ"
        if problem:
            return problem
    return None


class _Counted:
    """A function of monitor.parse that counts the calls that returned something."""

    def __init__(self, fn):
        self.fn, self.calls = fn, 0

    def __call__(self, *args):
        got = self.fn(*args)
        self.calls += got is not None
        return got


def _check(walk: Walk, corpus: str, path: Path, body: bytes) -> None:
    where = str(path)
    try:
        reference = parse_feed(URL, body, HEADERS)
    except FeedParseError:
        try:
            parse("f", URL, body, HEADERS)
        except FeedParseError:
            return
        walk.differences.append(f"{where}: accepted, but feedparser's path rejects it")
        return
    items = to_items("f", reference)
    eligible = reference.version in ELIGIBLE and reference.warning is None
    walk.eligible[corpus] += eligible
    got = parse("f", URL, body, HEADERS)
    problem = _check_digests(walk, corpus, where, body, got, random.Random(where))
    if problem:
        walk.differences.append(problem)
        return
    if got.fast:
        walk.fast[corpus] += eligible
        walk.fast_any[corpus] += 1
        problem = _diff(where, got.items, items)
        if problem is None and (got.warning, got.ttl_minutes) != (reference.warning,
                                                                 reference.ttl_minutes):
            problem = f"{where}: warning/ttl {got.warning!r} {got.ttl_minutes} != " \
                      f"{reference.warning!r} {reference.ttl_minutes}"
        if problem:
            walk.differences.append(problem)
            return
        walk.enclosures[corpus] += sum(bool(i.enclosures) for i in items)
    found = scan(URL, body, HEADERS)
    if found is None and not got.fast:
        return
    keys = list(dict.fromkeys(i.key for i in items))
    rng = random.Random(where)
    if found is not None:
        walk.scanned[corpus] += 1
        scanned = [k for k in dict.fromkeys(found.keys) if k is not None]
        if scanned != keys:
            walk.differences.append(f"{where}: scan keys {scanned[:3]} != {keys[:3]}")
            return
    for i, known in enumerate(_subsets(keys, rng)):
        want = tuple(it for it in items if it.key not in known)
        routes = [True] if found is None else [True, False] if i in (1, 2) else [True]
        for fast in routes:
            if fast and not got.fast:
                continue
            partial = parse("f", URL, body, HEADERS, known, fast=fast)
            walk.incremental[corpus] += 1
            route = "fast" if fast else "feedparser"
            problem = _diff(f"{where} ({route} route, {len(known)} known)", partial.items, want)
            if problem is None and partial.keys != tuple(keys):
                problem = f"{where}: keys of the document {partial.keys[:3]} != {keys[:3]}"
            if problem is None and partial.ttl_minutes != reference.ttl_minutes:
                problem = f"{where}: ttl {partial.ttl_minutes} != {reference.ttl_minutes}"
            if problem is None and "scan mismatch" in (partial.warning or ""):
                problem = f"{where}: the partial document's keys were not those announced"
            if problem:
                walk.differences.append(problem)
                return


@pytest.fixture(scope="module")
def walk() -> Walk:
    root = shared_dir() / "corpus"
    if not all((root / c).is_dir() for c in CORPORA):
        pytest.skip(f"shared corpora {CORPORA} not found under {root} (set MONITOR_SHARED)")
    w = Walk()
    originals = P.read_known, P._unread_cut
    P.read_known, P._unread_cut = _Counted(P.read_known), _Counted(P._unread_cut)
    try:
        for corpus in CORPORA:
            for path in _documents(root / corpus):
                w.docs[corpus] += 1
                body = path.read_bytes()
                variants = [(corpus, path, body)]
                if corpus in LOOSE_VARIANTS and body.lstrip().startswith(b"<?xml"):
                    # white space before the declaration: feedparser's loose parser reads it
                    variants.append((corpus + LOOSE, path.with_name(path.name + LOOSE),
                                     b"\n" + body.lstrip()))
                for name, where, document in variants:
                    w.docs[name] += name != corpus
                    try:
                        _check(w, name, where, document)
                    except Exception as e:  # the point: report every crash, not the first
                        w.crashes.append(f"{where}: {type(e).__name__}: {e}")
    finally:
        P.read_known, P._unread_cut = originals
    for corpus in (*CORPORA, *(c + LOOSE for c in LOOSE_VARIANTS)):
        share = w.fast[corpus] / max(w.eligible[corpus], 1)
        print(f"\n{corpus}: {w.docs[corpus]} documents; fast path on {w.fast[corpus]} of "
              f"{w.eligible[corpus]} eligible ({share:.1%}), {w.fast_any[corpus]} in all "
              f"({w.enclosures[corpus]} items with enclosures); "
              f"key scan sure on {w.scanned[corpus]}; {w.incremental[corpus]} partial parses; "
              f"{w.cut[corpus]} + {w.cut_loose[corpus]} with known entries cut out (expat "
              "pass + feedparser)")
    return w


def test_nothing_crashes(walk):
    """Every document parses or is rejected with FeedParseError, by every route."""
    assert not walk.crashes, "\n".join(walk.crashes[:20])


def test_fast_path_equals_feedparser_everywhere_it_engages(walk):
    """0 field differences (and the same warning and ttl) wherever the fast path engaged, and
    it engaged on documents of all three corpora."""
    assert not walk.differences, "\n".join(walk.differences[:20])
    assert all(walk.fast_any[c] > 0 for c in CORPORA)


def test_enclosures_were_compared(walk):
    """Items carrying enclosures were among those compared, in the real feeds above all
    (podcasts, media sites)."""
    assert walk.enclosures["real"] >= 500
    assert sum(walk.enclosures.values()) >= 1000


@pytest.mark.parametrize("corpus", ["real", "parsers"])
def test_fast_path_coverage(walk, corpus):
    """The fast path engages on >= 90% of the RSS 2.0 / Atom 1.0 / RSS 1.0 documents that
    feedparser reads without bozo."""
    assert walk.eligible[corpus] >= 40
    assert walk.fast[corpus] / walk.eligible[corpus] >= FLOOR


def test_incremental_parses_were_compared(walk):
    """The incremental comparison ran on many documents, by both routes."""
    assert sum(walk.scanned.values()) >= 1000
    assert sum(walk.incremental.values()) >= 4000


def test_cut_parses_were_compared(walk):
    """Known entries were cut out before reading in many of the compared partial parses, by
    the expat pass and in documents that are not well-formed."""
    assert sum(walk.cut.values()) >= 1000
    assert sum(walk.cut_loose.values()) >= 20


def test_fast_path_reads_as_the_loose_parser(walk):
    """With white space before the XML declaration, feedparser's strict parser stops and its
    loose parser reads the document: the fast path still engages on most of them (reading as
    the loose parser reads), with 0 differences (checked by the tests above), including the
    warning feedparser gives, and known entries are cut out before reading."""
    docs = sum(walk.docs[c + LOOSE] for c in LOOSE_VARIANTS)
    fast = sum(walk.fast_any[c + LOOSE] for c in LOOSE_VARIANTS)
    assert docs >= 500 and fast >= 0.8 * docs
    assert sum(walk.cut[c + LOOSE] for c in LOOSE_VARIANTS) >= 300
