"""Find a feed's entries and their keys in the raw bytes, cheaply, so only new ones get parsed.

feedparser parses whole documents, so a poll that brings 3 new entries in a feed of 30 would pay
for 30. ``scan`` runs expat (C, no Python work per character) over the raw document, records the
byte span and the key of every entry, and ``Scan.select`` builds a smaller document: the bytes
before the first entry (the feed header), the entries whose keys the store does not know, and the
bytes after the last entry. feedparser parses that document as it would the whole one, because it
is the same bytes minus some whole, well-formed sibling elements.

A key here is what ``normalize.to_item`` makes of the entry: the guid (RSS ``<guid>``, Atom
``<id>``) stripped, else (RSS only) the canonical ``<link>``. The scan is deliberately narrow and
says "unsure" (returns None) for anything outside the plain cases, and the caller then parses the
whole document:

- not well-formed XML (expat error), a DOCTYPE (entities), an encoding other than UTF-8 (declared,
  from a BOM, or from the HTTP charset), non-ASCII bytes under a ``text/*`` type with no charset;
- anything but RSS 2.0 (``<rss><channel><item>`` with no namespace) or Atom 1.0 (``<feed>`` and
  ``<entry>`` in the Atom namespace): RSS 1.0/RDF, Atom 0.3, namespaced RSS, JSON;
- an ``item``/``entry`` element anywhere else (nested in content, in another namespace);
- ``xml:base`` anywhere (it changes how links resolve);
- anything but white space between two entries;
- an entry without a key, with two guids/ids, with markup inside its guid, with a guid feedparser
  would rewrite (a relative permalink), or with the same key as another entry;
- no entries at all (nothing to gain).

The pipeline also checks the result: the keys of the entries parsed from the smaller document must
be exactly the keys the scan announced, else it parses the whole document.

The fast path (``fast_items``, used by ``parse_items``) goes further for a document the scan is
sure about, served as application/xml, rss+xml or atom+xml: it builds each RawEntry from the same
expat events and skips feedparser (most of a first poll's CPU). It reproduces only a whitelist,
and turns itself off for anything else: RSS item children title, link, guid (isPermaLink only),
description, pubDate, content:encoded, plus category, author, comments, dc:creator (ignored);
Atom entry children title/summary/content (type text or html), id, one link (href, rel
alternate), published, updated, plus category and author (ignored); no attributes elsewhere in an
entry, no markup inside a field, no field twice, content not before the summary, links absolute
and unchanged by URL joining, no text feedparser would re-decode (C1 controls, UTF-8 read as
Latin-1), dates only in the plain RFC 822 (GMT or +hhmm) and W3C-DTF (Z or +hh:mm, no fraction)
forms. It mirrors feedparser's quirks: a permalink guid or an Atom id is the link of an entry
without one, content stands in for an absent summary. tests/test_scan_fast.py checks it equals
the feedparser path field by field wherever it engages.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Container, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from urllib.parse import urljoin
from xml.parsers import expat

from monitor.exceptions import FeedError
from monitor.normalize import canonical_url, to_item, to_items
from monitor.parse import _ttl, parse_feed
from monitor.types import Item, RawEntry

ATOM = "http://www.w3.org/2005/Atom"
XML_BASE = "http://www.w3.org/XML/1998/namespace base"
_SEP = " "  # expat's namespace separator: "uri local"
_ENTRY_NAMES = frozenset({"item", "entry"})
_KEY_NAMES = frozenset({"guid", "id", "link"})
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_URIFIX = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://(/+)")  # feedparser drops extra slashes
_BAD_AMP = re.compile(r"&[A-Za-z0-9_]+;")  # feedparser rewrites these in links
_C1 = re.compile("[\x80-\x9f]")  # feedparser maps these to cp1252 characters
_WS = b" \t\r\n"
_OPENERS = {
    "rss": re.compile(rb"<(?:[\w.-]+:)?item[\s/>]"),
    "atom": re.compile(rb"<(?:[\w.-]+:)?entry[\s/>]"),
}
_BASE = "http://scan.invalid/"

# --- the fast path: RawEntry fields straight from the expat events (see ``_Fast``) ---
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
# (namespace uri, local name) of an entry child → (field, allowed attributes) for the fields we
# build, or (None, allowed attributes) for children feedparser maps to nothing we use.
_FAST_RSS: dict[tuple[str, str], tuple[str | None, frozenset[str]]] = {
    ("", "title"): ("title", frozenset()),
    ("", "link"): ("link", frozenset()),
    ("", "guid"): ("guid", frozenset({"isPermaLink"})),
    ("", "description"): ("summary", frozenset()),
    ("", "pubDate"): ("published", frozenset()),
    (CONTENT, "encoded"): ("content", frozenset()),
    ("", "category"): (None, frozenset({"domain"})),
    ("", "author"): (None, frozenset()),
    ("", "comments"): (None, frozenset()),
    (DC, "creator"): (None, frozenset()),
}
_FAST_ATOM: dict[tuple[str, str], tuple[str | None, frozenset[str]]] = {
    (ATOM, "title"): ("title", frozenset({"type"})),
    (ATOM, "id"): ("guid", frozenset()),
    (ATOM, "link"): ("link", frozenset({"href", "rel"})),
    (ATOM, "summary"): ("summary", frozenset({"type"})),
    (ATOM, "content"): ("content", frozenset({"type"})),
    (ATOM, "published"): ("published", frozenset()),
    (ATOM, "updated"): ("updated", frozenset()),
    (ATOM, "category"): (None, frozenset({"term", "scheme", "label"})),
    (ATOM, "author"): (None, frozenset()),
}
_ATOM_AUTHOR_CHILDREN = frozenset({ATOM + _SEP + "name", ATOM + _SEP + "email",
                                   ATOM + _SEP + "uri"})
_ATOM_TEXT_TYPES = frozenset({"text", "html"})
_MONTHS = {m: i for i, m in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1)}
_RFC822 = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?([0-9]{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
    r"Oct|Nov|Dec) ([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-5][0-9]) (GMT|[+-][0-9]{4})\Z"
)
_W3DTF = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-5][0-9])(Z|[+-][0-9]{2}:[0-9]{2})\Z"
)
# media types under which feedparser raises no bozo flag for a UTF-8 document
_FAST_MEDIA = frozenset({"application/xml", "application/rss+xml", "application/atom+xml"})


class Unsure(Exception):  # control flow inside this module, never raised out
    """The scan cannot vouch for this document."""


@dataclass(frozen=True, slots=True)
class Scan:
    """Entries found in a document: their keys and byte spans, in document order."""

    kind: str  # "rss" or "atom"
    keys: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]  # [start, end) of each entry element

    def new_keys(self, known: Container[str]) -> tuple[str, ...]:
        return tuple(k for k in self.keys if k not in known)

    def digests(self, body: bytes) -> tuple[str, ...]:
        """A digest of each entry's raw bytes (the same in a smaller document made by
        ``select``): an entry whose bytes change is parsed again."""
        return tuple(hashlib.blake2b(body[start:end], digest_size=12).hexdigest()
                     for start, end in self.spans)

    def select(self, body: bytes, known: Container[str]) -> bytes:
        """The document with only the entries whose keys are not in ``known``."""
        head = body[: self.spans[0][0]]
        tail = body[self.spans[-1][1] :]
        parts = [head]
        for key, (start, end) in zip(self.keys, self.spans, strict=True):
            if key not in known:
                parts.append(body[start:end])
                parts.append(b"\n")
        parts.append(tail)
        return b"".join(parts)


def _charset(headers: Mapping[str, str] | None) -> tuple[str | None, str]:
    """(charset, media type) from a Content-Type header, lower-case."""
    if not headers:
        return None, ""
    value = ""
    for k, v in headers.items():
        if k.lower() == "content-type":
            value = v
            break
    media, _, params = value.partition(";")
    charset = None
    for p in params.split(";"):
        name, _, val = p.partition("=")
        if name.strip().lower() == "charset":
            charset = val.strip().strip("\"'").lower()
    return charset, media.strip().lower()


def _clean_key(text: str, permalink: bool) -> str:
    """The key feedparser and normalize would make of a guid/id text, or Unsure."""
    key = text.strip()
    if not key or _C1.search(key):
        raise Unsure("empty key or C1 control characters")
    try:  # feedparser's fix for UTF-8 read as Latin-1
        fixed = key.encode("iso-8859-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        fixed = key
    if fixed != key:
        raise Unsure("key that feedparser would re-decode")
    if permalink:  # feedparser resolves permalink guids and Atom ids against the base URI
        if not _SCHEME.match(key) or _URIFIX.match(key):
            raise Unsure("relative permalink guid")
        try:
            if urljoin(_BASE, key) != key:
                raise Unsure("guid that URL joining would rewrite")
        except ValueError:
            raise Unsure("unparsable permalink guid") from None
    return key


def _link_key(text: str) -> str:
    link = text.strip()
    if not link.startswith(("http://", "https://")) or _BAD_AMP.search(link) or _URIFIX.match(
        link
    ):
        raise Unsure("link that feedparser would rewrite")
    try:
        if urljoin(_BASE, link) != link:
            raise Unsure("link that URL joining would rewrite")
    except ValueError:
        raise Unsure("unparsable link") from None
    key = canonical_url(link)
    if not key:
        raise Unsure("empty link")
    return key


class _Scanner:
    """expat callbacks: track depth, entry spans and the key elements' text."""

    def __init__(self, body: bytes, fast: bool = False) -> None:
        self.body = body
        self.parser = p = expat.ParserCreate(namespace_separator=_SEP)
        p.buffer_text = True
        p.StartElementHandler = self.start
        p.EndElementHandler = self.end
        p.StartDoctypeDeclHandler = self.doctype
        p.XmlDeclHandler = self.xmldecl
        self.depth = 0
        self.kind = ""
        self.channel_depth = -1
        self.entry_depth = -1  # depth of the open entry element, -1 outside entries
        self.entry_start = 0
        self.fields: dict[str, str] = {}
        self.permalink = True
        self.text: list[str] | None = None  # collecting a key element's text
        self.text_name = ""
        self.text_depth = -1
        self.keys: list[str] = []
        self.spans: list[tuple[int, int]] = []
        # the fast path: off (for good) at the first construct it does not reproduce
        self.fast = fast
        self.ftext: list[str] | None = None  # collecting a fast-path field's text
        self.fname: str | None = None
        self.fdepth = -1
        self.fattrs: dict[str, str] = {}
        self.ffields: dict[str, tuple[str, dict[str, str]]] = {}
        self.forder: list[str] = []
        self.in_author = False
        self.raw: list[RawEntry] = []
        self.ttl: str | None = None
        if fast:
            p.CharacterDataHandler = self.chars

    def doctype(self, *args: object) -> None:
        raise Unsure("DOCTYPE")

    def xmldecl(self, version: str, encoding: str | None, standalone: int) -> None:
        if encoding is not None and encoding.lower() not in ("utf-8", "utf8"):
            raise Unsure(f"encoding {encoding}")

    def chars(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)
        if self.ftext is not None:
            self.ftext.append(data)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        depth = self.depth = self.depth + 1
        if XML_BASE in attrs:
            raise Unsure("xml:base")
        if self.text is not None:
            raise Unsure("markup inside a key element")
        uri, _, local = name.rpartition(_SEP)
        if self.fast:
            self._fast_start(depth, uri, local, name, attrs)
        if depth == 1:
            if name == "rss":
                self.kind = "rss"
            elif name == ATOM + _SEP + "feed":
                self.kind = "atom"
            else:
                raise Unsure(f"root element {name!r}")
            return
        if local in _ENTRY_NAMES:
            in_rss = self.kind == "rss" and name == "item" and depth == 3
            in_atom = self.kind == "atom" and uri == ATOM and local == "entry" and depth == 2
            if not ((in_rss and self.channel_depth == 2) or in_atom):
                raise Unsure(f"{local} element in an unexpected place")
            self.entry_depth = depth
            self.entry_start = self.parser.CurrentByteIndex
            self.fields = {}
            self.permalink = True
            return
        if self.kind == "rss" and depth == 2 and name == "channel":
            if self.channel_depth != -1:
                raise Unsure("two channels")
            self.channel_depth = depth
            return
        if self.entry_depth == -1:
            return
        if depth == self.entry_depth + 1 and local in _KEY_NAMES:
            if uri != ("" if self.kind == "rss" else ATOM):
                if local == "link":  # e.g. atom:link in an RSS item: matters if it has no guid
                    self.fields["foreign link"] = ""
                    return
                raise Unsure(f"{local} in another namespace")
            if local == "link" and self.kind == "atom":
                return  # Atom links are attributes; Atom entries are keyed by their id
            if local in self.fields:
                raise Unsure(f"two {local} elements in one entry")
            if local == "guid" and attrs.get("isPermaLink", "true") != "true":
                self.permalink = False
            self.text = []
            self.text_name = local
            self.text_depth = depth
            self.parser.CharacterDataHandler = self.chars

    def end(self, name: str) -> None:
        depth = self.depth
        self.depth -= 1
        if self.fast and depth == self.fdepth:
            self._fast_end()
        elif self.in_author and depth == self.fdepth + 1:
            self.ftext = None  # end of a leaf in atom:author
        if self.text is not None and depth == self.text_depth:
            self.fields[self.text_name] = "".join(self.text)
            self.text = None
            if not self.fast:
                self.parser.CharacterDataHandler = None
            return
        if depth == self.entry_depth:
            self.entry_depth = -1
            end = self.body.index(b">", self.parser.CurrentByteIndex) + 1
            if self.body[self.parser.CurrentByteIndex : end].rstrip(b" \t\r\n>").endswith(b"/"):
                raise Unsure("empty entry element")
            self.keys.append(self._key())
            if self.fast:
                self._fast_entry(self.keys[-1])
            self.spans.append((self.entry_start, end))
        elif depth == self.channel_depth:
            self.channel_depth = -3  # closed: items after it are not in the channel

    # --- the fast path ---------------------------------------------------------------------

    def _fast_start(self, depth: int, uri: str, local: str, name: str, attrs: dict[str, str]):
        """Note the start of a field we build, or turn the fast path off."""
        if self.fname is not None:  # markup inside a field
            if not (self.in_author and name in _ATOM_AUTHOR_CHILDREN and not attrs
                    and depth == self.fdepth + 1 and self.ftext is None):
                self.fast = False
                return
            self.ftext = []  # a leaf in atom:author: text we drop
            return
        if local == "ttl":
            if self.kind == "rss" and name == "ttl" and depth == 3 and self.entry_depth == -1 \
                    and self.channel_depth == 2 and self.ttl is None and not attrs:
                self._fast_collect("ttl", depth, attrs)
            else:
                self.fast = False
            return
        if self.entry_depth == -1:
            if local in _ENTRY_NAMES and attrs:
                self.fast = False
            elif local in _ENTRY_NAMES:
                self.ffields = {}
                self.forder = []
            return
        if depth != self.entry_depth + 1:
            self.fast = False
            return
        known = (_FAST_RSS if self.kind == "rss" else _FAST_ATOM).get((uri, local))
        if known is None or not known[1].issuperset(attrs):
            self.fast = False
            return
        field = known[0]
        if field is None:
            self.in_author = name == ATOM + _SEP + "author"
            self._fast_collect("", depth, attrs)
            if self.in_author:
                self.ftext = None
            return
        if field in self.ffields:
            self.fast = False
            return
        if "type" in attrs and attrs["type"] not in _ATOM_TEXT_TYPES:
            self.fast = False
            return
        if "rel" in attrs and attrs["rel"] != "alternate":
            self.fast = False
            return
        if field == "guid" and attrs.get("isPermaLink", "true") not in ("true", "false"):
            self.fast = False
            return
        self._fast_collect(field, depth, attrs)

    def _fast_collect(self, field: str, depth: int, attrs: dict[str, str]) -> None:
        self.fname = field
        self.fdepth = depth
        self.fattrs = attrs
        self.ftext = []

    def _fast_end(self) -> None:
        name, text = self.fname, "".join(self.ftext or ())
        self.fname, self.ftext, self.fdepth, self.in_author = None, None, -1, False
        if name == "ttl":
            self.ttl = text
        elif name:
            self.ffields[name] = (text, self.fattrs)
            self.forder.append(name)

    def _fast_entry(self, key: str) -> None:
        """The RawEntry feedparser would make of the entry just closed, or fast path off."""
        try:
            self.raw.append(self._raw_entry(key))
        except Unsure:
            self.fast = False

    def _raw_entry(self, key: str) -> RawEntry:
        f = self.ffields
        order = self.forder
        if "content" in f and "summary" in f and order.index("content") < order.index("summary"):
            raise Unsure("content before summary: feedparser shuffles them")
        values: dict[str, str | None] = {}
        for name, (text, attrs) in f.items():
            if name == "link" and self.kind == "atom":
                if text.strip() or "href" not in attrs:
                    raise Unsure("atom link with text or without href")
                text = attrs["href"]
                if text != text.strip():
                    raise Unsure("atom href with spaces")
            else:
                text = text.strip()
            if _C1.search(text):
                raise Unsure("C1 control characters")
            try:
                if text.encode("iso-8859-1").decode("utf-8") != text:
                    raise Unsure("text that feedparser would re-decode")
            except (UnicodeEncodeError, UnicodeDecodeError):
                pass
            values[name] = text
        guid = key if "guid" in f else None  # the scan's key is the cleaned guid/id
        if "guid" in f and values["guid"] != key:
            raise Unsure("guid differs from key")
        link = values.get("link")
        if link is not None:
            _link_key(link)  # raises Unsure for a link feedparser would rewrite
        elif guid is not None and (self.kind == "atom" or self.permalink):
            link = guid  # feedparser: a permalink guid (or an Atom id) is the link when none
        summary = values.get("summary")
        content = values.get("content")
        if "summary" not in f and "content" in f:
            summary = content  # feedparser copies text/html content to an absent summary
        published = _date(values.get("published"), self.kind)
        if published is None and self.kind == "atom":
            published = _date(values.get("updated"), "atom")
        return RawEntry(
            guid=guid or None,
            link=link or None,
            title=values.get("title") or None,
            summary=summary or None,
            content=content or None,
            published=published,
        )

    def _key(self) -> str:
        f = self.fields
        if self.kind == "atom":
            if "id" not in f:
                raise Unsure("Atom entry without an id")
            return _clean_key(f["id"], permalink=True)
        if "guid" in f:
            return _clean_key(f["guid"], permalink=self.permalink)
        if "foreign link" in f:
            raise Unsure("item keyed by its link has another link element too")
        if "link" in f:
            return _link_key(f["link"])
        raise Unsure("item without guid or link")


