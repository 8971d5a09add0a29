"""The parse stage: feeds written for the tests (tests/data/sample-*), broken and hostile bodies."""

from __future__ import annotations

import pickle
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.exceptions import FeedParseError
from monitor.parse import parse_feed

DATA = Path(__file__).parent / "data"
URL = "https://feeds.example/feed.xml"
RSS_TYPE = {"content-type": "application/rss+xml; charset=utf-8"}


def parse(body: bytes, headers: dict[str, str] | None = None):
    return parse_feed(URL, body, RSS_TYPE if headers is None else headers)


def rejected(body: bytes, headers: dict[str, str] | None = None) -> str:
    with pytest.raises(FeedParseError) as info:
        parse(body, headers)
    assert info.value.url == URL
    return info.value.reason


def bounded(fn, *, seconds: float, mib: int):
    """Run fn; fail if it takes longer than ``seconds`` or allocates more than ``mib`` at peak."""
    tracemalloc.start()
    started = time.monotonic()
    try:
        result = fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    elapsed = time.monotonic() - started
    assert elapsed < seconds, f"took {elapsed:.1f} s"
    assert peak < mib << 20, f"peak {peak / 2**20:.1f} MiB"
    return result


# --- ordinary feeds ------------------------------------------------------------------------------


def test_rss_sample():
    """An RSS 2.0 feed gives its entries with HTML kept, UTC dates, and its <ttl>."""
    feed = parse((DATA / "sample-rss.xml").read_bytes())
    assert (feed.title, feed.link, feed.version) == (
        "Harbour Gazette", "https://gazette.example/", "rss20")
    assert feed.ttl_minutes == 45 and feed.warning is None
    first, second, third = feed.entries
    assert first.guid == "gazette-1001"
    assert first.link == "https://gazette.example/2025/11/ferry-timetable"
    assert first.title == "Ferry timetable changes for the winter"
    assert first.summary == "<p>The <b>harbour authority</b> publishes a new timetable.</p>"
    assert first.content == "<p>From 1 December the <em>morning ferry</em> leaves at 07:15.</p>"
    assert first.published == datetime(2025, 11, 17, 9, 30, tzinfo=UTC)
    assert second.published == datetime(2025, 11, 17, 4, 5, tzinfo=UTC)  # -0500, next day in UTC
    assert second.content is None
    assert third.guid is None and third.published is None  # 31 February is ignored


def test_atom_sample():
    """An Atom feed: HTML titles and summaries as given, content joined, published or updated."""
    feed = parse((DATA / "sample-atom.xml").read_bytes(), {"content-type": "application/atom+xml"})
    assert feed.version == "atom10" and feed.title == "Valley Observatory Notes"
    comet, sky = feed.entries
    assert comet.title == "Comet <i>C/2025 X1</i> brightens"
    assert comet.summary == "<p>Visible before dawn.</p>"
    assert "<strong>east</strong>" in comet.content
    assert comet.published == datetime(2025, 11, 17, 22, 45, tzinfo=UTC)  # +09:00 → UTC
    assert sky.published == datetime(2025, 11, 17, 20, 0, tzinfo=UTC)  # from <updated>
    assert sky.guid == "urn:uuid:0d7c1b0e-2f44-4a0c-8e1e-0a4cdb1f0002"


def test_result_pickles_for_worker_processes():
    """A parsed feed crosses a process boundary unchanged (parsing runs in worker processes)."""
    feed = parse((DATA / "sample-rss.xml").read_bytes())
    assert pickle.loads(pickle.dumps(feed)) == feed


# --- not a feed ----------------------------------------------------------------------------------


def test_html_page_is_not_a_feed():
    """An HTML page (a moved feed, a login wall) is rejected with a reason that says so."""
    page = (DATA / "sample-page.html").read_bytes()
    assert rejected(page) == "not a feed: an HTML page"
    assert rejected(page, {"content-type": "text/html"}) == "not a feed: an HTML page"


