"""Watchlist files: the seed loads with the contract's ids; bad files fail with file:line: key."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.exceptions import WatchlistError
from monitor.match import Matcher
from monitor.watchlist import load_watchlists

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "cartel-de-los-soles.yaml"

# id: (name, type, priority), copied from /work/shared/SEED_WATCHLIST.md
CONTRACT = {
    "cartel-de-los-soles": ("Cartel de los Soles", "organization", "critical"),
    "nicolas-maduro": ("Nicolás Maduro", "person", "critical"),
    "tren-de-aragua": ("Tren de Aragua", "organization", "high"),
    "sinaloa-cartel": ("Sinaloa Cartel", "organization", "high"),
    "ms-13": ("MS-13", "organization", "high"),
    "cjng": ("Jalisco New Generation Cartel", "organization", "high"),
    "cartel-del-noreste": ("Cartel del Noreste", "organization", "high"),
    "la-nueva-familia-michoacana": ("La Nueva Familia Michoacana", "organization", "high"),
    "gulf-cartel": ("Gulf Cartel", "organization", "high"),
    "carteles-unidos": ("Carteles Unidos", "organization", "high"),
    "al-qaeda": ("al-Qaeda", "organization", "medium"),
    "boko-haram": ("Boko Haram", "organization", "medium"),
    "isis": ("ISIS", "organization", "medium"),
    "houthis": ("Houthi movement", "organization", "medium"),
    "marco-rubio": ("Marco Rubio", "person", "medium"),
    "donald-trump": ("Donald Trump", "person", "low"),
    "us-southern-command": ("US Southern Command", "organization", "medium"),
    "uss-gerald-r-ford": ("USS Gerald R. Ford", "vessel", "medium"),
}

GOOD_ENTITY = """\
  - id: gulf-cartel
    name: Gulf Cartel
    type: organization
    priority: high
    aliases: [Gulf Cartel]
"""


def write(tmp_path: Path, text: str, name: str = "w.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_seed_matches_the_contract() -> None:
    """The seed watchlist has exactly the contract's entities, names, types and priorities."""
    wl = load_watchlists([SEED])
    got = {e.id: (e.name, e.type, e.priority) for e in wl.entities}
    assert got == CONTRACT
    assert [t.id for t in wl.topics] == ["fto-designation", "caribbean-boat-strikes"]
    assert wl.lists[0].source is not None
    assert str(wl.lists[0].source.date) == "2025-11-17"


def test_version_is_stable_and_content_based(tmp_path: Path) -> None:
    """The version is 12 hex digits, equal for equal content, different after an edit."""
    a = load_watchlists([SEED])
    b = load_watchlists([write(tmp_path, SEED.read_text(encoding="utf-8"))])
    assert re.fullmatch(r"[0-9a-f]{12}", a.version)
    assert a.version == b.version
    edited = SEED.read_text(encoding="utf-8").replace("priority: low", "priority: medium")
    assert load_watchlists([write(tmp_path, edited, "x.yaml")]).version != a.version


def test_version_is_the_hash_of_the_files_canonical_json(tmp_path: Path) -> None:
    """The version is written piece by piece but is the same 12 digits as the hash of the whole
    canonical JSON of every file (matches stored by earlier releases name it), for one file and
    for several."""
    import hashlib
    import json

    other = write(tmp_path, "watchlist: two\ntopics:\n  - {id: t, name: T, rule: cartel}\n")
    for paths in ([SEED], [SEED, other], [other]):
        wl = load_watchlists(paths)
        dumped = [f.model_dump(mode="json") for f in wl.lists]
        for f in dumped:  # an alias's exclude came later: left out while empty
            for entity in f["entities"]:
                for alias in entity["aliases"]:
                    if not alias["exclude"]:
                        del alias["exclude"]
        canonical = json.dumps(dumped, sort_keys=True, ensure_ascii=False)
        assert wl.version == hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def test_an_alias_exclude_is_the_entitys_and_an_empty_one_changes_no_version(
        tmp_path: Path) -> None:
    """``exclude`` under an alias (where analysts write it, beside ``unless`` and
    ``not_before``) drops what it names as the entity's own does, for any alias of the entity;
    a file that writes none keeps the version releases before the key gave it."""
    from monitor.match import Matcher

    def entity(alias_extra: str = "", entity_extra: str = "") -> str:
        return (
            "watchlist: one\nentities:\n  - id: arco\n    name: ARCO\n    type: organization\n"
            "    priority: high\n"
            f"    aliases: [Aliança Roraimense, {{alias: ARCO, case: exact{alias_extra}}}]\n"
            f"{entity_extra}"
        )

    plain = load_watchlists([write(tmp_path, entity(), "a.yaml")])
    empty = load_watchlists([write(tmp_path, entity(", exclude: []"), "b.yaml")])
    assert empty.version == plain.version
    under_alias = load_watchlists(
        [write(tmp_path, entity(", exclude: [Arco Minero, Aliança Roraimense de Futebol]"),
               "c.yaml")])
    under_entity = load_watchlists(
        [write(tmp_path, entity(entity_extra="    exclude: [Arco Minero, "
                                             "Aliança Roraimense de Futebol]\n"), "d.yaml")])
    assert under_alias.version != plain.version

    def found(wl: object, title: str) -> bool:
        return bool(Matcher.compile(wl).match({"title": title}).entities)  # type: ignore[arg-type]

    for wl in (under_alias, under_entity):
        assert not found(wl, "Garimpo avança no ARCO Minero do Orinoco")
        # the phrase is the entity's: the other alias inside it is dropped too
        assert not found(wl, "Aliança Roraimense de Futebol vence o clássico")
        assert found(wl, "ARCO denuncia garimpo em terra Yanomami")
    assert found(plain, "Garimpo avança no ARCO Minero do Orinoco")