def _date(text: str | None, kind: str) -> datetime | None:
    """An RFC 822 (RSS) or W3C-DTF (Atom) date in its plainest form, as UTC; Unsure otherwise."""
    if text is None:
        return None
    try:
        if kind == "rss":
            m = _RFC822.match(text)
            if m is None:
                raise Unsure(f"date {text!r}")
            day, mon, year, hh, mm, ss, tz = m.groups()
            t = datetime(int(year), _MONTHS[mon], int(day), int(hh), int(mm), int(ss), tzinfo=UTC)
            if tz != "GMT":
                sign = 1 if tz[0] == "+" else -1
                t -= sign * timedelta(hours=int(tz[1:3]), minutes=int(tz[3:5]))
        else:
            m = _W3DTF.match(text)
            if m is None:
                raise Unsure(f"date {text!r}")
            year, mon, day, hh, mm, ss, tz = m.groups()
            t = datetime(int(year), int(mon), int(day), int(hh), int(mm), int(ss), tzinfo=UTC)
            if tz != "Z":
                sign = 1 if tz[0] == "+" else -1
                t -= sign * timedelta(hours=int(tz[1:3]), minutes=int(tz[4:6]))
    except (ValueError, OverflowError):
        raise Unsure(f"date {text!r}") from None
    if not 1900 <= t.year <= 9998:
        raise Unsure(f"date {text!r} out of range")
    return t


