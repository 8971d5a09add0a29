"""The feedparser path: bytes + response headers → ParsedFeed, or FeedParseError. No network.

    parse_feed(url, body, headers) → ParsedFeed(title, link, version, entries, warning, ttl_minutes)

``parse_feed`` is a pure top-level function that runs in worker processes, so it returns only
picklable records (str, datetime, tuples).

Survivable vs fatal "bozo" (feedparser's flag for a document that is not well-formed):

- nothing recognisable (no feed version and no entries: an HTML page, an empty body,
  garbage) → FeedParseError with a readable reason ("empty body", "not a feed: an HTML page");
- a document that is not well-formed and yielded no entry (a truncated download) →
  FeedParseError "not well-formed at line L, no entries recovered";
- a broken document that still yielded entries or a feed version (truncated XML, a wrong
  charset, a text/html Content-Type) → ParsedFeed with ``warning`` set; entries that were
  complete are kept.

Entity safety. feedparser turns off external entities in its SAX parser, and its
``replace_doctype`` keeps only "safe" ENTITY declarations; but that function works line by
line: a DOCTYPE on the same line as the XML declaration reaches expat untouched, so a
"billion laughs" document expands until expat's amplification limit (tens of MB and seconds
per document with expat 2.5, unbounded with an older libexpat), and its loose fallback parser
expands any "safe" entity whatever its length. ``_defuse_entities`` therefore rewrites the
prolog of any document that declares entities, keeping only short literal ones (see there).

Enclosures. An entry's enclosure URLs are those of feedparser's ``entry.enclosures`` (its links
with ``rel="enclosure"``: RSS ``<enclosure url>`` and Atom ``<link rel="enclosure" href>``;
feedparser files ``media:content`` elsewhere), in document order. feedparser resolves an Atom
link against ``xml:base`` and the document URL but keeps an RSS ``<enclosure url>`` as written;
``_resolve_enclosures`` makes it resolve that one the same way (its one change to feedparser),
so that a relative enclosure URL becomes absolute as a relative link does.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from monitor.exceptions import FeedParseError
from monitor.types import ParsedFeed, RawEntry

# An ENTITY declaration we keep: a general entity whose value is a short literal or one
# character reference, so each reference expands to at most ~11 times its own length.
# (A subset of feedparser's own RE_SAFE_ENTITY_PATTERN, so feedparser keeps it too.)
MAX_ENTITY_VALUE = 32
MAX_ENTITIES = 64
_SAFE_ENTITY = re.compile(
    rb'\s+(\w+)\s+"(&#\w+;|[^&"%<]{0,' + str(MAX_ENTITY_VALUE).encode() + rb'})"\s*\Z'
)
_FEEDPARSER_HEAD_END = re.compile(rb"<\w")  # where feedparser's replace_doctype stops looking
_HTML_START = re.compile(rb"<!doctype\s+html|<html[\s>]")


@contextlib.contextmanager
def wrap_exceptions(url: str) -> Iterator[None]:
    """Turn an exception raised inside feedparser into FeedParseError, chaining the original.

    feedparser reports bad documents through ``bozo`` rather than raising, but some hostile
    inputs still crash it deep inside (a malformed date, a pathological nesting). Only the
    feedparser call is wrapped, so a bug in this module stays loud; MemoryError is not wrapped.
    """
    try:
        yield
    except FeedParseError:
        raise
    except MemoryError:
        raise
    except Exception as e:
        raise FeedParseError(url, f"feedparser failed: {describe(e)}") from e


def parse_feed(url: str, body: bytes, headers: Mapping[str, str]) -> ParsedFeed:
    """Parse a fetched body; raise FeedParseError when it is not a feed at all."""
    if not body.strip():
        raise FeedParseError(url, "empty body")
    hdrs = {k.lower(): v for k, v in headers.items()}
    hdrs["content-location"] = url  # base for relative links (we do not resolve them, though)
    body, hdrs, note = _defuse_entities(url, body, hdrs)
    import feedparser  # here, not at the top: most polls never need it (see monitor/parse/)

    _resolve_enclosures(feedparser)
    with wrap_exceptions(url):
        # a BytesIO, never the bytes: feedparser treats a bytes/str argument that names a file
        # or URL as something to open, so b"/etc/passwd" would be read from disk
        d = feedparser.parse(
            io.BytesIO(body), response_headers=hdrs, sanitize_html=False,
            resolve_relative_uris=False,
        )
    version = d.get("version") or ""
    raw_entries = d.get("entries") or []
    problem = d.get("bozo_exception") if d.get("bozo") else None
    # feedparser's error keeps its traceback, whose frames (this one and its callers', up to
    # the poll's) hold the body and the items: a reference cycle through ``d``, freed only by
    # the collector's next full pass (a daemon parsing 2,000 real-shaped feeds itself peaked
    # ~4 MB higher for it). Only the message and line are read: the frames go now
    _drop_tracebacks(problem)
    if not version and not raw_entries:
        raise FeedParseError(url, _not_a_feed(body, hdrs, problem))
    if not raw_entries and problem is not None and getattr(problem, "getLineNumber", None):
        raise FeedParseError(
            url, f"not well-formed at line {problem.getLineNumber()}, no entries recovered")
    entries = tuple(e for e in (_entry(raw) for raw in raw_entries) if e is not None)
    warnings = [w for w in (note, describe(problem) if problem is not None else None) if w]
    feed = d.get("feed") or {}
    return ParsedFeed(
        title=_text(feed.get("title")),
        link=_text(feed.get("link")),
        version=version or "unknown",
        entries=entries,
        warning="; ".join(warnings) or None,
        ttl_minutes=ttl_minutes(feed.get("ttl")),
        entries_read=len(raw_entries),
    )


def _drop_tracebacks(problem: object) -> None:
    """Clear the traceback of ``problem`` and of every exception it wraps or was raised from
    (SAXParseException wraps expat's own error)."""
    seen = 0
    while isinstance(problem, BaseException) and seen < 8:
        problem.__traceback__ = None
        wrapped = getattr(problem, "getException", None)
        inner = wrapped() if callable(wrapped) else None
        problem = inner if inner is not None and inner is not problem else (
            problem.__cause__ or problem.__context__)
        seen += 1


# --- entries ---------------------------------------------------------------------------------


def _entry(e: dict[str, Any]) -> RawEntry | None:
    contents = [_text(c.get("value")) for c in e.get("content") or [] if isinstance(c, Mapping)]
    entry = RawEntry(
        guid=_text(e.get("id")),
        link=_text(e.get("link")),
        title=_text(e.get("title")),
        summary=_text(e.get("summary")),
        content="\n".join(c for c in contents if c) or None,
        # dict.get: FeedParserDict.get maps a missing published_parsed to updated_parsed
        # itself, with a DeprecationWarning
        published=utc(dict.get(e, "published_parsed")) or utc(dict.get(e, "updated_parsed")),
        # entry.enclosures, without building its dicts: the links with rel="enclosure"
        enclosures=tuple(link["href"] for link in dict.get(e, "links") or ()
                         if link.get("rel") == "enclosure" and _text(link.get("href"))),
    )
    if not any((entry.guid, entry.link, entry.title, entry.summary, entry.content)):
        return None  # nothing to identify or match: an empty <item/>
    return entry


def _resolve_enclosures(feedparser: Any) -> None:
    """Make feedparser's parsers resolve an RSS ``<enclosure url>`` against the base URL in
    force (``xml:base``, else the document's URL), as they resolve links. Once per process."""
    for parser in (feedparser.api.StrictFeedParser, feedparser.api.LooseFeedParser):
        keep = parser._start_enclosure
        if getattr(keep, "resolves", False):
            continue

        def start(self: Any, attrs: dict[str, str], keep: Any = keep) -> None:
            keep(self, attrs)
            link = self._get_context()["links"][-1]
            if link.get("href"):
                link["href"] = self.resolve_uri(link["href"])

        start.resolves = True  # type: ignore[attr-defined]
        parser._start_enclosure = start


def _text(value: object) -> str | None:
    return str(value) if isinstance(value, str) and value else None


def utc(t: object) -> datetime | None:
    """feedparser's UTC struct_time → aware datetime; None for impossible or missing dates."""
    if t is None:
        return None
    try:
        year, month, day, hour, minute, second = tuple(t)[:6]  # type: ignore[arg-type]
        return datetime(year, month, day, hour, minute, min(second, 59), tzinfo=UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def ttl_minutes(value: object) -> int | None:
    try:
        minutes = int(str(value).strip())
    except ValueError:
        return None
    return minutes if minutes > 0 else None


# --- errors ------------------------------------------------------------------------------------


def describe(e: BaseException) -> str:
    text = str(e).strip()
    text = text.replace("<unknown>:", "line ", 1) if text.startswith("<unknown>:") else text
    return f"{type(e).__name__}: {text}" if text else type(e).__name__


def _not_a_feed(body: bytes, headers: Mapping[str, str], problem: BaseException | None) -> str:
    content_type = headers.get("content-type", "").lower()
    start = body[:4096].lower()
    if b"<opml" in start:
        return "not a feed: an OPML subscription list (import it as a list of feeds)"
    if content_type.startswith("text/html") or _HTML_START.search(start):
        return "not a feed: an HTML page"
    if start.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")):
        return "not a feed: looks like JSON (JSON Feed is not supported)"
    if problem is not None:
        return f"not a feed: {describe(problem)}"
    return "not a feed: no RSS, Atom or RDF content found"


# --- entity declarations -------------------------------------------------------------------------


def _defuse_entities(
    url: str, body: bytes, headers: dict[str, str]
) -> tuple[bytes, dict[str, str], str | None]:
    """Rewrite the prolog of a document that declares entities; return body, headers, a note.

    The check runs on the document as feedparser's parsers will see it (after its own
    conversion to UTF-8, so UTF-16 or a declared exotic charset cannot hide a declaration).
    Most documents declare nothing and pass through unchanged. Otherwise the prolog is
    rebuilt as: the XML declaration, then ``<!DOCTYPE name [ one safe ENTITY per line ]>``;
    parameter entities, external (SYSTEM/PUBLIC) entities, entities that refer to other
    entities (billion laughs), long values, comments and processing instructions are dropped.
    References to dropped entities become bozo warnings and stay as literal text.
    """
    from feedparser.encodings import convert_to_utf8

    info: dict[str, Any] = {}
    text = convert_to_utf8(headers, body, info)
    head_end, doctype = _declaration_region(text)
    declared = text[:head_end].count(b"<!ENTITY")
    if not declared:
        return body, headers, None

    xml_decl = b""
    if text.startswith(b"<?xml"):
        end = text.find(b"?>")
        xml_decl = text[: end + 2] if end != -1 else b""
    safe: list[bytes] = []
    new_doctype = b""  # declarations outside a DOCTYPE (in a comment) only fool feedparser
    if doctype is not None:
        name, external, declarations = doctype
        for decl in declarations:
            if len(safe) < MAX_ENTITIES and _SAFE_ENTITY.match(decl):
                safe.append(b"<!ENTITY" + decl.rstrip() + b">\n")
        new_doctype = b"<!DOCTYPE " + name + external
        new_doctype += b" [\n" + b"".join(safe) + b"]>\n" if safe else b">\n"
    rebuilt = xml_decl + b"\n" + new_doctype + text[head_end:]

    # The invariant that makes this safe: in the region where feedparser and expat read
    # declarations, there are now only the ones we wrote.
    region_end, _ = _declaration_region(rebuilt)
    if rebuilt[:region_end].count(b"<!ENTITY") != len(safe):
        raise FeedParseError(url, "not a feed: a DOCTYPE this parser cannot make safe")

    if info.get("encoding"):  # feedparser converted the text: hand it over as UTF-8
        headers = {**headers, "content-type": "application/xml; charset=utf-8"}
    notes = []
    if declared > len(safe):
        notes.append(f"ignored {declared - len(safe)} unsafe ENTITY declaration(s) "
                     "(only short literal entities are kept)")
    if info.get("bozo_exception") is not None:  # the Content-Type or charset complaint
        notes.append(describe(info["bozo_exception"]))
    return rebuilt, headers, "; ".join(notes) or None


_WS = re.compile(rb"[ \t\r\n]*+")
_NAME = re.compile(rb"\s*+([^\s\[>]++)")
_QUOTED_OR_NOT = rb"""(?:[^"'>\[]++|"[^"]*+"|'[^']*+')*+"""
_UNTIL_BRACKET_OR_END = re.compile(_QUOTED_OR_NOT)
_DECLARATION = re.compile(rb"""(?:[^"'>]++|"[^"]*+"|'[^']*+')*+""")
_SUBSET_TEXT = re.compile(rb"[^<\]]++")


def _declaration_region(text: bytes) -> tuple[int, tuple[bytes, bytes, list[bytes]] | None]:
    """Where declarations can be read from, and the DOCTYPE: (end, (name, external, ENTITYs)).

    The end is the later of: the end of the prolog (what precedes the root element: the XML
    declaration, comments, processing instructions, one DOCTYPE) as expat reads it, and the
    first ``<`` + word character, where feedparser's own ``replace_doctype`` stops looking.
    Quotes are honoured, so a ``>`` or ``]`` inside an entity value ends nothing early.
    """
    pos, n = 0, len(text)
    doctype = None
    while pos < n:
        pos = _WS.match(text, pos).end()
        if text.startswith(b"<?", pos):
            end = text.find(b"?>", pos + 2)
            pos = n if end == -1 else end + 2
        elif text.startswith(b"<!--", pos):
            end = text.find(b"-->", pos + 4)
            pos = n if end == -1 else end + 3
        elif text.startswith(b"<!DOCTYPE", pos) and doctype is None:
            pos, doctype = _scan_doctype(text, pos + len(b"<!DOCTYPE"))
        else:
            break
    head = _FEEDPARSER_HEAD_END.search(text)
    return max(pos, head.start() if head else n), doctype


def _scan_doctype(text: bytes, pos: int) -> tuple[int, tuple[bytes, bytes, list[bytes]]]:
    n = len(text)
    m = _NAME.match(text, pos)
    name = m.group(1) if m else b"feed"
    pos = m.end() if m else pos
    end = _UNTIL_BRACKET_OR_END.match(text, pos).end()
    external = text[pos:end].rstrip()
    declarations: list[bytes] = []
    if text.startswith(b"[", end):
        end = _scan_subset(text, end + 1, declarations)
        end = _DECLARATION.match(text, end).end()
    return min(end + 1, n), (name, external, declarations)


def _scan_subset(text: bytes, pos: int, declarations: list[bytes]) -> int:
    """Scan an internal subset from ``pos``; collect ENTITY bodies; return the index after ``]``."""
    n = len(text)
    while pos < n:
        if text.startswith(b"<!--", pos):
            end = text.find(b"-->", pos + 4)
            pos = n if end == -1 else end + 3
        elif text.startswith(b"<", pos):
            end = _DECLARATION.match(text, pos + 1).end()
            if text.startswith(b"<!ENTITY", pos):
                declarations.append(text[pos + len(b"<!ENTITY"): end])
            pos = end + 1
        elif text.startswith(b"]", pos):
            return pos + 1
        else:
            pos = _SUBSET_TEXT.match(text, pos).end()
    return n
