"""Pure matching: a compiled watchlist × an item's plain-text fields → MatchResult.

How it works, once per field:

1. **Fold** the text to lower case without accents, keeping its length, so an offset in the
   folded text is the same offset in the original. Spaces, line breaks, non-breaking spaces,
   hyphens, apostrophes and underscores all become one plain space. Latin-1 text (English,
   Spanish) is folded with one ``bytes.translate``; other scripts use a full table. Only when
   the folded text has runs of spaces or characters to drop (combining accents, soft hyphens)
   is it squeezed, with a small segment table to map offsets back.
2. **Scan** the folded text with one Aho-Corasick automaton holding every alias and topic term
   (each alias in all its spacing variants: ``ms 13``/``ms13``, ``al qaeda``/``alqaeda``).
3. **Check** each hit cheaply: whole words (with possessives and camel-case hashtags), the
   alias's case rule on the original text, then, only for entities that need them, context
   terms (``requires``), ``exclude`` phrases (a second automaton, scanned at most once per
   item), ``not_after`` first names and, for strict surnames, ``allow_after`` (any other
   capitalised word before the alias means another person, except in all-capitalised headlines).
   A hit rejected for the name before it drops the alias's other lone hits in the item.
4. **Decide** topics from the term hits with their all_of/any_of/none_of/near rules (``near``
   optionally in order, optionally across fields read as one text).

``Matcher.explain`` runs the same code and says why each entity or topic matched, and why
near misses (an alias found but rejected, a topic with some but not all conditions) did not.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
import threading
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal, NamedTuple

import ahocorasick

from monitor import spoken
from monitor.types import PRIORITY_RANK, EntityMatch, Hit, MatchResult, Salience, TopicMatch
from monitor.watchlist import ALL_FIELDS, ANY_ENTITY, Area, Cond, Entity, Watchlist

# --- folding -------------------------------------------------------------------------------------

# become a plain space; the acute accent alone (U+00B4) is the apostrophe of many Spanish and
# Portuguese keyboards ("Maduro´s", "al-Qa´ida", "O´Higgins")
_SOFT = "-'_`\xb4\t\n\r\x0b\x0c\xa0"
_PUNCT = "\x1f"  # every other punctuation mark or symbol becomes this one character
# Frequent characters outside Latin-1, replaced by a Latin-1 equivalent of the same length.
_COMMON = (
    ("\u2019", "'"), ("\u2018", "'"), ("\u02bc", "'"), ("\u201c", '"'), ("\u201d", '"'),
    ("\u2010", "-"), ("\u2011", "-"), ("\u2012", "-"), ("\u2013", "-"), ("\u2014", "-"),
    ("\u2015", "-"), ("\u2212", "-"), ("\u2009", " "), ("\u200a", " "), ("\u202f", " "),
    ("\u2002", " "), ("\u2003", " "), ("\u2007", " "), ("\u2026", "."),
    # the ayn and hamza of transliterated Arabic, the okina: apostrophes ("Al-Qāʿida")
    ("\u02bf", "'"), ("\u02be", "'"), ("\u02bb", "'"),
    # the prime and the modifier-letter acute and prime, typed for an apostrophe ("Rubio′s")
    ("\u2032", "'"), ("\u02ca", "'"), ("\u02b9", "'"),
)  # fmt: skip
# Characters that vanish (combining accents, soft hyphens, zero-width marks).
_DROP = "\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff"
_DROP_RE = re.compile(f"[{_DROP}]")
_SQUEEZE_RE = re.compile(f"(?<= ) +|[{_DROP}]+")
_SPACES_RE = re.compile("  +")
_APOSTROPHES = frozenset("'\u2019\u02bc\xb4\u2032")


def _fold_char(c: str) -> str:
    """The one-character folded form of ``c`` (``c`` itself if it has none)."""
    if _DROP_RE.match(c):
        return c
    cat = unicodedata.category(c)
    if c in _SOFT or cat == "Zs":
        return " "
    if cat[0] in "PSC":
        return _PUNCT
    if cat == "No" and unicodedata.normalize("NFKD", c).isdigit():
        # a superscript or subscript digit is a footnote's or an exponent's mark, not a digit
        # of the word it is glued to ("Tren de Aragua¹", "km²")
        return _PUNCT
    low = c.lower()
    if len(low) != 1:
        return c
    base = "".join(x for x in unicodedata.normalize("NFKD", low) if not unicodedata.combining(x))
    return base if len(base) == 1 else low


def _latin1_table() -> bytes:
    folded = [_fold_char(chr(i)) for i in range(256)]
    return bytes(ord(c) if ord(c) < 256 else i for i, c in enumerate(folded))


_LATIN1 = _latin1_table()


# Symbols past the table's end that are punctuation all the same: emoji and pictographs, flags
# (regional indicators, tag characters), variation selectors, CJK and full-width punctuation.
# Whole blocks, so that emoji newer than this Python's Unicode data count too.
_WIDE_SYMBOLS = re.compile("[\u3000-\u303f\ufe00-\ufe0f\ufe10-\ufe1f\ufe30-\ufe4f"
                           "\uff5f-\uff65"
                           "\U0001f000-\U0001fbff\U000e0000-\U000e007f\U000e0100-\U000e01ef]")


# Letters and digits styled as Unicode symbols (mathematical bold, italic, script, double-struck,
# sans-serif, monospace) and the full-width forms of ASCII: social posts use them to dodge
# keyword filters. Each folds as its plain character, one character for one.
_STYLED = re.compile("[\uff01-\uff5e\U0001d400-\U0001d7ff]")
_FROM_CJK = re.compile("[\u3000-\U0010ffff]")  # where both of the above begin
_STYLED_RUN = re.compile(_STYLED.pattern + "+")  # its runs
# the small capitals that "fancy text" generators write for capitals ("ᴄᴀʀᴛᴇʟ ᴅᴇʟ ɢᴏʟꜰᴏ"; no
# small capital X exists): a run of two or more is read as the capitals, case rules included
_SMALL_CAPITALS = "\u1d00\u0299\u1d04\u1d05\u1d07\ua730\u0262\u029c\u026a\u1d0a\u1d0b\u029f\u1d0d" \
    "\u0274\u1d0f\u1d18\ua7af\u0280\ua731\u1d1b\u1d1c\u1d20\u1d21\u028f\u1d22"
_SMALL_CAPITALS_TABLE = str.maketrans(_SMALL_CAPITALS, "ABCDEFGHIJKLMNOPQRSTUVWYZ")
_SMALL_CAPITALS_RUN = re.compile(f"[{_SMALL_CAPITALS}]{{2,}}")


def _capitals(m: re.Match[str]) -> str:
    return m.group().translate(_SMALL_CAPITALS_TABLE)


def _has_any(text: str, chars: str) -> bool:
    """Whether ``text`` holds one of ``chars``: a substring search each, several times faster
    than a character class of letters beyond Latin-1 over a long text (and a plain loop, twice
    as fast as ``any`` over a generator on a short one)."""
    for c in chars:  # noqa: SIM110 (the loop is the point: no generator)
        if c in text:
            return True
    return False


@cache
def _styled_table() -> dict[int, str]:
    out: dict[int, str] = {}
    for cp in [*range(0xFF01, 0xFF5F), *range(0x1D400, 0x1D800)]:
        plain = unicodedata.normalize("NFKC", chr(cp))
        if len(plain) == 1 and plain.isascii():
            out[cp] = _fold_char(plain)
    return out


def _unstyled(m: re.Match[str]) -> str:
    return m.group().translate(_styled_table())


@cache
def _full_table() -> list[str]:
    # characters from U+3000 on (CJK, emoji) fold to themselves: str.translate keeps a character
    # the table does not reach, as fast as one mapped to itself, without 53,000 one-character
    # strings (4.4 MB held for the daemon's life)
    table = [_fold_char(chr(i)) for i in range(0x3000)]
    for a, b in _COMMON:
        table[ord(a)] = _fold_char(b)
    return table


class Folded(NamedTuple):
    """A field's folded text; ``starts`` maps folded offsets back when it was squeezed."""

    text: str
    starts: tuple[list[int], list[int]] | None  # (folded segment starts, original starts)

    def orig(self, i: int) -> int:
        """The original offset of folded offset ``i``."""
        if self.starts is None:
            return i
        new, old = self.starts
        k = bisect.bisect_right(new, i) - 1
        return old[k] + i - new[k]

    def orig_end(self, i: int) -> int:
        """The original offset just after folded character ``i - 1``."""
        return i if self.starts is None else self.orig(i - 1) + 1

    def at(self, o: int) -> int:
        """The folded offset of original offset ``o`` (the next kept character's)."""
        if self.starts is None:
            return o
        new, old = self.starts
        k = bisect.bisect_right(old, o) - 1
        return new[k] + max(0, o - old[k])


# A word broken at a line end by print-style hyphenation, the break then read as a space: a letter,
# a hyphen, one space or line break, a small letter ("Cartel de los So- les", "Ma- duro",
# "desig- nação"). The hyphen and the break vanish as a soft hyphen does, for matching only (the
# stored text keeps them). A capital after it is another word ("anti- Maduro"), but in a field
# written in capitals, where a capital says nothing, a capital after a capital goes on with the
# word (captions: "TREN DE ARA- GUA"); "pre- and post-war" becomes a word no alias spells.
def _rejoined(text: str, f: str) -> str:
    """``f`` (``text`` folded, the same length) with the hyphen and break of each word broken
    at a line end marked to vanish."""
    if len(f) != len(text):
        return f
    chars: list[str] | None = None
    last = len(text) - 2
    shouted: bool | None = None  # the field in capitals: a capital after the break is no sign
    for hyphen in ("-", "\u2010"):
        i = text.find(hyphen, 1)
        while 0 < i < last:  # only the hyphens are looked at (a long body has few)
            if text[i + 1] in " \n" and text[i - 1].isalpha() and (
                    text[i + 2].islower() or (text[i + 2].isupper() and text[i - 1].isupper() and (
                        shouted if shouted is not None else (shouted := text.isupper())))):
                chars = chars or list(f)
                chars[i] = chars[i + 1] = "\xad"
            i = text.find(hyphen, i + 1)
    return "".join(chars) if chars else f


# Cyrillic and Greek small letters drawn like Latin ones: inside a word of Latin letters they
# are those letters (a spoofed or mistyped name, "Estado Islámiсo"); a word of their own
# script stays as it is
_HOMOGLYPHS = "асеорхуіјѕԁһԛԝοανικ"
_HOMOGLYPH_TABLE = str.maketrans(_HOMOGLYPHS, "aceopxyijsdhqwoavik")
_HOMOGLYPH_BESIDE_LATIN = re.compile(f"[a-z][{_HOMOGLYPHS}]|[{_HOMOGLYPHS}][a-z]")
_LETTER_RUN = re.compile(r"[^\W\d_]+")


def _latin_homoglyphs(m: re.Match[str]) -> str:
    word = m.group()
    return word.translate(_HOMOGLYPH_TABLE) if _HOMOGLYPH_BESIDE_LATIN.search(word) else word


# ... and their capitals, read before lower case is taken: a Greek capital Nu is drawn as "N" but
# its small letter as "v" ("CJΝG", "ΜS-13" with a Greek Mu)
_CAPITAL_HOMOGLYPHS = "АВЕКМНОРСТХІЈЅҺԚԜΑΒΕΖΗΙΚΜΝΟΡΤΥΧ"
_CAPITAL_TABLE = str.maketrans(_CAPITAL_HOMOGLYPHS, "ABEKMHOPCTXIJSHQWABEZHIKMNOPTYX")
# ... in a word that also has a Latin letter, beside it or not ("Воkо Haram": Cyrillic Ve and o)
_CAPITAL_BESIDE_LATIN = re.compile(
    f"[A-Za-z][^\\W\\d_]*[{_CAPITAL_HOMOGLYPHS}]|[{_CAPITAL_HOMOGLYPHS}][^\\W\\d_]*[A-Za-z]")


def _latin_capitals(m: re.Match[str]) -> str:
    word = m.group()
    return word.translate(_CAPITAL_TABLE) if _CAPITAL_BESIDE_LATIN.search(word) else word


def fold(text: str) -> Folded:
    """Lower case, no accents, soft separators as single spaces; offsets kept or mapped.

    Letters and digits stay (folded), spaces, hyphens and apostrophes become a space, any
    other punctuation or symbol becomes ``\\x1f``; the length is kept unless a run of spaces or
    a character to drop (combining accent, soft hyphen) forces a squeeze. A word hyphenated at
    a line end, its break now a space ("los So- les", "desig-\\nnação"), is one word again.
    """
    if text.isascii():
        f = text.encode("ascii").translate(_LATIN1).decode("ascii")
        if "  " not in f:
            return Folded(f, None)
        return _squeeze(_rejoined(text, f))
    try:
        f = text.encode("latin-1").translate(_LATIN1).decode("latin-1")
        if "  " not in f and "\xad" not in f:
            return Folded(f, None)
    except UnicodeEncodeError:
        t = text
        for a, b in _COMMON:
            if a in t:
                t = t.replace(a, b)
        try:
            f = t.encode("latin-1").translate(_LATIN1).decode("latin-1")
        except UnicodeEncodeError:
            few = _few_beyond_latin1(t)
            if few is not None:
                f, drop = few
                if "  " not in f and not drop:
                    return Folded(f, None)
                return _squeeze(_rejoined(text, f))
            # "CJΝG" with a Greek capital Nu (the class first: the word search is slower)
            if _has_any(t, _CAPITAL_HOMOGLYPHS) and _CAPITAL_BESIDE_LATIN.search(t):
                t = _LETTER_RUN.sub(_latin_capitals, t)
            f = _full_fold(t)
            # (each class search behind a cheaper one: most such texts are Latin with a few
            # symbols, or Chinese)
            if _has_any(f, _HOMOGLYPHS) and _HOMOGLYPH_BESIDE_LATIN.search(f):
                f = _LETTER_RUN.sub(_latin_homoglyphs, f)  # "Islámiсo" with a Cyrillic "с"
            if _FROM_CJK.search(f):
                if _WIDE_SYMBOLS.search(f):  # an emoji glued to a name: "🚨Tren de Aragua"
                    f = _WIDE_SYMBOLS.sub(_PUNCT, f)
                if _STYLED.search(f):  # bold or full-width letters: "𝗠𝗔𝗗𝗨𝗥𝗢", "ＭＡＤＵＲＯ"
                    # only their runs translated: the table is a dict, and each other character
                    # would cost the translation a failed lookup (Chinese text is full of
                    # full-width commas and brackets: 35 µs a field, 5 this way)
                    f = _STYLED_RUN.sub(_unstyled, f)
        if "  " not in f and not _DROP_RE.search(f):
            return Folded(f, None)
    return _squeeze(_rejoined(text, f))


_FEW = 32  # ``_few_beyond_latin1``: at most this many characters beyond Latin-1
_BESIDE_LATIN = frozenset(_HOMOGLYPHS + _CAPITAL_HOMOGLYPHS)


def _few_beyond_latin1(t: str) -> tuple[str, bool] | None:
    """``t`` folded as ``fold``'s full table folds it, and whether a character to drop is in
    it, for a Latin text with a few characters beyond Latin-1 (a star, an emoji, a letter of
    another alphabet): its Latin-1 characters folded at once as bytes, the others one by one,
    each as the full table and then the wide-symbol and styled-letter rules read it. None for
    another text: more of them, or a letter drawn like a Latin one, whose reading depends on
    the letters around it. (The full table's ``str.translate`` takes ~20 ns a character.)"""
    raw = t.encode("latin-1", "replace")  # each character beyond Latin-1 one "?"
    if raw.count(b"?") - t.count("?") > _FEW or "\xb5" in t:  # (the full table's micro sign
        return None  # is a Greek mu, the Latin-1 table's itself)
    latin = raw.translate(_LATIN1).decode("latin-1")
    table = _full_table()
    drop = "\xad" in latin
    parts = []
    last = 0
    i = raw.find(b"?")
    while i >= 0:
        c = t[i]
        if c != "?":
            o = ord(c)
            folded = table[o] if o < len(table) else c
            if c in _BESIDE_LATIN or folded in _BESIDE_LATIN:
                return None
            c = folded
            if c >= "\u3000":
                if _WIDE_SYMBOLS.match(c):
                    c = _PUNCT
                elif _STYLED.match(c):
                    c = c.translate(_styled_table())
            drop = drop or _DROP_RE.match(c) is not None
            parts.append(latin[last:i])
            parts.append(c)
            last = i + 1
        i = raw.find(b"?", i + 1)
    parts.append(latin[last:])
    return "".join(parts), drop


# a run of characters the full table reaches (below U+3000)
_BELOW_CJK = re.compile("[\x00-\u2fff]+")


def _full_fold(t: str) -> str:
    """``t.translate(_full_table())``: where characters from U+3000 on are many (Chinese,
    Japanese), only the runs between them are translated; each of them would otherwise cost
    the translation a failed lookup (the table stops there: a character it does not reach
    stays as it is)."""
    if _FROM_CJK.search(t) is None:
        return t.translate(_full_table())
    return _BELOW_CJK.sub(_fold_run, t)


def _fold_run(m: re.Match[str]) -> str:
    return m.group().translate(_full_table())


def _squeeze(f: str) -> Folded:
    parts: list[str] = []
    new: list[int] = [0]
    old: list[int] = [0]
    pos_old = pos_new = 0
    # without a character to drop, the same spans come from runs of two or more spaces (each
    # but its first space), found ten times faster: a literal prefix, no look-behind
    spaces_only = f.isascii() or not _DROP_RE.search(f)
    for m in (_SPACES_RE if spaces_only else _SQUEEZE_RE).finditer(f):
        s, e = m.span()
        if spaces_only:
            s += 1  # the run's first space stays
        parts.append(f[pos_old:s])
        pos_new += s - pos_old
        pos_old = e
        new.append(pos_new)
        old.append(pos_old)
    parts.append(f[pos_old:])
    return Folded("".join(parts), (new, old))


def fold_key(text: str) -> str:
    """A watchlist string's folded form: single spaces, no leading or trailing space."""
    return fold(text).text.strip(" ")


def _squeeze_case(text: str) -> str:
    """Letters and digits only, accents dropped, case kept (for ``case: exact``)."""
    base = unicodedata.normalize("NFKD", text)
    return "".join(c for c in base if c.isalnum() and not unicodedata.combining(c))


_PIECES = re.compile(r"\d+|[^\d]+")
_MAX_JOINTS = 6


def variants(key: str) -> list[str]:
    """Every spacing of a folded key: each word break (and letter/digit break) as ' ' or ''."""
    pieces: list[str] = []
    for word in key.split(" "):
        pieces.extend(_PIECES.findall(word))
    joints = len(pieces) - 1
    if joints <= 0:
        return [key]
    if joints > _MAX_JOINTS:
        choices: Iterable[tuple[str, ...]] = [(" ",) * joints, ("",) * joints]
    else:
        choices = itertools.product((" ", ""), repeat=joints)
    out = []
    for choice in choices:
        s = pieces[0] + "".join(sep + p for sep, p in zip(choice, pieces[1:], strict=True))
        out.append(s)
    return list(dict.fromkeys(out))


def spellings(body: str) -> list[str]:
    """The folded keys a watchlist string is found by: every spacing of it, an abbreviation's
    dots with and without a space after them ("EE.UU." as "EE. UU." and the other way round,
    "U.S. strike" as "U. S. strike"), and an acronym of three to six capitals also with a dot
    after each letter ("CJNG" as "C.J.N.G.")."""
    keys = variants(fold_key(body))
    keys.extend(k for k in dict.fromkeys(_respaced(k) for k in keys) if k and k not in keys)
    if 3 <= len(body) <= 6 and body.isalpha() and body.isupper():
        keys.append(_PUNCT.join(body.lower()))
        keys.append(" ".join(body.lower()))
    keys.extend(k for k in _numbers_spoken(keys) if k not in keys)
    return keys


def _numbers_spoken(keys: list[str]) -> list[str]:
    """A name's number at its end, after a word, written out in each language ("ms 13": "ms
    thirteen", "ms trece", "ms treze"; "barrio 18": "barrio dieciocho"), as transcripts and
    captions write what was said."""
    out = []
    for key in keys:
        head, _, number = key.rpartition(" ")
        if not (number.isdigit() and head and head[-1:].isalpha()):
            continue
        n = int(number)
        if n > spoken.LIMIT or number != str(n):
            continue
        out.extend(f"{head} {words}" for language in spoken.number_words(n) for words in language)
    return list(dict.fromkeys(out))


# a dot between the letter groups of an abbreviation (one to three letters each: "ee.uu",
# "u.s", "ee. uu"), with or without a space after it
_LETTERS = r"[^\W\d_]"  # a letter, of any alphabet
_ABBREVIATION_DOT = re.compile(
    f"(?<!{_LETTERS})({_LETTERS}{{1,3}}){_PUNCT}( ?)(?={_LETTERS}{{1,3}}(?:{_PUNCT}|$| ))")


def _respaced(key: str) -> str:
    """``key`` with each abbreviation's dot followed by a space if the first has none, else
    with none ("" when it has no such dot)."""
    if _PUNCT not in key:
        return ""
    found = _ABBREVIATION_DOT.findall(key)
    if not found:
        return ""
    spaced = not found[0][1]
    return _ABBREVIATION_DOT.sub(lambda m: m.group(1) + _PUNCT + (" " if spaced else ""), key)


def _dotted_run(f: str, start: int, end: int) -> bool:
    """Whether a dotted or spaced acronym's hit (``c.j.n.g``, ``c j n g``) is part of a longer
    one (``c.j.n.g.b.``, ``a.c.j.n.g``, ``c j n g b``): a single letter or digit and a dot
    (a space) right after or before it. Spaced, a letter that is a word of its own (``a``,
    ``y``, ``e``, ``o``...: "a c d g cartel boss") is no part of it, nor is a hit with a word
    of more than one letter in it ("o cartel")."""
    sep = f[start + 1]
    if sep == " ":
        if any(f[i] != " " for i in range(start + 1, end, 2)):
            return False
        words = _ONE_LETTER_WORDS
    else:
        words = ""
    after = end + 1 < len(f) and f[end] == sep and f[end + 1].isalnum() and (
        end + 2 == len(f) or not f[end + 2].isalnum()) and f[end + 1] not in words
    before = start >= 2 and f[start - 1] == sep and f[start - 2].isalnum() and (
        start == 2 or not f[start - 3].isalnum()) and f[start - 2] not in words
    return after or before


_RUN_MARKS = _PUNCT + " "
_ONE_LETTER_WORDS = "aeiouy"  # folded: the English, Spanish and Portuguese words of one letter


# --- one-edit spellings ---------------------------------------------------------------------------

FUZZY_MIN_LETTERS = 8  # an alias needs this many letters to be matched with one edit
VETO_NEAR = 30  # characters: an unless term this close to a name names what it is
FUZZY_LIGHT_KEYS = 6  # a shared word this long takes a key beside a letter's instead too
FUZZY_MIN_WORD = 5  # ... and the edit falls in a word of this many letters or more
# (a word of three letters only has a letter doubled, beside a word of this many: 'Comando Surr')
FUZZY_TINY_BESIDE = 7
FUZZY_PLURAL_MIN = 8  # ... and a plural's 's' after a name's last word ending in a vowel, this long
FUZZY_BESIDE_LONG = 6  # ... and a letter dropped leaving four, beside a word this long
FUZZY_SPLIT_MIN = 6  # ... and a word this long, of a name of two words or more, split in two
# a name of one word shorter than FUZZY_MIN_LETTERS and of SWAP_MIN_LETTERS or more (not an
# acronym) is matched with only two neighbours swapped, never its first letter ('madruo'): the
# slip of fast typing, which seldom spells another word in a name that long ('Prado' is
# 'Pardo', 'MINSA' 'Minas': five letters are too few)
SWAP_MIN_LETTERS = 6
# The edits a writer makes: a letter dropped, two swapped, a letter doubled, an 'h' or a vowel
# added, a letter replaced by one that sounds alike (or an 'm' read 'rn', as OCR does). Never
# the first letter of a word, nor a letter added at its end but a doubled one or a vowel after
# a final vowel ('Ansarie'; plurals and other words stay apart: 'Islamic States'), nor a
# one-word name's final a and o swapped (its other gender: 'Salvatrucho'). Words that
# several entities' aliases share ('cartel', 'state') only lose a letter, double one, swap
# two or have a consonant spelt as one that sounds alike ('Cárteles Unidoz', 'Estado
# Islânico'; never a vowel: 'Unidas' is another word).
# (an 'l' for an 'i' too: one stroke, as OCR and a quick eye read it: 'Houthls', 'Familla')
_ALIKE = {
    "a": "eiou", "e": "aiou", "i": "aeouyl", "o": "aeiu", "u": "aeiow", "y": "i", "c": "ksqz",
    "k": "cq", "q": "ckg", "s": "cz", "z": "sc", "b": "v", "v": "bw", "g": "jq", "j": "gy",
    "m": "n", "n": "m", "d": "t", "t": "d", "w": "uv", "x": "s", "h": "",
}  # fmt: skip
# in a word of four letters: the pairs spelt by ear both ways ('Boco Haram', 'Gerald R. Fort')
_SHORT_ALIKE = {"s": "z", "z": "s", "b": "v", "v": "b", "k": "c", "c": "k", "d": "t", "t": "d"}
_INSERT = "aeiouh"
# each letter's neighbours on a QWERTY keyboard: a slip of the finger adds one of them beside it
# ('Madruro', 'Madurto'; consonants only, the vowels are in _INSERT already)
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEYS_NEAR = {
    c: "".join(sorted({
        n for dr in (-1, 0, 1) if 0 <= r + dr < 3
        for dc in ((0, 1) if dr < 0 else (-1, 0) if dr > 0 else (-1, 1))
        if 0 <= i + dc < len(_ROWS[r + dr]) and (n := _ROWS[r + dr][i + dc]) not in "aeiouy"
    }))
    for r, row in enumerate(_ROWS) for i, c in enumerate(row)
}
# ... and every letter's, vowels included: a finger that strikes a neighbour's key instead
# ('Madurp', 'Madueo', 'Tren de Aragya')
_KEYS_BESIDE = {
    c: "".join(sorted({
        _ROWS[r + dr][i + dc] for dr in (-1, 0, 1) if 0 <= r + dr < 3
        for dc in ((0, 1) if dr < 0 else (-1, 0) if dr > 0 else (-1, 1))
        if 0 <= i + dc < len(_ROWS[r + dr])
    }))
    for r, row in enumerate(_ROWS) for i, c in enumerate(row)
}
_VOWELS = "aeiou"
_ALIAS_WORDS = re.compile(r"[\s\-'_`\u2019]+")


def _misspelt(alias: str, case: str, alias_flag: bool | None,
              entity_flag: bool | None) -> Literal["edits", "swaps"] | None:
    """How an alias is also matched misspelt: ``"edits"``, with one edit, where the alias says
    so, or its entity (or file) does and the alias is long (``FUZZY_MIN_LETTERS``), of
    letters, not case-exact; ``"swaps"``, with two of its letters swapped, where its entity
    says so and the alias says nothing, is a short name of one word and not an acronym
    (``SWAP_MIN_LETTERS``); else ``None``."""
    if alias_flag is not None:
        return "edits" if alias_flag else None
    if not entity_flag or case == "exact":
        return None
    if (sum(c.isalpha() for c in alias) >= FUZZY_MIN_LETTERS
            and not any(c.isdigit() for c in alias) and not alias.endswith("*")):
        return "edits"
    if (alias.isalpha() and alias[0].isupper() and not alias.isupper()
            and SWAP_MIN_LETTERS <= len(alias) < FUZZY_MIN_LETTERS):
        return "swaps"
    return None


def _other_gender(word: str) -> str | None:
    """``word`` with its final a and o swapped, or None: in Spanish and Portuguese the other
    gender, another word when the name is that one word alone ("Salvatrucho", any
    Salvadoran, is not "Salvatrucha"); inside a longer name ("Mara Salvatrucho") a slip."""
    last = {"a": "o", "o": "a"}.get(word[-1:])
    return word[:-1] + last if last else None


def _swaps(w: str) -> set[str]:
    """``w`` with two neighbouring letters swapped, the first letter kept."""
    return {w[:i] + w[i + 1] + w[i] + w[i + 2 :] for i in range(1, len(w) - 1)} - {w}


def _as_fuzzy(text: str, pat: _Pat) -> _Pat:
    """The alias's pattern as its one-edit spellings check a hit: the whole alias, exactly."""
    body = _squeeze_case(text)
    return pat._replace(prefix=False, exact=body, label=text,
                        caps=tuple(i for i, c in enumerate(body) if c.isupper()), fuzzy=True)


def _word_edits(w: str, light: bool = False, short: bool = False,
                swap: bool = False, tiny: bool = False, last: bool = False) -> set[str]:
    """One-edit spellings of a word; ``light``: only a letter dropped, doubled or two swapped,
    or a consonant spelt as one that sounds alike (``Unidoz``, ``Islânico``; no vowel);
    ``short`` (a word of four letters): only a consonant after the first letter doubled
    (``Lobbo``, ``Leall``) or spelt as the one it is most confused with (``Roza``, ``Lovo``),
    and with ``swap`` (in a name of three words or more) two neighbours after the first letter
    swapped (``Gerald R. Frod``; in two words ``Marco Lela`` is somebody else), a vowel after
    it doubled (``Gerald R. Foord``) or a silent e
    after a last consonant (``Gerald R. Forde``), and if it is the name's ``last`` word a
    vowel for another (``Gerald R. Ferd``) or a consonant whose key is beside a letter's
    added beside it (``Gerald R. Frord``, ``Gerald R. Fortd``). A ``short``
    word, or a longer one that is not ``light``: a k after a vowel written ck (``Bocko``); the
    longer ones also ch written x, cc, ck or k (``Salvatruxa``, ``Salvatrucca``), an h after
    a final vowel (``Qaedah``), a consonant added whose key is beside a neighbouring letter's
    (``Madruro``, ``Norestre``) or struck instead of a consonant beside it (``Golgo``,
    ``Arahua``), and, light or not, a first letter spelt by ear (``Cinaloa``) or a silent h
    before a first vowel (``Hunidos``).
    ``tiny`` (a word of three letters beside a long one): only a letter after the first doubled
    (``Comando Surr``, ``Comando Suur``)."""
    n = len(w)
    if tiny:
        return {w[:i] + w[i - 1] + w[i:] for i in range(2, n + 1)}
    # a k after a vowel written ck, as English spells it ('Bocko Haram')
    ck = {w[:i] + "c" + w[i:] for i in range(2, n) if w[i] == "k" and w[i - 1] in _VOWELS}
    if short:
        # a consonant after the first letter doubled ('Thiago Lobbo'), and with ``swap`` a
        # vowel too ('USS Gerald R. Foord')
        out = {w[:i] + w[i - 1] + w[i:] for i in range(2, n + 1)
               if swap or w[i - 1] not in _VOWELS}
        out.update(w[:i] + _SHORT_ALIKE[w[i]] + w[i + 1 :] for i in range(1, n)
                   if w[i] in _SHORT_ALIKE)
        if swap:  # two neighbours swapped after the first letter ('USS Gerald R. Frod')
            out.update(w[:i] + w[i + 1] + w[i] + w[i + 2 :] for i in range(1, n - 1))
            if w[-1] not in _VOWELS:  # ... or a silent e after it ('USS Gerald R. Forde')
                out.add(w + "e")
            if last:  # ... and as the name's last word, a vowel heard as another ('Gerald
                # R. Ferd', 'Cartel of the Sons') or a consonant added whose key is beside
                # a neighbour's ('Gerald R. Frord', 'Gerald R. Fortd')
                out.update(w[:i] + c + w[i + 1 :] for i in range(1, n) if w[i] in _VOWELS
                           for c in _VOWELS if c != w[i])
                out.update(_keys_added(w, at_end=True))
        out.discard(w)
        return out | ck
    out = set() if light else ck
    for i in range(1, n):
        out.add(w[:i] + w[i + 1 :])  # drop
        if i < n - 1:
            out.add(w[:i] + w[i + 1] + w[i] + w[i + 2 :])  # swap
        out.add(w[:i] + w[i - 1] + w[i:])  # double the letter before ('Carrtel')
        for c in _ALIKE.get(w[i], ""):  # (light: a consonant for a consonant only)
            if not light or (w[i] not in _VOWELS and c not in _VOWELS):
                out.add(w[:i] + c + w[i + 1 :])
        if light:
            if n >= FUZZY_LIGHT_KEYS:  # a key beside the letter's, in a long shared word
                # too ("Carteles Unisos", "Unjdos", "Unudos")
                out.update(w[:i] + c + w[i + 1 :] for c in _KEYS_BESIDE.get(w[i], ""))
            continue
        for c in _INSERT:
            out.add(w[:i] + c + w[i:])
        # a key beside the letter's struck instead ('Salvatrucja', 'Madurp', 'Madueo')
        out.update(w[:i] + c + w[i + 1 :] for c in _KEYS_BESIDE.get(w[i], ""))
        if w[i] == "m":  # OCR's 'rn' for an 'm' ("Southern Cornmand")
            out.add(w[:i] + "rn" + w[i + 1 :])
        elif w[i : i + 2] == "ch":  # the sound as Portuguese spells it ("Mara Salvatruxa"),
            out.add(w[:i] + "x" + w[i + 2 :])  # ... and as English does after a vowel
            # ... and as the hard sound an eye or ear takes it for: "cc", "ck", "k" ("Mara
            # Salvatrucca", "Salvatrucka", "Salvatruka")
            out.update(w[:i] + d + w[i + 2 :] for d in ("cc", "ck", "k"))
            if w[i - 1] in _VOWELS:  # ("Mara Salvatrutcha")
                out.add(w[:i] + "tch" + w[i + 2 :])
    if not light:
        # a key beside either letter ('Madruro'), or beside the last after it ('Madurol';
        # not a plural's s: "Salvatruchas" are Salvadorans)
        out.update(e for e in _keys_added(w, at_end=True) if e != w + "s")
    out.add(w + w[-1])  # the last letter doubled ('Haramm', 'Sinaloa Cartell')
    # the first letter spelt by ear: s and z before a vowel, and c too before e or i, which
    # Latin American Spanish says alike ('Cartel de Cinaloa', 'Cártel de los Zoles'), b and v
    # one for the other, c and k before a, o or u (a word of five letters or more: the first
    # letter of a shorter one stays as written)
    if w[0] in "scz" and w[1:2] in ("e", "i"):
        out.update(c + w[1:] for c in "scz" if c != w[0])
    elif w[0] in "sz" and n > 1 and w[1] in _VOWELS:
        out.add("sz"[w[0] == "s"] + w[1:])
    elif w[0] in "bv":
        out.add("bv"[w[0] == "b"] + w[1:])
    elif w[0] in "ck" and w[1:2] in ("a", "o", "u"):
        out.add("ck"[w[0] == "c"] + w[1:])
    if w[0] in _VOWELS:  # a silent h written before a first vowel, as Spanish spells by ear
        out.add("h" + w)  # ('Cárteles Hunidos'; only in a name of two words or more: below)
    if not light:
        if w[0] == "h":  # a silent first h left out, as Spanish and Portuguese spell by ear
            out.add(w[1:])  # ('Boko Aram')
        if w[-1] in _VOWELS:  # a vowel after the last vowel ('Ansarie'), or an h as
            out.update(w + c for c in _VOWELS + "h")  # transliterations end ('al-Qaedah'), not
            # a plural's 's' (but see _add_fuzzy)
        elif w[-1] in "cpst":  # ... and an h after a last c, p, s or t, spelt as a digraph
            out.add(w + "h")  # ('Donald Trumph', as in 'triumph')
    out.discard(w)
    return out


