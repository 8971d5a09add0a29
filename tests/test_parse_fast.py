"""The parse entry point on documents written here and made by the shared generators: where the
fast path engages its items equal the feedparser path's; with entries known, the result is the
full parse's other items; a document that falls back says why in a debug log line.
(test_parse_corpus.py does the same over the third-party corpora.)"""

from __future__ import annotations

import random
import subprocess
import sys

import pytest
from conftest import shared_dir
from structlog.testing import capture_logs

import monitor.parse as parse_pkg
import monitor.parse.fast as fast_mod
from monitor.exceptions import FeedParseError
from monitor.parse import parse, scan
from monitor.parse.fast import read_known

URL = "http://127.0.0.1:8080/feed.xml"
HEADERS = {"content-type": "application/xml"}


def check(body: bytes, headers: dict[str, str] = HEADERS, seed: int = 0) -> bool:
    """Assert every route gives the full parse's items; True when the fast path engaged."""
    try:
        full = parse("f", URL, body, headers, fast=False)
    except FeedParseError:
        with pytest.raises(FeedParseError):
            parse("f", URL, body, headers)
        return False
    got = parse("f", URL, body, headers)
    assert got.items == full.items
    assert (got.warning, got.ttl_minutes, got.keys) == (full.warning, full.ttl_minutes,
                                                        full.keys)
    keys = [i.key for i in full.items]
    rng = random.Random(seed)
    for known in (set(keys), {k for k in keys if rng.random() < 0.5}, set(keys[2:])):
        want = tuple(i for i in full.items if i.key not in known)
        for fast in (True, False):
            partial = parse("f", URL, body, headers, known, fast=fast)
            assert partial.items == want
            assert partial.keys == full.keys  # every entry's key, for the store's retention
            assert "scan mismatch" not in (partial.warning or "")
    return got.fast


def rss_item(body: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" '
            'xmlns:media="http://search.yahoo.com/mrss/" '
            'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">'
            f"<channel><title>T</title><ttl> 20 </ttl><item>{body}</item>"
            "<item><guid>urn:x:other</guid><title>o</title></item></channel></rss>").encode()


def atom_entry(body: str, root: str = "") -> bytes:
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"'
            f'{root}><title>T</title><id>urn:f</id><entry>{body}</entry>'
            "<entry><id>urn:x:other</id><title>o</title></entry></feed>").encode()


