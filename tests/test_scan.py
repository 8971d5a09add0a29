"""The incremental parse: items parsed from the scan's smaller document are exactly the new items
of a full parse (same keys, same fields), and the scan says "unsure" for odd documents.

Corpora: every file of ../shared/corpus/ (or $MONITOR_SHARED/corpus; skipped, with the reason,
when absent), a corpus made by the shared generator (same condition), and documents generated
here with the awkward parts real feeds have (CDATA, entities, HTML, atom:link in RSS items).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from monitor.exceptions import FeedParseError
from monitor.scan import parse_items, scan

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MONITOR_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
GENERATOR = SHARED / "bench" / "gen_corpus.py"
URL = "http://127.0.0.1:8080/feed.xml"
HEADERS = {"content-type": "application/xml"}


def full(body: bytes, headers: dict[str, str] = HEADERS) -> tuple:
    return parse_items("f", URL, body, headers)


def check_incremental(body: bytes, rng: random.Random, headers: dict[str, str] = HEADERS) -> bool:
    """Assert the incremental path equals the full parse for several known sets; False when the
    scan is unsure (then the pipeline parses the whole document, nothing to compare)."""
    found = scan(body, headers)
    if found is None:
        return False
    items, _, ttl = full(body, headers)
    assert tuple(i.key for i in items) == found.keys, "scan keys differ from the parsed keys"
    keys = list(found.keys)
    knowns = [set(keys), {k for k in keys if rng.random() < 0.5}, set(keys[3:])]
    for known in knowns:
        doc = found.select(body, known)
        new_keys = found.new_keys(known)
        got, got_warning, got_ttl = parse_items("f", URL, body, headers, (doc, new_keys))
        assert got == tuple(i for i in items if i.key not in known)
        assert got_ttl == ttl
        assert "scan mismatch" not in (got_warning or "")
        # and without the fallback: the smaller document alone gives the same items
        assert parse_items("f", URL, doc, headers)[0] == got
    return True


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix != ".md")


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"shared corpus not found at {CORPUS}")
def test_every_shared_corpus_file():
    """Over every file of the shared corpus: incremental == full whenever the scan is sure, and
    the scan is sure for a good share of the real-world feeds."""
    files = corpus_files()
    assert files
    sure = {"real": 0, "feedparser-tests": 0}
    for path in files:
        body = path.read_bytes()
        try:
            full(body)
        except FeedParseError:  # not a feed at all: the pipeline records the error, no scan
            continue
        if check_incremental(body, random.Random(path.name)):
            sure[path.relative_to(CORPUS).parts[0]] += 1
    print(f"scan sure for {sure} of {len(files)} files")
    assert sure["real"] >= 30


@pytest.mark.skipif(not GENERATOR.exists(), reason=f"shared generator not found at {GENERATOR}")
def test_generated_corpus(tmp_path):
    """A corpus made by the shared generator (RSS and Atom, CDATA full text, HTML summaries,
    guids of every style), before and after it advances: the scan is sure for every feed."""
    out = tmp_path / "corpus"
    subprocess.run([sys.executable, str(GENERATOR), "--out", str(out), "--feeds", "40",
                    "--items", "12", "--seed", "7"], check=True, capture_output=True)
    rng = random.Random(1)
    for path in sorted((out / "feeds").iterdir()):
        assert check_incremental(path.read_bytes(), rng), path.name
    subprocess.run([sys.executable, str(GENERATOR), "--out", str(out), "--advance", "3"],
                   check=True, capture_output=True)
    for path in sorted((out / "feeds").iterdir()):
        assert check_incremental(path.read_bytes(), rng), path.name


# --- documents generated here ------------------------------------------------------------------

TRICKY_TEXT = [
    "Plain words",
    "Cártel de los Soles &amp; friends",
    "<p>HTML <b>bold</b> &lt;tag&gt; text</p>",
    "R&amp;D &#233; &#x263A; quotes \" '",
    "Line\nbreaks\n\n and   spaces",
]


def rss_doc(items: list[dict], *, extra_channel: str = "") -> bytes:
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
           'xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n<title>T</title>\n'
           f"<link>https://example.org/</link><ttl>30</ttl>{extra_channel}\n"]
    for it in items:
        out.append("<item>")
        out.append(f"<title>{escape(it['title'])}</title>")
        if it.get("link"):
            out.append(f"<link>{escape(it['link'])}</link>")
        if it.get("guid"):
            perma = "" if it.get("perma") else ' isPermaLink="false"'
            out.append(f"<guid{perma}>{escape(it['guid'])}</guid>")
        if it.get("atomlink"):
            out.append(f'<atom:link rel="related" href="{escape(it["link"] or "")}"/>')
        out.append(f"<description>{escape(it['summary'])}</description>")
        if it.get("cdata"):
            out.append(f"<content:encoded><![CDATA[{it['cdata']}]]></content:encoded>")
        out.append("<pubDate>Mon, 06 Jan 2025 10:00:00 GMT</pubDate></item>\n")
    out.append("</channel>\n</rss>\n")
    return "".join(out).encode("utf-8")


def atom_doc(entries: list[dict], *, root_attrs: str = "") -> bytes:
    out = ['<?xml version="1.0" encoding="utf-8"?>\n'
           f'<feed xmlns="http://www.w3.org/2005/Atom"{root_attrs}>\n<title>T</title>\n'
           "<id>tag:example.org,2025:feed</id><updated>2025-01-06T10:00:00Z</updated>\n"]
    for e in entries:
        out.append("<entry>")
        if e.get("guid"):
            out.append(f"<id>{escape(e['guid'])}</id>")
        out.append(f"<title>{escape(e['title'])}</title>")
        if e.get("link"):
            out.append(f'<link href="{escape(e["link"], {chr(34): "&quot;"})}"/>')
        out.append(f'<summary type="html">{escape(e["summary"])}</summary>')
        if e.get("cdata"):
            out.append(f'<content type="html"><![CDATA[{e["cdata"]}]]></content>')
        out.append("<updated>2025-01-06T10:00:00Z</updated></entry>\n")
    out.append("</feed>\n")
    return "".join(out).encode("utf-8")


def random_items(rng: random.Random, n: int, *, guids: bool = True) -> list[dict]:
    items = []
    for i in range(n):
        style = rng.choice(["urn", "perma", "link-only"] if not guids else ["urn", "perma"])
        link = f"https://news.example/{i}/story-{rng.randrange(10**6)}?utm_source=rss&id={i}"
        items.append({
            "title": rng.choice(TRICKY_TEXT) + f" {i}",
            "summary": rng.choice(TRICKY_TEXT),
            "link": link,
            "guid": None if style == "link-only" else (link if style == "perma" else
                                                        f"urn:news.example:{i}"),
            "perma": style == "perma",
            "cdata": rng.choice([None, "<p>Full <i>text</i> &amp; more</p>",
                                 "<div>a < b, ]] > c</div>"]),
            # an atom:link beside the link makes a guid-less item unsure: only with a guid
            "atomlink": style != "link-only" and rng.random() < 0.3,
        })
    return items


@pytest.mark.parametrize("seed", range(12))
def test_generated_documents_rss_and_atom(seed):
    """Random RSS (guids of every kind, link-only items, CDATA, entities, atom:link) and Atom
    documents: the scan is sure and the incremental path equals the full parse."""
    rng = random.Random(seed)
    assert check_incremental(rss_doc(random_items(rng, rng.randint(1, 25), guids=False)), rng)
    assert check_incremental(atom_doc(random_items(rng, rng.randint(1, 25))), rng)


# --- documents the scan must not vouch for ---------------------------------------------------

ITEM = "<item><guid>urn:x:{0}</guid><title>t{0}</title><description>d</description></item>"
ENTRY = ("<entry><id>urn:x:{0}</id><title>t{0}</title>"
         "<updated>2025-01-06T10:00:00Z</updated></entry>")


def rss(items: str, head: str = '<?xml version="1.0" encoding="UTF-8"?>\n', attrs: str = "",
        channel: str = "<title>T</title>") -> bytes:
    return f'{head}<rss version="2.0"{attrs}><channel>{channel}{items}</channel></rss>'.encode()


def atom(entries: str, attrs: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"'
            f"{attrs}><title>T</title>{entries}</feed>").encode()


TWO = ITEM.format(1) + ITEM.format(2)
ODD = {
    "CDATA hiding an item": rss(ITEM.format(1) + "<item><guid>urn:x:2</guid><description>"
                                "<![CDATA[</item><item><guid>urn:x:9</guid>]]></description></item>"),
    "comment hiding an item": rss(TWO + "<!-- <item><guid>urn:x:3</guid></item> -->"),
    "item nested in a description": rss("<item><guid>urn:x:1</guid><description><item>"
                                        "<guid>urn:x:5</guid></item></description></item>"),
    "entry nested in xhtml content": atom(
        '<entry><id>urn:x:1</id><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">'
        "<entry><id>urn:x:2</id></entry></div></content></entry>"),
    "item without guid or link": rss("<item><title>t</title></item>" + ITEM.format(1)),
    "guid-less item with an atom:link too": rss(
        '<item xmlns:a="http://www.w3.org/2005/Atom"><link>https://e.org/1</link>'
        '<a:link href="https://e.org/2"/></item>'),
    "Atom entry without id": atom('<entry><title>t</title><link href="https://e.org/1"/></entry>'),
    "duplicate ids": rss(ITEM.format(1) + ITEM.format(1)),
    "two guids in one item": rss("<item><guid>urn:x:1</guid><guid>urn:x:2</guid></item>"),
    "markup inside a guid": rss("<item><guid>urn:<b>x</b>:1</guid></item>"),
    "relative permalink guid": rss("<item><guid>12345</guid></item>"),
    "namespaced RSS": rss(TWO, attrs=' xmlns="http://backend.userland.com/rss2"'),
    "prefixed items": rss('<r:item xmlns:r="urn:r"><guid>urn:x:1</guid></r:item>' + TWO),
    "atom:id in an RSS item": rss('<item xmlns:a="http://www.w3.org/2005/Atom"><guid>urn:x:1'
                                  "</guid><a:id>urn:y</a:id></item>"),
    "Atom 0.3": b'<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#">'
                b"<entry><id>urn:x:1</id></entry></feed>",
    "RSS 1.0": b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
               b'syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>T'
               b'</title></channel><item rdf:about="urn:x:1"><title>t</title></item></rdf:RDF>',
    "RSS 0.90-style items outside the channel": b'<rss version="2.0"><channel><title>T</title>'
                                                b"</channel>" + ITEM.format(1).encode() + b"</rss>",
    "Atom with xml:base": atom(ENTRY.format(1), attrs=' xml:base="https://e.org/a/"'),
    "xml:base on an entry": atom(ENTRY.format(1).replace("<entry>",
                                                         '<entry xml:base="https://e.org/">')),
    "ISO-8859-1": rss(TWO, head='<?xml version="1.0" encoding="ISO-8859-1"?>\n'),
    "windows-1252": rss(TWO, head='<?xml version="1.0" encoding="windows-1252"?>\n'),
    "UTF-16": '<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel>'
              f"{TWO}</channel></rss>".encode("utf-16"),
    "DOCTYPE": rss(TWO, head='<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY e "x">]>\n'),
    "not well-formed": rss(TWO + "<item><guid>urn:x:3</guid>"),
    "text between items": rss(ITEM.format(1) + "stray" + ITEM.format(2)),
    "element between items": rss(ITEM.format(1) + "<image><url>u</url></image>" + ITEM.format(2)),
    "empty item element": rss(ITEM.format(1) + "<item/>"),
    "no entries": rss(""),
    "empty body": b"",
    "JSON": b'{"version": "https://jsonfeed.org/version/1", "items": []}',
    "HTML page": b"<!DOCTYPE html><html><body><p>hi</p></body></html>",
}


@pytest.mark.parametrize("name", sorted(ODD))
def test_scan_is_unsure_for_odd_documents(name):
    """Odd documents: the scan returns None and the pipeline parses the whole document."""
    assert scan(ODD[name], HEADERS) is None


def test_http_charset_other_than_utf8_is_unsure():
    """The HTTP charset wins over the XML declaration in feedparser: anything but UTF-8 is odd,
    and so is non-ASCII under text/* without a charset (RFC 3023 says us-ascii)."""
    body = rss(ITEM.format("é"))
    assert scan(body, {"content-type": "application/rss+xml; charset=utf-8"}) is not None
    assert scan(body, {"content-type": "application/rss+xml; charset=iso-8859-1"}) is None
    assert scan(body, {"content-type": "text/xml"}) is None
    assert scan(rss(TWO), {"content-type": "text/xml"}) is not None


def test_plain_documents_are_sure():
    """The plain cases: the keys are the guid/id, or the canonical link of a guid-less item."""
    found = scan(rss(TWO + "<item><link>https://E.org/a?utm_source=x&amp;b=1</link></item>"))
    assert found is not None
    assert found.keys == ("urn:x:1", "urn:x:2", "https://e.org/a?b=1")
    found = scan(atom(ENTRY.format(1) + ENTRY.format(2)))
    assert found is not None and found.keys == ("urn:x:1", "urn:x:2")


def test_select_keeps_header_and_new_entries_only():
    """The smaller document is the header, the new entries and the tail, as bytes."""
    body = rss(ITEM.format(1) + "\n" + ITEM.format(2) + "\n" + ITEM.format(3))
    found = scan(body)
    assert found is not None
    doc = found.select(body, {"urn:x:1", "urn:x:3"})
    assert b"urn:x:2" in doc and b"urn:x:1" not in doc and b"urn:x:3" not in doc
    assert doc.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">')
    assert doc.endswith(b"</channel></rss>")


def test_a_wrong_scan_falls_back_to_the_whole_document():
    """If the smaller document's entries do not have the announced keys, the whole document
    is parsed (and the warning says so): a wrong scan costs time, never items."""
    body = rss(TWO)
    items, _, _ = full(body)
    got, warning, _ = parse_items("f", URL, body, HEADERS, (body, ("urn:x:2",)))
    assert got == items
    assert "scan mismatch" in warning