# --- compiled watchlist --------------------------------------------------------------------------

_ALIAS, _TERM, _CONTEXT, _EXCLUDE, _FUZZY, _COORD = 0, 1, 2, 3, 4, 5
# a topic term's hit by another form of it (``_Pat.form``)
_VERB_FORM, _ACT_WORD, _ROMANCE_FORM = 1, 2, 3


def _keys_added(w: str, at_end: bool = False) -> set[str]:
    """``w`` with a consonant added between two of its letters whose key is beside either's
    ('Madruro', 'Gerald R. Fortd'), and with ``at_end`` after its last letter too."""
    n = len(w)
    return {w[:i] + c + w[i:] for i in range(1, n + 1 if at_end else n)
            for c in _KEYS_NEAR.get(w[i - 1], "") + (_KEYS_NEAR.get(w[i], "") if i < n else "")}


class _Pat(NamedTuple):
    kind: int
    index: int  # alias rule, topic term, context term or entity index
    prefix: bool  # trailing '*': no word end needed
    case: str
    exact: str  # _squeeze_case(alias) for case: exact
    label: str  # the alias or term as the watchlist spells it
    caps: tuple[int, ...] = ()  # where the alias has capitals (for case: capitalized)
    fuzzy: bool = False  # a one-edit spelling of the alias, not the alias itself
    # _FUZZY: a one-edit spelling of word ``word`` of the alias ``target`` (folded ``words``)
    # _COORD: ``target`` is a _Coord
    target: _Pat | _Coord | None = None
    words: tuple[str, ...] = ()
    word: int = 0
    # a term with a '*' before its last word ('mandado* de busca'): the key is up to that word,
    # a prefix, and these folded words ('de', 'busca'; 'cateo*' a prefix too) must follow it
    tail: tuple[str, ...] = ()
    # _VERB_FORM: another form of a topic term's English verb (``inflections``), in its story
    # only; _ACT_WORD: another word of its act (``_FAMILIES``); _ROMANCE_FORM: another form of
    # a Spanish or Portuguese participle's verb, outside its story only beside another term of
    # the topic
    form: int = 0


class _Coord(NamedTuple):
    """A head noun's plural (the key) and the aliases that share the noun: each with its
    entity, its folded name ("sinaloa", "de sinaloa") and, after the plural, the name without
    a bare de/do/da ("sinaloa"), which the second of two names may drop. ``before``: the names
    come before the plural ("Sinaloa and Jalisco cartels"), else after it ("cárteles de
    Sinaloa y del Golfo")."""

    names: tuple[tuple[int, str, str, _Pat], ...]
    before: bool
    # the key is the head noun itself, and the second name follows its article alone: "el
    # Cártel del Golfo y el del Noreste", "o Cartel de Sinaloa e o do Golfo"
    elided: bool = False


def _labelled(text: str, pat: _Pat) -> _Pat:
    """``pat`` for the watchlist string ``text``: its label, its letters for ``case: exact``,
    where its capitals are, and whether it is a prefix (a trailing '*')."""
    exact = _squeeze_case(text.rstrip("*"))
    return pat._replace(prefix=text.endswith("*"), exact=exact, label=text,
                        caps=tuple(i for i, c in enumerate(exact) if c.isupper()))


def _cognates(term: str) -> tuple[str, ...]:
    """The Spanish and Portuguese stems of an English prefix term in -at* or -pt*, whose
    nouns spell the t as c or ç: 'corrupt*' also reaches corrupción, corrupção, corrupções
    ('corrupci', 'corrupca', 'corrupco'); 'designat*' designación, designação."""
    if not term.endswith(("at*", "pt*")) or " " in term or len(term) < 7 or not term.isascii():
        return ()
    stem = fold_key(term[:-2])
    return tuple(stem + end for end in ("ci", "ca", "co"))


def _pt_plural(term: str) -> str:
    """The Portuguese plural of a one-word term in -al, -el, -ol or -ul, which no prefix term
    reaches ('hospital*': hospitais, 'papel': papéis, 'federal': federais), or ''."""
    body = term.rstrip("*")
    if not body.isalpha() or len(body) < 5 or body[-2:].lower() not in ("al", "el", "ol", "ul"):
        return ""
    return fold_key(body[:-1] + "is")


# A participle or a past tense the analyst wrote stands for its verb's other common forms in a
# headline ("detenid*": Detienen is irregular, but "imputad*": imputa, imputan, imputam,
# imputou; "charged": charge, charges, charging). Those count for a topic only in an item that
# names an entity of the topic's own watchlist file (its story): elsewhere "charge" is a price
# and "bloquea" a road. Not the Spanish preterite, whose "-ó" folds to another word ("cerró":
# cerro, a hill), nor a form that is one of these common words:
_ROMANCE_FORMS = {"ad": ("a", "an", "am", "ar", "ou", "aron", "aram", "ando"),
                  "id": ("e", "en", "em", "er", "ir", "eu", "iu", "ieron", "eram", "iram",
                         "iendo", "endo", "indo")}
_PARTICIPLE = re.compile(r"^([a-z]{4,})(ad|id)$")
# the verbs built on "tener" and Portuguese "ter" (detener, retener, deter, reter, manter) are
# irregular, and "Detienen a ..." is how Spanish headlines report an arrest
_TENER = ("tiene", "tienen", "tuvo", "tuvieron")
_TER = re.compile(r"^(de|re|man|con|ob)tid$")
_TER_FORMS = ("tem", "teve", "tiveram", "ter", "tendo")  # detém and detêm fold alike
_NOT_FORMS = frozenset(
    "para pare paran paren parar cara casa come comen como cena mesa pena seria sera sean "
    "fine fines line lines wine mine mines bore cure care cares ride rides side sides tide "
    "tides wide rate rates state states".split())
# ... nor a verb whose other forms mean another act: "denunciado" is charged, but "denuncia"
# and "denunciou" in a headline are someone speaking out
_OTHER_SENSE = ("denunci",)
# A Spanish or Portuguese participle's other forms count outside the story too, beside another
# term of the topic ("Condenan a 20 años a ... por extorsión", another case of the topic's
# kind; ``Matcher._beside_others``); those of a verb whose commoner sense is another act only
# in the story: "condena" condemns, "alcanza" reaches, "bloquea" a road, "provoca" causes (an
# "incendio provocado" is arson), "arrasa" is a hit, "elimina" knocks out of a cup
_STORY_SENSE = ("conden", "alcanz", "bloque", "provoc", "arras", "elimin")


def inflections(term: str) -> tuple[str, ...]:
    """Other forms of the verb of a one-word topic term written as a participle or a past
    tense: a Spanish or Portuguese participle's stem with a '*' ('imputad*', 'indiciad*': not
    'partido*' or 'mandado*', nouns, nor a participle written whole, 'resultado'), or an English
    past in -ed ('charged', 'banned', 'denied'), in small letters (a capitalised word is a name:
    'Colorado')."""
    body = term.rstrip("*")
    if not body.isalpha() or not body.islower() or " " in body:
        return ()
    word = fold_key(body)
    forms: list[str] = []
    m = _PARTICIPLE.match(word)
    if m and term.endswith("*") and not word.startswith(_OTHER_SENSE):
        stem, kind = m.groups()
        forms += [stem + end for end in _ROMANCE_FORMS[kind]]
        if kind == "id" and stem.endswith("ten"):  # detenid*: Detienen, detuvo (tener's forms)
            forms += [stem[:-3] + end for end in _TENER]
    if term.endswith("*") and _TER.match(word):  # Portuguese detid*: detém, deteve, detiveram
        forms += [word[:-3] + end for end in _TER_FORMS]
    if term == body and word.endswith("ed") and len(word) >= 6:
        if word.endswith("ied"):
            forms += [word[:-3] + "y", word[:-3] + "ies", word[:-3] + "ying"]
        else:
            base = word[:-2]  # arrest, charg, bann
            forms += [base, base + "s", base + "ing", word[:-1], word[:-1] + "s"]
            if len(base) >= 3 and base[-1] == base[-2] and base[-1] not in "aeiousl":
                forms += [base[:-1], base[:-1] + "s"]  # banned: ban, bans
    return tuple(dict.fromkeys(f for f in forms if f != word and f not in _NOT_FORMS))


# Words of one act in the three languages, for the commonest acts of enforcement news: a topic
# term that is one of them (or a prefix term that reaches one) also reads the others, in any
# item (but a topic found only so outside its story stands for no name short of context), as
# another word of its act ("arrest*" reads "Detienen", "prende", "nabbed";
# "imputad*" reads "charged", "indiciado"). Not the words with a commoner other sense
# ("condena" condemns, "presa" is a dam or a fang, "apreensão" is worry, "fine" and "held" are
# anything). A capture reads as an arrest but is not read from one: "captur*" in a topic of
# escapes means the recapture of the escaped, not any arrest. A phrase's words are joined by
# "_" ("tribunal_condena": a court's "condena", not anyone's).
_FAMILIES = tuple(frozenset(fold_key(w.replace("_", " ")) for w in words.split()) for words in (
    # arrest
    "arrest arrests arrested arresting detain detains detained detaining apprehend apprehends "
    "apprehended nab nabs nabbed detiene detienen detuvo detuvieron detenido detenida "
    "detenidos detenidas detención detenciones arresta arrestan arrestó arrestaron arrestado "
    "arrestada arrestados arrestadas capturan capturó capturaron capturado capturada "
    "capturados capturadas aprehende aprehenden aprehendió aprehendieron aprehendido "
    "aprehendida aprehendidos aprehendidas prende prendem prendeu prenderam preso presos "
    "detém detêm deteve detiveram detido detida detidos detidas capturam capturou "
    "capturaram",
    # charge
    "charged indicted indictment indictments imputa imputan imputó imputaron imputado "
    "imputada imputados imputadas indicia indiciou indiciado indiciada indiciados indiciadas "
    "indiciamento",
    # convict and sentence; and a court's "condena" and "sentencia", a conviction where a
    # court does it ("Tribunal condena nove", "Justiça condena quadrilha"), elsewhere also
    # condemning and a ruling
    "convicted sentenced jailed condenado condenada condenados condenadas sentenciado "
    "sentenciada sentenciados sentenciadas court_sentences court_convicts judge_sentences "
    "jury_convicts tribunal_condena tribunal_condenó tribunal_condenou tribunal_sentencia "
    "justicia_condena justiça_condena juez_condena jueza_condena juiz_condena juíza_condena "
    "corte_condena tribunal_sentenció",
    # seize
    "seize seizes seized seizure seizures confiscate confiscates confiscated impound "
    "impounded incauta incautan incautó incautaron incautado incautada incautados incautadas "
    "incautación incautaciones decomisa decomisan decomisó decomisaron decomisado decomisada "
    "decomisados decomisadas decomiso decomisos apreende apreendem apreendeu apreenderam "
    "apreendido apreendida apreendidos apreendidas confisca confiscou confiscado confiscada "
    "confiscados confiscadas",
    # raid
    "raid raids raided allana allanan allanó allanaron allanamiento allanamientos",
    # fine
    "fined multa multas multó multado multada multados multadas multou",
    # trial (not a bare "trial", which is also a free, a clinical or a time trial, nor
    # "juicio", also an opinion: "a juicio de")
    "stand_trial stands_trial face_trial faces_trial on_trial juicio_oral julgamento "
    "julgamentos vai_a_julgamento irá_a_julgamento",
    # acquit
    "acquitted acquittal acquits acquit absuelto absuelta absueltos absueltas absuelve "
    "absuelven absolvió absolvieron absolvido absolvida absolvidos absolvidas absolvem "
    "absolveu absolveram absolvição",
    # house arrest
    "house_arrest arresto_domiciliario prisión_domiciliaria detención_domiciliaria "
    "prisão_domiciliar",
    # bail
    "bail fianza fiança",
))


# ... and the terms that read none (see above: "captur*" is a recapture)
_NOT_FAMILY = ("captur",)


def family_forms(term: str) -> tuple[str, ...]:
    """The other words of the act a topic term names (``_FAMILIES``), in small letters: the
    term one of them (a word, or a phrase the family holds: "prisión domiciliaria"), or a
    one-word prefix term that reaches one."""
    body = term.rstrip("*")
    if not body.replace(" ", "").isalpha() or not body.islower() or (
            " " in body and body != term):
        return ()
    word = fold_key(body)
    if word.startswith(_NOT_FAMILY):
        return ()
    prefix = term.endswith("*")
    out: list[str] = []
    for family in _FAMILIES:
        if word in family or (prefix and any(w.startswith(word) for w in family)):
            out += sorted(w for w in family
                          if not (w == word or (prefix and w.startswith(word))))
    return tuple(dict.fromkeys(out))


# the articles of the three languages: left out of a term as a headline writes it
# (``_without_articles``), and where an apposition's words stop (``_trade_unfit``)
_ARTICLES = frozenset("the a an el la los las un una unos unas o os as um uma uns umas".split())


def _without_articles(term: str) -> str:
    """A topic term of several words as a headline writes it without its articles ('proíbe
    a venda': 'proíbe venda'), or '' when it has none inside it."""
    words = term.split()
    kept = [w for k, w in enumerate(words)
            if k in (0, len(words) - 1) or w.lower() not in _ARTICLES]
    return " ".join(kept) if len(kept) < len(words) else ""


def _starred(text: str) -> tuple[str, tuple[str, ...]]:
    """A term's key and tail: up to its first word with a '*' if more words follow
    ('mandado*', then the folded words 'de', 'busca'), else the term and no tail."""
    words = text.split()
    for i, w in enumerate(words[:-1]):
        if w.endswith("*"):
            tail: list[str] = []
            for rest in words[i + 1 :]:
                parts = fold_key(rest.rstrip("*")).split(" ")
                tail.extend(parts[:-1])
                tail.append(parts[-1] + "*" * rest.endswith("*"))
            return " ".join(words[: i + 1]), tuple(tail)
    return text, ()


def _tail_end(f: str, pos: int, tail: tuple[str, ...]) -> int:
    """Where a starred term's ``tail`` words end in the folded text ``f`` when they follow
    its key's word, which ends at ``pos`` (one space or punctuation mark before each, as a
    key's words); -1 if they do not."""
    n = len(f)
    for w in tail:
        if pos >= n or (f[pos] != " " and f[pos] != _PUNCT):
            return -1
        stem = w.rstrip("*")
        if not f.startswith(stem, pos + 1):
            return -1
        pos += 1 + len(stem)
        if len(stem) < len(w):
            while pos < n and f[pos].isalnum():
                pos += 1
        elif pos < n and f[pos].isalnum():
            return -1
    return pos


_FIELD_BREAK = "\x1f"


def _folded_latin1(text: str) -> tuple[str, str] | None:
    """``text`` folded, and the text it is the folding of place for place (``text`` with the
    common typographic marks, ``_COMMON``, as ``fold`` reads them: one character each), if
    that is Latin-1 and folding squeezes nothing in it (no run of spaces, no soft hyphen):
    then each character's fold is in its place, as ``fold`` gives it for any part of the text
    alone."""
    try:
        f = text.encode("latin-1").translate(_LATIN1).decode("latin-1")
    except UnicodeEncodeError:
        for a, b in _COMMON:  # curly quotes, dashes, thin spaces: most text of real feeds
            if a in text:
                text = text.replace(a, b)
        try:
            f = text.encode("latin-1").translate(_LATIN1).decode("latin-1")
        except UnicodeEncodeError:
            return None
    return None if "  " in f or "\xad" in f else (f, text)


def _may_count(f: str, found: list[tuple[int, Any]]) -> bool:
    """Whether one of ``found`` (the hits of the main automaton in ``f``, an item's fields
    folded and joined by ``_FIELD_BREAK``) passes the first test of ``Matcher._scan`` for an
    item whose tags' camel-case breaks are read apart (``_with_tag_words``): a whole word, a
    prefix term, a plural or possessive s, a stretched word. Every hit ``_scan`` finds in a
    field is among them, at its place (the break folds to punctuation, so no word nor line-end
    hyphen runs on across it): none, no match."""
    n = len(f)
    for end, (_klen, pats, partial) in found:
        if (partial or end == n or type(pats) is _Spelt or not f[end].isalnum()
                or _goes_on_as_itself(f, end)):
            return True
    return False


def _goes_on_as_itself(f: str, end: int) -> bool:
    """Whether the word a hit ends inside goes on only in ways a rule reads as the hit's own
    word: its last letter again (a stretched word) or a plural or possessive s that ends it."""
    c = f[end]
    return c == f[end - 1] or (c == "s" and _s_ends_word(f, end))  # (no call for most letters)


def _marked(f: str) -> str:
    """Folded text as the automata read it: behind a space, each punctuation mark a space (a
    word starts after either; the automata hold each key behind a space only)."""
    return " " + f.replace(_PUNCT, " ")


class _Spelt:
    """The keys that read alike once punctuation marks are spaces (``u.s``, ``u s``), each with
    its patterns: a hit is the key that the folded text spells at the hit's place, if any."""

    __slots__ = ("entries",)

    def __init__(self, entries: list[tuple[str, tuple[_Pat, ...], bool]]) -> None:
        self.entries = tuple(entries)

    def at(self, f: str, start: int, end: int) -> tuple[tuple[_Pat, ...], bool]:
        """The patterns and prefix flag of the key ``f[start:end]`` spells (none: no key)."""
        text = f[start:end]
        for key, pats, partial in self.entries:
            if key == text:
                return pats, partial
        return (), False


class _AliasRule(NamedTuple):
    entity: int
    label: str
    requires: tuple[frozenset[int], ...]  # context term ids; one of each set must be present
    not_after: frozenset[str]
    allow_after: frozenset[str] | None  # None: any capitalised word may come before the alias
    unless: frozenset[int]  # context term ids, none of which may be present
    not_before: frozenset[str]  # words that, right after the alias, mean something else
    # another of the list's entities named in the item stands for its missing context
    named_context: bool = False
    # a strict surname's (allow_after) entity's own alias words: a capitalised word after it
    # that is none of them, its allowed words or a capitalised date, names somebody else
    own_words: frozenset[str] = frozenset()
    # an acronym (case: exact): only an entity of its priority or higher stands for its context
    acronym: bool = False
    # the not_before words written in capitals ('SE', 'SA'): not read in small letters, where
    # they are other words ('PUMA se desplomó' is no 'Puma SE')
    caps_before: frozenset[str] = frozenset()
    # (listed: true) counts only as a name of a list beside another entity of its kind
    listed: bool = False
    # the not_before entries of several words, each as its folded words ("ocampo", "moreno")
    before_phrases: tuple[tuple[str, ...], ...] = ()


class _H(NamedTuple):
    field: str
    fstart: int
    fend: int
    start: int
    end: int
    label: str
    tag: bool = False  # inside a #hashtag or @handle, after a camel-case break
    fuzzy: bool = False  # found as a one-edit spelling
    form: int = 0  # found as another form of a topic term's verb or word of its act


# while a watchlist compiles, one object per distinct term set of its rules (``_one_set``):
# triggers, needs and term lists come back equal in many rules (2,172 sets of the seed
# watchlist's rules, 528 distinct: ~4 MB less kept for the daemon's life and read from its
# cache). Emptied when a compile ends; two compiles at once (a reload beside a deferred
# compile) only share less: ``setdefault`` gives an equal set either way
_SETS: dict[frozenset[int], frozenset[int]] = {}


def _one_set(s: frozenset[int]) -> frozenset[int]:
    return _SETS.setdefault(s, s)


class _NearRule(NamedTuple):
    groups: tuple[frozenset[int], ...]
    within: int
    in_order: bool
    across_fields: bool