G = "<guid>urn:x:1</guid>"
P = "<guid>https://ex.org/p/1</guid>"
VARIANTS = [
    rss_item(G + "<title>A &amp;amp; B</title><link>https://ex.org/a?x=1&amp;y=2</link>"),
    rss_item(P + "<title>no link, permalink guid</title>"),
    rss_item('<guid isPermaLink="false">urn:q</guid><title>no link, not permalink</title>'),
    rss_item('<guid isPermaLink="True">rel/ative</guid><title>odd isPermaLink</title>'),
    rss_item("<link>https://ex.org/a</link>" + P),
    rss_item(G + "<link>/relative</link>"),
    rss_item(G + "<link> https://ex.org/sp </link>"),
    rss_item(G + "<link>https://ex.org//a/../b</link>"),
    rss_item("<title>link only</title><link>https://EX.org/a?utm_source=x</link>"),
    rss_item("<title>no guid, no link</title><description>d</description>"),
    rss_item('<link uri="at://did:plc:abc/app.bsky.feed.post/1">https://ex.org/i</link>'),
    rss_item('<link href="https://ex.org/h">https://ex.org/text</link><title>t</title>'),
    rss_item(G + "<content:encoded>c</content:encoded><description>d</description>"),
    rss_item(G + "<content:encoded>c</content:encoded>"),
    rss_item(G + "<description>one</description><description>two</description>"),
    rss_item(G + "<description>d</description><itunes:summary>i</itunes:summary>"),
    rss_item(G + "<itunes:summary>i</itunes:summary><description>d</description>"),
    rss_item(G + "<description></description><content:encoded>c</content:encoded>"),
    rss_item(G + "<description>&lt;p&gt;x&lt;/p&gt;</description><title>&lt;b&gt;t</title>"),
    rss_item(G + "<description><p>raw <b>html</b></p><div>in a div</div></description>"),
    rss_item(G + "<title>caf\u00c3\u00a9 \u0085</title>"),
    rss_item(G + "<pubDate>Tue, 07 Jan 2025 23:30:00 -0500</pubDate>"),
    rss_item(G + "<pubDate>Tue, 07 Jan 25 23:30:00 GMT</pubDate>"),
    rss_item(G + "<pubDate>Tue, 30 Feb 2025 23:30:00 GMT</pubDate>"),
    rss_item(G + "<pubDate>Tue, 07 Jan 2025 23:30:00 EST</pubDate><dc:date>2025-01-01</dc:date>"),
    rss_item(G + "<dc:date>2025-01-07T10:00:00Z</dc:date><title>t</title>"),
    rss_item(G + "<dc:creator>me</dc:creator><category domain='x'>c</category><title>t</title>"),
    rss_item(G + '<enclosure url="https://ex.org/a.mp3" type="audio/mpeg" length="1"/>'),
    rss_item(G + '<atom:link href="https://ex.org/z"/><title>t</title>'),
    rss_item(G + '<atom:link rel="self" href="https://ex.org/s"/><link>https://ex.org/l</link>'),
    rss_item(G + "<title>a</title><title>b</title>"),
    rss_item(G + "<media:title>m</media:title><title>t</title>"),
    rss_item(G + "<media:group><media:title>m</media:title></media:group>"),
    rss_item(G + "<title>a<b>x</b></title>"),
    rss_item(G + "<source url='https://ex.org/'>s</source><title>t</title>"),
    rss_item(G + "<image><url>https://ex.org/i.png</url></image><title>t</title>"),
    rss_item("<guid>urn:<b>x</b>:1</guid>"),
    atom_entry('<id>urn:x:1</id><title type="html">&lt;b&gt;A&lt;/b&gt;</title>'
               '<link href="https://ex.org/a"/><updated>2025-01-06T10:00:00+02:00</updated>'),
    atom_entry("<id>https://ex.org/id/1</id><title>no link</title>"),
    atom_entry('<id>urn:x:1</id><link rel="alternate" href="https://ex.org/a"/>'
               '<published>2025-01-05T10:00:00Z</published><updated>2025-01-06T10:00:00Z</updated>'),
    atom_entry('<id>urn:x:1</id><link href="https://ex.org/a"/><link href="https://ex.org/b"/>'),
    atom_entry('<id>urn:x:1</id><link rel="enclosure" href="https://ex.org/a"/>'),
    atom_entry('<id>urn:x:1</id><link type="application/pdf" href="https://ex.org/a.pdf"/>'),
    atom_entry('<id>urn:x:1</id><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">'
               "x <b>y</b> &amp; z</div></content>"),
    atom_entry('<id>urn:x:1</id><content type="text">plain &lt;b&gt;</content>'),
    atom_entry('<id>urn:x:1</id><content type="image/png">aGVsbG8=</content>'),
    atom_entry('<id>urn:x:1</id><content>c</content><summary>s</summary>'),
    atom_entry("<id>urn:x:1</id><author><name>n</name><email>e@x</email></author><title>t</title>"),
    atom_entry("<id>urn:x:1</id><updated>2025-01-06T10:00:00.123Z</updated>"),
    atom_entry('<id>a/b</id><link href="c"/>', root=' xml:base="https://ex.org/base/"'),
    atom_entry('<id>urn:x:1</id><source><title>S</title><id>urn:s</id></source><title>t</title>'),
    b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    b'xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>T</title></channel>'
    b'<item rdf:about="https://ex.org/1"><title>t</title><link>https://ex.org/1</link></item>'
    b'<item rdf:about="https://ex.org/2"><title>u</title></item></rdf:RDF>',
    b'<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><item>'
    b"<guid>urn:x:\xe9</guid><title>caf\xe9</title></item></channel></rss>",
]


def test_odd_entries():
    """Each variant: whichever route it takes, every route gives the same items, and the fast
    path takes most of them."""
    fast = sum(check(body, seed=n) for n, body in enumerate(VARIANTS))
    print(f"odd entries: fast path for {fast} of {len(VARIANTS)} documents")
    assert fast >= len(VARIANTS) - 8


