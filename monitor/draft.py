"""Draft a watchlist from a news article: candidate entities for a person to review.

A deliberately simple, explainable extractor (no model): it finds
- runs of capitalised words, allowing lower-case connectors inside (de, del, la, los, of, the,
  y, and): "Cartel de los Soles", "Marco Rubio", "Jalisco New Generation Cartel";
- acronyms (2-6 capitals, digits or a hyphen: CJNG, MS-13, SOUTHCOM), paired with the name they
  abbreviate when the article writes "Name (ACRONYM)";
- titles before names ("President X", "Secretary of State X", "presidente X") → person;
- "USS X", "HMS X" → vessel; organisation words (Cartel, Cártel, Department, Command, Army,
  Movement, ...) → organization; a name after "in"/"en" with no such word → place.
Sentence-initial function words and month/day names are dropped. Each candidate carries how
often it appears; the YAML is ordered by that count and marked as a draft.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import yaml

_CONNECTORS = {"de", "del", "la", "las", "los", "el", "of", "the", "for", "da", "do"}
_MULTIWORD_TITLES = (
    "secretary of state", "secretario de estado", "secretaria de estado", "prime minister",
    "attorney general", "fiscal general", "defense secretary", "defence secretary",
    "secretary of defense", "secretario de defensa", "vice president", "vicepresidente",
)
_PLACE_WORDS = {
    "sea", "ocean", "america", "states", "hemisphere", "gulf", "river", "coast", "island",
    "islands", "mar", "océano", "golfo", "río", "costa", "isla", "islas", "city", "ciudad",
    "province", "provincia", "county", "condado", "mountains", "valley", "europe", "asia",
    "africa", "kingdom", "republic", "república", "peninsula",
}
_NUMBER_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "uno",
    "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
}
_ORG_WORDS = {
    "cartel", "cártel", "carteles", "cárteles", "department", "departamento", "command",
    "comando", "army", "ejército", "movement", "movimiento", "party", "partido", "council",
    "consejo", "ministry", "ministerio", "agency", "agencia", "organization", "organisation",
    "organización", "group", "grupo", "front", "frente", "state", "estado", "treasury",
    "pentagon", "court", "tribunal", "police", "policía", "guard", "guardia", "navy", "armada",
    "bank", "banco", "union", "unión", "office", "oficina", "house", "service", "servicio",
    "forces", "fuerzas", "brigade", "brigada", "gang", "mara", "familia", "tren", "nations",
    "clan", "administration", "administración", "initiative", "marina",
}
_PERSON_TITLES = {
    "president", "presidente", "presidenta", "secretary", "secretario", "secretaria",
    "minister", "ministro", "ministra", "senator", "senador", "senadora", "general", "gen",
    "mr", "mrs", "ms", "dr", "judge", "juez", "governor", "gobernador", "leader", "líder",
    "commander", "comandante", "admiral", "almirante", "king", "queen", "prime", "sheriff",
}
_VESSEL_PREFIXES = {"uss", "hms", "ins", "arc"}
_STOP_FIRST = {
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "in", "on", "at", "by",
    "for", "with", "from", "as", "after", "before", "according", "but", "and", "or",
    "if", "when", "while", "el", "la", "los", "las", "un", "una", "en", "con", "por", "para",
    "según", "tras", "desde", "we", "they", "he", "she", "his", "her", "their", "our", "us",
    "disclaimer", "read", "more", "also", "however", "meanwhile", "sunday", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
}
_PLACE_CUES = {"in", "en", "into", "across", "off", "near", "to", "from", "de"}
# Places and nationalities a news article names in passing: never proposed as entities (a
# watchlist of "Venezuela" alerts on every item about the country). Compared casefolded.
_PLACES = {
    "america", "americas", "latin america", "south america", "north america", "central america",
    "caribbean", "caribbean sea", "western hemisphere", "europe", "asia", "africa",
    "middle east", "pacific", "atlantic", "united states", "united kingdom", "us", "usa", "uk",
    "eeuu", "ee.uu", "dc",
    "washington dc", "venezuela", "colombia", "mexico", "méxico", "cuba", "brazil",
    "brasil", "peru", "perú", "ecuador", "bolivia", "chile", "argentina", "panama", "panamá",
    "honduras", "guatemala", "el salvador", "nicaragua", "costa rica", "haiti", "haití",
    "dominican republic", "república dominicana", "puerto rico", "trinidad", "tobago",
    "guyana", "suriname", "paraguay", "uruguay", "canada", "canadá", "spain", "españa",
    "france", "francia", "germany", "alemania", "italy", "italia", "russia", "rusia", "china",
    "iran", "irán", "iraq", "irak", "syria", "siria", "yemen", "israel", "lebanon", "líbano",
    "afghanistan", "nigeria", "ukraine", "ucrania", "washington", "caracas", "bogotá", "bogota",
    "havana", "la habana", "lima", "quito", "madrid", "london", "londres", "paris", "parís",
    "miami", "new york", "nueva york", "texas", "florida", "california", "puerto cabello",
    "maracaibo", "cúcuta", "cucuta", "medellín", "medellin", "cali", "cartagena", "antwerp",
    "amberes", "rotterdam", "culiacán", "culiacan", "sinaloa", "jalisco", "michoacán",
}
_DEMONYM = re.compile(
    r"^(?:american|venezuelan|colombian|mexican|cuban|brazilian|peruvian|ecuadorian|"
    r"bolivian|chilean|argentine|argentinian|panamanian|honduran|guatemalan|salvadoran|"
    r"nicaraguan|haitian|dominican|canadian|spanish|french|german|italian|russian|chinese|"
    r"iranian|syrian|yemeni|european|african|asian|latin|latino|hispanic|caribbean|"
    r"venezolan[oa]|colombian[oa]|mexican[oa]|cuban[oa]|estadounidense|norteamerican[oa]|"
    r"español[a]?|european[oa])s?$")


def _is_place(name: str) -> bool:
    low = name.casefold().rstrip(".")
    return low in _PLACES or bool(_DEMONYM.match(low))

_TOKEN = re.compile(r"[#@]?[\w][\w'’.-]*[\w]|[\w]", re.UNICODE)
_ACRONYM = re.compile(r"^(?=.*[A-Z].*[A-Z])[A-Z][A-Z0-9-]{1,7}$")


@dataclass
class Candidate:
    name: str
    type: str
    count: int = 0
    aliases: set[str] = field(default_factory=set)
    why: str = ""


def _slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60] or "entity"


def _cap(word: str) -> bool:
    return word[:1].isupper()


def _strip_possessive(word: str) -> str:
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word.rstrip(".")


_TWO_WORDS = "two or three capitalised words"


def _guess_type(words: list[str], before: str | None) -> tuple[str, str]:
    lowered = [w.casefold() for w in words]
    if lowered[0] in _VESSEL_PREFIXES:
        return "vessel", f"starts with {words[0]}"
    if any(w in _ORG_WORDS for w in lowered):
        word = next(w for w in words if w.casefold() in _ORG_WORDS)
        return "organization", f"contains '{word}'"
    if before and before.casefold().rstrip(".") in _PERSON_TITLES:
        return "person", f"after the title '{before}'"
    if any(w in _PLACE_WORDS for w in lowered):
        word = next(w for w in words if w.casefold() in _PLACE_WORDS)
        return "place", f"contains '{word}'"
    if len(words) in (2, 3) and all(_cap(w) for w in words):
        return "person", _TWO_WORDS
    if any(w in _PLACE_WORDS for w in lowered):
        word = next(w for w in words if w.casefold() in _PLACE_WORDS)
        return "place", f"contains '{word}'"
    if before and before.casefold() in _PLACE_CUES:
        return "place", f"after '{before}'"
    return "other", "no rule applied"


def _clean(word: str) -> str:
    """Possessives off; "Venezuela-based" → "Venezuela"; "FTOs" → "FTO"."""
    word = _strip_possessive(word.lstrip("#@"))
    head, _, tail = word.partition("-")
    if tail and tail[:1].islower():
        word = head
    if word.endswith("s") and _ACRONYM.match(word[:-1]) and not _ACRONYM.match(word):
        word = word[:-1]
    return word


def _runs(sentence: str) -> list[tuple[list[str], str | None, bool]]:
    """Runs of capitalised words (with connectors) in a sentence: (words, word before, at
    sentence start). Punctuation between two words ends a run; a title starts a new one."""
    tokens = list(_TOKEN.finditer(sentence))
    out: list[tuple[list[str], str | None, bool]] = []
    run: list[str] = []
    before: str | None = None
    start_idx = 0

    def flush(next_before: str | None) -> None:
        nonlocal run, before
        while run and run[-1].casefold() in _CONNECTORS:
            run.pop()
        if run:
            out.append((run, before, start_idx == 0))
        run, before = [], next_before

    for n, m in enumerate(tokens):
        raw = m.group()
        word = _clean(raw)
        gap = sentence[tokens[n - 1].end() : m.start()] if n else ""
        initial = run and len(run[-1]) == 2 and run[-1].endswith(".")
        if run and gap.strip() and not (initial and gap.strip() == "."):
            flush(None)  # a comma, a dash, a bracket: the name ended
        if len(raw) == 1 and raw.isupper() and sentence[m.end() : m.end() + 1] == ".":
            raw = word = raw + "."  # an initial: "Gerald R. Ford"
        low = word.casefold().rstrip(".")
        if not word:
            continue
        if low in _VESSEL_PREFIXES and n + 1 < len(tokens) and _cap(tokens[n + 1].group()):
            flush(None)
            start_idx = n
            run = [word]
            continue
        if _ACRONYM.match(word):
            flush(None)
            out.append(([word], tokens[n - 1].group() if n else None, n == 0))
            continue
        in_vessel_name = bool(run) and run[0].casefold() in _VESSEL_PREFIXES
        # "General" inside a name ("Fiscalía General") is not a title; "President" is
        breaks = not run or low not in {"general", "gen", "prime", "leader"}
        if low in _PERSON_TITLES and breaks and not in_vessel_name and n + 1 < len(tokens):
            flush(word)
            continue
        if _cap(word):
            if not run:
                start_idx = n
                if before is None and n:
                    before = tokens[n - 1].group()
            run.append(word)
        elif run and low in _CONNECTORS:
            run.append(word)
        else:
            flush(None)
            before = None
        if raw.endswith(("'s", "’s")) and run:  # a possessive ends the name
            flush(None)
    flush(None)
    return out


def extract(text: str, places: set[str] | None = None) -> list[Candidate]:
    """Candidate entities of an article, most mentioned first. Places and nationalities are
    left out (added to ``places`` when given, for the draft's review note)."""
    places = set() if places is None else places
    found: dict[str, Candidate] = {}
    mid_sentence: set[str] = set()
    in_org_company: set[str] = set()
    # a full stop after a lower-case letter or digit ends a sentence ("Gerald R. Ford" does not)
    for sentence in re.split(r"(?<=[a-z0-9\"”)][.!?])\s+|\n+", text):
        low_sentence = sentence.casefold()
        org_sentence = False  # an organisation is named in this sentence
        named: list[str] = []
        for words, before, at_start in _runs(sentence):
            while words and (words[0].casefold() in _STOP_FIRST
                             or words[0].casefold() in _NUMBER_WORDS
                             or words[0].casefold() in _CONNECTORS):
                words = words[1:]
                before = None
            if not words:
                continue
            title = before
            for multi in _MULTIWORD_TITLES:  # "Secretary of State Marco Rubio"
                mwords = multi.split()
                for k in range(len(mwords), -1, -1):
                    head = [w.casefold() for w in words[:k]]
                    rest = " ".join(words[k:]).casefold()
                    if head == mwords[len(mwords) - k :] and rest and (
                        f"{multi} {rest}" in low_sentence
                    ):
                        words = words[k:]
                        title = mwords[0].capitalize()
                        break
            name = " ".join(words)
            if len(name) <= 2 and not _ACRONYM.match(name):
                continue
            if not at_start or len(words) > 1:
                mid_sentence.add(name)
            if _is_place(name):
                places.add(name)
                continue
            if _ACRONYM.match(name):
                kind, why = "organization", "acronym"
            else:
                kind, why = _guess_type(words, title)
            if kind == "place":
                places.add(name)
                continue
            if kind == "organization":
                org_sentence = True
            cand = found.setdefault(name, Candidate(name, kind, why=why))
            cand.count += 1
            named.append(name)
            if title and title.casefold().rstrip(".") in _PERSON_TITLES and len(words) > 1:
                cand.type, cand.why = "person", f"after the title '{title}'"
                cand.aliases.add(f"{title} {words[-1]}")
        if org_sentence:  # "al-Qaeda, Boko Haram, ISIS and ...": named among organisations
            in_org_company.update(named)
    _merge_surnames(found)
    for name in list(found):  # "Venezuela Cartel de los Soles": a place before a known name
        first, _, rest = name.partition(" ")
        if rest in found and _is_place(first):
            found[rest].count += found.pop(name).count
    for cand in found.values():
        # two capitalised words are a person only with some evidence: a title before them
        # (typed above) or the surname alone elsewhere (merged as an alias)
        if cand.why == _TWO_WORDS and cand.name.split()[-1] not in cand.aliases:
            if cand.name in in_org_company:
                cand.type, cand.why = "organization", "named among organisations"
            else:
                cand.type, cand.why = "other", "capitalised words, no title or lone surname"
    for name in [n for n in found if n not in mid_sentence]:
        del found[name]  # only ever a capitalised first word: probably not a name
    _pair_acronyms(text, found)
    return sorted(found.values(), key=lambda c: (-c.count, c.name))


def _merge_surnames(found: dict[str, Candidate]) -> None:
    """"Maduro" alone next to the person "Nicolas Maduro" becomes that person's alias."""
    people = [c for c in found.values() if c.type == "person" and " " in c.name]
    for name in list(found):
        if " " in name or name not in found:
            continue
        owners = [p for p in people if p.name.split()[-1] == name]
        if len(owners) == 1:
            owners[0].aliases.add(name)
            owners[0].count += found.pop(name).count


def _pair_acronyms(text: str, found: dict[str, Candidate]) -> None:
    """"Jalisco New Generation Cartel (CJNG)": the acronym becomes an alias of the name."""
    for m in re.finditer(r"([A-ZÁÉÍÓÚÑ][\w'’ -]+?)\s*\(([A-Z][A-Z0-9-]{1,7})\)", text):
        acronym = m.group(2)
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            name = " ".join(words[-n:])
            if name in found and acronym in found:
                found[name].aliases.add(acronym)
                found[name].count += found.pop(acronym).count
                break


def _wrap_comment(text: str, width: int = 96) -> str:
    lines, line = [], "#"
    for word in text.split(" "):
        if len(line) + 1 + len(word) > width:
            lines.append(line)
            line = "#  "
        line += " " + word
    return "\n".join([*lines, line]) + "\n"


def draft_yaml(text: str, source: str, min_count: int = 1) -> str:
    """A watchlist YAML draft (valid for the loader) with a review note per entity."""
    by_id: dict[str, dict[str, object]] = {}
    places: set[str] = set()
    for c in extract(text, places):
        if c.count < min_count:
            continue
        slug = _slug(c.name)
        entity = by_id.get(slug)
        if entity is not None:  # "Cártel X" and "Cartel X": one entity, one id, both spellings
            aliases = entity["aliases"]
            assert isinstance(aliases, list)
            aliases += [a for a in (c.name, *sorted(c.aliases)) if a not in aliases]
            continue
        by_id[slug] = {
            "id": slug,
            "name": c.name,
            "type": c.type,
            "priority": "medium",
            "aliases": [c.name, *sorted(c.aliases)],
        }
    entities = list(by_id.values())
    header = (
        f"# DRAFT watchlist from {source}: review every entry before use.\n"
        "# Types are guesses; priorities are all 'medium'; add Spanish and other spellings,\n"
        "# `requires:` context for short or ambiguous aliases, and `exclude:` phrases.\n"
    )
    if places:
        header += _wrap_comment("not proposed (places and nationalities): "
                                + ", ".join(sorted(places)))
    body = yaml.safe_dump(
        {"watchlist": _slug(source), "entities": entities},
        allow_unicode=True, sort_keys=False, width=100,
    )
    return header + body
