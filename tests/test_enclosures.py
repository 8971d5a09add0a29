"""Enclosures (podcast audio, attached files): every item carries the URLs of its entry's
enclosures (feedparser's ``entry.enclosures``: RSS ``<enclosure url>``, Atom ``<link
rel="enclosure">``), resolved against ``xml:base`` and the feed's URL and canonicalised as links
are, in document order, each once. Both parse routes give them (the expat fast path and
feedparser's), whole and incremental; the alert line carries them (the store:
test_store_contract.py).
(test_parse_corpus.py compares the two routes over the three shared corpora.)"""

from __future__ import annotations

import json
from dataclasses import replace

from monitor.alerts import AlertLog
from monitor.parse import parse
from monitor.parse.feed import parse_feed
from monitor.store import open_store

from builders import T0, F, intent, item

URL = "http://feeds.example.org/pod/feed.xml"
HEADERS = {"content-type": "application/xml"}


def both_routes(body: bytes, known: frozenset[str] = frozenset()) -> dict[str, tuple[str, ...]]:
    """Enclosures by item key, after checking that the fast path engaged and that feedparser's
    route gives the very same items."""
    fast = parse("f", URL, body, HEADERS, known)
    slow = parse("f", URL, body, HEADERS, known, fast=False)
    assert fast.fast and not slow.fast
    assert fast.items == slow.items
    return {i.key: i.enclosures for i in fast.items}


RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>Pod</title><link>http://feeds.example.org/</link>
<item><guid>urn:ep2</guid><title>Episode 2</title>
  <enclosure url="https://cdn.example.org/ep2.mp3" length="1000" type="audio/mpeg"/>
  <enclosure url="https://cdn.example.org/ep2-transcript.pdf?utm_source=rss"
             type="application/pdf"/>
  <media:content url="https://cdn.example.org/ep2-video.mp4" type="video/mp4"/>
</item>
<item><guid>urn:ep1</guid><title>Episode 1</title><description>No audio yet.</description></item>
</channel></rss>"""


def test_rss_enclosures_in_document_order_canonicalised():
    """Each <enclosure url> in order, tracking parameters dropped as from links; media:content
    is not an enclosure (feedparser files it elsewhere); an item without any has none."""
    assert both_routes(RSS) == {
        "urn:ep2": ("https://cdn.example.org/ep2.mp3", "https://cdn.example.org/ep2-transcript.pdf"),
        "urn:ep1": (),
    }


ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.net/2026/">
<title>Blog</title><id>urn:blog</id>
<entry><id>urn:e1</id><title>Post with attachments</title>
  <link href="post-1.html"/>
  <link rel="enclosure" type="audio/ogg" href="media/talk.ogg"/>
  <link rel="Enclosure" href="https://files.example.net/slides.pdf#page=2"/>
  <link rel="related" href="https://elsewhere.example.com/"/>
</entry>
<entry xml:base="https://other.example.com/x/"><id>urn:e2</id><title>Second</title>
  <link rel="enclosure" href="../a.mp3"/>
  <link rel="enclosure">b.mp3</link>
</entry>
</feed>"""


def test_atom_rel_enclosure_resolved_against_xml_base():
    """Atom <link rel="enclosure"> (rel in any case), resolved against the xml:base in force,
    as the entry's link is; other rels are not enclosures; a link's text counts as its href."""
    assert both_routes(ATOM) == {
        "urn:e1": ("https://blog.example.net/2026/media/talk.ogg",
                   "https://files.example.net/slides.pdf"),
        "urn:e2": ("https://other.example.com/a.mp3", "https://other.example.com/x/b.mp3"),
    }


RELATIVE = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>T</title>
<item><guid>urn:a</guid><title>relative to the feed</title><enclosure url="audio/a.mp3"/></item>
<item xml:base="https://media.example.com/shows/"><guid>urn:b</guid>
  <title>relative to xml:base</title>
  <enclosure url="b.mp3" type="audio/mpeg"/></item>
<item><guid>urn:c</guid><title>no url</title>
  <enclosure type="audio/mpeg"/><enclosure url=""/></item>
</channel></rss>"""


def test_relative_rss_enclosure_urls_are_resolved_as_links_are():
    """feedparser alone keeps an RSS <enclosure url> as written: both routes resolve it against
    xml:base, else the feed's URL; an enclosure without a URL is left out."""
    assert both_routes(RELATIVE) == {
        "urn:a": ("http://feeds.example.org/pod/audio/a.mp3",),
        "urn:b": ("https://media.example.com/shows/b.mp3",),
        "urn:c": (),
    }
    # what feedparser's own reading says, through the one entry point the project uses
    entries = parse_feed(URL, RELATIVE, HEADERS).entries
    assert [e.enclosures for e in entries] == [
        ("http://feeds.example.org/pod/audio/a.mp3",),
        ("https://media.example.com/shows/b.mp3",), ()]


DUPLICATES = b"""<?xml version="1.0"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title>
<item><guid>urn:d</guid><title>the same file three times</title>
  <enclosure url="https://CDN.example.org/d.mp3#t=10" type="audio/mpeg"/>
  <atom:link rel="enclosure" href="https://cdn.example.org/d.mp3"/>
  <enclosure url="https://cdn.example.org/e.mp3"/>
  <enclosure url="https://cdn.example.org/d.mp3?utm_medium=feed"/>
</item></channel></rss>"""


def test_duplicate_enclosures_are_kept_once_in_first_order():
    """URLs equal once canonicalised (host case, fragment, tracking parameters) count once, at
    the place of the first."""
    assert both_routes(DUPLICATES) == {
        "urn:d": ("https://cdn.example.org/d.mp3", "https://cdn.example.org/e.mp3")}


def test_incremental_parses_keep_the_new_items_enclosures():
    """With entries known (by key, and by digest as the store hands them over), the new
    items come with their enclosures, exactly as in the full parse."""
    full = parse("f", URL, ATOM, HEADERS)
    assert both_routes(ATOM, frozenset({"urn:e1"})) == {"urn:e2": full.items[1].enclosures}
    known = {full.items[0].key: full.items[0].entry_hash}
    assert full.items[0].entry_hash  # the fast path vouched for the spans
    assert parse("f", URL, ATOM, HEADERS, known).items == full.items[1:]


def test_alert_line_names_enclosures_only_when_there_are_some(tmp_path):
    """Through the store's outbox into the alert log: the line has an "enclosures" array when
    the item has enclosures, no such field otherwise (both lines checked against the shipped
    JSON Schema by conftest)."""
    podcast = replace(item("f1", guid="p", title="Maduro on air"),
                      enclosures=("https://cdn.example.org/p.mp3",))
    plain = item("f1", guid="q", title="Maduro in print")
    store = open_store(tmp_path / "m.db")
    try:
        store.sync_feeds([F("f1", "https://a.example/feed")], T0)
        store.record_poll(intent("f1", [podcast, plain]), 0)
        assert AlertLog(tmp_path / "alerts.jsonl").drain(store) == 2
    finally:
        store.close()
    lines = {line["item_key"]: line for line in map(
        json.loads, (tmp_path / "alerts.jsonl").read_text().splitlines())}
    assert lines["p"]["enclosures"] == ["https://cdn.example.org/p.mp3"]
    assert "enclosures" not in lines["q"]
