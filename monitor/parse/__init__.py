"""The parse stage: a fetched body → the Items the store does not know yet. No network.

    parse(feed_id, url, body, headers, known) → Parsed(items, keys, warning, ttl_minutes)
                                               raises FeedParseError (not a feed)

Its parts, in the order one body goes through them:

1. ``feedparser.encodings.convert_to_utf8``: the body decoded as feedparser decodes it (HTTP
   charset, BOM, XML declaration, RFC 3023 rules), so every later part reads the same text.
   Given the keys the store holds with their entries' digests, ``fast.read_known`` first cuts
   out the entries known byte for byte (found by a regular expression, checked by the pass at
   each cut: same place, same state), so a feed polled before costs the pass only its header
   and its new entries.
2. ``fast.read``: one expat pass that finds every entry, its byte span and its key, and builds
   each entry's fields as feedparser would (``fast.py`` says how it stays exact and when it
   declines). When it vouches for every field, feedparser is skipped: the entries whose keys
   are in ``known`` are dropped and the others normalised.
3. Otherwise, when it vouches for the keys and some are known, ``scan.Scan.select`` cuts the
   known entries out of the document and ``feed.parse_feed`` (feedparser) parses the rest; if
   the keys that come out are not exactly those announced, the whole document is parsed.
4. Otherwise ``feed.parse_feed`` parses the whole document (its loose parser also reads what is
   not well-formed), and the known entries are dropped after normalising. Where the entry
   elements can be told apart, entries known byte for byte are cut out first here too
   (``_unread``).

Whatever the route, the result is the same: the items of the whole document (``normalize.to_items``
of feedparser's reading), minus those whose keys are in ``known``. ``known`` may be incomplete
(the caller checks the returned keys against the store again); it only decides what is skipped.

``parse_in_worker`` is what the parser worker processes run: it returns a FeedError as a value
rather than raising it, and turns a bug into ``ParserCrash`` (one string, with the worker's
traceback), so that nothing a document does can break the worker pool.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Container, Mapping
from dataclasses import replace
from typing import Any

from feedparser.encodings import convert_to_utf8

from monitor.digests import blake2b
from monitor.exceptions import FeedError, FeedParseError
from monitor.normalize import entry_key, to_item, to_items
from monitor.parse import charset
from monitor.parse.fast import (
    blank_doctype,
    entry_digest,
    loose_prolog,
    read_known,
    read_with_reason,
)
from monitor.parse.feed import describe, parse_feed, ttl_minutes
from monitor.parse.scan import (
    Scan,
    contiguous_entries,
    declarations,
    header_tags,
    strict_error,
    well_formed,
)
from monitor.types import Item, Parsed, RawEntry

__all__ = ["ParserCrash", "Scan", "parse", "parse_feed", "parse_in_worker", "scan"]

_log = logging.getLogger(__name__)
_AS_UTF8 = {"content-type": "application/xml; charset=utf-8"}
charset.install()  # chardet without its repeated work, for each conversion of a body


class ParserCrash(Exception):
    """A bug in the parser, raised in a worker: carries the worker's traceback as text."""


def parse(
    feed_id: str,
    url: str,
    body: bytes,
    headers: Mapping[str, str],
    known: Container[str] = frozenset(),
    *,
    fast: bool = True,
) -> Parsed:
    """The items of ``body`` whose keys are not in ``known`` (see the module docstring).

    ``known`` may map each key to the digest of its entry's bytes as stored (None: unknown):
    then an entry is skipped only when its digest here is the same, so an entry whose bytes
    changed (perhaps an edit) comes back; where the expat pass cannot vouch for the entries'
    spans, nothing is skipped. Each Item carries its entry's digest when the spans are sure."""
    if not body.strip():
        raise FeedParseError(url, "empty body")
    data, note = _as_utf8(url, body, headers)
    reading = reason = None
    loose = loose_prolog(data) if fast else None
    text = data
    if loose is not None:  # feedparser reads it with its loose parser, and says so
        text = loose[0]
    elif fast:  # a DOCTYPE feedparser strips, blanked out (looked for before the root only)
        text = blank_doctype(data) or data
    if fast and isinstance(known, Mapping) and known:
        reading = read_known(text, url, known, loose is not None)
    if reading is None:
        reading, reason = read_with_reason(text, url, None, loose is not None)
    if loose is not None:
        if reading is not None and reading.entries is not None and reading.spans:
            note = loose[1]  # (with no entries, feedparser's path says it is not well-formed)
        else:  # only the whole fast route: the rest of the pipeline reads ``data`` as it is
            reading, reason = None, reason or "loose parser: keys only"
    digests: dict[str, str] = {}
    if reading is not None and reading.keys_sure:
        digests = {k: d for k, d in zip(reading.keys, reading.digests, strict=True) if k and d}
    known_map = known if isinstance(known, Mapping) else None
    if known_map is not None:
        known = _same_digest(known_map, digests)
    return _parse(feed_id, url, body, headers, known, fast, data, note, reading, reason,
                  known_map, digests)


