"""Near-duplicate stories: the same wire story in many feeds, with other URLs, small edits, other
headlines, bylines, datelines and outlet boilerplate.

Method: w-shingling (Broder, 1997). The folded words of title + summary + content are cut into
overlapping 3-word shingles, each hashed to 32 bits.

The rule (the README states it; ``tests/test_grouping_pairs.py`` holds it on a labelled set):

1. **Boilerplate does not count.** A shingle of an item that also occurs in another of the same
   feed's latest ``RECENT_ITEMS`` items is the feed's boilerplate (a newsletter plug, WordPress's
   "The post ... appeared first on ...", a read-more line, a recurring byline) and is removed.
   What is left is the item's *core*. Nothing is hard-coded: whatever a feed repeats is dropped.
2. **Too little core, no judgement**: an item with fewer than ``MIN_SHINGLES`` core shingles is
   never merged on text (only on the same link or the same title and summary).
3. **Another feed**: the same story when the *containment* of the smaller core in the larger,
   |A ∩ B| / min(|A|, |B|), reaches ``SAME_STORY`` (0.5) and the cores share at least
   ``MIN_SHARED`` (12) shingles: more than one ordinary sentence, so that two headlines over
   one stock sentence stay two stories. Containment rather than Jaccard because syndicated
   copies mostly add text (context, a paragraph) to the same core.
4. **The same feed**: only a near-identical item merges: Jaccard |A ∩ B| / |A ∪ B| of the cores
   at least ``NEAR_IDENTICAL`` (0.9). Another headline over the same body is another item.
5. **A repost in the same feed** (``reposts``): while the earlier post is one of the feed's
   latest items, everything the two share is the feed's boilerplate by rule 1, so the repost's
   own core is nearly empty. It is compared with each recent item of its feed instead, after
   removing only the shingles that a *third* recent item holds: near-identical (Jaccard at least
   0.9, or at most ``REPOST_DIFF`` shingles differ with Jaccard at least ``RETOUCHED``), it is
   the same story as that item.

Finding the candidates costs the same however many alerts the window holds: each alert's core is
summarised by a MinHash signature of ``BANDS`` x ``ROWS`` values, each band hashed to one 63-bit
number and kept in the store (``alert_bands``); a new alert looks up its own bands, and only the
alerts that share a band are compared exactly. Two cores with Jaccard J share at least one band
with probability 1 - (1 - J^ROWS)^BANDS: 0.99 at J = 0.4, 0.9 at J = 0.25, 0.03 at J = 0.03.
"""

from __future__ import annotations

import hashlib
import random
import re
import sys
import unicodedata
import zlib
from array import array
from collections import Counter
from collections.abc import Collection, Iterable, Sequence

from monitor.asciifold import AsciiFolding

SHINGLE_WORDS = 3
SAME_STORY = 0.5
NEAR_IDENTICAL = 0.9
# ... and a repost in the same feed under a retouched headline ("... (video)", another case or
# dash): at most this many shingles in one and not the other (the headline's last words and
# their echo in a footer), with at least RETOUCHED of the union shared
REPOST_DIFF = 6
RETOUCHED = 0.8
MIN_SHINGLES = 8  # too little text to judge: never merge on shingles alone
MIN_SHARED = 12  # across feeds, the shared text must be longer than one ordinary sentence
RECENT_ITEMS = 20  # a feed's latest items compared to find its boilerplate
BANDS, ROWS = 24, 2

_WORD = re.compile(r"\w+")
# words that carry no story: left out so that boilerplate and grammar do not make stories alike
_STOP = frozenset(
    """a an and are as at be by de del el en for from has he her his in is it its la las los
    of on or que se she that the their this to un una was were with y o os as da do das dos
    um uma no na nos nas e em""".split()
)
_P = (1 << 61) - 1  # a Mersenne prime: h(x) = (a*x + b) mod P is a universal hash of 32-bit x
_rng = random.Random(0x5EED)  # fixed: stored bands must mean the same after a restart
_HASHES = [(_rng.randrange(1, _P), _rng.randrange(0, _P)) for _ in range(BANDS * ROWS)]


_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


