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
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping
from dataclasses import dataclass
from itertools import pairwise
from urllib.parse import urljoin
from xml.parsers import expat

from monitor.exceptions import FeedError
from monitor.normalize import canonical_url, to_items
from monitor.parse import parse_feed
from monitor.types import Item

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

    def __init__(self, body: bytes) -> None:
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

    def doctype(self, *args: object) -> None:
        raise Unsure("DOCTYPE")

    def xmldecl(self, version: str, encoding: str | None, standalone: int) -> None:
        if encoding is not None and encoding.lower() not in ("utf-8", "utf8"):
            raise Unsure(f"encoding {encoding}")

    def chars(self, data: str) -> None:
        assert self.text is not None
        self.text.append(data)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        depth = self.depth = self.depth + 1
        if XML_BASE in attrs:
            raise Unsure("xml:base")
        if self.text is not None:
            raise Unsure("markup inside a key element")
        uri, _, local = name.rpartition(_SEP)
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
        if self.text is not None and depth == self.text_depth:
            self.fields[self.text_name] = "".join(self.text)
            self.text = None
            self.parser.CharacterDataHandler = None
            return
        if depth == self.entry_depth:
            self.entry_depth = -1
            end = self.body.index(b">", self.parser.CurrentByteIndex) + 1
            if self.body[self.parser.CurrentByteIndex : end].rstrip(b" \t\r\n>").endswith(b"/"):
                raise Unsure("empty entry element")
            self.keys.append(self._key())
            self.spans.append((self.entry_start, end))
        elif depth == self.channel_depth:
            self.channel_depth = -3  # closed: items after it are not in the channel

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


def scan(body: bytes, headers: Mapping[str, str] | None = None) -> Scan | None:
    """The entries of a plain RSS 2.0 or Atom 1.0 document, or None when unsure (see above)."""
    if not body or body[:2] in (b"\xff\xfe", b"\xfe\xff") or body[:4] == b"\x00\x00\xfe\xff":
        return None
    charset, media = _charset(headers)
    if charset is not None and charset not in ("utf-8", "utf8"):
        return None
    if charset is None and media.startswith("text/") and not body.isascii():
        return None  # feedparser would assume us-ascii (RFC 3023) and override it
    s = _Scanner(body)
    try:
        s.parser.Parse(body, True)
    except (Unsure, expat.ExpatError, ValueError):
        return None
    if not s.keys or len(set(s.keys)) != len(s.keys):
        return None
    # every entry tag in the raw bytes is one we found: none hides in CDATA or a comment, and
    # none is written with a prefix
    opener = _OPENERS[s.kind]
    if len(opener.findall(body)) != len(s.spans):
        return None
    tag = b"<item" if s.kind == "rss" else b"<entry"
    if any(not body.startswith(tag, start) for start, _ in s.spans):
        return None
    # between entries, only white space: the smaller document then drops nothing else
    spans = s.spans
    for (_, end), (start, _) in pairwise(spans):
        if body[end:start].strip(_WS):
            return None
    return Scan(kind=s.kind, keys=tuple(s.keys), spans=tuple(spans))


def parse_items(
    feed_id: str,
    url: str,
    body: bytes,
    headers: Mapping[str, str],
    partial: tuple[bytes, tuple[str, ...]] | None = None,
) -> tuple[tuple[Item, ...], str | None, int | None]:
    """Parse and normalise in one call: (items, warning, ttl minutes). This is what the worker
    processes run: it lives here, not in pipeline.py, so a worker imports only this module,
    parse.py and normalize.py (and returns compact Items, cheap to pickle).

    ``partial`` is (a smaller document made by ``Scan.select``, the keys of the entries it
    keeps): it is parsed instead of ``body`` when its entries come out with exactly those keys;
    else (the scan was wrong, or the smaller document does not parse) ``body`` is parsed, and
    the warning says so.
    """
    note = None
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