def _same_digest(known: Mapping[str, str | None], digests: Mapping[str, str]) -> frozenset[str]:
    """The known keys whose stored digest is their entry's digest here."""
    return frozenset(k for k, d in known.items() if d is not None and digests.get(k) == d)


def _with_hashes(parsed: Parsed, digests: Mapping[str, str]) -> Parsed:
    """``parsed`` with each Item carrying its entry's digest."""
    return replace(parsed, items=tuple(replace(i, entry_hash=digests.get(i.key))
                                       for i in parsed.items))


def _parse(feed_id: str, url: str, body: bytes, headers: Mapping[str, str],
           known: Container[str], fast: bool, data: bytes, note: str | None,
           reading: Any, reason: str | None,
           known_map: Mapping[str, str | None] | None, digests: Mapping[str, str]) -> Parsed:
    if reading is not None and reading.entries is not None and fast:
        return _from_entries(feed_id, reading.entries, known, note, ttl_minutes(reading.ttl),
                             keys=reading.keys, hashes=digests)
    # a worker has not loaded structlog (monitor/workerproc.py) and need not for a line its
    # level drops; where structlog is loaded its own chain filters (and tests capture) the line
    if "structlog" in sys.modules or _log.isEnabledFor(logging.DEBUG):
        import structlog

        # a logger got at each use, not cached at the first: one cached under another
        # structlog configuration (a test's, a CLI's) would keep it for the life of the process
        structlog.get_logger(__name__).debug("fast_path_declined", url=url, reason=reason)
    mismatch = None
    if reading is not None and reading.keys_sure and known:
        scan = Scan(reading.keys, reading.spans)
        new = scan.new_keys(known)
        keys = tuple(k for k in dict.fromkeys(scan.keys) if k is not None)
        if not new:  # every entry known: nothing to parse
            return Parsed((), keys, note, ttl_minutes(reading.ttl))
        if len(new) < len(keys):
            try:
                parsed = parse_feed(url, scan.select(data, known), _AS_UTF8)
            except FeedError:
                parsed = None
            if parsed is not None:
                # the first entry stays in the smaller document, known or not
                items = tuple(i for i in to_items(feed_id, parsed) if i.key not in known)
                if tuple(i.key for i in items) == new:
                    return _with_hashes(Parsed(items, keys, note, parsed.ttl_minutes), digests)
            mismatch = "scan mismatch: parsed the whole document"  # correct anyway, slower
    if reading is not None and reading.keys_sure:  # the whole document, with the pass's keys
        parsed = parse_feed(url, body, headers)
        warning = "; ".join(w for w in (parsed.warning, mismatch) if w) or None
        return _from_entries(feed_id, parsed.entries, known, warning, parsed.ttl_minutes,
                             fast=False, hashes=digests)
    return _unread(feed_id, url, body, headers, data, note, known, known_map, fast)


def _unread(feed_id: str, url: str, body: bytes, headers: Mapping[str, str], data: bytes,
            note: str | None, known: Container[str],
            known_map: Mapping[str, str | None] | None, fast: bool) -> Parsed:
    """A document the expat pass could not read (not well-formed, or declined): feedparser
    reads it (its loose parser when not well-formed).

    Where the document's entry elements can be told apart (``scan.contiguous_entries``), each
    entry's bytes get a digest (of its bytes, the document URL and the header's tags: what its
    reading depends on), so that at the next poll the entries known byte for byte, each one
    well-formed on its own and declaring no namespace the first entry does not declare (the
    loose parser keeps the mappings after the entry ends), are cut out and feedparser reads only
    the rest (the first entry is never cut: it alone may follow state the header set). A cut
    entry leaves its line breaks behind, so that line numbers in warnings stay those of the
    whole document; the cut is used only if feedparser's strict parser fails on the smaller
    document exactly as on the whole one (same error, line and column: an entry may be
    well-formed alone and still hold the document's error, an unbound namespace prefix). If
    feedparser reads another number of entries than announced, the whole document is read."""
    spans = contiguous_entries(data) if b"<!ENTITY" not in data else None
    if spans:
        context = blake2b(url.encode("utf-8", "surrogatepass") + b"\0"
                                  + header_tags(data, spans[0][0]), digest_size=4).hexdigest()
        digests = [_loose_digest(data[a:b], context, i) for i, (a, b) in enumerate(spans)]
        if known_map and fast:
            got = _unread_cut(feed_id, url, data, note, known_map, spans, digests)
            if got is not None:
                return got
    parsed = parse_feed(url, body, headers)
    if not spans or not parsed.entries_read == len(parsed.entries) == len(spans):
        return _from_entries(feed_id, parsed.entries, known, parsed.warning,
                             parsed.ttl_minutes, fast=False)
    keys = tuple(entry_key(e) for e in parsed.entries)
    return _with_digests(feed_id, parsed.entries, keys, digests, known_map or known,
                         parsed.warning, parsed.ttl_minutes)


def _loose_digest(span: bytes, context: str, index: int) -> str:
    return entry_digest(span, context + ("f" if index else ""))