def test_link_uri_attribute_is_the_key_as_in_feedparser(corpus_dir):
    """gofeed's rss_channel_item_uri_at_protocol.xml: feedparser keys the item by the <link>'s
    uri attribute, not its text; a stored key equal to the text does not hide the item."""
    body = (corpus_dir / "parsers/gofeed/parser/rss/rss_channel_item_uri_at_protocol.xml"
            ).read_bytes()
    at = "at://did:plc:pzznkrzajsaqev3ffamg3jnr/app.bsky.feed.post/3ljkhwqun7l2b"
    got = parse("f", URL, body, HEADERS)
    assert got.fast and [i.key for i in got.items] == [at] and got.items[0].link == at
    found = scan(URL, body, HEADERS)
    assert found is not None and found.keys == (at,)
    for fast in (True, False):
        assert parse("f", URL, body, HEADERS, {"http://example.com/item"}, fast=fast).items \
            == got.items
        assert parse("f", URL, body, HEADERS, {at}, fast=fast).items == ()


def test_a_document_that_falls_back_says_why():
    """A debug log line names the construct the fast path does not reproduce."""
    body = atom_entry('<id>urn:x:1</id><content type="application/xml"><x>1</x></content>')
    with capture_logs() as logs:
        got = parse("f", URL, body, HEADERS)
    assert not got.fast
    declined = [e for e in logs if e["event"] == "fast_path_declined"]
    assert declined and declined[0]["log_level"] == "debug"
    assert declined[0]["reason"] == "content of type application/xml"


@pytest.mark.parametrize(("element", "want"), [
    ('<content type="image/png">aGVsbG8gd29ybGQ=</content>', "hello world"),  # base64: decoded
    ('<content type="video/mp4">Watch the video</content>', "Watch the video"),  # not base64
    ('<content type="application/x-shockwave-flash">//8A</content>', "//8A"),  # not UTF-8
    ('<content type="text/whatever">a &amp; c</content>', "a & c"),  # text, kept
    ('<summary type="application/octet-stream">aGk=</summary>', "hi"),
    ('<title type="text/x-custom">Custom</title>', "Custom"),
])
def test_fields_of_other_media_types_read_as_feedparser_reads_them(element, want):
    """Atom text of another media type: feedparser keeps any text/* as written and decodes the
    rest (neither text nor XML) as base64 when it decodes to UTF-8. The fast path reads them
    so, with the same items by every route; markup inside a base64 field still falls back."""
    body = atom_entry(f"<id>urn:x:1</id>{element}")
    assert check(body)
    item = parse("f", URL, body, HEADERS).items[0]
    assert want in (item.title, item.summary, item.content)
    marked = atom_entry('<id>urn:x:1</id><content type="image/png">aG<b>V</b>sbG8=</content>')
    assert not check(marked)


def test_wrong_media_type_warns_as_feedparser_does():
    """Served as application/octet-stream (nginx's default for .xml): same items, and the same
    warning as the feedparser path."""
    body = VARIANTS[0]
    assert check(body, {"content-type": "application/octet-stream"})
    got = parse("f", URL, body, {"content-type": "application/octet-stream"})
    assert "NonXMLContentType" in got.warning


@pytest.mark.parametrize("generator", ["gen_corpus.py", "gen_real_corpus.py"])
def test_generated_corpora(tmp_path, generator):
    """The shared benchmark generators' feeds (plain, and real-shaped: namespaces, CDATA,
    enclosures, media tags, HTML), before and after +3 items: every route agrees, and the fast
    path engages on at least 90% of them."""
    script = shared_dir() / "bench" / generator
    if not script.exists():
        pytest.skip(f"{script} not found (set MONITOR_SHARED)")
    out = tmp_path / "corpus"
    subprocess.run([sys.executable, str(script), "--out", str(out), "--feeds", "60",
                    "--items", "8", "--seed", "7"], check=True, capture_output=True)
    docs = fast = 0
    for gen in range(2):
        if gen:
            subprocess.run([sys.executable, str(script), "--out", str(out), "--advance", "3"],
                           check=True, capture_output=True)
        for n, path in enumerate(sorted((out / "feeds").iterdir())):
            docs += 1
            fast += check(path.read_bytes(), seed=n)
    print(f"{generator}: fast path on {fast} of {docs} documents")
    assert fast >= 0.9 * docs