@dataclass(frozen=True)
class _Rule:
    """A compiled condition; term children are kept apart as ids for set operations."""

    all_terms: tuple[int, ...] = ()
    all_rules: tuple[_Rule, ...] = ()
    any_terms: frozenset[int] = frozenset()
    any_rules: tuple[_Rule, ...] = ()
    none_terms: frozenset[int] = frozenset()
    none_rules: tuple[_Rule, ...] = ()
    near: _NearRule | None = None
    # needs(), computed once: a sub-rule whose needs miss the found terms is skipped without
    # being evaluated (most items that name a group name no designation word at all)
    quick: tuple[frozenset[int], ...] = field(init=False, repr=False, compare=False)
    # for a long any_of (``_ANY_INDEX`` sub-rules or more): term id → the sub-rules (their
    # indexes, in order) whose first need holds it, and those without needs; None otherwise
    any_index: tuple[dict[int, tuple[int, ...]], tuple[int, ...]] | None = field(
        init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("any_terms", "none_terms"):
            object.__setattr__(self, name, _one_set(getattr(self, name)))
        object.__setattr__(self, "quick", tuple(map(_one_set, self.needs())))
        index: tuple[dict[int, tuple[int, ...]], tuple[int, ...]] | None = None
        if len(self.any_rules) >= _ANY_INDEX:
            by_term: dict[int, list[int]] = {}
            free = []
            for i, sub in enumerate(self.any_rules):
                if not sub.quick:
                    free.append(i)
                for t in sub.quick[0] if sub.quick else ():
                    by_term.setdefault(t, []).append(i)
            index = ({t: tuple(ids) for t, ids in by_term.items()}, tuple(free))
        object.__setattr__(self, "any_index", index)

    def candidates(self, found: Collection[int]) -> Sequence[_Rule]:
        """The sub-rules of the any_of that may hold with the terms ``found`` (a set, or a
        mapping's keys), in order: those whose first need meets them, without looking at the
        others one by one where the any_of is long (``any_index``)."""
        if self.any_index is None:
            return self.any_rules
        by_term, free = self.any_index
        picked = set(free)
        for t in found:
            ids = by_term.get(t)
            if ids is not None:
                picked.update(ids)
        return [self.any_rules[i] for i in sorted(picked)]

    def needs(self) -> tuple[frozenset[int], ...]:
        """Term sets each of which must meet the found terms for the rule to hold (a fast test)."""
        out: list[frozenset[int]] = [frozenset((t,)) for t in self.all_terms]
        for sub in self.all_rules:
            out.extend(sub.quick)  # a sub-rule is made (and its needs kept) before its parent
        if self.any_terms or self.any_rules:
            trigger = self.trigger()
            if trigger is not None:
                out.append(trigger)
        if self.near is not None:
            out.extend(self.near.groups)
        return tuple(out)

    def trigger(self) -> frozenset[int] | None:
        """Terms one of which must be found for the rule to hold, or None if no such set."""
        if self.any_terms or self.any_rules:
            union = set(self.any_terms)
            for sub in self.any_rules:
                t = sub.trigger()
                if t is None:
                    return None
                union |= t
            return frozenset(union)
        # (reached for sub-rules only: a rule's own needs() asks this only with an any_of)
        return min(self.quick, key=len) if self.quick else None


class _Aux(NamedTuple):
    """What the auxiliary automaton found in an item (scanned at most once, on demand)."""

    context: dict[int, list[_H]]  # context term ids present → their hits (a veto may be denied)
    excluded: dict[int, list[tuple[str, int, int, str]]]  # entity → exclusion spans
    negative: dict[int, list[_H]]  # hits of topic terms that only none_of conditions use


class _Item:
    """Per-item scratch state: folded fields and, lazily, context terms and exclusions."""

    __slots__ = ("acts", "aux", "entities", "fields", "folded", "headline", "marked",
                 "openings", "short", "starts", "uncased", "vetoed")

    def __init__(self, fields: Mapping[str, str], marked: str, starts: dict[str, int]) -> None:
        self.fields = fields
        self.folded: dict[str, Folded] = {}
        # the fields folded, joined by ``_FIELD_BREAK`` and marked (``_marked``) as the main
        # automaton read them, and where each field with text starts in the folded text: the
        # auxiliary automaton reads them so
        self.marked = marked
        self.starts = starts
        self.aux: _Aux | None = None
        self.headline: dict[str, bool] = {}
        # matched entity → its hits, kept only for topic conditions on entities
        self.entities: dict[int, list[_H]] | None = None
        # names short only of context that no other entity of their file stood for: (rule, hit,
        # why); a topic of their file that the item reports stands for them (``_run``)
        self.short: list[tuple[_AliasRule, _H, str]] = []
        # names an ``unless`` term vetoed: a topic of their file that matched on that very name
        # as one of its own terms stands for them (the topic read it as its actor)
        self.vetoed: list[tuple[_AliasRule, _H, str]] = []
        # field → whether its capitals say nothing (``_uncased``), read once in ``_run``
        self.uncased: dict[str, bool] = {}
        # field → where its opening in small letters ends (``_small_opening``), read once when
        # a hit there needs it
        self.openings: dict[str, int] = {}
        # topics found by a word of a term's act (``_FAMILIES``) with no entity of their file:
        # the act alone, which stands for no name short of context (``_reported_story``)
        self.acts: set[str] = set()

    def opening(self, name: str) -> int:
        """``_small_opening`` of field ``name``, computed once."""
        end = self.openings.get(name)
        if end is None:
            end = self.openings[name] = _small_opening(self.fields[name])
        return end


class _Later:
    """A call made once, in a thread (``begin``) or in the caller of ``wait``; ``wait`` returns
    when it is done, raising what it raised."""

    def __init__(self, fn: Callable[[], None]) -> None:
        self._fn = fn
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._done = False
        self._error: BaseException | None = None

    def _call(self) -> None:
        try:
            self._fn()
        except BaseException as exc:  # raised to whoever waits for it
            self._error = exc

    def begin(self) -> None:
        with self._lock:
            if self._thread is None and not self._done:
                self._thread = threading.Thread(target=self._call, name="compile-watchlist",
                                                daemon=True)
                self._thread.start()

    def wait(self) -> None:
        with self._lock:
            if self._thread is None and not self._done:
                self._call()
                self._done = True
            thread = self._thread
        if thread is not None:
            thread.join()
        if self._error is not None:
            raise self._error


class Matcher:
    """A watchlist compiled for fast matching. Build with ``Matcher.compile(watchlist)``."""

    def __init__(self, watchlist: Watchlist, *, later: bool = False) -> None:
        self.watchlist = watchlist
        self.version = watchlist.version
        self._entities: tuple[Entity, ...] = watchlist.entities
        self._own_words: dict[int, frozenset[str]] = {}
        self._folded_name_cache: dict[int, frozenset[str]] = {}
        self._own_topic_words: dict[str, frozenset[str]] = {}
        self._topic_terms: dict[str, frozenset[int]] = {}  # topic id → its rule's term ids
        self._alias_word_set: frozenset[str] | None = None  # every alias's words, folded
        self._rules: list[_AliasRule] = []
        self._term_ids: dict[tuple[str, str, bool], int] = {}  # (key, case, prefix) → term id
        self._term_text: list[str] = []
        self._term_case: list[str] = []
        self._term_pos: set[int] = set()  # terms some rule needs found (not only a none_of)
        self._ctx_ids: dict[tuple[str, bool], int] = {}
        self._ctx_text: list[str] = []
        self._needs_aux: list[bool] = []  # per entity: requires or exclude
        # per entity: the watchlist file it comes from (its story: another entity of the same
        # file named in an item stands for a name's missing context)
        self._list_of: list[int] = []
        self._main_keys: dict[str, list[_Pat]] = {}
        self._aux_keys: dict[str, list[_Pat]] = {}
        self._topics: list[tuple[str, str, frozenset[str] | None, _Rule]] = []
        self._topic_file: dict[str, int] = {}  # topic id → its watchlist file (its story)
        self._entity_file: dict[str, int] = {}  # entity id → its watchlist file
        self._inflected = False  # some topic term has other verb forms (``inflections``)
        # topic conditions on entities: each a term id no automaton holds, whose hits are the
        # matched entity's (an entity id, or "*" and a file: any entity of that file)
        self._entity_terms: dict[tuple[str, int], int] = {}
        self._entity_ids: frozenset[int] = frozenset()  # the entity conditions' term ids
        # topic conditions on positions: each area's term id, in no automaton (``_positions``)
        self._area_terms: dict[Area, int] = {}
        self._area_alone = False  # some topic may match by positions alone, no term found
        self._area_ids: frozenset[int] = frozenset()  # the term ids of areas
        self._area_rules: list[_Rule] = []  # the topics' rules that read an area
        self._fold_memo: dict[str, str] | None = None  # while compiling (``_fold_key``)
        # ``_hopeless``'s reading of the topics for each set of term ids an item holds (most
        # long texts hold the same few common words: "is", "list"), up to ``_VERDICTS`` sets
        self._verdicts: dict[frozenset[int], int] = {}
        self._later: _Later | None = _Later(self._compile) if later else None
        # whether the compiled state was read back from a cache, not compiled here
        self.cached = False
        if not later:
            self._compile()

    @classmethod
    def compile(cls, watchlist: Watchlist) -> Matcher:
        """Compile every alias, context term, exclusion and topic term of ``watchlist``."""
        return cls(watchlist)

    @classmethod
    def compile_later(cls, watchlist: Watchlist) -> Matcher:
        """``compile``, done when first needed: in a thread from ``prepare``, or by the first
        ``match`` or ``explain``, which wait for it. ``version`` is there at once. A process
        that never matches (a `poll-once` where every feed answers 304) never compiles."""
        return cls(watchlist, later=True)

    @classmethod
    def load_later(cls, watchlist: Watchlist, load: Callable[[], Matcher | None]) -> Matcher:
        """``compile_later``, whose deferred step takes the compiled state of the matcher
        ``load`` returns (a cache's, read when first needed: ``monitor.watchlist_cache``), and
        compiles only where it returns None."""
        matcher = cls(watchlist, later=True)
        matcher._later = _Later(lambda: matcher._adopt(load()))
        return matcher

    def _adopt(self, other: Matcher | None) -> None:
        """Take ``other``'s compiled state (``load_later``), or compile if there is none."""
        if other is None:
            self._compile()
            return
        state = dict(other.__dict__)
        state.pop("_later")  # this one's stays until its waiters are done (``_finish_compile``)
        self.__dict__.update(state)
        self.cached = True

    @property
    def compiled(self) -> bool:
        """Whether the compile has run (a deferred one runs when first needed)."""
        return self._later is None

    def __getstate__(self) -> dict[str, Any]:
        """Pickled compiled (``monitor.watchlist_cache``): a deferred compile finishes first;
        what matching learnt as it went (``_verdicts``) stays behind."""
        self._finish_compile()
        return {**self.__dict__, "_verdicts": {}, "cached": False}

    def _finish_compile(self) -> None:
        """Wait for a deferred compile (it runs now if not begun); raises what the compile
        raised, at each use until one succeeds."""
        if self._later is not None:
            self._later.wait()
            self._later = None

    def prepare(self) -> None:
        """Begin a deferred compile now, in a thread (a no-op once begun or when compiled):
        the poll calls it as its first body goes to the parser, whose answer it then waits for
        anyway."""
        if self._later is not None:
            self._later.begin()

    # --- compiling -------------------------------------------------------------------------------

    @staticmethod
    def _add(keys: dict[str, list[_Pat]], text: str, pat: _Pat, label: str = "",
             skip: frozenset[str] = frozenset()) -> None:
        """``text``'s keys for ``pat``; ``label``: the term as written, when ``text`` is
        another way to write it; ``skip``: keys left out."""
        pat = _labelled(text, pat)
        if label:
            pat = pat._replace(label=label)
        key, tail = _starred(text)
        if tail:
            pat = pat._replace(prefix=True, tail=tail)
        for v in spellings(key.rstrip("*")):
            if v not in skip:
                Matcher._put(keys, v, pat)

    @staticmethod
    def _put(keys: dict[str, list[_Pat]], key: str, pat: _Pat) -> None:
        """``pat`` among ``key``'s patterns, once."""
        bucket = keys.setdefault(key, [])
        if pat not in bucket:
            bucket.append(pat)

    def _context_id(self, term: str) -> int:
        key = (self._fold_key(term.rstrip("*")), term.endswith("*"))
        if key not in self._ctx_ids:
            self._ctx_ids[key] = len(self._ctx_text)
            self._ctx_text.append(term)
            pat = _Pat(_CONTEXT, self._ctx_ids[key], False, "any", "", "")
            self._add(self._aux_keys, term, pat)
            # ... and the word with Spanish's joined "ex" ("exviceministro" is context as
            # "viceministr*" is; "ex-ministro" is two words already)
            if term[:1].isalpha() and " " not in term.strip():
                self._add(self._aux_keys, "ex" + term, pat, label=term)
            plural = _pt_plural(term)  # ... and its Portuguese plural ("hospitais")
            if plural:
                self._add(self._aux_keys, plural, pat, label=term)
        return self._ctx_ids[key]

    def _term_id(self, text: str, case: str, negative: bool) -> int:
        """A topic term's id; ``negative``: used under a none_of (only looked for on demand)."""
        key = (self._fold_key(text.rstrip("*")), case, text.endswith("*"))
        if key not in self._term_ids:
            self._term_ids[key] = len(self._term_text)
            self._term_text.append(text)
            self._term_case.append(case)
        if not negative:
            self._term_pos.add(self._term_ids[key])
        return self._term_ids[key]

    def _leaf_id(self, cond: Cond, file: int, negative: bool) -> int:
        """A term's id, or an entity condition's (``entity:ID``; ``entity:*``: any entity of
        the topic's ``file``)."""
        if cond.area is not None:
            area = cond.area
            if area not in self._area_terms:
                self._area_terms[area] = len(self._term_text)
                (s, n), (w, e) = area.lat, area.lon
                self._term_text.append(f"area {s:g}..{n:g} lat, {w:g}..{e:g} lon")
                self._term_case.append("any")
            return self._area_terms[area]
        if cond.entity is None:
            return self._term_id(cond.term or "", cond.case, negative)
        key = (cond.entity, file if cond.entity == ANY_ENTITY else -1)
        if key not in self._entity_terms:
            self._entity_terms[key] = len(self._term_text)
            self._term_text.append(f"entity:{cond.entity}")
            self._term_case.append("any")
        return self._entity_terms[key]

    def _entity_found(self, item: _Item, terms: dict[int, list[_H]],
                      only: Iterable[int] | None = None) -> None:
        """The hits of the entities the item matched (``only``: of these), under the topic
        conditions on them."""
        ids = self._entity_terms
        found = item.entities or {}
        for ei, hs in found.items() if only is None else ((ei, found[ei]) for ei in only):
            for key in ((self._entities[ei].id, -1), (ANY_ENTITY, self._list_of[ei])):
                t = ids.get(key)
                if t is not None:
                    label = self._term_text[t]
                    terms.setdefault(t, []).extend(h._replace(label=label) for h in hs)

    def _add_terms(self) -> None:
        """Terms some rule needs found go in the main automaton; terms only a none_of uses go
        in the auxiliary one, scanned only when a topic gets as far as its none_of. An entity
        condition's id is in no automaton: the entity's own match finds it."""
        areas = frozenset(self._area_terms.values())
        for i, (text, case) in enumerate(zip(self._term_text, self._term_case, strict=True)):
            if i in self._entity_ids or i in areas:
                continue
            keys = self._main_keys if i in self._term_pos else self._aux_keys
            pat = _Pat(_TERM, i, False, case, "", "")
            self._add(keys, text, pat)
            for cognate in _cognates(text):
                self._add(keys, cognate + "*", pat, label=text)
            bare = _without_articles(text)
            if bare:
                self._add(keys, bare, pat, label=text)
            plural = _pt_plural(text) if case == "any" else ""
            if plural:
                self._add(keys, plural, pat, label=text)
            if i in self._term_pos and case == "any":
                acts = family_forms(text)  # a word of the act counts anywhere: read once
                # a Spanish or Portuguese participle's other forms are verbs, read outside the
                # story too beside another term of the topic (but ``_STORY_SENSE``); an English
                # past's base is often a noun ("charge", "list", "pound"): in the story only
                romance = text.endswith("*") and not self._fold_key(text).startswith(_STORY_SENSE)
                for form in inflections(text):
                    if form not in acts:
                        self._add(keys, form, pat._replace(form=_ROMANCE_FORM if romance
                                                          else _VERB_FORM), label=text)
                        self._inflected = True
                for form in acts:
                    self._add(keys, form, pat._replace(form=_ACT_WORD), label=text)

    def _rule(self, cond: Cond, file: int, negative: bool = False) -> _Rule:
        """``cond`` compiled, for a topic of watchlist file number ``file``."""
        if cond.leaf:
            return _Rule(all_terms=(self._leaf_id(cond, file, negative),))

        def split(
            conds: tuple[Cond, ...], neg: bool = negative
        ) -> tuple[list[int], tuple[_Rule, ...]]:
            terms = [self._leaf_id(c, file, neg) for c in conds if c.leaf]
            return terms, tuple(self._rule(c, file, neg) for c in conds if not c.leaf)

        all_terms, all_rules = split(cond.all_of)
        any_terms, any_rules = split(cond.any_of)
        none_terms, none_rules = split(cond.none_of, True)
        near = None
        if cond.near is not None:
            groups = tuple(
                _one_set(frozenset(self._leaf_id(c, file, negative) for c in group))
                for group in cond.near.terms
            )
            near = _NearRule(
                groups, cond.near.within, cond.near.in_order, cond.near.across_fields
            )
        return _Rule(
            tuple(all_terms), all_rules, frozenset(any_terms), any_rules,
            frozenset(none_terms), none_rules, near,
        )  # fmt: skip

    def _fold_key(self, text: str) -> str:
        """``fold_key(text)``, each text folded once while compiling (the same words come back
        in each alias's lists and each rule's terms: ~150,000 calls for ~14,000 texts in the
        seed watchlist)."""
        memo = self._fold_memo
        if memo is None:
            return fold_key(text)
        out = memo.get(text)
        if out is None:
            out = memo[text] = fold_key(text)
        return out

    def _compile(self) -> None:
        self._fold_memo = {}
        try:
            self._compile_all()
        finally:
            self._fold_memo = None
            _SETS.clear()

    def _compile_all(self) -> None:
        fuzzy: list[tuple[str, _Pat]] = []
        swapped: list[tuple[str, _Pat]] = []
        plain: list[tuple[int, str, _Pat]] = []  # aliases that may be coordinated
        # each alias's word sets, one object per distinct set: aliases of one entity share
        # the entity's lists (a not_after list of 60 words, 200 aliases: ~1 MB otherwise)
        sets: dict[frozenset[Any], frozenset[Any]] = {}

        def one(values: Iterable[Any]) -> frozenset[Any]:
            fs = frozenset(values)
            return sets.setdefault(fs, fs)

        list_of = {e.id: k for k, wl in enumerate(self.watchlist.lists) for e in wl.entities}
        self._list_of = [list_of.get(e.id, -1) for e in self._entities]
        self._entity_file = {e.id: k for e, k in zip(self._entities, self._list_of, strict=True)}
        for ei, entity in enumerate(self._entities):
            entity_req = one(self._context_id(t) for t in entity.requires)
            exclusions = entity.exclusions()
            self._needs_aux.append(bool(entity.requires or exclusions or entity.unless))
            # an exclusion is never spelt as one of the entity's own aliases: "El Dorado" (the
            # myth) without its space is the alias "Eldorado", which it must not drop
            own = frozenset(
                v for a in entity.aliases for v in spellings(_starred(a.alias)[0].rstrip("*")))
            for phrase in exclusions:
                self._add(self._aux_keys, phrase, _Pat(_EXCLUDE, ei, False, "any", "", ""),
                          skip=own)
            for alias in entity.aliases:
                reqs = [entity_req] if entity_req else []
                if alias.requires:
                    reqs.append(one(self._context_id(t) for t in alias.requires))
                    self._needs_aux[ei] = True
                unless = one(self._context_id(t) for t in (*entity.unless, *alias.unless))
                if unless:
                    self._needs_aux[ei] = True
                not_after = one(self._fold_key(w) for w in (*entity.not_after, *alias.not_after))
                allow_after = (
                    None if alias.allow_after is None
                    else one(self._fold_key(w) for w in alias.allow_after)
                )  # fmt: skip
                not_before = one(
                    self._fold_key(w) for w in (*entity.not_before, *alias.not_before)
                )
                caps_before = one(
                    self._fold_key(w) for w in (*entity.not_before, *alias.not_before)
                    if _in_capitals(w)
                )
                own = frozenset() if allow_after is None else one(
                    w for n in _names(entity) for w in self._fold_key(n).split(" "))
                phrases = tuple(sorted({tuple(w.split(" ")) for w in not_before if " " in w}))
                self._rules.append(
                    _AliasRule(ei, alias.alias, tuple(reqs), not_after, allow_after, unless,
                               not_before, True, own, alias.case == "exact", caps_before,
                               alias.listed, phrases)
                )
                pat = _Pat(_ALIAS, len(self._rules) - 1, False, alias.case, "", "")
                self._add(self._main_keys, alias.alias, pat)
                kind = _misspelt(alias.alias, alias.case, alias.fuzzy, entity.fuzzy)
                if kind == "edits":
                    fuzzy.append((alias.alias, pat))
                elif kind == "swaps":
                    swapped.append((alias.alias, pat))
                if alias.case != "exact":
                    plain.append((ei, alias.alias, _labelled(alias.alias, pat)))
        file_of = {t.id: k for k, wl in enumerate(self.watchlist.lists) for t in wl.topics}
        for topic in self.watchlist.topics:
            fields = None if set(topic.fields) >= set(ALL_FIELDS) else frozenset(topic.fields)
            rule = self._rule(topic.condition, file_of.get(topic.id, -1))
            self._topics.append((topic.id, topic.name, fields, rule))
            self._topic_file[topic.id] = file_of.get(topic.id, -1)
        self._entity_ids = frozenset(self._entity_terms.values())
        area_ids = self._area_ids = frozenset(self._area_terms.values())
        self._area_alone = bool(area_ids) and any(
            _possible(rule, area_ids) for _t, _n, _f, rule in self._topics)
        self._area_rules = [rule for _t, _n, _f, rule in self._topics
                            if not area_ids.isdisjoint(_rule_terms(rule))]
        self._add_terms()
        self._add_coordinated(plain)
        self._add_fuzzy(fuzzy, swapped)
        # each table is emptied into its automaton, and the next built only then: the
        # compile's peak holds one table, not both beside two automata
        self._main = self._automaton(self._main_keys)
        self._main_keys = {}
        self._aux = self._automaton(self._aux_keys)
        self._aux_keys = {}

    def _add_coordinated(self, aliases: list[tuple[int, str, _Pat]]) -> None:
        """Two entities' names that share a head noun, written once with the noun in the
        plural, are found as both aliases: "the Sinaloa and Jalisco cartels" (aliases
        ``Sinaloa Cartel``, ``Jalisco Cartel``), "los cárteles de Sinaloa y del Golfo", "os
        cartéis de Sinaloa e do Golfo" (``Cártel de Sinaloa``, ``Cartel del Golfo``).

        A head noun is the last word of an alias of two to four words, or its first word before
        de/del/do/da/dos/das, that aliases of at least two entities share; aliases with digits
        or other punctuation (codes) and ``case: exact`` ones take no part. The automaton holds
        one key per head noun's plural ("cartels", "carteles", "carteis"); a hit is then checked
        for two of its names right before or after it. Each alias keeps its own rules.
        """
        english: dict[str, list[tuple[int, str, str, _Pat]]] = {}
        romance: dict[str, list[tuple[int, str, str, _Pat]]] = {}
        for ei, text, pat in aliases:
            words = _ALIAS_WORDS.split(text.strip())
            if not all(w.isalpha() for w in words):
                continue
            if 2 <= len(words) <= 4:
                name = self._fold_key(" ".join(words[:-1]))
                english.setdefault(self._fold_key(words[-1]), []).append((ei, name, name, pat))
            if 3 <= len(words) <= 6 and self._fold_key(words[1]) in _PREPOSITIONS:
                name = self._fold_key(" ".join(words[1:]))
                prep, rest = name.split(" ", 1)
                bare = rest if prep in ("de", "do", "da") else name  # "de Sinaloa y Jalisco"
                romance.setdefault(self._fold_key(words[0]), []).append((ei, name, bare, pat))
        for heads, plurals, before in ((english, lambda h: (_english_plural(h),), True),
                                       (romance, _romance_plurals, False)):
            for head, names in heads.items():
                if len({ei for ei, _, _, _ in names}) < 2:
                    continue
                coord = _Coord(tuple(dict.fromkeys(names)), before)
                for plural in plurals(head):
                    self._add(self._main_keys, plural,
                              _Pat(_COORD, -1, False, "any", "", "", target=coord))
                if not before:  # "el Cártel del Golfo y el del Noreste"
                    elided = coord._replace(elided=True)
                    self._add(self._main_keys, head,
                              _Pat(_COORD, -1, False, "any", "", "", target=elided))

    def _add_fuzzy(self, aliases: list[tuple[str, _Pat]],
                   swapped: list[tuple[str, _Pat]]) -> None:
        """One-edit spellings of long aliases, each unless it is already some key's spelling.

        The automaton holds the edited word alone (few keys: the rest of the alias is not
        repeated in it); a hit is then checked for the alias's other words around it.

        The edit falls in a capitalised word (a name, not ``portaaviones``) of five letters or
        more that no shorter alias of the same entity (one that needs no context words and no
        list) already covers with its own edits; in a
        name of two words or more, a word of four letters only has a consonant doubled or b/v,
        s/z swapped (``Thiago Lobbo``, ``Lovo``: ``Rossa``, ``Roza``, not ``Lela``). A word
        that several entities' aliases share or that another entity's context terms use in lower
        case (``Cartel``, ``State``, ``ataque*``) only loses a letter, doubles one, swaps two or
        has a consonant spelt as one that sounds alike (``Unidoz``).
        """
        exact = set(self._main_keys) | set(self._aux_keys)
        owners: dict[str, set[int]] = {}
        for ei, entity in enumerate(self._entities):
            for alias in entity.aliases:
                for w in self._fold_key(alias.alias).split(" "):
                    owners.setdefault(w, set()).add(ei)
        # words that other entities' context terms use in lower case ('cartel*', 'ataque*')
        # are common words; a name used as context ('Sinaloa', 'Maduro', or an alias written
        # in lower case: 'santa marta') is still a name
        names = {self._fold_key(a.alias) for entity in self._entities for a in entity.aliases}
        context: dict[str, set[int]] = {}
        for ei, entity in enumerate(self._entities):
            terms = [*entity.requires, *entity.unless]
            for alias in entity.aliases:
                terms.extend((*alias.requires, *alias.unless))
            for t in terms:
                if t[:1].isupper() or self._fold_key(t) in names:
                    continue
                for w in self._fold_key(t.rstrip("*")).split(" "):
                    context.setdefault(w, set()).add(ei)
        # (a shorter alias that counts only in a list, ``listed: true``, covers no misspelling
        # of the longer name: "Cartel do Nordste" with "Nordeste" such an alias; nor one that
        # needs context words the longer name does not: "U.S. Southren Command" with
        # "Southern Command" such an alias)
        keys = {(self._rules[pat.index].entity, self._fold_key(text)) for text, pat in aliases
                if not (self._rules[pat.index].listed or self._rules[pat.index].requires)}
        for text, pat in aliases:
            ei = self._rules[pat.index].entity
            key = self._fold_key(text)
            words = key.split(" ")
            written = _ALIAS_WORDS.split(text.strip())
            editable, light, short, tiny = set(), set(), set(), set()
            # a plural article inside a name of three words or more, its 's' dropped as the
            # agreement slips ("Cartel do Sóis", "Cartel de lo Soles"); the rest exact
            # (read where the written words are the folded ones, as ``capital`` below says)
            plural = {k for k, w in enumerate(words[1:-1], 1)
                      if len(words) > 2 and len(written) == len(words) and len(w) == 3
                      and w.isalpha() and w[-1] == "s" and w[1] in _VOWELS
                      and written[k].islower()}
            for k, w in enumerate(words):
                capital = len(written) != len(words) or written[k][:1].isupper()
                if not (w.isalpha() and capital):
                    continue
                shared = len(owners[w]) > 1 or bool(context.get(w, set()) - {ei})
                if len(w) >= FUZZY_MIN_WORD:
                    (light if shared else editable).add(k)
                elif len(w) == FUZZY_MIN_WORD - 1 and len(words) > 1 and not shared:
                    short.add(k)  # 'Thiago Lobbo': a consonant doubled, the rest exact
                elif len(w) == FUZZY_MIN_WORD - 2 and any(
                        len(o) >= FUZZY_TINY_BESIDE and len(owners[o]) == 1 for o in words):
                    # 'Comando Surr', 'Comando Suur', 'Comando Sull': a letter doubled only,
                    # beside a long word no other entity's alias has (the short one may be
                    # a common word: Portuguese 'sul')
                    tiny.add(k)
            flips = set()  # words whose other gender only this longer name may carry
            for other_ei, other in keys:
                if other_ei != ei or other == key:
                    continue
                sub = other.split(" ")
                for k in range(len(words) - len(sub) + 1):
                    if words[k : k + len(sub)] == sub:
                        if len(sub) == 1 and k in editable | light:
                            flips.add(k)  # 'Mara Salvatrucho', not 'Salvatrucho' alone
                        for ks in (editable, light, short, tiny):
                            ks.difference_update(range(k, k + len(sub)))
            fpat = _as_fuzzy(text, pat)
            for k in sorted(plural):  # the whole name a key: 'do' alone is everywhere
                alike = re.sub(rf"(?<=\s){written[k]}(?=\s)", written[k][:-1], text, count=1)
                if (spelt := self._fold_key(alike)) not in exact:
                    self._put(self._main_keys, spelt, _as_fuzzy(alike, pat)._replace(label=text))
            for k in sorted(editable | light | short | tiny | flips):
                wpat = _Pat(_FUZZY, 0, False, "any", "", text, (), True, fpat, (*words,), k)
                if k in flips:  # the shorter alias has the other edits: the other gender only
                    other = _other_gender(words[k])
                    edits = {other} if other else set()
                else:
                    edits = _word_edits(words[k], k not in editable, k in short,
                                        swap=len(words) > 2, tiny=k in tiny,
                                        last=k == len(words) - 1 and not (
                                            len(written) == len(words)
                                            and written[k].isupper()))  # not 'EEUU'
                    if (k == 0 and len(words) > 1 and words[k][-2] in "aeiou"
                            and self._entities[ei].type == "person"):
                        # a person's given name without its last letter, then ending in a
                        # vowel, is another given name ("Nicola" for "Nicolas" and "Nicolau",
                        # "Carlo" for "Carlos"; "Donal Trump" stays a misspelling)
                        edits = set(edits) - {words[k][:-1]}
                if k in editable and len(words) > 1 and len(words[k]) >= FUZZY_SPLIT_MIN:
                    # a long word of a name of two words or more split in two, as a speech
                    # recogniser hears it ("Familia Micho Acana", "Tren de Ar Agua"): both
                    # halves of two letters or more, the name's other words spelt exactly
                    w = words[k]
                    edits = {*edits, *(w[:i] + " " + w[i:] for i in range(2, len(w) - 1))}
                if (k == len(words) - 1 > 0 and k in editable | flips
                        and len(words[k]) >= FUZZY_PLURAL_MIN and words[k][-1] in _VOWELS):
                    # a plural's 's' on the last word of a name of two words or more, a long
                    # one ("Mara Salvatruchas"); alone, such a word in the plural is often
                    # another thing ("Salvatruchas": Salvadorans, as they call themselves)
                    edits = {*edits, words[k] + "s"}
                if (k == len(words) - 1 > 0 and k in editable
                        and len(words[k]) >= FUZZY_MIN_WORD and words[k][-1] not in _VOWELS):
                    # a silent e after the last consonant of a name of two words or more, as
                    # a writer who hears the name adds it ("Boko Harame")
                    edits = {*edits, words[k] + "e"}
                for e in edits:
                    spelt = " ".join((*words[:k], e, *words[k + 1 :]))
                    # a letter dropped from a word of a name of three words or more may
                    # leave four letters ("Cartel de los Sole"; not "Marco Rubí", somebody
                    # else); the other words must then be written in full
                    # ... and so may a silent first h left out of a name of two words or
                    # more ("Boko Aram")
                    # ... or from a word of five letters beside one of six or more, in a
                    # name of two words ("Islamic Stae", "Donald Trum"; "Marco Rubo" stays
                    # somebody else)
                    shortest = FUZZY_MIN_WORD - (
                        k in short or k in tiny or (len(words) > 2 and len(e) < len(words[k]))
                        or (len(words) > 1 and e == words[k][1:])
                        # ... or, in a group's name, beside a word of four, not a plural's
                        # last s ("Boko Harm"; "Delta Foods" is no "Delta food")
                        or (len(words) == 2 and len(e) < len(words[k]) and (
                            len(words[1 - k]) >= FUZZY_BESIDE_LONG
                            or (len(words[1 - k]) >= FUZZY_MIN_WORD - 1
                                and self._entities[ei].type != "person"
                                and e != words[k][:-1]))))
                    if len(e) < shortest or spelt in exact or (
                            len(words) == 1 and e in (_other_gender(words[k]), "h" + words[k])):
                        continue
                    self._put(self._main_keys, e, wpat)
        for text, pat in swapped:  # a short name of one word: two letters swapped only
            key = self._fold_key(text)
            wpat = _Pat(_FUZZY, 0, False, "any", "", text, (), True, _as_fuzzy(text, pat),
                        (key,), 0)
            for e in _swaps(key):
                if e not in exact:
                    self._put(self._main_keys, e, wpat)

    @staticmethod
    def _automaton(keys: dict[str, list[_Pat]]) -> ahocorasick.Automaton | None:
        """Every key behind a space, looked for in the text with its punctuation marks read as
        spaces (``_marked``), so every hit starts a word: one entry a key, not one behind each of
        the two word-start marks (half the automaton's memory: ~2.4 MB of the seed watchlist's).

        A key of one word is found only where the text spells it so. A key with a space or a
        punctuation mark is listed with the other keys that differ from it only there
        (``_Spelt``) and the hit is checked against the text's own spelling (``_scan``)."""
        if not keys:
            return None
        auto = ahocorasick.Automaton()
        shared: dict[tuple[_Pat, ...], tuple[_Pat, ...]] = {}
        # one value object per distinct (length, patterns, prefix): the one-edit spellings of
        # a word share the few of their lengths (the seed watchlist's ~5,500 one-word keys of
        # the main automaton: ~1,600 objects)
        values: dict[tuple[int, Any, bool], tuple[int, Any, bool]] = {}
        spaced: dict[str, _Spelt] = {}
        # in the order the keys came (a node's next letters are searched in the order they
        # were added: the aliases' first); each key's list freed once its value is made
        for key in list(keys):
            pats = keys.pop(key)
            kept = shared.setdefault(tuple(pats), tuple(pats))
            partial = any(p.prefix for p in pats)
            spelt = key.replace(_PUNCT, " ")
            if " " in spelt:
                if spelt not in spaced:
                    spaced[spelt] = _Spelt([])
                    auto.add_word(" " + spelt, (len(spelt), spaced[spelt], False))
                spaced[spelt].entries += ((key, kept, partial),)
            else:  # spelt as the key: no other key reads alike
                value = (len(spelt), kept, partial)
                auto.add_word(" " + spelt, values.setdefault(value, value))
        auto.make_automaton()
        return auto

    # --- matching --------------------------------------------------------------------------------

    def match(self, fields: Mapping[str, str]) -> MatchResult:
        """Match an item's plain-text fields (title, summary, content) against the watchlist."""
        return self._run(fields, None)

    def explain(self, fields: Mapping[str, str]) -> list[str]:
        """Why each entity and topic matched, and why near misses did not: one line each."""
        trace: list[str] = []
        self._run(fields, trace)
        return trace

    @staticmethod
    def _scan(  # (``_may_count`` mirrors the first test of its loop)
        auto: ahocorasick.Automaton, name: str, text: str, folded: Folded, explain: bool = False,
        found: list[tuple[int, Any]] | None = None, at: int = 0,
    ) -> list[tuple[_Pat, _H, bool]]:
        """Hits of ``auto`` in one field: (pattern, hit, case rule passed). ``found``: what
        ``auto.iter`` found in the text the field's folded text is part of, from ``at``, and
        no further (hits that start before it are not the field's).

        Hits inside a longer word come back only for aliases when ``explain`` is on, with an
        empty hit span (``fend == fstart``); everything else is a whole word or a prefix term.
        """
        f = folded.text
        n = len(f)
        mapped = folded.starts is not None
        tagged = _has_tags(text)
        out = []
        for end, (klen, pats, partial) in (auto.iter(_marked(f)) if found is None else found):
            end -= at
            start = end - klen
            if start < 0:
                continue  # begun in the field before
            if type(pats) is _Spelt:
                pats, partial = pats.at(f, start, end)
                if not pats:
                    continue
            whole = end == n or not f[end].isalnum()
            if klen >= 5 and f[start + 1] in _RUN_MARKS and _dotted_run(f, start, end):
                continue  # "C.J.N.G." inside "C.J.N.G.B.", "C J N G" inside "C J N G B"
            if not (whole or partial or explain or tagged or _goes_on_as_itself(f, end)):
                continue  # inside a longer word, and no rule can make it count: the common case
            if mapped:
                ostart, oend = folded.orig(start), folded.orig_end(end)
            else:
                ostart, oend = start, end
            if not whole:
                whole = (_possessive(folded, text, end) or _camel(text, ostart, oend)
                         or _plural_acronym(folded, text, ostart, oend, end)
                         or _stretched(f, end))
            if whole:
                for pat in pats:
                    if pat.kind == _FUZZY:
                        fz = _fuzzy_hit(pat, name, text, folded, start, end)
                        if fz is not None:
                            out.append(fz)
                        continue
                    if pat.kind == _COORD:
                        out.extend(_coordinated_hits(pat, name, text, folded, start, end))
                        continue
                    hend, hoend = end, oend
                    if pat.tail:
                        hend = _tail_end(f, end, pat.tail)
                        if hend < 0:
                            continue
                        hoend = folded.orig_end(hend)
                    out.append((
                        pat,
                        _H(name, start, hend, ostart, hoend, pat.label, False, pat.fuzzy,
                           pat.form),
                        pat.case == "any" or _case_ok(pat, text, ostart, oend)
                        or _lower_tag(pat, text, ostart, oend),
                    ))
                continue
            for pat in pats:
                if pat.kind >= _FUZZY:  # a one-edit or a coordinated key: whole words only
                    continue
                if pat.prefix:  # the hit runs to the end of the word
                    fend = end
                    while fend < n and f[fend].isalnum():
                        fend += 1
                    if pat.tail:
                        fend = _tail_end(f, fend, pat.tail)
                        if fend < 0:
                            continue
                    hit = _H(name, start, fend, ostart, folded.orig_end(fend), pat.label)
                    out.append((pat, hit, pat.case == "any" or _case_ok(pat, text, ostart, oend)))
                elif pat.kind == _ALIAS:
                    out.append((pat, _H(name, start, start, ostart, oend, pat.label), False))
        if tagged:
            out.extend(_scan_tags(auto, name, text, folded))
        if ":" in text and _GLUED.search(text):
            out.extend(_scan_glued(auto, name, text, folded))
        return out

    def _run(self, fields: Mapping[str, str], trace: list[str] | None) -> MatchResult:
        every = _FIELD_BREAK.join(fields.values())
        result = self._run_fields(fields, trace, every)
        # a transcript's note of what it could not make out, set inside a name ("Tren de
        # [inaudible] Aragua"): read again with the note as spaces; a name found across it counts
        if ("[" in every or "(" in every) and _gap_noted(every):
            result = self._read_apart(fields, _gaps_apart(fields), result, trace,
                                      "the transcript's note of a gap")
        # a keyword alert's highlight marks around the words it found ("[Gulf] [Cartel]",
        # "*Cártel* del *Golfo*", markdown's **bold**): read again with them as spaces
        if "*" in every or "[" in every:
            marked = _highlights_apart(fields, self._alias_words())
            if marked is not None:
                result = self._read_apart(fields, marked, result, trace,
                                          "the highlight marks around a word of the name")
        # one search of the item for each of _QUOTES_OPEN, inline (a call and a loop cost more)
        if not ('"' in every or "'" in every or "\u201c" in every or "\u2018" in every
                or "\xab" in every):
            return result
        # a word of a name quoted apart from the rest ("el «Tren» de Aragua", 'el cartel de los
        # "Soles"'): read again with those quotes as spaces; a name found across one of them
        # counts (found so, a quote is part of no name: "Trump" quoted after "nicknamed" is
        # still another man's nickname, judged in the first reading)
        quoted = _quoted_apart(fields, self._alias_words())
        if quoted is not None:
            result = self._read_apart(fields, quoted, result, trace,
                                      "the quotes around a word of the name")
        return result

    def _read_apart(self, fields: Mapping[str, str], apart: dict[str, tuple[str, list[int]]],
                    result: MatchResult, trace: list[str] | None, what: str) -> MatchResult:
        """``result`` with the entities found when the fields are read as ``apart`` writes
        them (marks inside a name made spaces, offsets kept) whose hit spans one of the marks:
        a name the marks broke. The hits keep the text as the item writes it."""
        why: list[str] | None = [] if trace is not None else None
        again = self._run_fields({name: apart[name][0] if name in apart else text
                                  for name, text in fields.items()}, why)
        have = {m.entity_id for m in result.entities}
        added = []
        for m in again.entities:
            if m.entity_id in have or not any(
                    h.field in apart and any(h.start < i < h.end for i in apart[h.field][1])
                    for h in m.hits):
                continue
            added.append(dataclasses.replace(m, hits=tuple(
                dataclasses.replace(h, text=fields[h.field][h.start : h.end]) for h in m.hits)))
            if trace is not None and why is not None:
                trace.extend(f"{line} (read with {what} as spaces)"
                             for line in why if line.startswith(f"{m.entity_id}: matched"))
        if not added:
            return result
        entities = tuple(sorted((*result.entities, *added), key=lambda m: m.entity_id))
        return MatchResult(entities=entities, topics=result.topics)

    def _positions(self, item: _Item, terms: dict[int, list[_H]],
                   trace: list[str] | None) -> None:
        """The positions the item writes (``_written_positions``), each a hit of every area it
        lies in."""
        for name, text in item.fields.items():
            folded = item.folded.get(name)
            if folded is None:
                continue
            for start, end, lat, lon in _written_positions(name, text, folded):
                if abs(lat) > 90 or abs(lon) > 180:  # no position: "120 N and 300 E"
                    continue
                inside = [t for area, t in self._area_terms.items() if area.holds(lat, lon)]
                for t in inside:
                    terms.setdefault(t, []).append(_H(
                        name, folded.at(start), folded.at(end), start, end, self._term_text[t]))
                if trace is not None:
                    trace.append(f"position {text[start:end]!r} at {name}[{start}:{end}] read "
                                 f"as {lat:.2f}, {lon:.2f}: "
                                 + ("; ".join(self._term_text[t] for t in inside) if inside
                                    else "in no area"))

    def _alias_words(self) -> frozenset[str]:
        """The folded words of every entity's names and aliases."""
        if self._alias_word_set is None:
            self._alias_word_set = frozenset(
                w for e in self._entities for n in (e.name, *(a.alias for a in e.aliases))
                for w in fold_key(n).split(" "))
        return self._alias_word_set

    def _run_fields(self, fields: Mapping[str, str], trace: list[str] | None,
                    every: str | None = None) -> MatchResult:
        if self._later is not None:  # tested here: no call per item once compiled
            self._finish_compile()
        # one search each for the rare cases below; fields apart by a mark that folds to
        # punctuation, so that no word (nor a hyphen broken at a line end) runs on across them
        if every is None:
            every = _FIELD_BREAK.join(fields.values())
        given = fields
        if _has_any(every, _LOST_MARKS):
            lost = {name: _lost_words(t) for name, t in fields.items()
                    if _has_any(t, _LOST_MARKS)}
            if any(lost.values()):
                fields = {name: self._restored(t, lost.get(name)) for name, t in fields.items()}
        # a name cut short where a feed or an aggregator truncated the field ("... contra
        # Nicolás Mad…"): read whole when the watchlist has one name it can only be
        cut: dict[str, tuple[int, str]] | None = None
        if "\u2026" in every or "..." in every:
            cut = {}
            for name, t in fields.items():
                done = self._completed(t)
                if done is not None:
                    cut[name] = done
            if cut:
                fields = {name: t if name not in cut else cut[name][1]
                          for name, t in fields.items()}
                if trace is not None:
                    for name, (end, t) in cut.items():
                        word = _WORD_BEFORE.search(t, 0, end + len(t) - len(given[name]))
                        trace.append(f"{name}: the name cut short at [{end}] read as "
                                     f"{word.group() if word else t!r} (a truncated field)")
        # (a character's search first: a search for a string costs several times more)
        if (":" in every and "://" in every) or "www." in every:
            fields = {name: _urls_blanked(t) for name, t in fields.items()}
        # a zero typed for an o ("madur0", "C0MMAND") and OCR's I for an l or a 1 ("CarteI de
        # Ios SoIes", "MS-I3"), in the short fields (posts and headlines; a body is not read so)
        if _typed_slips(fields, every if fields is given and "content" not in fields else None):
            fields = {name: t if name == "content" else _OCR_I.sub(_ocr_i, _zeros_as_o(t))
                      for name, t in fields.items()}
        if "%" in every and "%20" in every:
            fields = {name: _ENCODED_SPACE.sub("   ", t) for name, t in fields.items()}
        main = self._main
        if main is None and not self._area_alone:  # no key at all, nor a topic of areas alone
            return _NO_MATCH
        explain = trace is not None
        # The fields are folded, and scanned once as one text, apart by a mark that reads as
        # punctuation (no key runs on from one into the next as a whole word). Most items have
        # no hit there that can count, and end here.
        joined = every if fields is given else _FIELD_BREAK.join(fields.values())
        at_once = _folded_latin1(joined)
        # small capitals (all past Latin-1: none in a text folded at once) read as capitals
        if at_once is None and _has_any(joined, _SMALL_CAPITALS) and _SMALL_CAPITALS_RUN.search(
                joined):
            fields = {name: _SMALL_CAPITALS_RUN.sub(_capitals, t) for name, t in fields.items()}
            joined = _FIELD_BREAK.join(fields.values())
            at_once = _folded_latin1(joined)
        folds = plain = None
        if at_once is None:
            folds = [fold(text) for text in fields.values()]
            f = _FIELD_BREAK.join([folded.text for folded in folds])
        else:
            f, plain = at_once
        marked = _marked(f)
        found = list(main.iter(marked)) if main is not None else []
        # a position the item writes (``_positions``), looked for only where a topic reads
        # areas and the item gets past the first tests, or could match by a position alone
        placed: bool | None = None  # whether it writes one: looked for once at most
        # (a hashtag or handle with a camel-case break, "#FreeMaduro", is read there too: what
        # follows its start and each break, after the fields, ``_with_tag_words``)
        test = None
        if not (explain or (":" in every and _GLUED.search(every))):
            test = (_with_tag_words(main, every, f, found, plain) if main is not None
                    and _has_tags(every) else (f, found, plain))
        if test is not None:
            tf, tfound, tplain = test
            if not _may_count(tf, tfound):
                if not (self._area_alone and (placed := _has_position(every, fields))):
                    return _NO_MATCH
            elif (hopeless := self._hopeless(tf, tfound, tplain, folds, fields)) and not (
                    hopeless == _UNLESS_PLACED and (placed := _has_position(every, fields))):
                return _NO_MATCH
        ends = [hit[0] for hit in found]
        scanned = []
        starts: dict[str, int] = {}
        at = 0  # where the field starts in f; a hit of its own ends in (at, at + its length]
        for i, (name, text) in enumerate(fields.items()):
            # folded at once, each field's part of f is the field folded alone
            folded = folds[i] if folds is not None else Folded(f[at : at + len(text)], None)
            last = at + len(folded.text)
            if text:
                starts[name] = at
                mine = found[bisect.bisect_right(ends, at):bisect.bisect_right(ends, last)]
                scanned.append((name, text, folded, [] if main is None else
                                self._scan(main, name, text, folded, explain, mine, at)))
            at = last + 1
        if not placed and not any(s[3] for s in scanned):
            # no hit: only a topic of areas alone may match, by a position
            if placed is None and self._area_alone:
                placed = _has_position(every, fields)
            if not placed:
                return _NO_MATCH
        item = _Item(fields, marked, starts)
        cands: list[tuple[_AliasRule, _H]] = []
        terms: dict[int, list[_H]] = {}
        rules = self._rules
        # In an ALL-CAPS field, capitals say nothing, nor in one without any capital (a slug,
        # a lower-case headline): a hit there that needs a case rule is judged by how the rest
        # of the item writes the same alias or term (if it does).
        shouting = False
        for name, text in fields.items():
            uncased = item.uncased[name] = bool(text) and _uncased(text)
            shouting = shouting or uncased
        deferred: list[tuple[_Pat, _H]] = []
        cased: dict[tuple[int, int], bool] = {}  # (kind, index) → some hit outside passed
        # ... and so do a field's verbatim copies of such a field ("The post <the headline>
        # appeared first on ..."): a hit inside one waits too, judged as the copy is written
        copies = _copies_of_uncased(fields, item.uncased) if shouting else None
        upper: set[_H] = set()  # waiting hits in a copy written in capitals
        lower: set[_H] = set()  # waiting hits in a cased field's opening in small letters
        for name, text, folded, hits in scanned:
            item.folded[name] = folded
            shout = item.uncased[name]
            # in small letters, a hit its case rule passes is written in capitals (an acronym
            # among small words) and stands; in capitals, every hit waits
            capitals = shout and text.isupper()
            spans = copies.get(name) if copies else None
            for pat, h, case_ok in hits:
                if (not case_ok and pat.kind == _ALIAS and pat.case == "capitalized"
                        and (self._entities[rules[pat.index].entity].type == "person"
                             or " " in pat.label.strip())
                        and _tag_entry(text, h.start, h.end)):
                    # a person's name, or a name of two words or more, as a whole entry of a
                    # list of tags in small letters ("wildfire bulletin tags: palisades,
                    # rebuilding, trump, permits", "Keywords: carteles unidos, landmines"):
                    # there capitals say nothing (not a word one of a group's names is, "Stock
                    # keywords: cartel, sun, soles")
                    case_ok = True

                if pat.case != "any" and h.fend > h.fstart:
                    if shout and (capitals or not case_ok):
                        deferred.append((pat, h))
                        continue
                    if not shout and not case_ok and h.end <= item.opening(name):
                        # a cased field that opens in small letters, its boilerplate after
                        # ("[00:06:11] carteles unidos es una coalición ... — Escucha el
                        # segmento completo"): that stretch's small letters say nothing
                        deferred.append((pat, h))
                        lower.add(h)
                        continue
                    if spans is not None:
                        span = next((s for s in spans if s[0] <= h.start and h.end <= s[1]),
                                    None)
                        if span is not None and (span[2] or not case_ok):
                            deferred.append((pat, h))
                            if span[2]:
                                upper.add(h)
                            continue
                    if not shout and _in_caps_run(text, h.start, h.end):
                        # a stretch of a cased field written in capitals (a caption's
                        # transcript before its credit line, "THE CANAL IS SAFE. Captioning
                        # by ..."): its capitals say nothing either, as in an ALL-CAPS field
                        deferred.append((pat, h))
                        upper.add(h)
                        continue
                    key = (pat.kind, pat.index)
                    cased[key] = cased.get(key, False) or case_ok
                if pat.kind == _ALIAS:
                    rule = rules[pat.index]
                    if case_ok:
                        cands.append((rule, h))
                    elif trace is not None:
                        why = "inside a longer word" if h.fend == h.fstart else (
                            f"case rule {pat.case!r}"
                        )
                        trace.append(
                            f"{self._entities[rule.entity].id}: {_where(h, text)} alias "
                            f"{rule.label!r} rejected: {why}"
                        )
                elif case_ok:
                    hs = terms.get(pat.index)
                    if hs is None:
                        hs = terms[pat.index] = []
                    hs.append(h)
        for pat, h in deferred:
            ok = cased.get((pat.kind, pat.index))
            if ok is None:  # not written elsewhere: a short acronym is then any capital word
                # unless no word is spelt so ("FDA", "CDC", not "US", "DEA", "APS"), and an
                # acronym its entity also lists as a word or a name ("ISIS" and "Isis") is
                # read as that word, whose own rules then decide ("ISIS VALDÉS, REINA ...")
                if not (h in upper or fields[h.field].isupper()):
                    # a field without capitals: a name counts, an alias with an acronym in
                    # it only if no word is spelt so ('cjng', not 'minem' or 'ussouthcom')
                    written = pat.label.rstrip("*")
                    acronym = any(a.isupper() and b.isupper() for a, b in itertools.pairwise(
                        written))  # 'CJNG', 'US Southcom'
                    ok = _unspeakable(written) if acronym else pat.case != "exact"
                else:
                    ok = pat.case != "exact" or (
                        (len(pat.exact) > _SHORT or _unspeakable(pat.exact))
                        and not self._also_a_word(pat, h, deferred))
            if ok:
                if pat.kind == _ALIAS:
                    cands.append((rules[pat.index], h))
                else:
                    terms.setdefault(pat.index, []).append(h)
            elif trace is not None:
                owner = (
                    self._entities[rules[pat.index].entity].id if pat.kind == _ALIAS
                    else "topic term"
                )  # fmt: skip
                kind = ("an ALL-CAPS field" if fields[h.field].isupper()
                        else "a run of capitals" if h in upper
                        else "an opening in small letters" if h in lower
                        else "a small-letter field")
                trace.append(
                    f"{owner}: {_where(h, fields[h.field])} {pat.label!r} rejected: {kind}, "
                    f"and the rest of the item does not write it by its case rule "
                    f"{pat.case!r}"
                )
        if placed is None:  # looked for only where a topic of areas may hold with the terms
            placed = (self._area_may_count(itertools.chain(terms, self._entity_ids))
                      and _has_position(every, fields))
        if placed:
            self._positions(item, terms, trace)
        entities = self._entity_matches(item, cands, trace) if cands else ()
        if entities and self._entity_terms:
            self._entity_found(item, terms)
        topics = self._topic_matches(item, terms, entities, trace) if terms else ()
        if item.short or (item.vetoed and topics):
            entities, topics = self._reported_story(item, entities, topics, terms, trace)
        if not entities and not topics:
            return _NO_MATCH  # most items: one shared frozen result, not a new one each
        if cut:
            entities, topics = _clipped(entities, given, cut), _clipped(topics, given, cut)
        return MatchResult(entities=entities, topics=topics)

    def _hopeless(self, f: str, found: list[tuple[int, Any]], plain: str | None,
                  folds: list[Folded] | None, fields: Mapping[str, str]) -> int:
        """Whether the main automaton's hits in an item (its tags' camel-case breaks read apart,
        ``_with_tag_words``; none with a glued name, where ``_scan`` reads beyond them) can
        make no match: no hit names an entity, and each topic misses a term set it needs
        (``_Rule.quick``) even if every topic term hit counts. Most long texts with a common
        topic word in them ("is", "list") end here. ``_UNLESS_PLACED`` (true too) where a topic
        reads an area: it may still hold by a position the item writes.

        A hit inside a longer word is passed over as ``_scan``'s first test passes it over
        (``_may_count``). A hit of a name's key names an entity unless its case rule fails
        for certain: the hit written in small letters where its alias has capitals, in an
        item whose fields all say something by their capitals (``_uncased``, nor open in small
        letters, ``_small_opening``, nor hold a list of tags, ``_TAG_LABEL``: else the rest of
        the item decides) and not as a tag.
        ``f``: the fields folded and joined, either from ``plain`` place for place
        (``_folded_latin1``) or from ``folds``, each field's own."""
        n = len(f)
        present: set[int] = set()
        uncased: bool | None = None
        for end, (klen, pats, partial) in found:
            if type(pats) is _Spelt:
                pats = [p for e in pats.entries for p in e[1]]
            elif not (partial or end == n or not f[end].isalnum()
                      or _goes_on_as_itself(f, end)):
                continue
            for pat in pats:
                if pat.kind == _TERM:
                    present.add(pat.index)
                    continue
                if pat.kind == _FUZZY and _fuzzy_span(pat, f, end - klen, end) is None:
                    continue  # a word one edit from a name's, without the name's other words
                if pat.kind != _ALIAS or not _caps_say(pat):
                    return False
                start = end - klen
                if plain is not None:
                    written, before = plain[start:end], plain[start - 1 : start]
                else:
                    written, before = _written(fields, folds or [], start, end)
                if not written.islower() or before in _TAG_MARKS:
                    return False
                if uncased is None:  # (or a cased field's opening in small letters, or a list
                    # of tags, where a person's name may be an entry in small letters)
                    uncased = any(_uncased(t) or _small_opening(t)
                                  or (":" in t and _TAG_LABEL.search(t) is not None)
                                  for t in fields.values())
                if uncased:
                    return False
        key = frozenset(present)
        verdict = self._verdicts.get(key)
        if verdict is None:
            for _topic, _name, _fields, rule in self._topics:  # (a loop: no generator)
                if _possible(rule, present):
                    verdict = False
                    break
            else:  # the areas are read only where no topic may hold
                verdict = _UNLESS_PLACED if self._area_may_count(present) else True
            if len(self._verdicts) >= _VERDICTS:
                self._verdicts.clear()
            self._verdicts[key] = verdict
        return verdict

    def _area_may_count(self, present: Iterable[int]) -> bool:
        """Whether a topic that reads an area may hold (``_possible``) with the term ids
        ``present`` and a position the item may write: else no position is looked for. (Its
        first needs alone, ``_misses``, let most items of a long text through: one of its
        many strike words and a position meet them, and the rule's branches then need more.)"""
        if not self._area_rules:
            return False
        ids = self._area_ids.union(present)
        for rule in self._area_rules:  # noqa: SIM110 - a loop, not any(): no generator
            if _possible(rule, ids):
                return True
        return False

    def _known_word(self, word: str) -> bool:
        """Whether the watchlist spells ``word`` (folded): a key of one word that is no one-edit
        spelling, or the first word of a longer key."""
        for auto in (self._main, self._aux):
            if auto is None:
                continue
            if auto.match(" " + word + " "):
                return True
            value = auto.get(" " + word, None)
            if value is not None and (type(value[1]) is _Spelt or any(
                    p.kind != _FUZZY for p in value[1])):
                return True
        return False

    def _restored(self, text: str, words: list[tuple[int, int]] | None = None) -> str:
        """``text`` with each letter a lossy conversion replaced by U+FFFD or "?" ("C\ufffdrtel",
        "Pent?gono", "organiza??o") put back, where exactly one accented letter's base letter
        makes a word the watchlist spells; other such characters stay. ``words``: the text's
        ``_lost_words``, when the caller has them."""
        if words is None:
            words = _lost_words(text)
        if not words:
            return text
        chars = list(text)
        for start, end in words:
            word = text[start:end]
            lost = [i for i, c in enumerate(word) if c in _LOST_MARKS]
            found = set()
            for fill in itertools.product(_LOST_LETTERS, repeat=len(lost)):
                letters = list(word)
                for i, c in zip(lost, fill, strict=True):
                    letters[i] = c
                candidate = "".join(letters)
                if self._known_word(fold(candidate).text):
                    found.add(candidate)
            if len(found) == 1:
                (restored,) = found
                upper = "".join(c for c in word if c not in _LOST_MARKS).isupper()
                for i in lost:
                    chars[start + i] = restored[i].upper() if upper else restored[i]
        return "".join(chars)

    def _completed(self, text: str) -> tuple[int, str] | None:
        """``text`` whose last word, cut short by an ellipsis at its end ("Cartel de los S…",
        "Nicolás Mad..."), is completed to the last word of the one entity's name the words
        before it start (one to four of them, the name's own, whole: an alias as the
        watchlist writes it, not a one-edit or run-together key), and where the cut word
        ends; None when it is no such name or could be two entities' names."""
        # tried only on a field that ends so, and only on its tail: searched from every word
        # of a long summary that merely contains "..." it took about 50 us an item
        if self._main is None or not text.rstrip().endswith(("\u2026", "...")):
            return None
        m = _CUT_SHORT.search(text, max(0, len(text) - 120))  # no name's word is that long
        if m is None:
            return None
        words = _marked(fold(text[: m.end(1)]).text).split()
        for k in range(min(4, len(words) - 1), 0, -1):
            prefix = " " + " ".join(words[-k - 1:])
            found: dict[int, str] = {}
            for key in self._main.keys(prefix):
                rest = key[len(prefix):]
                if not rest.isalpha():
                    continue  # not this word's end, or more words after it
                whole = [*words[-k - 1:-1], words[-1] + rest]  # the name's words, completed
                _klen, pats, _partial = self._main.get(key)
                entries = pats.entries if type(pats) is _Spelt else ((key, pats, False),)
                for _k, ps, _p in entries:
                    for pat in ps:
                        if (pat.kind == _ALIAS and not pat.fuzzy and not pat.prefix
                                and _marked(fold(pat.label).text).split() == whole):
                            entity = self._rules[pat.index].entity
                            if entity not in found or len(rest) < len(found[entity]):
                                found[entity] = rest
            if len(found) > 1:
                return None
            if found:
                (rest,) = found.values()
                word = m.group(1)
                rest = rest.upper() if len(word) > 1 and word.isupper() else rest
                return m.end(1), text[: m.end(1)] + rest + text[m.end(1):]
        return None

    def _also_a_word(self, pat: _Pat, h: _H, deferred: list[tuple[_Pat, _H]]) -> bool:
        """Whether an exact-case alias hit in an ALL-CAPS field is also, at the same span, a
        hit of another alias of its entity with a looser case rule."""
        if pat.kind != _ALIAS:
            return False
        entity = self._rules[pat.index].entity
        return any(
            p.kind == _ALIAS and p.case != "exact" and o.fstart == h.fstart and o.fend == h.fend
            and o.field == h.field and self._rules[p.index].entity == entity
            for p, o in deferred
        )

    def _scan_aux(self, item: _Item) -> _Aux:
        """Context terms, exclusion spans per entity and none_of-only topic terms, computed
        once per item."""
        if item.aux is not None:
            return item.aux
        aux = item.aux = _Aux({}, {}, {})
        if self._aux is not None:
            # one reading of the item, as the main automaton's (``_run_fields``): each field's
            # hits are those that end inside it
            found = list(self._aux.iter(item.marked))
            ends = [hit[0] for hit in found]
            for name, folded in item.folded.items():
                text = item.fields[name]
                at = item.starts[name]
                mine = found[bisect.bisect_right(ends, at):
                             bisect.bisect_right(ends, at + len(folded.text))]
                for pat, h, ok in self._scan(self._aux, name, text, folded, False, mine, at):
                    if not ok:
                        continue
                    if pat.kind == _CONTEXT:
                        aux.context.setdefault(pat.index, []).append(h)
                    elif pat.kind == _TERM:
                        aux.negative.setdefault(pat.index, []).append(h)
                    elif not _caps_word_in_small(pat.label, text[h.start : h.end]):
                        span = (name, h.fstart, h.fend, text[h.start : h.end])
                        aux.excluded.setdefault(pat.index, []).append(span)
        return aux

    def _name_before(self, item: _Item, rule: _AliasRule, h: _H) -> str | None:
        """Why the capitalised word before the hit names another person, or None."""
        if h.tag or (not rule.not_after and rule.allow_after is None):
            return None
        text = item.fields[h.field]
        if (item.uncased[h.field] and not text.isupper()) or (
                text[h.start].islower() and h.end <= item.opening(h.field)):
            # a field in small letters (or a cased field's opening in them) says nothing by
            # its capitals, and has no capitalised word to read: only not_after applies, to
            # the word before ("eric trump inaugura", "el chamo rubio del video")
            word = _word_before(item.folded[h.field], text, h.fstart, any_case=True)
            if word and word in rule.not_after:
                return f"preceded by the first name {word!r} (not_after)"
            return None
        found = _word_before_at(item.folded[h.field], text, h.fstart, end=h.end)
        if found is None:
            if self._entities[rule.entity].type != "person":
                return None
            # the word before in small letters, read only for the two cases below
            lone = " " not in h.label.strip()
            of_the = h.start >= 3 and text[h.start - 3 : h.start - 1] in _OF_THE_ENDS
            low = (_word_before_at(item.folded[h.field], text, h.fstart, any_case=True)
                   if lone or of_the else None)
            if low is None:
                return None
            if lone and low[0] in _NATURAL_FEATURES:
                # a stream's, a hill's or a lake's name, written after its kind in small
                # letters ("la limpieza del cauce del arroyo Rubio", "Rubio creek"'s Spanish):
                # an old place name, not the person (a street may be named after him)
                return f"preceded by {low[0]!r}: a stream's, a hill's or a lake's name"
            if lone and len(low[0]) >= 5 and low[0] in rule.not_before:
                # a business's kind in small letters before its owner's name, as Spanish names
                # a shop ("la joyería Maduro de Oranjestad"): a name of its own (the kinds the
                # person's not_before lists after the name, "Maduro Jewelers"; not_after holds
                # other words too: "no más Maduros")
                return f"preceded by {low[0]!r}: a business's name of its own"
            if of_the and low[0] in _OF_THE:
                # a business named for its owner with "of the" between, as Portuguese and
                # Spanish name a bar ("Bar do Maduro", "Taller del Rubio"): the kind of
                # business one of the person's word lists names (not_after, or not_before,
                # where "Maduro Club" is); not the people who work for him ("Advogados do
                # Maduro"), nor a group's ("Abogados del Cártel de Sinaloa")
                firm = _word_before(item.folded[h.field], text, low[1])
                if (firm and firm not in _HIS_PEOPLE
                        and (firm in rule.not_after or firm in rule.not_before)):
                    return (f"preceded by {firm!r} and {low[0]!r}: a business's name of "
                            "its own")
            return None
        word, k = found
        if word in rule.not_after:
            return f"preceded by the first name {word!r} (not_after)"
        if word in _NAME_ARTICLES and (rule.not_after or rule.not_before):
            # a capitalised article opens a business's name: 'Taquería La Familia Michoacana',
            # 'Restaurante El Cartel' are the words before it; the kind of business may be in
            # small letters, the article's capital marks the name ('el restaurante El Maduro':
            # a kind of business either of the word lists names, as with "of the" above)
            firm = _word_before(item.folded[h.field], text, k, any_case=True)
            if firm and (firm in rule.not_after or firm in rule.not_before):
                return f"preceded by {firm!r} and an article (not_after): a name of its own"
        allow = rule.allow_after
        if allow is None or word in allow:
            return None
        if word.startswith("ex") and word[2:] in allow:  # "exviceministro", "expresidente"
            return None
        if _is_headline(item, h.field) or _INVERTED_OPENER.search(text, 0, h.start):
            return None
        return f"preceded by the capitalised word {word!r}, not in allow_after"

    @staticmethod
    def _thing_after(item: _Item, rule: _AliasRule, h: _H) -> str | None:
        """Why the word after the hit makes it another thing of that name, or None."""
        if not rule.not_before:
            return None
        folded = item.folded[h.field]
        f = folded.text
        text = item.fields[h.field]
        start, stop = _word_span_after(f, h.fend)
        if start == stop < len(f) and f[start] == _PUNCT and text[folded.orig(start)] == "&":
            # a firm's ampersand: the word after it ("Rubio & Asociados", "Maduro & Co"), or
            # the firm's kind after the partner's name ("Maduro & Brandt LLP")
            start, stop = _word_span_after(f, start + 1)
            if f[start:stop] in _FAMILY_FIRMS:  # "Maduro & Hijos", "Rubio & Sons"
                return f"followed by '& {f[start:stop]}': a family firm's name"
            after, upto = _word_span_after(f, stop)
            if f[after:upto] in _FIRM_KINDS:
                return (f"followed by '&' and a partner's name before {f[after:upto]!r}: a "
                        "firm's name")
        word = f[start:stop]
        if word in rule.not_before:
            # the first part of a hyphenated compound is no word of its own ("the Sinaloa
            # Cartel co-founder" is no "Sinaloa Cartel Co.")
            end = folded.orig_end(stop)
            if text[end : end + 1] == "-" and text[end + 1 : end + 2].isalpha():
                return None
            if word in rule.caps_before and text[folded.orig(start) : end].islower():
                return None
            return f"followed by {word!r} (not_before): another thing of that name"
        for phrase in rule.before_phrases:  # "Milagros" + "Ocampo Moreno"
            if phrase[0] != word:
                continue
            at = stop
            for w in phrase[1:]:
                ws, at = _word_span_after(f, at)
                if f[ws:at] != w:
                    break
            else:
                return (f"followed by {' '.join(phrase)!r} (not_before): another thing of "
                        "that name")
        return None

    @staticmethod
    def _firm_spelling(item: _Item, h: _H) -> str | None:
        """Why a one-edit spelling of a name is a coined name's own spelling, or None: written
        in camel case ("SouthCon 2026 in Atlanta", a convention), or before a capitalised word
        of a firm's kind ("Southcomm Logistics names a new head"): firms and brands spell their
        names so on purpose; a writer's slip seldom comes in camel case or before "Logistics"."""
        if not h.fuzzy:
            return None
        written = item.fields[h.field][h.start:h.end]
        if not h.tag and _CAMEL.search(written) is not None:
            # ... or written in camel case, as a brand is coined ("SouthCon 2026 in
            # Atlanta"), not as a writer slips
            return f"misspelt in camel case ({written!r}): a coined name of its own"
        after = _SPACED_WORD.match(item.fields[h.field], h.end)
        word = _word_after(item.folded[h.field].text, h.fend)
        if after is None or not after.group(1).isupper() or word not in _FIRM_WORDS:
            return None
        return f"misspelt before {word!r}: a firm's own spelling of its name"

    @staticmethod
    def _name_after(item: _Item, rule: _AliasRule, h: _H) -> str | None:
        """Why a strict surname (allow_after) is part of a longer name, or None: another
        capitalised word right after it, in a field whose capitals mean something ('Prado
        Pérez', 'Moreno Valley', 'Rosa Díez'), that is no word of the entity's own aliases
        (a second surname they list), of its allow_after or a capitalised date word."""
        if rule.allow_after is None or h.tag:
            return None
        word = _word_after(item.folded[h.field].text, h.fend)
        if (not word or word in rule.own_words or word in rule.allow_after
                or word in _CAPITALISED_ANYWAY):
            return None
        text = item.fields[h.field]
        after = _SPACED_WORD.match(text, h.end)  # a space only: not 'Trump-Maduro'
        if after is None or not after.group(1).isupper() or _is_headline(item, h.field):
            return None
        if _caps_run(text, h.start, h.end, after.start(1)):
            return None  # capitals mean nothing in a run of ALL-CAPS words ('MADURO EXPOSED')
        return f"followed by the capitalised word {word!r}: part of another name"

    def _second_surname(self, item: _Item, rule: _AliasRule, h: _H) -> str | None:
        """Why a person's whole name (every word capitalised) is part of another person's
        longer one here, or None: the watchlist writes the name longer with the person's own
        second surname ("Nicolás Maduro Moros") and here one capitalised word that is none of
        the entity's own names stands after it on the line, as a second surname does, before
        a word in small letters or a stop ("Nicolás Maduro Quijada, chofer", "Nicolás Maduro
        Peña retires"), in a field whose capitals mean something. An acronym, a capitalised
        date or nationality, or a longer capitalised phrase ("Donald J. Trump Presidential
        Library") is none; nor a word after a name the watchlist knows no longer form of: its
        second surname may be unlisted ("Marcelina Quispe Huamán")."""
        if (rule.allow_after is not None or h.tag
                or self._entities[rule.entity].type != "person"):
            return None
        text = item.fields[h.field]
        words = text[h.start:h.end].split()
        if len(words) < 2 or not all(w[:1].isupper() for w in words):
            return None
        after = _NEXT_WORD_ON_LINE.match(text, h.end)
        if (after is None or not after.group(1)[:1].isupper() or after.group(1).isupper()
                or (_NEXT_WORD_ON_LINE.match(text, after.end()) is not None
                    and text[after.end():].lstrip()[:1].isupper())
                or _is_headline(item, h.field)):
            return None
        word = _word_after(item.folded[h.field].text, h.fend)
        if not word or word in self._name_words(rule.entity) or word in _CAPITALISED_ANYWAY:
            return None
        hit = item.folded[h.field].text[h.fstart:h.fend] + " "
        if not any(n.startswith(hit) for n in self._folded_names(rule.entity)):
            return None
        return f"followed by the capitalised word {word!r}: another person's second surname"

    def _folded_names(self, ei: int) -> frozenset[str]:
        """An entity's aliases that are names, folded (not its name, which may carry a gloss:
        "Marcelina Quispe (leader of the affected communities)")."""
        names = self._folded_name_cache.get(ei)
        if names is None:
            names = frozenset(fold_key(n) for n in _names(self._entities[ei]))
            self._folded_name_cache[ei] = names
        return names

    def _surname_first(self, item: _Item, rule: _AliasRule, h: _H) -> str | None:
        """Why a person's surname here heads another person's record, or None: a given name
        after a comma that is none of the entity's own words nor a word the watchlist spells,
        in a list's or an index's form:
        the surname in capitals and the given name not ("MADURO, Ezequiel, 91, jeweller"), a
        record between separators ("| 4 Maduro, Kevin | defender |"), or an author cited with a
        year ("Maduro, Leonor (2026). Salt and sugar", "Trump, Elsa (n.d.)")."""
        if self._entities[rule.entity].type != "person" or h.tag:
            return None
        text = item.fields[h.field]
        m = _GIVEN_AFTER_COMMA.match(text, h.end)
        written = text[h.start:h.end]
        booked = _BOOKED.match(text, h.end) if m is None and written.isupper() else None
        if booked is not None:
            given = booked.group(1)
            own = self._name_words(rule.entity)
            if any(w in own for w in fold(given).text.split()):
                return None  # his own name ("MADURO MOROS, NICOLÁS, 63")
            return (f"followed by the given name {given!r} and an age after a comma: another "
                    "person's record")
        if m is None:
            # ... or the author's initials ("Maduro, L. (2026)"): another person's unless one
            # is the first letter of a word of the entity's own ("Rubio, M. (2025)")
            cited = _INITIALS_CITED.match(text, h.end)
            if cited is None:
                return None
            initials = {c for c in fold(cited.group(1)).text if c.isalpha()}
            if any(w[:1] in initials for w in rule.own_words
                   if w.isalpha() and w not in _NAME_ARTICLES):
                return None
            return (f"followed by the initials {cited.group(1).strip()!r} and a year: another "
                    "person's record")
        given = m.group(1)
        folded = fold(given).text
        if folded in rule.own_words or self._known_word(folded):
            return None  # his own first name, or a name the watchlist knows ("Maduro, Cabello")
        index = written.isupper() and not given.isupper()
        record = "|" in text and m.group(2) in ("|", "")
        cited = m.group(2) == "(" and _CITED_YEAR.match(text, m.end(2)) is not None
        if not (index or record or cited):
            return None
        return f"followed by the given name {given!r} after a comma: another person's record"

    def _surname_of(self, item: _Item, rule: _AliasRule, h: _H) -> str | None:
        """Why a group's name is a person's surname here, or None: a given name and the Arabic
        article before it ('Ahmed al-Houthi', 'Abdul-Malik al-Houthi'), in a field whose
        capitals mean something. Only this hit: the group named elsewhere still counts."""
        if self._entities[rule.entity].type == "person" or h.start < 4:
            return None
        text = item.fields[h.field]
        m = _GIVEN_NAME_AL.search(text, max(0, h.start - 40), h.start)
        if m is None or _is_headline(item, h.field):
            return None
        return f"after {m.group().strip()!r}: a person's surname (given name, article)"

    def _nickname(self, item: _Item, rule: _AliasRule, h: _H) -> str | None:
        """Why a person's name word in quotes after "known as", or after an article inside the
        quotes, or in quotes before another capitalised name, is somebody else's nickname
        ('conhecido como "Maduro"', 'alias "Rubio"', '"El Maduro"', 'al "Toro" Gutiérrez'),
        or None. An alias that is not a word of the entity's name (its own nickname,
        'Tiburón') is the entity's."""
        entity = self._entities[rule.entity]
        if entity.type != "person" or " " in item.folded[h.field].text[h.fstart:h.fend]:
            return None
        text = item.fields[h.field]
        m = (_KNOWN_AS.search(text, max(0, h.start - 30), h.start)
             or _QUOTED_ARTICLE.search(text, max(0, h.start - 6), h.start))
        if m is None and h.start > 0 and text[h.start - 1] in _CLOSING_QUOTES:
            closing = _CLOSING_QUOTES[text[h.start - 1]]
            after = _SPACED_WORD.match(text, h.end + 1)
            word = _word_after(item.folded[h.field].text, h.fend + 1)
            if (text[h.end : h.end + 1] in closing and after is not None
                    and after.group(1).isupper() and word not in rule.own_words
                    and not _is_headline(item, h.field)):
                name = _WORD.match(text, after.start(1))
                return f"in quotes before {name and name.group()!r}: another person's nickname"
        if m is None or fold_key(text[h.start:h.end]) not in fold_key(entity.name).split(" "):
            return None
        return f"after {m.group().strip()!r}: another person's nickname"

    def _age_unfit(self, item: _Item, rule: _AliasRule, h: _H) -> str | None:
        """Why a person's name here is somebody else's, or None: an age written beside it
        ("Marco Rubio, 19, from Seville", "Marco Rubio, estudiante de 23 años", "a
        17-year-old named Donald Trump") that the person's year of birth (``born``) cannot
        give in the years of the watchlist's story (its source's date, to three years after;
        a profile may recall him up to fifteen years younger). No birth year, no story date:
        no reading."""
        entity = self._entities[rule.entity]
        if entity.born is None or h.tag:
            return None
        k = self._list_of[rule.entity]
        source = self.watchlist.lists[k].source if k >= 0 else None
        if source is None or source.date is None:
            return None
        age = _age_beside(item.fields[h.field], h.start, h.end)
        if age is None:
            return None
        then = source.date.year - entity.born
        if then - 15 <= age <= then + 3:
            return None
        return (f"an age of {age} beside the name: somebody else ({entity.name} was born in "
                f"{entity.born})")

    def _trade_unfit(self, item: _Item, rule: _AliasRule, h: _H) -> str | None:
        """Why a person's name here is somebody else's, or None: one of the entity's
        ``namesake_trades`` written right before the name ("El panadero Marco Rubio", "Castellón
        baker Marco Rubio") or within the first three words after a comma behind it, an
        article aside and an age set off before them too ("Marco Rubio, a baker in Valencia",
        "Marco Rubio, patrón de un arrastrero", "Marco Rubio, de 52 años, patrón ...")."""
        listed = self._entities[rule.entity].namesake_trades
        if not listed or h.tag:
            return None
        trades = _folded_words(listed)
        text = item.fields[h.field]
        word, at = _word_behind_at(text, h.start, titles_only=True)
        # past the person's own given names before a surname's hit ("El soldador Nicolás
        # Maduro": the surname alone reads the trade before the whole name)
        own = self._name_words(rule.entity)
        for _ in range(3):
            if not word or fold_key(word) not in own:
                break
            word, at = _word_behind_at(text, at, titles_only=True)
        if word and fold_key(word) in trades:
            return f"after {word!r}: a trade not his, somebody else of that name"
        end = _past_surname(text, h.end)  # a second surname aside ("Maduro Sánchez, welder")
        comma = end
        while comma < len(text) and text[comma] == " ":
            comma += 1
        # (the apposition's pattern only where a comma follows: most names go on otherwise)
        if comma < len(text) and text[comma] == "," and (
                after := _APPOSITION.match(text, end)) is not None:
            for word in after.group(1).split():
                if fold_key(word) in _ARTICLES:  # the sentence goes on ("Maduro, pide un
                    break  # cardiólogo"): no apposition's trade after a verb and its object
                if fold_key(word) in trades:
                    return (f"{word!r} after it: a trade not his, somebody else of that "
                            "name")
        return None

    def _relative(self, item: _Item, rule: _AliasRule, h: _H) -> str | None:
        """Why a person's name is a relative's here, or None: a generational suffix right after
        it that no alias of the entity has ('Osmar Pimenta Neto', 'Juan Pérez Hijo', 'John
        Smith III'): the son, the grandson, the nephew."""
        if self._entities[rule.entity].type != "person":
            return None
        word = _word_after(item.folded[h.field].text, h.fend)
        if word not in _GENERATIONAL or word in rule.own_words:
            return None
        after = _SPACED_WORD.match(item.fields[h.field], h.end)
        if after is None or not after.group(1).isupper():
            return None
        return f"followed by {word!r}: a relative of the same name"

    def _other_code(self, item: _Item, rule: _AliasRule, h: _H) -> str | None:
        """Why the alias is part of another code or an acronym spelt out as something else:
        ``MS13-098`` (a bulletin number), ``W15P7T-26-R-MS13`` (a solicitation number), ``MS
        13-year`` (a compound), ``$TRUMP`` (a ticker), ``MS - 13`` (a dateline's dash), ``LNFM
        (Liga Nacional de Fútbol de Mesa)``."""
        text = item.fields[h.field]
        alias = text[h.start : h.end]
        rest = text[h.end :]
        if alias[-1:].isdigit() and rest[:1] in ("-", "/", ".") and rest[1:2].isdigit():
            return f"followed by {rest[:4]!r}: part of a longer code"
        if alias[-1:].isdigit() and h.start > 1 and text[h.start - 1] == "-":
            # after a code's other segment: one with a digit, or a single capital ("26-R-MS13";
            # not a word, "anti-MS-13")
            seg = _SEGMENT_BEFORE.search(text, 0, h.start - 1)
            if seg is not None and (any(c.isdigit() for c in seg.group())
                                    or (len(seg.group()) == 1 and seg.group().isupper())):
                return f"after {seg.group() + '-'!r}: part of a longer code"
        before = _word_behind(text, h.start)
        if fold_key(before) in _CODE_WORDS:
            # a code named as one ("fault code MS-13", "código TdA")
            return f"after {before!r}: a code, not the name"
        if alias[-1:].isdigit() and _RANGE_BEFORE.search(text, max(0, h.start - 24), h.start):
            # the end of a range of codes ("shades MS-11 to MS-13")
            return "the end of a range of codes: a code, not the name"
        if h.start > 0 and text[h.start - 1] == "$" and not alias[:1].isdigit():
            return "a cashtag: a market ticker, not the name ($TRUMP)"
        if _SPACED_DASH.search(alias):  # "PASCAGOULA, MS - 13 shrimp boats": a dateline's dash
            return "a dash set off by spaces between its words: punctuation, not the name"
        if alias[-1:].isdigit() and " " in alias and rest[:1] == "-" and "a" <= rest[1:2] <= "z":
            # a number written apart from its letters and joined to a word after it; "MS-13-
            # linked", written as one code, stays the gang's
            return f"its number opens {rest[:8]!r}: a compound (\"MS 13-year study\")"
        words = _spelt_out(text, h.start, h.end)
        if words is None or _mostly_own(words, self._name_words(rule.entity)):
            return None  # (spelt out as this entity's own name, mostly)
        return f"spelt out as something else: ({' '.join(words)})"

    def _name_words(self, ei: int) -> frozenset[str]:
        """The folded words of an entity's name and aliases."""
        words = self._own_words.get(ei)
        if words is None:
            words = frozenset(w for n in (self._entities[ei].name, *_names(self._entities[ei]))
                              for w in fold_key(n).split(" "))
            self._own_words[ei] = words
        return words

    def _excluded(self, item: _Item, rule: _AliasRule, h: _H) -> str | None:
        """Why a candidate alias hit lies inside one of its entity's exclusions, or None."""
        if self._needs_aux[rule.entity]:
            for field, s, e, text in self._scan_aux(item).excluded.get(rule.entity, ()):
                # an alias that holds the whole exclusion and more is not inside it: "Cartel de
                # los Soles" with an exclusion "los Soles"
                if field == h.field and s < h.fend and h.fstart < e and not (
                        h.fstart <= s and e <= h.fend and e - s < h.fend - h.fstart):
                    return f"inside the exclusion {text!r}"
        return None

    def _missing_context(self, item: _Item, rule: _AliasRule) -> str | None:
        """Why a candidate alias hit lacks its context (``requires``), or None."""
        if self._needs_aux[rule.entity]:
            ctx = self._scan_aux(item).context.keys()
            for required in rule.requires:
                if not required & ctx:
                    shown = ", ".join(self._ctx_text[i] for i in sorted(required)[:6])
                    return f"no context term in the item (requires one of: {shown}, ...)"
        return None

    def _vetoed(self, item: _Item, rule: _AliasRule, hit: _H) -> str | None:
        """Why the item makes a candidate alias hit another thing of its name (``unless``), or
        None."""
        if self._needs_aux[rule.entity]:
            aux = self._scan_aux(item)
            # a veto the text denies at each place is none: "Paulo Coelho (the mayor, not the
            # writer)", "no es el escritor"; nor one written exactly as the alias hit is, an
            # unless term read in any case ('SpA', a company's suffix, for 'SPA'), nor one
            # inside the hit's own words: the name itself ("Nico Mercurio" is no planet for
            # an unless 'mercúrio', which folds to its surname)
            own = _surface(item, hit)
            vetoes = {v for v in rule.unless.intersection(aux.context) if not all(
                _denied(item, h, _BETWEEN_ARTICLES) or _surface(item, h) == own
                or (h.field == hit.field and hit.start <= h.start and h.end <= hit.end)
                for h in aux.context[v])}
            if vetoes:
                shown = ", ".join(self._ctx_text[i] for i in sorted(vetoes))
                return f"the item has {shown} (unless): about something else of that name"
        return None

    def _entity_matches(
        self, item: _Item, cands: list[tuple[_AliasRule, _H]], trace: list[str] | None
    ) -> tuple[EntityMatch, ...]:
        by_entity: dict[int, list[tuple[_AliasRule, _H]]] = {}
        # aliases rejected for another person's or thing's name around them
        named: dict[int, set[_AliasRule]] = {}
        # ... and the very words an exclusion took ("Form MS-13"): one sense per item, so the
        # same alias written the same way elsewhere ("the MS-13 form") is that thing too; not
        # for people, whose relatives share their name ("Maduro Guerra ... his father Maduro")
        taken: dict[int, set[tuple[_AliasRule, str]]] = {}
        wanting: list[tuple[_AliasRule, _H]] = []
        listed: list[tuple[_AliasRule, _H]] = []
        # the words an alias's `unless` vetoed where it is written exactly as they are ("ISIS"
        # beside "think tank"): another alias of the entity that reads them only by a case rule
        # ("Isis", capitalised, with its own context) reads the same thing; one that spells them
        # so ("Tren de Aragua" where "tren de Aragua" has a railway veto) keeps its own rules
        vetoed: dict[tuple[int, str, int, int], str] = {}
        for rule, h in cands:
            why = (self._name_before(item, rule, h) or self._age_unfit(item, rule, h)
                   or self._trade_unfit(item, rule, h))
            # "Trump Card" names a thing, unless capitals say nothing ("TRUMP'S TRUMP CARD")
            if why is None:
                why = self._thing_after(item, rule, h) or self._other_code(item, rule, h)
                named_here = why is not None and not _is_headline(item, h.field)
            else:
                named_here = True
            if named_here:
                named.setdefault(rule.entity, set()).add(rule)
            if why is None:
                # only this hit: relatives share a surname ('Maduro Guerra ... Maduro's son')
                why = (self._name_after(item, rule, h) or self._relative(item, rule, h)
                       or self._second_surname(item, rule, h)
                       or self._surname_first(item, rule, h)
                       or _common_word(item, rule, h)
                       or _quote_opens_inside(item.fields[h.field], h.start, h.end)
                       or self._surname_of(item, rule, h) or self._nickname(item, rule, h)
                       or self._firm_spelling(item, h))
            if why is None:
                why = self._excluded(item, rule, h)
                if why is not None and self._entities[rule.entity].type != "person":
                    taken.setdefault(rule.entity, set()).add((rule, _surface(item, h)))
            if why is None:
                missing = self._missing_context(item, rule)
                veto = self._vetoed(item, rule, h)
                if (missing is not None and veto is None and rule.named_context
                        and not rule.listed):
                    wanting.append((rule, h, missing))  # unless the item names its story
                    continue
                why = missing or veto
                if veto is not None:
                    item.vetoed.append((rule, h, why))
                    if _spelt_as_written(item, rule, h):
                        vetoed[(rule.entity, h.field, h.start, h.end)] = rule.label
            if why is not None:
                if trace is not None:
                    trace.append(
                        f"{self._entities[rule.entity].id}: {_where(h, item.fields[h.field])} "
                        f"alias {rule.label!r} rejected: {why}"
                    )
                continue
            if rule.listed:
                listed.append((rule, h))  # once the entities found by their own rules are known
                continue
            by_entity.setdefault(rule.entity, []).append((rule, h))
        if vetoed:
            by_entity = self._unvetoed(item, by_entity, vetoed, trace)
            wanting = [w for w in wanting if _vetoed_as(item, vetoed, w[0], w[1]) is None]
        for ei in named.keys() | taken.keys():
            found = by_entity.get(ei)
            rejected = named.get(ei, set())
            same = taken.get(ei, set())
            if not found or any(
                r not in rejected and (r, _surface(item, h)) not in same for r, h in found
            ):
                continue  # nothing left, or confirmed by another alias
            del by_entity[ei]
            if trace is not None:
                spots = "; ".join(_where(h, item.fields[h.field]) for _, h in found)
                trace.append(
                    f"{self._entities[ei].id}: dropped {spots}: the item names another person "
                    "or thing of this name and nothing confirms this one"
                )
        if listed:
            self._listed(item, listed, by_entity, trace)
        # a name short of context counts when another entity of its file is found in the item
        # ("la jueza Moreno congela cuentas del Alameda"); not a low-priority one, a name of
        # every kind of news (the seed's Donald Trump)
        sure = {ei for ei in by_entity if self._entities[ei].priority != "low"}
        # two or more entities of one file, each short only of context, no acronym, stand for
        # each other ("Judge accepts charges against Leme, Prata and Cordeiro"), and for no one
        # else: a third alias needs one found by its own rules
        short = {rule.entity for rule, _, _ in wanting
                 if not rule.acronym and self._entities[rule.entity].priority != "low"}
        # ... and so do two different names of one entity, each short only of context, no
        # acronym ("Batista, alias 'Mochilão', dice que cobraba 2.000 dólares por viaje"): a
        # surname and a nickname, or a name and its short form, written apart
        twice = _named_twice(item, [(rule, h) for rule, h, _ in wanting if not rule.acronym])
        for rule, h, why in wanting:
            story = self._list_of[rule.entity]
            rank = PRIORITY_RANK[self._entities[rule.entity].priority] if rule.acronym else 0
            peers = sorted(self._entities[o].id for o in sure
                           if o != rule.entity and self._list_of[o] == story
                           and (PRIORITY_RANK[self._entities[o].priority] >= rank
                                or self._entities[o].type == "person"))
            mutual = not peers and rule.entity in short
            if mutual:
                peers = sorted(self._entities[o].id for o in short
                               if o != rule.entity and self._list_of[o] == story)
            if not peers and rule.entity in twice and not rule.acronym:
                by_entity.setdefault(rule.entity, []).append((rule, h))
                if trace is not None:
                    trace.append(
                        f"{self._entities[rule.entity].id}: {_where(h, item.fields[h.field])} "
                        f"alias {rule.label!r}: {why}, but the item also names it otherwise "
                        f"({next(w for w in twice[rule.entity] if w != _surface(item, h))!r}), "
                        "short only of context too: each counts for the other")
                continue
            if not peers:
                item.short.append((rule, h, why))  # unless a topic of its file is reported
                continue
            by_entity.setdefault(rule.entity, []).append((rule, h))
            if trace is not None:
                also = ", also short only of context: each counts for the other" if mutual else ""
                trace.append(
                    f"{self._entities[rule.entity].id}: {_where(h, item.fields[h.field])} alias "
                    f"{rule.label!r}: {why}, but the item names {', '.join(peers)} of the same "
                    f"watchlist{also}: counted")
        kept = item.entities = {} if self._entity_terms else None
        out = [self._entity_match(item, ei, found, kept, trace) for ei, found in by_entity.items()]
        out.sort(key=lambda m: m.entity_id)
        return tuple(out)

    def _listed(
        self, item: _Item, listed: list[tuple[_AliasRule, _H]],
        by_entity: dict[int, list[tuple[_AliasRule, _H]]], trace: list[str] | None,
    ) -> None:
        """Add to ``by_entity`` each hit of a ``listed: true`` alias that is a name of a list
        beside (after a comma, "and", "y", "vs.", a dash...) a hit of another entity of the same
        kind and watchlist file, not of priority low, found by its own rules: "Tren de Aragua,
        Sinaloa y CJNG", "the designations of CJNG and Sinaloa"; or beside such a name counted
        so, along the list ("el Golfo, el Noreste y la Familia Michoacana")."""
        own = {ei: [h for _, h in found] for ei, found in by_entity.items()}
        counted: dict[int, list[str]] = {}
        more = True
        while more:
            more = False
            for i, (rule, h) in enumerate(listed):
                if i in counted or h.tag:  # (a #hashtag's or @handle's part is no list's name)
                    continue
                beside = sorted(
                    self._entities[o].id for o, hits in own.items() if o != rule.entity
                    and any(self._beside_in_list(item, rule.entity, h, o, other)
                            for other in hits))
                if beside:
                    counted[i] = beside
                    own.setdefault(rule.entity, []).append(h)
                    more = True
        self._listed_together(item, listed, counted)
        for i, (rule, h) in enumerate(listed):
            entity = self._entities[rule.entity]
            text = item.fields[h.field]
            beside = counted.get(i, [])
            if trace is not None:
                where = f"{entity.id}: {_where(h, text)} alias {rule.label!r}"
                trace.append(
                    f"{where}: listed beside {', '.join(beside)} of the same watchlist: counted"
                    if beside else f"{where} rejected: not listed beside another {entity.type} "
                    "of its watchlist found in the item (listed: true)")
            if beside:
                by_entity.setdefault(rule.entity, []).append((rule, h))

    def _beside_in_list(self, item: _Item, ea: int, ha: _H, eb: int, hb: _H) -> bool:
        """Whether hit ``hb`` of entity ``eb`` stands right beside hit ``ha`` of entity ``ea`` in
        one list of names: in the same field, no tag's part, of the same watchlist file and
        kind, ``eb`` not of priority low, nothing but ``_LIST_JOINT`` between them."""
        return (hb.field == ha.field and not hb.tag
                and self._list_of[eb] == self._list_of[ea]
                and self._entities[eb].type == self._entities[ea].type
                and self._entities[eb].priority != "low"
                and _listed_beside(item.fields[ha.field], ha, hb))

    def _listed_together(self, item: _Item, listed: list[tuple[_AliasRule, _H]],
                         counted: dict[int, list[str]]) -> None:
        """Add to ``counted`` the names of one list that stand for each other with no name found
        by its own rules: three entities or more of one watchlist file and kind, none of
        priority low, each listed beside the next ("Sinaloa, Jalisco, Northeast and Gulf
        groups"); two such names alone may be places ("Sinaloa y Jalisco")."""
        open_ = [i for i, (rule, h) in enumerate(listed) if i not in counted and not h.tag
                 and self._entities[rule.entity].priority != "low"]
        seen: set[int] = set()
        for first in open_:
            if first in seen:
                continue
            chain, todo = {first}, [first]
            while todo:  # the names reached from ``first`` by one listed beside the next
                a = todo.pop()
                ra, ha = listed[a]
                for b in open_:
                    rb, hb = listed[b]
                    if b not in chain and self._beside_in_list(item, ra.entity, ha, rb.entity,
                                                               hb):
                        chain.add(b)
                        todo.append(b)
            seen |= chain
            entities = {listed[i][0].entity for i in chain}
            if len(entities) < 3:
                continue
            for i in chain:
                counted[i] = sorted({self._entities[listed[o][0].entity].id for o in chain
                                     if listed[o][0].entity != listed[i][0].entity})

    def _entity_match(
        self, item: _Item, ei: int, found: list[tuple[_AliasRule, _H]],
        kept: dict[int, list[_H]] | None, trace: list[str] | None,
    ) -> EntityMatch:
        entity = self._entities[ei]
        if kept is not None:
            kept[ei] = [h for _, h in found]
        hits = self._hits(item, (h for _, h in found))
        about = len(hits) >= 2 or any(h.field == "title" for h in hits)
        salience: Salience = "about" if about else "mention"
        if trace is not None:
            spots = "; ".join(
                f"{h.text!r} at {h.field}[{h.start}:{h.end}] (alias {h.alias!r}"
                + self._how(h) for h in hits
            )
            trace.append(f"{entity.id}: matched ({salience}): {spots}"
                         + self._context_shown(item, ei, found))
        return EntityMatch(entity.id, entity.name, entity.type, entity.priority, salience, hits)

    def _context_shown(self, item: _Item, ei: int, found: list[tuple[_AliasRule, _H]]) -> str:
        """For ``explain``: the context terms the item holds for the matched alias rules that
        require some (" (context: doação, Pentágono)"), so that an analyst sees which word let
        a name that needs context through; empty when none of them requires any, or when the
        rule was let through by another entity or topic of its watchlist instead."""
        if not self._needs_aux[ei]:
            return ""
        ctx = self._scan_aux(item).context.keys()
        names = sorted({self._ctx_text[i] for rule, _ in found for required in rule.requires
                        for i in required & ctx})
        return f" (context: {', '.join(names[:8])}{', ...' if len(names) > 8 else ''})" \
            if names else ""

    def _veto_near(self, item: _Item, rule: _AliasRule, h: _H) -> bool:
        """Whether an ``unless`` term of the rule stands within ``VETO_NEAR`` characters of
        the hit ("ANAC brasileira", "Medusa ransomware"), or in another field, which says what
        the title's name is ("FPF fines Porto" / "Portugal's football federation ..."): it names
        the thing the hit is, whatever a topic read."""
        aux = self._scan_aux(item)
        return any(v.field != h.field or (v.start - VETO_NEAR < h.end
                                          and h.start - VETO_NEAR < v.end)
                   for t in rule.unless.intersection(aux.context) for v in aux.context[t])

    def _reported_story(
        self, item: _Item, entities: tuple[EntityMatch, ...], topics: tuple[TopicMatch, ...],
        terms: dict[int, list[_H]], trace: list[str] | None,
    ) -> tuple[tuple[EntityMatch, ...], tuple[TopicMatch, ...]]:
        """A name short only of context counts when the item reports a topic of its watchlist
        file ("Alba liquidation: who gets paid first?" under a topic on the scheme's collapse):
        the story's own event is its context, as another of its entities would be; an acronym
        or a person's name only where the topic matched with that very word among its hits.
        Topics with conditions on entities are then matched again with it."""
        files = {self._topic_file[t.topic_id]: t.topic_id for t in topics
                 if t.topic_id not in item.acts}
        matched = {m.entity_id for m in entities}
        told = self._told_with_short(item, files, matched, terms, entities)
        files.update(told)
        added: dict[int, list[tuple[_AliasRule, _H]]] = {}
        # the very words a topic of the file matched on as one of its own terms: the analyst
        # wrote the name into the topic's rule ("Rubio" among a strike's US actors)
        spans = {(x.field, x.start, x.end) for t in topics if t.topic_id not in item.acts
                 for x in t.hits}
        for rule, h, why in item.short:
            entity = self._entities[rule.entity]
            topic_id = files.get(self._list_of[rule.entity])
            counted = topic_id is not None and entity.id not in matched and (
                self._may_stand(rule, matched) or (h.field, h.start, h.end) in spans)
            if counted:
                added.setdefault(rule.entity, []).append((rule, h))
            if trace is not None:
                where = f"{entity.id}: {_where(h, item.fields[h.field])} alias {rule.label!r}"
                act = next((t.topic_id for t in topics if t.topic_id in item.acts
                            and self._topic_file[t.topic_id] == self._list_of[rule.entity]), None)
                trace.append(
                    f"{where}: {why}, but the item reports {topic_id} of the same watchlist"
                    + (" with it, on other words too" if self._list_of[rule.entity] in told
                       else "") + ": counted" if counted else
                    f"{where} rejected: {why}, and no other entity or topic of its watchlist "
                    "is found" + (f" ({act} only by another word of its act, which stands "
                                  "for no name)" if act and topic_id is None else ""))
        for rule, h, why in item.vetoed:
            # a name an unless term vetoed, which a topic of its file matched on as one of its
            # own terms ("el Comando Sur destrozó un peñero" beside a road police's closure):
            # the topic's rule read it as the story's actor, unless the vetoing word stands
            # right beside it
            entity = self._entities[rule.entity]
            topic_id = files.get(self._list_of[rule.entity])
            if (topic_id is None or entity.id in matched or rule.entity in added
                    or (h.field, h.start, h.end) not in spans or self._veto_near(item, rule, h)):
                continue
            added[rule.entity] = [(rule, h)]
            if trace is not None:
                trace.append(f"{entity.id}: {_where(h, item.fields[h.field])} alias "
                             f"{rule.label!r}: {why}, but the item reports {topic_id} of the "
                             "same watchlist with this very name among its terms: counted")
        if not added:
            return entities, topics
        # item.short is filled by _entity_matches, which set item.entities (a dict when topics
        # have conditions on entities, else None)
        kept = item.entities
        more = [self._entity_match(item, ei, found, kept, trace) for ei, found in added.items()]
        entities = tuple(sorted((*entities, *more), key=lambda m: m.entity_id))
        if self._entity_terms:
            self._entity_found(item, terms, added)
            topics = self._topic_matches(item, terms, entities, None)
        return entities, topics

    def _may_stand(self, rule: _AliasRule, matched: set[str]) -> bool:
        """Whether a hit of ``rule`` short only of context may count for a topic of its file
        that the item reports: not an acronym, nor a person's name, which are also other
        things and other people in news of the same kind ("Lima", "Salvador", "CDS")."""
        entity = self._entities[rule.entity]
        return entity.id not in matched and not rule.acronym and entity.type != "person"

    def _told_with_short(
        self, item: _Item, files: dict[int, str], matched: set[str],
        terms: dict[int, list[_H]], entities: tuple[EntityMatch, ...],
    ) -> dict[int, str]:
        """The watchlist files (each with one of its topics) whose topic, with a condition on
        its entities, holds once the names of the file short only of context that may count
        (``_may_stand``) are taken as found, on at least one hit besides theirs: the item tells
        the story's event with the name ("Vítimas da Brisa marcham em Quito" under a topic on
        the victims that needs an entity of the file), which is the name's context as much as
        the topic reported on its own would be. Not for files that report a topic already."""
        if not self._entity_terms:
            return {}
        short: dict[int, list[_H]] = {}
        for rule, h, _why in item.short:
            if self._list_of[rule.entity] not in files and self._may_stand(rule, matched):
                short.setdefault(rule.entity, []).append(h)
        if not short:
            return {}
        # the topics read again with the names, on the analyst's own words (a topic found only
        # by another word of its act may hold so: "Começa julgamento do dono da Halcón" under
        # a topic of a trial of the file's names)
        trial = {t: kept for t, hs in terms.items()
                 if (kept := [h for h in hs if h.form < _ACT_WORD])}
        found, acts = item.entities, item.acts
        item.entities = {**(found or {}), **short}
        item.acts = set()
        try:
            self._entity_found(item, trial, short.keys())
            held = self._topic_matches(item, trial, entities, None)
            by_act = item.acts  # told only by another word of its act: no name's
        finally:
            item.entities, item.acts = found, acts
        theirs = {(h.field, h.start, h.end) for hs in short.values() for h in hs}
        told: dict[int, str] = {}
        for topic in held:
            if topic.topic_id not in by_act and any(
                    (h.field, h.start, h.end) not in theirs for h in topic.hits):
                told.setdefault(self._topic_file[topic.topic_id], topic.topic_id)
        return told

    def _unvetoed(
        self, item: _Item, by_entity: dict[int, list[tuple[_AliasRule, _H]]],
        vetoed: dict[tuple[int, str, int, int], str], trace: list[str] | None,
    ) -> dict[int, list[tuple[_AliasRule, _H]]]:
        """``by_entity`` without the hits on words another alias's ``unless`` vetoed."""
        out = {}
        for ei, found in by_entity.items():
            kept = []
            for rule, h in found:
                other = _vetoed_as(item, vetoed, rule, h)
                if other is None:
                    kept.append((rule, h))
                elif trace is not None:
                    trace.append(
                        f"{self._entities[ei].id}: {_where(h, item.fields[h.field])} alias "
                        f"{rule.label!r} rejected: the same words as alias {other!r}, which "
                        "the item's terms say is about something else")
            if kept:
                out[ei] = kept
        return out

    def _how(self, h: Hit) -> str:
        """How a hit spells its alias, for ``explain``: as is, with one edit, or coordinated
        with another name ("Sinaloa and Jalisco cartels")."""
        text = fold_key(h.text)
        if text in self._exact(h.alias):
            return ")"
        if not _CONJUNCTIONS.isdisjoint(text.split(" ")):
            return ", coordinated)"
        return ", one edit)"

    @staticmethod
    @cache
    def _exact(alias: str) -> frozenset[str]:
        """The spellings an alias matches without an edit (for ``explain``)."""
        return frozenset(spellings(alias.rstrip("*")))

    @staticmethod
    def _hits(item: _Item, hs: Iterable[_H]) -> tuple[Hit, ...]:
        """Hits in field then text order; a hit inside a longer hit of the same owner is dropped."""
        order = {name: i for i, name in enumerate(item.folded)}
        # at one span, the alias spelt as the text wins, then the first by name: never the
        # set's order, which changes with each process's string hashing
        ranked = sorted(set(hs), key=lambda h: (
            order[h.field], h.start, -h.end,
            h.label.casefold() != item.fields[h.field][h.start : h.end].casefold(), h.label))
        out: list[Hit] = []
        last: _H | None = None
        for h in ranked:
            if last is not None and last.field == h.field and h.end <= last.end:
                continue
            last = h
            text = item.fields[h.field]
            out.append(Hit(h.label, h.field, h.start, h.end, text[h.start : h.end]))
        return tuple(out)

    # --- topics ----------------------------------------------------------------------------------

    def _topic_matches(
        self, item: _Item, terms: dict[int, list[_H]], entities: tuple[EntityMatch, ...],
        trace: list[str] | None,
    ) -> tuple[TopicMatch, ...]:
        out = []
        forms = {h.form for hs in terms.values() for h in hs}
        # the files of the entities found: the item's stories
        files = ({self._entity_file[m.entity_id] for m in entities} if forms - {0}
                 else set())
        # another form of a term's verb counts in its story (with an entity of its file);
        # outside it an English verb's not at all, a Spanish or Portuguese one's beside another
        # term of the topic (``_beside_others``)
        story = files if self._inflected and (
            _VERB_FORM in forms or _ROMANCE_FORM in forms) else None
        # another word of its act counts anywhere, but stands for no name outside its story
        acts = _ACT_WORD in forms or _ROMANCE_FORM in forms
        for topic_id, name, fields, rule in self._topics:
            if trace is None and _misses(rule, terms):
                continue
            found = terms
            if fields is not None:
                found = {}
                for k, hs in terms.items():
                    kept = [h for h in hs if h.field in fields]
                    if kept:
                        found[k] = kept
            if story is not None and self._topic_file[topic_id] not in story:
                if trace is not None:
                    trace.extend(
                        f"{topic_id}: {_where(h, item.fields[h.field])} term {h.label!r} not "
                        "counted: another form of its verb, and no entity of its watchlist "
                        "file is found"
                        for hs in found.values() for h in hs if h.form == _VERB_FORM)
                found = {k: kept for k, hs in found.items()
                         if (kept := [h for h in hs if h.form != _VERB_FORM])}
                found = self._beside_others(item, topic_id, rule, found, trace)
            found = self._unspelt(item, topic_id, found, trace)
            why: list[str] | None = [] if trace is not None else None
            hits = self._eval(rule, found, item, why, _Every(self, item, found, fields))
            # an entity's hits are never denied: the objects under its conditions' ids (not by
            # label, which a topic term could spell the same)
            own = {id(h) for t in self._entity_ids.intersection(found) for h in found[t]}
            while hits is not None:  # a term the text denies ('not seized') does not count
                denied = {h: cue for h in hits
                          if id(h) not in own and (cue := _denied(item, h))}
                if not denied:
                    break
                if trace is not None:
                    trace.extend(
                        f"{topic_id}: {_where(h, item.fields[h.field])} term {h.label!r} "
                        f"not counted: denied by {cue!r}" for h, cue in denied.items())
                found = {k: kept for k, hs in found.items()
                         if (kept := [h for h in hs if h not in denied])}
                hits = self._eval(rule, found, item, why, _Every(self, item, found, fields))
            if hits is not None:
                out.append(TopicMatch(topic_id, name, self._hits(item, hits)))
                if acts and self._topic_file[topic_id] not in files and any(
                        h.form >= _ACT_WORD for h in hits):
                    plain = {k: kept for k, hs in found.items()
                             if (kept := [h for h in hs if h.form < _ACT_WORD])}
                    every = _Every(self, item, plain, fields)
                    if self._eval(rule, plain, item, None, every) is None:
                        item.acts.add(topic_id)
                if trace is not None:
                    shown = ", ".join(sorted({h.label for h in hits}))
                    trace.append(f"{topic_id}: matched: terms {shown}")
            elif why is not None and trace is not None and _mentions(rule, found):
                trace.append(f"{topic_id}: not matched: {'; '.join(why)}")
        out.sort(key=lambda m: m.topic_id)
        return tuple(out)

    def _beside_others(self, item: _Item, topic_id: str, rule: _Rule,
                       found: dict[int, list[_H]], trace: list[str] | None,
                       ) -> dict[int, list[_H]]:
        """``found`` outside the topic's story: a Spanish or Portuguese verb's other form
        ("Clausuran", "cassa") counts only beside a hit of another term of the topic's rule
        (elsewhere "suspende" suspends classes for a storm)."""
        romance = [k for k, hs in found.items() if any(h.form == _ROMANCE_FORM for h in hs)]
        if not romance:
            return found
        own = self._topic_terms.get(topic_id)
        if own is None:  # (every term id under the rule: walked once per topic, not per item)
            own = self._topic_terms[topic_id] = frozenset(_rule_terms(rule))
        at = {(h.field, h.start) for k in romance for h in found[k] if h.form == _ROMANCE_FORM}
        if any(k in own and any(h.form != _ROMANCE_FORM and (h.field, h.start) not in at
                                for h in hs)
               for k, hs in found.items() if k not in self._entity_ids):
            return found
        if trace is not None:
            trace.extend(
                f"{topic_id}: {_where(h, item.fields[h.field])} term {h.label!r} not counted: "
                "another form of its verb, outside its story and beside no other term of the "
                "topic" for k in romance for h in found[k] if h.form == _ROMANCE_FORM)
        return {k: kept for k, hs in found.items()
                if (kept := [h for h in hs if h.form != _ROMANCE_FORM])}

    def _unspelt(self, item: _Item, topic_id: str, found: dict[int, list[_H]],
                 trace: list[str] | None) -> dict[int, list[_H]]:
        """``found`` without the acronyms the item spells out as something else than the
        topic's words ('Feira de Tecnologia de Osasco (FTO)', 'Fair Trade Organic (FTO)'); one
        spelt out as them ('Foreign Terrorist Organization (FTO)') stays."""
        spelt: dict[int, list[str]] = {}
        for k, hs in found.items():
            if k in self._entity_ids:
                continue
            for h in hs:
                text = item.fields[h.field]
                if h.end - h.start < 2 or not text[h.start : h.end].isupper():
                    continue
                words = _spelt_out(text, h.start, h.end)
                if words is not None and not _mostly_own(words, self._topic_words(topic_id)):
                    spelt[id(h)] = words
        if not spelt:
            return found
        if trace is not None:
            trace.extend(
                f"{topic_id}: {_where(h, item.fields[h.field])} term {h.label!r} not counted: "
                f"spelt out as something else ({' '.join(spelt[id(h)])})"
                for hs in found.values() for h in hs if id(h) in spelt)
        return {k: kept for k, hs in found.items()
                if (kept := [h for h in hs if id(h) not in spelt])}

    def _topic_words(self, topic_id: str) -> frozenset[str]:
        """The folded words of a topic's name and terms."""
        words = self._own_topic_words.get(topic_id)
        if words is None:
            name, rule = next((n, r) for t, n, _f, r in self._topics if t == topic_id)
            texts = [name, *(self._term_text[t] for t in _rule_terms(rule))]
            words = frozenset(w for x in texts for w in _spelling_words(x))
            self._own_topic_words[topic_id] = words
        return words

    def _eval(
        self, rule: _Rule, found: dict[int, list[_H]], item: _Item, why: list[str] | None,
        every: _Every,
    ) -> list[_H] | None:
        """The hits that satisfy ``rule``, or None (and the reason in ``why``) if it fails."""
        hits: list[_H] = []
        for t in rule.all_terms:
            hs = found.get(t)
            if not hs:
                if why is not None:
                    why.append(f"term {self._term_text[t]!r} absent")
                return None
            hits.extend(hs)
        for sub in rule.all_rules:
            if why is None and _misses(sub, found):
                return None
            hs = self._eval(sub, found, item, why, every)
            if hs is None:
                return None
            hits.extend(hs)
        if rule.any_terms or rule.any_rules:
            ok = False
            for t in rule.any_terms.intersection(found):
                ok = True
                hits.extend(found[t])
            for sub in rule.candidates(found):
                if ok:
                    break
                for need in sub.quick:  # _misses, inline: most sub-rules stop here
                    if need.isdisjoint(found):
                        break
                else:
                    hs = self._eval(sub, found, item, None, every)
                    if hs is not None:
                        ok = True
                        hits.extend(hs)
            if not ok:
                if why is not None:
                    why.append(f"none of any_of {self._show(rule.any_terms, rule.any_rules)}")
                return None
        if rule.none_terms or rule.none_rules:
            full = every()
            present = rule.none_terms.intersection(full)
            if present or any(
                self._eval(r, full, item, None, every) is not None for r in rule.none_rules
            ):
                if why is not None:  # the terms it holds by, a nested rule's too
                    held = {h.label for r in rule.none_rules
                            for h in self._eval(r, full, item, None, every) or ()}
                    names = sorted({self._term_text[t] for t in present} | held)
                    why.append(f"a none_of condition holds [{', '.join(names)}]")
                return None
        if rule.near is not None:
            near_hits = self._near(rule.near, found, item)
            if near_hits is None:
                if why is not None:
                    shown = " / ".join(self._show(g, ()) for g in rule.near.groups)
                    how = "".join((
                        " in order" if rule.near.in_order else "",
                        " across fields" if rule.near.across_fields else "",
                    ))
                    why.append(f"near {shown} within {rule.near.within} words{how} not satisfied")
                return None
            hits.extend(near_hits)
        return hits

    @staticmethod
    def _near(near: _NearRule, found: dict[int, list[_H]], item: _Item) -> list[_H] | None:
        per_group = []
        for group in near.groups:
            hs = [h for t in group.intersection(found) for h in found[t]]
            if not hs:
                return None
            per_group.append(hs)
        # fields in reading order: title, summary, content, then any other in the item's order
        ranked = sorted(item.folded, key=lambda n: _FIELD_RANK.get(n, len(_FIELD_RANK)))
        order = {name: i for i, name in enumerate(ranked)}
        for combo in itertools.islice(itertools.product(*per_group), 10000):
            field = combo[0].field
            same = all(h.field == field for h in combo)
            if not same and not near.across_fields:
                continue
            # each term its own words: "lista" is not near "lista de terroristas" by being
            # part of it
            if any(a.field == b.field and a.fstart < b.fend and b.fstart < a.fend
                   for a, b in itertools.combinations(combo, 2)):
                continue
            places = [(order[h.field], h.fstart) for h in combo]
            if near.in_order and any(a >= b for a, b in itertools.pairwise(places)):
                continue
            if same:
                first = min(h.fstart for h in combo)
                last = max(h.fstart for h in combo)
                if near.within <= 1 and _SENTENCE_BREAK.search(
                        item.fields[field], min(h.end for h in combo),
                        max(h.start for h in combo)):
                    continue  # a phrase does not run across a sentence's end ("crews.
                    # Struck." is no "crews struck")
                # words beyond within + 1 are not counted: the test below reads the same; in a
                # phrase (within: 1) a term of several words counts as one ("the Bocas de
                # Ceniza strike": the place right before the strike)
                text = item.folded[field].text
                extra = 0 if near.within > 1 else sum(
                    len(text[h.fstart:h.fend].split()) - 1 for h in combo if h.fstart != last)
                words = len(text[first:last].split(None, near.within + 1 + extra)) - extra
            else:
                texts = [item.folded[name].text for name in ranked]
                words = _words_between(texts, min(places), max(places))
            if words <= near.within:
                return list(combo)
        return None

    def _show(self, terms: Iterable[int], rules: tuple[_Rule, ...]) -> str:
        names = sorted(self._term_text[t] for t in terms)
        shown = names[:5] + (["..."] if len(names) > 5 else []) + ["(rule)"] * bool(rules)
        return "[" + ", ".join(shown) + "]"


# where _zeros_as_o may change something: a zero (or a run of them) between letters, after two
# letters, or before two letters and after no digit ("madur0", "C0MMAND", "0bama", "G00gle";
# not "10th", "1990s", "100km", "f00012", "于100没有"). The pattern opens on the zero, which the
# engine finds fast; a class first would test every character of a long body. It must hold
# wherever _zeros_as_o changes a word (a word of three letters or more, zeros its only digits).
_ZERO_HINT = re.compile(
    r"0(?:(?<=[^\W\d_]{2}0)|(?<=[^\W\d_]0)0*[^\W\d_]|(?<!\d0)0*[^\W\d_]{2})")
# ... and a one, a three or a four alone between two letters ("M4duro", "Tr3n de Aragua"; two
# letters on one side: a hex "0x1F" costs nothing), a pattern of its own that opens on the digit
_LEET_HINT = re.compile(
    r"[134](?:(?<=[^\W\d_]{2}[134])(?=[^\W\d_])|(?<=[^\W\d_][134])(?=[^\W\d_]{2}))")
# the letters social media types as digits: zero, one, three and four
_DIGIT_LETTERS = str.maketrans("0134", "oiea")
_DIGIT_CAPITALS = str.maketrans("0134", "OIEA")
_NO_TYPED_DIGITS = str.maketrans("", "", "0134")


# an age right after a name: ", 19," or ", 52 años", "(19)", ", estudiante de 23 años", ", a
# 41-year-old"; not a count of years after it (", 3 years after his capture")
_AGE_AFTER = re.compile(
    r"\s*(?:,\s*(\d{1,3})(?=\s*[,;)]|\s*$|\s+(?:años|anos|years old)\b)"
    r"|\(\s*(\d{1,3})\s*\)"
    r"|,\s*(?:[^\W\d_]+\s+){0,3}(?:de|con|com)\s+(\d{1,3})\s+(?:años|anos)\b"
    r"|,\s*(?:(?:an?|un|una|um|uma)\s+)?(\d{1,3})-year-old\b)")
# ... and before it: "a 17-year-old named Donald Trump", "17-year-old pitcher Marco Rubio"
_AGE_BEFORE = re.compile(r"\b(\d{1,3})-year-old\s+(?:[^\W\d_]+\s+){0,2}$")


# the word right before a name, and the first words of an apposition after its comma (up to
# three after an article, to the next mark: "Marco Rubio, a Florentine art historian, says"),
# an age set off before them aside ("Marco Rubio, de 52 años, patrón de un arrastrero", "John
# Smith, 52, a fisherman") (a possessive inside the apposition's words: "Mérida's paediatrician")
_APPOSITION = re.compile(
    r"\s*,\s*(?:(?:de\s+|aged\s+|com\s+)?\d{1,3}(?:\s+(?:años|anos|years(?:\s+old)?))?\s*,\s*)?"
    r"(?:(?:an?|the|una?|el|la|um|uma|o)\s+)?"
    r"((?:[^\W\d_]+(?:['\u2019-][^\W\d_]+)*\s+){0,2}[^\W\d_]+(?:['\u2019-][^\W\d_]+)*)",
    re.IGNORECASE)


def _word_behind(text: str, start: int) -> str:
    """The word right before ``start`` across spaces, a title's stop read ("Dr. Maduro"), its
    hyphens kept ("guarda-redes Maduro"); "" if a mark or nothing comes first. (A walk back,
    not a search: it runs for every hit of a person's name.)"""
    return _word_behind_at(text, start)[0]


def _word_behind_at(text: str, start: int, titles_only: bool = False) -> tuple[str, int]:
    """``_word_behind`` and where that word starts (``start`` when there is none); with
    ``titles_only``, a word of more than three letters before a stop is a sentence's end, not
    a title ("... spring sculptor. Marco Rubio spoke"), and no word is read."""
    i = start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i == start:
        return "", start
    stop = i > 0 and text[i - 1] == "."
    if stop:
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalpha() or (text[j - 1] == "-" and j - 1 > 0
                                                and text[j - 2].isalpha())):
        j -= 1
    if stop and titles_only and i - j > 3:
        return "", start
    return text[j:i].strip("-"), j