def _unread_cut(feed_id: str, url: str, data: bytes, note: str | None,
                known: Mapping[str, str | None], spans: list[tuple[int, int]],
                digests: list[str]) -> Parsed | None:
    by_digest = {d: k for k, d in known.items() if d}
    parts: list[bytes] = []
    cut: dict[int, str] = {}
    pos = 0
    # feedparser's loose parser keeps the mappings an entry declares after the entry ends: an
    # entry that declares any is cut out only when the first entry (never cut) declares the
    # same, so that the mappings in force stay those of the whole
    first = set(declarations(data, *spans[0]))
    for i, (a, b) in enumerate(spans):
        key = by_digest.get(digests[i]) if i else None
        if key is None or not well_formed(data[a:b]) or (
                data.find(b"xmlns", a, b) >= 0
                and not first.issuperset(declarations(data, a, b))):
            continue
        parts += (data[pos:a], b"\n" * data.count(b"\n", a, b))
        cut[i] = key
        pos = b
    if not cut:
        return None
    parts.append(data[pos:])
    smaller = b"".join(parts)
    if strict_error(smaller) != strict_error(data):
        return None  # feedparser would read the smaller document otherwise (strict or loose)
    try:
        parsed = parse_feed(url, smaller, _AS_UTF8)
    except FeedError:
        return None
    left = len(spans) - len(cut)
    if not parsed.entries_read == len(parsed.entries) == left:
        return None
    read = iter(parsed.entries)
    entries = tuple(None if i in cut else next(read) for i in range(len(spans)))
    keys = tuple(cut[i] if i in cut else entry_key(e)  # type: ignore[arg-type]
                 for i, e in enumerate(entries))
    return _with_digests(feed_id, entries, keys, digests, known, parsed.warning or note,
                         parsed.ttl_minutes)


def _with_digests(feed_id: str, entries: tuple[RawEntry | None, ...],
                  keys: tuple[str, ...], digests: list[str],
                  known: Mapping[str, str | None] | Container[str], warning: str | None,
                  ttl: int | None) -> Parsed:
    """``_from_entries`` with each entry's digest on its Item. Given digests (a Mapping),
    known are the keys whose digest is the same."""
    by_key = dict(zip(keys, digests, strict=True))
    if isinstance(known, Mapping):
        known = _same_digest(known, by_key)
    return _from_entries(feed_id, entries, known, warning, ttl, fast=False, keys=keys,
                         hashes=by_key)


def scan(url: str, body: bytes, headers: Mapping[str, str]) -> Scan | None:
    """The key scan alone: each entry's key and byte span in the document as feedparser
    decodes it (UTF-8), or None when the expat pass cannot vouch for every key."""
    data, _ = _as_utf8(url, body, headers)
    reading, _ = read_with_reason(data, url)
    if reading is None or not reading.keys_sure:
        return None
    return Scan(reading.keys, reading.spans)


def _as_utf8(url: str, body: bytes, headers: Mapping[str, str]) -> tuple[bytes, str | None]:
    """The body as feedparser's converter makes it, and the warning it raises (wrong media
    type, wrong charset), worded as ``parse_feed`` words it."""
    hdrs = {k.lower(): v for k, v in headers.items()}
    hdrs["content-location"] = url
    info: dict[str, object] = {}
    data = convert_to_utf8(hdrs, body, info)
    problem = info.get("bozo_exception")
    return data, describe(problem) if isinstance(problem, BaseException) else None


def _from_entries(feed_id: str, entries: tuple[RawEntry | None, ...], known: Container[str],
                  warning: str | None, ttl: int | None, *, fast: bool = True,
                  keys: tuple[str | None, ...] | None = None,
                  hashes: Mapping[str, str] | None = None) -> Parsed:
    """``to_items`` of the entries minus the known keys, without normalising an entry whose
    key is known (most of a feed polled before). ``keys``: the fast path's key of each entry
    (an entry cut out as known has a key and no RawEntry); ``hashes``: the entries' digests
    by key, carried by the Items."""
    seen: dict[str, None] = {}
    items: list[Item] = []
    for i, entry in enumerate(entries):
        key = keys[i] if keys is not None else None
        if entry is None:
            if key is not None:  # cut out: known
                seen[key] = None
            continue
        if key is not None and (key in seen or key in known):
            seen[key] = None
            continue
        key = (entry.guid or "").strip()
        if key and (key in seen or key in known):
            seen[key] = None
            continue
        item = to_item(feed_id, entry, hashes)
        if item.key in seen:
            continue
        seen[item.key] = None
        if item.key not in known:
            items.append(item)
    return Parsed(tuple(items), tuple(seen), warning, ttl, fast=fast)


def parse_in_worker(
    feed_id: str, url: str, body: bytes, headers: Mapping[str, str], known: Container[str]
) -> Parsed | FeedError | ParserCrash:
    """``parse`` for a worker process: errors come back as values (see the module docstring)."""
    try:
        return parse(feed_id, url, body, headers, known)
    except FeedError as e:
        return e
    except Exception:  # a bug: sent back whole, raised and logged loudly by the pipeline
        return ParserCrash(f"parser crashed on {url}:\n{traceback.format_exc()}")
