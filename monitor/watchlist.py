"""Watchlists: YAML files naming the entities and topics the monitor looks for.

One or more files are loaded together (a directory stands for its ``*.yaml``/``*.yml`` files,
in name order); entity ids and topic ids must be unique across all of them. Every key is
checked: an unknown key, a wrong type or a bad value is a ``WatchlistError`` that reads
``file:line: key.path: what is wrong``.

File format::

    watchlist: cartel-de-los-soles       # required: a slug naming this file's list
    fuzzy: true                          # optional, default true: long names match with one edit
    source:                              # optional: where the list came from (all keys optional)
      title: US to list Cartel de los Soles as a terrorist organization
      date: 2025-11-17
      place: Washington, DC
      url: https://example.org/story
      summary: One or two sentences, in your own words.
    entities:
      - id: nicolas-maduro               # slug (a-z, 0-9, single hyphens), unique across files
        name: Nicolás Maduro             # display name
        type: person                     # person | organization | vessel | place | event | other
        priority: critical               # low | medium | high | critical
        aliases:                         # at least one; a string or a mapping
          - Nicolás Maduro               # plain: any case, any accents
          - {alias: Maduro, case: capitalized, not_after: [Ricardo],
             allow_after: [[Nicolás, Nicolas], &openers [President, The, But, Según]]}
          - {alias: TdA, case: exact, requires: [venezuela, gang, pandilla]}
        requires: [...]                  # optional: context needed by EVERY alias (see below)
        not_after: [Ricardo, Carlos]     # optional: first names that mean somebody else
        not_before: [Inc, Grill]         # optional: words after the name that mean a business
        unless: [satellite*]             # optional: terms that mean another thing of the name
        exclude: [Ricardo Maduro]        # optional: phrases that are not this entity
        fuzzy: false                     # optional: overrides the file's fuzzy for its aliases
    topics:
      - id: fto-designation              # slug, unique across files
        name: Foreign Terrorist Organization designation
        fields: [title, summary, content]   # optional: where to look (default: everywhere)
        rule:                            # a condition, see below
          any_of:
            - foreign terrorist organi*
            - near: {terms: [[designat*], [terrorist*]], within: 8}

How text is compared (aliases, context terms, exclusions and topic terms alike):

- Case and accents are ignored (``Cártel`` = ``cartel`` = ``CARTEL``); ``ñ`` counts as ``n``.
- Whole words only: ``Trump`` does not match ``Trumpet``. A trailing ``*`` makes a term a prefix
  (``designat*`` matches designate, designated, designation), and so does a word of a term of
  several (``mandado* de busca`` matches mandados de busca; ``orden* de cateo*`` órdenes de
  cateos; such a term is not looked for inside a #hashtag). A topic term that is an English stem
  in ``-at*`` or ``-pt*`` also reaches the Spanish and Portuguese nouns that spell its t as c or ç
  (``corrupt*``: corrupción, corrupção, corrupções; ``designat*``: designación, designação). A
  topic term of several words also matches without the articles inside it, as headlines write it
  (``proíbe a venda``: PROÍBE VENDA DE ...). Possessives (``Maduro's``, ``Maduros'``) count as
  word ends. Inside a ``#hashtag`` or an ``@handle`` a camel-case break (a capital after a small
  letter or a digit, a digit after a letter, the last capital of a run before small letters)
  starts or ends a word too: ``#MaduroOut``, ``#FreeMaduro``, ``@SecRubio``, ``#SOUTHCOMStrike``,
  ``#StopTrenDeAragua2025``; ``#Trumpet`` is no ``Trump``. The text is HTML-decoded before
  (entities escaped twice too: ``Maduro&amp;#39;s``), and terminal escape sequences and control
  characters are removed (``monitor.normalize``).
- Spaces, hyphens, apostrophes and underscores between the words of an alias are interchangeable
  and may be left out: ``MS-13`` also matches ``MS 13`` and ``MS13``; ``al-Qaeda`` matches
  ``al Qaeda`` and ``#AlQaeda``; ``Tren de Aragua`` matches ``#TrenDeAragua``. A letter followed
  by a digit is a word break too (``MS13`` matches ``MS-13``). Other punctuation must be spelt as
  in the alias (``U.S. Southern Command``).

Alias options (the mapping form, ``alias`` is required):

- ``case``: ``any`` (default); ``capitalized``: every letter that is a capital in the alias must
  be a capital in the text (``Maduro`` but not ``plátano maduro``, ``Carteles Unidos`` but not
  ``carteles unidos``; a whole lower-case hashtag, ``#maduro``, passes; an acronym of four
  letters or more written in capitals may also be written as a name: ``MINEM`` finds Minem);
  ``exact``: the letters must have the alias's case (``ISIS``, not ``Isis``). In an ALL-CAPS
  field (title or summary written in capitals) case says nothing, so a hit there is judged by
  the rest of the item: if another field writes the same alias, the hit counts only if one of
  those passes the case rule (``PLÁTANO MADURO`` over "...plátanos maduros..." is rejected); if
  none does, it counts, except an ``exact`` alias of three letters or fewer that a word could be
  spelt like (``IS``, ``DEA``, ``APS``); one no word is spelt like counts: no vowel (``CDC``,
  ``PF``) or two first consonants no English, Spanish or Portuguese word starts with (``FDA``,
  ``TCU``).
- ``requires``: context terms; the alias counts only if one of them occurs anywhere in the item
  (any field, whole words, prefixes with ``*``; nested lists are flattened, so a shared anchor
  takes more terms: ``[*carrier_context, Venezuel*]``). The entity's ``requires`` apply on top.
- ``not_after``: capitalised words that, right before the alias (or before the quote that opens
  it), mean another person or thing (``Ricardo Maduro``, ``Bar "Cartel de Sinaloa"``). Added to
  the entity's ``not_after``.
- ``not_before``: words that, right after the alias, mean another thing of that name (a
  business: ``Isis Pharmaceuticals``, ``Carteles Unidos SA``; a horse called ``Trump Card``).
  One word each, any case, or a phrase of several words read after the alias (``Ocampo
  Moreno``: another person's surnames); added to the entity's ``not_before``.
- ``unless``: terms (like ``requires``) whose presence anywhere in the item means the alias
  names something else: ``ISIS`` with ``satellite*`` or ``software``, ``CDS`` with ``swap*``,
  ``Tren de Aragua`` with ``railway*``. Added to the entity's ``unless``. (A topic of the file
  that matched on the very hit as its actor outweighs a veto standing far from it in the same
  field: the README says how.)
- ``fuzzy``: ``true`` or ``false``; whether the alias also matches with one edit (below). Unset,
  it follows the entity's ``fuzzy``, then the file's (default ``true``), and applies only to
  aliases of eight letters or more, without digits, not ``case: exact``. Set on the alias, it
  applies whatever its length: transliterated names spelt many ways (``{alias: al-Qaeda,
  fuzzy: true}`` matches ``Al Qaieda``).
- ``allow_after``: makes a lone surname strict. It lists the only capitalised words that may stand
  right before the alias: titles and roles (``President``, ``Secretary``, ``State`` as in "Secretary
  of State Rubio", ``presidente``, ``canciller``), the person's own first names (``Nicolás``), and
  words that open a sentence (``But``, ``When``, ``Según``, ``Ayer``). Right after any other
  capitalised word, the alias is taken for another person and rejected (``Ricky Rubio``, ``Paulina
  Rubio``), even when that word starts the sentence. A lower-case word, punctuation or nothing
  before the alias is fine (``the Venezuelan leader, Maduro``, ``Venezuela's Maduro``, ``Sen.
  Rubio``, ``Rubio: ...``), and so is a word joined to it by a hyphen or set off by a dash, a
  compound or another sentence rather than a first name (``Trump-Maduro call``, ``anti-Maduro``,
  ``10:55 ET — Rubio says``: ``not_after`` does not apply there either), nor is the word a Spanish
  question opens with after ``¿`` or ``¡`` (``¿Dirigía Maduro ...?``; ``not_after`` applies). In a
  headline where every
  word of four or more letters is capitalised (``Rubio Heads To Canada``, ALL CAPS) capitals say
  nothing, so there only ``not_after`` applies. Words are compared without case or accents, one word
  each; nested lists are flattened, so a shared YAML anchor can be combined with more words
  (``allow_after: [*openers, [Nicolás, Nicolas]]``). An empty list rejects every capitalised word.
  A strict surname is also rejected right before another capitalised word, in a field whose
  capitals mean something:
  it is part of another name (``Prado Pérez``, ``Moreno Valley``, ``Prado Cafe``), unless that word
  is a word of the entity's own aliases (a second surname they list: ``Maduro Moros``) or of
  ``allow_after``, or a weekday or month (``Rubio Monday said``). Only that hit is rejected: a
  relative's name (``Maduro Guerra``) does not unmake ``Maduro's son`` in the same item.
  And a strict surname capitalised only because it opens a sentence is the common word when the
  item writes that word in lower case in another sentence (``Leite condensado: ... leite em pó``,
  ``Mora tributaria ... pagos en mora``; in one sentence it is a pun: ``Trump plays his trump
  card``).

Two rules need no list. An alias that runs on into a longer code is that code
(``MS13-098``, a bulletin number), and an acronym followed by a spelling-out in brackets whose
initials are its letters and which shares no word with the entity's names is that other thing
(``LNFM (Liga Nacional de Fútbol de Mesa)``; ``CJNG (Cártel de Jalisco Nueva Generación)`` stays).
A middle initial is skipped when reading the word before (``Mary L. Trump`` is Mary's).

When a hit is rejected for the word before it (``not_after`` or ``allow_after``), after it
(``not_before``) or by those two rules, the item is taken to be about that other person or
thing: the same alias's other hits in the item are dropped too (``Ricardo Maduro ... Maduro
said``, ``a greyhound named Trump Card ... Trump led``), unless the entity is also found by
another of its aliases (``Nicolás Maduro``, ``President Maduro``). This applies only when such a
rejection happened, and a ``not_before`` rejection in a headline whose capitals say nothing
(``TRUMP'S TRUMP CARD``) drops nothing else.

``exclude`` lists phrases; an alias found inside (overlapping) one of them in the same field is
dropped: ``Ricardo Maduro``, ``Gulf of Mexico``, ``Ford Motor``; an alias that holds a whole
phrase and more is not inside it, and a phrase is never read in a spelling one of the entity's
own aliases has (``El Dorado`` without its space is the alias ``Eldorado``). Written under an alias
(``{alias: ARCO, case: exact, exclude: [Arco Minero]}``), the phrases are the entity's all the same:
any alias of it found inside one is dropped.
For an organisation or a thing (not a person, whose relatives share the name), the item then
keeps one sense: the same alias written the same way elsewhere in it is dropped too, unless
another alias confirms the entity (``Form MS-13 ... the MS-13 form``: no gang).

One edit (``fuzzy``): a long alias also matches when one of its words is spelt with one edit: a
letter dropped, two neighbours swapped, a letter doubled (the last one too: ``Haramm``), an
``h`` or a vowel added, or a letter replaced by one that sounds alike (vowels among themselves,
c/k/q/s/z, g/j/q, b/v, m/n, d/t...), or an ``m`` read ``rn`` as OCR reads it (``Cornmand``).
Never the first letter of a word and never a letter added
at its end but a vowel after a final vowel (``Ansari``: ``Ansarie``; ``Islamic States`` is not
``Islamic State``). The edited word has five letters or more (four, when a letter is dropped
from a name of three words or more: ``Cartel de los Sole``; and a word of four letters in a name
of two words or more may have a consonant doubled or b/v, s/z swapped, nothing else: ``Thiago
Lobbo``, ``Marco Leall``, not ``Marco Lela``) and is capitalised in the alias (a name, not
``portaaviones``); a word that aliases of several entities share or that another entity's
context terms use in lower case (``cartel``, ``state``, ``ataque*``) only loses a letter,
doubles one or swaps two (``Carrtel``); a name used as another entity's context (``Sinaloa``)
stays a name (``Sinalua Cartel`` matches). A spelling that is itself an alias or term is not an
edit. ``Mara Salvatrusha``, ``Tren de Araqua``, ``Boko Haran``, ``Sinaloa Cartle`` match;
``explain`` shows ``(alias 'Tren de Aragua', one edit)``. The alias's other words must be spelt
exactly; its case rule, context and exclusions apply as to the alias itself.
A shorter name of one word, of six or seven letters and not an acronym (``Maduro``), matches
with two neighbouring letters swapped and nothing else (``madruo``, ``Maudro``; never the first
letter): in five letters such a swap often spells another word (``Prado``, ``Pardo``).

Topic conditions: a condition is either a term (a string, or ``{term: FTO, case: exact}``) or a
mapping with one or more of these keys, all of which must hold:

- ``all_of``: a list of conditions that must all hold;
- ``any_of``: a list of conditions of which at least one holds;
- ``none_of``: a list of conditions none of which may hold (in these three lists, as in a
  ``near`` group, nested lists are flattened: ``any_of: [*us_names, American, Rubio]``);
- ``near: {terms: [[a, b], [c, d]], within: N}``: some term of each group occurs within ``N``
  words of one term of every other group. The fields are read as one text, title then summary
  then content, so a title ending in ``strikes`` is near a summary starting ``on vessels`` (the
  field break counts as no word). Two optional flags:
  ``in_order: true``: the groups' terms must come in the order the groups are listed
  (``designate ... terrorist``, not ``terrorism counts ... designated``);
  ``across_fields: false``: the terms must be in the same field (the seed watchlist says so
  where a rule was written for one field). A group may combine a YAML anchor with more terms
  (``[*craft, ship, ships]``): nested lists are flattened.

The loaded ``Watchlist`` has a ``version``: the first 12 hex digits of the SHA-256 of its
canonical JSON content, so stored matches can say which watchlist produced them.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    field_validator,
    model_validator,
)

from monitor.exceptions import WatchlistError
from monitor.types import Priority
from monitor.yamlfile import as_text, load_yaml

Case = Literal["any", "capitalized", "exact"]
EntityType = Literal["person", "organization", "vessel", "place", "event", "other"]
FieldName = Literal["title", "summary", "content"]
ALL_FIELDS: tuple[FieldName, ...] = ("title", "summary", "content")

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_WORDY = re.compile(r"\w", re.UNICODE)


def _check_slug(value: str) -> str:
    if not _SLUG.fullmatch(value):
        raise ValueError("must be a lowercase slug: a-z, 0-9 and single hyphens ('gulf-cartel')")
    return value


def _check_text(value: str, what: str) -> str:
    value = value.strip()
    if not _WORDY.search(value.replace("_", "")):
        raise ValueError(f"{what} must contain a letter or a digit")
    return value


def _check_term(value: str) -> str:
    value = _check_text(value, "a term")
    for word in value.split():
        if "*" in word[:-1] or word == "*":
            raise ValueError(
                "'*' is only allowed at the end of a word (a prefix: 'mandado* de busca')")
    return value


_ONE_WORD = re.compile(r"[^\W_]+")
_JOINED = re.compile(r"[-'\u2019]")  # a hyphen or an apostrophe inside one word


def _joined_parts(v: Any) -> list[str] | None:
    """A joined entry's words ("E-Pace": E, Pace; "ex-diretora": ex, diretora), or None."""
    parts = _JOINED.split(v) if isinstance(v, str) else []
    return parts if len(parts) > 1 and all(_ONE_WORD.fullmatch(p) for p in parts) else None