def test_cutting_the_entry_that_holds_the_error_is_not_done():
    """An entry that is well-formed alone but uses an undeclared prefix makes the document not
    well-formed (feedparser's loose parser reads it, with a warning). Known by its digest, it
    must not be cut out: the smaller document would be well-formed, read by the strict parser
    and without the warning. With every entry known, the result is the full parse's."""
    entries = "".join(
        f"<entry><id>urn:x:{n}</id><title>t{n}</title><link href='https://ex.org/{n}'/>"
        + ("<wfw:commentRss>https://ex.org/c</wfw:commentRss>" if n == 2 else "")
        + "</entry>\n" for n in range(4))
    body = ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>T</title><id>urn:f</id>\n{entries}</feed>").encode()
    full = parse("f", URL, body, HEADERS)
    assert "unbound prefix" in (full.warning or "")
    assert all(i.entry_hash for i in full.items)
    for drop in (0, 1):  # all known; all but the first known
        known = {i.key: i.entry_hash for i in full.items[drop:]}
        partial = parse("f", URL, body, HEADERS, known)
        assert (partial.items, partial.keys, partial.warning) == (
            full.items[:drop], full.keys, full.warning)


NETSCAPE = (b'<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD '
            b'RSS 0.91//EN"\n  "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
            b'<rss version="0.91"><channel><title>T</title>'
            b'<item><title>Maduro &amp; co</title><link>http://ex.org/1</link></item>'
            b'<item><title>Two</title><link>http://ex.org/2</link>'
            b'<description>a &lt;b&gt;b&lt;/b&gt;</description></item></channel></rss>')


def test_a_doctype_feedparser_strips_is_read_by_the_fast_path():
    """feedparser strips a DOCTYPE at the start of a line before the root element (RSS 0.91's
    Netscape DTD, an XHTML DTD) and parses the rest: the fast path reads the document with it
    blanked out, same items and keys by every route. A DOCTYPE that declares entities, or one
    feedparser leaves in place (on the XML declaration's line), still goes to feedparser and
    says why; a document using an entity only the DTD defines is not well-formed either way."""
    assert check(NETSCAPE)
    assert parse("f", URL, NETSCAPE, HEADERS).items[0].title == "Maduro & co"
    entities = NETSCAPE.replace(b'rss-0.91.dtd">', b'rss-0.91.dtd" [\n<!ENTITY w "World">\n]>')
    inline = NETSCAPE.replace(b'?>\n<!DOCTYPE', b'?><!DOCTYPE')
    undefined = NETSCAPE.replace(b"Maduro &amp; co", b"Maduro&nbsp;co")
    for body in (entities, inline, undefined):
        assert not check(body)
        with capture_logs() as logs:
            parse("f", URL, body, HEADERS)
        assert [e["reason"] for e in logs if e["event"] == "fast_path_declined"], body[:80]
    assert parse("f", URL, inline, HEADERS).items == parse("f", URL, NETSCAPE, HEADERS).items


def nested(first_item: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
            'xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0" '
            'xmlns:sx="http://feedsync.org/2007/feedsync"><channel><title>T</title>'
            f'<item>{first_item}</item>'
            '<item><title>Two</title><link>http://ex.org/2</link></item></channel></rss>').encode()


FEEDBURNER = nested('<title>One</title><link>http://ex.org/1</link><description>d</description>'
                    '<item /><feedburner:origLink>http://ex.org/o1</feedburner:origLink>')
SSE = nested('<title>One</title><guid>urn:1</guid><sx:sync id="1"><sx:conflicts><sx:conflict>'
             '<item><title>One, as it was</title><guid>urn:1:v0</guid></item>'
             '</sx:conflict></sx:conflicts></sx:sync><description>after the copy</description>')