def _scan(body: bytes, headers: Mapping[str, str] | None, fast: bool) -> tuple[
    Scan | None, _Scanner | None
]:
    """The scan, and the scanner (for the fast path's entries) when the scan is sure."""
    if not body or body[:2] in (b"\xff\xfe", b"\xfe\xff") or body[:4] == b"\x00\x00\xfe\xff":
        return None, None
    charset, media = _charset(headers)
    if charset is not None and charset not in ("utf-8", "utf8"):
        return None, None
    if charset is None and media.startswith("text/") and not body.isascii():
        return None, None  # feedparser would assume us-ascii (RFC 3023) and override it
    s = _Scanner(body, fast=fast and media in _FAST_MEDIA)
    try:
        s.parser.Parse(body, True)
    except (Unsure, expat.ExpatError, ValueError):
        return None, None
    if not s.keys or len(set(s.keys)) != len(s.keys):
        return None, None
    # every entry tag in the raw bytes is one we found: none hides in CDATA or a comment, and
    # none is written with a prefix
    opener = _OPENERS[s.kind]
    if len(opener.findall(body)) != len(s.spans):
        return None, None
    tag = b"<item" if s.kind == "rss" else b"<entry"
    if any(not body.startswith(tag, start) for start, _ in s.spans):
        return None, None
    # between entries, only white space: the smaller document then drops nothing else
    spans = s.spans
    for (_, end), (start, _) in pairwise(spans):
        if body[end:start].strip(_WS):
            return None, None
    return Scan(kind=s.kind, keys=tuple(s.keys), spans=tuple(spans)), s