def test_loading_the_seed_watchlist_peaks_near_what_it_keeps() -> None:
    """Loading holds one file's YAML and one entity's canonical JSON at a time, not the whole
    watchlist dumped to Python objects and text for its version, and validates a condition
    written again (an anchored list's words in each rule that uses it) once: the seed
    watchlist peaked at ~2.9x what it keeps with blind64's and blind65's rules (3.9x when each
    use was a model of its own until pooled, 4.7x before that), ~3.7x with blind66's and
    blind67's (not explained yet: no single one of their fifteen seed changes was found to
    cost it before the session ended), ~4.25x with blind68's to blind71's: the version's
    canonical JSON of the boat-strike topic, dumped whole, had grown with each use of a shared
    list (5.4 MB of objects, 1.4 MB of text); written a piece at a time, ~3.1x (11.4 MB against
    3.7 kept); ~3.7x with blind180's to blind183's rules (16.2 -> 17.6 MB peak for 4.8 MB
    kept: any one of their small additions alone, seven business words in a shared list or a
    rule's two more uses of the craft list, costs the same 1.4 MB, a table's doubling rather
    than the words); ~3.9x with blind334's and blind335's, more than half of the peak the
    file's key-line table (a tuple of the key path for every key reached through every use of
    a shared list); with the lines kept as a tree whose shared lists are one object, ~2.0x.
    A daemon's start-up peak is its watchlist's compile: README, Performance."""
    # in a fresh interpreter: the collector's pace (and so the garbage a load leaves for it)
    # depends on how many objects the process already holds, as after a thousand tests
    probe = (
        "import gc, sys, tracemalloc\n"
        "from monitor.watchlist import load_watchlists\n"
        "load_watchlists([sys.argv[1]])\n"  # the modules' first-use allocations: not the load's
        "gc.collect()\n"
        "tracemalloc.start()\n"
        "wl = load_watchlists([sys.argv[1]])\n"
        "gc.collect()\n"
        "kept, peak = tracemalloc.get_traced_memory()\n"
        "print(len(wl.entities), kept, peak)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, str(SEED)], capture_output=True,
                         text=True, check=True, cwd=ROOT, timeout=120).stdout
    entities, kept, peak = (int(x) for x in out.split())
    assert entities > 10
    assert peak < 2.6 * kept, (peak / 2**20, kept / 2**20)


def test_directory_loads_its_yaml_files(tmp_path: Path) -> None:
    """A directory stands for its .yaml files, in name order."""
    write(tmp_path, "watchlist: one\nentities:\n" + GOOD_ENTITY, "a.yaml")
    write(tmp_path, "watchlist: two\ntopics:\n  - {id: t, name: T, rule: cartel}\n", "b.yml")
    wl = load_watchlists([tmp_path])
    assert [p.name for p in wl.files] == ["a.yaml", "b.yml"]
    assert [e.id for e in wl.entities] == ["gulf-cartel"]
    assert wl.topics[0].rule.term == "cartel"


def test_alias_forms_are_normalised(tmp_path: Path) -> None:
    """Plain strings become aliases with case 'any'; mappings keep their options."""
    special = "{alias: CDG, case: exact, requires: [cartel]}"
    text = GOOD_ENTITY.replace("aliases: [Gulf Cartel]", f"aliases: [Gulf Cartel, {special}]")
    wl = load_watchlists([write(tmp_path, "watchlist: x\nentities:\n" + text)])
    plain, special = wl.entities[0].aliases
    assert (plain.alias, plain.case, plain.requires) == ("Gulf Cartel", "any", ())
    assert (special.alias, special.case, special.requires) == ("CDG", "exact", ("cartel",))


