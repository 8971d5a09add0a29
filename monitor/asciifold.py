"""Text past ASCII read as ASCII where its folding is ASCII anyway.

Grouping's shingles (similar.py) and the story hash (normalize.py) each fold text by a rule:
case folding, NFKD, some combining marks dropped, then the ``\\w+`` words. On ASCII text that
is a byte table and ``split``; text past ASCII takes Unicode normalisation and a regex, several
times slower. Yet most of it in feeds is Latin text with curly quotes, dashes, no-break spaces
and accented letters, each of which the rule turns into ASCII: the same bytes route can read it
once each such character is replaced by what the rule makes of it, alone.

That is exact because every step works character by character: case folding maps each
character on its own, NFKD decomposes each on its own and then only reorders runs of combining
marks among themselves, and here every mark is either dropped or a separator (a space), so
their order changes no word. A character is replaced only when what the rule makes of it is
ASCII and already in lower case (NFKD may give capitals after the folding: ™ is "TM", which the
bytes route would lower and the rule does not); any other non-word character becomes a space.
Text with any other character (other scripts) goes the rule's own way. The tests compare both
routes with the rule over every code point.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

_WORD_CHAR = re.compile(r"\w")
_CACHED = 4096  # characters remembered; text made of every character empties it now and then


class _NotFoldable(Exception):
    """A character whose folding keeps a word character past ASCII."""


class AsciiFolding:
    """One folding rule's ASCII route: ``encode(text)`` is the text's ASCII bytes with each
    character past ASCII replaced by ``rule(character)`` (non-word characters as spaces), or
    None when some character does not fold to lower-case ASCII."""

    def __init__(self, name: str, rule: Callable[[str], str]) -> None:
        self._rule = rule
        self._chars: dict[str, str | None] = {}
        self._handler = f"monitor.asciifold.{name}"
        codecs.register_error(self._handler, self._replace)

    def char(self, char: str) -> str | None:
        """What the rule makes of ``char`` when it is lower-case ASCII, else None."""
        out = self._chars.get(char, "")
        if out == "":
            if len(self._chars) >= _CACHED:
                self._chars.clear()
            plain = "".join(c if _WORD_CHAR.match(c) else " " for c in self._rule(char))
            self._chars[char] = out = (plain if plain.isascii() and plain == plain.lower()
                                       else None)
        return out

    def _replace(self, exc: UnicodeError) -> tuple[str, int]:
        """``str.encode`` error handler: a run of characters past ASCII, each replaced."""
        if not isinstance(exc, UnicodeEncodeError):
            raise exc
        out = []
        for char in exc.object[exc.start : exc.end]:
            folded = self.char(char)
            if folded is None:
                raise _NotFoldable
            out.append(folded)
        return "".join(out), exc.end

    def encode(self, text: str) -> bytes | None:
        if text.isascii():
            return text.encode("ascii")
        try:
            return text.encode("ascii", self._handler)
        except _NotFoldable:
            return None
