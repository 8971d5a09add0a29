"""The fast path (``scan.fast_items``): where it engages, its Items equal those of the feedparser
path field by field, with the same warning and ttl. Over every shared corpus file, a corpus made
by the shared generator, and the documents generated in test_scan.py."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from monitor.exceptions import FeedParseError
from monitor.scan import fast_items, parse_items
from tests.test_scan import (
    CORPUS,
    GENERATOR,
    HEADERS,
    URL,
    atom_doc,
    corpus_files,
    random_items,
    rss_doc,
)


def check_fast(body: bytes, headers: dict[str, str] = HEADERS) -> int | None:
    """Entries that took the fast path (None: it did not engage); asserts equality."""
    try:
        slow = parse_items("f", URL, body, headers, fast=False)
    except FeedParseError:
        assert fast_items("f", body, headers) is None
        return None
    got = fast_items("f", body, headers)
    if got is None:
        return None
    items, ttl = got
    assert len(items) == len(slow[0])
    for a, b in zip(items, slow[0], strict=True):
        for field in a.__slots__:
            if field != "entry_hash":  # only the fast path's scan sees the raw bytes
                assert getattr(a, field) == getattr(b, field), (field, a.key)
    assert items == slow[0]
    assert ttl == slow[2]
    assert slow[1] is None  # the fast path reports no warning
    assert parse_items("f", URL, body, headers) == slow
    return len(items)


def run(bodies) -> tuple[int, int, int]:
    docs = fast = entries = 0
    for body in bodies:
        docs += 1
        n = check_fast(body)
        if n is not None:
            fast += 1
            entries += n
    return docs, fast, entries


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"shared corpus not found at {CORPUS}")
def test_fast_path_equals_feedparser_on_shared_corpus():
    docs, fast, entries = run(p.read_bytes() for p in corpus_files())
    print(f"shared corpus: fast path for {fast} of {docs} documents, {entries} entries")


@pytest.mark.skipif(not GENERATOR.exists(), reason=f"shared generator not found at {GENERATOR}")
def test_fast_path_equals_feedparser_on_generated_corpus(tmp_path):
    out = tmp_path / "corpus"
    subprocess.run([sys.executable, str(GENERATOR), "--out", str(out), "--feeds", "120",
                    "--items", "15", "--seed", "11"], check=True, capture_output=True)
    docs, fast, entries = run(p.read_bytes() for p in sorted((out / "feeds").iterdir()))
    print(f"generated corpus: fast path for {fast} of {docs} documents, {entries} entries")
    assert fast == docs  # the generator writes only constructs the fast path reproduces


@pytest.mark.parametrize("seed", range(40))
def test_fast_path_equals_feedparser_on_random_documents(seed):
    rng = random.Random(seed)
    bodies = [rss_doc(random_items(rng, 8)), rss_doc(random_items(rng, 8, guids=False)),
              atom_doc(random_items(rng, 8))]
    _, fast, _ = run(bodies)
    assert fast >= 1  # the Atom document at least (atom:link in RSS items turns it off)


def rss_item(body: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">'
            f"<channel><title>T</title><ttl> 20 </ttl><item>{body}</item>"
            "<item><guid>urn:x:other</guid><title>o</title></item></channel></rss>").encode()


def atom_entry(body: str) -> bytes:
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>T</title><id>urn:f</id><entry>{body}</entry>"
            "<entry><id>urn:x:other</id><title>o</title></entry></feed>").encode()


G = "<guid>urn:x:1</guid>"
P = "<guid>https://ex.org/p/1</guid>"
VARIANTS = [
    rss_item(G + "<title>A &amp;amp; B</title><link>https://ex.org/a?x=1&amp;y=2</link>"),
    rss_item(P + "<title>no link, permalink guid</title>"),
    rss_item('<guid isPermaLink="false">urn:q</guid><title>no link, not permalink</title>'),
    rss_item("<link>https://ex.org/a</link>" + P),
    rss_item(G + "<link>/relative</link>"),
    rss_item(G + "<link> https://ex.org/sp </link>"),
    rss_item(G + "<link>https://ex.org//a/../b</link>"),
    rss_item(G + "<content:encoded>c</content:encoded><description>d</description>"),
    rss_item(G + "<content:encoded>c</content:encoded>"),
    rss_item(G + "<description></description><content:encoded>c</content:encoded>"),
    rss_item(G + "<description>&lt;p&gt;x&lt;/p&gt;</description><title>&lt;b&gt;t</title>"),
    rss_item(G + "<title>caf\u00c3\u00a9 \u0085</title>"),
    rss_item(G + "<pubDate>Tue, 07 Jan 2025 23:30:00 -0500</pubDate>"),
    rss_item(G + "<pubDate>7 Jan 2025 01:30:00 +0530</pubDate>"),
    rss_item(G + "<pubDate>Tue, 07 Jan 25 23:30:00 GMT</pubDate>"),
    rss_item(G + "<pubDate>2025-01-07T10:00:00Z</pubDate>"),
    rss_item(G + "<pubDate>Tue, 30 Feb 2025 23:30:00 GMT</pubDate>"),
    rss_item(G + "<pubDate>Tue, 07 Jan 2025 23:30:00 EST</pubDate>"),
    rss_item(G + "<dc:date>2025-01-07T10:00:00Z</dc:date><title>t</title>"),
    rss_item(G + "<dc:creator>me</dc:creator><category domain='x'>c</category><title>t</title>"),
    rss_item(G + '<enclosure url="https://ex.org/a.mp3" type="audio/mpeg" length="1"/>'),
    rss_item(G + '<atom:link href="https://ex.org/z"/><title>t</title>'),
    rss_item(G + "<title>a</title><title>b</title>"),
    rss_item(G + "<title>a<b>x</b></title>"),
    rss_item(G + "<source url='https://ex.org/'>s</source><title>t</title>"),
    atom_entry('<id>urn:x:1</id><title type="html">&lt;b&gt;A&lt;/b&gt;</title>'
               '<link href="https://ex.org/a"/><updated>2025-01-06T10:00:00+02:00</updated>'),
    atom_entry("<id>https://ex.org/id/1</id><title>no link</title>"),
    atom_entry('<link href="https://ex.org/a"/><id>urn:x:1</id><title>link first</title>'),
    atom_entry('<id>urn:x:1</id><link rel="alternate" href="https://ex.org/a"/>'
               '<published>2025-01-05T10:00:00Z</published><updated>2025-01-06T10:00:00Z</updated>'),
    atom_entry('<id>urn:x:1</id><link href="https://ex.org/a"/><link href="https://ex.org/b"/>'),
    atom_entry('<id>urn:x:1</id><link rel="enclosure" href="https://ex.org/a"/>'),
    atom_entry('<id>urn:x:1</id><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">'
               "x</div></content>"),
    atom_entry('<id>urn:x:1</id><content type="text">plain &lt;b&gt;</content>'),
    atom_entry('<id>urn:x:1</id><content>c</content><summary>s</summary>'),
    atom_entry('<id>urn:x:1</id><summary>s</summary><content type="html">c</content>'),
    atom_entry("<id>urn:x:1</id><author><name>n</name><email>e@x</email></author><title>t"
               "</title>"),
    atom_entry("<id>urn:x:1</id><updated>2025-01-06T10:00:00.123Z</updated>"),
    atom_entry("<id>urn:x:1</id><updated>2025-01-06</updated>"),
    atom_entry("<id>urn:x:1</id><updated>2025-13-06T10:00:00Z</updated>"),
    atom_entry('<id>urn:x:1</id><title xml:lang="es">t</title>'),
]


def test_fast_path_equals_feedparser_on_odd_entries():
    """Each variant: whether or not the fast path engages, where it does it is exact."""
    docs, fast, _ = run(VARIANTS)
    print(f"odd entries: fast path for {fast} of {docs} documents")
    assert fast >= 10