# ASCII text needs no regex: ``\w`` is [A-Za-z0-9_] there, so every other byte becomes a space
# and the words are what ``split`` leaves; case folding is ``lower``, and NFKD and the combining
# marks change nothing
_NOT_WORD = bytes(c if chr(c).isalnum() or c == ord("_") else ord(" ") for c in range(128)) \
    + b" " * 128
_STOP_BYTES = frozenset(w.encode() for w in _STOP)


def _plain(text: str) -> str:
    """The rule's folding (case, NFKD, the marks of ``_MARKS`` dropped), before the words."""
    return _MARKS.sub("", unicodedata.normalize("NFKD", text.casefold()))


_ASCII = AsciiFolding("similar", _plain)


def _words(text: str) -> list[bytes]:
    """The folded words of ``text`` but stop words, in order, as UTF-8.

    ASCII text, and text whose characters past ASCII all fold to ASCII (curly quotes, dashes,
    accented Latin letters: ``asciifold``), needs no regex; other text goes through it
    (``tests/test_similar.py`` compares both with the rule as written)."""
    raw = _ASCII.encode(text)
    if raw is None:
        return [w.encode() for w in _WORD.findall(_plain(text)) if w not in _STOP]
    words = raw.lower().translate(_NOT_WORD).split()
    return [w for w in words if w not in _STOP_BYTES]


def shingles(texts: Iterable[str]) -> frozenset[int]:
    """32-bit hashes of the 3-word shingles of the texts (each text shingled on its own): the
    CRC-32 of the UTF-8 of the three words joined by single spaces (of all the words, when a
    text has fewer than three)."""
    out: set[int] = set()
    for text in texts:
        words = _words(text)
        if len(words) < SHINGLE_WORDS:
            if words:
                out.add(zlib.crc32(b" ".join(words)))
            continue
        # each window joined and hashed in C: the word list zipped with its shifts (the
        # shortest ends it)
        windows = zip(*(words[i:] for i in range(SHINGLE_WORDS)), strict=False)
        out.update(map(zlib.crc32, map(b" ".join, windows)))
    return frozenset(out)


def boilerplate(recent: Iterable[Collection[int]]) -> Counter[int]:
    """How many of a feed's recent items (their shingle sets, or packed) hold each shingle."""
    counts: Counter[int] = Counter()
    for s in recent:
        counts.update(s)
    return counts


def core(own: frozenset[int], counts: Counter[int], own_counted: bool) -> frozenset[int]:
    """The item's shingles that no *other* recent item of its feed has (rule 1).
    ``own_counted``: the item itself is among the items ``counts`` was made from."""
    limit = 2 if own_counted else 1
    return frozenset(h for h in own if counts.get(h, 0) < limit)


def reposts(own: frozenset[int], key: str, recent: Sequence[tuple[str, Collection[int]]],
            counts: Counter[int], own_counted: bool) -> list[str]:
    """The keys of the feed's recent items (``recent``, ``counts`` = ``boilerplate(recent)``)
    that item ``key`` (shingles ``own``) reposts (rule 5)."""
    out = []
    mine = 2 if own_counted else 1  # as in ``core``
    for other_key, shingled in recent:
        if other_key == key:
            continue
        # ``shingled`` (a packed array: distinct shingles) is not made a set for this test
        if len(own.intersection(shingled)) < RETOUCHED * min(len(own), len(shingled)):
            continue  # cannot be near-identical: the common case, decided in C
        other = frozenset(shingled)
        # held by a recent item other than these two: boilerplate
        a = frozenset(h for h in own if counts.get(h, 0) - (h in other) < mine)
        b = frozenset(h for h in other if counts.get(h, 0) - (own_counted and h in own) < 2)
        if same_story(a, b, same_feed=True) or (
                min(len(a), len(b)) >= MIN_SHINGLES and len(a ^ b) <= REPOST_DIFF
                and jaccard(a, b) >= RETOUCHED):
            out.append(other_key)
    return out


def containment(a: Collection[int], b: Collection[int]) -> float:
    """|A ∩ B| / min(|A|, |B|); ``b`` may be a packed array (its shingles are distinct)."""
    if not a or not b:
        return 0.0
    return len(frozenset(a).intersection(b)) / min(len(a), len(b))