def _joined_part(v: Any, index: int) -> Any:
    """A joined entry's part the matcher reads beside a name (``index`` -1 before it: "ex-
    diretora Serra"), or the entry as it is."""
    parts = _joined_parts(v)
    return v if parts is None else parts[index]


def _joined_phrase(v: Any) -> Any:
    """A joined entry ("E-Pace", "D-5") as the phrase of its parts ("E Pace"), or the entry as
    it is."""
    parts = _joined_parts(v)
    return v if parts is None else " ".join(parts)


_ABBREVIATION = re.compile(r"(?:[^\W\d_]+\.)+(?:[^\W\d_]+)?")  # "S.A.", "S.A", "Ltda.", "Cía."


def _abbreviation_part(v: Any) -> Any:
    """An abbreviation's first word without its stop ("S.A." -> "S", "Ltda." -> "Ltda"): the
    word the matcher reads right after a name; anything else as it is."""
    if isinstance(v, str) and _ABBREVIATION.fullmatch(v):
        return v.split(".", 1)[0]
    return v


def _flatten(value: Any) -> Any:
    """A list whose items may be lists (YAML anchors combined), at any depth (an anchor's list
    may itself combine anchors, ``&uy [Uruguay, *cyber]``, and be combined again,
    ``[*uy, RAE]``): one flat list."""
    if not isinstance(value, (list, tuple)):
        return value
    out: list[Any] = []
    for v in value:
        if isinstance(v, (list, tuple)):
            out.extend(_flatten(v))
        else:
            out.append(as_text(v))  # a word written as a number: ``unless: [poet, 1998]``
    return out