def test_a_hyphenated_allow_after_entry_stands_for_its_last_part(tmp_path: Path) -> None:
    """An analyst lists "ex-diretora" for "ex-diretora Serra": the word the matcher reads before
    the name is "diretora", so the entry loads as that and the title passes; an abbreviation's
    dot ("Sra.") is no part of its word; another capitalised word before the surname is still
    another person."""
    text = ("watchlist: x\nentities:\n  - id: joana-serra\n    name: Joana Serra\n"
            "    type: person\n    priority: medium\n    aliases:\n      - Joana Serra\n"
            "      - {alias: Serra, case: capitalized, allow_after: [Joana, ex-diretora, Sra.]}\n")
    wl = load_watchlists([write(tmp_path, text)])
    assert wl.entities[0].aliases[1].allow_after == ("Joana", "diretora", "Sra")
    matcher = Matcher.compile(wl)
    found = [bool(matcher.match({"title": t}).entities) for t in (
        "Ex-Diretora Serra depõe no caso", "Diretora Serra depõe", "Sra. Serra depõe",
        "Pedro Serra depõe")]
    assert found == [True, True, True, False]


def test_a_hyphenated_not_before_entry_is_read_as_its_parts(tmp_path: Path) -> None:
    """other-seed-17's analyst listed "D-5" for the missile "Trident D-5" (it was refused at
    load): the entry loads as the phrase of its parts, "D 5", and the missile is another thing;
    the fleet's operation still matches. other-seed-96's listed "E-Pace", a car, after the firm
    "Jaguar": its first part alone would be Portuguese's "e", and ("Jaguar e Halcón")."""
    text = ("watchlist: x\nentities:\n  - id: trident\n    name: Operation Trident\n"
            "    type: event\n    priority: medium\n    aliases: [Operation Trident,\n"
            "      {alias: Trident, case: capitalized}]\n    not_before: [D-5, Nuclear, E-Pace]\n")
    wl = load_watchlists([write(tmp_path, text)])
    assert wl.entities[0].not_before == ("D 5", "Nuclear", "E Pace")
    matcher = Matcher.compile(wl)
    found = [bool(matcher.match({"title": t}).entities) for t in (
        "Navy tests a Trident D-5 missile", "Trident boards two squid jiggers",
        "Trident E-Pace edition", "Promotoria: Trident e Halcón tinham o mesmo contador")]
    assert found == [False, True, False, True]


def test_a_not_before_phrase_of_several_words(tmp_path: Path) -> None:
    """other-seed-62's analyst listed "Ocampo Moreno" after the first name "Milagros": another
    girl's surnames, where "Ocampo" alone is the watched one's own. The phrase loads as it is (it
    was refused at load) and rejects only the name it follows in full; the entry of one word and
    a word that is no phrase still load as before."""
    text = ("watchlist: x\nentities:\n  - id: milagros\n    name: Milagros Ocampo\n"
            "    type: person\n    priority: medium\n    aliases:\n"
            "      - {alias: Milagros, case: capitalized,\n"
            "         not_before: [Leiva, 'Ocampo  Moreno', S.A.]}\n")
    wl = load_watchlists([write(tmp_path, text)])
    (alias,) = wl.entities[0].aliases
    assert alias.not_before == ("Leiva", "Ocampo Moreno", "S")
    matcher = Matcher.compile(wl)
    assert [bool(matcher.match({"title": t}).entities) for t in (
        "Milagros Ocampo Moreno habla en Lima", "Milagros Ocampo sale del hospital",
        "Milagros Leiva canta", "Milagros, rescatada, sale del hospital",
    )] == [False, True, False, True]
    lines = matcher.explain({"title": "Milagros Ocampo Moreno habla"})
    assert any("followed by 'ocampo moreno' (not_before)" in line for line in lines), lines
    bad = text.replace("'Ocampo  Moreno'", "'Ocampo, Moreno'")
    with pytest.raises(WatchlistError, match="one word of letters or digits, or several"):
        load_watchlists([write(tmp_path, bad)])


def test_allow_after_and_near_flags(tmp_path: Path) -> None:
    """allow_after flattens nested lists (anchors); unset is None; near is unordered and reads
    the fields as one text unless it says otherwise."""
    strict = ("{alias: Gulf, case: capitalized, allow_after: [[The, El], &w [Mr, Sr], *w]}, "
              "{alias: Golfo, allow_after: []}")
    text = GOOD_ENTITY.replace("aliases: [Gulf Cartel]", f"aliases: [Gulf Cartel, {strict}]")
    text += ("topics:\n  - id: t\n    name: T\n    rule:\n      any_of:\n"
             "        - near: {terms: [[a], [b]], within: 2}\n"
             "        - near: {terms: [[a], [b]], within: 2, in_order: true, "
             "across_fields: false}\n")
    wl = load_watchlists([write(tmp_path, "watchlist: x\nentities:\n" + text)])
    plain, gulf, golfo = wl.entities[0].aliases
    assert plain.allow_after is None
    assert gulf.allow_after == ("The", "El", "Mr", "Sr", "Mr", "Sr")
    assert golfo.allow_after == ()
    loose, strict_near = (c.near for c in wl.topics[0].rule.any_of)
    assert loose is not None and (loose.in_order, loose.across_fields) == (False, True)
    assert strict_near is not None and (strict_near.in_order, strict_near.across_fields) == (
        True, False)