def fast_items(
    feed_id: str, body: bytes, headers: Mapping[str, str]
) -> tuple[tuple[Item, ...], int | None] | None:
    """(items, ttl minutes) built from the expat events without feedparser, for a document the
    scan is sure about and whose every entry uses only constructs reproduced exactly here;
    None otherwise (then feedparser parses it)."""
    found, s = _scan(body, headers, fast=True)
    if found is None or s is None or not s.fast or len(s.raw) != len(found.keys):
        return None
    items = tuple(replace(to_item(feed_id, e), entry_hash=d)
                  for e, d in zip(s.raw, found.digests(body), strict=True))
    return items, _ttl(s.ttl.strip() if s.ttl else None)


def scan(body: bytes, headers: Mapping[str, str] | None = None) -> Scan | None:
    """The entries of a plain RSS 2.0 or Atom 1.0 document, or None when unsure (see above)."""
    return _scan(body, headers, fast=False)[0]


def parse_items(
    feed_id: str,
    url: str,
    body: bytes,
    headers: Mapping[str, str],
    partial: tuple[bytes, tuple[str, ...]] | None = None,
    *,
    fast: bool = True,
) -> tuple[tuple[Item, ...], str | None, int | None]:
    """Parse and normalise in one call: (items, warning, ttl minutes). This is what the worker
    processes run: it lives here, not in pipeline.py, so a worker imports only this module,
    parse.py and normalize.py (and returns compact Items, cheap to pickle).

    ``partial`` is (a smaller document made by ``Scan.select``, the keys of the entries it
    keeps): it is parsed instead of ``body`` when its entries come out with exactly those keys;
    else (the scan was wrong, or the smaller document does not parse) ``body`` is parsed, and
    the warning says so.

    With ``fast`` (the default), a document ``fast_items`` vouches for skips feedparser.
    """
    note = None
    if fast:
        got = fast_items(feed_id, partial[0] if partial is not None else body, headers)
        if got is not None and (partial is None or tuple(i.key for i in got[0]) == partial[1]):
            return got[0], None, got[1]
    if partial is not None:
        doc, keys = partial
        try:
            parsed = parse_feed(url, doc, headers)
        except FeedError:
            parsed = None
        if parsed is not None:
            items = to_items(feed_id, parsed)
            if tuple(i.key for i in items) == keys:
                return items, parsed.warning, parsed.ttl_minutes
        note = "scan mismatch: parsed the whole document"  # correct anyway, only slower
    parsed = parse_feed(url, body, headers)
    warning = "; ".join(w for w in (parsed.warning, note) if w) or None
    return to_items(feed_id, parsed), warning, parsed.ttl_minutes