def _flatten_groups(value: Any) -> Any:
    """Near groups, each flattened: a group may combine YAML anchors (``[*craft, ship]``)."""
    if not isinstance(value, (list, tuple)):
        return value
    return [_flatten(g) for g in value]


def _mapping_from_string(key: str) -> Any:
    def convert(value: Any) -> Any:
        value = as_text(value)  # an alias or a term written as a number: ``1998``, ``13``
        if isinstance(value, str):
            return {key: value}
        if not isinstance(value, dict):
            raise ValueError(f"expected a string or a mapping with an {key!r} key")
        return value

    return convert


Words = tuple[str, ...]


def _one_words(value: Words, key: str) -> Words:
    out = []
    for v in value:
        v = _check_text(v, f"a {key} word")
        if not all(_ONE_WORD.fullmatch(p) for p in v.split(" ")):
            raise ValueError(f"a {key} entry is one word of letters or digits, or several"
                             f" separated by spaces (got {v!r})")
        out.append(v)
    return tuple(out)


def _phrase(v: Any) -> str | None:
    """An entry of several words, with one space between them ("Ocampo  Moreno"), or None."""
    parts = v.split() if isinstance(v, str) else []
    return " ".join(parts) if len(parts) > 1 and all(_ONE_WORD.fullmatch(p) for p in parts) \
        else None


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class Source(_Model):
    """Where a watchlist came from: free metadata, shown in reports."""

    title: str | None = None
    date: dt.date | None = None
    place: str | None = None
    url: str | None = None
    summary: str | None = None


