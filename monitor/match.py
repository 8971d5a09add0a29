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
import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import ahocorasick

from monitor.types import EntityMatch, Hit, MatchResult, Salience, TopicMatch
from monitor.watchlist import ALL_FIELDS, Cond, Entity, Watchlist

# --- folding -------------------------------------------------------------------------------------

_SOFT = "-'_`\t\n\r\x0b\x0c\xa0"  # become a plain space
_PUNCT = "\x1f"  # every other punctuation mark or symbol becomes this one character
# Frequent characters outside Latin-1, replaced by a Latin-1 equivalent of the same length.
_COMMON = (
    ("\u2019", "'"), ("\u2018", "'"), ("\u02bc", "'"), ("\u201c", '"'), ("\u201d", '"'),
    ("\u2010", "-"), ("\u2011", "-"), ("\u2012", "-"), ("\u2013", "-"), ("\u2014", "-"),
    ("\u2015", "-"), ("\u2212", "-"), ("\u2009", " "), ("\u200a", " "), ("\u202f", " "),
    ("\u2002", " "), ("\u2003", " "), ("\u2007", " "), ("\u2026", "."),
)  # fmt: skip
# Characters that vanish (combining accents, soft hyphens, zero-width marks).
_DROP = "\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff"
_DROP_RE = re.compile(f"[{_DROP}]")
_SQUEEZE_RE = re.compile(f"(?<= ) +|[{_DROP}]+")
_APOSTROPHES = frozenset("'\u2019\u02bc")


def _fold_char(c: str) -> str:
    """The one-character folded form of ``c`` (``c`` itself if it has none)."""
    if _DROP_RE.match(c):
        return c
    cat = unicodedata.category(c)
    if c in _SOFT or cat == "Zs":
        return " "
    if cat[0] in "PSC":
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


@cache
def _full_table() -> list[str]:
    table = [_fold_char(chr(i)) for i in range(0x3000)]
    table.extend(chr(i) for i in range(0x3000, 0x10000))
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


def fold(text: str) -> Folded:
    """Lower case, no accents, soft separators as single spaces; offsets kept or mapped.

    Letters and digits stay (folded), spaces, hyphens and apostrophes become a space, any
    other punctuation or symbol becomes ``\\x1f``; the length is kept unless a run of spaces or
    a character to drop (combining accent, soft hyphen) forces a squeeze.
    """
    if text.isascii():
        f = text.encode("ascii").translate(_LATIN1).decode("ascii")
        if "  " not in f:
            return Folded(f, None)
        return _squeeze(f)
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
            f = t.translate(_full_table())
        if "  " not in f and not _DROP_RE.search(f):
            return Folded(f, None)
    return _squeeze(f)


def _squeeze(f: str) -> Folded:
    parts: list[str] = []
    new: list[int] = [0]
    old: list[int] = [0]
    pos_old = pos_new = 0
    for m in _SQUEEZE_RE.finditer(f):
        s, e = m.span()
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


# --- compiled watchlist --------------------------------------------------------------------------

_ALIAS, _TERM, _CONTEXT, _EXCLUDE = 0, 1, 2, 3


class _Pat(NamedTuple):
    kind: int
    index: int  # alias rule, topic term, context term or entity index
    prefix: bool  # trailing '*': no word end needed
    case: str
    exact: str  # _squeeze_case(alias) for case: exact
    label: str  # the alias or term as the watchlist spells it
    caps: tuple[int, ...] = ()  # where the alias has capitals (for case: capitalized)


class _AliasRule(NamedTuple):
    entity: int
    label: str
    requires: tuple[frozenset[int], ...]  # context term ids; one of each set must be present
    not_after: frozenset[str]
    allow_after: frozenset[str] | None  # None: any capitalised word may come before the alias


class _H(NamedTuple):
    field: str
    fstart: int
    fend: int
    start: int
    end: int
    label: str


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

    def needs(self) -> tuple[frozenset[int], ...]:
        """Term sets each of which must meet the found terms for the rule to hold (a fast test)."""
        out: list[frozenset[int]] = [frozenset((t,)) for t in self.all_terms]
        for sub in self.all_rules:
            out.extend(sub.needs())
        if self.any_terms and not self.any_rules:
            out.append(self.any_terms)
        if self.near is not None:
            out.extend(self.near.groups)
        return tuple(out)