@pytest.mark.parametrize("body", [b"", b"   \n\t "])
def test_empty_body_is_not_a_feed(body):
    """An empty response is reported as such, not as a parser error."""
    assert rejected(body) == "empty body"


@pytest.mark.parametrize("body", [b"\x00\xff\xfe garbage \x89PNG", b"<<<", b"plain text"])
def test_garbage_is_not_a_feed(body):
    """Garbage is rejected with feedparser's complaint in the reason."""
    assert rejected(body).startswith("not a feed:")


def test_json_and_opml_are_named_in_the_reason():
    """A JSON Feed or an OPML list given as a feed is rejected with a reason naming it."""
    assert "looks like JSON" in rejected(b'{"version": "https://jsonfeed.org/version/1.1"}')
    opml = b'<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body/></opml>'
    assert "OPML" in rejected(opml)


def test_body_naming_a_local_file_is_not_read(tmp_path):
    """A body that happens to be a file path is parsed as text, never opened as a file."""
    secret = tmp_path / "secret.txt"
    secret.write_text("<rss version='2.0'><channel><item><title>SECRET-7f3a</title></item>"
                      "</channel></rss>")
    reason = rejected(str(secret).encode())
    assert "SECRET-7f3a" not in reason


# --- broken but readable -------------------------------------------------------------------------


def test_truncated_feed_keeps_the_complete_entries():
    """A feed cut off mid-download still yields its complete entries, with a warning."""
    body = (DATA / "sample-rss.xml").read_bytes()
    cut = body[: body.index(b"<title>Lighthouse")]
    feed = parse(cut)
    assert [e.guid for e in feed.entries][:2] == ["gazette-1001", "gazette-1002"]
    assert feed.entries[1].title == "Fish market reopens"
    assert feed.warning


def test_wrong_or_missing_charset_does_not_raise():
    """Latin-1 served as UTF-8, or text/xml without charset: entries come through, warned."""
    body = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            "<item><title>Caf\u00e9 opens in Bras\u00edlia</title>"
            "<guid isPermaLink='false'>c1</guid></item>"
            "</channel></rss>").encode("latin-1")
    for headers in (RSS_TYPE, {"content-type": "text/xml"}, {}):
        feed = parse(body, headers)
        assert [e.guid for e in feed.entries] == ["c1"]
        assert feed.entries[0].title.startswith("Caf")
        assert feed.warning


def test_invalid_utf8_does_not_raise():
    """Bytes that are not UTF-8 in a UTF-8 feed are survivable."""
    body = (b"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            b"<item><title>bad \xff\xfe bytes \xc3</title>"
            b"<guid isPermaLink='false'>b1</guid></item>"
            b"</channel></rss>")
    feed = parse(body)
    assert [e.guid for e in feed.entries] == ["b1"] and feed.warning


def test_short_literal_entity_is_kept():
    """A DOCTYPE that declares a short literal entity still works (as feedparser allows)."""
    body = (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY id "tag:example.com,">]>'
            b"<rss version='2.0'><channel><item><guid isPermaLink='false'>&id;2006:/x</guid>"
            b"</item></channel></rss>")
    assert parse(body).entries[0].guid == "tag:example.com,2006:/x"


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=200).map(lambda t: (
    "<?xml version='1.0'?><rss version='2.0'><channel><item><title>" + t
    + "</title></item></channel></rss>").encode("utf-8", "surrogatepass")))
def test_arbitrary_bytes_give_a_feed_or_feed_parse_error(body):
    """Whatever the bytes, parsing returns a feed or raises FeedParseError, nothing else."""
    try:
        feed = parse(body)
    except FeedParseError:
        return
    pickle.dumps(feed)


# --- hostile documents ---------------------------------------------------------------------------