@cache
def _folded_words(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold_key(w) for w in words)


_SURNAME_AFTER = re.compile(r" ([^\W\d_][^\W\d_A-Z]+)(?=\s*,)")


def _past_surname(text: str, end: int) -> int:
    """Where a name that ends at ``end`` ends with one more capitalised word before a comma
    (a second surname the aliases do not list: "Nicolás Maduro Sánchez, 31"), or ``end``."""
    m = _SURNAME_AFTER.match(text, end)
    return m.end() if m is not None and m.group(1)[0].isupper() else end


def _age_beside(text: str, start: int, end: int) -> int | None:
    """The age ``text`` writes right beside the name at ``start:end`` (a second surname
    aside), if any."""
    m = _AGE_AFTER.match(text, _past_surname(text, end))
    if m is None:
        m = _AGE_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return None
    age = int(next(g for g in m.groups() if g is not None))
    return age if 0 < age < 120 else None


def _names(entity: Entity) -> list[str]:
    """An entity's aliases that are names: not a phrase the watchlist writes in small letters
    around a name ("juicio a maduro", "trump tariffs"), whose other words are no part of it."""
    return [a.alias for a in entity.aliases if not a.alias.islower()]


def _typed_letter(word: str, i: int) -> bool:
    """Whether the digit at ``word[i]`` stands alone between two letters, with a second letter
    on one side ("M4duro", "Tr3n"; not "H1N1", "MS13", "x1F")."""
    return (0 < i < len(word) - 1 and word[i - 1].isalpha() and word[i + 1].isalpha()
            and ((i >= 2 and word[i - 2].isalpha())
                 or (i + 2 < len(word) and word[i + 2].isalpha())))