class _Item:
    """Per-item scratch state: folded fields and, lazily, context terms and exclusions."""

    __slots__ = ("aux", "fields", "folded", "headline")

    def __init__(self, fields: Mapping[str, str]) -> None:
        self.fields = fields
        self.folded: dict[str, Folded] = {}
        self.aux: tuple[set[int], dict[int, list[tuple[str, int, int, str]]]] | None = None
        self.headline: dict[str, bool] = {}


class Matcher:
    """A watchlist compiled for fast matching. Build with ``Matcher.compile(watchlist)``."""

    def __init__(self, watchlist: Watchlist) -> None:
        self.watchlist = watchlist
        self.version = watchlist.version
        self._entities: tuple[Entity, ...] = watchlist.entities
        self._rules: list[_AliasRule] = []
        self._term_ids: dict[tuple[str, str, bool], int] = {}  # (key, case, prefix) → term id
        self._term_text: list[str] = []
        self._ctx_ids: dict[tuple[str, bool], int] = {}
        self._ctx_text: list[str] = []
        self._needs_aux: list[bool] = []  # per entity: requires or exclude
        self._main_keys: dict[str, list[_Pat]] = {}
        self._aux_keys: dict[str, list[_Pat]] = {}
        self._topics: list[
            tuple[str, str, frozenset[str] | None, _Rule, tuple[frozenset[int], ...]]
        ] = []
        self._compile()

    @classmethod
    def compile(cls, watchlist: Watchlist) -> Matcher:
        """Compile every alias, context term, exclusion and topic term of ``watchlist``."""
        return cls(watchlist)

    # --- compiling -------------------------------------------------------------------------------

    @staticmethod
    def _add(keys: dict[str, list[_Pat]], text: str, pat: _Pat) -> None:
        body = text.rstrip("*")
        exact = _squeeze_case(body)
        caps = tuple(i for i, c in enumerate(exact) if c.isupper())
        pat = pat._replace(prefix=text.endswith("*"), exact=exact, label=text, caps=caps)
        for v in variants(fold_key(body)):
            bucket = keys.setdefault(v, [])
            if pat not in bucket:
                bucket.append(pat)

    def _context_id(self, term: str) -> int:
        key = (fold_key(term.rstrip("*")), term.endswith("*"))
        if key not in self._ctx_ids:
            self._ctx_ids[key] = len(self._ctx_text)
            self._ctx_text.append(term)
            pat = _Pat(_CONTEXT, self._ctx_ids[key], False, "any", "", "")
            self._add(self._aux_keys, term, pat)
        return self._ctx_ids[key]

    def _term_id(self, text: str, case: str) -> int:
        key = (fold_key(text.rstrip("*")), case, text.endswith("*"))
        if key not in self._term_ids:
            self._term_ids[key] = len(self._term_text)
            self._term_text.append(text)
            self._add(self._main_keys, text, _Pat(_TERM, self._term_ids[key], False, case, "", ""))
        return self._term_ids[key]

    def _rule(self, cond: Cond) -> _Rule:
        if cond.term is not None:
            return _Rule(all_terms=(self._term_id(cond.term, cond.case),))

        def split(conds: tuple[Cond, ...]) -> tuple[list[int], tuple[_Rule, ...]]:
            terms = [self._term_id(c.term, c.case) for c in conds if c.term is not None]
            return terms, tuple(self._rule(c) for c in conds if c.term is None)

        all_terms, all_rules = split(cond.all_of)
        any_terms, any_rules = split(cond.any_of)
        none_terms, none_rules = split(cond.none_of)
        near = None
        if cond.near is not None:
            groups = tuple(
                frozenset(self._term_id(c.term or "", c.case) for c in group)
                for group in cond.near.terms
            )
            near = _NearRule(
                groups, cond.near.within, cond.near.in_order, cond.near.across_fields
            )
        return _Rule(
            tuple(all_terms), all_rules, frozenset(any_terms), any_rules,
            frozenset(none_terms), none_rules, near,
        )  # fmt: skip

    def _compile(self) -> None:
        for ei, entity in enumerate(self._entities):
            entity_req = frozenset(self._context_id(t) for t in entity.requires)
            self._needs_aux.append(bool(entity.requires or entity.exclude))
            for phrase in entity.exclude:
                self._add(self._aux_keys, phrase, _Pat(_EXCLUDE, ei, False, "any", "", ""))
            for alias in entity.aliases:
                reqs = [entity_req] if entity_req else []
                if alias.requires:
                    reqs.append(frozenset(self._context_id(t) for t in alias.requires))
                    self._needs_aux[ei] = True
                not_after = frozenset(fold_key(w) for w in (*entity.not_after, *alias.not_after))
                allow_after = (
                    None if alias.allow_after is None
                    else frozenset(fold_key(w) for w in alias.allow_after)
                )  # fmt: skip
                self._rules.append(
                    _AliasRule(ei, alias.alias, tuple(reqs), not_after, allow_after)
                )
                pat = _Pat(_ALIAS, len(self._rules) - 1, False, alias.case, "", "")
                self._add(self._main_keys, alias.alias, pat)
        for topic in self.watchlist.topics:
            fields = None if set(topic.fields) >= set(ALL_FIELDS) else frozenset(topic.fields)
            rule = self._rule(topic.rule)
            self._topics.append((topic.id, topic.name, fields, rule, rule.needs()))
        self._main = self._automaton(self._main_keys)
        self._aux = self._automaton(self._aux_keys)

    @staticmethod
    def _automaton(keys: dict[str, list[_Pat]]) -> ahocorasick.Automaton | None:
        """Every key behind both word-start marks, so every hit starts a word."""
        if not keys:
            return None
        auto = ahocorasick.Automaton()
        for key, pats in keys.items():
            value = (len(key), tuple(pats))
            auto.add_word(" " + key, value)
            auto.add_word(_PUNCT + key, value)
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
    def _scan(
        auto: ahocorasick.Automaton, name: str, text: str, folded: Folded
    ) -> list[tuple[_Pat, _H, bool]]:
        """Hits of ``auto`` in one field: (pattern, hit, case rule passed).

        Hits inside a longer word come back only for aliases (for ``explain``), with an
        empty hit span (``fend == fstart``); everything else is a whole word or a prefix term.
        """
        f = folded.text
        n = len(f)
        mapped = folded.starts is not None
        out = []
        for end, (klen, pats) in auto.iter(" " + f):
            start = end - klen
            whole = end == n or not f[end].isalnum()
            if mapped:
                ostart, oend = folded.orig(start), folded.orig_end(end)
            else:
                ostart, oend = start, end
            if not whole:
                whole = _possessive(folded, text, end) or _camel(text, ostart, oend)
            if whole:
                for pat in pats:
                    out.append((
                        pat,
                        _H(name, start, end, ostart, oend, pat.label),
                        pat.case == "any" or _case_ok(pat, text, ostart, oend),
                    ))
                continue
            for pat in pats:
                if pat.prefix:  # the hit runs to the end of the word
                    fend = end
                    while fend < n and f[fend].isalnum():
                        fend += 1
                    hit = _H(name, start, fend, ostart, folded.orig_end(fend), pat.label)
                    out.append((pat, hit, pat.case == "any" or _case_ok(pat, text, ostart, oend)))
                elif pat.kind == _ALIAS:
                    out.append((pat, _H(name, start, start, ostart, oend, pat.label), False))
        return out

    def _run(self, fields: Mapping[str, str], trace: list[str] | None) -> MatchResult:
        item = _Item(fields)
        cands: list[tuple[_AliasRule, _H]] = []
        terms: dict[int, list[_H]] = {}
        rules = self._rules
        main = self._main
        for name, text in fields.items():
            if not text:
                continue
            folded = item.folded[name] = fold(text)
            if main is None:
                continue
            for pat, h, case_ok in self._scan(main, name, text, folded):
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
        entities = self._entity_matches(item, cands, trace) if cands else ()
        topics = self._topic_matches(item, terms, trace) if terms else ()
        return MatchResult(entities=entities, topics=topics)

    def _scan_aux(self, item: _Item) -> tuple[set[int], dict[int, list[tuple[str, int, int, str]]]]:
        """Context terms present and exclusion spans per entity, computed once per item."""
        if item.aux is not None:
            return item.aux
        ctx: set[int] = set()
        excl: dict[int, list[tuple[str, int, int, str]]] = {}
        if self._aux is not None:
            for name, folded in item.folded.items():
                text = item.fields[name]
                for pat, h, ok in self._scan(self._aux, name, text, folded):
                    if not ok:
                        continue
                    if pat.kind == _CONTEXT:
                        ctx.add(pat.index)
                    else:
                        span = (name, h.fstart, h.fend, text[h.start : h.end])
                        excl.setdefault(pat.index, []).append(span)
        item.aux = (ctx, excl)
        return item.aux

    @staticmethod
    def _name_before(item: _Item, rule: _AliasRule, h: _H) -> str | None:
        """Why the capitalised word before the hit names another person, or None."""
        if not rule.not_after and rule.allow_after is None:
            return None
        word = _word_before(item.folded[h.field], item.fields[h.field], h.fstart)
        if not word:
            return None
        if word in rule.not_after:
            return f"preceded by the first name {word!r} (not_after)"
        allow = rule.allow_after
        if allow is None or word in allow:
            return None
        headline = item.headline.get(h.field)
        if headline is None:
            headline = item.headline[h.field] = _headline(item.fields[h.field])
        if headline:
            return None
        return f"preceded by the capitalised word {word!r}, not in allow_after"

    def _rejects(self, item: _Item, rule: _AliasRule, h: _H) -> str | None:
        """Why a candidate alias hit does not count (context, exclusions), or None if it does."""
        if self._needs_aux[rule.entity]:
            ctx, excl = self._scan_aux(item)
            for field, s, e, text in excl.get(rule.entity, ()):
                if field == h.field and s < h.fend and h.fstart < e:
                    return f"inside the exclusion {text!r}"
            for required in rule.requires:
                if not required & ctx:
                    shown = ", ".join(self._ctx_text[i] for i in sorted(required)[:6])
                    return f"no context term in the item (requires one of: {shown}, ...)"
        return None

    def _entity_matches(
        self, item: _Item, cands: list[tuple[_AliasRule, _H]], trace: list[str] | None
    ) -> tuple[EntityMatch, ...]:
        by_entity: dict[int, list[tuple[_AliasRule, _H]]] = {}
        named: dict[int, set[_AliasRule]] = {}  # aliases rejected for another person's name
        for rule, h in cands:
            why = self._name_before(item, rule, h)
            if why is not None:
                named.setdefault(rule.entity, set()).add(rule)
            else:
                why = self._rejects(item, rule, h)
            if why is not None:
                if trace is not None:
                    trace.append(
                        f"{self._entities[rule.entity].id}: {_where(h, item.fields[h.field])} "
                        f"alias {rule.label!r} rejected: {why}"
                    )
                continue
            by_entity.setdefault(rule.entity, []).append((rule, h))
        for ei, rejected in named.items():
            found = by_entity.get(ei)
            if not found or any(r not in rejected for r, _ in found):
                continue  # nothing left, or confirmed by another alias
            del by_entity[ei]
            if trace is not None:
                spots = "; ".join(_where(h, item.fields[h.field]) for _, h in found)
                trace.append(
                    f"{self._entities[ei].id}: dropped {spots}: the item names another person "
                    "with this surname and nothing confirms this one"
                )
        out = []
        for ei, found in by_entity.items():
            entity = self._entities[ei]
            hits = self._hits(item, (h for _, h in found))
            about = len(hits) >= 2 or any(h.field == "title" for h in hits)
            salience: Salience = "about" if about else "mention"
            out.append(
                EntityMatch(entity.id, entity.name, entity.type, entity.priority, salience, hits)
            )
            if trace is not None:
                spots = "; ".join(f"{h.text!r} at {h.field}[{h.start}:{h.end}] (alias {h.alias!r})"
                                  for h in hits)
                trace.append(f"{entity.id}: matched ({salience}): {spots}")
        out.sort(key=lambda m: m.entity_id)
        return tuple(out)

    @staticmethod
    def _hits(item: _Item, hs: Iterable[_H]) -> tuple[Hit, ...]:
        """Hits in field then text order; a hit inside a longer hit of the same owner is dropped."""
        order = {name: i for i, name in enumerate(item.folded)}
        ranked = sorted(set(hs), key=lambda h: (order[h.field], h.start, -h.end))
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
        self, item: _Item, terms: dict[int, list[_H]], trace: list[str] | None
    ) -> tuple[TopicMatch, ...]:
        out = []
        for topic_id, name, fields, rule, needs in self._topics:
            if trace is None and any(need.isdisjoint(terms) for need in needs):
                continue
            found = terms
            if fields is not None:
                found = {}
                for k, hs in terms.items():
                    kept = [h for h in hs if h.field in fields]
                    if kept:
                        found[k] = kept
            why: list[str] | None = [] if trace is not None else None
            hits = self._eval(rule, found, item, why)
            if hits is not None:
                out.append(TopicMatch(topic_id, name, self._hits(item, hits)))
                if trace is not None:
                    shown = ", ".join(sorted({h.label for h in hits}))
                    trace.append(f"{topic_id}: matched: terms {shown}")
            elif why is not None and trace is not None and _mentions(rule, found):
                trace.append(f"{topic_id}: not matched: {'; '.join(why)}")
        out.sort(key=lambda m: m.topic_id)
        return tuple(out)

    def _eval(
        self, rule: _Rule, found: dict[int, list[_H]], item: _Item, why: list[str] | None
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
            hs = self._eval(sub, found, item, why)
            if hs is None:
                return None
            hits.extend(hs)
        if rule.any_terms or rule.any_rules:
            ok = False
            for t in rule.any_terms.intersection(found):
                ok = True
                hits.extend(found[t])
            for sub in rule.any_rules:
                if ok:
                    break
                hs = self._eval(sub, found, item, None)
                if hs is not None:
                    ok = True
                    hits.extend(hs)
            if not ok:
                if why is not None:
                    why.append(f"none of any_of {self._show(rule.any_terms, rule.any_rules)}")
                return None
        present = rule.none_terms.intersection(found)
        if present or any(self._eval(r, found, item, None) is not None for r in rule.none_rules):
            if why is not None:
                why.append(f"a none_of condition holds {self._show(present, ())}")
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
            places = [(order[h.field], h.fstart) for h in combo]
            if near.in_order and any(a >= b for a, b in itertools.pairwise(places)):
                continue
            if same:
                first = min(h.fstart for h in combo)
                last = max(h.fstart for h in combo)
                words = len(item.folded[field].text[first:last].split())
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


def _mentions(rule: _Rule, found: dict[int, list[_H]]) -> bool:
    """Whether any positive term of the rule was found (a near miss worth explaining)."""
    if any(t in found for t in rule.all_terms) or not rule.any_terms.isdisjoint(found):
        return True
    if rule.near is not None and any(not g.isdisjoint(found) for g in rule.near.groups):
        return True
    return any(_mentions(r, found) for r in (*rule.all_rules, *rule.any_rules))


# --- small checks on the original text -----------------------------------------------------------


def _camel(text: str, ostart: int, oend: int) -> bool:
    """A camel-case word break in a hashtag that starts with the alias (``#Maduro|Out``)."""
    return (
        ostart > 0
        and text[ostart - 1] in "#@"
        and oend < len(text)
        and text[oend].isupper()
        and text[oend - 1].islower()
    )


def _possessive(folded: Folded, text: str, end: int) -> bool:
    """``Maduros'``: an s then an apostrophe after the alias."""
    f = folded.text
    if f[end] != "s" or (end + 1 < len(f) and f[end + 1].isalnum()):
        return False
    o = folded.orig(end) + 1
    return o < len(text) and text[o] in _APOSTROPHES


def _case_ok(pat: _Pat, text: str, start: int, end: int) -> bool:
    """``exact``: same letters, same case. ``capitalized``: the alias's capitals are capitals."""
    if pat.case == "capitalized":
        if pat.caps == (0,):
            return text[start].isupper()
        found = _squeeze_case(text[start:end])
        if len(found) != len(pat.exact):
            return text[start].isupper()
        return all(found[i].isupper() for i in pat.caps)
    return _squeeze_case(text[start:end]) == pat.exact


def _word_before(folded: Folded, text: str, fstart: int) -> str | None:
    """The capitalised word right before ``fstart`` (folded), if any."""
    f = folded.text
    j = fstart
    while j > 0 and f[j - 1] == " ":
        j -= 1
    k = j
    while k > 0 and f[k - 1].isalnum():
        k -= 1
    if k == j or not text[folded.orig(k)].isupper():
        return None
    return f[k:j]


_FIELD_RANK = {name: i for i, name in enumerate(ALL_FIELDS)}


def _words_between(texts: list[str], first: tuple[int, int], last: tuple[int, int]) -> int:
    """Words from ``first`` up to ``last`` (field rank, folded offset), fields read as one text."""
    (f1, s1), (f2, s2) = first, last
    n = len(texts[f1][s1:].split()) + len(texts[f2][:s2].split())
    return n + sum(len(texts[k].split()) for k in range(f1 + 1, f2))


_MINOR = frozenset(
    "with from into onto over upon than that this para como tras ante bajo".split()
)  # short words a title-case headline may leave in lower case


def _headline(text: str) -> bool:
    """Whether every word of four or more letters (but a few minor ones) is capitalised."""
    for m in _LETTERS.finditer(text):
        word = m.group()
        if len(word) >= 4 and word[0].islower() and word not in _MINOR:
            return False
    return True


_LETTERS = re.compile(r"[^\W\d_]+")


def _where(h: _H, text: str) -> str:
    return f"{text[h.start : h.end]!r} at {h.field}[{h.start}:{h.end}]"
