"""The key scan's product: where each entry is in a document and its key, and the smaller
document made of the entries the store does not know (``select``), for feedparser to parse.

feedparser parses whole documents, so a poll that brings 3 new entries in a feed of 30 would pay
for 30. The smaller document is the same bytes with the known entries' elements cut out: every
other byte (the feed header, what lies between and after the entries) is kept, so feedparser
reads the remaining entries exactly as it reads them in the whole document (no state of its
parser carries from one entry to the next that the cut entries could change).
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass


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
        """The document without the entries whose keys are in ``known`` (nor empty ones)."""
        parts = []
        pos = 0
        for key, (start, end) in zip(self.keys, self.spans, strict=True):
            if key is None or key in known:
                parts.append(body[pos:start])
                pos = end
        parts.append(body[pos:])
        return b"".join(parts)