def test_condition_lists_combine_anchors(tmp_path: Path) -> None:
    """all_of, any_of and none_of flatten nested lists as near groups do, so an analyst can
    reuse an anchored list and add to it; the rule matches and hashes as if written out."""
    from monitor.match import Matcher

    rules = ("watchlist: t\ntopics:\n"
             "  - {id: a, name: A, rule: {all_of: [{near: {terms: [&us [US, Washington], "
             "[strike]], within: 2}}, {any_of: [*us, Pentagon]}, "
             "{none_of: [&drills [drill, simulacro], exercise]}]}}\n"
             "  - {id: b, name: B, rule: {any_of: [*drills, rehearsal]}}\n")
    wl = load_watchlists([write(tmp_path, rules, "anchors.yaml")])
    a, b = (t.rule for t in wl.topics)
    assert [c.term for c in a.all_of[1].any_of] == ["US", "Washington", "Pentagon"]
    assert [c.term for c in a.all_of[2].none_of] == ["drill", "simulacro", "exercise"]
    assert [c.term for c in b.any_of] == ["drill", "simulacro", "rehearsal"]
    written_out = (rules.replace("&us ", "").replace("*us", "US, Washington")
                   .replace("&drills [drill, simulacro]", "drill, simulacro")
                   .replace("*drills", "drill, simulacro"))
    assert load_watchlists([write(tmp_path, written_out, "out.yaml")]).version == wl.version
    m = Matcher.compile(wl)
    found = [sorted(t.topic_id for t in m.match({"title": title}).topics) for title in (
        "US strike on a boat", "Washington strike drill", "US strike exercise",
        "Pentagon rehearsal")]
    assert found == [["a"], ["b"], [], ["b"]]


def test_anchors_combined_at_any_depth(tmp_path: Path) -> None:
    """An anchored list may itself combine anchors and be combined again (an analyst's
    ``&uy [Uruguay, *cyber]`` then ``requires: [*uy, RAE]``): every word counts, at any depth,
    in a rule's word lists and in a topic's conditions."""
    text = ("watchlist: x\nentities:\n"
            "  - id: msp\n    name: Ministerio de Salud Publica\n    type: organization\n"
            "    priority: high\n    aliases:\n"
            "      - {alias: MSP, case: exact, requires: &uy [Uruguay, &cy [ransomware, hacker]]}\n"
            "      - {alias: Salud Publica, requires: [[*uy, RAE], Montevideo]}\n"
            "topics:\n  - {id: t, name: T, rule: {any_of: [[*cy, [leak, [extortion]]]]}}\n")
    wl = load_watchlists([write(tmp_path, text)])
    msp, salud = wl.entities[0].aliases
    assert msp.requires == ("Uruguay", "ransomware", "hacker")
    assert salud.requires == ("Uruguay", "ransomware", "hacker", "RAE", "Montevideo")
    assert [c.term for c in wl.topics[0].rule.any_of] == [
        "ransomware", "hacker", "leak", "extortion"]
    m = Matcher.compile(wl)
    found = [(sorted(e.entity_id for e in r.entities), sorted(t.topic_id for t in r.topics))
             for r in (m.match({"title": t}) for t in (
                 "MSP says a hacker took its servers", "MSP budget approved",
                 "Salud Publica in RAE talks", "Salud Publica budget approved",
                 "Extortion note left at a clinic"))]
    assert found == [(["msp"], ["t"]), ([], []), (["msp"], []), ([], []), ([], ["t"])]


def test_not_before_abbreviation_with_stops(tmp_path: Path) -> None:
    """A company's suffix written with its stops ("S.A.", "Ltda.") stands for the word read
    right after the name, as a joined entry does: an analyst's "S.A." loads and vetoes
    "Minerva S.A.", where a refusal would have sent them to guess "S"."""
    text = ("watchlist: x\nentities:\n  - id: lab\n    name: Minerva lab\n"
            "    type: organization\n    priority: high\n"
            "    aliases: [{alias: Minerva, case: capitalized}]\n"
            "    not_before: [S.A., Ltda., Foods]\n")
    wl = load_watchlists([write(tmp_path, text)])
    assert wl.entities[0].not_before == ("S", "Ltda", "Foods")
    m = Matcher.compile(wl)
    found = [bool(m.match({"title": t}).entities) for t in (
        "Minerva S.A. abre planta", "Minerva Ltda. vende", "Minerva lab tested the vials")]
    assert found == [False, False, True]


def test_anchor_inside_its_own_value_is_refused(tmp_path: Path) -> None:
    """YAML lets an anchor be used inside its own list; the watchlist cannot read that list,
    and says where, instead of recursing until Python gives up."""
    text = ("watchlist: x\nentities:\n" + GOOD_ENTITY.replace(
        "aliases: [Gulf Cartel]",
        "aliases:\n      - alias: Gulf\n        requires: &x [cartel, *x]"))
    with pytest.raises(WatchlistError, match=r"w\.yaml:9: a YAML anchor is used inside its own "
                       r"value"):
        load_watchlists([write(tmp_path, text)])


