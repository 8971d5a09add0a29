"""The parse package on documents of the shared corpora changed at random, as feeds written by
others change: text replaced by escaped markup, references, CDATA, dates or nothing; attributes
added (content types, xml:base, isPermaLink); entries repeated, swapped or stripped of a child;
elements, comments and processing instructions inserted; white space or a BOM before the
declaration; the body cut short, recoded to ISO-8859-1, given a DOCTYPE, or with an entry
moved inside another. Each changed document goes through the same check as the
corpus walk (test_parse_corpus._check): wherever the fast path engages its items are
feedparser's, and with any subset of entries known (with or without their digests) every route
returns exactly the full parse's other items.

The changes are drawn from a fixed seed, so a failure names a document that can be made again
(``MONITOR_FUZZ_SEED`` and ``MONITOR_FUZZ_DOCS`` draw others; a longer run is how new cases are
found). The one accepted difference: a document on which feedparser itself crashes (a GeoRSS
polygon whose coordinates it cannot pair raises TypeError inside it) is read by the fast path,
which has no use for the polygon; the feed's items are not lost to feedparser's bug.
"""

from __future__ import annotations

import os
import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import test_parse_corpus as corpus_walk
from conftest import shared_dir

import monitor.parse as P
from monitor.exceptions import FeedParseError
from monitor.parse import parse_feed

SEED = int(os.environ.get("MONITOR_FUZZ_SEED", "20261203"))
DOCS = int(os.environ.get("MONITOR_FUZZ_DOCS", "1500"))
LARGEST = 300_000  # bytes: larger documents are skipped (slow to walk, nothing new in them)

TEXTS = (b"a &amp; b", b"&lt;b&gt;bold&lt;/b&gt; x", b"caf&#233; &#x2014; d",
         b"<![CDATA[<p>hi</p> & more]]>", b"  padded  ", b"", "été".encode(), b"x &amp;amp; y",
         b"<![CDATA[]]>", b"&quot;q&quot; &apos;", b"line\r\nbreak", "\u200bzero".encode(),
         b"http://ex.org/a?b=1&amp;c=2", b"x &amp;", b"Tue, 10 Jun 2003 04:00:00 GMT",
         b"2003-12-13T18:30:02Z", b"2003-12-13T18:30:02+01:00", b"not a date",
         b"<![CDATA[http://ex.org/x]]>")
ELEMENTS = (b"title", b"link", b"guid", b"description", b"summary", b"content", b"id", b"pubDate",
            b"published", b"updated", b"dc:date", b"content:encoded", b"dc:creator", b"author",
            b"category", b"entry", b"item", b"feed", b"channel")
ATTRIBUTES = (b' type="html"', b' type="text"', b' type="xhtml"', b' type="text/plain"',
              b' xml:base="http://other.example/dir/"', b' xml:base="sub/"', b' mode="escaped"',
              b' isPermaLink="false"', b' isPermaLink="true"', b' rel="alternate"',
              b' xml:lang="es"', b' rel="enclosure" href="a.mp3"', b' href="rel/x.html"')
INSERTS = (b"<x:foo xmlns:x='urn:x'>bar</x:foo>", b"<title>second title</title>",
           b"<link>http://ex.org/2nd</link>", b"<guid>urn:dup</guid>", b"<!-- c -->", b"<?pi x?>",
           b"<description>&lt;p&gt;more&lt;/p&gt;</description>", b"<category>c &amp; d</category>",
           b"<media:content xmlns:media='http://search.yahoo.com/mrss/' url='http://ex.org/m.jpg'/>",
           b"<enclosure url='http://ex.org/e.mp3' length='1' type='audio/mpeg'/>",
           b"<author><name>n</name></author>", b"<link rel='enclosure' href='/e.mp3'/>",
           b"<link href='/alt.html'/>", b"<summary type='html'>&lt;b&gt;s&lt;/b&gt;</summary>")
_TEXT_NODE = re.compile(rb"<([A-Za-z][\w:.-]*)(\s[^<>]*)?>([^<]*)</\1>")
_START = re.compile(rb"<(" + b"|".join(re.escape(e) for e in ELEMENTS) + rb")([\s>/])")
_ENTRY = re.compile(rb"<(item|entry)[\s>].*?</\1>", re.S)
_CHILD = re.compile(rb"<([A-Za-z][\w:.-]*)(\s[^<>]*)?(/>|>.*?</\1>)", re.S)

Mutation = Callable[[bytes, random.Random], bytes]


def _text(d: bytes, rng: random.Random) -> bytes:
    found = list(_TEXT_NODE.finditer(d))
    if not found:
        return d
    a, b = rng.choice(found).span(3)
    return d[:a] + rng.choice(TEXTS) + d[b:]


def _reference(d: bytes, rng: random.Random) -> bytes:
    found = list(_TEXT_NODE.finditer(d))
    if not found:
        return d
    b = rng.choice(found).end(3)
    return d[:b] + rng.choice((b" &nbsp;", b" &eacute;", b" &amp;", b" &#160;", b" &#xD;")) + d[b:]


def _attribute(d: bytes, rng: random.Random) -> bytes:
    found = list(_START.finditer(d))
    if not found:
        return d
    at = rng.choice(found).end(1)
    return d[:at] + rng.choice(ATTRIBUTES) + d[at:]


def _repeat(d: bytes, rng: random.Random) -> bytes:
    found = list(_ENTRY.finditer(d))
    if not found:
        return d
    m = rng.choice(found)
    return d[:m.end()] + m.group(0) + d[m.end():]