class _NameRules(_Model):
    """The rules an alias and an entity share; an entity's apply to every alias of it."""

    requires: Annotated[Words, BeforeValidator(_flatten)] = ()
    not_after: Annotated[Words, BeforeValidator(_flatten)] = ()
    unless: Annotated[Words, BeforeValidator(_flatten)] = ()
    not_before: Annotated[Words, BeforeValidator(_flatten)] = ()
    exclude: Annotated[Words, BeforeValidator(_flatten)] = ()
    fuzzy: bool | None = None

    @field_validator("requires", "unless")
    @classmethod
    def _terms(cls, value: Words) -> Words:
        return tuple(_check_term(v) for v in value)

    @field_validator("not_after")
    @classmethod
    def _not_after(cls, value: Words) -> Words:
        return tuple(_check_text(v, "a not_after word") for v in value)

    @field_validator("not_before")
    @classmethod
    def _not_before(cls, value: Words) -> Words:
        # a joined entry is read after the name as its parts, one word after the other: "D-5"
        # is "D" then "5" ("Trident D-5"), "E-Pace" "E" then "Pace" (its first part alone
        # would take Portuguese's "e", and: "Jaguar e Halcón"); of an abbreviation with stops
        # the word read is its first ("Centella S.A.": "S", "Pampa Ltda.": "Ltda"); an entry of
        # several words is a phrase read after the name ("Ocampo Moreno": another person's
        # second surnames, where the first alone is the person's own)
        return _one_words(tuple(_phrase(v) or _joined_phrase(_abbreviation_part(v))
                                for v in value), "not_before")

    @field_validator("exclude")
    @classmethod
    def _exclude(cls, value: Words) -> Words:
        return tuple(_check_text(v, "an exclude phrase") for v in value)