def _zeros_as_o(text: str) -> str:
    """``text`` with a zero typed for an o read as one ("madur0", "rubi0", "U.S. SOUTHERN
    C0MMAND"), and a four, a three or a one for an a, an e or an i ("M4duro", "Tr3n"): in a
    word of three letters or more with no other digit, not joined to another by a dot ("A380",
    "G20", "100km", "v2.0", "MS13" stay). Same length: offsets hold."""
    chars: list[str] | None = None
    n = len(text)
    starts = sorted({m.start() for hint in (_ZERO_HINT, _LEET_HINT) for m in hint.finditer(text)})
    for at in starts:
        a = b = at
        while a > 0 and text[a - 1].isalnum():
            a -= 1
        while b < n and text[b].isalnum():
            b += 1
        word = text[a:b]
        if (a > 1 and text[a - 1] == "." and text[a - 2].isalnum()) or (
                b + 1 < n and text[b] == "." and text[b + 1].isalnum()):
            continue  # "v2.0", "1.0beta": part of a version or a number
        rest = word.translate(_NO_TYPED_DIGITS)
        if sum(c.isalpha() for c in rest) < 3 or not rest.isalpha() or any(
                c in "134" and not _typed_letter(word, i) for i, c in enumerate(word)):
            continue  # a one, three or four only alone between letters: "MS13", "H1N1" stay
        if chars is None:
            chars = list(text)
        chars[a:b] = word.translate(_DIGIT_CAPITALS if rest.isupper() else _DIGIT_LETTERS)
    return text if chars is None else "".join(chars)