def test_an_entry_inside_an_entry_is_read_as_feedparser_reads_it():
    """FeedBurner's empty <item /> inside an item, RSS-SSE's conflicting copy of an item inside
    it: feedparser starts another entry there and files the rest of the outer one under the
    feed. The fast path reads them so (same items and keys by every route), without cutting
    known entries out; a <ttl> after the inner entry (the feed's, to feedparser) and an entry
    three deep still go to feedparser."""
    assert check(FEEDBURNER) and check(SSE)
    got = parse("f", URL, SSE, HEADERS)
    assert [i.title for i in got.items] == ["One", "One, as it was", "Two"]
    assert got.items[0].summary == ""  # the description after the copy is the feed's
    assert [i.title for i in parse("f", URL, FEEDBURNER, HEADERS).items] == ["One", "Two"]
    for body in (nested("<title>A</title><item /><ttl>30</ttl>"),
                 nested("<title>A</title><item><title>B</title><item /></item>")):
        assert not check(body)


def test_white_space_before_the_declaration_is_read_as_the_loose_parser_reads_it():
    """A line break before the XML declaration (a common server fault) stops feedparser's
    strict parser; its loose parser reads the document. The fast path reads it too, with the
    same items, keys and warning (an ampersand in a link's query included); where the loose
    parser would read a field otherwise (a link whose text holds "&amp;" itself, an id with an
    escaped bracket) it falls back and says why, and every route still gives the same items."""
    body = b"\n" + VARIANTS[0]  # <link>https://ex.org/a?x=1&amp;y=2</link>
    assert check(body)
    got = parse("f", URL, body, HEADERS)
    assert got.fast and "XML or text declaration not at start" in got.warning
    assert got.items[0].link == "https://ex.org/a?x=1&y=2"
    # the loose parser leaves an id's ampersand escaped: so does the fast path
    amp = b"\n" + VARIANTS[0].replace(b"<guid>urn:x:1</guid>", b"<guid>urn:x&amp;1</guid>")
    assert check(amp) and parse("f", URL, amp, HEADERS).items[0].key == "urn:x&amp;1"
    for old, new, element in ((b"x=1&amp;y=2", b"x=1&amp;amp;y=2", "link"),
                              (b"<guid>urn:x:1</guid>", b"<guid>urn:x&lt;1</guid>", "id")):
        declined = b"\n" + VARIANTS[0].replace(old, new)
        assert not check(declined)
        with capture_logs() as logs:
            parse("f", URL, declined, HEADERS)
        assert [e["reason"] for e in logs if e["event"] == "fast_path_declined"] == [
            f"loose parser: a reference or quote in <{element}>"]


def test_a_link_whose_path_ends_with_an_ampersand_is_read_as_the_loose_parser_reads_it():
    """The loose parser keeps a link's ampersand escaped until the link is resolved, and
    urljoin reads the semicolon of an "&amp;" that ends the path as an empty parameter list
    and drops it: feedparser's link is then "x &amp". The fast path falls back there and every
    route gives feedparser's link; an ampersand inside the path or in the query still reads."""
    for link, want, fast in (("x &amp;", "x &amp", False), ("x &amp;?a=1", "x &amp?a=1", False),
                             ("x &amp;#f", "x &amp", False), ("x?a=1&amp;", "x?a=1", True),
                             ("a &amp; b", "a & b", True)):
        body = b"\n" + rss_item(f"<link>{link}</link>").replace(b"<ttl> 20 </ttl>", b"")
        assert check(body) == fast, link
        assert parse("f", URL, body, HEADERS).items[0].link == f"http://127.0.0.1:8080/{want}"


def test_a_document_feedparser_crashes_on_is_read_by_the_fast_path():
    """feedparser raises TypeError inside its GeoRSS code on a GML polygon whose coordinates it
    cannot pair, and its route rejects the whole feed; the fast path, which has no use for the
    polygon, reads the entry (tests/test_parse_fuzz.py met it first)."""
    body = atom_entry(
        "<id>urn:x:1</id><title>Quake</title><georss:where><gml:Polygon><gml:exterior>"
        "<gml:LinearRing><gml:posList>not numbers</gml:posList></gml:LinearRing></gml:exterior>"
        "</gml:Polygon></georss:where>",
        root=' xmlns:georss="http://www.georss.org/georss" xmlns:gml="http://www.opengis.net/gml"')
    with pytest.raises(FeedParseError, match="feedparser failed: TypeError"):
        parse("f", URL, body, HEADERS, fast=False)
    got = parse("f", URL, body, HEADERS)
    assert got.fast and [i.title for i in got.items] == ["Quake", "o"]


