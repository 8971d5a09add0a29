"""Charset detection for bodies whose bytes are not in the encoding they declare or default to:
chardet, as feedparser calls it, without its repeated work. Same answers, less CPU.

feedparser decides such a body's text with ``chardet.detect(body)["encoding"]`` (its
``lazy_chardet_encoding``, tried after the HTTP charset, the XML declaration and the BOM), and
the parse stage converts a body up to three times (``parse._as_utf8``, then, for a document the
expat pass cannot read, ``feed._defuse_entities`` and ``feedparser.parse``): each conversion of
such a body ran chardet over the whole document again, ~35 ms for 19 KB. Here:

- a body's answer is kept for the next call with the same bytes (one entry, keyed by length
  and a 128-bit BLAKE2b digest of the bytes, not the bytes themselves: nothing big is held);
- inside one detection, chardet 5's single-byte probers (13 of them) each run the same filter
  over the whole document (``filter_international_words``; ``remove_xml_tags`` two or three
  times, a byte-by-byte Python loop): each runs once per buffer and the others get a copy of
  its result. Both are pure functions of the buffer; chardet's probers only read what they get.

About half of a detection's CPU goes (18 ms against 34 ms a body of the real-shaped corpus).
``tests/test_charset.py`` compares every answer (encoding, confidence, language) with plain
chardet over the documents of the corpora and random buffers. ``install`` is called once by the
parse package; chardet itself still loads only when a body first needs it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from monitor.digests import blake2b

_STATE = threading.local()  # per thread: (key, encoding) of the last body, the filter memo
_PATCH_LOCK = threading.Lock()


def _key(data: bytes) -> tuple[int, bytes]:
    return len(data), blake2b(data, digest_size=16).digest()


def detect_encoding(data: bytes) -> str:
    """``chardet.detect(data)["encoding"] or ""``, as feedparser's ``lazy_chardet_encoding``,
    answered again without work for the same bytes."""
    key = _key(data)
    last = getattr(_STATE, "last", None)
    if last is not None and last[0] == key:
        return last[1]
    encoding = detect(data)["encoding"] or ""
    _STATE.last = (key, encoding)
    return encoding


def detect(data: bytes) -> dict[str, Any]:
    """feedparser's detector's whole answer for ``data`` (chardet's ``detect``), each filter
    run once per buffer."""
    import feedparser.encodings

    detector = feedparser.encodings.chardet
    if getattr(detector, "__name__", "") == "chardet":
        _filter_once()
    _STATE.memo = {}
    try:
        return dict(detector.detect(data))
    finally:
        _STATE.memo = None


def _once(name: str, fn: Callable[[Any], bytearray]) -> Callable[[Any], bytearray]:
    """``fn`` run once per buffer within a detection (a copy of its result for the others)."""

    def filtered(buf: Any) -> bytearray:
        memo = getattr(_STATE, "memo", None)
        if memo is None:  # chardet used outside ``detect_encoding``: as it is
            return fn(buf)
        got = memo.get(name)
        if got is not None and got[0] is buf:
            return bytearray(got[1])
        out = fn(buf)
        memo[name] = (buf, out)  # holds buf: its id cannot be reused while it is the key
        return bytearray(out)

    filtered.runs_once = True  # type: ignore[attr-defined]
    return filtered


def _filter_once() -> None:
    from chardet.charsetprober import CharSetProber

    with _PATCH_LOCK:
        for name in ("filter_international_words", "remove_xml_tags"):
            fn = getattr(CharSetProber, name)
            if not getattr(fn, "runs_once", False):
                setattr(CharSetProber, name, staticmethod(_once(name, fn)))


def install() -> None:
    """feedparser's conversions detect through ``detect_encoding`` (once per process; nothing
    when feedparser found no detector to use)."""
    import feedparser.encodings

    if getattr(feedparser.encodings, "lazy_chardet_encoding", None) is not None:
        feedparser.encodings.lazy_chardet_encoding = detect_encoding