class Alias(_NameRules):
    """One way an entity is written, with the rules that keep it precise."""

    alias: str
    case: Case = "any"
    allow_after: Annotated[Words, BeforeValidator(_flatten)] | None = None
    # the alias counts only as a name of a list, beside another entity of its kind and file
    # found by its own rules ("Tren de Aragua, Sinaloa y CJNG": a state's name for its cartel)
    listed: bool = False

    @field_validator("alias")
    @classmethod
    def _alias(cls, value: str) -> str:
        return _check_text(value, "an alias")

    @field_validator("allow_after")
    @classmethod
    def _allow_after(cls, value: Words | None) -> Words | None:
        if value is None:
            return None
        out = []
        for v in value:
            v = _check_text(v, "an allow_after word")
            if v.endswith(".") and _ONE_WORD.fullmatch(v[:-1]):
                v = v[:-1]  # an abbreviation ("Sr.", "Capt."): its dot is not part of the word
            # the word read before a name is the last part of a joined one: in
            # "ex-diretora Serra" it is "diretora", so that is what the entry stands for
            v = _joined_part(v, -1)
            if not _ONE_WORD.fullmatch(v):
                raise ValueError(
                    f"an allow_after entry is one word of letters or digits (got {v!r}): "
                    "for 'Secretary of State Rubio' list 'State'"
                )
            out.append(v)
        return tuple(out)