def _strip_child(d: bytes, rng: random.Random) -> bytes:
    found = list(_ENTRY.finditer(d))
    if not found:
        return d
    m = rng.choice(found)
    entry = m.group(0)
    skip = entry.index(b">") + 1
    children = list(_CHILD.finditer(entry, skip))
    if not children:
        return d
    a, b = rng.choice(children).span()
    return d[:m.start()] + entry[:a] + entry[b:] + d[m.end():]


def _swap(d: bytes, rng: random.Random) -> bytes:
    found = list(_ENTRY.finditer(d))
    if len(found) < 2:
        return d
    i = rng.randrange(len(found) - 1)
    a, b = found[i], found[i + 1]
    return d[:a.start()] + b.group(0) + d[a.end():b.start()] + a.group(0) + d[b.end():]


def _insert(d: bytes, rng: random.Random) -> bytes:
    found = list(_ENTRY.finditer(d))
    if not found:
        return d
    m = rng.choice(found)
    at = m.start() + m.group(0).index(b">") + 1
    return d[:at] + rng.choice(INSERTS) + d[at:]


def _latin1(d: bytes, rng: random.Random) -> bytes:
    """The document in ISO-8859-1, declared so (where it was UTF-8 and can be)."""
    try:
        out = d.decode("utf-8").encode("latin-1")
    except (UnicodeDecodeError, UnicodeEncodeError):
        return d
    return re.sub(rb"""encoding=["']utf-8["']""", b'encoding="iso-8859-1"', out, count=1,
                  flags=re.I)


def _nest(d: bytes, rng: random.Random) -> bytes:
    """The second entry moved inside the first, before its end tag."""
    found = list(_ENTRY.finditer(d))
    if len(found) < 2:
        return d
    a, b = found[0], found[1]
    at = a.start() + a.group(0).rindex(b"</")
    return d[:at] + b.group(0) + d[at:b.start()] + d[b.end():]


def _doctype(d: bytes, rng: random.Random) -> bytes:
    m = re.search(rb"<(rss|feed|rdf:RDF)[\s>]", d)
    if m is None:
        return d
    doctype = rng.choice((b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
                          b' "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n',
                          b'<!DOCTYPE x [<!ENTITY e "ent">]>\n'))
    return d[:m.start()] + doctype + d[m.start():]


def _prolog(d: bytes, rng: random.Random) -> bytes:
    return rng.choice((b"\xef\xbb\xbf", b"\n", b"  ", b"\r\n")) + d


def _truncate(d: bytes, rng: random.Random) -> bytes:
    return d[:rng.randrange(max(1, len(d)))]


MUTATIONS: tuple[Mutation, ...] = (
    _text, _text, _text, _text, _attribute, _attribute, _attribute, _repeat, _strip_child,
    _strip_child, _swap, _insert, _insert, _prolog, _truncate, _reference, _latin1, _nest,
    _doctype)


def _feedparser_crashes(body: bytes) -> bool:
    try:
        parse_feed(corpus_walk.URL, body, corpus_walk.HEADERS)
    except FeedParseError as e:
        return "feedparser failed" in str(e)
    return False


@pytest.fixture(scope="module")
def fuzzed() -> tuple[corpus_walk.Walk, list[str], int]:
    root = shared_dir() / "corpus"
    if not all((root / c).is_dir() for c in corpus_walk.CORPORA):
        pytest.skip(f"shared corpora {corpus_walk.CORPORA} not found under {root} "
                    "(set MONITOR_SHARED)")
    docs = [p for c in corpus_walk.CORPORA for p in corpus_walk._documents(root / c)]
    rng = random.Random(SEED)
    walk = corpus_walk.Walk()
    crashed: list[str] = []  # documents feedparser itself crashes on, read by the fast path
    done = 0
    originals = P.read_known, P._unread_cut
    P.read_known = corpus_walk._Counted(P.read_known)  # type: ignore[assignment]
    P._unread_cut = corpus_walk._Counted(P._unread_cut)  # type: ignore[attr-defined]
    try:
        while done < DOCS:
            path = rng.choice(docs)
            body = path.read_bytes()
            if len(body) > LARGEST:
                continue
            changes = [rng.choice(MUTATIONS) for _ in range(rng.randint(1, 3))]
            for change in changes:
                body = change(body, rng)
            done += 1
            where = Path(f"{path}#{done} ({', '.join(c.__name__ for c in changes)})")
            before = len(walk.differences)
            try:
                corpus_walk._check(walk, "fuzz", where, body)
            except Exception as e:  # the point: report every crash, not the first
                walk.crashes.append(f"{where}: {type(e).__name__}: {e}")
            if len(walk.differences) > before and walk.differences[-1].endswith(
                    "accepted, but feedparser's path rejects it") and _feedparser_crashes(body):
                crashed.append(walk.differences.pop())
    finally:
        P.read_known, P._unread_cut = originals  # type: ignore[attr-defined]
    print(f"\n{done} changed documents (seed {SEED}): fast path on {walk.fast_any['fuzz']}, "
          f"{walk.incremental['fuzz']} partial parses, {walk.cut['fuzz']} + "
          f"{walk.cut_loose['fuzz']} with known entries cut out; {len(crashed)} that feedparser "
          "crashes on, read by the fast path")
    return walk, crashed, done


def test_changed_documents_read_as_feedparser_reads_them(fuzzed):
    walk, _, done = fuzzed
    assert not walk.crashes, "\n".join(walk.crashes[:10])
    assert not walk.differences, "\n".join(walk.differences[:10])
    # the routes under test ran: the fast path, partial parses and both kinds of cut
    assert walk.fast_any["fuzz"] >= done // 3
    assert walk.incremental["fuzz"] >= done
    assert walk.cut["fuzz"] >= done // 10 and walk.cut_loose["fuzz"] >= done // 100