# a capital I that OCR read for an l inside a word in small letters ("CarteI", "SoIes",
# "federaI"; not in a #hashtag or an @handle, whose capitals start words: "#FreeIsis"), or for
# a 1 before a digit ("MS-I3")
_OCR_I = re.compile(r"(?<![#@\w])[A-Z]?[a-z]+I(?:[a-z]+I?)*(?![\w#@])|(?<=[-\s])I(?=\d)")
_OCR_I_HINT = re.compile(r"I(?:(?<=[a-z]I)|(?<=[-\s]I)(?=\d))")  # after a small letter: rare
# prefixes of surnames whose next part is capitalised (McIlroy, MacIntyre, DiIorio): their I
# is a capital, not OCR's l
_I_NAME_PREFIXES = ("Mc", "Mac", "Di", "De", "Da", "Du", "La", "Le", "Lo")


def _ocr_i(m: re.Match[str]) -> str:
    word = m.group()
    if word == "I":
        return "1"
    if any(word.startswith(p + "I") for p in _I_NAME_PREFIXES):
        return word  # a surname's own capital: McIlroy, MacIntyre, DiIorio
    return word[0] + word[1:].replace("I", "l")


# a dash with a space on both sides, between an alias's words ("MS - 13"): punctuation
_SPACED_DASH = re.compile(r"\s[-\u2013\u2014]\s")


class _Every:
    """The found terms plus, scanned on first use, the terms only none_of conditions use."""

    __slots__ = ("found", "item", "matcher", "merged", "where")

    def __init__(
        self, matcher: Matcher, item: _Item, found: dict[int, list[_H]],
        where: frozenset[str] | None,
    ) -> None:  # fmt: skip
        self.matcher, self.item, self.found, self.where = matcher, item, found, where
        self.merged: dict[int, list[_H]] | None = None

    def __call__(self) -> dict[int, list[_H]]:
        if self.merged is None:
            self.merged = dict(self.found)
            for k, hs in self.matcher._scan_aux(self.item).negative.items():
                kept = hs if self.where is None else [h for h in hs if h.field in self.where]
                if kept:
                    self.merged[k] = kept
        return self.merged


def _misses(rule: _Rule, found: Mapping[int, list[_H]] | set[int] | frozenset[int]) -> bool:
    """Whether one of the term sets the rule needs is absent from the found terms (a mapping's
    keys or a set of ids)."""
    for need in rule.quick:  # noqa: SIM110 - a loop, not any(): no generator per call
        if need.isdisjoint(found):
            return True
    return False


_UNLESS_PLACED = 2  # ``Matcher._hopeless``: no match unless the item writes a position
_ANY_INDEX = 8  # ``_Rule.any_index``: an any_of of this many sub-rules or more is indexed
_VERDICTS = 4096  # ``Matcher._hopeless``'s verdicts kept, by the set of term ids: then afresh


def _possible(rule: _Rule, present: set[int] | frozenset[int]) -> bool:
    """Whether the rule can hold with at most the terms in ``present``: its needs met
    (``_misses``: its all_of terms, near groups, and one term of its any_of's), each sub-rule
    of its all_of possible and, unless a term of its any_of is there, one of its any_of's
    sub-rules. none_of is not read: it only ever takes a match away. Finer than ``_misses``,
    which reads an any_of's terms as one set: an any_of of "the US lists a group" and "a
    group is called terrorist" is not possible for an item with "US" and no other."""
    for need in rule.quick:  # loops, not any(): no generator per call (most calls end here)
        if need.isdisjoint(present):
            return False
    for sub in rule.all_rules:
        if not _possible(sub, present):
            return False
    if rule.any_rules and rule.any_terms.isdisjoint(present):
        for sub in rule.candidates(present):
            for need in sub.quick:  # (_possible's first test, inline: most sub-rules end here)
                if need.isdisjoint(present):
                    break
            else:
                if _possible(sub, present):
                    return True
        return False
    return True


def _mentions(rule: _Rule, found: dict[int, list[_H]]) -> bool:
    """Whether any positive term of the rule was found (a near miss worth explaining)."""
    if any(t in found for t in rule.all_terms) or not rule.any_terms.isdisjoint(found):
        return True
    if rule.near is not None and any(not g.isdisjoint(found) for g in rule.near.groups):
        return True
    return any(_mentions(r, found) for r in (*rule.all_rules, *rule.any_rules))


# --- small checks on the original text -----------------------------------------------------------


def _camel(text: str, ostart: int, oend: int) -> bool:
    """A camel-case word break in a hashtag that starts with the alias (``#Maduro|Out``,
    ``#SOUTHCOM|Strike``)."""
    return _tag_opens(text, ostart) and oend < len(text) and _camel_break(text, oend)


# a #hashtag, an @handle, a Reddit forum or user name (r/HouthiWatch, u/NotTheRealRubio): the
# name is the group
_TAG = re.compile(r"(?:[#@]|(?<!\w)[ru]/)([^\W_]{3,})")
_FORUM = re.compile(r"(?<!\w)[ru]/\w")


def _copies_of_uncased(fields: Mapping[str, str],
                       uncased: Mapping[str, bool]) -> dict[str, list[tuple[int, int, bool]]]:
    """Where each field whose capitals mean something copies, word for word, a field whose
    capitals say nothing (``_uncased``; twelve characters or more): a feed's "The post
    <headline> appeared first on ..." after a headline in small letters or in capitals. Each
    copy as (start, end, written in capitals)."""
    out: dict[str, list[tuple[int, int, bool]]] = {}
    for name, text in fields.items():
        if uncased.get(name):
            continue
        for other, copied in fields.items():
            copied = copied.strip()
            if other == name or not uncased.get(other) or len(copied) < 12:
                continue
            at = text.find(copied)
            while at >= 0:
                out.setdefault(name, []).append((at, at + len(copied), copied.isupper()))
                at = text.find(copied, at + len(copied))
    return out


def _has_tags(text: str) -> bool:
    """Whether a text holds a #hashtag, an @handle or a Reddit r/ or u/ name."""
    return "#" in text or "@" in text or ("/" in text and _forum_name(text))


def _forum_name(text: str) -> bool:
    """Whether ``_FORUM`` finds a Reddit r/ or u/ name in ``text``, looked for slash by slash:
    the pattern's search tries every character of a long body (~40 µs for a body of links)."""
    last = len(text) - 1
    i = text.find("/", 1)
    while 0 < i < last:
        if _forum_slash(text, i) and _word_char(text[i + 1]):
            return True
        i = text.find("/", i + 1)
    return False


def _forum_slash(text: str, i: int) -> bool:
    """Whether the slash at ``text[i]`` is a Reddit name's: after an r or a u that opens a
    word."""
    return i > 0 and text[i - 1] in "ru" and (i < 2 or not _word_char(text[i - 2]))


def _word_char(c: str) -> bool:
    """A character a pattern's ``\\w`` matches."""
    return c.isalnum() or c == "_"


# a tag's mark and what follows it up to a space: a superset of ``_TAG``'s tags and of the words
# ``_tag_opens`` says a tag opens
_TAG_WORD = re.compile(r"(?:[#@]|(?<=[ru])/)(?=\S)")


def _marks(text: str) -> list[int]:
    """Where each '#', '@' and '/' of ``text`` is, in order: the places ``_tag_word_starts`` and
    ``_tags`` look at (a pattern's search for them tries every character of a long body)."""
    out: list[int] = []
    for mark in "#@/":
        i = text.find(mark)
        while i >= 0:
            out.append(i)
            i = text.find(mark, i + 1)
    if len(out) > 1:
        out.sort()
    return out


def _tag_word_starts(text: str) -> list[int]:
    """Where the word after each tag's mark starts: ``_TAG_WORD``'s matches' ends, in order."""
    last = len(text) - 1
    return [i + 1 for i in _marks(text) if i < last and not text[i + 1].isspace() and (
        text[i] != "/" or (i > 0 and text[i - 1] in "ru"))]


def _tags(text: str) -> list[tuple[int, int]]:
    """Each tag's word, as ``(start, end)``: ``_TAG``'s matches' group 1, in order (letters and
    digits, three or more, after '#', '@' or a Reddit 'r/' or 'u/' that opens a word)."""
    out: list[tuple[int, int]] = []
    n = len(text)
    for i in _marks(text):
        if text[i] == "/" and not _forum_slash(text, i):
            continue
        end = i + 1
        while end < n and text[end].isalnum():
            end += 1
        if end - i > 3:
            out.append((i + 1, end))
    return out


def _with_tag_words(auto: ahocorasick.Automaton, text: str, f: str, found: list[tuple[int, Any]],
                    plain: str | None) -> tuple[str, list[tuple[int, Any]], str | None] | None:
    """``f`` (``text``'s fields folded and joined), its hits ``found`` and ``plain`` text, each
    with what is left of each tag that has a camel-case break in it from its start and from
    each break on ("#CJNGroadblocks": "CJNGroadblocks", "Groadblocks", "roadblocks"), and
    every hit the automaton finds there as a hit that counts, as a prefix term's would. A word
    after a tag's mark (``_TAG_WORD``) with such a break (``#Free|Maduro``) is the only place
    where a tag adds hits to what the main automaton finds (``_scan_tags``) or makes a hit
    inside a longer word count (``_camel``); a tag without one (``#maduro``, ``#TVPATROL``,
    an e-mail address) reads as its words do, and without any the three come back as they
    are. Those hits are among the ones added, for the tests that end most items
    (``_may_count``, ``Matcher._hopeless``), which may then only let more items through. None
    where those words do not fold place for place (those tests are then not taken)."""
    pieces = []
    n = len(text)
    for start in _tag_word_starts(text):
        end = start
        while end < n and not text[end].isspace():
            end += 1
        cut = [o for o in range(start + 1, end) if _camel_break(text, o)]
        if cut:
            pieces += [text[o:end] for o in (start, *cut)]
    if not pieces:
        return f, found, plain
    extra = " ".join(pieces)
    folded = fold(extra)
    if folded.starts is not None:  # (else the same length, place for place)
        return None
    at = len(f) + 1
    return (f + _FIELD_BREAK + folded.text,
            [*found, *((end + at, (klen, pats, True))
                       for end, (klen, pats, _) in auto.iter(_marked(folded.text)))],
            None if plain is None else plain + _FIELD_BREAK + extra)


def _tag_opens(text: str, i: int) -> bool:
    """Whether ``text[i]`` is a tag's first letter: after '#', '@', 'r/' or 'u/'."""
    if i <= 0:
        return False
    c = text[i - 1]
    if c in "#@":
        return True
    return (c == "/" and i >= 2 and text[i - 2] in "ru"
            and (i == 2 or not text[i - 3].isalnum()))


def _camel_break(text: str, i: int) -> bool:
    """Whether a new word starts at ``text[i]`` inside a hashtag (``Free|Maduro``, ``MS|13``,
    ``SOUTHCOM|Strike``; an acronym of three capitals or more before small letters ends there
    too: ``@CAPA|periodismo``, ``@CDC|gov``; two say too little: ``@PFgovbr``)."""
    a, b = text[i - 1], text[i]
    if b.isupper():
        return a.islower() or a.isdigit() or (
            a.isupper() and i + 1 < len(text) and text[i + 1].islower()
        )
    if b.islower():
        return a.isupper() and i >= 3 and text[i - 2].isupper() and text[i - 3].isupper()
    return b.isdigit() and a.isalpha()


def _scan_tags(
    auto: ahocorasick.Automaton, name: str, text: str, folded: Folded
) -> list[tuple[_Pat, _H, bool]]:
    """Hits that start after a camel-case break inside a #hashtag or @handle and end at one
    (``#FreeMaduro``, ``@SecRubio``, ``#StopTrenDeAragua2025``); its first word is scanned as
    any word is."""
    out: list[tuple[_Pat, _H, bool]] = []
    f = folded.text
    for ts, te in _tags(text):
        fte = folded.at(te) if te < len(text) else len(f)

        def at_break(fend: int, oend: int, te: int = te) -> bool:
            return oend == te or _camel_break(text, oend)

        for o in range(ts + 1, te):
            if _camel_break(text, o):
                out.extend(_hits_from(auto, name, text, folded, o, folded.at(o), fte, at_break,
                                      tag=True))
    return out


# a capitalised word glued to the clock time before it ("05:05Tren de Aragua", "1:02:33Maduro"),
# as chapter lists and scraped captions lose their space (a literal first: searched on every
# item, in a third of a microsecond)
_GLUED = re.compile(r":\d\d(?=[A-ZÀ-ÖØ-Þ])")
# (no name runs longer: the text read after each glued word)
_GLUED_SPAN = 80


def _scan_glued(
    auto: ahocorasick.Automaton, name: str, text: str, folded: Folded
) -> list[tuple[_Pat, _H, bool]]:
    """Hits that start at a capitalised word glued to a clock time and end at a word's end, as
    if a space stood between: the word before them is the time's, no capitalised first name."""
    f = folded.text

    def at_word_end(fend: int, _oend: int) -> bool:
        return fend == len(f) or not f[fend].isalnum()

    out: list[tuple[_Pat, _H, bool]] = []
    for m in _GLUED.finditer(text):
        fs = folded.at(m.end())
        out.extend(_hits_from(auto, name, text, folded, m.end(), fs, fs + _GLUED_SPAN,
                              at_word_end, tag=False))
    return out


