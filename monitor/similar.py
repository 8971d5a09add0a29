"""Near-duplicate stories: the same wire story in many feeds, with other URLs, small edits, other
headlines, outlet boilerplate and reordered sentences.

Method: w-shingling (Broder, 1997). The folded words of title + summary + content are cut into
overlapping 3-word shingles, each hashed to 32 bits. Two items are the same story when the
*containment* of the smaller set in the larger, |A ∩ B| / min(|A|, |B|), reaches 0.5.
Containment rather than Jaccard because syndicated copies mostly *add* text (a byline, "read
more", a paragraph of context) to the same core; Jaccard would fall as the additions grow.
Sentence order barely matters: only the shingles across a sentence boundary change. The store
compares a new alert only with alerts of the last ``dedupe.window`` that share an entity, so the
exact comparison stays cheap (alerts are a small fraction of items).
Different stories about the same entity share names but few 3-word runs: in the tests they stay
below 0.2.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from array import array
from collections.abc import Collection, Iterable

SHINGLE_WORDS = 3
SAME_STORY = 0.5
MIN_SHINGLES = 8  # too little text to judge: never merge on shingles alone

_WORD = re.compile(r"\w+")
# words that carry no story: left out so that boilerplate and grammar do not make stories alike
_STOP = frozenset(
    """a an and are as at be by de del el en for from has he her his in is it its la las los
    of on or que se she that the their this to un una was were with y""".split()
)


def _words(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return [w for w in _WORD.findall(plain) if w not in _STOP]


def shingles(texts: Iterable[str]) -> frozenset[int]:
    """32-bit hashes of the 3-word shingles of the texts (each text shingled on its own)."""
    out: set[int] = set()
    for text in texts:
        words = _words(text)
        if len(words) < SHINGLE_WORDS:
            if words:
                out.add(zlib.crc32(" ".join(words).encode()))
            continue
        for i in range(len(words) - SHINGLE_WORDS + 1):
            out.add(zlib.crc32(" ".join(words[i : i + SHINGLE_WORDS]).encode()))
    return frozenset(out)


def containment(a: frozenset[int], b: Collection[int]) -> float:
    """``b`` is a set or a packed array (its shingles are distinct)."""
    if not a or not b:
        return 0.0
    return len(a.intersection(b)) / min(len(a), len(b))


def same_story(a: frozenset[int], b: Collection[int]) -> bool:
    """True when two items tell the same story (see the module docstring for the rule)."""
    if min(len(a), len(b)) < MIN_SHINGLES:
        return False
    return containment(a, b) >= SAME_STORY


def encode(s: frozenset[int]) -> str:
    return ",".join(map(str, sorted(s)))


def pack(s: Iterable[int]) -> array:
    """A shingle set kept in memory for later comparisons: 4 bytes a shingle (~70 in a set)."""
    return array("I", sorted(s))


def decode_packed(text: str | None) -> array:
    return array("I", map(int, text.split(","))) if text else array("I")