def jaccard(a: Collection[int], b: Collection[int]) -> float:
    if not a or not b:
        return 0.0
    inter = len(frozenset(a).intersection(b))
    return inter / (len(a) + len(b) - inter)


def same_story(a: Collection[int], b: Collection[int], same_feed: bool = False) -> bool:
    """True when two cores tell the same story (rules 2-4 of the module docstring)."""
    if min(len(a), len(b)) < MIN_SHINGLES:
        return False
    if same_feed:
        return jaccard(a, b) >= NEAR_IDENTICAL
    shared = len(frozenset(a).intersection(b))
    return shared >= MIN_SHARED and shared / min(len(a), len(b)) >= SAME_STORY


def across_feeds(size: int) -> bool:
    """Whether a core of ``size`` shingles can be the same story as another feed's core (rule
    3 needs MIN_SHARED shingles in common, so at least as many in each); a shorter one is
    compared with its own feed's alerts only (rule 4)."""
    return size >= MIN_SHARED


_LANE_ONE = (1).to_bytes(16, "little")  # a 128-bit lane holding 1


def minhash(s: Collection[int]) -> list[int]:
    """min over x in ``s`` of (a*x + b) mod P, for each hash (a, b) of ``_HASHES``; the
    shingles (``s``, not empty) are 32-bit.

    Exactly that arithmetic, one hash at a time over all shingles at once: each shingle is a
    128-bit lane of one big integer, so a*X + b*ONES holds every a*x + b (< 2^95: no carry
    reaches the next lane), the Mersenne prime folds it (y mod P = (y & P) + (y >> 61), then P
    once more where that reached P), and the lanes are read back as 64-bit words to take the
    least of each hash. A dozen operations on one big integer per hash, not one interpreted
    step per shingle and hash: about twice as fast as the plain loop (a test compares them)."""
    n = len(s)
    x = int.from_bytes(b"".join(v.to_bytes(16, "little") for v in s), "little")
    ones = int.from_bytes(_LANE_ONE * n, "little")
    low, high = ones * _P, ones * ((1 << 34) - 1)
    lanes = []
    for a, b in _HASHES:
        y = a * x + b * ones
        z = (y & low) + ((y >> 61) & high)  # each lane < 2^61 + 2^34 < 2P
        reached = ((z + ones) >> 61) & ones  # 1 in the lanes that reached P (rare)
        if reached:
            z -= reached * _P
        lanes.append(z.to_bytes(16 * n, sys.byteorder))
    # 64-bit words in the machine's order: each lane's low word first on a little-endian
    # machine, second on a big-endian one (its high word is 0)
    words = memoryview(b"".join(lanes)).cast("Q")
    first = 0 if sys.byteorder == "little" else 1
    return [min(words[i * 2 * n + first : (i + 1) * 2 * n : 2]) for i in range(len(lanes))]


def bands(s: Collection[int]) -> list[int]:
    """The LSH band keys of a core (signed 63-bit, for any SQL BIGINT); none when too short."""
    if len(s) < MIN_SHINGLES:
        return []
    mins = minhash(s)
    out = []
    for i in range(BANDS):
        raw = f"{i}:{':'.join(map(str, mins[i * ROWS : (i + 1) * ROWS]))}".encode()
        out.append(int.from_bytes(hashlib.blake2b(raw, digest_size=8).digest(), "big") >> 1)
    return out


def encode(s: Iterable[int]) -> str:
    return ",".join(map(str, sorted(s)))


def pack(s: Iterable[int]) -> array:
    """A shingle set kept compactly: 4 bytes a shingle."""
    return array("I", sorted(s))


def decode_packed(text: str | None) -> array:
    return array("I", map(int, text.split(","))) if text else array("I")


def to_blob(packed: array) -> bytes:
    """A packed shingle set as stored with its item: 4 bytes a shingle, little-endian."""
    if sys.byteorder == "big":
        packed = array("I", packed)
        packed.byteswap()
    return packed.tobytes()


def from_blob(blob: bytes) -> array:
    """``to_blob``'s bytes back as a packed shingle set."""
    out = array("I")
    out.frombytes(blob)
    if sys.byteorder == "big":
        out.byteswap()
    return out
