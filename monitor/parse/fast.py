"""The expat fast path and the key scan: one pass over a document, without feedparser.

``read(data, base)`` runs expat once over a document already converted to UTF-8 the way
feedparser converts it (``feedparser.encodings.convert_to_utf8``) and returns a ``Reading``:

- every entry's byte span in ``data`` and its key (what ``normalize.to_item`` makes of it), when
  the pass can vouch for every key (``keys_sure``): the pipeline then drops the entries the store
  knows before anything else is done with them (``scan.Scan.select`` for the feedparser path);
- every entry as the RawEntry feedparser's path would build (``parse.feed._entry``), when the
  pass can vouch for every field (``entries`` not None): feedparser is then skipped altogether.

How it stays exact. It reproduces what feedparser's strict (expat) parser does with the elements
that feed the fields we keep, by the same rules, in the same order, with feedparser's own helpers
where the rule is a function (``_parse_date``, ``_urljoin``, ``make_safe_absolute_uri``, the
cp1252 table, the namespace table): element names are mapped to feedparser's handler names
(``dc:title`` → ``dc_title``, Atom and RSS 1.0 namespaces → no prefix, an unknown namespace →
the document's own prefix), then

- title (``title``, ``dc:title``, ``media:title``): first non-empty one wins, by depth;
- summary (``description``, ``summary``, ``abstract``, their dc/media/itunes forms) with
  feedparser's rule that a second one becomes content, unless content came first;
- content (``content``, ``content:encoded``), copied to an absent summary when text or HTML;
- link: ``<link>`` text, or an ``href``/``uri``/``url`` attribute when its rel is alternate and
  its type HTML (the last one wins), else a permalink guid or an Atom id; resolved against the
  feed URL and ``xml:base``;
- id: ``guid``/``id`` text (resolved when a permalink), else RSS 1.0's ``rdf:about``;
- published/updated: every date element, the last one of each kind wins, parsed by feedparser;
- enclosures: the href of each ``<enclosure>`` (its ``url``, ``uri`` or ``href``) and of each
  ``<link rel="enclosure">`` (its href, else its text, as the link's), in order, resolved
  against the base in force (feedparser's ``entry.enclosures``; ``parse.feed`` makes feedparser
  resolve an ``<enclosure>`` too);
- every value stripped, re-decoded when it is UTF-8 read as Latin-1, C1 controls mapped to
  cp1252, as feedparser does.

Elements feedparser has no handler for only store their own text under their own name, and the
handlers listed in ``_HARMLESS`` (author, category, media:content, itunes:*, ...) touch
none of those fields: both are skipped. Anything else makes it decline, with a reason: for the
fields only (markup inside a title or summary, XHTML or base64 content), or for the keys as well
(markup inside a guid, link or date, an entry inside an entry, ``<source>`` with children, an
``<image>`` in an entry, a DOCTYPE). A document expat cannot parse is left to feedparser, whose
loose parser reads what it can.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import uses_relative
from xml.parsers import expat
from xml.sax.saxutils import escape

from feedparser.datetimes import _parse_date
from feedparser.html import _cp1252
from feedparser.mixin import _FeedParserMixin
from feedparser.urls import _urljoin, make_safe_absolute_uri

from monitor.digests import blake2b
from monitor.normalize import canonical_url, entry_key
from monitor.parse.feed import utc
from monitor.parse.scan import declarations, entry_elements, strict_error
from monitor.types import RawEntry

# feedparser's namespace table: namespace URI (lower-case) → its prefix for handler names
_KNOWN_NS: dict[str, str] = {k.lower(): v for k, v in _FeedParserMixin.namespaces.items()}
_USERLAND = "http://backend.userland.com/rss"
# every element name feedparser has a handler for (``_start_x`` or ``_end_x``)
_HANDLED = frozenset(m.split("_", 2)[2] for m in dir(_FeedParserMixin)
                     if m.startswith(("_start_", "_end_")))

_ENTRY = frozenset({"item", "entry"})
_TITLE = frozenset({"title", "dc_title", "media_title"})
_DESCRIPTION = frozenset({"description", "dc_description", "media_description"})
_SUMMARY = frozenset({"summary", "itunes_summary"})
_CONTENT = frozenset({"content"})  # Atom's: type text by default
_CONTENT_ENCODED = frozenset({"content_encoded", "fullitem"})  # type HTML
_PUBLISHED = frozenset({"published", "pubdate", "issued", "dcterms_issued"})
_UPDATED = frozenset({"updated", "modified", "lastbuilddate", "dc_date", "dcterms_modified"})
# handlers that keep text of their own, as content (so markup inside is serialised, not parsed)
_OTHER_CONTENT = frozenset({"subtitle", "tagline", "itunes_subtitle", "rights", "copyright",
                            "dc_rights", "info", "feedburner_browserfriendly"})
# handlers that change none of the fields we keep, wherever they are in an entry
_HARMLESS = frozenset({
    "author", "category", "cc_license", "cloud", "contributor", "created",
    "creativeCommons_license", "creativecommons_license", "dc_author", "dc_contributor",
    "dc_creator", "dc_language", "dc_publisher", "dc_subject", "dcterms_created",
    "dcterms_valid", "email", "expirationdate", "generator", "geom",
    "georss_box", "georss_line", "georss_point", "georss_polygon", "georss_where", "georssgeom",
    "gml_exterior", "gml_linearring", "gml_linestring", "gml_point", "gml_polygon", "gml_pos",
    "gml_poslist", "height", "homepage", "itunes_author", "itunes_block", "itunes_category",
    "itunes_email", "itunes_explicit", "itunes_image", "itunes_keywords", "itunes_link",
    "itunes_name", "itunes_owner", "keywords", "language", "managingeditor", "media_category",
    "media_content", "media_credit", "media_group", "media_keywords", "media_license",
    "media_player", "media_rating", "media_restriction", "media_thumbnail", "name",
    "newlocation", "psc_chapter", "psc_chapters", "tags", "uri", "url", "webmaster", "where",
    "width",
})
# names feedparser would store over keys it uses itself (FeedParserDict maps some of them)
_RESERVED = frozenset({"date_parsed", "issued_parsed", "modified_parsed", "published_parsed",
                       "updated_parsed", "links", "tags", "authors", "contributors",
                       "enclosures", "license"})
# the handlers that read attributes (the others only need xml:base, looked for separately)
_NEEDS_ATTRS = _ENTRY | _TITLE | _DESCRIPTION | _SUMMARY | _CONTENT | _CONTENT_ENCODED | {
    "abstract", "link", "guid", "id", "body", "xhtml_body", "enclosure"}
_NO_ATTRS: dict[str, str] = {}
_TEXTISH = frozenset({"text/plain", "text/html"})
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FEED_AMP = re.compile("&([A-Za-z0-9_]+);")
_MISSING = object()
_XHTML = "application/xhtml+xml"
_NOT_CONTENT = frozenset({"id", "link", "published", "updated", "ttl"})


class Decline(Exception):  # control flow inside this module
    """The pass cannot vouch for the keys of this document."""


class CutMismatch(Exception):  # control flow inside this module
    """An entry cut out before the pass was not where, or not what, it was taken for."""

    def __init__(self, message: str, index: int) -> None:
        super().__init__(message)
        self.index = index  # which cut (``read_known`` puts that entry back)


_CUT = "monitor-cut"  # the processing instruction left where an entry was cut out
_CUT_TRIES = 3  # passes over a document with entries cut out, each putting one back
# an entry cut out: its key, its digest, the namespace declarations (prefix, URI) it holds
_Cut = tuple[str, str, tuple[tuple[bytes, bytes], ...]]
_XML_SPACE = b" \t\r\n"
_SPAN_HEX = 24  # hex digits of an entry digest that hash its bytes (the rest: its context)


def entry_digest(span: bytes, context: str) -> str:
    """An entry's digest: of its bytes, then of the reader's state at its start."""
    return blake2b(span, digest_size=_SPAN_HEX // 2).hexdigest() + context


def _content_type(value: str) -> str:
    value = value.lower()
    return {"text": "text/plain", "plain": "text/plain", "html": "text/html",
            "xhtml": "application/xhtml+xml"}.get(value, value)


def _read_as_text(ctype: str) -> bool:
    """Whether feedparser keeps a field of this content type as the fast path reads it: text
    and HTML, XHTML, any other ``text/*`` (kept as written, no HTML handling) and what it reads
    as base64 (``_base64``); not a ``mode`` attribute or another XML type (parsed as
    elements)."""
    return ctype in _TEXTISH or ctype == _XHTML or (ctype != "mode" and not ctype.endswith("xml"))


def _base64(ctype: str) -> bool:
    """feedparser's ``_is_base64`` (without ``mode``): a type that is neither text nor XML."""
    return not ctype.startswith("text/") and not ctype.endswith(("+xml", "/xml"))


def _unbase64(text: str) -> str:
    """What feedparser's ``pop`` makes of a base64 field's text: decoded when it decodes to
    UTF-8 (``base64.decodebytes`` skips what is not of its alphabet), else kept."""
    try:
        return base64.decodebytes(text.encode("utf8")).decode("utf8")
    except (binascii.Error, binascii.Incomplete, UnicodeDecodeError):
        return text


def quoteattr_(value: str) -> str:
    """feedparser's strattrs quoting: double quotes, &, < and > escaped."""
    return '"' + escape(value, {'"': "&quot;"}) + '"'


_C1 = re.compile("[\x80-\x9f]")
# an absolute http(s) URL that urllib's urljoin returns unchanged (nothing to resolve, no
# empty query or fragment, no ";" parameters, no white space or extra slashes to fix)
_PLAIN_ABSOLUTE = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[^\s?#;/]"
                             r"[^\s?#;]*|/)?(?:\?[^\s#]+)?(?:#\S+)?\Z")


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def _join(base: str, uri: str) -> str:
    """feedparser's ``_urljoin``, without its cost where urllib returns the URI unchanged: a
    plain absolute http(s) URL, or a URI whose scheme urllib never resolves (``tag:``,
    ``urn:``, ``yt:``) and that has no authority part to check."""
    if _PLAIN_ABSOLUTE.match(uri):
        return uri
    m = _SCHEME.match(uri)
    if m and m.group()[:-1].lower() not in uses_relative and not uri.startswith("//", m.end()):
        return uri
    return _urljoin(base, uri)


def _fix(text: str) -> str:
    """What feedparser does to every value it pops: UTF-8 read as Latin-1 re-decoded, C1
    controls mapped to their cp1252 characters."""
    if text.isascii():
        return text
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        text = text.encode("iso-8859-1").decode("utf-8")
    return text.translate(_cp1252) if _C1.search(text) else text


def _strip_div(pieces: list[str]) -> list[str]:
    """feedparser's removal of an XHTML wrapper <div> around all of an Atom 1.0 text."""
    pieces = list(pieces)
    while len(pieces) > 1 and not pieces[-1].strip():
        del pieces[-1]
    while len(pieces) > 1 and not pieces[0].strip():
        del pieces[0]
    if pieces and (pieces[0] == "<div>" or pieces[0].startswith("<div ")) \
            and pieces[-1] == "</div>":
        depth = 0
        for piece in pieces[:-1]:
            if piece.startswith("</"):
                depth -= 1
                if depth == 0:
                    break
            elif piece.startswith("<") and not piece.endswith("/>"):
                depth += 1
        else:
            pieces = pieces[1:-1]
    return pieces


@dataclass(slots=True)
class _Entry:
    start: int
    id: object = _MISSING
    link: object = _MISSING
    title: object = _MISSING
    summary: object = _MISSING
    content: list[str] = field(default_factory=list)
    published: object = _MISSING
    updated: object = _MISSING
    depth_of: dict[str, int] = field(default_factory=dict)
    bad: str | None = None  # why a field is not reproduced
    end: int = 0
    context: str = ""  # digest of the reader's state at the entry's start (``_Reader.context``)
    enclosures: list[str] = field(default_factory=list)  # feedparser's entry.enclosures hrefs

    def store(self, name: str, value: str, depth: int) -> None:
        """feedparser's generic store: a deeper element never overrides a shallower one."""
        old = self.depth_of.get(name)
        if old is None or depth <= old:
            self.depth_of[name] = depth
            setattr(self, name, value)


class _CutEntry:
    """An entry cut out before the pass (``read_known``): its key and digest, no fields."""

    __slots__ = ("cut",)
    start = -1
    end = 0
    bad: str | None = None

    def __init__(self, cut: tuple[str, str]) -> None:
        self.cut = cut


@dataclass(frozen=True, slots=True)
class Reading:
    """What one pass found. ``keys``/``spans`` when ``keys_sure``; ``entries`` when exact."""

    keys_sure: bool
    keys: tuple[str | None, ...]  # None: an entry feedparser drops (nothing in it)
    spans: tuple[tuple[int, int], ...]
    entries: tuple[RawEntry | None, ...] | None
    ttl: str | None
    reason: str | None  # why the fast path declined (entries is None), for the debug log
    # per entry, when ``keys_sure``: the digest of its bytes and of the reader's state at its
    # start (``entry_digest``), which the store keeps to recognise the entry at the next poll
    digests: tuple[str | None, ...] = ()
    cut: bool = False  # some entries were recognised and cut out before the pass (``read``)


class _Field:
    """The text element being read: what it is, where, and its text so far."""

    __slots__ = ("bad", "base64", "content", "ctype", "depth", "enclosure", "kind", "text")

    def __init__(self, kind: str, depth: int, ctype: str = "text/plain") -> None:
        self.kind = kind
        self.depth = depth
        self.text: list[str] = []
        self.ctype = ctype  # its content type; markup inside text or HTML turns it to XHTML
        self.base64 = ctype not in _TEXTISH and ctype != "mode" and _base64(ctype)
        self.bad = False
        # feedparser's "content" elements serialise markup inside them; others parse it
        self.content = kind not in _NOT_CONTENT
        self.enclosure = False  # a <link rel="enclosure"> without href: its text is the URL


class _Reader:
    def __init__(self, data: bytes, base: str,
                 cuts: list[_Cut] | None = None) -> None:
        self.data = data
        self.cuts = cuts  # the entries cut out, in order (``_Cut``); see ``read_known``
        self.cut_count = 0
        self.contexts: dict[tuple[object, ...], str] = {}  # ``context`` by state
        self.ns_changes = 0  # namespace prefixes mapped so far
        p = self.parser = expat.ParserCreate(None, " ")
        p.namespace_prefixes = True
        p.buffer_text = True
        p.StartElementHandler = self.start
        p.EndElementHandler = self.end
        p.CharacterDataHandler = self.chars
        p.StartNamespaceDeclHandler = self.ns_decl
        p.StartDoctypeDeclHandler = self.doctype
        if cuts:
            p.ProcessingInstructionHandler = self.cut_mark
        self.depth = 0
        base = make_safe_absolute_uri(base) or base
        self.bases = [base]
        self.nsmap: dict[str | None, str] = {}
        self.names: dict[str, str] = {}
        self.parents: list[str] = []
        self.entries: list[_Entry | _CutEntry] = []
        self.entry: _Entry | None = None
        self.entry_depth = -1
        self.field: _Field | None = None
        self.version = ""  # as feedparser tracks it: only "atom10" matters (XHTML <div>)
        self.decls: dict[str, str] = {}
        self.fields_reason: str | None = None
        self.infeed = 0
        self.ttl: str | None = None
        # feedparser's state that outlives one element
        self.has_content = 0
        self.title_depth = -1
        self.guidislink = False
        self.feed_summary = False
        self.insource = 0  # depth of the entry's open <source>
        self.inimage = 0  # depth of the entry's open <image>
        self.root = ""
        self.shallow = False  # an entry is the root element: no smaller document to cut
        # an entry holding an entry element: the outer one and its depth, until its end tag
        self.outer: tuple[_Entry, int] | None = None

    # --- names and attributes, as feedparser's strict parser makes them ---------------------

    def ns_decl(self, prefix: str | None, uri: str | None) -> None:
        if not uri:
            return
        low = uri.lower()
        if not self.version:
            if prefix is None and low == "http://my.netscape.com/rdf/simple/0.9/":
                self.version = "rss090"
            elif low == "http://purl.org/rss/1.0/":
                self.version = "rss10"
            elif low == "http://www.w3.org/2005/atom":
                self.version = "atom10"
        if prefix and uri == "http://www.w3.org/1999/xlink":
            raise Decline("an xlink namespace declaration (feedparser adds it to attributes)")
        if "backend.userland.com/rss" in low:
            low = _USERLAND
        if low in _KNOWN_NS and self.nsmap.get(prefix or None) != _KNOWN_NS[low]:
            self.nsmap[prefix or None] = _KNOWN_NS[low]
            self.names.clear()
            self.ns_changes += 1

    def declarations_hold(self, decls: tuple[tuple[bytes, bytes], ...]) -> bool:
        """Whether reading the namespace declarations ``decls`` of a cut entry here would
        change nothing: each maps its prefix as it is mapped already (feedparser keeps a
        mapping after the element that declares it ends), or to a namespace it ignores."""
        for raw_prefix, raw_uri in decls:
            prefix, uri = raw_prefix.decode("utf-8") or None, raw_uri.decode("utf-8")
            low = uri.lower()
            if "&" in uri or not self.version or (prefix and uri == "http://www.w3.org/1999/xlink"):
                return False
            if "backend.userland.com/rss" in low:
                low = _USERLAND
            if low in _KNOWN_NS and self.nsmap.get(prefix) != _KNOWN_NS[low]:
                return False
        return True

    def name(self, raw: str) -> str:
        """feedparser's handler name for an expat name ("uri local prefix")."""
        got = self.names.get(raw)
        if got is not None:
            return got[0]
        return self._name(raw)[0]

    def tag(self, raw: str) -> str:
        """The strict parser's tag ("prefix:local"), which decides how markup is serialised."""
        got = self.names.get(raw)
        return got[1] if got is not None else self._name(raw)[1]

    def _name(self, raw: str) -> tuple[str, str]:
        parts = raw.split(" ")
        uri, local, given = ([*parts, "", ""])[:3] if len(parts) > 1 else ("", raw, "")
        low = uri.lower()
        if "backend.userland.com/rss" in low:
            low = _USERLAND
        prefix = _KNOWN_NS.get(low, given)
        local = local.lower()
        got = (local, local)
        if prefix:
            pre = prefix.lower()
            mapped = self.nsmap.get(pre, pre)
            got = (f"{mapped}_{local}" if mapped else local, f"{pre}:{local}")
        self.names[raw] = got
        return got

    @staticmethod
    def attributes(attrs: dict[str, str]) -> dict[str, str]:
        out: dict[str, str] = {}
        qnames: dict[str, str] = {}
        for raw, value in attrs.items():
            parts = raw.split(" ")
            if len(parts) == 1:
                out[raw.lower()] = value
                continue
            uri, local = parts[0], parts[1]
            prefix = _KNOWN_NS.get(uri.lower(), "")
            out[(f"{prefix}:{local}" if prefix else local).lower()] = value
            qnames[(f"{parts[2]}:{local}" if len(parts) == 3 else local).lower()] = value
        out.update(qnames)
        for k in ("rel", "type"):
            if k in out:
                out[k] = out[k].lower()
        return out

    # --- expat callbacks -------------------------------------------------------------------

    def context(self, base: str | None = None) -> str:
        """A digest of everything outside an entry that its reading depends on: where it is,
        its base URL (``base``: the one in force around the entry, before its own xml:base,
        which is in its bytes), the namespace prefixes in force, the feed's version,
        feedparser's carried-over content flag."""
        if base is None:
            base = self.bases[-1]
        key = (tuple(self.parents), base, self.ns_changes, self.version,
               self.has_content, self.infeed, self.root)
        got = self.contexts.get(key)
        if got is None:
            state = (*key[:2], sorted(self.nsmap.items(), key=lambda kv: kv[0] or ""), *key[3:])
            got = self.contexts[key] = blake2b(
                repr(state).encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()
        return got

    def cut_mark(self, target: str, data: str) -> None:
        """Where entries were cut out (``read_known``): cuts ``N`` to ``M`` - 1 of a mark
        "N M", entries that only white space separated. The reader must be in the very state
        each entry was read in before, and outside any entry or text, or the cut is undone
        (white space outside entries changes no state: the run is checked at one place)."""
        if target != _CUT:
            return
        n = self.cut_count
        assert self.cuts is not None
        first, _, last = data.partition(" ")
        if first != str(n) or not last.isdigit() or not n < int(last) <= len(self.cuts) \
                or self.entry is not None or self.field is not None or self.has_content:
            raise CutMismatch(f"cut mark {data} out of place", n)
        context = self.context()
        for i in range(n, int(last)):
            key, digest, decls = self.cuts[i]
            if digest[_SPAN_HEX:] != context:
                raise CutMismatch("the entry's context changed", i)
            if decls and not self.declarations_hold(decls):
                raise CutMismatch("the entry's namespace declarations would change the "
                                  "mappings", i)
            self.entries.append(_CutEntry((key, digest)))
        self.cut_count = int(last)

    def doctype(self, *args: object) -> None:
        raise Decline("a DOCTYPE (entities are left to feedparser's path)")

    def chars(self, data: str) -> None:
        f = self.field
        if f is not None:
            f.text.append(escape(data) if f.ctype == _XHTML else data)

    def start(self, raw: str, attrs: dict[str, str]) -> None:
        self.depth = depth = self.depth + 1
        if self.field is not None:  # markup inside a text element
            self._child_start(raw, attrs)
            return
        got = self.names.get(raw)
        name = got[0] if got is not None else self._name(raw)[0]
        a = _NO_ATTRS
        if attrs and (name in _NEEDS_ATTRS or "base" in " ".join(attrs).lower()):
            a = self.attributes(attrs)
        base = self.bases[-1]
        new = a.get("xml:base", a.get("base")) if a else None
        if new:
            base = (make_safe_absolute_uri(base, new) or base) if base else _urljoin(base, new)
        self.bases.append(base)
        if self.entry is None:
            self._feed_start(name, a, depth)
        else:
            self._entry_start(name, a, depth)
        self.parents.append(name)

    def end(self, raw: str) -> None:
        depth = self.depth
        self.depth -= 1
        f = self.field
        if f is not None and depth > f.depth:
            self._child_end(raw)
            return
        base = self.bases.pop()
        name = self.parents.pop()
        if f is not None and depth == f.depth:
            self.field = None
            self._finish(f, depth, base)
        elif depth == self.insource:
            self.insource = 0
        elif depth == self.inimage:
            self.inimage = 0
        elif depth == self.entry_depth:
            self._entry_end()
        elif self.outer is not None and depth == self.outer[1]:  # the outer entry's end tag
            outer = self.outer[0]
            outer.end = self.data.find(b">", self.parser.CurrentByteIndex) + 1
            self.outer = None
            self.has_content = 0  # feedparser's _end_item, once more
        elif self.entry is None and name in ("channel", "feed"):
            self.infeed = 0

    def _child_start(self, raw: str, attrs: dict[str, str]) -> None:
        """feedparser's unknown_starttag inside content: serialised, not dispatched."""
        f = self.field
        assert f is not None
        name = self.name(raw)
        if not f.content or name in _HANDLED:
            # a guid, link or date with markup inside, or a child whose end feedparser would
            # still dispatch to a handler
            raise Decline(f"markup (<{name}>) inside <{f.kind}>")
        tag = self.tag(raw)
        local = tag.rpartition(":")[2]
        if local in ("svg", "math"):
            raise Decline(f"<{local}> inside <{f.kind}>")
        if f.base64 or (f.ctype != _XHTML and f.ctype.endswith("xml")):
            # feedparser parses these children as elements of their own, or would decode the
            # serialised markup as base64
            f.bad = True
            self._bad_field(f, f"markup inside {f.kind} of type {f.ctype}")
            return
        if f.ctype != _XHTML:
            if tag in ("xhtml:div", "div"):
                return  # dropped, as typepad's wrapper
            f.ctype = _XHTML
        a = self.attributes(attrs) if attrs else {}
        f.text.append(f"<{local}{''.join(f' {k}={quoteattr_(v)}' for k, v in a.items())}>")

    def _child_end(self, raw: str) -> None:
        f = self.field
        assert f is not None
        if f.bad and f.ctype != _XHTML:
            return
        tag = self.tag(raw)
        if f.ctype != _XHTML:
            if tag in ("xhtml:div", "div"):
                return
            f.ctype = _XHTML
        f.text.append(f"</{tag.rpartition(':')[2]}>")

    def _bad_field(self, f: _Field, reason: str) -> None:
        if self.entry is not None and f.kind not in ("ignore", "source-title"):
            self._bad(self.entry, reason)

    # --- the feed outside entries ------------------------------------------------------------

    def _feed_start(self, name: str, a: dict[str, str], depth: int) -> None:
        if depth == 1:
            self.root = name
        if name == "rss" and not self.version.startswith("rss"):
            self.version = "rss"
        elif name == "feed" and not self.version:
            self.version = "atom"
        if name in _ENTRY:
            if any(p in ("image", "textinput", "source") for p in self.parents):
                raise Decline("an entry inside <image>, <textinput> or <source>")
            if depth == 1:
                self.shallow = True
            self._open_entry(a, depth)
            return
        if self.outer is not None and name == "ttl":
            # feedparser files it under the feed, the rest of the outer entry being the feed's
            raise Decline("<ttl> in an entry after an entry inside it")
        if name in ("channel", "feed"):
            self.infeed = 1
        elif name == "ttl" and self.infeed and self.parents and self.parents[-1] in (
                "channel", "feed"):
            self.field = _Field("ttl", depth)
        elif name in _CONTENT or name in _CONTENT_ENCODED or name in _DESCRIPTION \
                or name in _SUMMARY or name == "abstract":
            top = not self.parents or self.parents[-1] in ("channel", "feed")
            plain = name == "abstract" or (name in _DESCRIPTION and not (
                self.feed_summary and not self.has_content))
            if plain:
                self.field = _Field("ignore", depth)
            elif not top:
                raise Decline(f"<{name}> outside the channel and entries")
            else:
                self._summary_like(name, a, depth, in_entry=False)
        elif name in _TITLE or name in _OTHER_CONTENT:
            self.field = _Field("ignore", depth)
        elif name in _RESERVED:
            raise Decline(f"an element named {name}")

    # --- entries ------------------------------------------------------------------------------

    def _open_entry(self, a: dict[str, str], depth: int) -> None:
        """feedparser's _start_item: a new entry, its rdf:about as its id."""
        if "href" in a or "lastmod" in a:
            raise Decline("an entry with CDF attributes")
        # the base around the entry: its own xml:base is in its bytes, and a cut mark stands
        # where the entry's start tag was, outside it
        e = _Entry(start=self.parser.CurrentByteIndex, context=self.context(self.bases[-2]))
        about = a.get(self.nsmap.get("rdf", "rdf") + ":about") if a else None
        if about:
            e.id = about
        self.entry, self.entry_depth = e, depth
        self.guidislink = False
        self.title_depth = -1

    def _nested_entry(self, a: dict[str, str], depth: int) -> None:
        """An entry element inside an entry (FeedBurner's empty ``<item />`` before its
        ``origLink``, RSS-SSE's conflicting copies): feedparser starts another entry there and,
        once that one ends, files the rest of the outer entry under the feed. So does this
        reader. The entries' elements then overlap, so no entry can be cut out of the
        document: the keys are not vouched for cutting (``shallow``) and every poll reads the
        whole document, as feedparser's route did, only faster."""
        if self.outer is not None:
            raise Decline("an entry inside an entry inside an entry")
        outer = self.entry
        assert outer is not None
        self.entries.append(outer)  # feedparser fills it no more
        self.outer = (outer, self.entry_depth)
        self.shallow = True
        self._open_entry(a, depth)

    def _entry_start(self, name: str, a: dict[str, str], depth: int) -> None:
        e = self.entry
        assert e is not None
        if self.insource:
            self._source_start(name, depth)
            return
        if self.inimage and not (name in ("url", "width", "height", "title") or (
                name == "link" and not {"href", "url", "uri"} & a.keys())):
            # feedparser files most other elements of an item's <image> under the feed's image
            raise Decline(f"<{name}> inside an entry's <image>")
        if name in _TITLE:
            f = self.field = _Field("media-title" if name == "media_title" else "title", depth,
                                    self._type(a, "text/plain"))
            if not _read_as_text(f.ctype):
                self._bad(e, f"title of type {f.ctype}")
                f.bad = True
        elif name in _DESCRIPTION or name in _SUMMARY or name == "abstract" \
                or name in _CONTENT or name in _CONTENT_ENCODED:
            self._summary_like(name, a, depth, in_entry=True)
        elif name == "link":
            self._link(e, a, depth)
        elif name in ("guid", "id"):
            self.guidislink = a.get("ispermalink", "true") == "true"
            self.field = _Field("id", depth)
        elif name in _PUBLISHED:
            self.field = _Field("published", depth)
        elif name in _UPDATED:
            self.field = _Field("updated", depth)
        elif name == "source":
            self.title_depth = -1
            self.insource = depth
        elif name in _OTHER_CONTENT:
            self.field = _Field("ignore", depth)
        elif name in ("body", "xhtml_body"):
            f = self.field = _Field("content", depth, self._type(a, _XHTML))
            if not _read_as_text(f.ctype):
                self._bad(e, f"body of type {f.ctype}")
                f.bad = True
        elif name == "enclosure":
            # feedparser's _start_enclosure (its href resolved: parse.feed._resolve_enclosures)
            href = a.get("url", a.get("uri", a.get("href"))) or a.get("href")
            if href:
                e.enclosures.append(_join(self.bases[-1] or "", href))
        elif name == "image":
            self.title_depth = -1
            self.inimage = depth
        elif name in _ENTRY:
            self._nested_entry(a, depth)
        elif name in _HARMLESS:
            return
        elif name in _HANDLED:
            raise Decline(f"<{name}> inside an entry")
        elif name in _RESERVED:
            raise Decline(f"an element named {name}")

    def _source_start(self, name: str, depth: int) -> None:
        """Inside <source>: fields go to the source, not the entry; only a title's end still
        changes which later title wins (feedparser's title_depth)."""
        if name in _TITLE:
            self.field = _Field("source-title" if name != "media_title" else "ignore", depth)
        elif name in _OTHER_CONTENT:
            self.field = _Field("ignore", depth)
        elif name in _CONTENT or name in _CONTENT_ENCODED or name in _SUMMARY \
                or name in _DESCRIPTION or name in ("body", "xhtml_body", "abstract") \
                or name in _ENTRY or name in ("image", "textinput", "source", "channel", "feed"):
            raise Decline(f"<{name}> inside an entry's <source>")

    def _type(self, a: dict[str, str], default: str) -> str:
        if "mode" in a:
            return "mode"
        return _content_type(a.get("type", default))

    def _summary_like(self, name: str, a: dict[str, str], depth: int, in_entry: bool) -> None:
        """feedparser's _start_description/_start_summary/_start_content/_start_abstract."""
        has_summary = self.entry.summary is not _MISSING if in_entry else self.feed_summary
        if name in _CONTENT_ENCODED:
            self.has_content = 1
            kind, ctype = "content", self._type(a, "text/html")
        elif name in _CONTENT:
            self.has_content = 1
            kind, ctype = "content", self._type(a, "text/plain")
        elif name == "abstract":
            kind, ctype = "description", self._type(a, "text/plain")
        elif has_summary and not self.has_content:
            self.has_content = 1
            kind, ctype = "content", self._type(a, "text/plain")
        elif name in _SUMMARY:
            kind, ctype = "summary", self._type(a, "text/plain")
        else:
            kind, ctype = "description", self._type(a, "text/html")
        if not in_entry:
            kind = "feed-" + kind
        self.field = _Field(kind, depth, ctype)
        if in_entry and not _read_as_text(ctype):
            self._bad(self.entry, f"{kind} of type {ctype}")
            self.field.bad = True

    def _link(self, e: _Entry, a: dict[str, str], depth: int) -> None:
        """feedparser's _start_link."""
        a = dict(a)
        a.setdefault("rel", "alternate")
        a.setdefault("type", "application/atom+xml" if a["rel"] == "self" else "text/html")
        href = a.get("url", a.get("uri", a.get("href")))
        if href:
            a["href"] = href
        if "href" in a:
            if a["rel"] == "alternate" and _content_type(a["type"]) in _HTML_TYPES:
                e.link = _join(self.bases[-1] or "", a["href"])
            elif a["rel"] == "enclosure":
                e.enclosures.append(_join(self.bases[-1] or "", a["href"]))
        else:
            self.field = _Field("link", depth)
            self.field.enclosure = a["rel"] == "enclosure"

    def _bad(self, e: _Entry, reason: str) -> None:
        if e.bad is None:
            e.bad = reason

    def _finish(self, f: _Field, depth: int, base: str) -> None:
        kind = f.kind
        if kind == "ignore":
            return
        pieces = f.text
        if f.ctype == _XHTML and self.version == "atom10":
            pieces = _strip_div(pieces)
        text = "".join(pieces).strip()
        if f.base64 and not kind.startswith("feed-"):
            text = _unbase64(text)
        if kind.startswith("feed-"):
            copied = kind == "feed-content" and (f.ctype in _TEXTISH or f.ctype in _HTML_TYPES)
            if copied or (kind == "feed-summary" and self.infeed):
                self.feed_summary = True
            return
        if kind == "ttl":
            self.ttl = _fix(text)
            return
        e = self.entry
        assert e is not None
        if kind == "id":
            if text and self.guidislink:
                text = _join(base or "", text)
            text = _fix(text)
            e.store("id", text, depth)
            if self.guidislink and e.link is _MISSING:
                e.link = text
        elif kind == "link" and self.inimage:
            pass  # feedparser keeps no link of an item's <image>
        elif kind == "link":
            if text:
                text = _join(base or "", text)
            text = _fix(text).replace("&amp;", "&")
            e.link = _FEED_AMP.sub(r"&\g<1>", text)
            if f.enclosure and e.link:  # feedparser's pop gives the link its text as href
                e.enclosures.append(e.link)
        elif kind in ("title", "media-title"):
            text = _fix(text)
            if not (-1 < self.title_depth <= depth):
                e.store("title", text, depth)
            if (text or f.bad) and kind == "title":
                self.title_depth = depth
        elif kind == "source-title":
            if _fix(text) or f.bad:
                self.title_depth = depth
        elif kind in ("summary", "description"):
            e.store("summary", _fix(text), depth)
        elif kind == "content":
            text = _fix(text)
            e.content.append(text)
            # feedparser copies text and HTML content to an absent summary
            if (f.ctype in _TEXTISH or f.ctype in _HTML_TYPES) and e.summary is _MISSING:
                e.summary = text
                if f.bad:
                    self._bad(e, "summary copied from content that is not reproduced")
        elif kind == "published":
            e.published = _parse_date(_fix(text))
        elif kind == "updated":
            e.updated = _parse_date(_fix(text))

    def _entry_end(self) -> None:
        e = self.entry
        assert e is not None
        data = self.data
        at = self.parser.CurrentByteIndex
        end = data.find(b">", at) + 1
        if end <= 0 or (data[at:end].rstrip(b" \t\r\n>").endswith(b"/")
                        and self.outer is None):  # inside an entry: nothing is cut anyway
            raise Decline("an empty entry element")  # no end tag of its own to cut at
        e.end = end
        self.entries.append(e)
        self.entry, self.entry_depth = None, -1
        self.has_content = 0


# --- documents feedparser reads with its loose parser ------------------------------------------

# what feedparser's converter makes of a body whose own XML declaration is not at its start
# (white space before it, a common server fault): its declaration, then the body's
_LATE_DECLARATION = re.compile(rb"<\?xml version='1\.0' encoding='utf-8'\?>\n[ \t\r\n]*"
                               rb"(<\?xml[^>]*>)")
_MISPLACED_PI = expat.errors.codes[expat.errors.XML_ERROR_MISPLACED_XML_PI]
_SGML_TAG = re.compile(r"[a-zA-Z][-_.:a-zA-Z0-9]*\Z")  # a tag sgmllib reads as one
_SGML_ATTR = re.compile(r"[a-zA-Z_][-:.a-zA-Z_0-9]*\Z")  # an attribute name sgmllib reads
_RAW_ATTR = re.compile(rb"""([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')""")
# in an attribute: what sgmllib and feedparser's loose parser decode otherwise than expat
# (a reference other than &amp;, &amp;amp;, white space that expat normalises, a bracket)
_LOOSE_ATTR_VALUE = re.compile(rb"&(?!amp;)|&amp;amp;|[\t\r\n<>]")
_LOOSE_TEXT = frozenset("&<>\"'")  # what the loose parser leaves escaped in ids and dates
_LOOSE_LINK = frozenset("<>\"'")  # ... in links (whose "&amp;" feedparser turns back into "&")
# ... unless the link's path ends with it: urljoin reads the ";" of that "&amp;" as an empty
# parameter list and drops it, and "&amp" stays ("x &amp;" -> "x &amp", "x &amp;?a" -> "x &amp?a")
_LOOSE_PATH_AMP = re.compile(r"^[^?#]*&\s*(?:[?#]|$)")


def loose_prolog(data: bytes) -> tuple[bytes, str] | None:
    """For a document (as feedparser converted it) whose own XML declaration comes after white
    space: feedparser's strict parser stops there and its loose parser reads the document.
    Returns the document with that declaration blanked out (same length: spans and lines
    stay), for the expat pass to read as the loose parser would (``_LooseReader``), and
    feedparser's warning; None for any other document."""
    m = _LATE_DECLARATION.match(data)
    if m is None:
        return None
    error = strict_error(data)
    if error is None or error[0] != _MISPLACED_PI:
        return None
    a, b = m.span(1)
    warning = f"SAXParseException: line {error[1]}:{error[2]}: {expat.ErrorString(error[0])}"
    return data[:a] + b" " * (b - a) + data[b:], warning


# feedparser's own patterns (``feedparser.sanitizer``), for the DOCTYPE it strips before parsing
_HEAD_END = re.compile(rb"<\w")
_DOCTYPE = re.compile(rb"^\s*<!DOCTYPE([^>]*?)>", re.MULTILINE)


def blank_doctype(data: bytes) -> bytes | None:
    """For a document (as feedparser converted it) with a DOCTYPE that feedparser strips before
    its parsers read it (``sanitizer.replace_doctype``: one at the start of a line before the
    root element) and no ENTITY declaration it would keep: the document with that DOCTYPE
    blanked out (same length, line breaks kept, so spans and lines stay), which expat then
    reads as feedparser's strict parser reads the stripped one. None for any other document
    (no DOCTYPE, entity declarations, a DOCTYPE feedparser leaves in place)."""
    head = _HEAD_END.search(data)
    end = head.start() if head is not None else len(data)
    if data.find(b"<!DOCTYPE", 0, end) < 0 or data.find(b"<!ENTITY", 0, end) >= 0:
        return None
    from feedparser.sanitizer import replace_doctype

    _, stripped, entities = replace_doctype(data)
    if entities:
        return None
    out = bytearray(data)
    kept: list[bytes] = []
    pos = 0
    for m in _DOCTYPE.finditer(data, 0, end + 1):
        a, b = m.span()
        kept.append(data[pos:a])
        out[a:b] = re.sub(rb"[^\n]", b" ", data[a:b])
        pos = b
    kept.append(data[pos:])
    if pos == 0 or b"".join(kept) != stripped or b"<!DOCTYPE" in out[:end]:
        return None  # not what feedparser's parsers read
    return bytes(out)


class _LooseReader(_Reader):
    """The pass over a well-formed document that feedparser reads with its loose (sgmllib)
    parser. It reads as the strict one but for entity references left escaped in ids, links
    and dates, attributes decoded otherwise, namespaces tracked by prefix and markup
    serialised otherwise: wherever any of these could show, it declines."""

    def __init__(self, data: bytes, base: str,
                 cuts: list[_Cut] | None = None) -> None:
        super().__init__(data, base, cuts)
        self.declared: dict[str | None, str] = {}

    def ns_decl(self, prefix: str | None, uri: str | None) -> None:
        if self.declared.setdefault(prefix, uri or "") != (uri or ""):
            raise Decline("loose parser: a namespace prefix declared twice")
        low = (uri or "").lower()
        if "backend.userland.com/rss" in low:
            low = _USERLAND
        if prefix is None and _KNOWN_NS.get(low):
            raise Decline("loose parser: a default namespace with a prefix of its own")
        super().ns_decl(prefix, uri)

    def declarations_hold(self, decls: tuple[tuple[bytes, bytes], ...]) -> bool:
        return super().declarations_hold(decls) and all(
            self.declared.get(p.decode("utf-8") or None) == u.decode("utf-8") for p, u in decls)

    def start(self, raw: str, attrs: dict[str, str]) -> None:
        parts = raw.split(" ")
        qname = f"{parts[2]}:{parts[1]}" if len(parts) == 3 else parts[-1]
        if not _SGML_TAG.match(qname):
            raise Decline(f"loose parser: the tag name {qname!r}")
        at = self.parser.CurrentByteIndex
        tag = self.data[at:self.data.find(b">", at)]
        if attrs or b"=" in tag:
            found = _RAW_ATTR.findall(tag)
            plain = sum(not n.startswith(b"xmlns") for n, _ in found)
            if plain != len(attrs) or any(
                    not _SGML_ATTR.match(n.decode("utf-8", "replace"))
                    or _LOOSE_ATTR_VALUE.search(v) for n, v in found):
                raise Decline(f"loose parser: the attributes of <{qname}>")
        super().start(raw, attrs)

    def _child_start(self, raw: str, attrs: dict[str, str]) -> None:
        raise Decline("loose parser: markup inside a text element")

    def _nested_entry(self, a: dict[str, str], depth: int) -> None:
        raise Decline("loose parser: an entry inside an entry")

    def _finish(self, f: _Field, depth: int, base: str) -> None:
        if f.kind != "ignore":
            if f.ctype not in _TEXTISH:  # XHTML, other text, base64: not reproduced here
                raise Decline(f"loose parser: {f.kind} of type {f.ctype}")
            if not f.content:
                text = "".join(f.text)
                # a link's text: feedparser turns "&amp;" back into "&" after either parser,
                # so an ampersand reads the same unless the text holds "&amp;" itself
                if f.kind == "link" and self.inimage == 0:
                    if (not _LOOSE_LINK.isdisjoint(text) or "&amp;" in text
                            or _LOOSE_PATH_AMP.search(text.strip())):
                        raise Decline(f"loose parser: a reference or quote in <{f.kind}>")
                elif f.kind == "id" and "&" in text and _LOOSE_LINK.isdisjoint(text):
                    # the loose parser leaves every ampersand of an id escaped
                    f.text = [text.replace("&", "&amp;")]
                elif not _LOOSE_TEXT.isdisjoint(text):
                    raise Decline(f"loose parser: a reference or quote in <{f.kind}>")
        super()._finish(f, depth, base)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def raw_entry(e: _Entry) -> RawEntry | None:
    """The RawEntry ``parse.feed._entry`` makes of the same entry (None: dropped)."""
    contents = [c for c in e.content if c]
    published = None if e.published is _MISSING else utc(e.published)
    if published is None and e.updated is not _MISSING:
        published = utc(e.updated)
    entry = RawEntry(
        guid=_text(e.id), link=_text(e.link), title=_text(e.title), summary=_text(e.summary),
        content="\n".join(contents) or None, published=published,
        enclosures=tuple(e.enclosures),
    )
    if not any((entry.guid, entry.link, entry.title, entry.summary, entry.content)):
        return None
    return entry


def read(data: bytes, base: str) -> Reading | None:
    """One expat pass over ``data`` (UTF-8, as feedparser converted it); None when expat cannot
    parse it or the pass cannot vouch for the keys (the reason is then the second value of
    ``read_with_reason``)."""
    return read_with_reason(data, base)[0]


def read_known(data: bytes, base: str, known: Mapping[str, str | None],
               loose: bool = False) -> Reading | None:
    """``read`` without reading again the entries the store already holds byte for byte.

    ``known`` maps keys to the digests a previous reading gave their entries. Entry elements
    are found with a regular expression (C speed); each whose bytes have a known digest is
    replaced by a processing instruction, and expat reads the smaller document. At each mark
    the reader checks that it stands outside any entry and text, in the same state (position,
    base URL, namespaces, feedparser's carried flags) as when that entry was read before, so
    the entry would read the same again: its key is the known one. An entry that declares
    namespaces is cut only if each declaration maps its prefix as it is mapped already
    at the mark (feedparser keeps mappings after an entry ends). The Reading is the whole
    document's (keys in order, the cut entries with their known digests, no RawEntry for
    them); None when nothing was cut or anything did not hold (then ``read`` the whole)."""
    by_span: dict[str, tuple[str, str]] = {}
    for key, digest in known.items():
        if digest and len(digest) > _SPAN_HEX:
            by_span[digest[:_SPAN_HEX]] = (key, digest)
    if not by_span:
        return None
    found: list[tuple[int, int, _Cut]] = []
    view = memoryview(data)
    for span in entry_elements(data):
        if span is None:
            continue
        start, end = span
        hit = by_span.get(blake2b(view[start:end], digest_size=_SPAN_HEX // 2).hexdigest())
        if hit is None:
            continue
        # its namespace declarations, checked at the mark (``_Reader.declarations_hold``)
        decls = declarations(data, start, end) if data.find(b"xmlns", start, end) >= 0 else ()
        found.append((start, end, (*hit, decls)))
    for _ in range(_CUT_TRIES):  # an entry whose cut did not hold is put back, and again
        if not found:
            return None
        # one mark for each run of cut entries that only XML white space separates (the known
        # entries of a feed polled before are usually one run, after its new ones)
        parts: list[bytes] = []
        pos = n = 0
        while n < len(found):
            m = n + 1
            while m < len(found) and not data[found[m - 1][1]:found[m][0]].strip(_XML_SPACE):
                m += 1
            parts += (data[pos:found[n][0]], b"<?%s %d %d?>" % (_CUT.encode(), n, m))
            pos = found[m - 1][1]
            n = m
        parts.append(data[pos:])
        reading, _, failed = _read(b"".join(parts), base, [c for _, _, c in found], loose)
        if failed is None:
            break
        del found[failed]
    else:
        return None
    if reading is None or reading.entries is None or not reading.keys_sure:
        return None
    return reading


def read_with_reason(data: bytes, base: str, cuts: list[_Cut] | None = None,
                     loose: bool = False) -> tuple[Reading | None, str | None]:
    """``read``, and why it declined. ``loose``: ``data`` is a ``loose_prolog`` document,
    read as feedparser's loose parser reads it (``_LooseReader``)."""
    return _read(data, base, cuts, loose)[:2]  # type: ignore[return-value]


def _read(data: bytes, base: str, cuts: list[_Cut] | None, loose: bool,
          ) -> tuple[Reading | None, str | None, int | None]:
    """``read_with_reason``, and which cut did not hold (``CutMismatch``), if that is why."""
    r = (_LooseReader if loose else _Reader)(data, base, cuts)
    try:
        return _parse(r, data, cuts)
    finally:
        # the parser's handlers are the reader's own methods: a reference cycle, which would
        # keep the reader, its entries and their text until the cyclic collector's next full
        # pass (a parser worker's peak on 2,000 real-shaped feeds was ~5 MB higher for it)
        r.parser = None


def _parse(r: _Reader, data: bytes, cuts: list[_Cut] | None,
           ) -> tuple[Reading | None, str | None, int | None]:
    try:
        r.parser.Parse(data, True)
    except Decline as e:
        return None, str(e), None
    except CutMismatch as e:
        return None, str(e), e.index
    except expat.ExpatError as e:
        return None, f"not well-formed XML ({e})", None
    except (ValueError, RecursionError) as e:
        return None, f"{type(e).__name__}: {e}", None
    if cuts and r.cut_count != len(cuts):
        return None, "a cut mark was not read (inside a comment or CDATA section)", None
    if not r.entries:
        if r.root in ("rss", "feed") or (r.root == "rdf_rdf" and r.version in ("rss10", "rss090")):
            # a feed with no entries (yet): nothing to parse
            return Reading(False, (), (), (), r.ttl, None), None, None
        return None, f"no entries (root element <{r.root}>)", None
    raws = [None if isinstance(e, _CutEntry) else raw_entry(e) for e in r.entries]
    bad = next((e.bad for e in r.entries if e.bad), None)
    keys: list[str | None] = []
    digests: list[str | None] = []
    sure = True
    for e, raw in zip(r.entries, raws, strict=True):
        if isinstance(e, _CutEntry):
            keys.append(e.cut[0])
            digests.append(e.cut[1])
            continue
        digests.append(entry_digest(data[e.start:e.end], e.context))
        if raw is None:
            keys.append(None)
            if e.bad:
                sure = False
            continue
        if e.bad and not (raw.guid or "").strip() and not canonical_url(raw.link):
            sure = False  # the key would be a hash of fields not reproduced
            keys.append(None)
        else:
            keys.append(entry_key(raw))
    return Reading(
        keys_sure=sure and not r.shallow,
        keys=tuple(keys),
        spans=tuple((e.start, e.end) for e in r.entries),
        entries=None if bad else tuple(raws),
        ttl=r.ttl,
        reason=bad,
        digests=tuple(digests),
        cut=bool(cuts),
    ), bad, None