class Entity(_NameRules):
    """A named thing to watch for: a person, an organization, a vessel..."""

    id: str
    name: str
    type: EntityType
    priority: Priority
    aliases: tuple[Annotated[Alias, BeforeValidator(_mapping_from_string("alias"))], ...] = Field(
        min_length=1
    )
    # a person's year of birth: an age written beside the name that does not fit it is
    # somebody else of that name ("Marco Rubio, 19, from Seville")
    born: int | None = Field(default=None, ge=1800, le=2100)
    # a person's: trades that, written right beside the name, mark somebody else of that name
    # ("El panadero Marco Rubio", "Marco Rubio, a baker in Valencia"): none of the person's own
    namesake_trades: tuple[str, ...] = ()

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        return _check_slug(value)

    @model_validator(mode="after")
    def _born_person(self) -> Entity:
        if self.born is not None and self.type != "person":
            raise ValueError(f"born is a person's year of birth; {self.id!r} is of type "
                             f"{self.type}: remove it or make the entity a person")
        if self.namesake_trades and self.type != "person":
            raise ValueError(f"namesake_trades mark a person's namesakes; {self.id!r} is of "
                             f"type {self.type}: remove them or make the entity a person")
        return self

    @field_validator("namesake_trades")
    @classmethod
    def _trades(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for word in value:
            if not word.strip() or not all(c.isalpha() or c in "-'" for c in word.strip()):
                raise ValueError(f"namesake_trades are single words of letters; {word!r} is "
                                 "not: write each trade's word alone ('baker', 'panadero')")
        return tuple(w.strip() for w in value)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return _check_text(value, "a name")

    def exclusions(self) -> Words:
        """The phrases that are not this entity: its own ``exclude`` and its aliases' (an
        exclude phrase is the entity's, whichever alias it is written under)."""
        return tuple(dict.fromkeys(
            (*self.exclude, *(p for alias in self.aliases for p in alias.exclude))))


class Area(_Model):
    """A box of latitudes and longitudes, in degrees (north and east positive): a condition
    ``{area: {lat: [9.5, 19], lon: [-83.5, -59.5]}}`` holds where the item writes a position
    inside it ("12.1N 67.4W", "12,2 N, 64,3 O", "11-51N 069-47W", "11°51'N 69°47'W")."""

    lat: tuple[float, float]
    lon: tuple[float, float]

    def holds(self, lat: float, lon: float) -> bool:
        """Whether the position ``lat``, ``lon`` (degrees, north and east positive) is inside."""
        return self.lat[0] <= lat <= self.lat[1] and self.lon[0] <= lon <= self.lon[1]

    @model_validator(mode="after")
    def _box(self) -> Area:
        (south, north), (west, east) = self.lat, self.lon
        if not -90 <= south <= north <= 90:
            raise ValueError("lat must be [south, north], each from -90 to 90, south first")
        if not -180 <= west <= east <= 180:
            raise ValueError("lon must be [west, east], each from -180 to 180, west first (a "
                             "box across the 180th meridian is two areas)")
        return self


class Near(_Model):
    """Some term of each group within ``within`` words of each other: across the fields read
    as one text, or in one field with ``across_fields: false``."""

    terms: Annotated[
        tuple[tuple[Annotated[Cond, BeforeValidator(_mapping_from_string("term"))], ...], ...],
        BeforeValidator(_flatten_groups),
    ]
    within: int = Field(ge=1, le=200)
    in_order: bool = False
    across_fields: bool = True

    @field_validator("terms")
    @classmethod
    def _terms(cls, groups: tuple[tuple[Cond, ...], ...]) -> tuple[tuple[Cond, ...], ...]:
        if len(groups) < 2:
            raise ValueError("near needs at least two groups of terms")
        for group in groups:
            if not group:
                raise ValueError("a near group must list at least one term")
            if not all(c.leaf for c in group):
                raise ValueError("near groups hold terms, entities and areas only, not nested "
                                 "conditions")
        return groups


_COND_KEYS = ("all_of", "any_of", "none_of", "near")


ANY_ENTITY = "*"  # ``entity: "*"``: any entity of the topic's own file
# the conditions validated so far in the file being loaded (Cond._once): key -> (input, model)
_SEEN: contextvars.ContextVar[dict[Any, tuple[Any, Any]] | None] = contextvars.ContextVar(
    "_SEEN", default=None)


# a list of conditions; nested lists are flattened, so a shared YAML anchor can be combined
# with more conditions (``any_of: [*us_names, American]``)
_Conds = Annotated[
    tuple[Annotated["Cond", BeforeValidator(_mapping_from_string("term"))], ...],
    BeforeValidator(_flatten),
]


class Cond(_Model):
    """A topic condition: a term, an entity the item matches (``entity: ID``, its hits as the
    term's; ``"*"``: any entity of the same file), or all_of/any_of/none_of/near (all given
    keys must hold)."""

    term: str | None = None
    entity: str | None = None
    area: Area | None = None
    case: Case = "any"
    all_of: _Conds = ()
    any_of: _Conds = ()
    none_of: _Conds = ()
    near: Near | None = None

    @field_validator("term")
    @classmethod
    def _term(cls, value: str | None) -> str | None:
        return None if value is None else _check_term(value)

    @property
    def leaf(self) -> bool:
        """A term, an entity or an area condition: matched by hits, not by nested
        conditions."""
        return self.term is not None or self.entity is not None or self.area is not None

    @field_validator("entity")
    @classmethod
    def _entity(cls, value: str | None) -> str | None:
        return value if value is None or value == ANY_ENTITY else _check_slug(value)

    @model_validator(mode="wrap")
    @classmethod
    def _once(cls, data: Any, handler: ModelWrapValidatorHandler[Cond]) -> Cond:
        """One model for a condition written again: a term (the same word in several rules, or
        an anchored list's words in each rule that uses it) or the same mapping (an anchored
        group), while a file is validated (``_load_file``). Without this each use is a model of
        its own until ``_shared_conditions`` pools them, and a file's peak holds them all."""
        seen = _SEEN.get()
        if seen is None or not isinstance(data, dict):
            return handler(data)._one_kind()
        term = data.get("term") if len(data) == 1 else None
        if type(term) is str:
            key: Any = (("term", term),)  # a term, by value (the usual: a word alone)
        elif all(isinstance(v, str) for v in data.values()):
            key = tuple(sorted(data.items()))  # a term, by value
        else:
            key = id(data)  # a group, by identity (the parsed document holds it meanwhile)
        hit = seen.get(key)
        if hit is not None and (hit[0] is data or not isinstance(key, int)):
            return hit[1]  # checked when it was made
        out = handler(data)._one_kind()
        seen[key] = (data, out)
        return out

    def _one_kind(self) -> Cond:
        """The keys of one kind of condition only (``_once`` calls it on each model made: an
        after-validator would run again on every use of a shared one)."""
        rules = [k for k in _COND_KEYS if getattr(self, k)]
        if self.area is not None:
            if self.term is not None or self.entity is not None or rules:
                raise ValueError("an area condition stands alone: nest it in all_of, any_of, "
                                 "none_of or near")
            if self.case != "any":
                raise ValueError("'case' applies to a term only")
            return self
        if self.entity is not None:
            if self.term is not None or rules:
                raise ValueError("an entity condition stands alone: nest it in all_of, any_of, "
                                 "none_of or near")
            if self.case != "any":
                raise ValueError("'case' applies to a term only")
            return self
        if self.term is not None and rules:
            raise ValueError(f"a term cannot also have {', '.join(rules)}: nest them instead")
        if self.term is None:
            if not rules:
                raise ValueError("a condition needs a term or one of all_of, any_of, none_of, near")
            if self.case != "any":
                raise ValueError("'case' applies to a term only")
        return self


Near.model_rebuild()


class Topic(_Model):
    """A subject recognised by a rule over several terms rather than by one name."""

    id: str
    name: str
    fields: tuple[FieldName, ...] = ALL_FIELDS
    rule: Annotated[Cond, BeforeValidator(_mapping_from_string("term"))]
    # beside the rule, as an analyst often writes it: items it matches but for these
    none_of: _Conds = ()

    @property
    def condition(self) -> Cond:
        """The rule, and none of ``none_of``: what an item must meet to be about the topic."""
        if not self.none_of:
            return self.rule
        return Cond.model_construct(all_of=(self.rule,), none_of=self.none_of)

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        return _check_slug(value)

    @field_validator("fields")
    @classmethod
    def _fields(cls, value: tuple[FieldName, ...]) -> tuple[FieldName, ...]:
        if not value:
            raise ValueError("list at least one field (title, summary, content)")
        return tuple(dict.fromkeys(value))


class WatchlistFile(_Model):
    """The content of one watchlist YAML file."""

    watchlist: str
    source: Source | None = None
    fuzzy: bool = True
    entities: tuple[Entity, ...] = ()
    topics: tuple[Topic, ...] = ()

    @field_validator("watchlist")
    @classmethod
    def _name(cls, value: str) -> str:
        return _check_slug(value)


@dataclass(frozen=True)
class Watchlist:
    """Every entity and topic of the loaded files, with a stable version hash of their content."""

    entities: tuple[Entity, ...]
    topics: tuple[Topic, ...]
    files: tuple[Path, ...]
    lists: tuple[WatchlistFile, ...]
    version: str

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id (KeyError if there is none)."""
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        raise KeyError(entity_id)


def watchlist_files(paths: Sequence[str | Path]) -> list[Path]:
    """The files ``paths`` name, in the order they load: a directory stands for its
    ``*.yaml``/``*.yml`` files in name order (WatchlistError when it has none)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml"))
            if not found:
                raise WatchlistError("directory has no .yaml or .yml files", path=str(path))
            out.extend(found)
        else:
            out.append(path)
    return out


def _fields(model: BaseModel) -> tuple[Any, ...]:
    """A model's field values, in order."""
    return tuple(getattr(model, f) for f in type(model).model_fields)


def _digest(value: Any) -> int:
    """A hash of a group's fields (or a Near's, or a tuple's items) whose conditions are shared
    already: each condition by identity, so it costs one step per condition, where pydantic
    hashes a frozen model by value, the whole tree below it, each time."""
    if isinstance(value, Cond):
        return id(value)
    if isinstance(value, tuple | BaseModel):
        h = hash(type(value))
        for v in value if isinstance(value, tuple) else _fields(value):
            h = (h * 1_000_003) ^ _digest(v)
        return h & 0xFFFF_FFFF_FFFF_FFFF
    return hash(value)


def _same(a: Any, b: Any) -> bool:
    """Whether two groups' fields (or Nears, tuples) whose conditions are shared already are
    equal: their conditions the same objects, their other values equal."""
    if isinstance(a, Cond):
        return a is b
    if isinstance(a, tuple):
        return isinstance(b, tuple) and len(a) == len(b) and all(map(_same, a, b))
    if isinstance(a, BaseModel):
        return type(a) is type(b) and _same(_fields(a), _fields(b))
    return bool(a == b)


def _shared_conditions(wl: WatchlistFile) -> WatchlistFile:
    """``wl`` with each distinct topic condition held once: rules repeat the same terms and
    groups (a YAML anchor, or the same word written in several rules), each a model of its
    own once validated (the seed watchlist: 4,242 conditions, 2,238 distinct, ~1 MB kept for
    the daemon's life; README, Performance: memory). Equal conditions are interchangeable:
    the models are frozen and compare by value, and the version hash reads the same values."""
    pool: dict[Any, Cond] = {}  # the leaves by value; the groups by a hash (an int) of their
    # fields with their conditions (shared already, so equal ones are the same object) by
    # identity: pydantic hashes a frozen model by value each time, the whole tree below it
    # (~0.1 s for the seed's rules)
    collided: list[Cond] = []  # groups whose hash another group has (none in the seed)
    done: dict[int, Cond] = {}  # by the id of a group already shared (``_once`` made one
    # model of each group written again, an anchored list: most are reached many times)

    def share(c: Cond) -> Cond:
        if c.leaf:
            return pool.setdefault(c, c)
        out = done.get(id(c))
        if out is None:
            out = done[id(c)] = pooled(c)
        return out

    def group(c: Cond) -> Cond:
        """The group equal to ``c`` met before, or ``c``."""
        fields = _fields(c)
        first = pool.setdefault(_digest(fields), c)
        for other in (first, *collided):
            if other is c or _same(fields, _fields(other)):
                return other
        collided.append(c)
        return c

    def pooled(c: Cond) -> Cond:
        update: dict[str, Any] = {}
        for key in ("all_of", "any_of", "none_of"):
            kids = getattr(c, key)
            shared = tuple(share(k) for k in kids)
            if any(a is not b for a, b in zip(shared, kids, strict=True)):
                update[key] = shared
        if c.near is not None:
            groups = tuple(tuple(share(k) for k in g) for g in c.near.terms)
            if any(a is not b for g, h in zip(groups, c.near.terms, strict=True)
                   for a, b in zip(g, h, strict=True)):
                update["near"] = c.near.model_copy(update={"terms": groups})
        if update:
            c = c.model_copy(update=update)
        return group(c)

    topics = tuple(t.model_copy(update={"rule": share(t.rule),
                                        "none_of": tuple(share(c) for c in t.none_of)})
                   for t in wl.topics)
    return wl.model_copy(update={"topics": topics}) if topics else wl


def _load_file(path: Path, entity_at: dict[str, str], topic_at: dict[str, str]) -> WatchlistFile:
    """One watchlist file, validated, its ids checked against the files before it (whose
    ``file:line`` of each id are in ``entity_at`` and ``topic_at``). The parsed YAML and its
    line table go when it returns."""
    doc = load_yaml(path, WatchlistError, words=True)
    if doc.data is not None and not isinstance(doc.data, dict):
        raise doc.error("a watchlist file is a mapping (watchlist:, entities:, topics:)",
                        (), WatchlistError)
    token = _SEEN.set({})
    try:
        wl: WatchlistFile = _shared_conditions(doc.validate(WatchlistFile, WatchlistError))
    finally:
        _SEEN.reset(token)
    for kind, items, seen in (("entity", wl.entities, entity_at),
                              ("topic", wl.topics, topic_at)):
        section = "entities" if kind == "entity" else "topics"
        for i, item in enumerate(items):
            keypath = (section, i, "id")
            here = f"{path}:{doc.line_of(keypath)}"
            if item.id in seen:
                raise doc.error(
                    f"duplicate {kind} id {item.id!r} (first defined at {seen[item.id]})",
                    keypath,
                    WatchlistError,
                )
            seen[item.id] = here
    own = {e.id for e in wl.entities}
    for i, topic in enumerate(wl.topics):
        conds = [(topic.rule, ("topics", i, "rule")),
                 *((c, ("topics", i, "none_of", k)) for k, c in enumerate(topic.none_of))]
        for cond, keypath in (x for c, at in conds for x in _entity_conditions(c, at)):
            if cond.entity != ANY_ENTITY and cond.entity not in own:
                raise doc.error(
                    f"topic {topic.id!r} names entity {cond.entity!r}, which this file does not "
                    "define: use the id of one of its entities, or \"*\" for any of them",
                    (*keypath, "entity"), WatchlistError)
    return wl


def _entity_conditions(cond: Cond, at: tuple[str | int, ...]
                       ) -> Iterator[tuple[Cond, tuple[str | int, ...]]]:
    """Every ``entity:`` condition under ``cond``, with its key path in the file."""
    if cond.entity is not None:
        yield cond, at
    for key in ("all_of", "any_of", "none_of"):
        for j, kid in enumerate(getattr(cond, key)):
            yield from _entity_conditions(kid, (*at, key, j))
    if cond.near is not None:
        for g, group in enumerate(cond.near.terms):
            for k, kid in enumerate(group):
                yield from _entity_conditions(kid, (*at, "near", "terms", g, k))


def _write_json(value: Any, encode: Callable[[Any], str], leaves: dict[int, str],
                out: list[str], put: Callable[[str], None]) -> None:
    """Append to ``out`` the pieces of ``encode(value.model_dump(mode="json"))`` (keys
    sorted), in order, for a model of plain fields, tuples and models, and ``put`` them
    joined a few thousand at a time; a term's text is made once (``leaves``, by the model's
    id: the pooled conditions of a file are one object each). Appended, not yielded: a
    topic's rule tree is ~100,000 pieces in nested models, and a chain of generators passed
    each piece up through every level (~0.1 s of a cold start)."""
    if len(out) >= 4096:
        put("".join(out))
        out.clear()
    if isinstance(value, BaseModel):
        if isinstance(value, Cond) and value.leaf:
            text = leaves.get(id(value))
            if text is None:
                text = leaves[id(value)] = encode(value.model_dump(mode="json"))
            out.append(text)
            return
        out.append("{")
        for n, name in enumerate(sorted(type(value).model_fields)):
            out.append((", " if n else "") + encode(name) + ": ")
            _write_json(getattr(value, name), encode, leaves, out, put)
        out.append("}")
    elif isinstance(value, tuple):
        out.append("[")
        for n, item in enumerate(value):
            if n:
                out.append(", ")
            _write_json(item, encode, leaves, out, put)
        out.append("]")
    else:
        out.append(encode(value))


def _version(lists: Sequence[WatchlistFile]) -> str:
    """The first 12 hex digits of the SHA-256 of ``json.dumps([wl.model_dump(mode="json") for
    wl in lists], sort_keys=True, ensure_ascii=False)``, written one entity and one topic at a
    time: the whole dump as Python objects and its text were ~5 MB at once for the seed
    watchlist, the highest point of a daemon's start-up (README, Performance: memory)."""
    h = hashlib.sha256()
    encode = json.JSONEncoder(sort_keys=True, ensure_ascii=False).encode  # ', ' and ': '
    leaves: dict[int, str] = {}  # a term's (or an entity condition's) text, by the model's id

    def put(text: str) -> None:
        h.update(text.encode("utf-8"))

    put("[")
    for i, wl in enumerate(lists):
        top = wl.model_dump(mode="json", exclude={"entities", "topics"})
        put((", " if i else "") + "{")
        for n, key in enumerate(sorted([*top, "entities", "topics"])):
            put((", " if n else "") + encode(key) + ": ")
            if key in top:
                put(encode(top[key]))
                continue
            put("[")
            for k, model in enumerate(getattr(wl, key)):
                if k:
                    put(", ")
                if key == "topics":
                    # a topic's rule names its shared lists again in each rule that uses
                    # them: dumped whole, the seed's boat-strike topic was 5.4 MB of objects
                    # and 1.4 MB of text at once (its load's highest point); written a few
                    # thousand pieces at a time, each distinct term's text made once
                    pieces: list[str] = []
                    _write_json(model, encode, leaves, pieces, put)
                    put("".join(pieces))
                    continue
                dumped = model.model_dump(mode="json")
                for alias in dumped.get("aliases", ()):
                    if not alias["exclude"]:  # a key added later: a file without one keeps
                        del alias["exclude"]  # the version it had
                put(encode(dumped))
            put("]")
        put("}")
    put("]")
    return h.hexdigest()[:12]


def load_watchlists(paths: Sequence[str | Path]) -> Watchlist:
    """Load, validate and merge watchlist files (directories stand for their YAML files)."""
    files = watchlist_files(paths)
    entity_at: dict[str, str] = {}
    topic_at: dict[str, str] = {}
    lists = [_load_file(path, entity_at, topic_at) for path in files]
    return Watchlist(
        entities=tuple(
            e if e.fuzzy is not None else e.model_copy(update={"fuzzy": wl.fuzzy})
            for wl in lists for e in wl.entities
        ),
        topics=tuple(t for wl in lists for t in wl.topics),
        files=tuple(files),
        lists=tuple(lists),
        version=_version(lists),
    )