def test_an_error_reached_through_a_shared_list_names_where_it_is_written(
        tmp_path: Path) -> None:
    """A bad condition inside an anchored list is reported at the line it is written on, when
    it is reached through the list's second use (``*words``) as through its first, and a key
    after the shared list keeps its own line."""
    text = (
        "watchlist: x\n"                           # 1
        "topics:\n"                                # 2
        "  - id: a\n"                              # 3
        "    name: A\n"                            # 4
        "    rule:\n"                              # 5
        "      any_of: &words\n"                   # 6
        "        - cartel\n"                       # 7
        "        - {term: 'car*tel'}\n"            # 8
        "  - id: b\n"                              # 9
        "    name: B\n"                            # 10
        "    rule: {any_of: *words}\n"             # 11
        "    colour: red\n"                        # 12
    )
    with pytest.raises(WatchlistError) as err:
        load_watchlists([write(tmp_path, text)])
    message = str(err.value)
    assert "w.yaml:8: topics[0].rule.any_of[1].term" in message, message
    assert "line 8: topics[1].rule.any_of[1].term" in message, message
    assert "line 12: topics[1].colour: unknown key" in message, message


BAD = [
    (
        "unknown key",
        "watchlist: x\nentities:\n" + GOOD_ENTITY + "    colour: red\n",
        r"w\.yaml:8: entities\[0\]\.colour: unknown key",
    ),
    (
        # a near's own key written beside it, one level too far out: the error says where it goes
        "within beside near",
        "watchlist: x\ntopics:\n  - id: t\n    name: T\n    rule:\n      any_of:\n"
        "        - near:\n            terms: [[a], [b]]\n          within: 5\n",
        r"w\.yaml:7: topics\[0\]\.rule\.any_of\[0\]\.near\.within: required key is missing\n"
        r"  line 9: topics\[0\]\.rule\.any_of\[0\]\.within: unknown key here: within belongs "
        r"inside near:, beside terms",
    ),
    (
        "bad priority",
        "watchlist: x\nentities:\n" + GOOD_ENTITY.replace("priority: high", "priority: urgent"),
        r"w\.yaml:6: entities\[0\]\.priority: expected 'low', 'medium', 'high' or "
        r"'critical' \(got 'urgent'\)",
    ),
    (
        "bad type",
        "watchlist: x\nentities:\n" + GOOD_ENTITY.replace("type: organization", "type: gang"),
        r"w\.yaml:5: entities\[0\]\.type: expected 'person', .*\(got 'gang'\)",
    ),
    (
        "empty alias",
        "watchlist: x\nentities:\n" + GOOD_ENTITY.replace("[Gulf Cartel]", "[Gulf Cartel, ' - ']"),
        r"w\.yaml:7: entities\[0\]\.aliases\[1\]\.alias: an alias must contain a letter or a "
        r"digit",
    ),
    (
        "no aliases",
        "watchlist: x\nentities:\n" + GOOD_ENTITY.replace("[Gulf Cartel]", "[]"),
        r"w\.yaml:7: entities\[0\]\.aliases: needs at least 1 item",
    ),
    (
        "bad id",
        "watchlist: x\nentities:\n" + GOOD_ENTITY.replace("id: gulf-cartel", "id: Gulf_Cartel"),
        r"w\.yaml:3: entities\[0\]\.id: must be a lowercase slug.*\(got 'Gulf_Cartel'\)",
    ),
    (
        "duplicate entity id in one file",
        "watchlist: x\nentities:\n" + GOOD_ENTITY + GOOD_ENTITY,
        r"w\.yaml:8: entities\[1\]\.id: duplicate entity id 'gulf-cartel' \(first defined at "
        r".*w\.yaml:3\)",
    ),
    (
        "duplicate topic id",
        "watchlist: x\ntopics:\n  - {id: t, name: T, rule: a}\n  - {id: t, name: U, rule: b}\n",
        r"w\.yaml:4: topics\[1\]\.id: duplicate topic id 't' \(first defined at .*w\.yaml:3\)",
    ),
    (
        "alias of the wrong type",
        "watchlist: x\nentities:\n"
        + GOOD_ENTITY.replace("[Gulf Cartel]", "[Gulf Cartel, 2026-01-01]"),
        r"w\.yaml:7: entities\[0\]\.aliases\[1\]: expected a string or a mapping with an "
        r"'alias' key",
    ),
    (
        "bad case",
        "watchlist: x\nentities:\n"
        + GOOD_ENTITY.replace("[Gulf Cartel]", "[{alias: CDG, case: upper}]"),
        r"w\.yaml:7: entities\[0\]\.aliases\[0\]\.case: expected 'any', 'capitalized' or "
        r"'exact' \(got 'upper'\)",
    ),
    (
        "star inside a term",
        "watchlist: x\ntopics:\n  - id: t\n    name: T\n    rule: {any_of: [de*sign]}\n",
        r"w\.yaml:5: topics\[0\]\.rule\.any_of\[0\]\.term: '\*' is only allowed at the end",
    ),
    (
        "allow_after entry of two words",
        "watchlist: x\nentities:\n"
        + GOOD_ENTITY.replace("[Gulf Cartel]", "[{alias: G, allow_after: [Secretary of State]}]"),
        r"w\.yaml:7: entities\[0\]\.aliases\[0\]\.allow_after: an allow_after entry is one word "
        r"of letters or digits \(got 'Secretary of State'\)",
    ),
    (
        "allow_after entry not a string",
        "watchlist: x\nentities:\n"
        + GOOD_ENTITY.replace("[Gulf Cartel]",
                              "[{alias: Gulf, allow_after: [The, 'On', {On: 1}]}]"),
        r"w\.yaml:7: entities\[0\]\.aliases\[0\]\.allow_after\[2\]: expected text",
    ),
    (
        "near flag not a boolean",
        "watchlist: x\ntopics:\n  - id: t\n    name: T\n    rule:\n"
        "      near: {terms: [[a], [b]], within: 5, in_order: maybe}\n",
        r"w\.yaml:6: topics\[0\]\.rule\.near\.in_order: expected true or false",
    ),
    (
        "near with one group",
        "watchlist: x\ntopics:\n  - id: t\n    name: T\n    rule:\n"
        "      near: {terms: [[strike]], within: 5}\n",
        r"w\.yaml:6: topics\[0\]\.rule\.near\.terms: near needs at least two groups",
    ),
    (
        "empty rule",
        "watchlist: x\ntopics:\n  - id: t\n    name: T\n    rule: {}\n",
        r"w\.yaml:5: topics\[0\]\.rule: a condition needs a term or one of all_of",
    ),
    (
        "missing watchlist name",
        "entities:\n" + GOOD_ENTITY,
        r"w\.yaml:1: watchlist: required key is missing",
    ),
    (
        "YAML syntax error",
        "watchlist: x\nentities: [\n",
        r"w\.yaml:3: invalid YAML",
    ),
    (
        "not a mapping",
        "- just\n- a list\n",
        r"w\.yaml:1: a watchlist file is a mapping",
    ),
    (
        "a birth year on an organization",
        "watchlist: x\nentities:\n" + GOOD_ENTITY + "    born: 1980\n",
        r"w\.yaml:3: entities\[0\]: .*born is a person's year of birth; 'gulf-cartel' is of "
        r"type organization",
    ),
    (
        "a birth year out of range",
        "watchlist: x\nentities:\n" + GOOD_ENTITY.replace("organization", "person")
        + "    born: 19710\n",
        r"w\.yaml:8: entities\[0\]\.born: .*2100",
    ),
    (
        "namesake trades on an organization",
        "watchlist: x\nentities:\n" + GOOD_ENTITY + "    namesake_trades: [baker]\n",
        r"w\.yaml:3: entities\[0\]: .*namesake_trades mark a person's namesakes; 'gulf-cartel' "
        r"is of type organization",
    ),
    (
        "a namesake trade of two words",
        "watchlist: x\nentities:\n" + GOOD_ENTITY.replace("organization", "person")
        + "    namesake_trades: [baker, bus driver]\n",
        r"w\.yaml:8: entities\[0\]\.namesake_trades: .*'bus driver' is not: write each trade's "
        r"word alone",
    ),
]