def test_the_first_entry_stays_when_feedparser_reads_the_new_ones():
    """A feed header whose <description> follows its <itunes:summary> leaves feedparser's
    content flag set, and only the first entry reads it (each entry's end clears it): there a
    second summary replaces the first, elsewhere it becomes the content. When feedparser reads
    the new entries of a document without the known ones, the first entry stays in place, so
    a new entry after it reads as in the whole document."""
    body = (b'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
            b'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>T</title>'
            b"<itunes:summary>About the show</itunes:summary><description>The show</description>"
            b"<item><guid>urn:1</guid><title>One</title></item>"
            b'<item><guid>urn:2</guid><summary type="html">&lt;b&gt;short&lt;/b&gt;</summary>'
            b"<itunes:summary>The long summary</itunes:summary></item>"
            b"<item><guid>urn:3</guid><title>Three</title></item></channel></rss>")
    full = parse("f", URL, body, HEADERS, fast=False)
    assert [(i.summary, i.content) for i in full.items[1:2]] == [("short", "The long summary")]
    for known in ({"urn:1"}, {"urn:1", "urn:3"}):
        for fast in (True, False):
            partial = parse("f", URL, body, HEADERS, known, fast=fast)
            assert partial.items == tuple(i for i in full.items if i.key not in known)
    assert check(body)


def test_entries_declaring_the_first_entrys_namespaces_are_cut(monkeypatch):
    """Atom entries with XHTML content each declare the XHTML namespace; with white space
    before the declaration feedparser's loose parser reads the document (the fast path
    declines on the markup). The loose parser keeps a namespace mapping after its entry ends,
    so an entry is cut out only when the first entry (never cut) declares the same: here
    every known entry is cut, feedparser reads a smaller document, and the result is the full
    parse's."""
    entries = "".join(
        f"<entry><id>urn:x:{n}</id><title>t{n}</title><link href='https://ex.org/{n}'/>"
        f'<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>p{n}</p></div>'
        "</content></entry>\n" for n in range(5))
    body = ('\n<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>T</title><id>urn:f</id>\n{entries}</feed>").encode()
    full = parse("f", URL, body, HEADERS)
    assert not full.fast and "not at start of entity" in full.warning
    read: list[int] = []
    real = parse_pkg.parse_feed
    monkeypatch.setattr(parse_pkg, "parse_feed",
                        lambda u, b, h: read.append(len(b)) or real(u, b, h))
    known = {i.key: i.entry_hash for i in full.items[1:]}
    partial = parse("f", URL, body, HEADERS, known)
    assert (partial.items, partial.keys, partial.warning) == (full.items[:1], full.keys,
                                                              full.warning)
    assert read and max(read) < len(body) / 2  # the known entries were not read again


def test_entries_with_xhtml_content_are_cut_out_when_known():
    """Atom entries whose XHTML content declares its namespace (as blogs' feeds do) are cut out
    when known: a declaration that maps its prefix as it is mapped already changes nothing.
    The new first entry changes the mappings the old first entry was read with: that one
    entry is put back and read again, the others stay cut. The result is the full parse's."""
    def feed(numbers: range) -> bytes:
        entries = "".join(
            f"<entry><id>urn:x:{n}</id><title>t{n}</title><link href='https://ex.org/{n}'/>"
            f'<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>p{n}</p>'
            "</div></content></entry>\n" for n in numbers)
        return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/'
                f'Atom"><title>T</title><id>urn:f</id>\n{entries}</feed>').encode()
    before, after = feed(range(5, 0, -1)), feed(range(7, 0, -1))
    known = {i.key: i.entry_hash for i in parse("f", URL, before, HEADERS).items}
    full = parse("f", URL, after, HEADERS)
    reading = read_known(after, URL, known)
    assert reading is not None and reading.cut
    assert sum(raw is None for raw in reading.entries) == 4  # all old entries but the first
    got = parse("f", URL, after, HEADERS, known)
    # the new entries, and the old first one (read in another state: an edit is possible)
    want = tuple(i for i in full.items if known.get(i.key) != i.entry_hash)
    assert [i.key for i in want] == ["urn:x:7", "urn:x:6", "urn:x:5"]
    assert got.fast and (got.items, got.keys) == (want, full.keys)