def _hits_from(
    auto: ahocorasick.Automaton, name: str, text: str, folded: Folded, o: int, fs: int,
    fstop: int, ends_ok: Callable[[int, int], bool], tag: bool,
) -> list[tuple[_Pat, _H, bool]]:
    """Hits of whole keys that start at original offset ``o`` (folded ``fs``: a word start the
    automaton cannot see, no space before it), read no further than folded offset ``fstop``,
    and end where ``ends_ok(fend, oend)`` says (a prefix term at the first such place after
    its key: ``#StopTheBoatStrikes`` for ``boat strike*``); a one-edit key and a starred
    term's words are not read there."""
    sub = folded.text[fs:fstop]
    out = []
    for end, (klen, pats, partial) in auto.iter(_marked(sub)):
        if end != klen:  # starts at the break, not at a later word start
            continue
        if type(pats) is _Spelt:
            pats, partial = pats.at(sub, 0, end)
            if not pats:
                continue
        fend = fs + end
        oend = folded.orig_end(fend)
        whole = ends_ok(fend, oend)
        if not whole:
            if not partial:
                continue
            while fend < fs + len(sub) and sub[fend - fs].isalnum():
                fend += 1
                oend = folded.orig_end(fend)
                if ends_ok(fend, oend):
                    break
            else:
                continue
        for pat in pats:
            if pat.kind >= _FUZZY or pat.tail or not (whole or pat.prefix):
                continue  # (a starred term's words: not read there)
            h = _H(name, fs, fend, o, oend, pat.label, tag, pat.fuzzy, pat.form)
            out.append((pat, h, pat.case == "any" or _case_ok(pat, text, o, oend)))
    return out


def _lower_tag(pat: _Pat, text: str, ostart: int, oend: int) -> bool:
    """A ``capitalized`` alias as a whole lower-case #hashtag or @handle (``#maduro``): there
    capitals say nothing."""
    return (
        pat.case == "capitalized" and _tag_opens(text, ostart)
        and (oend == len(text) or not text[oend].isalnum()) and text[ostart:oend].islower()
    )  # fmt: skip


# the label of a list of tags or keywords, somewhere in the words before its colon ("tags:",
# "newsletter tags this week:", "Etiquetas del boletín:", "palabras clave:")
_TAG_LABEL = re.compile(
    r"\b(?:tags?|tag list|hashtags|keywords?|etiquetas?|palabras clave|palavras-chave)\b", re.I)
_TAG_QUOTES = " '\"\u2018\u2019\u201c\u201d\xab\xbb"


def _tag_entry(text: str, ostart: int, oend: int) -> bool:
    """Whether ``text[ostart:oend]``, in small letters, is a whole entry of a list of tags: on
    a line whose label (``_TAG_LABEL``) comes before a colon, with only earlier entries
    between the colon and it, each ended by a comma, and a comma, a stop or the end after it
    (quotes aside)."""
    if not text[ostart:oend].islower():
        return False
    line = text.rfind("\n", 0, ostart) + 1
    colon = text.rfind(":", line, ostart)
    if colon < 0 or _TAG_LABEL.search(text, line, colon) is None:
        return False
    before = text[colon + 1 : ostart].rstrip(_TAG_QUOTES)
    if (before and not before.endswith(",")) or any(c in before for c in ".;!?()"):
        return False
    after = text[oend:].lstrip(_TAG_QUOTES)
    return not after or after[0] in ",.;\n"


def _fuzzy_hit(
    pat: _Pat, name: str, text: str, folded: Folded, start: int, end: int
) -> tuple[_Pat, _H, bool] | None:
    """The alias hit around a one-edit spelling of one of its words, if its other words are
    there, spelt exactly and whole (``Mara`` before ``Salvatrusha``)."""
    target = pat.target
    assert isinstance(target, _Pat)
    span = _fuzzy_span(pat, folded.text, start, end)
    if span is None:
        return None
    fs, fe = span
    ostart, oend = folded.orig(fs), folded.orig_end(fe)
    h = _H(name, fs, fe, ostart, oend, target.label, False, True)
    return target, h, target.case == "any" or _case_ok(target, text, ostart, oend)


def _fuzzy_span(pat: _Pat, f: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the alias spans in folded ``f`` around its one-edit word at ``start``-``end``:
    its other words before and after, spelt exactly and whole; None if they are not there."""
    words, k = pat.words, pat.word
    fs = start
    for w in reversed(words[:k]):
        b = fs - 1 - len(w)
        if b < 0 or f[fs - 1] != " " or f[b : fs - 1] != w:
            return None
        fs = b
    if fs > 0 and f[fs - 1].isalnum():
        return None
    fe = end
    for w in words[k + 1 :]:
        if f[fe : fe + 1] != " " or f[fe + 1 : fe + 1 + len(w)] != w:
            return None
        fe += 1 + len(w)
    if fe < len(f) and f[fe].isalnum():
        return None
    return fs, fe


def _coordinated_hits(
    pat: _Pat, name: str, text: str, folded: Folded, start: int, end: int
) -> list[tuple[_Pat, _H, bool]]:
    """At a head noun's plural, two or more aliases' names sharing it ("Sinaloa and Jalisco
    cartels", "cárteles de Sinaloa y del Golfo", "the Sinaloa, Gulf and Northeast cartels",
    "los cárteles de Sinaloa, Jalisco Nueva Generación, del Golfo y del Noreste"): each alias's
    hit, over the whole phrase, each alias's case rule judged on the last word of its own
    name."""
    f = folded.text
    coord = pat.target
    assert isinstance(coord, _Coord)
    find = _names_elided if coord.elided else _names_before if coord.before else _names_after
    found = find(coord.names, f, start, end)
    if found is None:
        return []
    fs, fe, named = found
    ostart, oend = folded.orig(fs), folded.orig_end(fe)
    out = []
    for alias, name_end in named:
        last = f.rfind(" ", 0, name_end) + 1  # the name's last word
        ok = alias.case == "any" or text[folded.orig(last)].isupper()
        out.append((alias, _H(name, fs, fe, ostart, oend, alias.label), ok))
    return out


# the phrase's span, and each name's alias and end
_Pair = tuple[int, int, list[tuple[_Pat, int]]]
_LISTED = "\x1f "  # a comma between names of a list ("Sinaloa, Jalisco and Gulf cartels")
_AND_BEFORE = (" and the ", " and ")  # between the last two names before an English plural


def _names_before(names: tuple[tuple[int, str, str, _Pat], ...], f: str, start: int,
                  end: int) -> _Pair | None:
    """"<first> and <second> <plural>", the plural at ``start``-``end`` of ``f``; more names
    before the first, each after a comma ("<a>, <b> and <c> <plural>")."""
    if start < 7 or f[start - 1] != " ":
        return None
    for second_ei, second, _, second_pat in names:
        s2 = start - 1 - len(second)
        if s2 < 5 or not f.startswith(second, s2):
            continue
        # "and", or "and the" as the first name's article is said again ("the Sinaloa and the
        # Jalisco New Generation cartels")
        joint = next((j for j in _AND_BEFORE if f.startswith(j, s2 - len(j))), None)
        if joint is None:
            continue
        e1 = s2 - len(joint)  # where the first name ends
        for first_ei, first, _, first_pat in names:
            s1 = e1 - len(first)
            if (first_ei != second_ei and s1 >= 0 and f[s1:e1] == first
                    and (s1 == 0 or not f[s1 - 1].isalnum())):
                named = [(first_pat, e1), (second_pat, start - 1)]
                seen = {first_ei, second_ei}
                while f[s1 - len(_LISTED) : s1] == _LISTED:  # "<a>, <first> and ..."
                    e0 = s1 - len(_LISTED)
                    more = _name_ending_at(names, f, e0, seen)
                    if more is None:
                        break
                    seen.add(more[0])
                    s1 = more[2]
                    named.insert(0, (more[1], e0))
                return s1, end, named
    return None


def _names_after(names: tuple[tuple[int, str, str, _Pat], ...], f: str, start: int,
                 end: int) -> _Pair | None:
    """"<plural> <first> y|e <second>" (the second without a bare de/do/da, or with it);
    more names between them, each after a comma ("<plural> <first>, <b>, <c> y <d>")."""
    if not f.startswith(" ", end):
        return None
    for first_ei, first, _, first_pat in names:
        if not f.startswith(first, end + 1):
            continue
        e1 = end + 1 + len(first)
        named = [(first_pat, e1)]
        seen = {first_ei}
        while f.startswith(_LISTED, e1):  # "<first>, <b>, ... y <last>"
            more = _name_at(names, f, e1 + len(_LISTED), seen)
            if more is None:
                break
            seen.add(more[0])
            e1 = more[2]
            named.append((more[1], e1))
        if f[e1 : e1 + 3] not in (" y ", " e "):
            continue
        last = _name_at(names, f, e1 + 3, seen)
        if last is not None:
            return start, last[2], [*named, (last[1], last[2])]
    return None


def _name_ending_at(names: tuple[tuple[int, str, str, _Pat], ...], f: str, end: int,
                    seen: set[int]) -> tuple[int, _Pat, int] | None:
    """The name of an entity not in ``seen`` written in full right before ``end`` of ``f``,
    a word starting it: its entity, alias and start (``_name_at`` looks the other way)."""
    for ei, name, _, pat in names:
        s = end - len(name)
        if ei not in seen and s >= 0 and f[s:end] == name and (s == 0 or not f[s - 1].isalnum()):
            return ei, pat, s
    return None


def _name_at(names: tuple[tuple[int, str, str, _Pat], ...], f: str, at: int,
             seen: set[int]) -> tuple[int, _Pat, int] | None:
    """The name of an entity not in ``seen`` written at ``at`` of ``f`` (with its bare de/do/da
    or without): its entity, alias and end."""
    for ei, name, bare, pat in names:
        if ei in seen:
            continue
        for form in (name, bare):
            e = at + len(form)
            if f[at:e] == form and (e == len(f) or not f[e].isalnum()):
                return ei, pat, e
    return None


_ELIDED = (" y el ", " y la ", " e o ", " e a ")


def _names_elided(names: tuple[tuple[int, str, str, _Pat], ...], f: str, start: int,
                  end: int) -> _Pair | None:
    """"<head> <first> y el|la / e o|a <second>", the head noun (singular) at ``start``-``end``
    of ``f`` and said once: both names written in full after it ("del Golfo", "del Noreste")."""
    if not f.startswith(" ", end):
        return None
    for first_ei, first, _, first_pat in names:
        if not f.startswith(first, end + 1):
            continue
        e1 = end + 1 + len(first)
        joint = next((j for j in _ELIDED if f.startswith(j, e1)), "")
        if not joint:
            continue
        for second_ei, second, _, second_pat in names:
            e2 = e1 + len(joint) + len(second)
            if (second_ei != first_ei and f[e1 + len(joint) : e2] == second
                    and (e2 == len(f) or not f[e2].isalnum())):
                return start, e2, [(first_pat, e1), (second_pat, e2)]
    return None


# A word that denies the word after it ('not detained', 'never arrested', 'nunca foi preso',
# 'wasn't' folded 'wasn t'), with only these words between it and a topic term: the term is
# then what is denied ('not a foreign terrorist organization'), not a word later in the
# clause ('never chartered tankers', 'não afeta os ataques'). Spanish 'no' only with a verb of
# these after it ('no fue detenido'), and 'no one': Portuguese 'no' is 'in the' ('preso no
# porto').
_DENYING = frozenset(
    "not never nunca nao jamas jamais nobody none nadie ninguem ningun ninguna ninguno nenhum "
    "nenhuma without sin sem".split())
_BETWEEN = frozenset(
    "a an be been being is are was were has have had yet one longer formally officially "
    "fue fueron ha han habia hubo hay sido esta estan este esten sera seran es son se lo la le "
    "foi foram tem tinha sido esta estao seja sera ser um uma ainda aun todavia".split())
_NEGATIVE_ANSWERS = frozenset("no nao nope".split())
# ... and, for a name's veto ('the mayor, not the writer', 'no es el escritor', 'e não o
# escritor'), the articles before a noun
_BETWEEN_ARTICLES = _BETWEEN | frozenset("the el la los las o os as un unos unas".split())


def _denied(item: _Item, h: _H, between: frozenset[str] = _BETWEEN) -> str | None:
    """The words by which a topic term's own clause denies it, or None: a negation with
    only auxiliary words (``between``) between it and the term ('not detained', 'was never
    arrested', 'no fue detenido', 'wasn't arrested'), or a question the term ends that is
    answered no ('Ship detained? No, just slow')."""
    f = item.folded[h.field].text
    words = f[: h.fstart].rsplit(_PUNCT, 1)[-1].split()
    k = len(words) - 1
    while k >= 0 and words[k] in between and len(words) - k <= 3:
        k -= 1
    if k >= 0:
        w = words[k]
        if w in _DENYING or (w == "no" and (k + 1 < len(words) or _plural(item, h))) or (
                w == "t" and k > 0 and words[k - 1].endswith("n")):
            return " ".join(words[k - (w == "t"):])
    rest = f[h.fend :]
    stop = rest.find(_PUNCT)
    if stop >= 0 and len(rest[:stop].split()) <= 2:
        mark = item.folded[h.field].orig(h.fend + stop)
        answer = rest[stop + 1 :].split(None, 1)
        if item.fields[h.field][mark] == "?" and answer and answer[0] in _NEGATIVE_ANSWERS:
            return f"? {answer[0]}"
    return None


def _plural(item: _Item, h: _H) -> bool:
    """Whether a hit's last word ends in s: 'no arrests' denies; Portuguese 'no' ('in the')
    comes before a singular only ('no navio')."""
    return item.folded[h.field].text[h.fstart : h.fend].endswith("s")


# a given name (capitalised, perhaps hyphenated: Abdul-Malik) and the Arabic article joined to a
# name: "Ahmed al-Houthi", "Samira el-Houthi"
# a quotation opening with an article right before a hit: a nickname ('"El Maduro"'), which no
# one writes a person's surname with
_QUOTED_ARTICLE = re.compile("['\"\u2018\u201c\u00ab](?:El|La|O|A|el|la) +\\Z")
# "known as" and a quotation opening right before a hit: a nickname ('conocido como "Maduro"')
_KNOWN_AS = re.compile(
    r"(?<!\w)(?:(?:known|better known|nicknamed|dubbed|called) as|nicknamed|dubbed|aka|a\.k\.a\."
    r"|alias|vulgo|(?:conocid|conhecid|apodad|apelidad|llamad|chamad)[oa]s?(?: como)?)"
    r" +['\"\u2018\u201c\u00ab]\Z", re.IGNORECASE)
_GIVEN_NAME_AL = re.compile(
    r"(?<![\w'\u2019-])[A-Z\u00c0-\u00dd][a-z\u00df-\u00ff]+(?:-[A-Z\u00c0-\u00dd][a-z\u00df-\u00ff]+)?"
    r" +[ae]l[-\u2010]\Z")  # hyphenated only: "Frente al Cártel", "Según el Cartel" are Spanish
# a web address written out in the text ("https://e.mx/2026/04/cartel-de-sinaloa-casas", "www.
# e.org/maduro"): its slug names what the page is about, not what the text says
# (a backslash ends it: an escape's remains, "]8;;https://t.co/x\\Tren de Aragua")
_URL_IN_TEXT = re.compile(
    r"(?<![\w.-])(?:(?:https?|ftp)://|www\.)[^\s<>\"'\\\u201c\u201d]+")


# a space percent-encoded between two letters, as a slug or an encoded title leaks it
# ("Tren%20de%20Aragua"): read as a space (three, so that the offsets stay)
_ENCODED_SPACE = re.compile(r"(?<=[^\W\d_])%20(?=[^\W\d_])")


def _urls_blanked(text: str) -> str:
    """``text`` with each web address written in it (``_URL_IN_TEXT``) replaced by as many
    spaces (the offsets of everything else kept). The pattern is tried only where an address
    can begin, before each "://" and at each "www.": its search would try every h, f and w."""
    if "://" not in text and "www." not in text:
        return text
    starts = []
    i = text.find("://")
    while i >= 0:
        for scheme in ("https", "http", "ftp"):
            if i >= len(scheme) and text.startswith(scheme, i - len(scheme)):
                starts.append(i - len(scheme))
                break
        i = text.find("://", i + 1)
    i = text.find("www.")
    while i >= 0:
        starts.append(i)
        i = text.find("www.", i + 1)
    parts = []
    done = 0  # the end of the last address blanked
    for start in sorted(starts):
        if start < done:
            continue  # inside the address before
        m = _URL_IN_TEXT.match(text, start)
        if m is not None:
            parts += [text[done:start], " " * (m.end() - start)]
            done = m.end()
    return "".join(parts) + text[done:] if parts else text


def _spelt_as_written(item: _Item, rule: _AliasRule, h: _H) -> bool:
    """Whether the hit's words are written exactly as the alias is (case included)."""
    return item.fields[h.field][h.start:h.end] == rule.label


def _vetoed_as(
    item: _Item, vetoed: dict[tuple[int, str, int, int], str], rule: _AliasRule, h: _H
) -> str | None:
    """The alias whose ``unless`` vetoed the hit's very words, if this alias reads them only
    by its case rule (one that spells them as written keeps its own rules); else None."""
    other = vetoed.get((rule.entity, h.field, h.start, h.end))
    return None if other is None or _spelt_as_written(item, rule, h) else other


_OPENING_QUOTE = re.compile("\\s['\"\u2018\u201c\u00ab]\\w")
# the marks that close a quotation each opening mark opens (straight ones, either way)
_CLOSING_QUOTES = {"'": ("'", "\u2019"), '"': ('"', "\u201d"), "\u2018": ("\u2019", "'"),
                   "\u201c": ("\u201d", '"'), "\u00ab": ("\u00bb",)}


def _quote_opens_inside(text: str, start: int, end: int) -> str | None:
    """Why a hit of several words is not the alias: a quotation opens between its words ("el
    cartel de 'Los soles de Atacama'", a poster of a film), so they belong to two phrases. A
    quotation that closes where the hit ends (or after a comma or stop, as American copy puts
    them) quotes the alias's own last words (a nickname: "alias 'Tiburón'")."""
    m = _OPENING_QUOTE.search(text, start, end)
    if m is None:
        return None
    after = text[end:end + 2]  # the mark, or a comma or stop the quotation holds ('Tiburon,')
    closing = _CLOSING_QUOTES.get(text[m.start() + 1], ())
    if after[:1] in closing or (after[:1] in ",.;:!?" and after[1:] in closing):
        return None
    return f"a quotation opens inside it ({text[m.start() + 1:end]!r}): another phrase's words"


# what stands between two names of a list: a comma, a conjunction, "vs.", a dash or a slash,
# and the next name's article ("contra Sinaloa y el CJNG", "CJNG and the Sinaloa"), or the
# preposition the first name's head noun carries, the noun left out ("el Cártel del Golfo y
# del Noreste", "dos cartéis de Sinaloa e de Jalisco")
_LIST_JOINT = re.compile(
    r"\s*(?:,|;|/|&|\u2013|\u2014|-|\+|(?:and|y|e|or|ou|vs\.?|versus|contra|against)(?=\s))"
    r"\s*(?:(?:the|el|la|los|las|os|as|o|a|del|de|do|da|dos|das|of)\s+)?", re.IGNORECASE)


def _listed_beside(text: str, h: _H, other: _H) -> bool:
    """Whether ``h`` and ``other`` (hits in the same field ``text``) are next to each other in a
    list: nothing but ``_LIST_JOINT`` between them."""
    if other.end <= h.start:
        between = text[other.end : h.start]
    elif h.end <= other.start:
        between = text[h.end : other.start]
    else:
        return False
    return _LIST_JOINT.fullmatch(between) is not None


def _word_after(f: str, end: int) -> str:
    """The folded word right after folded offset ``end`` (past spaces), or ''."""
    i, j = _word_span_after(f, end)
    return f[i:j]


def _word_span_after(f: str, end: int) -> tuple[int, int]:
    """Where ``_word_after`` finds its word in ``f``: (start, end), empty if none."""
    i = end
    n = len(f)
    while i < n and f[i] == " ":
        i += 1
    j = i
    while j < n and f[j].isalnum():
        j += 1
    return i, j


def _s_ends_word(f: str, end: int) -> bool:
    """Whether the folded text has an s right after the hit and the word ends there."""
    return f[end] == "s" and (end + 1 == len(f) or not f[end + 1].isalnum())


def _possessive(folded: Folded, text: str, end: int) -> bool:
    """``Maduros'``: an s then an apostrophe after the alias."""
    if not _s_ends_word(folded.text, end):
        return False
    o = folded.orig(end) + 1
    return o < len(text) and text[o] in _APOSTROPHES


def _plural_acronym(folded: Folded, text: str, ostart: int, oend: int, end: int) -> bool:
    """``ATRs``, ``FTOs``: an acronym in capitals with a lower-case plural s and nothing after."""
    if not _s_ends_word(folded.text, end):
        return False
    written = text[ostart:oend]
    return (oend < len(text) and text[oend] == "s" and len(written) >= 2
            and written.isupper() and written.isalpha())


_WORD_AT = re.compile(r"\w+")


def _caps_run(text: str, start: int, end: int, after: int) -> bool:
    """Whether the hit ``text[start:end]`` and the word starting at ``after`` are both written in
    capitals, two letters or more each: a phrase in ALL CAPS inside a mixed-case field."""
    m = _WORD_AT.match(text, after)
    return (sum(c.isalpha() for c in text[start:end]) >= 2 and text[start:end].isupper()
            and m is not None and len(m.group()) >= 2 and m.group().isupper())


def _stretched(f: str, end: int) -> bool:
    """Whether the word goes on after ``end`` only with its last letter twice or more again, as
    a chant or a meme stretches it ("MADUROOOO", "Madurooo"): the hit is the word."""
    last = f[end - 1]
    if not last.isalpha():
        return False
    run = end
    while run < len(f) and f[run] == last:
        run += 1
    return run - end >= 2 and (run == len(f) or not f[run].isalnum())


def _case_ok(pat: _Pat, text: str, start: int, end: int) -> bool:
    """``exact``: same letters, same case. ``capitalized``: the alias's capitals are capitals;
    an acronym of four letters or more written in capitals may also be written as a name
    (``MINEM``: Minem, as Spanish and Portuguese write an acronym read as a word)."""
    if pat.case == "capitalized":
        if pat.caps == (0,):
            return text[start].isupper()
        found = _squeeze_case(text[start:end])
        if len(found) != len(pat.exact):
            return text[start].isupper()
        if len(found) >= 4 and len(pat.caps) == len(found) and found[0].isupper() and (
                found[1:].islower()):
            return True
        return all(found[i].isupper() for i in pat.caps)
    return _squeeze_case(text[start:end]) == pat.exact


_OPENING_QUOTES = frozenset('"\u201c\u201e\u00ab\u2039')


# what a firm of partners writes after their names ("Maduro & Brandt LLP")
_FIRM_KINDS = frozenset(
    "llp llc pllc inc ltd ltda abogados advogados associates asociados associados partners "
    "attorneys lawyers".split())
# a small letter, then a capital of the Latin alphabet, in one run of letters ("SouthCon")
_CAMEL = re.compile(r"[a-z][A-Z]")
# a family firm's partners after its '&' ("Maduro & Hijos", "Rubio & Sons")
_FAMILY_FIRMS = frozenset("hijos hijo filhos filho sons son hermanos irmaos hnos cia".split())
# the words of a firm's kind after its name ("Southcomm Logistics", "Madurro Holdings")
_FIRM_WORDS = _FIRM_KINDS | frozenset(
    "logistics logistica group grupo holdings holding solutions soluciones solucoes systems "
    "sistemas services servicios servicos technologies tecnologia consulting consultores "
    "capital trading imports exports shipping freight cargo express corp co company "
    "enterprises industries".split())
# the articles a business's name may open with, after its kind ('Taquería La ...')
_NAME_ARTICLES = frozenset({"la", "el", "los", "las", "the"})
# "of the" before an owner's name in a business's ('Bar do Maduro', 'Taller del Rubio'), and
# the last two letters of those words (looked at first, before the word is read)
_OF_THE = frozenset({"do", "da", "dos", "das", "del"})
_OF_THE_ENDS = frozenset(w[-2:] for w in _OF_THE)
# ... and the people that phrase makes his, not a business named for him ("Advogados do Maduro")
_HIS_PEOPLE = frozenset(
    "abogados advogados asociados associados equipo equipe team time familia family hijos "
    "filhos amigos partidarios seguidores apoiadores".split())
# the kinds of natural place whose names follow them in small letters (``_name_before``)
_NATURAL_FEATURES = frozenset(
    "arroyo arroyos riachuelo riacho quebrada canada barranco cerro loma laguna lago creek "
    "brook hill corrego ribeirao igarape morro".split())  # (not "stream": a verb)


def _word_before(folded: Folded, text: str, fstart: int, any_case: bool = False,
                 end: int | None = None) -> str | None:
    """The capitalised word right before ``fstart`` (folded), if any (``any_case``: any word,
    in a field whose capitals say nothing). ``end``: where the hit ends in ``text``; a name
    that opens a quotation going on after it ('tells Venezuelans "Maduro ya no manda"') has
    no word before it, one quoted alone ('Bar "Cartel de Sinaloa"') has."""
    found = _word_before_at(folded, text, fstart, any_case, end)
    return None if found is None else found[0]


def _word_before_at(folded: Folded, text: str, fstart: int, any_case: bool = False,
                    end: int | None = None) -> tuple[str, int] | None:
    """``_word_before``'s word and where it starts (folded)."""
    f = folded.text
    j = fstart
    while j > 0 and f[j - 1] == " ":
        j -= 1
    if j < fstart and not text[folded.orig(j) : folded.orig(fstart)].isspace():
        # a hyphen or a dash between: 'Trump-Maduro call', 'anti-Maduro', '10:55 ET — Rubio
        # says' are a compound and a new sentence, not a first name and its surname
        return None
    if j > 0 and f[j - 1] == _PUNCT and text[folded.orig(j - 1)] in _OPENING_QUOTES:
        if end is not None and (text[end:end + 1].isspace() or (
                text[end:end + 1] in ("'", "\u2019") and text[end + 1:end + 2].isalpha())):
            # the quotation goes on: its first word, not a name's second (also after a
            # possessive: 'Read “Trump’s NOAA budget”')
            return None
        j -= 1  # a name in quotes after its word: 'Bar "Cartel de Sinaloa"'
        while j > 0 and f[j - 1] == " ":
            j -= 1
    if (j > 1 and f[j - 1] == _PUNCT and text[folded.orig(j - 1)] == "." and f[j - 2].isalpha()
            and (j == 2 or f[j - 3] == " ") and text[folded.orig(j - 2)].isupper()):
        # a middle initial: 'Mary L. Trump' is Mary's
        j -= 2
        while j > 0 and f[j - 1] == " ":
            j -= 1
    k = j
    while k > 0 and f[k - 1].isalnum():
        k -= 1
    if k == j or not (any_case or text[folded.orig(k)].isupper()):
        return None
    start = folded.orig(k)
    if _tag_opens(text, start):
        return None  # a hashtag or a handle, not a first name: '#ÚLTIMAHORA Trump anuncia'
    return f[k:j], k


_FIELD_RANK = {name: i for i, name in enumerate(ALL_FIELDS)}


def _words_between(texts: list[str], first: tuple[int, int], last: tuple[int, int]) -> int:
    """Words from ``first`` up to ``last`` (field rank, folded offset), fields read as one text."""
    (f1, s1), (f2, s2) = first, last
    n = len(texts[f1][s1:].split()) + len(texts[f2][:s2].split())
    return n + sum(len(texts[k].split()) for k in range(f1 + 1, f2))


_MINOR = frozenset(
    "with from into onto over upon than that this para como tras ante bajo".split()
)  # short words a title-case headline may leave in lower case


def _is_headline(item: _Item, field: str) -> bool:
    """Whether a field of the item capitalises every long word (cached per item)."""
    headline = item.headline.get(field)
    if headline is None:
        headline = item.headline[field] = _headline(item.fields[field])
    return headline


# the pairs of consonants a word of English, Spanish or Portuguese may start with
_ONSETS = frozenset((
    "bl br ch cl cr dr fl fr gl gn gr kn ph pl pn pr ps qu sc sh sk sl sm sn sp st sw th tr tw "
    "vr wh wr"
).split())


def _unspeakable(acronym: str) -> bool:
    """Whether a short acronym cannot be read as a word: no vowel (``CDC``, ``PF``) or two
    first consonants no word starts with (``FDA``, ``TCU``); ``US``, ``DEA``, ``APS`` can."""
    word = acronym.lower()
    if not word.isalpha() or not word.isascii():
        return False
    if not any(c in "aeiouy" for c in word):
        return True
    return len(word) > 2 and all(c not in "aeiouy" for c in word[:2]) and word[:2] not in _ONSETS


def _common_word(item: _Item, rule: _AliasRule, h: _H) -> str | None:
    """Why a strict surname (allow_after) that opens a sentence, where any word is
    capitalised, is the word the item writes in lower case in another sentence ('Leite
    condensado: ... leite em pó', 'Mora tributaria ... pagos en mora'), or None. In one
    sentence both senses are a pun ('Trump plays his trump card')."""
    if rule.allow_after is None or h.tag:
        return None
    text = item.fields[h.field]
    if not text[h.start].isupper():  # written in small letters itself: no sentence's capital
        return None
    before = text[: h.start].rstrip()
    if before and before[-1] not in ".:!?\"'\u201c\u2018«":
        return None
    word = item.folded[h.field].text[h.fstart : h.fend]
    for name, folded in item.folded.items():
        f, original = folded.text, item.fields[name]
        i = f.find(word)
        while i >= 0:
            end = i + len(word)
            if ((i == 0 or not f[i - 1].isalnum()) and (end == len(f) or not f[end].isalnum())
                    and original[folded.orig(i)].islower() and (
                        name != h.field or _SENTENCE_END.search(
                            text, *sorted((h.end, folded.orig(i)))))
                    and not _in_quote_without_capitals(original, folded.orig(i))):
                return f"opens a sentence, and the item writes {word!r} in lower case"
            i = f.find(word, i + 1)
    return None


# a quoted stretch of a few words on one line
_QUOTED_STRETCH = re.compile("[\"“«‘]([^\"”»’\n]{2,80})[\"”»’]")


def _in_quote_without_capitals(text: str, at: int) -> bool:
    """Whether ``text[at]`` lies inside a quoted stretch with no capital in it: a search query,
    a slug or a tag quoted as typed ('"rubio boat strikes" tops searches'), whose small
    letters say nothing about the word."""
    return any(m.start(1) <= at < m.end(1) and not any(c.isupper() for c in m.group(1))
               for m in _QUOTED_STRETCH.finditer(text))


def _headline(text: str) -> bool:
    """Whether every word of four or more letters (but a few minor ones) is capitalised."""
    for m in _LETTERS.finditer(text):
        word = m.group()
        if len(word) >= 4 and word[0].islower() and word not in _MINOR:
            return False
    return True


_LETTERS = re.compile(r"[^\W\d_]+")
_SPACED_WORD = re.compile(r"\s+(\w)")
# a code and a word of a range before a name's code ("MS-11 to MS-13", "MS-01 a MS-15")
_RANGE_BEFORE = re.compile(r"\b[A-Z]{1,4}[- ]?\d{1,4}\s+(?:to|through|thru|a|al|até|[-\u2013])\s+$")
# words that name what follows them as a code ("fault code MS-13", "código TdA")
_CODE_WORDS = frozenset(("code", "codes", "codigo", "codigos"))
# the next word on the same line, after spaces only
_NEXT_WORD_ON_LINE = re.compile(r"[ \t\u00a0]+(\w+)")
_WORD = re.compile(r"\w+")
# a generational suffix after a person's name: another person of the family
_GENERATIONAL = frozenset(
    "neto filho sobrinho junior jr hijo nieto sobrino ii iii iv".split())
_SENTENCE_END = re.compile(r"[.:!?;]")
# the word a Spanish question or exclamation opens with, right before a name: there the verb
# comes before its subject ("¿Dirigía Maduro el cártel?", "¡Llegó Rubio!"), no first name
_INVERTED_OPENER = re.compile(r"[¿¡][\"'\u201c\u2018«]?[^\W\d_]+\s+$")
_SENTENCE_BREAK = re.compile(r"[.:!?;\n]")
# capitalised after a name without being part of it ('Rubio Monday said', 'Trump I')
_CAPITALISED_ANYWAY = frozenset((
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "i",
    # English nationality adjectives, capitalised whatever they qualify ("Pro-Trump Venezuelan
    # voters"): no part of a name
    "american", "americans", "venezuelan", "venezuelans", "mexican", "mexicans", "colombian",
    "colombians", "cuban", "cubans", "haitian", "haitians", "brazilian", "brazilians",
    "argentine", "argentinian", "chilean", "peruvian", "ecuadorian", "salvadoran",
    "guatemalan", "honduran", "nicaraguan", "panamanian", "dominican", "jamaican",
    "trinidadian", "canadian", "russian", "chinese", "iranian", "israeli", "european",
    "british", "spanish", "portuguese", "french", "german", "latino", "latinos", "hispanic",
))
_SHORT = 3  # an exact-case alias this short, in an ALL-CAPS field, needs the rest of the item
_NO_MATCH = MatchResult()
_PREPOSITIONS = frozenset(("de", "del", "do", "da", "dos", "das"))
_CONJUNCTIONS = frozenset(("and", "y", "e"))


def _english_plural(noun: str) -> str:
    """A folded English noun's plural: cartels, parties, ministries, taxes, churches."""
    if noun[-1] == "y" and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def _romance_plurals(noun: str) -> tuple[str, ...]:
    """A folded Spanish or Portuguese noun's plurals: carteles, carteis; bandas; mares."""
    if noun[-1] in "aeiou":
        return (noun + "s",)
    if noun[-1] == "l":
        return (noun + "es", noun[:-1] + "is")
    return (noun + "es",)
_SHOUT = 12  # a field longer than this without small letters is written in capitals
# A letter lost to a lossy conversion: U+FFFD anywhere in a word, "?" between two letters (a
# question mark ends a word); what it most likely was, folded: an accented vowel, ç or ñ.
_LOST_LETTERS = "aeioucn"
# ... and the marks that stand for it: U+FFFD and "?" from a conversion, "*" and "@" from a
# writer masking a name ("Tr*mp", "M@duro": a vowel, most often)
_LOST_MARKS = "\ufffd?*@"


# ", Given" right after a surname, and what follows it: a comma, a separator or the end
_GIVEN_AFTER_COMMA = re.compile(r",\s+([A-ZÀ-Þ][a-zà-ÿ]+)\s*([,|;(]|$)")
# ", KEVIN J., 31" right after a surname in capitals: a booking log's or a roster's record, the
# given names (and an initial) in capitals too, then an age
_BOOKED = re.compile(r",\s+([A-ZÀ-Þ]{2,}(?:\s+[A-ZÀ-Þ]{2,})?)(?:\s+[A-ZÀ-Þ]\.)?,\s+\d{1,3}\b")
# the run of letters and digits that ends right before a hyphen
_SEGMENT_BEFORE = re.compile(r"[^\W_]+$")
# a citation's year after "Surname, Given (": "2026)", "2024a)", "n.d.)", "s.f.)"
_YEAR_CITED = r"\s*(?:(?:1[5-9]|20)\d\d[a-z]?|n\.\s?d\.|s\.\s?[fd]\.)\)"
_CITED_YEAR = re.compile(_YEAR_CITED)
# ", L. (2026)", ", E. J. (n.d.)" right after a surname: an author cited by initials
_INITIALS_CITED = re.compile(rf",\s+((?:[A-ZÀ-Þ]\.\s?){{1,3}})\s*\((?={_YEAR_CITED})")
# a word cut short by an ellipsis that ends the field (spaces may follow)
_CUT_SHORT = re.compile(r"(\w+)(?:\u2026|\.\.\.)\s*$")
_WORD_BEFORE = re.compile(r"\w+(?=\W*$)")


def _clipped(matches: tuple[Any, ...], given: Mapping[str, str],
             cut: dict[str, tuple[int, str]]) -> tuple[Any, ...]:
    """Entity or topic matches whose hits in a completed field (``Matcher._completed``) end
    where that field's own text ends, and say what it writes there ("Nicolás Mad")."""
    out = []
    for match in matches:
        hits = []
        for h in match.hits:
            if h.field in cut and h.end > cut[h.field][0]:
                end = cut[h.field][0]
                h = Hit(h.alias, h.field, h.start, end, given[h.field][h.start:end])
            hits.append(h)
        out.append(dataclasses.replace(match, hits=tuple(hits)))
    return tuple(out)


def _lost_words(text: str) -> list[tuple[int, int]]:
    """The spans of the words with a lost letter: a run of at most two U+FFFD, "?" or a
    masking "*" or "@" with a letter on one side (U+FFFD) or on both ("?": else it ends a
    question; "Tr*mp", "M@duro"), and the letters around it."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    for mark in _LOST_MARKS:
        i = text.find(mark)
        while i >= 0:
            j = i
            while j < n and text[j] in _LOST_MARKS:
                j += 1
            before = i > 0 and text[i - 1].isalpha()
            after = j < n and text[j].isalpha()
            if j - i <= 2 and ((before and after) or (mark == "\ufffd" and (before or after))):
                start, end = i, j
                while start > 0 and text[start - 1].isalpha():
                    start -= 1
                while end < n and text[end].isalpha():
                    end += 1
                if (start, end) not in spans:
                    spans.append((start, end))
            i = text.find(mark, j)
    return spans


def _typed_slips(fields: Mapping[str, str], joined: str | None = None) -> bool:
    """Whether a short field (a post, a headline; not a body) may hold a zero typed for an o,
    a one, three or four typed for a letter, or OCR's I for an l or a 1 (``_ZERO_HINT``,
    ``_LEET_HINT``, ``_OCR_I_HINT``; each looked for only if its character is there: a
    search costs a microsecond on every title). ``joined``: the fields joined by
    ``_FIELD_BREAK``, none of them a body, looked at once instead (it finds whatever a field
    alone would; where it finds more, an "I3" that opens a field, the reading that follows
    changes nothing)."""
    for name, t in fields.items() if joined is None else (("", joined),):
        if name != "content" and (("0" in t and _ZERO_HINT.search(t))
                                  or (("1" in t or "3" in t or "4" in t) and _LEET_HINT.search(t))
                                  or ("I" in t and _OCR_I_HINT.search(t))):
            return True
    return False


_TAG_MARKS = frozenset("#@/")

# a position: latitude then longitude, each in degrees with decimals ("12.1N", "12,2 N") or with
# minutes after a dash or a degree sign ("11-51N", "11°51'N"), a hemisphere's letter after it
# (W or, in Spanish and Portuguese, O for west; E, or L in Portuguese, for east), the two apart
# by spaces, a comma or an "and" ("12,05 N e 67,88 O")
_ANGLE = "(\\d{1,3})(?:([.,]\\d+)|(?:-|[°º˚]\\s*)(\\d{1,2}(?:[.,]\\d+)?)['′]?)?\\s*[°º˚]?\\s*"
_POSITION = re.compile(
    f"(?<![\\w.,]){_ANGLE}([NS])(?![^\\W\\d_])[\\s,;]*(?:(?:y|e|and)\\s+)?"
    f"{_ANGLE}([EWOL])(?![^\\W\\d_])")
# (the letter first, for the engine's quick scan, then what comes before it)
_POSITION_HINT = re.compile(
    "[NS](?:(?<=[\\d°º˚'′][NS])|(?<=[\\d°º˚'′] [NS]))(?![^\\W\\d_])")
# ... or in signed decimal degrees, as data portals and trackers write them: after "lat" and
# "lon" ("lat 12,21; lon -70,05"), or a pair of numbers with two decimals or more, one of them
# signed or both with a degree sign ("12.05, -69.90", "11,95 e -67,12"; not "12.05, 69.90", a
# pair of any figures); south and west negative
_SIGNED = "([-\u2212]?)(\\d{1,3}(?:[.,]\\d+)?)\\s*([°º˚]?)"
_SIGNED_POSITION = re.compile(
    f"(?<![\\w.,+\u2212-])(?:(?i:lat(?:itude|itud)?)\\.?\\s*[:=]?\\s*{_SIGNED}[\\s,;/]*"
    f"(?i:lon(?:gitude|gitud|g)?|lng)\\.?\\s*[:=]?\\s*{_SIGNED}"
    f"|{_SIGNED.replace('+)?', '{2,})')}(?:\\s*[,;/]\\s*|\\s+(?:y|e|and)\\s+)"
    f"{_SIGNED.replace('+)?', '{2,})')})(?![\\w°º˚]|[.,]\\d)")


def _has_position(every: str, fields: Mapping[str, str]) -> bool:
    """Whether the fields (``every``: joined) may write a position (``_written_positions``)."""
    if (_POSITION_HINT.search(every) is not None and _POSITION.search(every) is not None) or any(
            True for _ in _signed_positions(every)):  # (gated by ``_may_sign`` inside)
        return True
    for name, text in fields.items():
        if _may_say(name, text) and any(True for _ in _spoken_positions(fold(text).text)):
            return True
    return False


def _may_say(name: str, text: str) -> bool:
    """Whether field ``name`` may say a position in words (``_spoken_positions``): a title or a
    summary, as captions and transcripts read one out (a body's "sur" and "norte" are too many
    to read so), with a hemisphere's word in it."""
    return name != "content" and _SPOKEN_HINT.search(text) is not None