@pytest.mark.parametrize(("text", "pattern"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_watchlists(tmp_path: Path, text: str, pattern: str) -> None:
    """Each broken watchlist raises WatchlistError naming the file, the line and the key."""
    path = write(tmp_path, text)
    with pytest.raises(WatchlistError) as info:
        load_watchlists([path])
    assert re.search(pattern, str(info.value)), str(info.value)


def test_duplicate_entity_across_files(tmp_path: Path) -> None:
    """An id defined in two files is an error naming both files and lines."""
    a = write(tmp_path, "watchlist: a\nentities:\n" + GOOD_ENTITY, "a.yaml")
    b = write(tmp_path, "watchlist: b\nentities:\n" + GOOD_ENTITY, "b.yaml")
    with pytest.raises(WatchlistError) as info:
        load_watchlists([a, b])
    message = str(info.value)
    assert message.startswith(f"{b}:3: entities[0].id: duplicate entity id 'gulf-cartel'")
    assert f"first defined at {a}:3" in message


def test_missing_file(tmp_path: Path) -> None:
    """A missing file is a WatchlistError naming it."""
    with pytest.raises(WatchlistError, match=r"nope\.yaml: file not found"):
        load_watchlists([tmp_path / "nope.yaml"])


def test_empty_directory(tmp_path: Path) -> None:
    """A directory without YAML files is an error, not an empty watchlist."""
    with pytest.raises(WatchlistError, match=r"no \.yaml or \.yml files"):
        load_watchlists([tmp_path])


def test_equal_topic_conditions_are_held_once(tmp_path: Path) -> None:
    """A condition written in several rules (a YAML anchor, or the same term again) is one
    object once loaded (README, Performance: memory), and the watchlist reads, matches and
    hashes as written: the version is the one of the same rules written out in full."""
    from monitor.match import Matcher

    rules = ("watchlist: t\ntopics:\n"
             "  - {id: a, name: A, rule: {all_of: [&war {any_of: [war, guerra]}, Caribbean]}}\n"
             "  - {id: b, name: B, rule: {all_of: [*war, {term: Venezuela, case: capitalized}]}}\n"
             "  - {id: c, name: C, rule: {any_of: [Caribbean, {term: Venezuela, "
             "case: capitalized}]}}\n")
    wl = load_watchlists([write(tmp_path, rules, "shared.yaml")])
    a, b, c = (t.rule for t in wl.topics)
    assert a.all_of[0] is b.all_of[0]  # the anchored group
    assert b.all_of[1] is c.any_of[1] and a.all_of[1] is c.any_of[0]  # the same terms again
    assert wl.topics == wl.lists[0].topics
    written_out = rules.replace("&war ", "").replace("*war", "{any_of: [war, guerra]}")
    assert load_watchlists([write(tmp_path, written_out, "out.yaml")]).version == wl.version
    m = Matcher.compile(wl)
    hits = m.match({"title": "War in the Caribbean, says Venezuela"}).topics
    assert sorted(t.topic_id for t in hits) == ["a", "b", "c"]
    # b needs the capital (in a field whose capitals mean something: "War" has one)
    assert m.match({"title": "War in venezuela"}).topics == ()
    # the seed watchlist: each distinct condition one object (4,242 held as 2,238 on 2026-12-02)
    conds = _conditions(load_watchlists([Path(__file__).resolve().parent.parent / "seeds"]))
    assert len({id(c) for c in conds}) == len(set(conds)) < len(conds)


def test_groups_whose_hashes_collide_are_still_told_apart(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Equal groups are found by a hash of their fields; with every group given the same hash
    (as if each pair collided), equal groups are still one object and unequal ones stay apart:
    the same rules, version and matches."""
    import monitor.watchlist as watchlist_module
    from monitor.match import Matcher

    rules = ("watchlist: t\ntopics:\n"
             "  - {id: a, name: A, rule: {all_of: [{any_of: [war, guerra]}, Caribbean]}}\n"
             "  - {id: b, name: B, rule: {all_of: [{any_of: [war, guerra]}, Venezuela]}}\n"
             "  - {id: c, name: C, rule: {all_of: [{any_of: [war, guerras]}, Caribbean]}}\n"
             "  - {id: d, name: D, rule: {near: {terms: [[war], [Caribbean]], within: 3}}}\n"
             "  - {id: e, name: E, rule: {near: {terms: [[war], [Caribbean]], within: 4}}}\n")
    path = write(tmp_path, rules, "groups.yaml")
    plain = load_watchlists([path])
    monkeypatch.setattr(watchlist_module, "_digest", lambda value: 7)
    collided = load_watchlists([path])
    for wl in (plain, collided):
        a, b, c, d, e = (t.rule for t in wl.topics)
        assert a.all_of[0] is b.all_of[0]  # written twice, equal: one object
        assert c.all_of[0] is not a.all_of[0] and c.all_of[0] != a.all_of[0]
        assert d is not e and d != e
        conds = _conditions(wl)
        assert len({id(x) for x in conds}) == len(set(conds))
    assert collided.version == plain.version and collided.topics == plain.topics
    title = {"title": "War near the Caribbean coast of Venezuela"}
    assert ([t.topic_id for t in Matcher.compile(collided).match(title).topics]
            == [t.topic_id for t in Matcher.compile(plain).match(title).topics])


def _conditions(wl) -> list:
    out = []

    def walk(cond) -> None:
        out.append(cond)
        for kid in (*cond.all_of, *cond.any_of, *cond.none_of):
            walk(kid)
        for group in cond.near.terms if cond.near else ():
            for kid in group:
                walk(kid)

    for t in wl.topics:
        walk(t.rule)
    return out


def test_words_written_as_numbers_are_read_as_written(tmp_path: Path) -> None:
    """An analyst's ``unless: [poet, 1998]`` means the year, not the number YAML reads: a word,
    an alias or a term written as a number is the text it was written as (``010`` stays 010,
    not YAML's 8; ``1.10`` stays 1.10), in word lists, aliases and topic conditions alike."""
    path = write(tmp_path, "watchlist: one\nentities:\n  - id: a\n    name: Aro\n"
                 "    type: organization\n    priority: high\n"
                 "    aliases: [Aro, 007]\n    unless: [poet, 1998]\n"
                 "    not_before: [010]\n    exclude: [Aro 1.10]\n"
                 "topics:\n  - id: t\n    name: T\n"
                 "    rule: {all_of: [Aro, 2026]}\n")
    wl = load_watchlists([path])
    entity = wl.entities[0]
    assert (entity.unless, entity.not_before, entity.exclude) == (
        ("poet", "1998"), ("010",), ("Aro 1.10",))
    m = Matcher.compile(wl)

    def found(title: str) -> set[str]:
        res = m.match({"title": title, "summary": ""})
        return {e.entity_id for e in res.entities} | {t.topic_id for t in res.topics}

    assert found("Aro signs a deal in 2026") == {"a", "t"}
    assert found("Agent 007 is back") == {"a"}
    assert found("Aro, the poet of 1998") == set()
    assert found("Aro 010 ships") == set()
    assert found("Aro 1.10 released") == set()
    assert found("Aro 8 ships") == {"a"}  # not_before is 010 as written, not YAML's 8


@pytest.mark.parametrize("value", ["yes", "off", "false", "No"])
def test_a_word_yaml_reads_as_true_or_false_is_the_word(tmp_path: Path, value: str) -> None:
    """``unless: [Concorde, yes]``, ``terms: [fake, false]``: where a watchlist wants words,
    a word YAML reads as true or false is the word as written; a key that wants true or false
    (``in_order: yes``) still reads it so."""
    path = write(tmp_path, "watchlist: one\nentities:\n  - id: a\n    name: A\n"
                 "    type: organization\n    priority: high\n"
                 f"    aliases:\n      - {{alias: Aro, unless: [Concorde, {value}]}}\n"
                 "topics:\n  - id: t\n    name: T\n"
                 f"    rule: {{near: {{terms: [[papers], [fake, {value}]], within: 2,"
                 " in_order: yes}}\n")
    wl = load_watchlists([path])
    assert wl.entities[0].aliases[0].unless == ("Concorde", value)
    near = wl.topics[0].rule.near
    assert near is not None and near.in_order is True
    assert [c.term for c in near.terms[1]] == ["fake", value]
    m = Matcher.compile(wl)
    assert topic_matches(m, f"Customs finds {value} papers on a ship") == set()  # in order
    assert topic_matches(m, f"Papers {value} and forged, customs says") == {"t"}
    assert {e.entity_id for e in m.match({"title": f"Aro: {value} to the deal"}).entities} \
        == set()
    assert {e.entity_id for e in m.match({"title": "Aro signs the deal"}).entities} == {"a"}


def test_a_name_yaml_reads_as_true_or_false_says_to_quote_it(tmp_path: Path) -> None:
    """A key that wants text and is no list of words (``name: no``): YAML hands the loader
    true or false; the error names the file, line and key, and says what to write."""
    path = write(tmp_path, "watchlist: one\nentities:\n  - id: a\n    name: no\n"
                 "    type: organization\n    priority: high\n    aliases: [Aro]\n")
    with pytest.raises(WatchlistError) as err:
        load_watchlists([path])
    message = str(err.value)
    assert f"{path}:4:" in message
    assert "entities[0].name" in message
    assert "YAML reads this value as true or false" in message
    assert "put it in quotes" in message


def test_a_topic_none_of_beside_its_rule(tmp_path: Path) -> None:
    """``none_of`` may stand beside ``rule`` (where analysts put it): the topic is its rule and
    none of those; an entity it names must be the file's, and the error points at it."""
    head = ("watchlist: one\nentities:\n  - {id: a, name: Aro, type: organization, "
            "priority: high, aliases: [Aro]}\ntopics:\n  - id: fire\n    name: Fire\n")
    path = write(tmp_path, head + "    rule: {near: {terms: [[fire], [dead, killed]], within: 5}}\n"
                 "    none_of: [ceasefire, opened fire, {entity: a}]\n")
    m = Matcher.compile(load_watchlists([path]))
    assert topic_matches(m, "Fire at a club: 40 dead") == {"fire"}
    assert topic_matches(m, "Soldiers opened fire, two dead") == set()
    assert topic_matches(m, "Fire at Aro's depot, two dead") == set()
    assert "fire: not matched: a none_of condition holds [opened fire]" in m.explain(
        {"title": "Soldiers opened fire, two dead"})
    # a nested rule that holds is named by the terms it holds by
    nested = write(tmp_path, head + "    rule: {near: {terms: [[fire], [dead, killed]], "
                   "within: 5}}\n    none_of: [{all_of: [drill, school]}]\n", "nested.yaml")
    lines = Matcher.compile(load_watchlists([nested])).explain(
        {"title": "School fire drill: two dead"})
    assert "fire: not matched: a none_of condition holds [drill, school]" in lines
    bad = write(tmp_path, head + "    rule: fire\n    none_of: [ceasefire, {entity: b}]\n")
    with pytest.raises(WatchlistError) as err:
        load_watchlists([bad])
    assert f"{bad}:8: topics[0].none_of[1].entity: topic 'fire' names entity 'b'" in str(err.value)


def topic_matches(m: Matcher, title: str) -> set[str]:
    return {t.topic_id for t in m.match({"title": title, "summary": ""}).topics}