def test_escaped_markup_in_a_known_entry_declares_no_namespace():
    """Blogger's RSS carries each post as escaped XHTML, "&lt;div xmlns=...&gt;", in its
    description: text, which declares no namespace. The known entries are cut out (only the
    old first one, read in another place before, is put back); the result is the full parse's."""
    def feed(numbers: range) -> bytes:
        items = "".join(
            f"<item><guid isPermaLink='false'>urn:x:{n}</guid><title>t{n}</title>"
            f'<description>&lt;div xmlns="http://www.w3.org/1999/xhtml"&gt;&lt;p&gt;p{n}'
            "&lt;/p&gt;&lt;/div&gt;</description></item>\n" for n in numbers)
        return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
                f"<title>T</title>\n{items}</channel></rss>").encode()
    before, after = feed(range(5, 0, -1)), feed(range(7, 0, -1))
    known = {i.key: i.entry_hash for i in parse("f", URL, before, HEADERS).items}
    full = parse("f", URL, after, HEADERS)
    assert full.fast and full.items[0].summary == "p7"
    reading = read_known(after, URL, known)
    assert reading is not None and reading.cut
    assert sum(raw is None for raw in reading.entries) >= 4
    got = parse("f", URL, after, HEADERS, known)
    assert got.fast and got.keys == full.keys
    assert got.items == tuple(i for i in full.items if known.get(i.key) != i.entry_hash)
    assert [i.key for i in got.items][:2] == ["urn:x:7", "urn:x:6"]


def test_the_loose_cut_reads_declarations_not_how_they_are_written(monkeypatch):
    """feedparser's loose parser reads this document (white space before the XML declaration)
    and keeps the namespace mappings an entry declares, so a known entry is cut out only when
    the first entry declares the same. What counts is each declaration's prefix and URI, not
    its quotes, and nothing in escaped text or a CDATA section: those entries are cut. One
    that really declares another namespace is read again; the result is the full parse's."""
    def entry(n: int) -> str:
        quote = '"' if n == 9 else "'"
        media = (" xmlns:media='http://search.yahoo.com/mrss/'" if n == 3 else "")
        return (f"<entry><id>urn:x:{n}</id><title{media}>t{n}</title>"
                f"<summary type='html'>&lt;div xmlns=\"http://www.w3.org/2000/svg\"&gt;"
                f"&lt;/div&gt;s{n}</summary><rights><![CDATA[<b xmlns:x=\"urn:y\">c</b>]]>"
                f"</rights><content type='xhtml'><div xmlns={quote}http://www.w3.org/1999/"
                f"xhtml{quote}><p>p{n}</p></div></content></entry>\n")
    body = ('\n<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>T</title><id>urn:f</id>\n"
            + "".join(entry(n) for n in range(9, 0, -1)) + "</feed>").encode()
    full = parse("f", URL, body, HEADERS)
    assert not full.fast and "not at start of entity" in full.warning
    read: list[bytes] = []
    real = parse_pkg.parse_feed
    monkeypatch.setattr(parse_pkg, "parse_feed", lambda u, b, h: read.append(b) or real(u, b, h))
    known = {i.key: i.entry_hash for i in full.items[1:]}
    partial = parse("f", URL, body, HEADERS, known)
    assert (partial.items, partial.keys, partial.warning) == (full.items[:1], full.keys,
                                                              full.warning)
    assert len(read) == 1 and len(read[0]) < len(body) / 3  # one reading, of a smaller one
    assert b"urn:x:3" in read[0] and b"urn:x:4" not in read[0]


def test_entries_with_their_own_xml_base_are_cut_out_when_known():
    """An entry whose own start tag carries xml:base (its links resolve against it) is cut out
    when known, like any other: its base is in its bytes, and what the mark checks is the base
    around it. Every old entry stays cut; the result is the full parse's."""
    def feed(numbers: range) -> bytes:
        entries = "".join(
            f"<entry xml:base='https://ex.org/{n % 2}/'><id>urn:x:{n}</id><title>t{n}</title>"
            f"<link href='a/{n}'/></entry>\n" for n in numbers)
        return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/'
                f'Atom" xml:base="https://ex.org/feed/"><title>T</title><id>urn:f</id>\n'
                f"{entries}</feed>").encode()
    before, after = feed(range(5, 0, -1)), feed(range(7, 0, -1))
    known = {i.key: i.entry_hash for i in parse("f", URL, before, HEADERS).items}
    full = parse("f", URL, after, HEADERS)
    assert full.items[0].link == "https://ex.org/1/a/7"
    reading = read_known(after, URL, known)
    assert reading is not None and reading.cut
    assert sum(raw is None for raw in reading.entries) == 5  # every old entry
    got = parse("f", URL, after, HEADERS, known)
    assert got.fast and (got.items, got.keys) == (full.items[:2], full.keys)