def _written_positions(name: str, text: str,
                       folded: Folded) -> Iterator[tuple[int, int, float, float]]:
    """Each position a field writes, as (start, end, latitude, longitude): with hemispheres'
    letters (``_POSITION``), in signed degrees (``_signed_positions``) or said in words
    (``_spoken_positions``, where ``_may_say``)."""
    for m in _POSITION.finditer(text):
        yield m.start(), m.end(), *_degrees(m)
    for m, lat, lon in _signed_positions(text):
        yield m.start(), m.end(), lat, lon
    if _may_say(name, text):
        for start, end, lat, lon in _spoken_positions(folded.text):
            yield folded.orig(start), folded.orig_end(end), lat, lon


# a hemisphere said in words: the first test for ``_spoken_positions``
_SPOKEN_HINT = re.compile(  # (in its three casings: a search ignoring case is several times slower)
    "(?:north|norte|south|sur|sul|North|Norte|South|Sur|Sul|NORTH|NORTE|SOUTH|SUR|SUL)(?![a-z])")


@cache
def _spoken_position() -> re.Pattern[str]:
    """A position said in words, on folded text: "twelve point two north, sixty six point five
    west", "doce grados norte sesenta y seis oeste", "onze vírgula cinco norte e sessenta e
    nove graus oeste", "latitud once grados veinte minutos norte, longitud sesenta y cinco
    oeste", "onze graus e meio norte" (``spoken``'s numbers, 0 to 199, a decimal part after
    "point", "punto", "coma" or "vírgula", a half, minutes)."""
    number = spoken.number_pattern()
    angle = (f"({number})(?: (?:point|punto|coma|virgula) ({number}))?"
             "(?: (?:degrees?|grados?|graus?))?( (?:and a half|y medio|e meio))?"
             f"(?:[ \x1f]+(?:(?:and|y|e) )?({number}) (?:minutes?|minutos?))?")
    return re.compile(
        f"(?:latitude? |latitud )?{angle} (north|south|norte|sur|sul)[ \x1f]+(?:(?:and|y|e) )?"
        f"(?:longitude? |longitud )?{angle} (west|east|oeste|este|leste)(?![a-z])")


def _spoken_positions(f: str) -> Iterator[tuple[int, int, float, float]]:
    """The positions folded text ``f`` says in words (``_spoken_position``), each as (start,
    end, latitude, longitude), north and east positive."""
    def angle(whole: str, part: str | None, half: str | None, minutes: str | None) -> float:
        value = float(spoken.value(whole) or 0)
        if part:
            value += float(f"0.{spoken.value(part)}")
        if half:
            value += 0.5
        if minutes:
            value += (spoken.value(minutes) or 0) / 60
        return value

    pattern = _spoken_position()
    for hemisphere in _SPOKEN_HEMISPHERE.finditer(f):
        # the word before it a number's, a degree's, a minute's or a half's (most "sur" and
        # "norte" end here), then the full pattern near it only
        before = f[max(0, hemisphere.start() - 24) : hemisphere.start()].split()
        if not before or before[-1] not in _spoken_before():
            continue
        at = hemisphere.start()
        for m in pattern.finditer(f, max(0, at - 120), min(len(f), at + 160)):
            if m.start() <= at < m.end():
                g = m.groups()
                lat = angle(*g[0:4]) * (1 if g[4] in ("north", "norte") else -1)
                lon = angle(*g[5:9]) * (1 if g[9] in ("east", "este", "leste") else -1)
                yield m.start(), m.end(), lat, lon
                break


_SPOKEN_HEMISPHERE = re.compile("(?<![a-z])(?:north|norte|south|sur|sul)(?![a-z])")


@cache
def _spoken_before() -> frozenset[str]:
    """The words a latitude said in words ends on: a number's last word, or a degree's, a
    minute's or a half's."""
    return frozenset({words.rsplit(" ", 1)[-1] for n in range(spoken.LIMIT + 1)
                      for language in spoken.number_words(n) for words in language}
                     | {"degree", "degrees", "grado", "grados", "grau", "graus", "minute",
                        "minutes", "minuto", "minutos", "half", "medio", "meio"})


# what ``_SIGNED_POSITION`` needs somewhere, unless a degree sign is there: a signed number
# with two decimals, or "lat" before a number (a search that opens on a plain character is
# the quick one: a class of characters or cases costs ~15 µs on a long text)
_SIGNED_NUMBER = re.compile("-\\d{1,3}[.,]\\d\\d")
_SIGNED_NUMBER_MINUS = re.compile("\u2212\\d{1,3}[.,]\\d\\d")
_LAT_NUMBER = re.compile("(?:lat|Lat|LAT)(?:itude|itud|ITUDE|ITUD)?\\.?\\s*[:=]?\\s*[-\u2212]?\\d")


def _may_sign(text: str) -> bool:
    """Whether ``text`` may write a position in signed degrees (``_signed_positions``)."""
    if _has_any(text, "°º˚") or _SIGNED_NUMBER.search(text) is not None or (
            "\u2212" in text and _SIGNED_NUMBER_MINUS.search(text) is not None):
        return True
    for lat in ("lat", "Lat", "LAT"):
        i = text.find(lat)
        while i >= 0:
            if _LAT_NUMBER.match(text, i):
                return True
            i = text.find(lat, i + 3)
    return False


def _signed_positions(text: str) -> Iterator[tuple[re.Match[str], float, float]]:
    """The positions ``text`` writes in signed decimal degrees (``_SIGNED_POSITION``), each with
    its latitude and longitude: a pair without "lat" and "lon" counts if one of its numbers is
    signed, or both have a degree sign."""
    if not _may_sign(text):
        return
    for m in _SIGNED_POSITION.finditer(text):
        g = m.groups()
        if g[0] is None:  # the pair without labels
            g = g[6:]
            if not (g[0] or g[3] or (g[2] and g[5])):
                continue
        lat = float(g[1].replace(",", ".")) * (-1 if g[0] else 1)
        lon = float(g[4].replace(",", ".")) * (-1 if g[3] else 1)
        yield m, lat, lon


def _degrees(m: re.Match[str]) -> tuple[float, float]:
    """The latitude and longitude of a ``_POSITION`` match, north and east positive."""
    def angle(whole: str, decimals: str | None, minutes: str | None) -> float:
        value = float(whole)
        if decimals:
            value += float("0." + decimals[1:])
        if minutes:
            value += float(minutes.replace(",", ".")) / 60
        return value

    g = m.groups()
    lat = angle(g[0], g[1], g[2]) * (1 if g[3] == "N" else -1)
    lon = angle(g[4], g[5], g[6]) * (1 if g[7] in "EL" else -1)
    return lat, lon

# one capitalised word quoted apart, as a word of a longer name may be ("el «Tren» de Aragua";
# not two, a work's title: "el cartel de «Los Soles», la nueva obra"): an opening quote that no
# letter comes before, the word, its closing quote and no letter after that
_QUOTES_OPEN = "\"«“‘'"
_QUOTED_WORD = re.compile(
    "[\"«“‘'](?<![^\\W\\d_][\"«“‘'])([^\\W\\d_]+)[\"»”’'](?![^\\W\\d_])")


# a transcript's or a caption's note of a gap in what it heard, in square brackets or
# parentheses: [inaudible], (crosstalk), [ininteligible], [inaudível], [unintelligible 00:14]
_GAP = re.compile(
    r"[\[(](?:inaud[ií]ble|inaud[ií]vel|unintelligible|inintelig[ií]ble|inintelig[ií]vel"
    r"|indiscernible|incomprensible|incompreens[ií]vel|crosstalk|cross-talk|garbled)"
    r"[ \w:.,?-]{0,24}[\])]", re.IGNORECASE)


# the first five letters of each note above, folded: a bracket is looked at only if one follows
_GAP_OPENINGS = frozenset(("inaud", "unint", "inint", "indis", "incom", "cross", "garbl"))


def _gap_noted(text: str) -> bool:
    """Whether ``text`` may hold a note of ``_GAP``: a bracket or parenthesis opening one of
    its words (each bracket found by ``str.find``: a regular expression's search for a bracket
    costs ~5 times as much over a long body, where brackets are common)."""
    for mark in "[(":
        i = text.find(mark)
        while i >= 0:
            if text[i + 1 : i + 6].lower() in _GAP_OPENINGS:
                return _GAP.search(text) is not None
            i = text.find(mark, i + 1)
    return False


def _gaps_apart(fields: Mapping[str, str]) -> dict[str, tuple[str, list[int]]]:
    """Each field with a transcript's note of a gap (``_GAP``): the field with each note as
    spaces (offsets hold) and where each note begins and ends."""
    out = {}
    for name, text in fields.items():
        marks = [i for m in _GAP.finditer(text) for i in (m.start(), m.end() - 1)]
        if marks:
            out[name] = (_GAP.sub(lambda m: " " * len(m.group()), text), marks)
    return out


def _quoted_apart(fields: Mapping[str, str],
                  words: frozenset[str]) -> dict[str, tuple[str, list[int]]] | None:
    """Each field with a capitalised word of a name (one of ``words``) quoted apart
    (``_QUOTED_WORD``): the field with those quotes as spaces (as long as the field: offsets
    hold) and where they are; None if no field has one."""
    return _marks_apart({
        name: [i for m in _QUOTED_WORD.finditer(text) if m.group(1)[0].isupper()
               and fold_key(m.group(1)) in words for i in (m.start(), m.end() - 1)]
        for name, text in fields.items() if _has_any(text, _QUOTES_OPEN)}, fields)


def _highlights_apart(fields: Mapping[str, str],
                      words: frozenset[str]) -> dict[str, tuple[str, list[int]]] | None:
    """Each field with a word of a name (one of ``words``) between highlight marks
    (``_HIGHLIGHT``: asterisks or square brackets): the field with those marks as spaces (as
    long as the field: offsets hold) and where they are; None if no field has one."""
    return _marks_apart({
        name: [i for m in _highlights(text) if fold_key(m.group(2)) in words
               for i in (*range(m.start(1), m.end(1)), *range(m.start(3), m.end(3)))]
        for name, text in fields.items() if "*" in text or "[" in text}, fields)


def _highlights(text: str) -> Iterator[re.Match[str]]:
    """``_HIGHLIGHT.finditer(text)``, found faster: a pattern that opens with a look-behind
    is tried at every character, one that opens with a character class only where that
    character is (~5 times faster over a page of text). ``_HIGHLIGHT_AT`` finds each place
    where ``_HIGHLIGHT`` may match (a mark that opens it, before a letter: every place it
    does match, and some more), and ``_HIGHLIGHT`` is tried there, in order: the same matches."""
    pos = 0
    while (at := _HIGHLIGHT_AT.search(text, pos)) is not None:
        m = _HIGHLIGHT.match(text, at.start())
        if m is None:
            pos = at.start() + 1
            continue
        yield m
        pos = m.end()


def _marks_apart(marks: Mapping[str, list[int]], fields: Mapping[str, str]
                 ) -> dict[str, tuple[str, list[int]]] | None:
    """Each field with marks at the offsets ``marks`` lists: the field with them as spaces (as
    long as the field: offsets hold) and the offsets; None if no field has one."""
    out = {}
    for name, at in marks.items():
        if at:
            chars = list(fields[name])
            for i in at:
                chars[i] = " "
            out[name] = ("".join(chars), at)
    return out or None


# a word between highlight marks, as keyword alerts and markdown write them: [word], *word*,
# **word** (not inside a word, nor a footnote's star after one: "MS-13*")
_HIGHLIGHT = re.compile(r"(?<![\w*\[])(\*{1,2}|\[)([^\W\d_][\w'\u2019-]*)(\*{1,2}|\])(?![\w*\]])")
_HIGHLIGHT_AT = re.compile(r"[*\[]\*?[^\W\d_]")  # where it may match (``_highlights``)


def _written(fields: Mapping[str, str], folds: list[Folded], start: int,
             end: int) -> tuple[str, str]:
    """The text a hit at ``start:end`` of the folded fields joined by ``_FIELD_BREAK`` covers
    and the character before it (a hit across two fields covers a break: not lower case)."""
    at = 0
    for text, folded in zip(fields.values(), folds, strict=True):
        last = at + len(folded.text)
        if end <= last:
            if start < at:
                return _FIELD_BREAK, ""
            s, e = folded.orig(start - at), folded.orig_end(end - at)
            return text[s:e], text[s - 1 : s]
        at = last + 1
    return _FIELD_BREAK, ""


def _caps_say(pat: _Pat) -> bool:
    """Whether an alias's case rule fails for certain on its key written in small letters
    (``_case_ok``): an exact case with a capital in it, or capitals where it has some."""
    if pat.case == "exact":
        return pat.exact != pat.exact.lower()
    return pat.case == "capitalized" and bool(pat.caps)


def _small_opening(text: str) -> int:
    """Where a field that opens in small letters stops being written so: the start of its
    first word capitalised the usual way (``_TITLE_PAIR``), if the stretch before is longer
    than ``_SHOUT`` and ``_SMALL_OPENING_WORDS`` words, its first letter small and no capital
    beyond Latin-1 in it; else 0. Words all in capitals stay inside it (an acronym: "y pelea
    con el CJNG")."""
    first = _FIRST_LETTER.search(text)
    if first is None or not first.group().islower():
        return 0
    title = _TITLE_PAIR.search(text, first.start())
    end = title.start() if title is not None else len(text)
    if (end - first.start() <= _SHOUT
            or len(_CAPS_WORD.findall(text, first.start(), end)) < _SMALL_OPENING_WORDS
            or any(c.isupper() for c in text[first.start():end] if c > "\xff")):
        return 0  # (a capital beyond Latin-1 is not read by _TITLE_PAIR: cased)
    return end


# the words a cased field's opening in small letters needs to say its writer does not
# capitalise: a clause's worth ("maduro fruit; TdA results" opens a cased summary, "retenes de
# los carteles unidos rumbo a Tepalcatepec" is written in small letters)
_SMALL_OPENING_WORDS = 5


def _in_caps_run(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands in a stretch of words written in capitals: of the
    three words before it and the three after, those next to it without a small letter are
    four or more in all ("O" and "A" are words; the stretch may end right after it: "THE
    CANAL IS SAFE. Captioning by ..."), and no small letter is the next letter either side.
    A name or an acronym among small words, or in a headline's capitalised words, is not."""
    # the letters next to it first: almost every hit has a small one there
    before = _LAST_LETTER.search(text, max(0, start - 8), start)
    if before is not None and not before.group(1).isupper():
        return False
    after = _FIRST_LETTER.search(text, end, end + 8)
    if after is not None and not after.group().isupper():
        return False
    if before is None and after is None:
        return False
    caps = 0
    for words in (_CAPS_WORD.findall(text, max(0, start - _CAPS_REACH), start)[:-4:-1],
                  _CAPS_WORD.findall(text, end, end + _CAPS_REACH)[:3]):
        for w in words:
            if not w.isupper():
                break
            caps += 1
    return caps >= 4


_CAPS_WORD = re.compile(r"[^\W\d_]+")
_LAST_LETTER = re.compile(r".*([^\W\d_])", re.S)
_CAPS_REACH = 48  # characters each side of a hit read for the words around it


def _uncased(text: str) -> bool:
    """Whether a field's capitals say nothing: longer than ``_SHOUT``, its letters all capitals
    or in small letters (``_small_letters``)."""
    return len(text) > _SHOUT and (text.isupper() or _small_letters(text))


def _small_letters(text: str) -> bool:
    """Whether a field is written in small letters: no capital, or capitals only in words
    written all in capitals (an acronym, a word shouted: "rubio is secstate AND nsa", "los
    del tda y la MS13"), none capitalised the usual way, and its first letter small: its
    writer does not capitalise names, so a name's small letters say nothing. A field that
    opens on an acronym ("EU fines makers for running a united cartel") is a sentence."""
    if text.islower():
        return True
    if text.isupper() or _TITLE_PAIR.search(text):
        return False
    first = _FIRST_LETTER.search(text)
    # read in Latin-1's letters: a field with others is cased
    return first is not None and first.group().islower() and max(text) <= "\xff"


_FIRST_LETTER = re.compile(r"[^\W\d_]")
# a capital then a small letter, or a capital alone, in Latin-1: a word capitalised the usual
# way ("Rubio", "The", a sentence's "O" or "A")
_TITLE_PAIR = re.compile(
    "[A-Z\xc0-\xd6\xd8-\xde](?:[a-z\xdf-\xf6\xf8-\xff]|(?<![A-Za-z\xc0-\xd6\xd8-\xf6\xf8-\xff]."
    ")(?![A-Za-z\xc0-\xd6\xd8-\xf6\xf8-\xff]))")


# after an acronym, a year or a number at most, then a colon or a dash: what it stands for follows
_APPOSED = re.compile(r"(?: \d{1,4})?\s*(?::|\s[-\u2013\u2014])\s+")
_SPELLING_WORD = re.compile(r"[^\W_][\w'\u2019-]*")
# an acronym said to be short for the words before it ("..., MS 13 for short")
_FOR_SHORT = re.compile(r",?\s+(?:for short|para abreviar|para acortar|abreviado|abreviada|"
                        r"em resumo|para encurtar)\b", re.IGNORECASE)
# an acronym's parts: each letter, and a number whole ("MS13": m, s, 13)
_ACRONYM_PARTS = re.compile(r"\d+|[^\W\d_]")
# words an acronym's spelling-out skips: "Liga Nacional de Fútbol de Mesa" is LNFM
_LINK_WORDS = frozenset(
    "de del la las los el of the and y e da do dos das para for on in at to en em no na al a o"
    .split()
)


# a possessive before the words an acronym is spelt out as ("ISIS, its Integrated Settlement
# and Invoicing Suite")
_POSSESSIVES = frozenset(
    "its their our his her su sus seu sua seus suas nuestro nuestra nosso nossa".split())


def _rule_terms(rule: _Rule) -> set[int]:
    """Every term id a rule and its sub-rules name."""
    out = {*rule.all_terms, *rule.any_terms, *rule.none_terms}
    if rule.near is not None:
        out.update(t for g in rule.near.groups for t in g)
    for sub in (*rule.all_rules, *rule.any_rules, *rule.none_rules):
        out |= _rule_terms(sub)
    return out


def _spelt_out(text: str, start: int, end: int) -> list[str] | None:
    """The words an acronym at ``text[start:end]`` is spelt out as beside it, if its initials
    are theirs: ``LNFM (Liga Nacional de Fútbol de Mesa)``, ``Centro Juvenil ... (CJNG)``,
    ``LNFM 2026: Lagos Nigeria Film Market``; None if it is not."""
    letters = "".join(filter(str.isalnum, text[start:end]))
    if len(letters) < 2 or not letters.isupper():
        return None
    rest = text[end:]
    before = text[:start].rstrip(" ")
    bracketed: tuple[str, bool] | None = None  # the words in or before brackets, and which
    if rest.lstrip(" ").startswith("("):
        bracketed = (rest.lstrip(" ")[1:].partition(")")[0], False)
        words = _spelling_words(bracketed[0])
    elif before.endswith("(") and rest.startswith(")"):
        bracketed = (before[:-1], True)
        words = _spelling_words(before[:-1])[-len(letters) :]
    elif (m := _APPOSED.match(rest)) is not None:  # "TDA — Tribunal de Arbitraje"
        words = _spelling_words(rest[m.end() :])[: len(letters)]
    elif before.endswith(",") and _FOR_SHORT.match(rest) is not None:
        # the words before it, then "for short" ("Mother Starter 13, MS 13 for short")
        words = _spelling_words(before[:-1])[-len(_ACRONYM_PARTS.findall(letters)) :]
    elif rest.startswith(", "):
        # after a comma, a name's capitalised words: "CJNG, the Club de Jóvenes Navegantes de
        # Guaymas" (not a sentence's words that happen to have its initials)
        found = _SPELLING_WORD.findall(rest, 2, 2 + 120)
        if found and fold_key(found[0]) in _POSSESSIVES:  # "ISIS, its Integrated ... Suite"
            found = found[1:]
        names = [w for w in found if fold_key(w) not in _LINK_WORDS][: len(letters)]
        if len(names) < len(letters) or not all(w[:1].isupper() for w in names):
            return None
        words = _spelling_words(" ".join(names))
    else:
        return None
    # (a number among the words is the acronym's number: "Mother Starter 13" is MS 13)
    if "".join(w if w.isdigit() else w[0] for w in words) != letters.lower():
        # in brackets, the link words' initials may count too ("Constructora del Norte (CDN)")
        return None if bracketed is None else _spelt_with_links(
            fold_key(bracketed[0]).split(" "), letters.lower(), last=bracketed[1])
    return words


def _spelt_with_links(words: list[str], letters: str, last: bool = False) -> list[str] | None:
    """The words (link words left out) that spell ``letters`` out where the acronym counts the
    initials of some link words too, as Spanish and Portuguese ones often do ("Constructora
    del Norte (CDN)", "CDN (Centro de Niños)"): all of ``words``, or with ``last`` the last of
    them from a word that is no link word (the words before a bracket); None if none do."""
    def spells(ws: list[str], i: int = 0, j: int = 0) -> bool:
        if i == len(ws):
            return j == len(letters)
        w = ws[i]
        if j < len(letters) and w[:1] == letters[j] and spells(ws, i + 1, j + 1):
            return True
        return w in _LINK_WORDS and spells(ws, i + 1, j)

    words = [w for w in words if w]
    if not last and len(words) > 2 * len(letters):  # a sentence in brackets, not a name
        return None
    for k in range(len(letters), min(len(words), 2 * len(letters)) + 1) if last else (0,):
        ws = words[-k:] if last else words
        if ws and ws[0] not in _LINK_WORDS and spells(ws):
            return [w for w in ws if w not in _LINK_WORDS]
    return None


def _mostly_own(words: list[str], own: frozenset[str]) -> bool:
    """Whether more than half of an acronym's spelt-out words are the entity's or the topic's
    own: spelt out as its own name, it is that name."""
    return 2 * sum(w in own for w in words) > len(words)


def _spelling_words(text: str) -> list[str]:
    """The folded words that could spell an acronym out, link words left out."""
    return [w for w in fold_key(text).split(" ") if w and w not in _LINK_WORDS]


def _in_capitals(word: str) -> bool:
    """Whether the watchlist writes a word in capitals, a suffix or a code ('SE', 'FC'): in
    small letters in the text it is another word ('se'), for not_before and exclusions."""
    return len(word) > 1 and word.isupper()


def _caps_word_in_small(phrase: str, surface: str) -> bool:
    """Whether a word of an exclusion the watchlist writes in capitals ('SE' in 'Puma SE')
    stands in small letters in the text ('PUMA se desplomó'): another word."""
    words, found = phrase.split(), surface.split()
    return len(words) == len(found) and any(
        _in_capitals(w) and f.islower() for w, f in zip(words, found, strict=True))


def _surface(item: _Item, h: _H) -> str:
    """The words of a hit as the item writes them."""
    return item.fields[h.field][h.start : h.end]


def _named_twice(item: _Item, hits: list[tuple[_AliasRule, _H]]) -> dict[int, tuple[str, str]]:
    """The entities two of ``hits`` name by different words (no word of one in the other):
    a surname and a nickname, a name and its short form; each with the two as written."""
    words: dict[int, dict[str, str]] = {}
    for rule, h in hits:
        text = item.folded[h.field].text[h.fstart : h.fend]
        words.setdefault(rule.entity, {})[text] = _surface(item, h)
    out = {}
    for ei, seen in words.items():
        names = list(seen)
        pair = next(((a, b) for i, a in enumerate(names) for b in names[i + 1:]
                     if not set(a.split()) & set(b.split())), None)
        if pair is not None:
            out[ei] = (seen[pair[0]], seen[pair[1]])
    return out


def _where(h: _H, text: str) -> str:
    return f"{text[h.start : h.end]!r} at {h.field}[{h.start}:{h.end}]"