def _laughs(one_line: bool) -> bytes:
    decls = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    sep = "" if one_line else "\n"
    return (f'<?xml version="1.0"?>{sep}<!DOCTYPE rss [{sep}{sep.join(decls)}{sep}]>'
            "<rss version='2.0'><channel><title>t</title><item><guid isPermaLink='false'>g</guid>"
            "<title>&lol9;</title><description>&lol5;</description></item></channel></rss>"
            ).encode()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
@pytest.mark.parametrize("one_line", [True, False], ids=["one-line", "multi-line"])
def test_billion_laughs_does_not_expand(one_line, encoding):
    """A billion-laughs feed parses in milliseconds and a few MiB; nothing is expanded."""
    declared = f'version="1.0" encoding="{encoding}"?>'
    body = _laughs(one_line).decode().replace('version="1.0"?>', declared).encode(encoding)
    feed = bounded(lambda: parse(body, {"content-type": "application/xml"}), seconds=2, mib=8)
    assert "lollol" not in repr(feed)
    assert [e.guid for e in feed.entries] == ["g"] and feed.warning


def test_long_entity_referenced_many_times_does_not_expand():
    """A 100 kB entity value (hidden in a comment) referenced 30,000 times stays unexpanded.

    Plain feedparser turns a 109 kB document like this into a 300 MB title (860 MB peak, 9 s).
    """
    body = (b'<?xml version="1.0"?>\n<!--\n<!ENTITY a "' + b"x" * 100_000 + b'">\n-->\n'
            b"<!DOCTYPE rss>\n<rss version='2.0'><channel><item><title>"
            + b"&a;" * 30_000 + b"</title></item><broken></channel></rss>")
    feed = bounded(lambda: parse(body), seconds=5, mib=32)
    assert "xxxxxxxxxx" not in repr(feed)


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{uri}">]>',
    '<!DOCTYPE rss [\n<!ENTITY xxe SYSTEM "{uri}">\n]>',
    '<!DOCTYPE rss [<!ENTITY % pe SYSTEM "{uri}"> %pe;]>',
    '<!DOCTYPE rss SYSTEM "{uri}">',
    '<!DOCTYPE rss [<!ENTITY xxe PUBLIC "-//x//y" "{uri}">]>',
], ids=["general", "general-multiline", "parameter", "external-dtd", "public"])
@pytest.mark.parametrize("target", ["tmp", "passwd"])
def test_external_entities_read_nothing(tmp_path, doctype, target):
    """An external entity naming a local file (XXE) reads nothing: its text never shows up."""
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-4b1d")
    uri, marker = (secret.as_uri(), "SECRET-4b1d") if target == "tmp" else (
        "file:///etc/passwd", "root:")
    body = (f'<?xml version="1.0"?>{doctype.format(uri=uri)}'
            "<rss version='2.0'><channel><title>t</title><item><guid isPermaLink='false'>g</guid>"
            "<title>a &xxe; b</title><description>&xxe;</description></item></channel></rss>"
            ).encode()
    try:
        feed = parse(body, {"content-type": "application/xml"})
    except FeedParseError as e:
        assert marker not in str(e)
    else:
        assert marker not in repr(feed)
        assert [e.guid for e in feed.entries] == ["g"]


@pytest.mark.parametrize("broken", [False, True], ids=["well-formed", "broken"])
def test_twenty_megabyte_item_parses_in_bounded_memory(broken):
    """A single 20 MB item parses within seconds and < 250 MiB (measured: ~100, broken ~160)."""
    para = b"<p>" + b"harbour news " * 80 + b"</p>\n"
    text = para * (20_000_000 // len(para) + 1)
    body = (b"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>big</title>"
            b"<item><guid isPermaLink='false'>big-1</guid><title>Big</title><description><![CDATA["
            + text + b"]]></description></item>" + (b"<broken>" if broken else b"")
            + b"</channel></rss>")
    assert len(body) > 20_000_000
    feed = bounded(lambda: parse(body), seconds=30, mib=250)
    assert feed.entries[0].guid == "big-1" and len(feed.entries[0].summary) >= 20_000_000
    assert bool(feed.warning) is broken