@pytest.mark.parametrize("between", ["\n  ", "\n<!-- between -->\n", "\x0c"],
                         ids=["white space", "a comment", "a form feed (not XML)"])
def test_known_entries_are_cut_in_runs_of_what_only_white_space_separates(monkeypatch,
                                                                          between):
    """The known entries of a feed polled before are cut out in runs: one mark for the entries
    that only XML white space separates. Anything else between two of them (a comment, a form
    feed, which XML does not allow) stays, so that the document reads as it does whole: the
    result is the full parse's other items, and a document that is not well-formed is read by
    feedparser with its warning."""
    def feed(numbers: range, sep: str) -> bytes:
        items = sep.join(f"<item><guid>urn:x:{n}</guid><title>t{n}</title></item>"
                         for n in numbers)
        return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
                f"<title>T</title>{items}</channel></rss>").encode()
    marks: list[str] = []
    real = fast_mod._Reader.cut_mark

    def counted(self, target: str, data: str) -> None:
        marks.append(data)
        real(self, target, data)

    monkeypatch.setattr(fast_mod._Reader, "cut_mark", counted)
    known = {i.key: i.entry_hash for i in parse("f", URL, feed(range(6, 0, -1), "\n"),
                                                 HEADERS).items}
    after = feed(range(9, 6, -1), "\n").replace(b"</channel>", b"\n" + between.encode().join(
        f"<item><guid>urn:x:{n}</guid><title>t{n}</title></item>".encode()
        for n in range(6, 0, -1)) + b"</channel>")
    full = parse("f", URL, after, HEADERS)
    marks.clear()
    got = parse("f", URL, after, HEADERS, known)
    # the full parse's items but those read before byte for byte in the same state
    assert got.items == tuple(i for i in full.items if known.get(i.key) != i.entry_hash)
    assert (got.keys, got.warning) == (full.keys, full.warning)
    if between == "\x0c":  # feedparser's route: its digests are of other spans, none known
        assert got.warning and "not well-formed" in got.warning and len(got.items) == 9
    else:  # the six known entries: one run, or one mark each where a comment parts them
        assert [i.key for i in got.items] == ["urn:x:9", "urn:x:8", "urn:x:7"]
        assert marks == (["0 6"] if not between.strip() else [f"{n} {n + 1}" for n in range(6)])


@pytest.mark.parametrize("broken", [False, True], ids=["fast path", "feedparser, not well-formed"])
def test_a_parse_leaves_nothing_of_its_own_in_reference_cycles(broken):
    """What a parse made is freed as soon as it returns, not when the cyclic collector next
    runs: the expat pass's reader (its parser's handlers are its own methods) and, on
    feedparser's route, the error's traceback, whose frames (the caller's included) would hold
    the body and the items. (feedparser's own parser objects stay in small cycles of their
    own; a parser worker collects them after each task.)"""
    import gc
    from types import FrameType

    body = rss_item("<guid>urn:x:1</guid><title>t</title><description>d</description>")
    if broken:
        body = body.replace(b"<title>t</title>", b"<title>t &nbsp; <b>t</title>")
    gc.collect()
    gc.disable()
    try:
        got = parse("f", URL, body, HEADERS)
        assert got.fast is not broken and len(got.items) == 2
        assert broken is ("SAXParseException" in (got.warning or ""))
        gc.set_debug(gc.DEBUG_SAVEALL)
        found = gc.collect()
        left = [o for o in gc.garbage if type(o) is FrameType
                or type(o).__module__ in ("monitor.types", "monitor.parse.fast")]
        assert found == 0 or broken
        assert left == []
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
