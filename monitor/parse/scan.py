"""The key scan's product: where each entry is in a document and its key, and the smaller
document made of the entries the store does not know (``select``), for feedparser to parse.

feedparser parses whole documents, so a poll that brings 3 new entries in a feed of 30 would pay
for 30. The smaller document is the same bytes with the known entries' elements cut out: every
other byte (the feed header, what lies between and after the entries) is kept, so feedparser
reads the remaining entries exactly as it reads them in the whole document. No state of its
parser carries from one entry to the next that the cut entries could change, but one carries
from the header into the first entry: the content flag a header's ``<description>`` after its
``<itunes:summary>`` sets, which each entry's end clears and which decides whether an entry's
second summary is its content or replaces its summary. So the first entry is never cut.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator
from dataclasses import dataclass
from xml.parsers import expat

# an entry element's start tag (any prefix)
_ENTRY_TAG = re.compile(rb"<((?:[A-Za-z_][A-Za-z0-9_.-]*:)?(?:item|entry))[\s/>]")
_TAG = re.compile(rb"<[^>]*>")
# the markup of a well-formed element, token by token: comments, CDATA sections, processing
# instructions (to their first ">", as sgmllib reads them: what follows is scanned, never
# skipped) and start tags with their quoted attribute values (which may hold ">"); what lies
# between (text, where an escaped "&lt;div xmlns=...&gt;" declares nothing) is skipped
_MARKUP = re.compile(rb"""<!--.*?-->|<!\[CDATA\[.*?\]\s*\]\s*>|<\?[^>]*>"""
                     rb"""|<[^!?/>"'][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>""", re.S)
_DECLARATION = re.compile(rb"""xmlns(?::([^\s=]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')""")


@dataclass(frozen=True, slots=True)
class Scan:
    """Entries of a document in order: their keys (None: an entry feedparser drops, having
    nothing in it) and the byte spans [start, end) of their elements."""

    keys: tuple[str | None, ...]
    spans: tuple[tuple[int, int], ...]

    def new_keys(self, known: Container[str]) -> tuple[str, ...]:
        """The keys not in ``known``, in order, each once (a repeated key keeps the first)."""
        seen: set[str] = set()
        out = []
        for k in self.keys:
            if k is not None and k not in known and k not in seen:
                seen.add(k)
                out.append(k)
        return tuple(out)

    def select(self, body: bytes, known: Container[str]) -> bytes:
        """The document without the entries whose keys are in ``known`` (nor empty ones), but
        for the first entry, which alone reads state the header left (see above): it stays,
        known or not, for the caller to drop."""
        parts = []
        pos = 0
        for i, (key, (start, end)) in enumerate(zip(self.keys, self.spans, strict=True)):
            if i and (key is None or key in known):
                parts.append(body[pos:start])
                pos = end
        parts.append(body[pos:])
        return b"".join(parts)


def entry_elements(data: bytes) -> Iterator[tuple[int, int] | None]:
    """Where ``<item>`` and ``<entry>`` elements (any prefix) seem to be in a document, found
    with regular expressions, not a parser: each one's byte span [start, end) from its start
    tag to its end tag, in order, or None for one whose end cannot be told (no end tag, an
    element of the same name inside, an empty element). A span may be wrong (inside a comment
    or CDATA section): the callers check what they cut."""
    pos = 0
    for m in _ENTRY_TAG.finditer(data):
        start = m.start()
        if start < pos:
            continue
        qname = m.group(1)
        close = data.find(b"</" + qname, m.end())
        end = data.find(b">", close) + 1 if close >= 0 else 0
        if end <= 0 or data[close + 2 + len(qname):end - 1].strip() \
                or data.find(b"<" + qname, m.end(), close) >= 0:
            yield None
            continue
        yield start, end
        pos = end


def contiguous_entries(data: bytes) -> list[tuple[int, int]] | None:
    """The spans of ``entry_elements`` when every one was told and nothing but white space lies
    between them (the entries of a feed as they usually are); else None."""
    spans = []
    for span in entry_elements(data):
        if span is None or (spans and data[spans[-1][1]:span[0]].strip()):
            return None
        spans.append(span)
    return spans


def declarations(data: bytes, start: int, end: int) -> tuple[tuple[bytes, bytes], ...]:
    """The namespace declarations, (prefix, URI) as written, of the start tags in
    ``data[start:end]``, a well-formed element: none from its text, comments or CDATA sections,
    where blogs' feeds carry escaped XHTML ("&lt;div xmlns=..."). Either quote counts the same.
    Where the strict and the loose parser could end a section at different places, the
    earlier end is taken, so that no declaration either parser reads is missed."""
    return tuple((d[0], d[1] or d[2]) for m in _MARKUP.finditer(data, start, end)
                 if m[0][1:2] not in b"!?" and b"xmlns" in m[0]
                 for d in _DECLARATION.findall(m[0]))


def well_formed(span: bytes) -> bool:
    """Whether expat reads ``span`` alone as one balanced element (namespaces not checked)."""
    try:
        expat.ParserCreate().Parse(span, True)
    except expat.ExpatError:
        return False
    return True


def header_tags(data: bytes, end: int) -> bytes:
    """The tags (not the text) of ``data`` before ``end``: what a feed's header declares."""
    return b"".join(_TAG.findall(data, 0, end))


def strict_error(data: bytes) -> tuple[int, int, int] | None:
    """Where and why feedparser's strict parser (expat with namespaces) stops reading ``data``:
    (error code, line, column), or None when it is well-formed. Entities are not declared
    here: callers pass documents without ``<!ENTITY``."""
    try:
        expat.ParserCreate(None, " ").Parse(data, True)
    except expat.ExpatError as e:
        return e.code, e.lineno, e.offset
    return None
