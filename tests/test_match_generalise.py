"""Issue 11's matcher rules: one-edit names, hashtags and handles, ALL-CAPS fields, vetoes for
lookalikes, Portuguese, and the watchlist keys that drive them (all declared in the YAML)."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

from monitor import spoken
from monitor.exceptions import FeedParseError, WatchlistError
from monitor.match import Matcher
from monitor.normalize import html_to_text, to_items
from monitor.parse import parse_feed
from monitor.watchlist import Watchlist, load_watchlists

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import eval_match  # noqa: E402
from test_match import compile_yaml, topic_ids  # noqa: E402

SEED = load_watchlists([ROOT / "seeds"])
MATCHER = Matcher.compile(SEED)


def without_fuzzy(wl: Watchlist) -> Watchlist:
    """The same watchlist with one-edit matching off for every entity."""
    return replace(wl, entities=tuple(e.model_copy(update={"fuzzy": False}) for e in wl.entities))


EXACT = Matcher.compile(without_fuzzy(SEED))


def entities(title: str, summary: str = "", matcher: Matcher = MATCHER) -> set[str]:
    fields = {"title": html_to_text(title), "summary": html_to_text(summary)}
    return {m.entity_id for m in matcher.match(fields).entities}


def topics(title: str, summary: str = "") -> set[str]:
    return {m.topic_id for m in MATCHER.match({"title": title, "summary": summary}).topics}


# Most rules learnt from the labelled and blind sets are held by two tables of (title, summary,
# expected) cases, one entry per round or class of misses, read by the two tests at the end of
# this file. A topic entry names the topics it judges (None: all of them): an item about a boat
# strike may rightly carry the designation topic too, and its case says nothing about that.
Case = tuple[str, str, set[str]]
ENTITY_CASES: dict[str, list[Case]] = {}
TOPIC_CASES: dict[str, tuple[set[str] | None, list[Case]]] = {}
STRIKES, DESIGNATION = {"caribbean-boat-strikes"}, {"fto-designation"}
BOTH = STRIKES | DESIGNATION


# --- one edit ------------------------------------------------------------------------------------

MISSPELT = [
    ("Mara Salvatrusha leaders charged", "ms-13"),
    ("Police link Tren de Araqua to robberies", "tren-de-aragua"),
    ("Tren de Arauga members held", "tren-de-aragua"),
    ("Cartel de los Solez chief indicted", "cartel-de-los-soles"),
    ("El Cartel de los Soeles en la mira", "cartel-de-los-soles"),
    ("Boko Haramm attack kills 12", "boko-haram"),
    ("Boko Haran ataca base militar", "boko-haram"),
    ("Sinaloa Cartle faction leader arrested", "sinaloa-cartel"),
    ("Nicolás Madruo habla en Caracas", "nicolas-maduro"),
    ("Jalsico cartel gunmen", "cjng"),
    # the last letter doubled in a word other names share too ("cartel", "unidos")
    ("CBP seizes methamphetamine tied to Sinaloa Cartell associates", "sinaloa-cartel"),
    ("Carteles Unidoss and the lime wars of Tierra Caliente", "carteles-unidos"),
    # the other gender of a word inside a longer name: a slip
    ("Capturan a doce de la Mara Salvatrucho en Choluteca", "ms-13"),
    # ... a plural's s on a long last word of a name of two words or more
    ("Capturados tres cabecillas de la Mara Salvatruchas", "ms-13"),
    # a k after a vowel written ck; two letters swapped in a word of four, the rest exact
    ("Bocko Haram kidnapping: State in contact with Abuja", "boko-haram"),
    ("USS Gerald R. Frod sailors describe the deployment", "uss-gerald-r-ford"),
    # a letter dropped from a word of five beside one of six or more
    ("Islamic Stae's Syrian camps: a visit to al-Hol", "isis"),
    ("Conferencia: Donald Trum y la doctrina Monroe", "donald-trump"),
    # ... or from a group's name of two words beside a word of four
    ("Cameroon says Boko Harm raid repelled near Kolofata", "boko-haram"),
    # ch as Portuguese spells its sound; an h after a final vowel, as transliterations end
    ("Líderes da Mara Salvatruxa são extraditados para os EUA", "ms-13"),
    ("El Cártel de Sinaloah controla la sierra, dice el subtítulo", "sinaloa-cartel"),
    # a consonant spelt as one that sounds alike, in a word other names share too
    ("Trasladan en helicóptero al líder de Cárteles Unidoz", "carteles-unidos"),
    ("Viúva de combatente do «Estado Islânico» repatriada da Síria", "isis"),
    # a silent e after the last consonant of a short word in a name of three words or more
    ("USS Gerald R. Forde returns to Norfolk", "uss-gerald-r-ford"),
    # a consonant added whose key is beside a neighbouring letter's, as a finger slips
    ("Defesa pede adiamento no julgamento de Nicolás Madurto", "nicolas-maduro"),
    ("Cartel del Norestre leader captured, Mexican prosecutors say", "cartel-del-noreste"),
    ("U.S. Sourthern Command says boat hit near Bequia carried cocaine", "us-southern-command"),
    # ch written tch after a vowel, as English spells the sound
    ("Mara Salvatrutcha recruiter charged in Maryland", "ms-13"),
    # ... and ch as the hard sound it is taken for: cc, ck, k
    ("Acusan en Houston a líderes de una clica de la Mara Salvatrucca", "ms-13"),
    ("'Mara Salvatrucka' leader jailed for 18 years in a Spanish court", "ms-13"),
    ("Deportan a tres miembros de la Mara Salvatruka", "ms-13"),
    # a word of three letters beside one of seven or more: a letter doubled
    ("El Comando Surr confirma otro ataque contra una lancha en el Caribe", "us-southern-command"),
    # a consonant's key beside it struck instead of it
    ("Condenan a cabecilla del Cártel del Golgo en Texas", "gulf-cartel"),
    ("Capturan a un enlace del Tren de Arahua en Santiago", "tren-de-aragua"),
    # a first letter spelt by ear: s, z and c before e or i
    ("Extraditan a operador del Cartel de Cinaloa", "sinaloa-cartel"),
    ("Detienen en Miami a un enlace del Cártel de los Zoles", "cartel-de-los-soles"),
    # a longer name's words are edited where a shorter alias inside it needs context words
    # ("Southern Command" alone does; "US Southern Command" does not)
    ("Contractor charged with theft from US Southern Commmand offices", "us-southern-command"),
    ("Column: U.S. Southren Command's press office needs a proofreader", "us-southern-command"),
    # a common word of three letters ("sul", south) beside a long word of one name only
    ("Chefe do Comando Sull visita a Guiana", "us-southern-command"),
    # the last word, of four letters, of a name of three words or more: a vowel heard as
    # another, a consonant whose key is beside its first letter's added after it
    ("Crew of the USS Gerald R. Fird welcomed home in Norfolk", "uss-gerald-r-ford"),
    ("Sailors from the Gerald R. Ftord visit a school in Ponce", "uss-gerald-r-ford"),
    ("Prosecutors say the Cartel of the Sons moved gold through Aruba", "cartel-de-los-soles"),
    # a long word of a name of two words or more split in two, as a speech recogniser hears it
    ("Subtitles: Tren de Ara Gua members arrested in Santiago", "tren-de-aragua"),
    ("Familia Michoa Cana leaders named in a complaint", "la-nueva-familia-michoacana"),
    # a plural article inside a name of three words, its s dropped as the agreement slips
    ("Testemunha-chave do Cartel do Sóis pede proteção nos EUA", "cartel-de-los-soles"),
    ("Militares del Cartel de la Soles, según la fiscalía", "cartel-de-los-soles"),
]


@pytest.mark.parametrize(("title", "entity"), MISSPELT)
def test_a_long_name_with_one_edit_matches_and_explain_says_so(title: str, entity: str) -> None:
    """One edit in a distinctive word of a long alias finds the entity; only fuzzy does."""
    assert entities(title) == {entity}
    assert entity not in entities(title, matcher=EXACT)
    assert any(", one edit)" in line for line in MATCHER.explain({"title": title}))


@pytest.mark.parametrize("title", [
    "Islamic States of the Gulf meet",  # a letter added at the end: a plural, another thing
    "Cartel del Noroeste, un grupo distinto",  # excluded lookalike
    "Donald Drump wins a local race",  # the first letter of a word only as it sounds alike
    "Cartel de Pinaloa: una parodia",
    "Cartel de Ploles",
    "Southren Command wins the regimental cup",  # the shorter alias still needs its context
    "Mara Salvadoreña festival",  # two edits and more
    "Tren del Llano y Tren de Guayana",  # other gangs
    "Orgullo Salvatrucho: la feria de comida de Houston",  # a one-word name's other gender
    "Nicola Maduro wins the qualifier in Rome",  # a given name less its last letter: another
    # a one-word name in the plural: Salvadorans, as they call themselves
    "'Salvatruchas com orgulho': comunidade salvadorenha celebra a independência",
    "Marco Rubo signs for a third-division club",  # a word of five beside one of five: exact
    # ... a four-letter last word of a longer name has a vowel heard as another, not a
    # consonant struck for another ('Fork', 'Fold' are other words)
    "Gerald R. Fork cutlery opens a second store",
    "The Gerald R. Fold paper company expands",
    # ... and a one-word name is not split: nothing else of the name anchors the halves
    "Receta del río: la salva trucha a la plancha",
    # a vowel of a word other names share: another word ('unidas'), not a slip
    "Cárteles Unidas: la tregua de Tierra Caliente",
])
def test_one_edit_does_not_reach_other_names(title: str) -> None:
    """Plurals, first letters, two edits and excluded lookalikes stay unmatched."""
    assert entities(title) == set()


def test_fuzzy_adds_at_most_one_false_positive_on_the_labelled_sets() -> None:
    """Every match that only the one-edit rule makes, on every labelled set, is a labelled one
    but one, and the rule makes many (on the misspellings of the blind sets): 531 right, 1
    wrong when blind247 was added; 535 and 1 with blind251, 562 and 1 with blind267, 612 and 1
    with blind283 (once a person's given name less its last letter, ending in a vowel, was no
    longer an edit: "Nicola Maduro", an Italian tennis player, in blind280), 1,408 and 1 with
    blind333 (the one-edit kinds added since, the later sets' misspellings), 1,474 and 1 with
    blind337 (a four-letter last word's vowel and a key beside its first letter: "Gerald R.
    Ferd", "Gerald R. Frord", "Cartel of the Sons"), 1,489 and 1 with a long word of a name
    of two words or more split in two ("Familia Micho Acana", "sina loa cartel"), 1,514 and
    1 with blind339, 1,532 and 1 with blind341, 1,602 and 1 with blind345 (an 'l' for an
    'i', an h after a last consonant: "Familla", "Trumph"), 1,682 and 1 with blind351 (a
    vowel doubled in a short word of a name of three words: "Gerald R. Foord"), 1,781 and 1
    with blind361 (ch written cc, ck or k, a plural article's s dropped, a letter dropped
    from a group's name beside a word of four: "Salvatrucca", "Cartel do Sóis", "Boko
    Harm"), 1,792 and 1 with blind363, 1,808 and 1 with blind364 (a silent h before a
    first vowel: "Cárteles Hunidos"), 1,819 and 1 with blind365, 1,843 and 1 with blind367 (a
    silent e after the last consonant of a name of two words: "Boko Harame"), 1,870 and 1
    with blind369 (a key beside a vowel's struck instead: "Madurp", "Tren de Aragya"), 1,916
    and 1 with blind371 (a key beside a letter's in a long shared word, "Carteles Unisos", and
    after the last, "Madurol"; a firm's own spelling before its kind, "Southcomm Logistics",
    is no name), 1,952 and 1 with blind373 (a spelling in camel case, "SouthCon", is a
    coined name), 1,981 and 1 with blind374, 2,009 and 1 with blind375. The one
    is blind244's taquería "Familia Michoacán", the state's name one letter from "Familia
    Michoacana"; leaving a dropped last vowel out of the edits would lose twenty right ones
    ("Familia Michoacan", "Cartel del Norest")."""
    gained = wrong = 0
    for path in eval_match.SETS:
        for item in eval_match.load_labelled(path):
            fields = eval_match.item_fields(item)
            on = {m.entity_id for m in MATCHER.match(fields).entities}
            off = {m.entity_id for m in EXACT.match(fields).entities}
            assert off <= on, item["id"]
            extra = on - off
            gained += len(extra & set(item["entities"]))
            wrong += len(extra - set(item["entities"]))
    assert wrong <= 1
    assert gained >= 500


def real_items(corpus_dir: Path) -> list[dict[str, str]]:
    """The fields of every item of the shared corpus's real feeds (news in many languages)."""
    out = []
    for path in sorted(p for p in (corpus_dir / "real").rglob("*") if p.is_file()):
        try:
            parsed = parse_feed(path.as_uri(), path.read_bytes(), {"content-type": "text/xml"})
        except FeedParseError:  # an OPML list, a JSON feed: test_corpus.py covers them
            continue
        out.extend(item.fields() for item in to_items("corpus", parsed))
    assert len(out) >= 1000
    return out


def test_fuzzy_adds_no_match_on_real_feeds(corpus_dir) -> None:
    """On the real feeds of the shared corpus, one-edit matching finds nothing that exact
    matching does not: no word of theirs is one edit from a long name."""
    extra = 0
    for fields in real_items(corpus_dir):
        on = {m.entity_id for m in MATCHER.match(fields).entities}
        off = {m.entity_id for m in EXACT.match(fields).entities}
        if on != off:
            extra += 1
            print(fields.get("title"), on - off)
    assert extra == 0


def test_topic_rules_match_nothing_on_real_feeds(corpus_dir) -> None:
    """The corpus's real feeds predate the boat-strike campaign and the designation (2014-2024
    news: a navy ramming boats off the Canaries, hashish seized with speedboats, Caribbean
    holidays): a topic match there is a false positive. Many of their items have some of the
    rules' terms (near misses that ``explain`` reports), so the rules are exercised."""
    topic_ids = tuple(t.id for t in SEED.topics)
    matched, near_misses = [], 0
    for fields in real_items(corpus_dir):
        lines = MATCHER.explain(fields)
        matched.extend(line for line in lines if line.startswith(topic_ids) and ": matched" in line)
        near_misses += any(line.startswith(topic_ids) and ": not matched" in line for line in lines)
    assert matched == []
    assert near_misses >= 500


def test_fuzzy_is_on_unless_the_file_says_false(tmp_path: Path) -> None:
    """A watchlist that says nothing of ``fuzzy`` matches a long name misspelt by one edit (as
    analysts' own files, written without the option, meet their names in the news);
    ``fuzzy: false`` on the file turns it off, and an alias can still opt in."""
    entities = (
        "entities:\n"
        "  - {id: a, name: A, type: other, priority: low, aliases: [Salvatrucha Gang]}\n"
        "  - {id: b, name: B, type: other, priority: low,\n"
        "     aliases: [{alias: Guacamayo, fuzzy: true}]}\n"
    )
    found = {}
    for setting in ("", "fuzzy: false\n"):
        path = tmp_path / "w.yaml"
        path.write_text(f"watchlist: w\n{setting}{entities}", encoding="utf-8")
        m = Matcher.compile(load_watchlists([path]))
        title = "Salvatrusha Gang and Guacamaio"
        found[setting] = {e.entity_id for e in m.match({"title": title}).entities}
    assert found == {"": {"a", "b"}, "fuzzy: false\n": {"b"}}


def test_fuzzy_by_default_on_other_analysts_files() -> None:
    """The other-seed sets whose watchlists leave ``fuzzy`` unset: the default one-edit rule finds
    their misspelt long names (Siroco Energy, Andres Campo, Rosa Camposs) and adds at most one
    false positive in each set."""
    gained = wrong = 0
    unset = [(p, w) for p, w in eval_match.OTHER_SEEDS if "fuzzy" not in w.read_text("utf-8")]
    assert len(unset) >= 2
    for path, watchlist in unset:
        wl = load_watchlists([watchlist])
        on, off = Matcher.compile(wl), Matcher.compile(without_fuzzy(wl))
        set_wrong = 0
        for item in eval_match.load_labelled(path):
            fields = eval_match.item_fields(item)
            extra = ({m.entity_id for m in on.match(fields).entities}
                     - {m.entity_id for m in off.match(fields).entities})
            gained += len(extra & set(item["entities"]))
            set_wrong += len(extra - set(item["entities"]))
        assert set_wrong <= 1, path
        wrong += set_wrong
    assert gained >= 8 * max(wrong, 1)


# --- hashtags, handles, ALL CAPS -----------------------------------------------------------------


@pytest.mark.parametrize(("title", "entity"), [
    ("#FreeMaduro trends again", "nicolas-maduro"),
    ("#FreeVenezuelaMaduroOut rally", "nicolas-maduro"),
    ("#StopTrenDeAragua2025 campaign", "tren-de-aragua"),
    ("#SOUTHCOMStrike video", "us-southern-command"),
    ("@SecRubio says talks will go on", "marco-rubio"),
    ("@realDonaldTrump posts again", "donald-trump"),
    ("#maduro trends in Caracas", "nicolas-maduro"),
    # Reddit's forum and user names, as forum posts write them
    ("r/HouthiWatch moderators step down", "houthis"),
    ("u/NotTheRealRubio mocks a Havana policy", "marco-rubio"),
    ("a thread on /r/TrenDeAraguaWatch", "tren-de-aragua"),
])
def test_names_glued_inside_hashtags_and_handles(title: str, entity: str) -> None:
    """A name after a camel-case break in a hashtag, a handle or a Reddit r/ or u/ name is
    found; so is a lower-case tag."""
    assert entities(title) == {entity}


def test_a_hashtag_word_that_only_starts_like_a_name_is_not_it() -> None:
    """No camel-case break, no word: ``#Trumpet``, ``#FreeMadurox``."""
    assert entities("#Trumpet solo tonight") == set()
    assert entities("#Madurostyle recipes") == set()


def test_a_starred_term_is_read_inside_a_hashtag_to_its_word_end(tmp_path: Path) -> None:
    """A prefix term (``boat strike*``) found at a camel-case break of a hashtag runs to the end
    of that word: ``#StopTheBoatStrikes`` holds "boat strike*" as "Stop the boat strikes" does;
    a word of the tag that only starts like it does not end the term, and a whole-word term
    still needs its own word's end."""
    m = compile_yaml(tmp_path, """watchlist: w
topics:
  - {id: boats, name: Boat strikes, rule: {any_of: [boat strike*]}}
  - {id: lists, name: Lists, rule: {any_of: [terror list]}}
""")
    assert topic_ids(m, "Stop the boat strikes rally fills the park") == {"boats"}
    assert topic_ids(m, "#StopTheBoatStrikes rally fills the park") == {"boats"}
    assert topic_ids(m, "#BoatStrikesNow trends in Miami") == {"boats"}
    assert topic_ids(m, "#BoatStrikingTeam wins the regatta") == set()
    assert topic_ids(m, "#NoTerrorListing of charities") == set()
    assert topic_ids(m, "#NoTerrorList for charities") == {"lists"}
    # ... and so after a clock time glued to a capital, to the end of the text
    assert topic_ids(m, "Chapters: 05:05Boat strikes") == {"boats"}


def test_a_three_letter_word_is_doubled_only_beside_a_long_word(tmp_path: Path) -> None:
    """A word of three letters may have a letter after its first doubled, and nothing else, in
    a name with a word of seven letters or more ("Comando Surr", "Comando Suur"); beside
    shorter words it is spelt exactly ("Banda Soll" is not "Banda Sol")."""
    m = compile_yaml(tmp_path, """watchlist: w
entities:
  - {id: comando, name: Comando Sur, type: organization, priority: low, aliases: [Comando Sur]}
  - {id: banda, name: Banda Sol, type: organization, priority: low, aliases: [Banda Sol]}
""")
    assert entities("El Comando Surr reúne a los ministros", matcher=m) == {"comando"}
    assert entities("El Comando Suur reúne a los ministros", matcher=m) == {"comando"}
    assert entities("El Comando Surt reúne a los ministros", matcher=m) == set()
    assert entities("La Banda Soll toca esta noche", matcher=m) == set()
    assert entities("La Banda Sol toca esta noche", matcher=m) == {"banda"}


def test_all_caps_fields_are_judged_by_the_rest_of_the_item() -> None:
    """Capitals in an ALL-CAPS title say nothing: the summary's casing decides."""
    assert entities("MADURO SAYS HE WILL NOT LEAVE OFFICE") == {"nicolas-maduro"}
    assert entities("UNA FAMILIA MICHOACANA GANA LA LOTERÍA",
                    "Una familia michoacana de Uruapan ganó el premio mayor.") == set()
    assert entities("LA FAMILIA MICHOACANA RECLUTA EN GUERRERO",
                    "La Familia Michoacana amplía su presencia.") == {"la-nueva-familia-michoacana"}
    assert entities("PLÁTANO MADURO: EL PRECIO SUBE EN CARACAS", "Comerciantes culpan al costo.") \
        == set()
    # a three-letter exact acronym in capitals needs its context and vetoes as anywhere
    assert entities("CDS SPREADS WIDEN AS CARTEL FEARS GROW") == set()
    assert entities("CDS GUNMEN KILL FIVE", "The CDS cartel denied it.") == {"sinaloa-cartel"}
    why = MATCHER.explain({"title": "UNA FAMILIA MICHOACANA GANA",
                           "summary": "una familia michoacana de Uruapan"})
    assert any("ALL-CAPS" in line for line in why)


def test_a_summary_copying_a_headline_without_capitals_says_nothing_by_them() -> None:
    """A feed's "The post <headline> appeared first on ..." copies the headline word for word:
    where the headline has no capitals (a transcript, a slug), its copy's small letters are no
    sign of another thing; where the headline is in capitals, its copy's capitals are no sign
    of an acronym. The rest of the summary still speaks by its case."""
    post = "The post {} appeared first on Scanner Log."
    title = "carteles unidos fighters plant mines in aguililla farmers say"
    assert entities(title, post.format(title)) == {"carteles-unidos"}
    assert entities(title, "Farmers say carteles unidos fighters came at night.") == set()
    shout = "ISIS NAKAMURA É ELEITA PRESIDENTE DO DIRETÓRIO ESTUDANTIL"
    assert entities(shout, post.format(shout)) == set()
    assert entities(shout, "A estudante venceu. " + post.format(shout) + " ISIS reivindica "
                    "ataque.") == {"isis"}


def test_a_short_acronym_no_word_is_spelt_like_counts_in_all_caps(tmp_path: Path) -> None:
    """In an ALL-CAPS item a short exact-case acronym that no word is spelt like (no vowel:
    'CDC', 'PF'; two first consonants no word starts with: 'FDA', 'TCU') counts as written;
    one that reads as a word ('APS', 'DEA', 'US') still needs the rest of the item to write
    it in capitals."""
    m = compile_yaml(
        tmp_path,
        "watchlist: w\nentities:\n" + "".join(
            f"  - {{id: {a.lower()}, name: {a}, type: organization, priority: low,\n"
            f"     aliases: [{{alias: {a}, case: exact}}]}}\n"
            for a in ("FDA", "CDC", "PF", "TCU", "APS", "DEA", "US")),
    )

    def found(title: str, summary: str = "") -> set[str]:
        return {e.entity_id for e in m.match({"title": title, "summary": summary}).entities}

    assert found("LA FDA Y LOS CDC INVESTIGAN CASOS EN ARIZONA") == {"fda", "cdc"}
    assert found("PF E TCU APURAM CONTRATO DO PORTO") == {"pf", "tcu"}
    assert found("APS E DEA: US AGENTS MEET IN LISBON") == set()
    assert found("THE DEA RAIDS TWO LABS", "The DEA said two labs were shut.") == {"dea"}


# --- lookalikes ---------------------------------------------------------------------------------


@pytest.mark.parametrize("title", [
    'Bar "Cartel de Sinaloa" em Curitiba muda de nome após críticas',
    "Isis Pharmaceuticals shares rise",
    "Holandesa ISIS fornece estrutura de nanossatélite para universidade",
    "ISIS software release adds planetary image tools",
    "Banks price CDS on cartel-hit bonds",  # credit default swaps
    "Decommissioned frigate USS Ford sunk as target off Hawaii",
    "Ilha Ford, em Pearl Harbor, recebe veteranos",
    "Obras del ferrocarril: el tren de Aragua llegará a Maracay",
    "Cartel del Noroeste no existe, dice la fiscalía",
])
def test_lookalikes_are_not_the_watched_entity(title: str) -> None:
    """Businesses, satellites, software, swaps, another ship, an island, a railway."""
    assert entities(title) == set()


def test_vetoes_are_explained() -> None:
    """``unless`` and ``not_before`` name themselves in ``monitor explain``."""
    why = MATCHER.explain({"title": "ISIS satellite launched in 1969"})
    assert any("(unless)" in line for line in why)
    why = MATCHER.explain({"title": "Isis Pharmaceuticals shares rise"})
    assert any("(not_before)" in line for line in why)
    why = MATCHER.explain({"title": 'Bar "Cartel de Sinaloa" muda de nome'})
    assert any("'bar'" in line and "not_after" in line for line in why)


# --- Portuguese ----------------------------------------------------------------------------------

PORTUGUESE = [
    ("EUA designam o Cartel dos Sóis como organização terrorista estrangeira",
     {"cartel-de-los-soles"}, {"fto-designation"}),
    ("Ataque americano afunda embarcação na costa da Venezuela", set(),
     {"caribbean-boat-strikes"}),
    ("Ataque estadunidense contra lancha deixa três mortos perto de Trinidad", set(),
     {"caribbean-boat-strikes"}),
    ("Montadora Ford anuncia fábrica nova; o porta-aviões do Brasil segue na Marinha", set(),
     set()),
    ("Militares dos EUA destroem semissubmersível perto de Curaçao", set(),
     {"caribbean-boat-strikes"}),
    ("Porta-aviões Gerald R. Ford chega ao Caribe", {"uss-gerald-r-ford"}, set()),
    ("Comando Sul dos EUA anuncia novo ataque no Caribe contra lancha do narcotráfico",
     {"us-southern-command"}, {"caribbean-boat-strikes"}),
    ("Cartel Jalisco Nova Geração e Cartel do Golfo disputam rotas",
     {"cjng", "gulf-cartel"}, set()),
    ("Nova Família Michoacana e Cartéis Unidos", {"la-nueva-familia-michoacana",
                                                 "carteles-unidos"}, set()),
    ("Estado Islâmico reivindica ataque", {"isis"}, set()),
    ("Rebeldes houthis disparam mísseis", {"houthis"}, set()),
    ("O secretário de Estado Marco Rubio chega a Brasília", {"marco-rubio"}, set()),
    ("Segundo o chanceler Rubio, os EUA manterão as sanções", {"marco-rubio"}, set()),
    ("Governo Maduro responde aos EUA", {"nicolas-maduro"}, set()),
    ("Cartel do Nordeste recruta menores em Tamaulipas", {"cartel-del-noreste"}, set()),
]


@pytest.mark.parametrize(("title", "ents", "tops"), PORTUGUESE)
def test_portuguese_names_and_topic_words(title: str, ents: set[str], tops: set[str]) -> None:
    """Portuguese names of the groups and commands, and its words for boats, strikes and
    designations."""
    assert entities(title) == ents
    assert topics(title) == tops


@pytest.mark.parametrize("title", [
    "Pescadores entram em greve no Caribe por preço do combustível",
    "Paraguai declara o Cartel dos Sóis organização terrorista",
    "Comando Vermelho e PCC disputam presídios",
    "Raio atinge barco de pesca perto de Aruba",
])
def test_portuguese_lookalikes(title: str) -> None:
    """Strikes by fishermen, another country's list, Brazil's gangs, lightning: none is it."""
    assert topics(title) == set()
    assert "us-southern-command" not in entities(title)


@pytest.mark.parametrize(("title", "summary"), [
    ("Boat carrying migrants sinks off Venezuela; 20 dead",
     "Survivors said the vessel left Güiria at night."),
    ("Fishing boat hit a reef off Curaçao", "Three crew members were injured."),
    ("US Coast Guard rescue operation saves 12 from boat off Puerto Rico", ""),
    ("Fire destroys fishing boats in Margarita island port", ""),
    ("Caribbean fishermen strike over low catch prices in Barbados", ""),
    ("Lightning strike sets boat ablaze off Trinidad", ""),
])
def test_other_boat_news_is_not_the_strike_campaign(title: str, summary: str) -> None:
    """Accidents, rescues, fires, workers' strikes, lightning: words that also tell of a strike
    ('hit', 'dead', 'operation') need a US actor, an attack word does not."""
    assert topics(title, summary) == set()


def test_an_attack_on_boats_needs_no_us_word_when_no_other_force_is_named() -> None:
    """The UN on 'lethal attacks on boats off Venezuela' is the campaign; the Venezuelan navy's
    strike is not."""
    assert topics("ONU pide investigar los ataques letales a botes frente a Venezuela") == {
        "caribbean-boat-strikes"}
    assert topics("Venezuelan navy strikes drug boat off Falcón") == set()


def test_a_us_official_calling_a_group_a_terrorist_organization() -> None:
    """'Rubio: X es una organización terrorista' is the designation story; a group described as
    terrorist by someone else is not."""
    assert topics('RUBIO: "EL CÁRTEL DE LOS SOLES ES UNA ORGANIZACIÓN TERRORISTA"') == {
        "fto-designation"}
    assert topics("Analysts debate whether the gang is a terrorist organization") == set()


# --- blind4's error classes: the general rules they led to ---------------------------------------


@pytest.mark.parametrize(("title", "entity"), [
    # a name another entity uses as a context word ('Sinaloa' for the Gulf Cartel's CDS) is
    # still a name: fully editable, not only a dropped or swapped letter
    ("Sinalua Cartel gunmen ambush police", "sinaloa-cartel"),
    # transliterated names opt in to one edit under eight letters (fuzzy: true on the alias)
    ("Al Qaieda claims the attack in Mali", "al-qaeda"),
    ("Houthies fire drones at tanker", "houthis"),
])
def test_one_edit_in_names_used_as_context_and_in_short_transliterations(
    title: str, entity: str
) -> None:
    assert entities(title) == {entity}
    assert any(", one edit)" in line for line in MATCHER.explain({"title": title}))


def test_a_vowel_after_a_final_vowel_is_one_edit_a_plural_s_is_not(tmp_path: Path) -> None:
    """'Ansarie' is a spelling of 'Ansari'; 'Ansaris' is a plural, and under eight letters an
    alias is exact unless it opts in."""
    m = compile_yaml(
        tmp_path,
        "watchlist: w\nfuzzy: true\nentities:\n"
        "  - {id: a, name: A, type: other, priority: low,\n"
        "     aliases: [{alias: Ansari, fuzzy: true}]}\n"
        "  - {id: b, name: B, type: other, priority: low, aliases: [Bakari]}\n",
    )

    def found(title: str) -> set[str]:
        return {e.entity_id for e in m.match({"title": title}).entities}

    assert found("Ansarie leads the talks") == {"a"}
    assert found("Ansaris lead the talks") == set()
    assert found("Bakarie leads the talks") == set()  # six letters, no opt-in: exact only


def test_a_name_counted_only_in_lists_leaves_the_longer_name_its_misspellings(
        tmp_path: Path) -> None:
    """A shorter alias with ``listed: true`` ('Nordeste', counted only in a list of the
    watchlist's groups) does not take the misspellings of that word from the longer name:
    'Cartel do Nordste' is still the cartel; the shorter alias alone, outside a list, is not."""
    m = compile_yaml(
        tmp_path,
        "watchlist: w\nfuzzy: true\nentities:\n"
        "  - {id: cdn, name: Cartel do Nordeste, type: organization, priority: high,\n"
        "     aliases: [Cartel do Nordeste, {alias: Nordeste, case: capitalized, listed: true}]}\n"
        "  - {id: cdg, name: Cartel do Golfo, type: organization, priority: high,\n"
        "     aliases: [Cartel do Golfo, {alias: Golfo, case: capitalized, listed: true}]}\n",
    )
    assert entities("Preso em Monterrey um líder do Cartel do Nordste", matcher=m) == {"cdn"}
    assert entities("Chuvas no Nordeste: seca acaba", matcher=m) == set()
    assert entities("Mapa compara o Cartel do Golfo e o Nordeste", matcher=m) == {"cdn", "cdg"}


def test_a_short_word_of_a_long_name_matches_with_a_consonant_doubled(tmp_path: Path) -> None:
    """In a name of two words, a word of four letters matches with a consonant doubled
    ('Thiago Lobbo', 'Marco Leall') or with b/v, s/z, c/k or d/t swapped ('Thiago Lovo', as
    'Boco Haram' and 'Gerald R. Fort' are written), no other
    edit; the other word stays exact, and a lone four-letter alias never takes an edit."""
    m = compile_yaml(
        tmp_path,
        "watchlist: w\nentities:\n"
        "  - {id: a, name: A, type: person, priority: low, aliases: [Thiago Lobo]}\n"
        "  - {id: b, name: B, type: person, priority: low, aliases: [Marco Leal]}\n"
        "  - {id: c, name: C, type: other, priority: low, aliases: [Saab]}\n"
        "  - {id: d, name: D, type: person, priority: low, aliases: [Laura Ford]}\n"
        "  - {id: e, name: E, type: organization, priority: low, aliases: [Boko Haram]}\n",
    )

    def found(title: str) -> set[str]:
        return {e.entity_id for e in m.match({"title": title}).entities}

    assert found("Thiago Lobbo's transfer: the paper trail") == {"a"}
    assert found("Marco Leall asks to be released") == {"b"}
    assert found("Thiago Lovo signs for Alameda") == {"a"}  # b for v, s for z: most confused
    assert found("Laura Fort to lead the panel") == {"d"}  # ... d for t, c for k
    assert found("Boco Haram attack in Borno") == {"e"}
    assert any("one edit" in line for line in m.explain({"title": "Thiago Lobbo signs"}))
    # (two letters swapped in a word of four only in a name of three words or more: "Gerald R.
    # Frod", test_match_generalise's MISSPELT)
    for other in ("Thiago Loob", "Thiago Lob", "Thiago Loboo", "Thiago Lopo", "Marco Lela",
                  "Tiago Lobbo", "Saabb recalls cars", "Laura Forte", "Boka Haram"):
        assert found(other) == set(), other


def test_a_strict_surname_followed_by_another_capitalised_word_is_somebody_else(
        tmp_path: Path) -> None:
    """A lone surname made strict by allow_after, right before another capitalised word, is
    part of another name ('Prado Pérez', 'Moreno Valley', 'Prado Cafe'); not when that word
    is one of the entity's own alias words (a second surname it lists), a capitalised date
    word, after a hyphen, or in a headline that capitalises every word. Only that hit is
    rejected: the item's other lone hits still count (relatives share a surname)."""
    m = compile_yaml(
        tmp_path,
        "watchlist: w\nentities:\n"
        "  - id: ana-prado\n    name: Ana Prado\n    type: person\n    priority: low\n"
        "    aliases:\n      - Ana Prado Lima\n"
        "      - {alias: Prado, case: capitalized, allow_after: [Ana, judge, Judge]}\n",
    )

    def found(title: str, summary: str = "") -> bool:
        return bool(m.match({"title": title, "summary": summary}).entities)

    assert not found("Former judge Prado Pérez named to the top court")
    assert not found("Prado Cafe chain opens its 50th store in Texas")
    assert found("Judge Prado Lima freezes the tanker's accounts")
    assert found("Judge Prado Monday ordered the tanker held")
    assert found("Talara-Prado ruling appealed by the owners")
    assert found("Judge Prado Orders Tanker Held Pending Trial")
    assert found("Judge Prado's ruling stands", "Her nephew Prado Martínez also sits on a court.")
    why = m.explain({"title": "Former judge Prado Pérez named"})
    assert any("followed by the capitalised word 'perez'" in line for line in why)


def test_a_strict_surname_opening_a_sentence_is_the_word_the_item_writes_in_lower_case(
        tmp_path: Path) -> None:
    """'Leite condensado: ... leite em pó': a strict surname that is capitalised only because
    it opens a sentence is the common word when the item writes that word in lower case too;
    mid-sentence, with its first name, or when the item has no lower-case use (or only in the
    same sentence, a pun), it is the person."""
    m = compile_yaml(
        tmp_path,
        "watchlist: w\nentities:\n"
        "  - id: paulo-leite\n    name: Paulo Leite\n    type: person\n    priority: low\n"
        "    aliases:\n      - Paulo Leite\n"
        "      - {alias: Leite, case: capitalized, allow_after: [Paulo, diretor]}\n",
    )

    def found(title: str, summary: str = "") -> bool:
        return bool(m.match({"title": title, "summary": summary}).entities)

    assert not found("Leite condensado caseiro", "Misture leite em pó e açúcar.")
    assert not found("Receita: Leite condensado caseiro", "Misture leite em pó e açúcar.")
    assert found("Leite nega irregularidades", "O diretor falou à imprensa.")
    assert found("Leite nega irregularidades", "Paulo Leite diz que o leite da marca é seguro.")
    assert found("Diretor Leite nega irregularidades", "A marca de leite diz que é seguro.")
    assert found("Leite joga com o leite da marca")  # both senses in one sentence: a pun
    assert not found("Preço do leite sobe. Leite condensado também")
    # ... but not a quoted stretch without capitals, a search query as typed
    assert found('Leite nega irregularidades; "leite fraude" sobe nas buscas')
    assert not found('Leite condensado: "leite fraude"', "Misture leite em pó.")
    why = m.explain({"title": "Leite condensado", "summary": "leite em pó"})
    assert any("writes 'leite' in lower case" in line for line in why)


def test_a_capitalized_acronym_may_be_written_as_a_name(tmp_path: Path) -> None:
    """``{alias: MINEM, case: capitalized}`` also finds 'Minem' (Spanish and Portuguese write
    an acronym read as a word so), not 'minem' or 'MiNem'; a three-letter one ('ANA') stays in
    capitals, as 'Ana' is a first name."""
    m = compile_yaml(
        tmp_path,
        "watchlist: w\nentities:\n"
        "  - {id: minem, name: M, type: organization, priority: low,\n"
        "     aliases: [{alias: MINEM, case: capitalized}]}\n"
        "  - {id: ana, name: A, type: organization, priority: low,\n"
        "     aliases: [{alias: ANA, case: capitalized}]}\n",
    )

    def found(title: str) -> set[str]:
        return {e.entity_id for e in m.match({"title": title}).entities}

    assert found("Minem revoca concesión de Minera Cóndor") == {"minem"}
    assert found("El MINEM revoca la concesión") == {"minem"}
    assert found("el minem de la mina") == set()
    assert found("El MiNem publica lista") == set()
    assert found("Ana Quispe habla con la ANA") == {"ana"}
    assert found("Ana Quispe habla") == set()


def test_an_alias_used_in_lower_case_as_context_stays_a_name(tmp_path: Path) -> None:
    """Another entity's context term 'santa marta' is the hospital's alias written in lower
    case, a name and not a common word: the alias keeps every one-edit spelling ('Santa
    Martha', an h added), not only the light ones a common word gets."""
    m = compile_yaml(
        tmp_path,
        "watchlist: w\nentities:\n"
        "  - {id: hsm, name: H, type: organization, priority: low, aliases: [Santa Marta]}\n"
        "  - {id: rey, name: R, type: person, priority: low,\n"
        "     aliases: [{alias: Elena Rey, requires: [hospital, santa marta]}]}\n",
    )
    assert {e.entity_id for e in m.match({"title": "Santa Martha hospital ransom"}).entities} \
        == {"hsm"}


def test_a_road_named_ms_13_is_not_the_gang() -> None:
    assert entities("Crash closes MS 13 south of Morton",
                    "Mississippi Highway 13 reopened at noon.") == set()
    assert entities("MS-13 members charged in Long Island killings") == {"ms-13"}
    why = MATCHER.explain({"title": "MS 13 closed", "summary": "Mississippi Highway 13 is shut."})
    assert any("(unless)" in line for line in why)


def test_a_thing_named_after_the_alias_takes_the_items_other_lone_hits() -> None:
    """'Trump Card' (not_before: card) names a dog or a horse: the item's other lone 'Trump'
    is that animal too. Lower-case 'trump card' is no hit, and in a headline whose capitals say
    nothing the rejection drops nothing else."""
    assert entities("A greyhound named Trump Card wins the derby",
                    "Trump, the favourite, led from the start.") == set()
    why = MATCHER.explain({"title": "A greyhound named Trump Card wins",
                           "summary": "Trump led from the start."})
    assert any("(not_before)" in line for line in why)
    assert any("another person or thing of this name" in line for line in why)
    assert entities("Trump plays his trump card on tariffs") == {"donald-trump"}
    assert entities("TRUMP'S TRUMP CARD: TARIFFS",
                    "Trump said tariffs would bring factories home.") == {"donald-trump"}


TOPIC_CASES["boat_strike_rules_from_blind4"] = (None, [
    # warships deployed are not boats struck; a "strike group" is a formation
    ("Pentagon sends more warships to the Caribbean",
     "Hegseth said the ships will help eliminate narco-terrorists.", set()),
    ("US carrier strike group ships arrive off Venezuela", "", set()),
    ("El portaaviones y su grupo de ataque llegan al Caribe",
     "Los buques de la Armada de EE.UU. harán ejercicios.", set()),
    # an attack word still reaches a ship
    ("US missile strike hits ship carrying cocaine off Venezuela", "",
     {"caribbean-boat-strikes"}),
    # "a post on the strike" is no labour strike; "dockers are on strike" is
    ("Video posted on strike that destroyed a boat off Venezuela", "SOUTHCOM shared it.",
     {"caribbean-boat-strikes"}),
    ("Dockers are on strike in Aruba as boats wait", "The union wants higher pay.", set()),
    # the headline's strike and the summary's boat further apart, when drugs are named
    ("EE.UU. lanza un nuevo ataque en el Caribe",
     "Según el Pentágono, murieron tres tripulantes a bordo de una pequeña lancha que llevaba "
     "cocaína.", {"caribbean-boat-strikes"}),
    # ... or not, when the headline's attack is told in the sea (blind53)
    ("EE.UU. lanza un nuevo ataque en el Caribe",
     "Según el Pentágono, murieron tres tripulantes a bordo de una pequeña lancha de pescadores.",
     {"caribbean-boat-strikes"}),
    # ... but not a headline's attack elsewhere and a boat far from it, no drugs named
    ("EE.UU. lanza un nuevo ataque contra objetivos del ELN en el Catatumbo",
     "En otra noticia, tres tripulantes murieron a bordo de una pequeña lancha de pescadores "
     "en Aruba.", set()),
    # Portuguese: "atingido" (hit), "míssil"
    ("Barco atingido por míssil dos EUA no Caribe", "", {"caribbean-boat-strikes"}),
])


TOPIC_CASES["designation_rules_from_blind4"] = (None, [
    # the listing's legal step, with terrorism or a group named
    ("The designation takes effect on Monday",
     "Washington's move targets the Venezuelan cartel's finances.", {"fto-designation"}),
    ("La designación entra en vigor el lunes",
     "El Departamento de Estado dice que el grupo es terrorista.", {"fto-designation"}),
    ("The historic district designation takes effect in May",
     "Owners of 40 buildings were told.", set()),
    # "ya es organización terrorista para Washington"
    ("El Tren de Aragua ya es organización terrorista para Washington", "",
     {"fto-designation"}),
    # other countries renewing, updating, widening their own lists
    ("Canadá actualiza su lista de entidades terroristas", "", set()),
    ("Reino Unido amplía su lista de organizaciones terroristas", "", set()),
])


def test_near_groups_combine_yaml_anchors(tmp_path: Path) -> None:
    """A near group may list an anchored list and more terms: it is flattened."""
    m = compile_yaml(
        tmp_path,
        "watchlist: w\nentities:\n"
        "  - {id: a, name: A, type: other, priority: low, aliases: [Alpha]}\n"
        "topics:\n"
        "  - id: t\n    name: T\n    rule:\n      any_of:\n"
        "        - near: {terms: [&small [skiff, dinghy], [sank]], within: 3}\n"
        "        - near: {terms: [[*small, ship], [burned]], within: 3}\n",
    )
    assert [t.topic_id for t in m.match({"title": "the ship burned"}).topics] == ["t"]
    assert [t.topic_id for t in m.match({"title": "a dinghy burned"}).topics] == ["t"]
    assert m.match({"title": "the ship sank"}).topics == ()


# --- the YAML keys -----------------------------------------------------------------------------


@pytest.mark.parametrize(("entry", "message"), [
    ("{alias: X Y, not_before: ['two, words']}", "not_before entry is one word"),
    ("{alias: X Y, unless: ['*bad']}", "'*' is only allowed at the end"),
    ("{alias: X Y, fuzzy: maybe}", "fuzzy"),
])
def test_bad_rule_keys_are_rejected_with_the_line(tmp_path: Path, entry: str, message: str) -> None:
    """The new alias keys are validated like the others: file, line, key path, what is wrong."""
    path = tmp_path / "w.yaml"
    path.write_text(
        "watchlist: w\nentities:\n  - id: a\n    name: A\n    type: other\n    priority: low\n"
        f"    aliases:\n      - {entry}\n",
        encoding="utf-8",
    )
    with pytest.raises(WatchlistError) as err:
        load_watchlists([path])
    assert "w.yaml:8" in str(err.value)
    assert message in str(err.value)


# --- blind5's error classes, fixed by families of words (items written anew, not blind5's) -------

TOPIC_CASES["boat_strike_rules_from_blind5"] = (None, [
    # "narco" boat nouns and the submarines built to smuggle, in the three languages
    ("Nuevo ataque a un narcobote en aguas del Caribe", "", {"caribbean-boat-strikes"}),
    ("EUA atacam mais dois narcobarcos ao largo da Venezuela", "", {"caribbean-boat-strikes"}),
    ("EE.UU. hunde un semi-sumergible frente a Venezuela", "", {"caribbean-boat-strikes"}),
    ("Pentágono destrói submarino caseiro no Caribe", "", {"caribbean-boat-strikes"}),
    # a navy's own submarine is no target
    ("US attack submarine arrives in the Caribbean", "", set()),
    # destroy, sink, fire on: with a US actor or an unnamed armed force...
    ("Navy destroys drug-laden semi-submersible in the Caribbean", "", {"caribbean-boat-strikes"}),
    ("Las fuerzas hundieron una narcolancha en el mar Caribe", "", {"caribbean-boat-strikes"}),
    # ... but another country's, named in any order, is its own operation
    ("Colombia's navy destroys drug boat in the Caribbean", "", set()),
    ("La Marina de México hunde una lancha con droga en el Caribe", "", set()),
    # the campaign told as a whole, right before the boats
    ("Death toll of the campaign against drug boats passes 80", "Near Venezuela, officials said.",
     {"caribbean-boat-strikes"}),
    ("Balanço da campanha militar contra lanchas no Caribe: 83 mortos", "",
     {"caribbean-boat-strikes"}),
    ("Maduro launches military campaign against 'threats'", "Militia boats paraded in Caracas.",
     set()),
    # a weapon's word and the boat in the title and the summary
    ("Venezuela denuncia otro bombardeo", "El canciller dijo que murieron cuatro personas que "
     "viajaban en una pequeña lancha de pesca artesanal.", {"caribbean-boat-strikes"}),
    # places on Venezuela's coast, without "Caribbean" or "Venezuela"
    ("New strike on a boat off La Guaira leaves three dead", "", {"caribbean-boat-strikes"}),
    ("Lancha atacada por EUA tinha saído de Güiria", "", {"caribbean-boat-strikes"}),
    # the Venezuelan group the boat is said to serve stands for drugs when no region is named
    ("Pentagon says the vessel it struck belonged to Tren de Aragua", "",
     {"caribbean-boat-strikes"}),
    # Venezuela's own exercises and missile boats, criminals robbing fishermen
    ("La Fuerza Armada despliega lanchas misilísticas en la costa de Sucre", "", set()),
    ("Navy drills with missile boats off La Orchila", "", set()),
    ("Asaltantes atacan una lancha de pescadores cerca de Cumaná", "", set()),
    # no region named: the campaign's own actors count unless another sea or war is named
    ("Hegseth shares video of vessel exploding after US strike", "", {"caribbean-boat-strikes"}),
    ("Pescador colombiano murió en bombardeo de EE.UU., dice su familia", "",
     {"caribbean-boat-strikes"}),
    ("US strike kills 3 on boat in eastern Pacific",
     "Southern Command said the vessel carried drugs.", set()),
    ("Pentagon confirms strike on vessel linked to Iran", "", set()),
    ("Pentagon: sailor killed in boat accident at Norfolk", "", set()),
    # a kinetic strike "at sea" on traffickers
    ("EE.UU. reporta un nuevo ataque cinético contra narcotraficantes en el mar", "",
     {"caribbean-boat-strikes"}),
    # opening fire, extrajudicial executions at sea, a Trinidadian victim
    ("Marinha dos EUA abre fogo contra lancha suspeita perto de Aruba", "",
     {"caribbean-boat-strikes"}),
    ("Caracas denuncia execuções extrajudiciais em alto-mar",
     "Os EUA dizem que as vítimas levavam drogas.", {"caribbean-boat-strikes"}),
    ("Familia de pescador trinitense muerto en ataque de EEUU pide justicia", "",
     {"caribbean-boat-strikes"}),
    # the US Navy, "ataques a lanchas", and the US campaign's toll with no boat word
    ("La Armada de EE.UU. ataca una lancha rápida con cuatro tripulantes", "",
     {"caribbean-boat-strikes"}),
    ("Relatores de la ONU: los ataques contra lanchas violan el derecho internacional", "",
     {"caribbean-boat-strikes"}),
    ("La ofensiva naval de Trump en el Caribe deja ya 83 muertos", "",
     {"caribbean-boat-strikes"}),
    ("Ofensiva militar en Haití contra pandillas deja 30 muertos", "", set()),
])


TOPIC_CASES["designation_rules_from_blind5"] = (None, [
    # "terrorista para EE.UU." without "organización", and "oficialmente terrorista"
    ("Los Soles ya son terroristas para Washington", "", {"fto-designation"}),
    ("O Tren de Aragua agora é oficialmente terrorista", "", {"fto-designation"}),
    ("Cartel now officially a terrorist organization", "", {"fto-designation"}),
    ("Officials officially condemned the terrorist attack in Quito", "", set()),
    # listar, figurar como, constar como; a list of terrorists joined
    ("Washington planea listar al Cartel de los Soles como terrorista", "", {"fto-designation"}),
    ("Oito facções mexicanas constam como organizações terroristas", "", {"fto-designation"}),
    ("EE.UU. incluye al Cartel de los Soles en su lista negra de terroristas", "",
     {"fto-designation"}),
    # calificar de / tildar de / label: the US government acting on a group, not rhetoric
    ("Rubio defiende la decisión de tildar de terrorista al Cartel de los Soles", "",
     {"fto-designation"}),
    ("Maduro califica de terrorista al gobierno de Colombia", "", set()),
    # another country declining, debating or following: a listing verb right after it
    ("Chile descarta declarar terrorista al Tren de Aragua", "", set()),
    ("Deputada propõe classificar milícias como terroristas", "", set()),
    ("Ecuador follows Washington in labelling gangs terrorist groups", "", set()),
    ("Trinidad y Tobago sigue a EE.UU. y declara terrorista al cartel", "", set()),
    # ... but a country reacting to the US's designation is the US's designation
    ("México rechaza la designación terrorista de los cárteles", "", {"fto-designation"}),
    # an order that designates no group
    ("Trump signs order on cartels, no new designations", "Agencies have 60 days to report.",
     set()),
    ("Trump designates a movement as a domestic terrorist organization", "", set()),
    ("Rusia declara terrorista a un movimiento opositor", "", set()),
    ("EUA oficializam Cartel de los Soles como organização terrorista", "", {"fto-designation"}),
    # "treat as", "figuran como", "oficialmente": the label right after, in that order
    ("Washington will treat the Venezuelan cartel as a terrorist organization", "",
     {"fto-designation"}),
    ("Hospitals treated 40 victims of the terrorist group's attack", "", set()),
    ("El Estado Islámico figura como el grupo terrorista más letal, según un índice", "", set()),
    ("Oficialmente, el terrorista fue abatido", "", set()),
    ("Lista de terroristas más buscados del FBI suma un nombre", "", set()),
])


@pytest.mark.parametrize(("title", "expected"), [
    # TdA beside the other groups' short names or their listing
    ("Court upholds TdA, MS-13 listings", {"tren-de-aragua", "ms-13"}),
    ("Juez mantiene la designación de TdA", {"tren-de-aragua"}),
    ("Designated hitter: TdA results", set()),
    # the command with its commanders and ranks, in a short headline
    ("Comando Sur cambia de comandante", {"us-southern-command"}),
    ("Almirante deixa o Comando Sul", {"us-southern-command"}),
    ("El Comando Sur del Ejército de Chile cambia de comandante", set()),
])
def test_entity_context_from_blind5(title: str, expected: set[str]) -> None:
    assert entities(title) == expected


# --- blind6's error classes (after its first score), fixed by general rules; items written anew --


ENTITY_CASES["entity_rules_from_blind6"] = [
    # a cartel item that counts seized dollars is no Canadian-dollar item
    ("Capturan a un operador del CDN en Nuevo Laredo", "Le decomisaron 80 mil dólares.",
     {"cartel-del-noreste"}),
    ("El CDN sube frente al dólar estadounidense", "El dólar canadiense cerró al alza.", set()),
    # ISIS the neutron source and CDS/ISIS the library catalogue program
    ("ISIS upgrade lets physicists study batteries", "The neutron and muon source reopens.",
     set()),
    ("La biblioteca deja CDS/ISIS", "El catálogo pasa a un sistema nuevo.", set()),
    ("ISIS claims attack in Syria", "The militants struck a checkpoint.", {"isis"}),
    # a police force's southern command
    ("La Policía activa el Comando Sur en Ponce", "Más agentes en Puerto Rico.", set()),
    ("Comando Sur envía buques al Caribe", "", {"us-southern-command"}),
    # "mature" after a degree word, in an all-capitalised headline; the slogan stays his
    ("UN PLANTEL MUY MADURO GANA LA COPA", "El entrenador elogió a sus jugadores.", set()),
    ("#NoMasMaduro: protesta en Madrid", "", {"nicolas-maduro"}),
]


TOPIC_CASES["topic_rules_from_blind6"] = (None, [
    # "volar" as blowing up: its participle beside a boat, off Venezuela
    ("Otra lancha volada frente a Sucre", "Los pescadores vieron el humo.",
     {"caribbean-boat-strikes"}),
    ("Una gaviota ha volado sobre la lancha", "", set()),
    # a strike told as away from the Caribbean is the eastern Pacific campaign
    ("Pentagon: new boat strike kills three", "It was the third strike outside the Caribbean "
     "this month, off Colombia's Pacific coast.", set()),
    ("EEUU ataca una lancha lejos del Caribe", "El bombardeo fue en el Pacífico.", set()),
    ("Pentagon: new boat strike kills three", "The vessel was hit in the Caribbean.",
     {"caribbean-boat-strikes"}),
])


# --- blind7's error classes (after its first score), fixed by general rules; items written anew --


ENTITY_CASES["entity_rules_from_blind7"] = [
    # a capitalised word joined to the surname by a hyphen is a compound, not a first name
    ("Pro-Maduro militias march in Caracas", "", {"nicolas-maduro"}),
    ("Rubio-Lavrov talks end without deal", "The two met in Geneva.", {"marco-rubio"}),
    ("Ricardo Maduro opens a school in Tegucigalpa", "The former Honduran president spoke.",
     set()),
    # the fleet in the region is Southern Command's world, even in capitals
    ("DESTRUCTORES ENTRAN EN LA ZONA DEL COMANDO SUR", "La flota navega hacia el sur.",
     {"us-southern-command"}),
    ("Comando Sur de la Policía refuerza patrullaje", "", set()),
    # "MS 13" as a manuscript's shelfmark
    ("Museum shows MS 13, a Gospel book", "The manuscript was copied in Ireland.", set()),
    ("MS-13 leader extradited", "", {"ms-13"}),
]


TOPIC_CASES["designation_rules_from_blind7"] = (None, [
    # other countries' lists, by any country's name in the three languages
    ("Kenia declara grupo terrorista a milicia separatista", "", set()),
    ("Nueva Zelanda designa a red neonazi como entidad terrorista", "", set()),
    ("Marrocos inclui movimento na lista de terrorismo", "", set()),
    ("Uruguay: proyecto busca declarar terrorista al Tren de Aragua", "", set()),
    # other US lists: religious freedom
    ("US names Pakistan a Country of Particular Concern", "The designation cites blasphemy "
     "laws and terrorism.", set()),
    # the designator named after the label
    ("Perú saluda la inclusión de bandas como organizaciones terroristas por EEUU",
     "Lima dijo que cooperará.", {"fto-designation"}),
    ("Two gangs now listed as terrorist groups by the US", "", {"fto-designation"}),
])


TOPIC_CASES["boat_strike_rules_from_blind7"] = (None, [
    # the campaign named by its sea
    ("Caribbean strikes: a timeline", "Each attack, the dead and the legal questions.",
     {"caribbean-boat-strikes"}),
    ("Lo que se sabe de los ataques en el Caribe", "", {"caribbean-boat-strikes"}),
    # the islands of the sea are the region
    ("Boat struck by missile off St. Lucia, three dead", "", {"caribbean-boat-strikes"}),
    # no region, but a US strike told in the passive
    ("Familia reclama por pescador muerto en lancha atacada por EEUU", "",
     {"caribbean-boat-strikes"}),
    # a hunger strike, a shark, a navy's target practice, a strike reported as none
    ("Seized trawler's crew on hunger strike in Kingston", "They say the boat was taken "
     "illegally off Venezuela.", set()),
    ("Shark attacks fishing boat near Aruba", "", set()),
    ("US Navy sinks old cruiser in SINKEX", "Missiles struck the hulk in the Atlantic.", set()),
    ("Destróier americano chega a Porto Rico", "Nenhum ataque a barcos foi registrado.", set()),
    ("US Navy missile boats in the Atlantic exercise", "Missiles hit target boats.", set()),
    # another force striking boats in the sea, with no US actor
    ("Haitian police helicopters hit gang boats off Cité Soleil", "", set()),
])


# --- blind8's error classes (after its first score), fixed by general rules; items written anew --


ENTITY_CASES["entity_rules_from_blind8"] = [
    # a dash between a capitalised word and the surname: a new sentence, not a first name
    ("Live updates", "14:02 GMT — Rubio lands in Bogotá for talks on Venezuela.",
     {"marco-rubio"}),
    # a doubled letter in a word that several names share
    ("Carrtel del Golfo: cae un jefe de plaza en Matamoros", "", {"gulf-cartel"}),
    # a business named Maduro; EgyptAir's flight MS 13
    ("Maduro Hotel reopens in Willemstad", "Forty rooms after a renovation.", set()),
    ("Vuelo MS 13 de EgyptAir aterriza de emergencia", "El avión volvió a El Cairo.", set()),
    # Portugal's Portuguese for the Caribbean, as Southern Command's context
    ("Comando Sul reforça presença nas Caraíbas", "", {"us-southern-command"}),
]


TOPIC_CASES["topic_rules_from_blind8"] = (None, [
    # the Caribbean in Portugal's Portuguese
    ("Forças americanas afundam lancha nas Caraíbas", "Três tripulantes morreram.",
     {"caribbean-boat-strikes"}),
    # more verbs of killing, and the Spanish "operativo contra"
    ("Liquidaron a cuatro en una lancha frente a La Guaira", "", {"caribbean-boat-strikes"}),
    ("Caracas: Washington asesina pescadores en el Caribe", "", {"caribbean-boat-strikes"}),
    ("Polémica por el operativo contra la lancha en el Caribe", "",
     {"caribbean-boat-strikes"}),
    # target practice is no strike
    ("US cruiser live-fire drill off Puerto Rico", "A missile hit a target vessel.", set()),
    # the group's inclusion on a list; a group on the same list as the jihadists
    ("Diputados piden datos sobre la inclusión del cartel en la lista", "",
     {"fto-designation"}),
    ("Columna: la MS-13 ya está en la misma lista que el Estado Islámico", "",
     {"fto-designation"}),
    ("Programa de inclusión para jóvenes de pandillas", "", set()),
])


# --- blind9's error classes (after its first score), fixed by general rules; items written anew --


ENTITY_CASES["entity_rules_from_blind9"] = [
    # another country's army has a Southern Command too
    ("Indian Army's Southern Command wins drill trophy", "The commander praised the troops.",
     set()),
    ("Southern Command admiral briefs senators", "He defended operations in the Caribbean.",
     {"us-southern-command"}),
]


TOPIC_CASES["topic_rules_from_blind9"] = (None, [
    # the US's strikes named as such, in the region; not on land
    ("Grenada's fishermen fear the sea after US strikes", "", {"caribbean-boat-strikes"}),
    ("Caracas warns of US strikes on Venezuelan soil", "", set()),
    # the struck crews and what is left of them
    ("Second strike on survivors in the Caribbean draws scrutiny", "",
     {"caribbean-boat-strikes"}),
    # a semi-submersible or a cartel's boat is a drug craft even with no region named
    ("Missile destroys semi-submersible, two rescued", "", {"caribbean-boat-strikes"}),
    ("Senators question lethal strikes on cartel boats", "", {"caribbean-boat-strikes"}),
    # "blows up", "liquida"
    ("Navy blows up drug runner near Bonaire", "", {"caribbean-boat-strikes"}),
    ("EE.UU. liquida a dos en una lancha frente a Falcón", "", {"caribbean-boat-strikes"}),
    # a bird hit by a boat
    ("Pelican hurt in boat strike off Key Largo", "", set()),
    # FTO: the passive, the statute, shared lists, "según Washington", the Portuguese name
    ("Tren de Aragua y MS-13 fueron designados en febrero", "", {"fto-designation"}),
    ("FTO label explained: section 219 and what it means for banks", "",
     {"fto-designation"}),
    ("Los carteles comparten lista con Al Qaeda", "", {"fto-designation"}),
    ("El CJNG, terrorista según Washington", "", {"fto-designation"}),
    ("Juiz mantém designação do Trem de Aragua", "", {"fto-designation"}),
    # another country's ban and its own law
    ("India bans militant outfit under UAPA", "The group joins its terrorist list.", set()),
])


# --- blind10's error classes (after its first score), fixed by general rules; items written anew -


ENTITY_CASES["entity_rules_from_blind10"] = [
    # the short name with the group's world, not the currency or the teams
    ("Why the Soles designation worries exporters", "", {"cartel-de-los-soles"}),
    ("Soles peruanos ganan frente al dólar", "", set()),
    ("Los Soles de Mexicali ganan en casa", "", set()),
    # Rubio with the listing's words
    ("Rubio: process to designate three more groups has begun", "", {"marco-rubio"}),
]


TOPIC_CASES["topic_rules_from_blind10"] = (None, [
    # the designation as a noun in an item about a group it lists; not an appointment
    ("Banks in Miami review accounts", "Compliance teams say the designation of the Tren de "
     "Aragua changes their checks.", {"fto-designation"}),
    ("La designación del nuevo fiscal antidrogas divide a los cárteles", "", set()),
    # other lists: another country proscribes, the counterterrorism certification
    ("Australia proscribe a grupo neonazi", "", set()),
    ("US keeps Venezuela on list of countries not fully cooperating", "", set()),
    # the campaign: a US strike named in the singular, a Caribbean strike, the second strike
    ("Pescadores de Tobago temen salir tras el ataque estadounidense", "",
     {"caribbean-boat-strikes"}),
    ("Families seek names of the dead after Caribbean strike", "",
     {"caribbean-boat-strikes"}),
    ("Senado investiga el segundo ataque contra sobrevivientes de una lancha", "",
     {"caribbean-boat-strikes"}),
    # the dead called "narco-terrorists" by the US; not a Colombian attack on land
    ("Southcom: new strike kills three narco-terrorists", "", {"caribbean-boat-strikes"}),
    ("Ataque narcoterrorista deja dos policías heridos en Cauca", "", set()),
])


TOPIC_CASES["topic_rules_after_blind10"] = (None, [
    # the US list called a terror list, the US named beside it
    ("Qué significa estar en la lista terrorista de EE.UU.", "", {"fto-designation"}),
    ("Five groups Washington's terror list added this year", "", {"fto-designation"}),
    ("Telegram apaga lista de 'terroristas' criada por usuários", "", set()),
    # a group that becomes one, with the US acting in the item
    ("El Tren de Aragua pasa a ser organización terrorista", "Lo anunció el Departamento de "
     "Estado en un comunicado.", {"fto-designation"}),
    ("Gangue local passa a ser grupo terrorista, diz governo da Argentina", "", set()),
    # the designation, a group and the US each named somewhere in the item
    ("Bancos del sur de Florida revisan cuentas", "La designación del Cartel de los Soles, "
     "anunciada por Washington, obliga a nuevos controles.", {"fto-designation"}),
    # ... not talk of designations that were not made
    ("Trump llama terroristas a los cárteles", "El presidente no anunció nuevas designaciones.",
     set()),
    # "to list" a group
    ("Caracas condemns US move to list the Cartel of the Suns", "", {"fto-designation"}),
])


ENTITY_CASES["entity_rules_from_blind11"] = [
    # the Spanish singular of the group's name
    ("Bancos cierran cuentas ligadas al Cártel del Sol", "", {"cartel-de-los-soles"}),
    # ripe or green: the fruit's two states
    ("Maduro o verde: cuándo cortar el mango", "", set()),
    # Mato Grosso do Sul's state road and a form's number; the same words later in the item
    # are that road or form too
    ("Obras na rodovia MS-13 liberadas", "A MS-13 terá faixa adicional perto de Dourados.",
     set()),
    ("Form MS-13 due Friday for pharmacists", "Late MS-13 filings pay a fee.", set()),
    # ... the gang itself still matches
    ("MS-13 leader extradited to El Salvador", "", {"ms-13"}),
]


TOPIC_CASES["topic_rules_from_blind11"] = (None, [
    # a boat destroyed or fired on near Venezuela's islands; "nave" as the craft
    ("US jets fire on go-fast near La Blanquilla", "", {"caribbean-boat-strikes"}),
    ("Ataque letal de EEUU contra una nave cerca de Los Testigos", "",
     {"caribbean-boat-strikes"}),
    # a place called Tiburon is no shark; a shark's bite is no strike
    ("US military says it struck a drug boat off Haiti's Tiburon coast", "",
     {"caribbean-boat-strikes"}),
    ("Shark bites fishing boat's hull off Aruba", "", set()),
    # "fishermen" and a later "strike" are not a workers' strike
    ("Venezuela says fishermen died after US strike on boat", "", {"caribbean-boat-strikes"}),
    ("Fishermen strike over fuel prices in Margarita", "", set()),
    # a fact-check that footage is not a strike; a video game; a seizure without firing
    ("Fact check: clip of burning boat is not a US strike", "", set()),
    ("Review: new game lets players strike drug boats in the Caribbean", "", set()),
    ("Coast Guard seizes cocaine boat near Puerto Rico without firing a shot", "", set()),
    # other US lists; a measure said to be no designation; another assembly's vote
    ("Commerce Department adds Venezuelan firms to Entity List", "Not a terrorist "
     "designation, officials stressed.", set()),
    ("Cabo Verde aprova lista nacional de organizações terroristas", "", set()),
    ("Cuban assembly brands US troops a terrorist group", "", set()),
])


ENTITY_CASES["entity_rules_from_blind12"] = [
    # the Portuguese "Comando do Sul" with the US named; not Brazil's army command
    ("Comando do Sul dos EUA envia mais drones ao Caribe", "", {"us-southern-command"}),
    ("Comando Militar do Sul faz exercício no Rio Grande do Sul", "", set()),
    # JNIM is al-Qaeda's affiliate, not al-Qaeda by name
    ("JNIM fighters blockade fuel convoys near Bamako", "", set()),
    ("JNIM, al-Qaeda's Sahel branch, blockades Bamako", "", {"al-qaeda"}),
    # a fashion collection named "MS 13"; a street named Maduro
    ("Desfile: a coleção MS 13 abre a semana de moda", "", set()),
    ("New café opens on Maduro Street in Willemstad", "", set()),
]


TOPIC_CASES["topic_rules_from_blind12"] = (None, [
    # the listing named by its acronym; never one said not to be one
    ("Explainer: what an FTO listing changes for banks", "", {"fto-designation"}),
    ("Treasury sanctions a Colombian gang", "The measure is not an FTO listing.", set()),
    ("Recompensa por líder venezolano sube", "No se trata de una designación terrorista.",
     set()),
    # ... and "nota" is no "not a": a headline's note on the designation
    ("EEUU incluye al Cartel de los Soles en lista terrorista", "La nota se refiere a la "
     "designación.", {"fto-designation"}),
    # fact-checks: footage said to be something else, or to be false; not one that confirms
    ("Fact check: viral 'US strike' clip is actually a navy drill", "", set()),
    ("É falso que vídeo mostre ataque dos EUA a lancha", "", set()),
    ("Fact check: Navy video of US strike on drug boat near Venezuela is real", "",
     {"caribbean-boat-strikes"}),
    # a second shot at the survivors
    ("Senadores cuestionan el segundo disparo contra los náufragos", "",
     {"caribbean-boat-strikes"}),
    # a Pacific strike told beside a Caribbean with none
    ("US strike kills two on boat in eastern Pacific", "No vessel has been hit in the "
     "Caribbean since Monday.", set()),
    # a seizure where no shot was fired
    ("Polícia apreende lancha com cocaína", "Não houve disparos.", set()),
])


ENTITY_CASES["entity_rules_from_blind13"] = [
    # a middle initial between a first name and the surname: that first name's person
    ("Fred C. Trump's old Queens buildings sold", "", set()),
    ("Donald J. Trump signs order on cartels", "", {"donald-trump"}),
    # an alias that runs on into a longer code: a security bulletin, not the gang
    ("Patch MS13-071 still missing on old servers", "", set()),
    # an acronym spelt out as something else; not when spelt out as the entity's own name
    ("La LNFM (Liga Nacional de Frontón Mexicano) abre temporada", "", set()),
    ("El CJNG (Cártel de Jalisco Nueva Generación) amplía su red", "", {"cjng"}),
    # transliteration marks in a name
    ("Al-Qāʿida affiliate claims raid", "", {"al-qaeda"}),
    ("Dāʿish cell dismantled in Iraq", "", {"isis"}),
    # the acute accent and the prime typed for an apostrophe, inside a name and before an s
    ("Attack claimed by al-Qa´ida in Mali", "", {"al-qaeda"}),
    ("MADURO´S GOVERNMENT BANS PROTESTS", "", {"nicolas-maduro"}),
    ("Rubio′s visit to Caracas", "", {"marco-rubio"}),
    ("O´Higgins recibe a la Selección en Rancagua", "", set()),
    # a quotation that opens between an alias's words: two phrases (a film's poster)
    ("Revelan el cartel de 'Los soles de Atacama', nueva película chilena", "", set()),
    ("Critics call the network the \"Cartel de los Soles\"", "", {"cartel-de-los-soles"}),
    # words one alias's `unless` says are something else are that for its other aliases too
    ("ISIS think tank counts new centrifuge halls", "Militants of another group took the name "
     "long after the institute did.", set()),
    ("ISIS militants ambush a convoy in Syria", "", {"isis"}),
    # the Spanish and Portuguese acronym of ISIL
    ("Ataque del EIIL contra un puesto militar en Siria", "", {"isis"}),
    # Spanish and Portuguese question openers before a lone surname
    ("¿Puede Maduro resistir la presión?", "", {"nicolas-maduro"}),
    # a kitchen named after a group; golf's cartel; a bus route
    ("La Familia Michoacana Kitchen opens in Denver", "", set()),
    ("Clubes formavam um cartel do golfe em Campinas", "", set()),
    ("Nueva ruta de autobús MS-13 en el sur de Lima", "", set()),
    ("Los huthíes lanzan misiles contra Israel", "", {"houthis"}),
]


TOPIC_CASES["topic_rules_from_blind13"] = (None, [
    # other verbs of destruction, other small craft, a US ship as the actor
    ("Drone estadounidense volatiliza una chalupa frente a La Guajira", "",
     {"caribbean-boat-strikes"}),
    ("Míssil dos EUA despedaça lancha no Caribe", "", {"caribbean-boat-strikes"}),
    ("Fighters from USS Gerald R. Ford hit a smuggling craft in the Caribbean", "",
     {"caribbean-boat-strikes"}),
    # a seizure without lethal force; U-boats of 1942; an app called Strike; a Yemeni threat
    ("Guarda Costeira dos EUA apreende lancha com cocaína perto de Porto Rico",
     "Os tripulantes foram presos sem uso de força letal.", set()),
    ("German U-boat attacks on Caribbean tankers remembered", "", set()),
    ("Strike bitcoin app signs up Caribbean boat charters", "", set()),
    ("Líder yemení promete más ataques a barcos estadounidenses", "", set()),
    # another country's defence force firing on a boat
    ("Guyana Defence Force fires on smuggling boat in the Essequibo", "", set()),
])


ENTITY_CASES["entity_rules_from_blind14"] = [
    # an expansion before an acronym in brackets, not the entity's own name
    ("Clube Juvenil Nova Geração (CJNG) vence torneio em Luanda", "", set()),
    ("El Cártel de Jalisco Nueva Generación (CJNG) recluta en Guanajuato", "", {"cjng"}),
    # firms named after a group or the command; a classroom's name
    ("Al Qaeda Trading opens a new branch in Lahore", "", set()),
    ("Southcom Communications wins county fibre contract", "", set()),
    ("Reabre el aula MS-13 tras las obras", "", set()),
]


TOPIC_CASES["topic_rules_from_blind14"] = (None, [
    # an FTO list named to say a measure has nothing to do with it
    ("Trump order targets domestic protest groups", "The order has nothing to do with the "
     "foreign terrorist organization list.", set()),
    ("Former rebels added to the Terrorist Exclusion List", "", set()),
    ("EUA oferecem recompensa por chefe do Tren de Aragua", "A recompensa não implica nova "
     "designação.", set()),
    ("Regional council designates armed faction as terrorist", "", set()),
    # a named group right before the label
    ("Podcast: lo que cambia con el Tren de Aragua como organización terrorista", "",
     {"fto-designation"}),
    # other verbs and craft; Venezuela's coast; a US carrier's jets
    ("Forças dos EUA rebentam lancha perto de Adícora", "", {"caribbean-boat-strikes"}),
    ("Drone estadounidense desintegra un fuera de borda cerca de Cabo Codera", "",
     {"caribbean-boat-strikes"}),
    ("Jets from the Gerald R. Ford destroy a boat near La Sola", "",
     {"caribbean-boat-strikes"}),
    # a strike told far from the Caribbean; US forces said not to take part; a ferry and a pier
    ("US strike kills three on boat", "It happened 2,000 kilometres from the Caribbean.",
     set()),
    ("Armada de Colombia hunde semisumergible en el Caribe", "No participaron fuerzas "
     "estadounidenses.", set()),
    ("Ferry strikes pier in Grenada, ten hurt", "", set()),
])


ENTITY_CASES["entity_rules_from_blind15"] = [
    # a letter dropped from a word of a three-word-or-longer name may leave four letters; not
    # in a two-word name ("Marco Rubí" is somebody else)
    ("Fiscales citan al Cartel de los Sole en Miami", "", {"cartel-de-los-soles"}),
    ("Realtor Marco Rubi hosts open house in Tampa", "", set()),
    # a conference spelt out before its acronym; billboard firms; a racehorse; a telescope's
    # instrument; a bus line, a farm drone, MS the disease; a bank named Southcom
    ("Congress for Journalism and New Generations (CJNG) opens in Porto", "", set()),
    ("Carteles Unidos SA gana licitación de vallas publicitarias", "", set()),
    ("Houthi, el caballo favorito, gana en el hipódromo", "", set()),
    ("El instrumento ISIS del telescopio capta una nova", "", set()),
    ("MS 13-month study in multiple sclerosis patients", "", set()),
    ("SouthCom Bank opens two branches", "", set()),
]


TOPIC_CASES["topic_rules_from_blind15"] = (None, [
    # a club's sponsor is no state sponsor of terrorism
    ("Equipo pierde patrocinador por la lista terrorista del Tren de Aragua", "",
     {"fto-designation"}),
    # a named group's new status
    ("Exportadores: más controles desde que el Tren de Aragua es organización terrorista", "",
     {"fto-designation"}),
    # another country's law; sport's "terror"; a reward that carries no designation
    ("Peru's Congress approves law to declare gangs terrorist groups", "", set()),
    ("Scouts designate Venezuelan pitcher a terror at the plate", "", set()),
    ("Recompensa por contrabandista", "No conlleva ninguna designación terrorista.", set()),
    # torpedoes, pirogues, a US missile named as such, the US attack in the Caribbean
    ("US drone torpedoes smuggling canoe in the Caribbean", "", {"caribbean-boat-strikes"}),
    ("Una embarcación alcanzada por un misil estadounidense cerca de Güiria", "",
     {"caribbean-boat-strikes"}),
    ("Petro condemns latest US attack in the Caribbean", "", {"caribbean-boat-strikes"}),
    # a cocktail named after the campaign
    ("Miami bar's 'boat strike' cocktail goes viral", "", set()),
])


ENTITY_CASES["entity_rules_from_blind16"] = [
    # an acronym spelt out after a colon or a dash as something else
    ("LNFM 2027: Lisbon New Film Meetings opens", "", set()),
    ("CJNG — Cártel de Jalisco Nueva Generación — amplía su red", "", {"cjng"}),
    # firms carrying the name; a satellite platform's
    ("ISIS Ventures closes a seed fund in Oxford", "", set()),
    ("Startup unveils MS-13 small-satellite platform", "", set()),
]


TOPIC_CASES["topic_rules_from_blind16"] = (None, [
    # a new leader designated, beside figurative "terror"
    ("Dockworkers designate new union head, call fees 'terror'", "", set()),
    ("Comerciantes designan nuevo presidente y llaman 'terroristas' a los bancos", "", set()),
    # ... while a designation of groups as terrorist still counts
    ("US designates new groups as foreign terrorist organizations", "", {"fto-designation"}),
])


ENTITY_CASES["entity_rules_from_blind17_and_blind18"] = [
    # CDN and CDG where the two groups fight, with no other cartel word
    ("Empresarios de Coahuila denuncian cobros del CDN", "", {"cartel-del-noreste"}),
    ("Comerciantes de Reynosa pagan cuotas al CDG", "", {"gulf-cartel"}),
    # a family named like the group; Microsoft's bulletins; a library database
    ("Houthi family opens bakery in Birmingham", "", set()),
    ("Microsoft MS-13 bulletin fixed a kernel flaw", "", set()),
    ("ISIS database migration finished at the library", "", set()),
]


TOPIC_CASES["topic_rules_from_blind17_and_blind18"] = (None, [
    # FTO as another acronym or a course
    ("Fair Trade Organic (FTO) label reaches Honduran growers", "", set()),
    ("Curso de FTO abre inscrições", "A sigla designa formação técnica.", set()),
    # another country's act of parliament; a strike item's "designated terrorist organization"
    ("Barbados parliament passes amendment to its Anti-Terrorism Act", "The bill lets courts "
     "declare gangs terrorist entities.", set()),
    ("Four killed as boat operated by designated terrorist organization is struck", "", set()),
    # a named group that "is now a terror group"
    ("Shops in Laredo fear fines now that the Gulf Cartel is a terror group", "",
     {"fto-designation"}),
    # "takes out"; a metaphor
    ("US drone takes out smuggling craft off Margarita", "", {"caribbean-boat-strikes"}),
    ("MP says the opposition 'strikes at the boat' of government, a metaphor", "", set()),
])


TOPIC_CASES["vetoes_are_phrases_not_words_a_real_item_carries"] = (None, [
    # A veto for a lookalike must not fire on a word a real item also carries: a player named
    # in a designation item, crypto named in a strike item, a government calling strikes piracy
    ("Venezuelan pitcher denied visa over US designation of the Cartel de los Soles",
     "The State Department's terrorist listing took effect this week.", {"fto-designation"}),
    ("US strike destroys drug boat in Caribbean; crypto payments traced",
     "Southern Command said three people were killed in the strike on a vessel off Venezuela.",
     {"caribbean-boat-strikes"}),
    ("Maduro calls US strikes on boats in the Caribbean 'piracy'",
     "Six people died when a US missile hit a speedboat off Sucre, the Pentagon said.",
     {"caribbean-boat-strikes"}),
    ("Cocktail bars in Caracas empty after US strike sinks drug boat off Falcón", "",
     {"caribbean-boat-strikes"}),
    ("Pentagon: strike on drug boat in Caribbean was no accident, lawmakers told",
     "Hegseth said the vessel off Venezuela was targeted deliberately.",
     {"caribbean-boat-strikes"}),
    # the Treasury named beside a designation, not as the one acting
    ("Rubio: Cartel de los Soles designation takes effect", "The Treasury Department froze "
     "assets; the State Department said the designation targets Maduro's network.",
     {"fto-designation"}),
    ("UPDATE: Soles cartel terror designation now in force", "Adds comment from the Treasury.",
     {"fto-designation"}),
    # ... while the lookalikes themselves stay out, said otherwise than in the sets
    ("Tesouro dos EUA sanciona generais do Cartel de los Soles", "", set()),
    ("FinCEN issues alert on Tren de Aragua money flows", "No terrorist listing was added.",
     set()),
    ("Scouts call Venezuelan pitcher a terror on the mound", "A designated hitter took the win.",
     set()),
    ("Strike, the bitcoin app, signs up Caribbean boat-charter operators", "", set()),
    ("Pirates board fishing boat off Venezuela's coast, crew says", "", set()),
    ("Piratas asaltaron una lancha de pescadores frente a Venezuela", "", set()),
    ("Two fishermen die in boating accident off Venezuela's Paria coast", "", set()),
])


TOPIC_CASES["topic_rules_from_blind19_and_blind20"] = (None, [
    # a group that stays on the US list
    ("Hezbollah remains designated by the US despite truce talks", "", {"fto-designation"}),
    ("Filial do Estado Islâmico na Somália segue designada pelos EUA", "", {"fto-designation"}),
    ("Rama de Al Qaeda en Yemen sigue en la lista negra de Washington", "",
     {"fto-designation"}),
    # a watched group's member charged under the US's terror law, or in a US court
    ("Houston jury convicts CJNG money courier under terror statute", "", {"fto-designation"}),
    ("Cartel de Sinaloa vira alvo da lei antiterror dos EUA em Michoacán", "",
     {"fto-designation"}),
    # ... not another country's own law, a state's law, or any gang
    ("Honduras juzga a 200 pandilleros de la MS-13 con su ley antiterrorista",
     "Washington elogió el juicio.", set()),
    ("Texas charges Tren de Aragua members under state terrorism law", "", set()),
    ("Gang members in Ohio charged under anti-terror law", "", set()),
    # the act itself said not to be a listing
    ("Justice Department doubles reward for Guatemalan smuggler",
     "The offer does not involve any terror listing.", set()),
    ("Florida designates a biker gang a domestic terror threat",
     "The order carries no federal foreign terrorist organization status.", set()),
    # the designation of a group named with its article and adjective
    ("Bancos de Uruapan cierran cuentas por la designación de La Nueva Familia Michoacana", "",
     {"fto-designation"}),
    # a drill, an engine fire: not strikes on drug boats
    ("US Navy drill off Puerto Rico simulates attack by small boats", "", set()),
    ("Engine fire on fishing skiff off La Guaira, crew towed back", "", set()),
    # a launch or a "narconave" blown up
    ("US forces blow up smuggling launch off La Guajira", "Officials said it carried cocaine.",
     {"caribbean-boat-strikes"}),
    ("Pentágono confirma ataque contra otra narconave en el Caribe", "",
     {"caribbean-boat-strikes"}),
])


@pytest.mark.parametrize(("title", "expected"), [
    # an acronym of three to six capitals written with dots, with or without the last one
    ("Cae operador del C.J.N.G. en Zapopan", {"cjng"}),
    ("Golpe al C.J.N.G: cae operador en Zapopan", {"cjng"}),
    # ... or with spaces or hyphens, as captions and speech-to-text spell it letter by letter
    ("the c j n g claims a drone attack on police", {"cjng"}),
    ("CARTELES UNIDOS AND THE C-J-N-G HAVE FOUGHT FOR SIX YEARS", {"cjng", "carteles-unidos"}),
    ("a c d g cartel plaza boss was killed near the rio bravo", {"gulf-cartel"}),
    # ... not inside a longer dotted or spaced acronym
    ("The C.J.N.G.B. amateur league opens its season", set()),
    ("A.C.J.N.G. regional league opens its season", set()),
    ("The C J N G B amateur league opens its season", set()),
])
def test_a_dotted_acronym_is_the_acronym(title: str, expected: set[str]) -> None:
    assert entities(title, "") == expected


@pytest.mark.parametrize(("title", "expected"), [
    # a name's number said in words, in each language, as transcripts write it
    ("ms thirteen clique charged over three long island killings", {"ms-13"}),
    ("presos de la ms trece en el mismo pabellón", {"ms-13"}),
    ("O PORTA-AVIÕES CVN SETENTA E OITO DEIXOU O CARIBE NO DOMINGO", {"uss-gerald-r-ford"}),
    # ... its own number only
    ("ms thirty gang members arrested", set()),
])
def test_a_names_number_said_in_words_is_the_number(title: str, expected: set[str]) -> None:
    assert entities(title, "") == expected


def test_numbers_are_written_out_in_three_languages() -> None:
    assert spoken.number_words(68) == [["sixty eight"], ["sesenta y ocho"], ["sessenta e oito"]]
    assert spoken.number_words(16)[2] == ["dezesseis", "dezasseis"]  # Brazil's and Portugal's
    assert spoken.number_words(115)[0][0] == "one hundred fifteen"
    assert spoken.value("ciento ochenta") == 180
    assert spoken.value("two hundred") is None  # past the limit: not read


def test_explain_shows_a_dotted_acronym_as_no_edit() -> None:
    lines = MATCHER.explain({"title": "Cae operador del C.J.N.G. en Zapopan"})
    assert any("cjng: matched" in line and "(alias 'CJNG')" in line for line in lines), lines


TOPIC_CASES["topic_rules_from_blind21_and_blind22"] = (None, [
    # "atingir" is to hit a boat in Portuguese
    ("EUA atingem duas lanchas perto de La Guaira", "O Pentágono disse que levavam cocaína.",
     {"caribbean-boat-strikes"}),
    # other countries' own lists, acted on with their own verbs
    ("Kuwait acrescenta doze nomes à sua lista de terroristas", "", set()),
    ("Bahréin incluye a opositores en su lista de terroristas", "", set()),
    # a struck boat said to belong to a designated group is a strike item only
    ("Ataque de EEUU destruye lancha frente a Falcón", "Según el Pentágono, la embarcación "
     "pertenecía a una red designada como terrorista.", {"caribbean-boat-strikes"}),
])


ENTITY_CASES["entity_rules_from_blind21_and_blind22"] = [
    # Southern Command at work anywhere in its region
    ("El Comando Sur entrega equipos médicos a Nicaragua", "", {"us-southern-command"}),
    # ... not a police force's southern command
    ("Comando Sur de la Policía detiene a dos en Guatemala", "", set()),
]


ENTITY_CASES["a_veto_for_a_lookalike_spares_the_name_as_the_group_writes_it"] = [
    # the gang's capitalised name in an item that speaks of railways
    ("Tren de Aragua extorted railway workers in Chile, prosecutors say", "", {"tren-de-aragua"}),
    ("TREN DE ARAGUA EXTORSIONA A TRABAJADORES FERROVIARIOS", "", {"tren-de-aragua"}),
    ("Trem de Aragua extorque operários da ferrovia em Roraima", "", {"tren-de-aragua"}),
    # ... the gang written in lower case where no railway is spoken of
    ("la policía dice que el tren de aragua cobra cuotas en Lima", "", {"tren-de-aragua"}),
    # ... and a train of Aragua, written so, with railway words, is not the gang
    ("Vuelve el tren de Aragua: el ferrocarril a Maracay reabre", "", set()),
    # ... nor, capitalised at a headline's start, when the item tells of no gang's doings
    ("Tren de Aragua: el viejo ferrocarril de Maracay recibe turistas", "", set()),
]


ENTITY_CASES["entity_rules_from_blind24"] = [
    # in an ALL-CAPS headline an acronym that is also a name is read as the name, whose own
    # rules decide: a person called Isis, unless the item speaks of the group
    ("ISIS MORALES GANA LA VUELTA A PUERTO RICO", "La ciclista de 24 años ganó la etapa final.",
     set()),
    ("ISIS CLAIMS BOMBING NEAR MOSUL MARKET", "", {"isis"}),
    ("ISIS LEADER KILLED", "The Islamic State confirmed the death of its chief.", {"isis"}),
    # laboratory instruments, print shops and the pt-PT plural of neutron
    ("Laboratório compra espectrômetro MS-13 para pesquisa de proteínas", "", set()),
    ("Carteles Unidos del Norte, imprenta de Saltillo, amplía su planta", "", set()),
    ("Fonte de neutrões ISIS volta a operar após manutenção", "", set()),
    # an office's short form before a surname
    ("SecState Rubio lands in Bogotá for talks on Venezuela", "", {"marco-rubio"}),
]


TOPIC_CASES["topic_rules_from_blind24"] = (None, [
    # fiction about a strike on a boat; a strike said not to have happened
    ("New streaming series about a drone strike on a drug boat premieres Friday",
     "The show is set on an island off Venezuela.", set()),
    ("Armada de Colombia incauta lancha con cocaína frente a Cartagena",
     "La tripulación huyó; no hubo ataque de EE.UU.", set()),
    # traffickers moving away from the Caribbean because of the strikes
    ("Smugglers shifted away from the Caribbean after US strikes on drug boats, report says",
     "", {"caribbean-boat-strikes"}),
    # ... while a strike told as outside it is not this campaign
    ("US strike on drug boat reported outside the Caribbean, in the eastern Pacific", "",
     set()),
    # a redesignation named with the acronym; other countries' lists by other verbs; a list
    # said not to equal a designation
    ("Redesignación de los hutíes como FTO frena importaciones en Hodeida", "",
     {"fto-designation"}),
    ("Sri Lanka gazettes three groups as terrorist entities", "", set()),
    ("Perú crea su propio registro de bandas criminales",
     "El Gobierno aclaró que el registro no equivale a una designación terrorista.", set()),
])


ENTITY_CASES["entity_rules_from_blind23"] = [
    # another army's southern command named in Portuguese or Spanish
    ("Exército paquistanês troca chefe do Comando Sul", "", set()),
    # the carrier's full name with its crew and the campaign, not a car sold in Venezuela
    # (and the Spanish "Comando Sur", short of context alone, counts beside the carrier: both
    # are the seed watchlist's story)
    ("Tripulantes del Gerald R. Ford relatan meses en el mar",
     "El Comando Sur autorizó las entrevistas.", {"uss-gerald-r-ford", "us-southern-command"}),
    ("Ford Ranger llega a concesionarios de Venezuela", "", set()),
]


TOPIC_CASES["topic_rules_from_blind23"] = (None, [
    # a jihadist group's listing by the US, named in the designation
    ("EE.UU. designa a otra filial del Dáesh en África como organización terrorista",
     "El Departamento de Estado extendió la designación del Estado Islámico.",
     {"fto-designation"}),
    # ... not another country weighing one
    ("Lula descarta designação do Hezbollah", "", set()),
    # a group's new status in a quote; lawmakers asking why a group is not on the list
    ("Productores de Apatzingán: 'Cárteles Unidos ya es terrorista y nadie nos compra'", "",
     {"fto-designation"}),
    ("Senators ask why an al-Shabaab offshoot is not on the FTO list", "",
     {"fto-designation"}),
    # the UN's, Suriname's and a national list by its adjective; an ally outside NATO
    ("Argélia pede à ONU incluir grupo rival na lista de organizações terroristas", "", set()),
    ("Suriname classifica gangue haitiana como terrorista", "", set()),
    ("Câmara debate criar lista brasileira de organizações terroristas", "", set()),
    ("EUA revisam designação da Colômbia como aliado extra-OTAN", "", set()),
])


ENTITY_CASES["entity_rules_from_blind25_and_blind26"] = [
    # like Maduro, a lone "Trump" after a capitalised word that is no title, opener, leader he
    # meets or government is somebody else
    ("Chilean sprinter Marta Trump breaks national record", "", set()),
    ("Governo Trump revoga vistos de juízes venezuelanos", "", {"donald-trump"}),
    ("Putin-Trump call ends without a deal on Ukraine", "", {"donald-trump"}),
    ("@POTUS Trump anuncia nuevas medidas contra Caracas", "", {"donald-trump"}),
    # a firm or a business cartel named like the group; a school numbered like the gang
    ("Carteles Unidos Publicidad inaugura oficina en Morelia", "", set()),
    ("Cartéis Unidos? Cade multa postos por combinação de preços", "", set()),
    ("Queens school MS 13 wins robotics title", "", set()),
    # ... the gang's name at a headline's start with its doings is the gang
    ("Tren de Aragua: detienen a cinco miembros en Santiago", "", {"tren-de-aragua"}),
]


TOPIC_CASES["topic_rules_from_blind25_and_blind26"] = (None, [
    # a state's own order; an act said to be no listing; another country's list
    ("Texas governor orders state agencies to treat prison gang as terrorist", "", set()),
    ("Visa curbs for Venezuelan officials announced",
     "The State Department said there was no terrorist designation.", set()),
    ("Judge cites state law in gang case", "The ruling rests on state law, not a federal "
     "foreign terrorist organization listing.", set()),
    ("Ruanda declara grupo rebelde terrorista", "", set()),
    # ... while a listing stays a listing
    ("State Department designates Haitian gang coalition a foreign terrorist organization", "",
     {"fto-designation"}),
])


TOPIC_CASES["topic_rules_from_blind27_and_blind28"] = (None, [
    # a measure said to have nothing to do with the terrorist lists, or to create none
    ("Travel ban widened to five more countries",
     "Officials said the measure is unrelated to terrorist designations.", set()),
    ("EUA ampliam lista de vistos negados",
     "A medida não tem relação com a lista de grupos terroristas.", set()),
    ("Provincia aprueba ley contra la extorsión",
     "La norma no crea ninguna lista de organizaciones terroristas.", set()),
    # a material-support charge against a group's member, with its listing told or not (only
    # the listing makes a cartel's member a terrorist's supporter: blind42, 45, 50 and 53's
    # writers label it so)
    ("Gulf Cartel accountant charged with material support to a terrorist organization",
     "The State Department put the group on its list in February.", {"fto-designation"}),
    ("Northeast Cartel figure extradited to Texas", "Prosecutors used material support to "
     "terrorism counts against a member of a designated cartel.", {"fto-designation"}),
    # another country's guard, pirates firing, a seizure without a shot, a ferry strike's end
    ("Honduran guard says it destroyed smugglers' boats off the Mosquitia coast",
     "The armed forces said they burned five vessels used by traffickers.", set()),
    ("Pirates fire on shrimp boat off Trinidad",
     "Crew members said the attackers took fuel and nets.", set()),
    ("Guardia Costera de EE.UU. decomisa cocaína de una lancha en el Caribe",
     "Los tripulantes se rindieron sin un solo disparo.", set()),
    ("Fishing-boat strike ends in Trinidad as crews reach a deal",
     "Boats return to sea on Monday.", set()),
    # ... while a strike is a strike
    ("US strike destroys suspected drug boat in the Caribbean",
     "Southern Command said three people aboard were killed.", {"caribbean-boat-strikes"}),
])


TOPIC_CASES["topic_rules_from_blind29"] = (None, [
    # weather vetoes a boat strike only when it is what strikes or hits the boats ...
    ("Hurricane Melissa strikes Caribbean fishing boats",
     "US forces helped tow two vessels off Venezuela.", set()),
    ("Boats struck by lightning off Margarita",
     "The US Coast Guard said two Caribbean vessels burned.", set()),
    # ... not when a military strike happens in hurricane season
    ("Strikes on drug boats resume as Caribbean storm season ends",
     "After a lull during the hurricane weeks, the US military struck two more boats off "
     "Venezuela.", {"caribbean-boat-strikes"}),
    ("US strikes drug boat in Caribbean as hurricane nears",
     "The military struck a vessel off Venezuela.", {"caribbean-boat-strikes"}),
    # another country's forces, troops or soldiers destroying boats are not a US strike
    ("Forças venezuelanas queimam barcos de contrabandistas no delta do Orinoco",
     "Caracas diz ter destruído dez embarcações.", set()),
    ("Colombian troops destroy smugglers' boats near La Guajira",
     "Soldiers burned four vessels on the Caribbean coast.", set()),
    # strikes told with other verbs of attack
    ("Aviones de EE.UU. acribillan una lancha cargada de droga frente a Venezuela",
     "Dos tripulantes murieron, informó el ejército estadounidense.",
     {"caribbean-boat-strikes"}),
    ("Drone dos EUA metralha lancha com cocaína no Caribe",
     "O Comando Sul disse que três tripulantes morreram.", {"caribbean-boat-strikes"}),
])


TOPIC_CASES["topic_rules_from_blind30"] = (None, [
    # another country's own list, named in European Portuguese
    ("Letónia inclui milícia pró-russa na sua lista de organizações terroristas",
     "A medida aplica-se apenas na Letónia.", set()),
    ("Irão classifica marinha europeia como organização terrorista",
     "Teerão publicou a decisão.", set()),
    # ... while the US list is the US list
    ("Washington inclui cartel na lista de organizações terroristas estrangeiras",
     "O Departamento de Estado publicou a designação.", {"fto-designation"}),
])


def test_entity_rules_from_blind30() -> None:
    """The Spanish-language press's spelling of Ansar Allah."""
    assert entities("Navieras suspenden pagos en Yemen por la designación de Ansarolá") == {
        "houthis"}


@pytest.mark.parametrize(("title", "expected"), [
    ("US designates the Sinaloa and Jalisco cartels as terrorist groups",
     {"sinaloa-cartel", "cjng"}),
    ("The Gulf and Northeast cartels clash again in Reynosa",
     {"gulf-cartel", "cartel-del-noreste"}),
    ("Los cárteles de Sinaloa y del Golfo, en la lista de Washington",
     {"sinaloa-cartel", "gulf-cartel"}),
    ("Los carteles de Sinaloa y Jalisco pelean la frontera", {"sinaloa-cartel", "cjng"}),
    ("Os cartéis de Sinaloa e do Golfo disputam rotas", {"sinaloa-cartel", "gulf-cartel"}),
    # the noun said once in the singular, the second name after its article alone
    ("Juicio en Brownsville contra el Cártel del Golfo y el del Noreste",
     {"gulf-cartel", "cartel-del-noreste"}),
    ("O Cartel de Sinaloa e o do Golfo disputam rotas", {"sinaloa-cartel", "gulf-cartel"}),
    # the places alone, and a partner that is not a watched name, are not the groups
    ("Violence in Sinaloa and Jalisco leaves 20 dead", set()),
    ("The Sinaloa and Chihuahua cartels", set()),
    ("Los carteles de Sinaloa y Jaliscos", set()),
])
def test_two_names_sharing_one_plural_noun(title: str, expected: set[str]) -> None:
    """"The Sinaloa and Jalisco cartels": two entities' aliases that share a head noun
    (``Sinaloa Cartel``, ``Jalisco Cartel``; ``Cártel de Sinaloa``, ``Cartel del Golfo``),
    written once with the noun in the plural (or in the singular, the second name after its
    article: "el Cártel del Golfo y el del Noreste"), find both; explain says so."""
    assert entities(title) == expected
    if expected:
        assert ", coordinated)" in "\n".join(MATCHER.explain({"title": title}))


def test_an_elided_second_name_must_be_a_watched_name() -> None:
    assert entities("El Cartel de Sinaloa y el de la esquina") == {"sinaloa-cartel"}
    assert entities("El cartel de la esquina y el del Golfo") == set()


def test_coordination_works_for_any_watchlist(tmp_path: Path) -> None:
    """Not a rule of the seed: any two entities whose aliases share a head noun."""
    (tmp_path / "w.yaml").write_text(
        "watchlist: unions\nentities:\n"
        "  - {id: pilots, name: Pilots Union, type: organization, priority: low,\n"
        "     aliases: [Pilots Union, Sindicato de Pilotos]}\n"
        "  - {id: controllers, name: Controllers Union, type: organization, priority: low,\n"
        "     aliases: [Controllers Union, Sindicato de Controladores]}\n", encoding="utf-8")
    matcher = Matcher.compile(load_watchlists([tmp_path / "w.yaml"]))
    for title in ("The Pilots and Controllers unions call a joint strike",
                  "Los sindicatos de Pilotos y de Controladores convocan huelga"):
        assert {e.entity_id for e in matcher.match({"title": title}).entities} == {
            "pilots", "controllers"}, title
    assert not matcher.match({"title": "The Pilots and Cabin Crew unions"}).entities


def test_another_entity_of_the_same_watchlist_stands_for_a_names_context(tmp_path: Path) -> None:
    """A name gated by ``requires`` also counts when another entity of the same file (its
    story) is found in the item by its own rules; an acronym (``case: exact``) only when that
    entity's priority is as high as its own or it is a person (the DISA test below); not for an
    entity of another file or a low-priority one, never past the name's ``unless``; explain
    says which."""
    (tmp_path / "a.yaml").write_text(
        "watchlist: story\nentities:\n"
        "  - {id: alameda, name: CD Alameda, type: organization, priority: critical, aliases:\n"
        "     [CD Alameda, {alias: Alameda, case: capitalized, requires: [club, football],\n"
        "                   unless: [county]},\n"
        "      {alias: CDA, case: exact, requires: [club, football]}]}\n"
        "  - {id: moreno, name: Isabel Moreno, type: person, priority: high,\n"
        "     aliases: [Isabel Moreno, Judge Moreno]}\n"
        "  - {id: president, name: Ana Ruiz, type: person, priority: low, aliases: [Ana Ruiz]}\n",
        encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "watchlist: other\nentities:\n"
        "  - {id: minister, name: Luis Vega, type: person, priority: high, aliases: [Luis Vega]}\n",
        encoding="utf-8")
    matcher = Matcher.compile(load_watchlists([tmp_path]))

    def found(title: str) -> set[str]:
        return {e.entity_id for e in matcher.match({"title": title}).entities}

    assert found("Judge Moreno freezes 23 accounts of Alameda") == {"alameda", "moreno"}
    assert found("Alameda freezes 23 accounts") == set()
    assert found("Judge Moreno questions CDA staff") == {"alameda", "moreno"}  # a person
    assert found("Luis Vega visits Alameda") == {"minister"}
    assert found("Ana Ruiz visits Alameda") == {"president"}
    # ... and the name's own vetoes still hold
    assert found("Judge Moreno tours Alameda, a county of California") == {"moreno"}
    trace = "\n".join(matcher.explain({"title": "Judge Moreno freezes accounts of Alameda"}))
    assert "but the item names moreno of the same watchlist: counted" in trace


def test_a_topic_of_the_same_watchlist_stands_for_a_names_context(tmp_path: Path) -> None:
    """A name gated by ``requires`` also counts when the item reports a topic of the same file
    (its story's own event); not a topic of another file, not for an acronym or a person's name,
    never past the name's ``unless``; a topic with a condition on entities then sees it;
    explain says which topic stood for it."""
    (tmp_path / "a.yaml").write_text(
        "watchlist: scheme\nentities:\n"
        "  - {id: alba, name: Cooperativa Alba, type: organization, priority: critical, aliases:\n"
        "     [Cooperativa Alba, {alias: Alba, case: capitalized, requires: [savers, crypto],\n"
        "                          unless: [Jessica]},\n"
        "      {alias: CDA, case: exact, requires: [savers]}]}\n"
        "  - {id: paz, name: Carolina Paz, type: person, priority: high, aliases:\n"
        "     [Carolina Paz, {alias: Paz, case: capitalized, requires: [cooperative]}]}\n"
        "topics:\n"
        "  - {id: collapse, name: Collapse, rule: {any_of: [liquidation, collapse*]}}\n"
        "  - {id: scheme-news, name: Scheme news, rule: {all_of: [{entity: alba}, report*]}}\n",
        encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "watchlist: other\nentities:\n"
        "  - {id: vega, name: Luis Vega, type: person, priority: high, aliases: [Luis Vega]}\n"
        "topics:\n"
        "  - {id: strike, name: Strike, rule: {any_of: [walkout]}}\n",
        encoding="utf-8")
    matcher = Matcher.compile(load_watchlists([tmp_path]))

    def found(title: str) -> tuple[set[str], set[str]]:
        got = matcher.match({"title": title})
        return {e.entity_id for e in got.entities}, {t.topic_id for t in got.topics}

    assert found("Alba liquidation: who gets paid first?") == ({"alba"}, {"collapse"})
    assert found("Alba opens a bakery in Rosario") == (set(), set())
    assert found("Walkout at Alba's head office") == (set(), {"strike"})
    assert found("CDA collapse deepens") == (set(), {"collapse"})
    assert found("Paz collapse talks resume in Geneva") == (set(), {"collapse"})
    assert found("Jessica Alba brand collapse") == (set(), {"collapse"})
    assert found("Alba collapse: the report lenders read") == (
        {"alba"}, {"collapse", "scheme-news"})
    trace = "\n".join(matcher.explain({"title": "Alba liquidation: who gets paid first?"}))
    assert "but the item reports collapse of the same watchlist: counted" in trace


def test_a_name_short_of_context_counts_for_a_topic_it_completes(tmp_path: Path) -> None:
    """A name gated by ``requires`` also counts when a topic of its file whose rule needs an
    entity of the file holds with the name taken as found and on other words too: the item
    tells the story's event with that name ("Brisa victims march in Quito"). Not when the name
    alone makes the topic, nor for a person's name or an acronym; explain says so."""
    (tmp_path / "a.yaml").write_text(
        "watchlist: gas\nentities:\n"
        "  - {id: brisa, name: Brisa Servicios, type: organization, priority: critical,\n"
        "     aliases: [Brisa Servicios, {alias: Brisa, case: capitalized, requires: [gas]},\n"
        "               {alias: BSG, case: exact, requires: [gas]}]}\n"
        "  - {id: mora, name: Elsa Mora, type: person, priority: high, aliases:\n"
        "     [Elsa Mora, {alias: Mora, case: capitalized, requires: [gas]}]}\n"
        "topics:\n"
        "  - {id: victims, name: Victims, rule: {all_of: [{entity: \"*\"}, [victim*, march*]]}}\n"
        "  - {id: named, name: Named, rule: {any_of: [{entity: brisa}]}}\n",
        encoding="utf-8")
    matcher = Matcher.compile(load_watchlists([tmp_path]))

    def found(title: str) -> tuple[set[str], set[str]]:
        got = matcher.match({"title": title})
        return {e.entity_id for e in got.entities}, {t.topic_id for t in got.topics}

    assert found("Brisa victims march in Quito") == ({"brisa"}, {"victims", "named"})
    assert found("Brisa, the new telenovela, tops the ratings") == (set(), set())
    assert found("Mora victims march in Quito") == (set(), set())  # a person's name
    assert found("BSG victims march in Quito") == (set(), set())  # an acronym
    assert found("Brisa Servicios victims march") == ({"brisa"}, {"victims", "named"})
    trace = "\n".join(matcher.explain({"title": "Brisa victims march in Quito"}))
    assert "but the item reports victims of the same watchlist with it, on other words too: " \
        "counted" in trace


def test_an_acronym_with_a_plural_s_matches(tmp_path: Path) -> None:
    """An acronym in capitals followed by a lower-case plural s ('repossess ATRs') is the
    acronym; written 'ATRS', or glued to more letters ('ATRsx'), it is not, and a name with an
    s after it is another word ('Albas')."""
    m = compile_yaml(tmp_path, (
        "watchlist: planes\nentities:\n"
        "  - {id: atr, name: ATR, type: organization, priority: high, aliases:\n"
        "     [{alias: ATR, case: exact}]}\n"
        "  - {id: alba, name: Alba Air, type: organization, priority: high, aliases:\n"
        "     [Alba Air, {alias: Alba, case: capitalized}]}\n"))

    def found(title: str) -> set[str]:
        return {e.entity_id for e in m.match({"title": title}).entities}

    assert found("Lessor moves to repossess ATRs from the airline") == {"atr"}
    assert found("Lessor moves to repossess ATRs.") == {"atr"}
    assert found("The ATRS module was updated") == set()
    assert found("The ATRsx module was updated") == set()
    assert found("Two Albas meet in town") == set()


def test_two_names_of_one_file_each_short_of_context_stand_for_each_other(
        tmp_path: Path) -> None:
    """Two or more entities of one file, each found but for its context (a surname with
    ``requires``), count together ('Judge accepts charges against Leme and Prata'): two people
    of one story in one item. Alone, or beside a name of another file, neither counts; an
    acronym takes no part: it is not counted by such a pair, nor does it count for one."""
    (tmp_path / "a.yaml").write_text(
        "watchlist: bank\nentities:\n"
        "  - {id: leme, name: Rodrigo Leme, type: person, priority: critical, aliases:\n"
        "     [Rodrigo Leme, {alias: Leme, case: capitalized, requires: [bank*]}]}\n"
        "  - {id: prata, name: Helena Prata, type: person, priority: high, aliases:\n"
        "     [Helena Prata, {alias: Prata, case: capitalized, requires: [bank*],\n"
        "                     unless: [jeweller*]}]}\n"
        "  - {id: bas, name: Banco Atlantico do Sul, type: organization, priority: critical,\n"
        "     aliases: [Banco Atlantico do Sul, {alias: BAS, case: exact, requires: [bank*]}]}\n"
        "  - {id: fgc, name: Fundo Garantidor, type: organization, priority: high, aliases:\n"
        "     [Fundo Garantidor, {alias: Garantidor, case: capitalized, requires: [deposit*]}]}\n",
        encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "watchlist: other\nentities:\n"
        "  - {id: cordeiro, name: Tomas Cordeiro, type: person, priority: high, aliases:\n"
        "     [Tomas Cordeiro, {alias: Cordeiro, case: capitalized, requires: [fund*]}]}\n",
        encoding="utf-8")
    matcher = Matcher.compile(load_watchlists([tmp_path]))

    def found(title: str) -> set[str]:
        return {e.entity_id for e in matcher.match({"title": title}).entities}

    assert found("Judge accepts charges against Leme and Prata") == {"leme", "prata"}
    assert found("Leme denied bail") == set()
    assert found("Leme and Cordeiro denied bail") == set()  # another file: another story
    assert found("Leme and BAS executives denied bail") == set()  # an acronym takes no part
    assert found("Leme, Prata and Garantidor sued") == {"leme", "prata", "fgc"}
    assert found("Leme and Prata meet BAS executives") == {"leme", "prata"}  # not the acronym
    assert found("Leme and Prata jewellers open a shop") == set()  # Prata's unless holds
    trace = "\n".join(matcher.explain({"title": "Charges against Leme and Prata"}))
    assert ("but the item names prata of the same watchlist, also short only of context: "
            "each counts for the other: counted") in trace


def test_an_acronym_short_of_context_counts_beside_an_entity_as_high_of_its_file(
        tmp_path: Path) -> None:
    """An acronym gated by ``requires`` counts when the item names another entity of its file
    of the same priority or higher ('Campos tells El País ... the DISA chief'), or a person of
    the story of any priority ('Juíza Salgado determina reaplicação integral do ENI'), not a
    lower-priority organisation: a file of several stories (the seed: a Nigerian 'CDS' beside
    Boko Haram is not the Sinaloa cartel's)."""
    m = compile_yaml(tmp_path, (
        "watchlist: port\nentities:\n"
        "  - {id: disa, name: Dragados Ibericos, type: organization, priority: high, aliases:\n"
        "     [Dragados Ibericos, {alias: DISA, case: exact, requires: [dredg*, port]}]}\n"
        "  - {id: campos, name: Elena Campos, type: person, priority: high,\n"
        "     aliases: [Elena Campos]}\n"
        "  - {id: rosa, name: Marcos Rosa, type: person, priority: medium,\n"
        "     aliases: [Marcos Rosa]}\n"
        "  - {id: union, name: Dockers Union, type: organization, priority: medium,\n"
        "     aliases: [Dockers Union]}\n"))

    def found(title: str, summary: str = "") -> set[str]:
        return {e.entity_id for e in m.match({"title": title, "summary": summary}).entities}

    assert found("Elena Campos speaks", "The DISA chief says the payments were legal") == {
        "campos", "disa"}
    assert found("Marcos Rosa speaks", "He met the DISA chief twice") == {"rosa", "disa"}
    assert found("Dockers Union speaks", "It met the DISA chief twice") == {"union"}
    assert found("DISA wins award") == set()
    trace = "\n".join(m.explain({"title": "Elena Campos speaks", "summary": "The DISA chief"}))
    assert "but the item names campos of the same watchlist: counted" in trace
    assert entities("Army vows to end Boko Haram insurgency",
                    "The CDS said troops cleared camps in the forest") == {"boko-haram"}


SEIZURE_YAML = """\
watchlist: ships
topics:
  - id: ship-seizure
    name: A ship seized or detained
    rule:
      near:
        terms: [[seiz*, detain*, detained, retid*, retenid*, arrested],
                [tanker*, ship*, navio*, buque*, petroler*]]
        within: 8
  - id: designation
    name: A terrorist designation
    rule:
      any_of: [foreign terrorist organi*]
"""


@pytest.mark.parametrize("title", [
    "Greek tanker 'not detained', coast guard says",
    "The tanker was never seized, the owner says",
    "El petrolero no fue retenido, dice Capitanía",
    "O navio não foi retido em Santos",
    "The tanker wasn't detained in port",
    "Ship detained? No, just slow: Suez delays explained",
    "Navio retido? Não, só atrasado",
    "Storm hits the port; no ships seized",
    "Tanker in Algeciras: nobody was detained",
    "Petrolero en Algeciras: no hay retenidos",
    "Navio em Santos: ninguém foi retido",
    "Navio segue viagem sem retidos",
])
def test_a_denied_topic_term_does_not_count(tmp_path: Path, title: str) -> None:
    """A topic term the text denies ('not detained', 'no fue retenido', 'wasn't', a question
    answered no) does not count, and explain says which words denied it."""
    m = compile_yaml(tmp_path, SEIZURE_YAML)
    assert topic_ids(m, title) == set(), title
    assert any("not counted: denied by" in line for line in m.explain({"title": title})), title


@pytest.mark.parametrize("title", [
    "Tanker detained in Algeciras",
    "Tanker detained in Algeciras; owner denies wrongdoing",
    # the negation is about another word of the clause, not the topic's term
    "The owner never chartered the tanker seized in Algeciras",
    "Sirocco says it did not know the detained tanker",
    # Portuguese 'no' is 'in the'
    "Carga retida no navio em Santos",
    # a question not answered no
    "Tanker seized? Yes, and two more this week",
    "Tanker seized without warning off Algeciras",
    # a question answered no about something further from the term
    "Tanker seized by the Navy of Colombia? No: a US operation",
])
def test_a_topic_term_the_text_does_not_deny_still_counts(tmp_path: Path, title: str) -> None:
    m = compile_yaml(tmp_path, SEIZURE_YAML)
    assert topic_ids(m, title) == {"ship-seizure"}, title


def test_a_denied_noun_term_and_the_seed_topics(tmp_path: Path) -> None:
    """A noun term denied ('not a foreign terrorist organization') does not count; the seed's
    own topics hold the same rule."""
    m = compile_yaml(tmp_path, SEIZURE_YAML)
    assert topic_ids(m, "It is a foreign terrorist organization listing") == {"designation"}
    assert topic_ids(m, "It is not a foreign terrorist organization listing") == set()
    summary = ("The designation under Executive Order 13224 freezes the firm's assets; it is "
               "not a foreign terrorist organization listing.")
    assert "fto-designation" not in topics("Treasury names a shipping firm a global terrorist",
                                           summary)
    assert "fto-designation" in topics("Treasury names a shipping firm a global terrorist",
                                       summary.replace("not ", ""))


# --- rules from blind32: business cartels, posters, boats striking people, border guards -------

@pytest.mark.parametrize(("title", "summary"), [
    # a price-fixing ring nicknamed like a group, in the news of competition law
    ("Regulator fines the 'Cartel of the Sun' of solar panel importers",
     "The competition authority said the four firms engaged in price fixing."),
    ("La CNMC multa al llamado Cártel del Noreste de las constructoras",
     "Las empresas se repartían las obras públicas de la región."),
    ("CADE pune o 'cartel do Nordeste' dos postos de gasolina", ""),
    ("'Gulf cartel'? European airlines accuse Emirates and Qatar Airways over fares", ""),
    # a shop named after a group, and a play's poster
    ("Soles Cartel Sneakers opens a pop-up in Accra", ""),
    ("Presentan el cartel de Los Soles, comedia del grupo Tablas",
     "Un afiche en amarillo anuncia la obra de teatro."),
])
def test_business_cartels_shops_and_posters_named_like_groups(title: str, summary: str) -> None:
    assert entities(title, summary) == set(), title


@pytest.mark.parametrize(("title", "summary", "entity"), [
    ("Gulf Cartel leader arrested in Matamoros", "", "gulf-cartel"),
    ("Texas seizes Gulf Cartel fuel stations", "The gas stations were bought with cartel money.",
     "gulf-cartel"),
    ("El Cártel del Noreste ataca a policías en Nuevo Laredo", "", "cartel-del-noreste"),
    ("El Cartel de los Soles dirige el tráfico, según Washington", "", "cartel-de-los-soles"),
])
def test_the_groups_themselves_still_match(title: str, summary: str, entity: str) -> None:
    assert entity in entities(title, summary), title


@pytest.mark.parametrize("title", [
    "Speedboat strikes diver off Bonaire reef",
    "Tour boat's propeller hits snorkeller near Curaçao",
    "Lancha atropella a un bañista frente a Puerto Plata",
    "Cuban border guards fire on smugglers' speedboat",
    "Guardafronteras cubanos disparan contra una lancha de contrabando",
    "Ministro classifica boatos como terrorismo eleitoral",
    "Caracas clasifica las sanciones como terrorismo económico",
])
def test_other_strikes_on_boats_and_figurative_terrorism_are_not_the_topics(title: str) -> None:
    assert topics(title) == set(), title


@pytest.mark.parametrize(("title", "summary", "topic"), [
    ("US forces neutralise drug boat off Venezuela", "", "caribbean-boat-strikes"),
    ("Un dron de EE.UU. destruyó cerca de la costa de la península venezolana de Paria otra "
     "lancha", "El Pentágono dijo que llevaba droga.", "caribbean-boat-strikes"),
    ("EE.UU. clasifica al cártel como grupo terrorista", "", "fto-designation"),
])
def test_boat_strikes_told_otherwise_still_count(title: str, summary: str, topic: str) -> None:
    assert topic in topics(title, summary), title


# --- rules from blind33: OTE, state designations, schools and blocos named like groups ----------

@pytest.mark.parametrize(("title", "summary", "want"), [
    # the Spanish and Portuguese acronym of the list
    ("Fiscalía acusa a transportista de pagar al Tren de Aragua, designado OTE", "",
     {"fto-designation"}),
    ("Banco recusa clientes ligados ao CJNG, classificado como OTE pelos EUA", "",
     {"fto-designation"}),
    # OTE the Greek telecom
    ("OTE, la teleco griega, gana cuota con su red de fibra", "", set()),
    # a state's own designation by its governor, under state law
    ("Florida governor designates a charity a 'foreign terrorist organization'",
     "The order under state law has no federal effect.", set()),
    ("Gobernador de Oklahoma declara 'organización terrorista extranjera' a una ONG",
     "La proclamación estatal fue impugnada en los tribunales.", set()),
    # ... not a governor who welcomes the federal list
    ("Texas governor praises Trump's designation of cartels as foreign terrorist organizations",
     "He also signed a state law on border security.", {"fto-designation"}),
])
def test_designation_rules_from_blind33(title: str, summary: str, want: set[str]) -> None:
    assert topics(title, summary) == want, title


@pytest.mark.parametrize(("title", "summary", "want"), [
    ("US forces annihilate speedboat off Grenada", "The Pentagon said it carried drugs.",
     {"caribbean-boat-strikes"}),
    ("Fuerzas de EE.UU. aniquilan una lancha frente a La Guaira",
     "Llevaba droga, dijo el Pentágono.", {"caribbean-boat-strikes"}),
    ("Un misil de EE.UU. alcanza un cayuco frente a Paria", "El Pentágono dijo que llevaba droga.",
     {"caribbean-boat-strikes"}),
    # a strike elsewhere, said to have no part in the Caribbean campaign
    ("US Navy sinks Houthi skiffs near a tanker",
     "Officials said the Caribbean campaign was not involved.", set()),
])
def test_boat_strike_rules_from_blind33(title: str, summary: str, want: set[str]) -> None:
    assert topics(title, summary) == want, title


@pytest.mark.parametrize("title", [
    "Instituto ISIS de Campinas abre matrículas",
    "ISIS Academy opens a second campus in Lagos",
    "Bloco Cartel do Sol desfila em Olinda",
    "Tren de Aragua Band releases its first single",
])
def test_schools_and_blocos_named_like_groups(title: str) -> None:
    assert entities(title) == set(), title


# --- rules from blind34's errors ----------------------------------------------------------------

@pytest.mark.parametrize(("title", "want"), [
    # an emoji, a flag or full-width punctuation glued to a name is a word break
    ("🚨Tren de Aragua suspects extradited from Colombia", {"tren-de-aragua"}),
    ("🇻🇪Maduro recebe delegação do Irã em Caracas", {"nicolas-maduro"}),
    ("Chibok remembers❤️Boko Haram kidnapping, ten years on", {"boko-haram"}),
    ("多国部队打击（Boko Haram）据点", {"boko-haram"}),
    # ... and a name glued to letters of another script is still inside a longer word
    ("東京Maduroカフェ", set()),
])
def test_a_name_glued_to_an_emoji_is_found(title: str, want: set[str]) -> None:
    assert entities(title) == want, title


@pytest.mark.parametrize("title", [
    "VINHO MADURO DO DOURO GANHA MEDALHA EM CONCURSO INTERNACIONAL",
    "Maduro con queso: el desayuno llanero que conquista Valencia",
    "Maduro fritters with cheese: a Sunday breakfast from the llanos",
])
def test_the_wine_and_the_dish_are_not_maduro(title: str) -> None:
    assert entities(title) == set(), title


@pytest.mark.parametrize(("title", "summary", "want"), [
    # other verbs of destroying, shelling and bringing down; "launch" as the boat with drugs named
    ("US gunship demolished suspected drug boat off Los Taques", "", {"caribbean-boat-strikes"}),
    ("Un helicóptero estadounidense cañoneó un bote sospechoso de narcotráfico cerca de Turiamo",
     "", {"caribbean-boat-strikes"}),
    ("EE.UU. redujo a cenizas una narcolancha frente a Los Monjes", "",
     {"caribbean-boat-strikes"}),
    ("Jets from the carrier helped take down a narco launch off Venezuela", "",
     {"caribbean-boat-strikes"}),
    ("US drone obliterated a drug-laden launch off Higuerote", "", {"caribbean-boat-strikes"}),
    # ... not a missile launch with no drugs
    ("Venezuela's navy test-fires missiles after US strike fears; launch filmed off La Guaira",
     "", set()),
    # a coast guard whose name holds the sea, said not to be involved, is no veto
    ("Aruba coast guard recovers debris after US strike on drug boat",
     "The Dutch Caribbean Coast Guard said it was not involved; US officials said the boat "
     "carried cocaine.", {"caribbean-boat-strikes"}),
    # ... while the campaign said not to be involved still is one
    ("US Navy sinks Houthi skiffs near a tanker",
     "Officials said the Caribbean campaign was not involved.", set()),
    # target boats of an exercise, not "used to target vessels for lethal strikes"
    ("US and Guyanese forces hold drills in the Caribbean, firing on target boats", "", set()),
    ("Colombia suspends intelligence sharing over US boat attacks",
     "Bogotá said it would not help target vessels in the Caribbean until the lethal strikes "
     "stop.", {"caribbean-boat-strikes"}),
    # a drama that shows a strike
    ("Novela da Globo mostra ataque a barco de traficantes no Caribe", "", set()),
])
def test_boat_strike_rules_from_blind34(title: str, summary: str, want: set[str]) -> None:
    assert topics(title, summary) == want, title


@pytest.mark.parametrize(("title", "want"), [
    # Temporary Protected Status is another US designation
    ("EUA encerram designação de TPS para haitianos", set()),
    ("US designation of Tren de Aragua as terrorists cited as TPS for Venezuelans ends",
     {"fto-designation"}),
    # Venezuela's own state declares or lists someone terrorist
    ("Caracas declara «terrorista» um partido da oposição", set()),
    ("El TSJ venezolano ordena incluir a una ONG en su registro de «organizaciones terroristas»",
     set()),
    # ... but its reaction to the US listing is about the US listing
    ('TSJ venezolano declara "nula" la designación terrorista; Maduro celebra',
     {"fto-designation"}),
])
def test_designation_rules_from_blind34(title: str, want: set[str]) -> None:
    assert topics(title) == want, title


# --- rules from blind35's errors ----------------------------------------------------------------

@pytest.mark.parametrize(("title", "summary", "want"), [
    # letters styled as Unicode symbols (bold, full-width) fold to plain letters
    ("Thread: 𝗖𝗮𝗿𝘁𝗲𝗹 𝗱𝗲 𝗹𝗼𝘀 𝗦𝗼𝗹𝗲𝘀 generals still at large", "", {"cartel-de-los-soles"}),
    ("𝐓𝐫𝐞𝐦 𝐝𝐞 𝐀𝐫𝐚𝐠𝐮𝐚: o que se sabe da facção em Roraima", "", {"tren-de-aragua"}),
    ("ＭＳ－１３ members charged in Queens", "", {"ms-13"}),
    # ... and small capitals, read as capitals (case rules included)
    ("ᴄᴀʀᴛᴇʟ ᴅᴇʟ ɢᴏʟꜰᴏ deja mantas en puentes de Reynosa", "", {"gulf-cartel"}),
    ("ᴍᴀᴅᴜʀᴏ ᴏᴜᴛ: the chant at the Caribbean Series", "", {"nicolas-maduro"}),
    # an ALL-CAPS phrase in a mixed-case title: the next word in capitals is no second name
    ('Why your feed is full of "𝗠𝗔𝗗𝗨𝗥𝗢 𝗘𝗫𝗣𝗢𝗦𝗘𝗗" posts', "", {"nicolas-maduro"}),
    ('Fans chant "MADURO OUT" at the Caribbean Series', "", {"nicolas-maduro"}),
    # ... while a capitalised word after a surname still is ("Prado Pérez")
    ("Maduro Guerra speaks in Caracas", "", set()),
    # a chant's stretched last letter
    ('"MADUROOOO" chant goes viral in Caracas', "", {"nicolas-maduro"}),
    ('"Madurooo, te estamos viendo": el meme', "", {"nicolas-maduro"}),
    # ... but not a longer word
    ("Maduroo Records opens a store", "", set()),
    # a silent first h left out of a name of two words
    ("Boko Aram secuestra a 40 estudiantes en Nigeria", "", {"boko-haram"}),
    # names as Spain's press and aggregators write them
    ("El Mando Sur de EE.UU. confirma un nuevo ataque", "", {"us-southern-command"}),
    ("Train of Aragua members face terrorism charges", "", {"tren-de-aragua"}),
    # ripeness exclaimed, a festival, a highway, bagel shops fixing prices
    ("QUE MADURO! NEYMAR ELOGIA JOVEM DO SANTOS", "", set()),
    ("¡QUÉ MADURO ESTÁ EL MANGO! EL VIDEO DEL VENDEDOR", "", set()),
    ("Ya está el cartel de Los Soles Fest 2026", "", set()),
    ("MS 13 closed near Morton after tornado, Mississippi DOT posts detour map", "", set()),
    ('"Northeast cartel" of bagel shops?', "A post claims owners fix prices in the Bronx.",
     set()),
])
def test_entity_rules_from_blind35(title: str, summary: str, want: set[str]) -> None:
    assert entities(title, summary) == want, title


@pytest.mark.parametrize(("title", "summary", "want"), [
    # the slang and idioms of posts for a strike
    ("Trump posts: we ZAPPED another narco boat off Venezuela", "", {"caribbean-boat-strikes"}),
    ("EE.UU. hizo trizas una lancha narco frente a Chirimena", "", {"caribbean-boat-strikes"}),
    ("EUA reduzem a pó mais um semissubmersível nas Caraíbas", "", {"caribbean-boat-strikes"}),
    ("eua fazem picadinho de mais uma lancha perto da venezuela", "",
     {"caribbean-boat-strikes"}),
    ("EE.UU. manda al fondo del mar otra lancha cerca de Guanaja",
     "La lancha llevaba droga, dijo el Pentágono.", {"caribbean-boat-strikes"}),
    ("podcast: the night a us missile sank a fishing yawl off toco",
     "Washington said the yawl was running drugs.", {"caribbean-boat-strikes"}),
    # another navy on a lake, a video game
    ("La Marina de Guerra del Perú ataca una lancha de contrabandistas en el lago Titicaca",
     "", set()),
    ("GTA VI: how to blow up the drug boat in the Leonida mission", "", set()),
    # FTO and OTE with the US named in Spanish or Portuguese, and personal infinitives
    ("Los Zetas Vieja Escuela, la próxima OTE según fuentes de Washington", "",
     {"fto-designation"}),
    ("Um ano depois, Barrio 18 segue na lista de FTO dos EUA", "", {"fto-designation"}),
    ("o que significa os EUA designarem mais cartéis como terroristas?", "",
     {"fto-designation"}),
    # ... not a first-time offender
    ("Judge gives FTO program graduates a second chance", "", set()),
])
def test_topic_rules_from_blind35(title: str, summary: str, want: set[str]) -> None:
    assert topics(title, summary) == want, title


# --- rules from blind36's errors ----------------------------------------------------------------

@pytest.mark.parametrize(("title", "summary", "want"), [
    # "diver*" was a diver's word and caught "diverted"
    ("Regatta fleet diverted after US strike on suspected smuggling boat near Mustique", "",
     {"caribbean-boat-strikes"}),
    ("Speedboat strikes two divers off Bonaire", "", set()),
    # more idioms and a Colombian boat noun; the carrier's hull number is a US actor
    ("El presidente Trump promete seguir «borrando del mar» las narcolanchas venezolanas", "",
     {"caribbean-boat-strikes"}),
    ("Aviões americanos mandam ao fundo uma lancha de droga nas Caraíbas", "",
     {"caribbean-boat-strikes"}),
    ("Una planeadora destruida por EEUU cerca de Bocas de Ceniza", "",
     {"caribbean-boat-strikes"}),
    ("CVN-78's Super Hornets credited with two boat kills in the Caribbean", "",
     {"caribbean-boat-strikes"}),
    # boats that strike turtles and coral; La Tortuga the island stays a place
    ("Boat strikes kill nine nesting turtles at Grande Riviere", "", set()),
    ("Glass-bottom boat strikes coral head off Negril", "", set()),
    ("US forces strike another alleged drug boat off Isla La Tortuga", "",
     {"caribbean-boat-strikes"}),
    # FTO with another listed group named
    ("Familia Michoacana lieutenant extradited; US cites FTO status in indictment", "",
     {"fto-designation"}),
])
def test_topic_rules_from_blind36(title: str, summary: str, want: set[str]) -> None:
    assert topics(title, summary) == want, title


@pytest.mark.parametrize(("title", "want"), [
    ("Un caballo llamado Trump gana el clásico de La Rinconada", set()),
    ("A dog named Maduro wins the Caracas show", set()),
    ("Trump llama a Maduro a dejar el poder", {"donald-trump", "nicolas-maduro"}),
])
def test_somebody_named_like_a_watched_person_is_not_them(title: str, want: set[str]) -> None:
    assert entities(title) == want, title


# --- rules from blind37's errors ----------------------------------------------------------------

@pytest.mark.parametrize(("title", "summary", "want"), [
    # strikes on the traffickers' airstrips are on land
    ("Pentagon confirms US strikes on airstrips in Sucre state",
     "The strikes hit runways used by cocaine flights, officials said.", set()),
    ("US strikes hit two boats off Sucre state", "The boats carried cocaine, officials said.",
     {"caribbean-boat-strikes"}),
])
def test_topic_rules_from_blind37(title: str, summary: str, want: set[str]) -> None:
    assert topics(title, summary) == want, title


@pytest.mark.parametrize(("title", "want"), [
    # a one-edit Southern Command with the cargo named; a mature debate
    ("Southren Command says strike near Isla Saona destroyed boat loaded with cocaine",
     {"us-southern-command"}),
    ('MINISTRA PEDE "DEBATE MADURO" SOBRE REFORMA TRIBUTÁRIA', set()),
])
def test_entity_rules_from_blind37(title: str, want: set[str]) -> None:
    assert entities(title) == want, title


# --- exclusions that would drop the entity's own aliases -----------------------------------------

def test_an_exclusion_is_never_spelt_as_the_entitys_own_alias(tmp_path: Path) -> None:
    """other-seed-14's analyst excluded the myth "El Dorado" from an operation called
    "Eldorado": spaces between an exclusion's words may be left out as an alias's, and so the
    exclusion, read as "Eldorado", dropped every alias of the operation (recall 0 of 28).
    A spelling the entity's own aliases have is not the exclusion's."""
    matcher = compile_yaml(tmp_path, """
watchlist: w
entities:
  - id: op
    name: Operação Eldorado
    type: event
    priority: high
    aliases:
      - Operação Eldorado
      - {alias: Eldorado, case: capitalized, requires: [PF, operação, operation]}
    exclude: [El Dorado, Eldorado Gold]
""")

    def found(title: str) -> bool:
        return bool(matcher.match({"title": title}).entities)

    assert found("ENTENDA: o esquema investigado na Operação Eldorado")
    assert found("Segunda fase da operação: PF diz que Eldorado chegou à ANM")
    assert not found("PF investiga a Eldorado Gold, mineradora canadense")  # still excluded
    assert not found("Operation El Dorado: the search for a city of gold")


def test_an_alias_that_holds_a_whole_exclusion_is_not_inside_it(tmp_path: Path) -> None:
    """An alias found inside an exclusion (or across its edge) is dropped; one that holds the
    whole exclusion and more is not: "Tren de Aragua" with an exclusion "Aragua" (the state)."""
    matcher = compile_yaml(tmp_path, """
watchlist: w
entities:
  - id: tda
    name: Tren de Aragua
    type: organization
    priority: high
    aliases: [Tren de Aragua, {alias: Aragua gang}]
    exclude: [Aragua, Tren de Aragua FC]
""")

    def found(title: str) -> bool:
        return bool(matcher.match({"title": title}).entities)

    assert found("Tren de Aragua leaders charged in Texas")
    assert not found("Tren de Aragua FC wins the regional cup")  # the alias inside one
    assert found("Aragua gang members held")  # the other alias holds the state's name too


# --- text as feeds deliver it (blind38's classes) -------------------------------------------------

@pytest.mark.parametrize(("title", "entity"), [
    ("Cabello califica de invención la designación del Cártel de los So- les",
     "cartel-de-los-soles"),
    ("Strike off Chuspa killed Tren de A- ragua members", "tren-de-aragua"),
    ("Justiça americana usa lei antiterror contra a Famí- lia Michoacana",
     "la-nueva-familia-michoacana"),
    ("With Ma-\nduro in U.S. custody, officials ask for a review", "nicolas-maduro"),
    # ... and in a field written in capitals (captions), where a capital after the break says
    # nothing
    (">> OS PRESOS SERIAM DO TREN DE ARA- GUA, SEGUNDO A POLÍCIA FEDERAL", "tren-de-aragua"),
    (">> NO NORDESTE DA NIGÉRIA, O BOKO HA- RAM INCENDIOU UMA CLÍNICA", "boko-haram"),
])
def test_a_word_hyphenated_at_a_line_end_is_one_word(title, entity):
    """Print-style hyphenation whose line break became a space or stayed a line break: the
    word is read whole (for matching; the stored text keeps it as it came)."""
    assert entity in entities(title)


def test_a_hyphen_before_a_capital_or_a_conjunction_joins_nothing_it_should_not():
    assert entities("anti- Maduro protest in Caracas") == {"nicolas-maduro"}
    assert entities("Anti- MADURO protest, and a Tren de Aragua arrest") == {
        "nicolas-maduro", "tren-de-aragua"}  # not a field in capitals
    assert entities("pre- and post-war Maduro") == {"nicolas-maduro"}


@pytest.mark.parametrize(("title", "summary", "entity"), [
    ("trump says strikes on caribbean drug boats will go on", "submitted by /u/harborwatch",
     "donald-trump"),
    ("secretario de estado rubio visita guatemala y honduras",
     "el secretario se reunirá con autoridades de ambos países.", "marco-rubio"),
    ("capturan en uruapan a operador de carteles unidos", "", "carteles-unidos"),
    ("state-department-adds-four-aliases-to-cjng-terrorist-listing", "", "cjng"),
])
def test_a_field_without_capitals_is_judged_by_the_rest_of_the_item(title, summary, entity):
    """A lower-case headline or a slug says nothing by its capitals, as an ALL-CAPS one: a name
    there counts unless the rest of the item writes the word otherwise."""
    assert entity in entities(title, summary)


def test_a_lower_case_word_the_rest_of_the_item_writes_small_is_that_word():
    """'maduro' in a lower-case title is the adjective when the summary writes it small too
    in a sentence whose capitals mean something."""
    assert entities("receta de plátano maduro con queso al horno",
                    "Un plátano maduro, queso blanco y mantequilla.") == set()


def test_a_hashtag_before_a_surname_is_no_first_name():
    assert entities("#ÚLTIMAHORA Trump anuncia visita a Buenos Aires",
                    "Noticia en desarrollo. #Trump #Milei") == {"donald-trump"}
    assert entities("#URGENTE Trump anuncia tarifa sobre o aço") == {"donald-trump"}
    assert entities("Fred Trump Jr. remembered") == set()  # a first name still is one


@pytest.mark.parametrize(("title", "entity", "topic"), [
    ("C\ufffdrtel de Sinaloa money broker sentenced in San Diego", "sinaloa-cartel", None),
    ("C\ufffdRTEL DE SINALOA: CAE OPERADOR", "sinaloa-cartel", None),
    ("El Pent?gono confirma que el portaaviones Gerald R. Ford atac\ufffd una lancha",
     "uss-gerald-r-ford", "caribbean-boat-strikes"),
    ("Doleiro condenado por financiar organiza\ufffd\ufffdo terrorista estrangeira ligada ao "
     "Cartel de Sinaloa", "sinaloa-cartel", "fto-designation"),
])
def test_a_letter_a_lossy_conversion_lost_is_put_back_for_matching(title, entity, topic):
    """U+FFFD or a "?" between letters where an accented letter was: the one base letter that
    makes a word the watchlist spells is read there (for matching only)."""
    result = MATCHER.match({"title": title})
    assert entity in {e.entity_id for e in result.entities}
    if topic:
        assert topic in {t.topic_id for t in result.topics}


def test_a_question_mark_or_an_unknown_word_stays_as_written():
    restored = MATCHER._restored
    assert restored("Is it? Yes, Maduro said") == "Is it? Yes, Maduro said"
    assert restored("particip? en la sesi\ufffdn") == "particip? en la sesi\ufffdn"  # no key
    assert restored("C\ufffdrtel") == "Cartel"


ENTITY_CASES["entity_rules_from_blind40"] = [
    # the names in other languages: English, French, Arabic (Boko Haram's own)
    ("Italian prosecutors charge a broker for the Cartel of Sinaloa", "", {"sinaloa-cartel"}),
    ("La presse haïtienne et le Cartel des Soleils", "", {"cartel-de-los-soles"}),
    ("Jama'atu Ahlis Sunna Lidda'awati wal-Jihad claims ambush", "", {"boko-haram"}),
    # a group's name as a person's surname: a given name and the Arabic article before it
    ("El yemení Ahmed al-Houthi ficha por un club de Qatar", "", set()),
    ("The Houthi leader's speech", "Abdul-Malik al-Houthi addressed supporters.", {"houthis"}),
    ("Saudi strikes hit al-Houthi positions near Saada", "", {"houthis"}),
    ("Frente al Cártel de Sinaloa, el gobierno duda", "", {"sinaloa-cartel"}),
    # another group of the name; the adjective after a noun in a headline in capitals
    ("Tajik guards say Jamaat Ansarullah militants were killed", "", set()),
    ("MERCADO MADURO: VENDAS DE CELULARES ESTAGNAM", "", set()),
    ("MADURO SPEAKS IN CARACAS", "", {"nicolas-maduro"}),
]


TOPIC_CASES["topic_rules_from_blind40"] = (None, [
    # another country's list, by its capital and its law
    ("Ottawa lists three more criminal groups as terrorist entities", "", set()),
    # a strike in the eastern Pacific, told by its islands
    ("Ecuador protesta por un ataque de EE.UU. a una lancha cerca de Galápagos", "", set()),
    ("Ataque de EE.UU. a una lancha con droga frente a La Guaira", "",
     {"caribbean-boat-strikes"}),
    # a foreign terrorist group, as Portuguese and Spanish write the listing
    ("Comerciante é acusado nos EUA de financiar o Hezbollah, grupo terrorista estrangeiro", "",
     {"fto-designation"}),
])


def test_a_former_office_joined_with_ex_is_that_office(tmp_path: Path) -> None:
    """Spanish writes "exviceministro" as one word: it is context as "viceministr*" is, and a
    word before a strict surname as "viceministro" is."""
    m = compile_yaml(tmp_path, """
watchlist: t
entities:
  - id: javier-prado
    name: Javier Prado
    type: person
    priority: high
    aliases:
      - {alias: Prado, case: capitalized, allow_after: [[viceministro, El]],
         requires: [viceministr*, soborno*]}
""")
    found = {e.entity_id for e in m.match(
        {"title": "Prisión preventiva para el exviceministro Prado"}).entities}
    assert found == {"javier-prado"}
    assert not m.match({"title": "Prisión preventiva para el Prado"}).entities  # no context
    # "ex" and a word allow_after does not list is still another capitalised word
    assert not m.match({"title": "El viceministro viaja en el Expreso Prado"}).entities


def test_an_acronym_handle_before_small_letters_ends_at_the_acronym(tmp_path: Path) -> None:
    """@CAPAperiodismo is CAPA's handle, as @CDCgov is the CDC's; two capitals (@PFgovbr) say
    too little."""
    m = compile_yaml(tmp_path, """
watchlist: t
entities:
  - id: capa
    name: CAPA
    type: organization
    priority: high
    aliases:
      - {alias: CAPA, case: exact}
  - id: pf
    name: PF
    type: organization
    priority: high
    aliases:
      - {alias: PF, case: exact}
""")

    def found(title: str) -> set[str]:
        return {e.entity_id for e in m.match({"title": title}).entities}

    assert found("Leaked files: @CAPAperiodismo publishes part 2") == {"capa"}
    assert found("Seizure confirmed by @PFgovbr") == set()
    assert found("Read #CAPAfiles today") == {"capa"}


ENTITY_CASES["entity_rules_from_blind41"] = [
    # a name only in a web address written in the text: the page's slug, not what it says
    ("Lee también: así operan las casas de cambio https://www.e.mx/2026/04/cartel-de-sinaloa-"
     "casas", "", set()),
    ("Read: gangs and casinos www.example.net/tren-de-aragua-casinos", "", set()),
    ("Tren de Aragua cell dismantled https://t.co/x7Qa", "", {"tren-de-aragua"}),
    # ... an escape's remains around a link: the address ends at the backslash
    ("]8;;https://t.co/x7Qa\\Tren de Aragua]8;;\\ cell dismantled", "", {"tren-de-aragua"}),
    # the carmaker's vehicles, whatever sea they serve by
    ("Ford recalls Ranger pickups used by Caribbean police fleets", "", set()),
    ("Ford's jets return to the carrier after a Caribbean patrol", "", {"uss-gerald-r-ford"}),
    # Portuguese and German press spell al-Qaeda's Q as K
    ("Al-Shabab, filial da Al-Kaeda, ataca base na Somália", "", {"al-qaeda"}),
]


TOPIC_CASES["topic_rules_from_blind41"] = (None, [
    # a strike on land (a lab, a camp, an airstrip) told without a boat is another target
    ("US strike destroys cocaine lab in Barinas, Venezuelan officials say", "", set()),
    ("Bombardeo estadounidense destruye un laboratorio en Táchira", "", set()),
    ("US strikes hit a drug boat and a cocaine lab in Venezuela", "", {"caribbean-boat-strikes"}),
])


def test_a_quotation_closing_where_an_alias_ends_quotes_its_nickname(tmp_path: Path) -> None:
    """A quotation that opens inside a multiword alias and closes where it ends quotes the
    alias's own words (other-seed-16: "Alias 'Tiburón'"); one that runs on past it is another
    phrase (a film's title)."""
    m = compile_yaml(tmp_path, """
watchlist: t
entities:
  - id: ocampo
    name: Jhon Ocampo
    type: person
    priority: high
    aliases: [Jhon Ocampo, alias Tiburón]
  - id: soles
    name: Cartel de los Soles
    type: organization
    priority: high
    aliases: [Cartel de los Soles]
""")

    def found(title: str) -> set[str]:
        return {e.entity_id for e in m.match({"title": title}).entities}

    assert found("Alias 'Tiburón', lugarteniente de la red, entra en la lista") == {"ocampo"}
    assert found("OFAC adds a lieutenant, alias 'Tiburon,' to its list") == {"ocampo"}
    assert found("Treasury names Ocampo, alias \u2018Tiburón\u2019") == {"ocampo"}
    assert found("El alias 'Tiburón blanco' de un nadador") == set()
    assert found("Revelan el cartel de 'Los soles de Atacama', nueva película") == set()
    assert found("El cartel de 'Los Soles' opera en Apure") == {"soles"}


ENTITY_CASES["entity_rules_from_blind42"] = [
    # a watched person's surname in quotes after "known as": somebody else's nickname
    ('Polícia prende clonador de cartões conhecido como "Maduro" em São Paulo', "", set()),
    ("Detienen en Caracas a un ladrón venezolano alias 'Rubio'", "", set()),
    ('Nicolás Maduro, known as "Maduro" to his friends, speaks in Caracas', "",
     {"nicolas-maduro"}),
    # "una nueva familia michoacana": a new family from Michoacán, written in lower case
    ("Nova família michoacana abre sorveteria em Goiânia", "", set()),
    ("La Nueva Familia Michoacana disputa Guerrero", "", {"la-nueva-familia-michoacana"}),
    # four-letter words of a long name, spelt by ear
    ("Boco Haram ataca aldeia no norte de Camarões", "", {"boko-haram"}),
    # the Islamic State's Spanish and Portuguese acronym with a claim of responsibility
    ("EI reivindica sequestro de missionários no Níger", "", {"isis"}),
]


TOPIC_CASES["topic_rules_from_blind42"] = (None, [
    # Vieques is Puerto Rico's, in the Caribbean; Ecuador's coast is the Pacific's
    ("Avión de la Marina ataca una lancha rápida al sur de Vieques y mueren dos hombres", "",
     {"caribbean-boat-strikes"}),
    ("U.S. strike on semi-submersible off Ecuador's Manabí coast kills four", "", set()),
    ("Survivors of US strike on narco sub repatriated to Colombia and Ecuador", "",
     {"caribbean-boat-strikes"}),
])


ENTITY_CASES["entity_rules_from_blind43"] = [
    # a space percent-encoded between letters, as an encoded title leaks it
    ("Tren%20de%20Aragua recruiters target migrants in Bogotá shelters", "", {"tren-de-aragua"}),
    # a nickname opens its quotation with an article: somebody else's
    ('Capturan a "El Maduro", ladrón de cajeros en Barquisimeto', "", set()),
    ("El Maduro de siempre: discurso en Caracas", "", {"nicolas-maduro"}),
    # ... in small letters too, as the Spanish press writes an alias (blind185)
    ("Cae alias «el Trump», vendedor de droga en Ciudad Obregón", "", set()),
    ("Detienen en Zapopan a un jefe de plaza del CJNG apodado «el Rubio»", "", {"cjng"}),
    # the Islamic State's West African province by its acronym, as most writers label it
    ("Borno governor says Boko Haram and ISWAP split over ransom money", "",
     {"boko-haram", "isis"}),
]


@pytest.mark.parametrize(("title", "summary", "content", "expected"), [
    # a phrase of two words does not run across a sentence's end ("crews. Struck." is no
    # workers' strike)
    ("Morning brief", "", "The gang moved cocaine for Tren de Aragua crews.\nStruck. US "
     "Southern Command hit a boat north of the Araya peninsula.", {"caribbean-boat-strikes"}),
    ("Dock crews strike in Puerto Cabello over unpaid wages", "", "", set()),
    ("RT @realDonaldTrump: ANOTHER NARCO BOAT BLOWN OUT OF THE WATER OFF VENEZUELA", "", "",
     {"caribbean-boat-strikes"}),
])
def test_topic_rules_from_blind43(title: str, summary: str, content: str,
                                  expected: set[str]) -> None:
    found = {t.topic_id for t in MATCHER.match(
        {"title": title, "summary": summary, "content": content}).topics}
    assert found == expected


ENTITY_CASES["entity_rules_from_blind44"] = [
    # a Cyrillic letter drawn like a Latin one, inside a Latin word; a Cyrillic word stays
    ("Célula del Estado Islámi\u0441o cae en Tarragona", "", {"isis"}),
    ("\u041f\u0443\u0442\u0438\u043d \u0438 \u041c\u0430\u0434\u0443\u0440\u043e", "", set()),
    # the gang's acronym beside one of its people
    ("Carabineros detienen en Arica a un cabecilla del TdA buscado en Perú", "",
     {"tren-de-aragua"}),
    ("TdA: la nueva app de tareas para el aula", "", set()),
]


TOPIC_CASES["topic_rules_from_blind44"] = (None, [
    # the Caribbean's islands by other names; Lake Chad's fishermen are another war's
    ("EUA metralham e afundam lancha rápida perto das ilhas do Rosário, na Colômbia", "",
     {"caribbean-boat-strikes"}),
    ("Opinion | The killings at sea near Las Aves need a legal answer", "",
     {"caribbean-boat-strikes"}),
    ("Militants attack fishermen on Lake Chad islands", "Smuggling income is at stake.", set()),
    # a group "designated by the US": the participle with its agent tells the listing
    ("Condena en Chicago por apoyo material al Cártel del Pacífico, designado por EE.UU.", "",
     {"fto-designation"}),
    ("Bancos cierran cuentas de un cártel designado en Toluca", "", set()),
])


ENTITY_CASES["entity_rules_from_blind45"] = [
    # a Greek or Cyrillic capital drawn like a Latin one inside a Latin acronym; a Greek word
    # of its own stays Greek
    ("Soldiers clash with CJ\u039dG cell near Lagos de Moreno", "", {"cjng"}),
    ("Detienen a 9 integrantes de la \u041cS-13 en San Miguel", "", {"ms-13"}),
    ("\u039f \u039c\u0391\u0394\u039f\u03a5\u03a1\u039f \u03c3\u03c4\u03bf "
     "\u039a\u03b1\u03c1\u03ac\u03ba\u03b1\u03c2", "", set()),
    # Boko Haram's own acronym, beside its region; the Swedish jet is something else
    ("JAS raid on Gwoza market kills 12, Borno officials say", "", {"boko-haram"}),
    ("Saab delivers two more JAS 39 Gripen jets to Thailand", "", set()),
]


TOPIC_CASES["fto_rules_from_blind45"] = (None, [
    # a US conviction of a listed group's man for supporting terrorists, or for terrorism
    ("Jurado de Houston condena a un piloto del Cártel del Golfo por apoyo a terroristas", "",
     {"fto-designation"}),
    ("Tren de Aragua recruiter convicted of terrorism in Denver federal court", "",
     {"fto-designation"}),
    # a charge of terrorism alone, or an extradition to face one, is not enough; nor is a
    # Mexican case
    ("Extraditan a EE.UU. a un jefe del CJNG", "Enfrentará cargos de terrorismo en Chicago.",
     set()),
    ("Fiscalía mexicana condena por terrorismo a dos sicarios del CJNG en Guadalajara", "",
     set()),
    # the listing's statute by its number, told with terror or the act; another section 219
    ("Under Section 219, the State Department adds a Haitian gang to the terror rolls", "",
     {"fto-designation"}),
    ("Section 219 of the Companies Act: what directors must disclose", "", set()),
    # the status in quotes, unless the acronym is a fair-trade one; a blacklist by its name
    ("Explainer: what 'FTO' status means for money transfers to Venezuela", "",
     {"fto-designation"}),
    ("Growers say the FTO label of Fair Trade Organic lifted coffee prices", "", set()),
    ("Washington suma a la banda Los Lobos a su lista negra antiterrorista", "",
     {"fto-designation"}),
    ("Foram rotuladas como terroristas pelos EUA: as facções e o que vem agora", "",
     {"fto-designation"}),
])


TOPIC_CASES["strike_rules_from_blind45"] = (None, [
    # other verbs of the strikes: sinking, an explosion, a boat ablaze, blown to bits
    ("Pentagon: US forces are sinking more boats off Venezuela each week", "",
     {"caribbean-boat-strikes"}),
    ("Video shows narco boat blown to bits near Aruba", "", {"caribbean-boat-strikes"}),
    ("Pentágono divulga explosão de lancha perto de Curaçao", "", {"caribbean-boat-strikes"}),
    # a launch sunk by the US is a boat; a missile launch is not
    ("US sinks a launch off Paraguaná, two dead", "", {"caribbean-boat-strikes"}),
    ("US missile launch test from Vandenberg delayed by weather near Venezuela talks", "",
     set()),
    # the boatmen killed, and a Caribbean coast named by its towns
    ("Funeral in Güiria for lancheros killed by US missiles", "", {"caribbean-boat-strikes"}),
    ("Dron estadounidense hunde una piragua frente a Necoclí", "", {"caribbean-boat-strikes"}),
    # a strike on the Pacific side named by its gulf; a fire at a dock; a game
    ("Ataque estadounidense a una lancha frente a Puntarenas", "", set()),
    ("Incendio destruye seis lanchas en un muelle de Santa Marta", "", set()),
    ("'Narco Strike' video game about boat attacks in the Caribbean tops the charts", "", set()),
])


@pytest.mark.parametrize(("title", "expected"), [
    # a list of names sharing one plural, after it or before it
    ("Los cárteles de Sinaloa, Jalisco Nueva Generación, del Golfo y del Noreste, un año después",
     {"sinaloa-cartel", "cjng", "gulf-cartel", "cartel-del-noreste"}),
    ("The Sinaloa, Gulf and Northeast cartels a year on the list",
     {"sinaloa-cartel", "gulf-cartel", "cartel-del-noreste"}),
    ("Os cartéis de Sinaloa, do Golfo e do Nordeste mudam de rotas",
     {"sinaloa-cartel", "gulf-cartel", "cartel-del-noreste"}),
    # ... an unwatched name breaks the list: no guess at which names it shares
    ("Los cárteles de Sinaloa, Tijuana y del Golfo", set()),
    # names and nicknames the press uses; another's nickname is not his
    ("El cártel sinaloense abre una ruta por Sonora", {"sinaloa-cartel"}),
    ("El «cártel de las cuatro letras» ataca en Michoacán", {"cjng"}),
    ("La Salvatrucha pierde terreno en San Miguel", {"ms-13"}),
    ("Superbigote returns to the campaign trail in Caracas", {"nicolas-maduro"}),
    ("'Little Marco' now runs the State Department", {"marco-rubio"}),
    ("The Donald's oil gamble in the Orinoco", {"donald-trump"}),
    ("'Trump dos Trópicos' volta a discursar em Goiânia", set()),
    # the cardiology trials are not the group; a Brazilian bid-rigging ring is no cartel
    ("ISIS-2 at 40: aspirin after a heart attack", set()),
    ("MPF denuncia 'cartel do Nordeste' em licitações de merenda", set()),
])
def test_entity_rules_from_blind46(title: str, expected: set[str]) -> None:
    assert entities(title, "") == expected


@pytest.mark.parametrize(("title", "expected"), [
    # another legislature's or the EU's terror list, another country's reinforced listing
    ("Venezuela's legislature declares the US Navy a 'terrorist organization'", set()),
    ("Parlamento Europeu pede inclusão do Hamas na lista de terroristas da UE", set()),
    ("Nigéria reforça classificação do IPOB como grupo terrorista", set()),
    # the strike told with 'destroza', off the Dominican and Honduran coasts; Mexico's Pacific
    ("Ataque estadounidense destroza una lancha al norte de Samaná", {"caribbean-boat-strikes"}),
    ("Dron estadounidense ataca una yola frente a La Ceiba", {"caribbean-boat-strikes"}),
    ("US drone struck a narco-sub off Mazatlán, Mexico's navy says", set()),
])
def test_topic_rules_from_blind46(title: str, expected: set[str]) -> None:
    assert topics(title, "") == expected


def test_a_relative_and_a_quoted_nickname_are_other_people(tmp_path: Path) -> None:
    """A person's name followed by a generational suffix no alias has ('Osmar Pimenta Neto')
    is a relative; a name word in quotes right before another capitalised name ('al "Toro"
    Gutiérrez') is that person's nickname; the entity's own suffixed alias still counts."""
    matcher = compile_yaml(tmp_path, (
        "watchlist: ring\nentities:\n"
        "  - {id: pimenta, name: Osmar Pimenta, type: person, priority: critical,\n"
        "     aliases: [Osmar Pimenta, Osmar Pimenta Filho]}\n"
        "  - {id: toro, name: Wilson Toro, type: person, priority: high,\n"
        "     aliases: [Wilson Toro, {alias: Toro, case: capitalized}]}\n"))

    def found(title: str) -> set[str]:
        return {e.entity_id for e in matcher.match({"title": title}).entities}

    assert found("Osmar Pimenta Neto, the boss's son, is charged too") == set()
    assert found("Osmar Pimenta Filho is charged") == {"pimenta"}
    assert found("Osmar Pimenta is charged, and his son too") == {"pimenta"}
    assert found('Detienen al "Toro" Gutiérrez, líder de una banda en Beni') == set()
    assert found('El "Toro" vendía ganado robado, dice la fiscalía') == {"toro"}
    assert found("Police arrest Toro in Santa Cruz") == {"toro"}
    trace = "\n".join(matcher.explain({"title": "Osmar Pimenta Neto is charged"}))
    assert "a relative of the same name" in trace


@pytest.mark.parametrize(("title", "expected"), [
    # the gang's acronym beside a police force or a killing; Trump's Spanish nickname
    ("Policía de Lima vincula al TdA con el asesinato de un taxista", {"tren-de-aragua"}),
    ('"El Donald" vuelve a hablar de Groenlandia', {"donald-trump"}),
    ("Rubio to tour the Panama Canal locks", {"marco-rubio"}),
])
def test_entity_rules_from_blind47(title: str, expected: set[str]) -> None:
    assert entities(title, "") == expected


@pytest.mark.parametrize(("title", "expected"), [
    # the roster of terrorist groups; a plea to terrorism financing
    ("State Department adds a Haitian gang to its foreign terrorist roster", {"fto-designation"}),
    ("Laredo trucker pleads to terrorism financing for the Gulf Cartel", {"fto-designation"}),
    # the US as the strike's subject, its missile or drone; the places it strikes by
    ("EE.UU. ataca otra lancha frente a Güiria", {"caribbean-boat-strikes"}),
    ("Un dron estadounidense destruye un bote frente a Jacmel", {"caribbean-boat-strikes"}),
    ("Misil de EE.UU. destroza una lancha frente a Isla Fuerte", {"caribbean-boat-strikes"}),
    ("EE.UU. ataca otra lancha frente a Oaxaca", set()),
])
def test_topic_rules_from_blind47(title: str, expected: set[str]) -> None:
    assert topics(title, "") == expected


@pytest.mark.parametrize(("title", "expected"), [
    # Portugal's Portuguese names, the Portuguese given name; a ripe banana; a theatre's CDN
    ('Polícia detém em Braga membros do chamado "Comboio de Aragua"', {"tren-de-aragua"}),
    ("Julgamento de Nicolau Maduro adiado", {"nicolas-maduro"}),
    ("CAMBUR MADURO, A PRECIO DE ORO", set()),
    ("El CDN estrena en Madrid una obra de Lorca", set()),
])
def test_entity_rules_from_blind48(title: str, expected: set[str]) -> None:
    assert entities(title, "") == expected


@pytest.mark.parametrize(("title", "expected"), [
    # a listed group with the label as an apposition; the American list of terrorists
    ("Empresário acusado de lavar dinheiro para o Cartel do Golfo, organização terrorista",
     {"fto-designation"}),
    ("Bancos angolanos estudam a lista americana de terroristas", {"fto-designation"}),
    # another government's own label
    ('Gobierno interino declara "terroristas" a los colectivos de Caracas', set()),
    # a falca and a semirrígida struck, off the Venezuelan and Nicaraguan Caribbean
    ("EUA afundam uma semirrígida perto de Pampatar", {"caribbean-boat-strikes"}),
    ("Ataque estadounidense contra una falca frente a Laguna de Perlas",
     {"caribbean-boat-strikes"}),
])
def test_topic_rules_from_blind48(title: str, expected: set[str]) -> None:
    assert topics(title, "") == expected


@pytest.mark.parametrize(("title", "expected"), [
    # "la MS" with gang words; CDG in a Tamaulipas town; Rubio's other office and Guyana
    ("Capturan a tres pandilleros de la MS en San Miguel", {"ms-13"}),
    ("La MS cobraba extorsión a comerciantes de Soyapango", {"ms-13"}),
    ("Detienen en Valle Hermoso a un jefe de plaza del CDG", {"gulf-cartel"}),
    ("Vuelos retrasados en CDG por una huelga de controladores", set()),
    ("El asesor de Seguridad Nacional Rubio habla de Caracas", {"marco-rubio"}),
    ("Rubio lands in Guyana for talks on the border dispute", {"marco-rubio"}),
    # a verb that opens a Mexican headline is not a first name
    ("Exige Trump a México entregar a más capos", {"donald-trump"}),
    ("Fred Trump's house sold", set()),
    # another translation of "Nueva"; "de" for "del"
    ("Jalisco Next Generation Cartel opens a new route", {"cjng"}),
    ("Cartel de Noreste boss captured near Nuevo Laredo", {"cartel-del-noreste"}),
])
def test_entity_rules_from_blind49(title: str, expected: set[str]) -> None:
    assert entities(title, "") == expected


@pytest.mark.parametrize(("title", "expected"), [
    # the Portuguese present plural of the listing verb; the blowing up of a boat as a noun
    ("EUA designam o Cartel do Golfo como organização terrorista", {"fto-designation"}),
    ("Trump celebra la voladura de una narcolancha frente a Sucre", {"caribbean-boat-strikes"}),
])
def test_topic_rules_from_blind49(title: str, expected: set[str]) -> None:
    assert topics(title, "") == expected


@pytest.mark.parametrize(("title", "expected"), [
    # a letter masked by "*" or "@", read back where one vowel makes a watched name
    ("Tr*mp firma otro decreto", {"donald-trump"}),
    ("M@duro's lawyers ask for a delay", {"nicolas-maduro"}),
    ("Write to press@state.gov", set()),
    # Cyrillic capitals in a word that has a Latin letter, not beside it
    ("Воkо Haram attack in Borno", {"boko-haram"}),
    # ... and Cyrillic shha for an h, small and capital
    ("Dron de los һutíes alcanza a un petrolero frente a Yemen", {"houthis"}),
    ("ҺOUTHI DRONE HITS A TANKER OFF YEMEN", {"houthis"}),
    # the Southern Command with "del"; a ripe tomato
    ("El Comando del Sur de EE.UU. dona radares", {"us-southern-command"}),
    ("TOMATE MADURO SOBE NAS FEIRAS", set()),
])
def test_entity_rules_from_blind50(title: str, expected: set[str]) -> None:
    assert entities(title, "") == expected


ENTITY_CASES["entity_rules_from_blind51"] = [
    # what `tput sgr0` writes, its escapes dropped, around a name
    ("(B[mGulf Cartel(B[m plaza chief in Matamoros sentenced", "", {"gulf-cartel"}),
    # Spanish spellings of the Houthis with a z or an ou
    ("Los rebeldes huzíes liberan a la tripulación", "", {"houthis"}),
    ("Los houtíes reivindican otro ataque", "", {"houthis"}),
    # the sitting president's account; Rubio in Haiti; an IS plot; the Gulf Cartel's plaza boss
    ("@POTUS thanks Trinidad's prime minister", "", {"donald-trump"}),
    ("Rubio llega a Puerto Príncipe para reunirse con el consejo haitiano", "", {"marco-rubio"}),
    ("ISIS PLOT FOILED AT STADIUM SHOW, FEDS SAY", "", {"isis"}),
    ("Ex-CDG plaza boss pleads guilty in cocaine case", "", {"gulf-cartel"}),
    # ... not the Paris airport's cocaine seizures
    ("French customs at CDG seize cocaine in suitcases", "", set()),
    # the command told by the towns and coasts of its region, and Venezuela's defence minister
    ("Padrino López acusa al Comando Sur de espiar la costa de Paria", "",
     {"us-southern-command"}),
    ("Southern Command doctors treat 4,000 patients in Port Antonio", "",
     {"us-southern-command"}),
    ("Southren Command general visits Homestead reserve base", "", {"us-southern-command"}),
    # "Marcos", a common slip for his first name, with his context; not without it
    ("Marcos Rubio, secretario de Estado, anuncia nuevas designaciones", "", {"marco-rubio"}),
    ("Marcos Rubio marca dos goles en Sevilla", "", set()),
]


TOPIC_CASES["topic_rules_from_blind51"] = (None, [
    # a boat sent to the bottom, torched; runabouts and cocaine runners; the Dominican
    # Republic by its adjective; plural listings
    ("Fuerzas estadounidenses mandan a pique un bote al sur de Barahona", "",
     {"caribbean-boat-strikes"}),
    ("American gunship torched cigarette boat in Golfo de Venezuela", "",
     {"caribbean-boat-strikes"}),
    ("SOUTHCOM: twin-outboard runabout destroyed in strike north of Araya peninsula", "",
     {"caribbean-boat-strikes"}),
    ("Fishers on edge after US warplanes sink suspected cocaine runner", "",
     {"caribbean-boat-strikes"}),
    ("US aircraft strike fiberglass boat near Isla Beata", "The Dominican navy took the survivors.",
     {"caribbean-boat-strikes"}),
    ("Trucking firms vet drivers after Cartel del Noreste and Gulf Cartel listings", "",
     {"fto-designation"}),
    # a shipwreck in bad weather is no strike; a strike's survivor ("náufrago") is no shipwreck
    ("Naufraga un pesquero dominicano frente a Montecristi por el mal tiempo",
     "Se hundió por el oleaje; la Armada rescató a siete tripulantes.", set()),
    ("Un náufrago del bombardeo en el Caribe declara ante la fiscalía",
     "Sobrevivió al ataque militar de EE.UU. contra una lancha con cocaína.",
     {"caribbean-boat-strikes"}),
    # from the misses the earlier sets still held: boats blown up ("volando lanchas") by a US
    # actor, not paper boats; shredded; "mais barcos no fundo do mar"; Trinidad in Portuguese
    ('Trump: "Seguiremos volando lanchas mientras sigan saliendo de Venezuela"', "",
     {"caribbean-boat-strikes"}),
    ("Los niños volando barcos de papel en Caracas", "", set()),
    ("US forces shred speedboat off Tucacas", "", {"caribbean-boat-strikes"}),
    ('Presidente Trump promete "mais barcos no fundo do mar" até o tráfico parar no Caribe', "",
     {"caribbean-boat-strikes"}),
    ("Lancha rápida destruída por míssil norte-americano a norte de Trindade", "",
     {"caribbean-boat-strikes"}),
])


@pytest.mark.parametrize(("title", "expected"), [
    # a ripe plantain in a Title Case headline; a mall named Southcom
    ("Sweet Maduro Plantain Prices Climb as Ecuador Shipments Lag", set()),
    ("Southcom Mall in Pretoria reopens after flood repairs", set()),
    # a nationality adjective after a lone surname is no part of a name; another surname is
    ("Pro-Trump Venezuelan voters in Weston cheer capture anniversary", {"donald-trump"}),
    ("Fans of Trump Wilson cheer at the county golf final", set()),
])
def test_entity_rules_from_blind52(title: str, expected: set[str]) -> None:
    assert entities(title, "") == expected


@pytest.mark.parametrize(("title", "expected"), [
    # motorboats, knocked out; a heart attack aboard is no strike
    ("Hegseth: US forces knocked out two narco motorboats off Punto Fijo overnight",
     {"caribbean-boat-strikes"}),
    ("Turista sufre un ataque cardíaco en un catamarán en Punta Cana y muere", set()),
    # a jihadist group's listing; a group listed "as terrorists" (another country's: no)
    ("State Department adds new aliases to ISIS listing", {"fto-designation"}),
    ("Al-Qaeda's listing turns 27 as State Department reviews older designations",
     {"fto-designation"}),
    ("US hits two more boats as State Department lists Venezuelan smuggling ring as terrorists",
     {"caribbean-boat-strikes", "fto-designation"}),
    ("Ecuador lists the gang as terrorists", set()),
])
def test_topic_rules_from_blind52(title: str, expected: set[str]) -> None:
    assert topics(title, "") == expected


TOPIC_CASES["topic_rules_from_blind53"] = (None, [
    # barges; a strike told in the sea with a craft anywhere; a strike in international waters
    # on a craft; the US confirming a strike (no region, no drugs named)
    ("US missile destroys a barge off the Venezuelan coast", "", {"caribbean-boat-strikes"}),
    ("Lanza del Sur: destruida otra gabarra cerca de Puerto La Cruz", "",
     {"caribbean-boat-strikes"}),
    ("Third strike in the southern Caribbean this week",
     "Officials said two men on the speedboat were killed.", {"caribbean-boat-strikes"}),
    ("Skiff struck in international waters; four dead",
     "The craft was hit about 60 miles north of Aruba.", {"caribbean-boat-strikes"}),
    ("Washington confirma ataque contra un bote; no hubo sobrevivientes", "",
     {"caribbean-boat-strikes"}),
    ("Estados Unidos confirma ataque a una lancha frente a Limón", "",
     {"caribbean-boat-strikes"}),
    # not strikes: a fish striking a bait, a boat striking a footbridge or rocks, a general
    # strike that keeps boats in port
    ("Sailfish strikes lift a slow season for Aruba charter boats", "", set()),
    ("Rowing boat strikes footbridge on the Caribbean coast of Colombia", "", set()),
    ("General strike in the Caribbean island keeps ferry boats in port", "", set()),
    # the crimes the listing creates, said of a listed group, and the State Department's act;
    # not the support of victims, nor a group with no listing
    ("Dos miembros del Tren de Aragua, acusados de apoyo a una organización terrorista", "",
     {"fto-designation"}),
    ("Bank flags payments to the CJNG as possible terrorist financing", "",
     {"fto-designation"}),
    ("Court hears challenge to how the State Department designated the Cartel of the Suns", "",
     {"fto-designation"}),
    ("Fundación de apoyo a las víctimas del terrorismo visita Sinaloa", "", set()),
    # another body asking that groups be treated as terrorists is not the US listing
    ("Deputado quer que facções sejam tratadas como grupos terroristas", "", set()),
])


ENTITY_CASES["entity_rules_from_blind53"] = [
    # a goalkeeper who shares the secretary's full name; the secretary meeting a president
    ("Marco Rubio saves a penalty in his first start", "The goalkeeper, 20, kept a clean sheet.",
     set()),
    ("Rubio viaja a Panamá para reunirse con el presidente Mulino", "", {"marco-rubio"}),
    ("Rubio lands in Santo Domingo for talks with President Abinader", "", {"marco-rubio"}),
]


TOPIC_CASES["topic_rules_from_blind54"] = (None, [
    # the US as the subject of any attack verb; boats blown to pieces or into the air;
    # sailboats and Colombia's "voladora"; more places of the region
    ("EE. UU. manda a pique una lancha frente a Morón", "", {"caribbean-boat-strikes"}),
    ("Pescadores de Taganga: el bote que EE.UU. hizo pedazos llevaba a dos vecinos", "",
     {"caribbean-boat-strikes"}),
    ("La narcolancha que Estados Unidos hizo saltar por los aires", "",
     {"caribbean-boat-strikes"}),
    ("US strike hits a sailboat near Saba; two dead", "", {"caribbean-boat-strikes"}),
    ("Ataque de EE.UU. contra una voladora cerca de Cabo de la Vela", "",
     {"caribbean-boat-strikes"}),
    # a ship's anchor striking a cable is no strike
    ("Anchor strike from a freighter cuts an undersea cable off Martinique", "", set()),
    # the listing in a social post's abbreviation; support of terror, hyphenated; a group
    # said to be designated soon; material support to a listed jihadist group
    ("The US listed the gang as a terrorist org last year", "Tren de Aragua members face "
     "new charges.", {"fto-designation"}),
    ("Texas woman pleads guilty in terror-support case tied to the CJNG", "",
     {"fto-designation"}),
    ("Official says two more cartels will be designated soon", "", {"fto-designation"}),
    ("Jovem é acusado de apoio material ao Estado Islâmico", "", {"fto-designation"}),
])


@pytest.mark.parametrize(("title", "expected"), [
    # the Suns without their article; the gang's number spelt out
    ("Defector describes 'Cartel of Suns' payroll to jurors", {"cartel-de-los-soles"}),
    ("Honduras extradites three 'MS Trece' leaders", {"ms-13"}),
])
def test_entity_rules_from_blind54(title: str, expected: set[str]) -> None:
    assert entities(title, "") == expected


TOPIC_CASES["topic_rules_from_blind55"] = (None, [
    # a strike told in the Pacific is another campaign's, even with the Caribbean named apart
    # from it; "strikes in the Caribbean and the Pacific" and smugglers moving to the Pacific
    # are the campaign's
    ("Pentagon confirms a strike on a skiff in the eastern Pacific",
     "No Caribbean operation was reported this week.", set()),
    ("Ataque de EE.UU. contra una lancha cerca de la isla de Coiba", "", set()),
    ("US strikes in the Caribbean and the eastern Pacific have killed 90",
     "The strikes hit boats said to carry drugs.", {"caribbean-boat-strikes"}),
    ("Boat strikes drive smugglers toward Pacific routes",
     "US attacks on drug boats in the Caribbean go on.", {"caribbean-boat-strikes"}),
    # schooners and sloops, sent to the bottom, charred, burst into flames
    ("Schooner sent to the bottom by US forces off Carenero", "", {"caribbean-boat-strikes"}),
    ("Míssil dos EUA carboniza balandra perto de Chirimena", "", {"caribbean-boat-strikes"}),
    ("Fishers saw a speedboat burst into flames after a US drone passed",
     "Grenadian crews said it happened north of Carriacou.", {"caribbean-boat-strikes"}),
    # a plea is no country's declaration; FTO beside Greek shipowners is the list; Venezuela's
    # own list is not the US's
    ("Venezolano se declara culpable de apoyo material al Tren de Aragua, designado por EE.UU.",
     "", {"fto-designation"}),
    ("Greek shipowners told Houthi payments may breach FTO sanctions", "",
     {"fto-designation"}),
    ("Caracas amplía su lista venezolana de grupos terroristas",
     "La lista es distinta de la de Washington.", set()),
])


TOPIC_CASES["topic_rules_from_blind56"] = (None, [
    # longliners; a group that "ahora es terrorista"; the listing's anniversary as the group's
    # time as terrorists
    ("Relatives: a longliner's crew died in a US strike north of La Blanquilla", "",
     {"caribbean-boat-strikes"}),
    ("Migrantes dicen que les preguntaban por el Tren de Aragua porque ahora es terrorista", "",
     {"fto-designation"}),
    ("Un año como terroristas: el Cártel del Noreste sigue cobrando cuotas", "",
     {"fto-designation"}),
])


def test_a_not_before_word_that_opens_a_hyphenated_compound_is_no_word_of_its_own() -> None:
    """'Co' after a group's name is a company ("Sinaloa Cartel Co."); "co-founder" is not."""
    assert entities("The Sinaloa Cartel co-founder faces life in prison") == {"sinaloa-cartel"}
    assert entities("Sinaloa Cartel Co. sells branded hats online") == set()


TOPIC_CASES["topic_rules_from_blind57"] = (None, [
    # one US strike with "military" between, told off Venezuela or in the Caribbean sea; the
    # plural named in passing stays the campaign's context, not a strike reported
    ("Two dead in US military strike near Isla de Coche, officials say", "",
     {"caribbean-boat-strikes"}),
    ("Sobrevivente relata ataque militar dos EUA na costa da Venezuela", "",
     {"caribbean-boat-strikes"}),
    ("Hegseth praises crews after latest strike off the Venezuelan coast", "",
     {"caribbean-boat-strikes"}),
    # "no survivors" counts the crew; Navassa is on the sea; Ecuador's Manta is the Pacific
    ("US confirms no survivors after strike west of Navassa", "", {"caribbean-boat-strikes"}),
    ("EE.UU. confirma ataque contra una lancha frente a Manta", "", set()),
    # the group before its status, the Portuguese "como grupo terrorista"; another country
    # ratifying its own listing is not the US's
    ("Washington mantém o Cartel dos Sóis como grupo terrorista", "", {"fto-designation"}),
    ("Rubio: el Tren de Aragua sigue siendo terrorista", "", {"fto-designation"}),
    ("Ecuador ratifica al Tren de Aragua como grupo terrorista", "", set()),
    # material support to a listed cartel; the Treasury's own finding is a sanctions list
    ("Transportistas temen que pagar al Cártel del Golfo sea apoyo material", "",
     {"fto-designation"}),
    ("Treasury says the network gave material support to the cartel", "", set()),
    # the listing as a compound adjective; the designation of a jihadist group in Spanish
    ("Gunmen tied to a terror-listed cartel arrested in Reynosa", "", {"fto-designation"}),
    ("La designación del Estado Islámico en Somalia frena la ayuda", "",
     {"fto-designation"}),
    # ... not another country ruling out its own
    ("Petro descarta la designación de Hezbolá", "", set()),
])


ENTITY_CASES["entity_rules_from_blind57"] = [
    # a tower with his name in Spanish word order; a clinic's vaccination days under "CDS"; a
    # university's student system called ISIS; a cigar's maduro wrapper
    ("Venden los últimos pisos de la torre Trump de Panamá", "", set()),
    ("El CDS de Culiacán extiende su jornada de vacunación", "", set()),
    ("ISIS enrollment portal down for the second day, students say", "", set()),
    ("10 best maduro-wrapped cigars to gift this year", "", set()),
    ("Maduro sends envoy to Havana", "", {"nicolas-maduro"}),
]


TOPIC_CASES["topic_rules_from_blind58"] = (None, [
    # an explainer's designation, told apart from the group and the US; not an appointment
    ("Why the Gulf Cartel still matters", "Washington designated the group in 2025, and its "
     "factions still fight over Reynosa.", {"fto-designation"}),
    ("El canciller Rubio y su vieja cruzada contra los Soles", "Como senador pidió durante "
     "años castigar a la red de militares venezolanos. Como jefe de la diplomacia "
     "estadounidense, firmó la designación en noviembre.", {"fto-designation"}),
    ("EE.UU. y el Cártel del Golfo", "La designación del nuevo fiscal antidrogas llega en "
     "medio de la disputa.", set()),
    ("Víctimas demandan a bancos por cárteles", "La ley estadounidense permite demandar a "
     "quien ayude a una organización designada.", {"fto-designation"}),
    # the US's list of terrorists named as the US's; another country's local list; a veto of
    # "not a terrorist list"
    ("Como nasceu a lista de terroristas dos Estados Unidos", "", {"fto-designation"}),
    ("Emiratos añadieron seis nombres a su lista local de terroristas", "", set()),
    ("Verificación: negar visas a dos jueces no es una lista de terroristas",
     'Publicaciones dijeron que Washington los "declaró terroristas".', set()),
    # the campaign's second strike on survivors, in its sea; the campaign by its sea is the
    # US's own even beside a coast guard; a strike begun by workers over wages is a labour one
    ("The 'double tap' question, a year on", "The second strike killed two men clinging to "
     "the wreck in the Caribbean.", {"caribbean-boat-strikes"}),
    ("Why doesn't the Coast Guard board them? Questions on the Caribbean strikes", "",
     {"caribbean-boat-strikes"}),
    ("Dockers in Trinidad began a strike on Monday over wages", "Ships waited offshore.",
     set()),
])


ENTITY_CASES["entity_rules_from_blind58"] = [
    # ripe food opening a title is no Maduro; a Portuguese "Se" opens a sentence before him
    ("Maduro e macio: o abacate que chega antes do tempo", "", set()),
    ("Opinião: o presidente americano Trump erra", "Se Trump pode mandar, pergunta o autor, "
     "quem o impede?", {"donald-trump"}),
    # a woman named Isis before her surname, in sentence case
    ("Terror court names new defendants", "A lawyer, Isis Gamal, was among them.", set()),
]


TOPIC_CASES["topic_rules_from_blind59"] = (None, [
    # the US as the subject of a sinking verb, in no named region; a US destroyer is a ship
    ("Familia de Clarines dice que EE.UU. hundió la lancha de su hijo", "",
     {"caribbean-boat-strikes"}),
    ("US destroyer trails Iranian fast boats in the Gulf", "", set()),
    # the command's own strike; places on the Guajira and Anzoátegui coasts
    ("Guardacostas de Curazao hallan restos tras un ataque del Comando Sur cerca de Venezuela",
     "", {"caribbean-boat-strikes"}),
    ("Comunidad de Manaure pide respuestas por la lancha volada en la costa", "",
     {"caribbean-boat-strikes"}),
    # lightning setting a boat on fire; a fishing tournament's first strike
    ("Un rayo incendia un bote pesquero frente a La Guajira", "", set()),
    ("Bonaire wahoo tournament: first strike came at dawn for the boat Salt Life", "", set()),
    # a group "now a terrorist group", in capitals; another government's decree
    ("CAN BARS STILL PAY THE CJNG NOW IT'S A TERRORIST GROUP?", "", {"fto-designation"}),
    ("Gobierno dominicano declara terrorista a una pandilla por decreto", "", set()),
])


TOPIC_CASES["topic_rules_from_blind60"] = (None, [
    # the US's list by name beside a listed group; sharing a list with the jihadists; what a
    # group "seguirá siendo"; the listing a year apart from its group
    ("O que a lista americana diz do Cartel de Sinaloa", "", {"fto-designation"}),
    ("Cartéis mexicanos passam a dividir lista com o Estado Islâmico", "",
     {"fto-designation"}),
    ("Rubio: el Tren de Aragua seguirá siendo terrorista", "", {"fto-designation"}),
    ("Al-Shabaab's 2008 listing still limits aid in Somalia", "", {"fto-designation"}),
    # material support a few words from the cartel; another union's list prolonged
    ("Pescadores temen cargos de «apoyo material» por pagar cuotas al Cártel del Golfo", "",
     {"fto-designation"}),
    ("UE prolonga a sua lista de grupos terroristas", "", set()),
    # the Pentagon confirming a new strike in Venezuelan waters; a chalana and a dory
    ("Pentágono confirma novo bombardeamento em águas venezuelanas", "",
     {"caribbean-boat-strikes"}),
    ("Misil de EE.UU. contra una chalana cerca de Los Testigos", "",
     {"caribbean-boat-strikes"}),
    ("US drone wrecks a dory off Chichiriviche, Pentagon says", "",
     {"caribbean-boat-strikes"}),
])


ENTITY_CASES["entity_rules_from_blind59_and_blind60"] = [
    # Portuguese spellings and word order of groups; a supercarrier in Spanish; the command's
    # hospital ship in Panama; Rubio's national-security title and his Caribbean stops
    ("Boko Harã sequestra estudantes no Borno", "", {"boko-haram"}),
    ("Cartel Nova Geração de Jalisco ataca a polícia", "", {"cjng"}),
    ("El superportaaviones Gerald Ford cambia de comandante", "", {"uss-gerald-r-ford"}),
    ("Buque hospital del Comando Sur atiende a 700 pacientes en Bocas del Toro", "",
     {"us-southern-command"}),
    ("El asesor de seguridad nacional Rubio visita Santo Domingo", "", {"marco-rubio"}),
    ("Rubio arrives in Port of Spain with radar for the coast guard", "", {"marco-rubio"}),
    # a dateline's "MS - 13" and a "13-year" study are no gang
    ("GULFPORT, MS - 13 boats join the blessing of the fleet", "", set()),
    ("MS 13-year cohort study links sleep and memory", "", set()),
    ("MS-13-linked crew arrested in Houston", "", {"ms-13"}),
]


TOPIC_CASES["topic_rules_from_blind61_and_blind62"] = (None, [
    # "los gringos" as the US; diminutive and Colombian boat words; "hace estallar"
    ("Dicen que los gringos hundieron un barquito de pescadores frente a Güiria", "",
     {"caribbean-boat-strikes"}),
    ("EE.UU. hace estallar un deslizador cerca de Aruba", "", {"caribbean-boat-strikes"}),
    # the US's list in slang, beside a listed group
    ("El Tren de Aragua en la lista gringa: qué cambia para los comerciantes", "",
     {"fto-designation"}),
])


ENTITY_CASES["entity_rules_from_blind61_and_blind62"] = [
    # another army's southern command; the RAE's "EE. UU."; typed apart
    ("Comando Sul do exército israelita troca de chefe", "", set()),
    ("El Comando del Sur de EE. UU. anuncia maniobras en Panamá", "",
     {"us-southern-command"}),
    ("south com posts another strike video", "", {"us-southern-command"}),
    # a cashtag is a ticker; a first name in small letters still names another Trump
    ("$TRUMP token jumps 12% after the weekend", "", set()),
    ("ivanka trump lanza una linea de joyas", "", set()),
    # a zero typed for an o, OCR's I for an l or a 1
    ("madur0 vuelve a pedir inmunidad en brooklyn", "", {"nicolas-maduro"}),
    ("U.S. S0UTHERN C0MMAND rotates marines to Puerto Rico", "", {"us-southern-command"}),
    ("Condenado a 30 años un líder de la MS-I3 en Houston", "", {"ms-13"}),
    ("A380 and G20 delegates arrive", "", set()),
    # a four or a three typed for an a or an e between letters (not a code's digits)
    ("M4duro lawyers file yet another motion", "", {"nicolas-maduro"}),
    ("Tr3n de Aragua gang members arrested in Denver", "", {"tren-de-aragua"}),
    ("H1N1 and MS13 wristbands seized at the border", "", {"ms-13"}),
    # the gang typed without its "de", with its doings; the railway stays a railway
    ("tren aragua members charged with extortion in denver", "", {"tren-de-aragua"}),
    ("tren aragua: reabre la estacion del ferrocarril", "", set()),
    # the adjective for a young person's maturity; ISIS recruiting
    ("ele é mto maduro pra idade dele", "", set()),
    ("isis recruta adolescentes pelas redes, alerta a europol", "", {"isis"}),
]


TOPIC_CASES["topic_rules_from_blind63"] = (None, [
    # the region's boat words; Caracas's "agresión imperial" as the US beside its own forces
    ("EE.UU. hunde una narcoplaneadora al norte de La Guajira", "", {"caribbean-boat-strikes"}),
    ("Pescadores de Güiria: los gringos reventaron una falúa anoche", "",
     {"caribbean-boat-strikes"}),
    ("FANB denuncia agresión imperial tras el ataque a un esquife frente a Los Testigos", "",
     {"caribbean-boat-strikes"}),
])


ENTITY_CASES["entity_rules_from_blind63"] = [
    # Curaçao's shipping house; a university's ISIS in Spanish; Rubio beside Mexico's president
    ("La naviera Maduro & Sons cumple 190 años en Willemstad", "", set()),
    ("Falla el sistema ISIS en plena inscripción de 20.000 estudiantes", "", set()),
    ("Rubio y Sheinbaum, una llamada a puerta cerrada", "", {"marco-rubio"}),
]


TOPIC_CASES["topic_rules_from_blind64_and_blind65"] = (STRIKES, [
    # the region's boat words: Venezuela's "motora" (a noun only), "bajel", "chinchorro",
    # "catraia", "jangada", inflatables, "narco" glued to more of them
    ("Un dron estadounidense fulminó una motora frente a Río Chico", "",
     {"caribbean-boat-strikes"}),
    ("Pentágono: dos muertos en ataque a un bajel sospechoso cerca de La Blanquilla", "",
     {"caribbean-boat-strikes"}),
    ("Forças norte-americanas atacam catraia suspeita de tráfico ao largo da Venezuela", "",
     {"caribbean-boat-strikes"}),
    ("Trump celebra que otra 'narcomotora' fue eliminada en aguas del Caribe", "",
     {"caribbean-boat-strikes"}),
    ("Ataque cerebral: la función motora tras la rehabilitación en Caracas", "", set()),
    # the US's strikes told as on traffickers in that sea; a drug boat blown out of the water;
    # a launch where people were killed, drugs named
    ("ÚLTIMA HORA: TRUMP ANUNCIA NUEVO GOLPE CONTRA NARCOS EN EL CARIBE", "",
     {"caribbean-boat-strikes"}),
    ("US blows another alleged drug boat out of the water off Venezuela", "",
     {"caribbean-boat-strikes"}),
    ("US forces kill four aboard suspected drug-running launch off Venezuela's Araya", "",
     {"caribbean-boat-strikes"}),
    ("Which munitions is the US using on Caribbean drug boats? Hellfires, mostly", "",
     {"caribbean-boat-strikes"}),
    # a strike off Mexico's Pacific port is another campaign's
    ("Pentagon: two killed in strike on trafficking boat off Mexico's Manzanillo", "", set()),
    # one survivor of a US missile, reaching an island of the region; not of a war elsewhere
    ("Sobreviviente de un misilazo estadounidense llega a la isla Saona aferrado a un bidón",
     "", {"caribbean-boat-strikes"}),
    ("US-made missile: a survivor of the strike on Kharkiv speaks from Ukraine", "", set()),
])


TOPIC_CASES["designation_rules_from_blind64_and_blind65"] = (DESIGNATION, [
    # a group's terrorist status is its listing; a transnational criminal organization is not
    ("Trump cites Tren de Aragua's terrorist status to justify new strikes", "",
     {"fto-designation"}),
    ("US designates Balkan cocaine gang a transnational criminal organization", "", set()),
])


ENTITY_CASES["entity_rules_from_blind64_and_blind65"] = [
    ("Sinaloan cartel's chemists moved to Sonora after raids, DEA says", "",
     {"sinaloa-cartel"}),
    ("Soyuz MS-13 capsule goes on display at German space museum", "", set()),
    # OCR's "rn" for an "m" in a long name (blind62's "Southern Cornmand")
    ("Southern Cornmand: lethal action on vessel in the Caribbean, 3 killed", "",
     {"us-southern-command"}),
]


TOPIC_CASES["topic_rules_from_blind66_and_blind67"] = (STRIKES, [
    # more of the region's boats, "narco" glued to any of them, a maritime target
    ("Míssil despedaça caíque com cocaína perto de Los Monjes", "", {"caribbean-boat-strikes"}),
    ("Trump celebra cuatro ataques a narcovoladoras en el Caribe", "",
     {"caribbean-boat-strikes"}),
    ("Un misil despedaza una nodriza cargada de cocaína frente a Los Monjes", "",
     {"caribbean-boat-strikes"}),
    ("Transcrição: «Aniquilamos mais um alvo marítimo no Caribe», disse o porta-voz", "",
     {"caribbean-boat-strikes"}),
    # a drone that knocks out or torches a boat; the command's strike told as a chyron
    ("Drone torches twin-engine boat north of Puerto Cabello; no survivors reported", "",
     {"caribbean-boat-strikes"}),
    ("SOUTHCOM | STRIKE #137 | CARIBBEAN | 2 KILLED", "", {"caribbean-boat-strikes"}),
    # "second attack" names the campaign's controversy only with a boat; a fishing
    # tournament's first strike; water-taxi operators on strike
    ("Boko Haram ataca aldeia perto de Maiduguri e mata 12",
     "O exército disse ter repelido um segundo ataque.", set()),
    ("El 'segundo ataque' que mató a náufragos", "Remató a dos supervivientes de la lancha.",
     {"caribbean-boat-strikes"}),
    ("Billfish tournament off La Romana: first strike comes at 7:40 a.m.",
     "Forty boats from five Caribbean islands took part.", set()),
    ("Water-taxi operators strike at Bocas del Toro over fuel prices", "", set()),
])


TOPIC_CASES["designation_rules_from_blind66_and_blind67"] = (DESIGNATION, [
    # the statute by number; the terrorist label after the group; Brazil's own bill
    ("State Department notifies Congress of Section 219 designation of Colombia's Clan del "
     "Golfo", "", {"fto-designation"}),
    ("Advogados de chefe do Cartel do Golfo contestam selo de terrorista em tribunal", "",
     {"fto-designation"}),
    ("Projeto quer classificar facções como terroristas",
     "A Câmara discute equiparar PCC e CV a grupos terroristas.", set()),
])


ENTITY_CASES["entity_rules_from_blind66_and_blind67"] = [
    ("Inauguran en Calcuta una torre de la marca Trump con 60 pisos", "", set()),
    ("MS 13 reopens near Columbia after bridge repairs", "Traffic moves on both lanes.", set()),
]


TOPIC_CASES["topic_rules_from_blind68_and_blind69"] = (STRIKES, [
    # a strike told at a coastal place with the dead, the US or a boat named; at a port city
    # only with the US or a boat (a gang's attack "near Cartagena" is on land)
    ("Correction: Tuesday's strike near Tucacas killed two, not three", "",
     {"caribbean-boat-strikes"}),
    ("Pentágono: ataque al noroeste de Los Roques", "", {"caribbean-boat-strikes"}),
    ("Ataque armado cerca de Cartagena deja dos muertos", "Sicarios dispararon contra un bar.",
     set()),
    # the campaign by its sea with words between; one strike so, with the dead named; not the
    # carrier's strike group sailing in, nor a medal
    ("Parlamento andino condena los ataques en aguas del mar Caribe", "",
     {"caribbean-boat-strikes"}),
    ("Three dead in strike in the southern Caribbean, officials say", "",
     {"caribbean-boat-strikes"}),
    ("Carrier strike group sails into the Caribbean", "The U.S. Navy confirmed the move.", set()),
    ("Israeli strikes on Gaza as Caribbean ministers meet Rubio", "", set()),
    ("Jamaican sprinters strike gold at Caribbean championships", "", set()),
    # the statements' words for a craft; a US missile in that sea; the command and a strike in
    # either order
    ("Ataque contra narcoartefacto deja cuatro muertos", "Lo informó el Pentágono.",
     {"caribbean-boat-strikes"}),
    ("Relatives say a U.S. missile in the Caribbean killed the lobster divers", "",
     {"caribbean-boat-strikes"}),
    ("Trump praises strike as SOUTHCOM posts footage from Isla de Aves", "",
     {"caribbean-boat-strikes"}),
    # lightning that "impacta" a boat is weather
    ("Un rayo impacta una lancha en Tolú; sin heridos", "", set()),
])


TOPIC_CASES["designation_rules_from_blind68_and_blind69"] = (DESIGNATION, [
    # a struck boat "affiliated with" or "operated by" a designated group is a strike item's
    # wording; a list whose groups are "none designated as an FTO"; another country that
    # "inscreve" a group
    ("SOUTHCOM strike hits vessel affiliated with a designated terrorist organization", "",
     set()),
    ("State Department updates the Terrorist Exclusion List",
     "Three groups are added; none is designated as an FTO.", set()),
    ("Nova Zelândia inscreve o Cartel de Sinaloa como organização terrorista", "", set()),
])


ENTITY_CASES["entity_rules_from_blind68_and_blind69"] = [
    # price-fixing rings and the oil market called a cartel; a railway; a pet; a savings
    # account; the town of Rubio; his race for the presidency
    ("Brussels fines 'Cartel of the Sun' of solar-glass makers", "They fixed prices for years.",
     set()),
    ("Competition watchdog fines Jalisco cartel of cement makers",
     "The antitrust ruling names five firms.", set()),
    ("Gulf cartel's production cut sends Brent higher", "", set()),
    ("Plan for an Aragua train line revived", "", set()),
    ("Salvatrucha, el perro que adoptó una comisaría", "", set()),
    ("How to open Trump accounts for newborns", "", set()),
    ("Inundaciones en Rubio, estado Táchira", "Venezuela pide ayuda a sus vecinos.", set()),
    ("Encuesta: Rubio lidera para las primarias de 2028", "", {"marco-rubio"}),
]


TOPIC_CASES["topic_rules_from_blind70_and_blind71"] = (STRIKES, [
    # people killed at a place of the coasts or islands, with the US, a boat or the sea named;
    # not a shooting in a coastal town with none of them
    ("Three fishermen slaughtered near Isla de Aves, families say", "",
     {"caribbean-boat-strikes"}),
    ("Dos muertos cerca de Chichiriviche tras el paso de un dron estadounidense", "",
     {"caribbean-boat-strikes"}),
    ("Tiroteo en una fiesta deja dos muertos cerca de Pampatar", "", set()),
    # the killings named with the sea and the US; the Caribbean campaign with its dead, not
    # the operation announced nor a column on "narco-terrorists"
    ("Senators call the Pentagon's killings in the Caribbean unlawful", "",
     {"caribbean-boat-strikes"}),
    ("Death toll of the Caribbean campaign passes 300", "", {"caribbean-boat-strikes"}),
    ("Pentágono anuncia la operación Lanza del Sur",
     "Su objetivo, dijo, es eliminar a los narcoterroristas.", set()),
    # a boat torn apart
    ("Video shows a go-fast ripped apart by a U.S. drone", "", {"caribbean-boat-strikes"}),
])


TOPIC_CASES["designation_rules_from_blind70_and_blind71"] = (DESIGNATION, [
    # the status the listing gives, told of a group or in a material-support case
    ("Deportations of MS-13 members cite the gang's status as a terrorist organization", "",
     {"fto-designation"}),
    ("Juicio por apoyo material: la fiscalía invoca la condición de organización terrorista "
     "del grupo", "", {"fto-designation"}),
])


ENTITY_CASES["entity_rules_from_blind70_and_blind71"] = [
    # the Sephardic surname, a neutron source's target station, a cricketer, a highway's
    # crash; the name his critics use
    ("Curaçao's synagogue records list Maduro among the oldest Sephardic families", "", set()),
    ("ISIS second target station gets its first beam", "", set()),
    ("Houthi's unbeaten 80 seals the cricket final", "", set()),
    ("MS 13 reopens after tanker truck rollover", "", set()),
    ("Drumpf, el villano favorito de los caricaturistas", "", {"donald-trump"}),
]


TOPIC_CASES["topic_rules_from_blind72_and_blind73"] = (STRIKES, [
    # a strike some miles off a Lesser Antilles island, or north "del" a cape; out at sea off
    # a coast's place; the sea's name before the strikes; the campaign by its purpose
    ("Strike 30 miles east of Saint Lucia draws protest from fishermen's union", "",
     {"caribbean-boat-strikes"}),
    ("Ataque al norte del cabo San Román deja dos muertos", "", {"caribbean-boat-strikes"}),
    ("Residents of Tucacas saw flames after a night strike offshore", "",
     {"caribbean-boat-strikes"}),
    ("Caribbean sea strikes: what the region's leaders said", "", {"caribbean-boat-strikes"}),
    ("Navy jets flew 60 sorties for counter-drug strikes, report says",
     "The carrier left the Caribbean in March.", {"caribbean-boat-strikes"}),
    # a smugglers' submersible by its acronym, a canoe burnt to ashes; a strike told beside a
    # search-and-rescue region is still one
    ("SPSS blown apart near Aruba, officials say", "", {"caribbean-boat-strikes"}),
    ("¡Otra lancha hecha cenizas en el Caribe!", "", {"caribbean-boat-strikes"}),
    ("US attack on a go-fast inside Colombia's search-and-rescue region", "",
     {"caribbean-boat-strikes"}),
    # not offshore oil workers on strike, nor the Caribbean's leaders beside another war
    ("Offshore workers strike at Trinidad gas platforms", "", set()),
    ("Caribbean: strikes on Gaza condemned by CARICOM", "", set()),
])


TOPIC_CASES["designation_rules_from_blind72_and_blind73"] = (DESIGNATION, [
    # the US that considers or treats a group as terrorist; the gang's short name as a group
    ("Panamá expulsa a tres miembros del TdA, grupo que EE.UU. considera terrorista", "",
     {"fto-designation"}),
])


ENTITY_CASES["entity_rules_from_blind72_and_blind73"] = [
    # the battleship class named after him; a restaurant chain
    ("Trump-class battleship design draws naval architects' doubts", "", set()),
    ("Rubio's fish tacos open near Washington", "", set()),
]


TOPIC_CASES["topic_rules_from_blind74_and_blind75"] = (STRIKES, [
    # the plain word "barca"; Spain's "EE UU" without stops; Spain's "goma"; "reventar"
    ("Los militares de EE.UU. atacan una barca cerca de Venezuela", "",
     {"caribbean-boat-strikes"}),
    ("Tres muertos en un ataque de EE UU a una lancha", "La Armada venezolana lo denunció.",
     {"caribbean-boat-strikes"}),
    ("El Comando Sur ataca una narcogoma al norte de Margarita", "", {"caribbean-boat-strikes"}),
    ("Reventar barcas en el Caribe no es legítima defensa, dice un jurista", "",
     {"caribbean-boat-strikes"}),
    # a drone that targets a boat (not drones as targets); narco-subs seized off the Azores
    ("US drone targets smugglers' boat off Los Roques", "", {"caribbean-boat-strikes"}),
    ("Portuguese navy fires on narco-sub carrying cocaine off the Azores", "", set()),
])


TOPIC_CASES["designation_rules_from_blind74_and_blind75"] = (DESIGNATION, [
    # the US that calls or lists a group as terrorist, in plain words; an acronym explained;
    # another country's list
    ("A man helped the Sinaloa cartel, which the US calls a terrorist group", "",
     {"fto-designation"}),
    ("Cartel do Golfo: os EUA chamam o grupo de terrorista", "", {"fto-designation"}),
    ("LNFM ataca polícias em Michoacán", "A sigla designa La Nueva Familia Michoacana.", set()),
    ("Malabo incluye a opositores en una lista de terroristas", "", set()),
])


TOPIC_CASES["topic_rules_from_blind76_and_blind77"] = (BOTH, [
    # Mexico's "foránea"; a caiman's attack on a fisherman is no strike
    ("Qué es una organización terrorista foránea y por qué importa al Cártel de Sinaloa", "",
     {"fto-designation"}),
    ("Un cocodrilo ataca a un pescador cerca de Santa Marta", "", set()),
])


def test_a_business_named_after_the_command_is_not_it() -> None:
    assert entities("La Barbería Comando Sur de Doral cumple diez años", "") == set()


TOPIC_CASES["topic_rules_from_blind78_and_blind79"] = (BOTH, [
    # one man killed ("un marinero muerto") in a strike in that sea
    ("Piden justicia por un marinero muerto en un ataque en el Caribe", "",
     {"caribbean-boat-strikes"}),
    # a governor's own label, with nobody federal named; Canada's "listou"; groups "were
    # listed" where the item says terror
    ("Florida governor labels an advocacy group a 'foreign terrorist organization'", "", set()),
    ("Canadá listou o Cartel de Sinaloa como entidade terrorista", "", set()),
    ("Explainer: why 'terrorists'? The Gulf Cartel and CJNG were listed last year", "",
     {"fto-designation"}),
    # another country's lawmakers who debate the US's listing, not one of their own
    ("Brazilian deputies debate the US terror designation of two gangs", "", {"fto-designation"}),
    ("Chile's Senate debates listing Tren de Aragua as a terrorist organization", "", set()),
])


ENTITY_CASES["entity_rules_from_blind78_and_blind79"] = [
    # his trial's words before the lone surname; a plaintiff named Maduro in a caption
    ("Jailed Maduro's lawyers ask for a delay", "", {"nicolas-maduro"}),
    ("Maduro v. Pacific Freight: jury awards driver back pay", "", set()),
    # the Spanish and Portuguese acronym beside a repatriation; the command in a defence bill
    ("Espanha repatria mulheres do campo do EI", "", {"isis"}),
    ("NDAA text names 'Comando Sur' in a funding line", "", {"us-southern-command"}),
    # the railway's building works
    ("Retoman las obras del tren de Aragua entre Maracay y Cagua", "", set()),
]


TOPIC_CASES["topic_rules_from_blind80_and_blind81"] = (STRIKES, [
    # a boat "taken out"; Coche island by its short name; the families who ask the command for
    # their dead; the dead of the strikes at sea beside a coast's town
    ("Another drug boat taken out near Aruba, the Pentagon says", "", {"caribbean-boat-strikes"}),
    ("Lancha atacada frente a Coche", "", {"caribbean-boat-strikes"}),
    ("Madres de Güiria piden al Comando Sur los restos de sus hijos", "",
     {"caribbean-boat-strikes"}),
    ("Carúpano llora a sus muertos de los ataques en el mar", "", {"caribbean-boat-strikes"}),
    # a deal struck is no strike; the command and bodies far from the coasts
    ("Caribbean states strike a deal on licences for fishing boats", "", set()),
    ("Comando Sur entrega los cuerpos de las víctimas de un accidente aéreo en Honduras", "",
     set()),
])


ENTITY_CASES["entity_rules_from_blind80_and_blind81"] = [
    # the group with its nationality between; Mississippi's highway and a university's system
    ("Redes do cartel venezuelano dos Sóis na Bolívia", "", {"cartel-de-los-soles"}),
    ("Choque múltiple en la carretera MS 13 deja tres heridos", "", set()),
    ("El sistema ISIS de la facultad vuelve a fallar en plena matrícula", "", set()),
]


TOPIC_CASES["topic_rules_from_blind82_and_blind83"] = (STRIKES, [
    # the region's small-boat words ("bateira", "tiburonera"); Honduras's and
    # Belize's islands as coast places; the Pacific coast told by its adjective
    ("EUA atacam uma bateira perto de Margarita", "", {"caribbean-boat-strikes"}),
    ("Atacan una tiburonera frente a Roatán", "", {"caribbean-boat-strikes"}),
    ("Ataque contra una lancha cerca de Utila deja dos muertos", "", {"caribbean-boat-strikes"}),
    ("El Pentágono confirma un ataque frente a la costa pacífica de Nicaragua", "", set()),
    # the Cayman Islands by their Spanish name (not the animal); divers who speak of a strike
    # (not divers struck by a boat)
    ("Islas Caimán: ataque de EE.UU. a una lancha del narco", "", {"caribbean-boat-strikes"}),
    ("Un caimán ataca a un pescador cerca de Santa Marta", "", set()),
    ("Divers say a US strike sank a speedboat near Bonaire", "", {"caribbean-boat-strikes"}),
    ("Diver struck by a boat off Bonaire", "", set()),
])


ENTITY_CASES["entity_rules_from_blind82_and_blind83"] = [
    # the Sinaloa cartel's English name on the Pacific (not the Beltrán Leyva splinter); the
    # carrier's sea trials
    ("Pacific Cartel gunmen clash with troops near Culiacán", "", {"sinaloa-cartel"}),
    ("South Pacific Cartel leader arrested in Guerrero", "", set()),
    ("The Gerald R. Ford returns to sea trials after a yard period", "", {"uss-gerald-r-ford"}),
]


TOPIC_CASES["topic_rules_from_blind84_and_blind85"] = (STRIKES, [
    # the strikes in rights groups' words: executions at sea, or without trial in that sea
    ("Rights groups condemn summary executions at sea off Venezuela", "",
     {"caribbean-boat-strikes"}),
    ("Relatores da ONU: execuções sem julgamento no Caribe devem ser investigadas", "",
     {"caribbean-boat-strikes"}),
    ("Ejecuciones extrajudiciales en el Caribe colombiano: paramilitares asesinan a un líder", "",
     set()),
    # a fisherman dead in that sea with the US named (not a storm's dead); the campaign's dead
    ("Familia de un pescador muerto en el Caribe pide respuestas a Hegseth", "",
     {"caribbean-boat-strikes"}),
    ("Pescador muerto en el Caribe tras zozobrar; EE.UU. ayuda en la búsqueda", "", set()),
    ("La campaña de EE.UU. contra narcotraficantes en el mar suma 200 muertos, casi todos en el "
     "Caribe", "", {"caribbean-boat-strikes"}),
    # the region's boat words and places: an inflatable, a felucca, Martinique in Spanish
    ("EUA atacam um pneumático ao largo de Granada", "", {"caribbean-boat-strikes"}),
    ("Ataque estadounidense cerca de Martinica", "", {"caribbean-boat-strikes"}),
])


TOPIC_CASES["designation_rules_from_blind84_and_blind85"] = (DESIGNATION, [
    # the State Department's list named with a group on it; a capital that stands for its
    # government's own list
    ("Hezbollah and the cartels: who else is on the State Department's list", "",
     {"fto-designation"}),
    ("Nairobi declares a militia a terrorist organisation", "", set()),
])


ENTITY_CASES["entity_rules_from_blind84_and_blind85"] = [
    # Maduro after the gang's name; Rubio beside a counterpart; Bangladesh's Ansarullah
    ("Was Tren de Aragua Maduro's weapon?", "", {"tren-de-aragua", "nicolas-maduro"}),
    ("Rubio meets his Saudi counterpart", "", {"marco-rubio"}),
    ("Police in Dhaka arrest Ansarullah Bangla Team suspects", "", set()),
]


TOPIC_CASES["topic_rules_from_blind86_and_blind87"] = (STRIKES, [
    # a wave's blow on a boat is no strike
    ("Golpe de mar contra un pesquero frente a Higuerote", "", set()),
])


ENTITY_CASES["entity_rules_from_blind86_and_blind87"] = [
    # the CJNG by its state's demonym; the Islamic State's "EI" beside its propaganda
    ("Detienen a un operador del cártel jalisciense en Guadalajara", "", {"cjng"}),
    ("El EI difunde propaganda en español en redes sociales", "", {"isis"}),
]


TOPIC_CASES["topic_rules_from_blind88_and_blind89"] = (STRIKES, [
    # a strike told at an eastern Pacific island, far from the Caribbean named beside it
    ("Navy strikes a skiff west of Malpelo, far from the Caribbean", "", set()),
    ("EE.UU. atacó una panga junto a la isla Clipperton, lejos del mar Caribe", "", set()),
    # the campaign called a war in that sea, with the US named (not another war)
    ("Hegseth and the war in the Caribbean: a year of it", "", {"caribbean-boat-strikes"}),
    ("A guerra no Caribe de Washington chega ao segundo ano", "", {"caribbean-boat-strikes"}),
    ("A war in the Caribbean? Islanders remember 1983", "", set()),
])


TOPIC_CASES["designation_rules_from_blind88_and_blind89"] = (DESIGNATION, [
    # the new status told of a cartel or gang ("now that ... is terrorist")
    ("¿Qué cambia para los comerciantes ahora que el cártel es terrorista?", "",
     {"fto-designation"}),
    ("Ya es terrorismo, dice el ministro tras el atentado", "", set()),
    # the terrorist list with its designations; the list right before the jihadist groups
    ("The terror list in 2026: the designations, month by month", "", {"fto-designation"}),
    ("On the list: Hamas, Hezbollah and the other terrorist names of 1997", "",
     {"fto-designation"}),
    ("On the list: Hamas wins the football league", "", set()),
])


ENTITY_CASES["entity_rules_from_blind88_and_blind89"] = [
    # the gang half-translated, and by its short name beside a Chilean city; a card game's
    # trump in a lower-case query; a drive along Mississippi's highway 13
    ("train de aragua tattoos meaning", "", {"tren-de-aragua"}),
    ("Carabineros: el TdA ya no controla los cerros de Iquique", "", {"tren-de-aragua"}),
    ("how to lead trump in pinochle", "", set()),
    ("Road trip notes: MS 13 through the pines", "", set()),
]


TOPIC_CASES["topic_rules_from_blind90_to_blind93"] = (STRIKES, [
    # south-west of a country whose coast there is the Pacific's
    ("US forces strike a speedboat southwest of El Salvador", "", set()),
    ("Estados Unidos ataca una lancha al suroeste de Costa Rica", "", set()),
    # a campaign's casualties as its dead; a strike at a coast's place with the sea named
    ("Las bajas de la campaña en el Caribe llegan a 150", "", {"caribbean-boat-strikes"}),
    ("Ataque frente a Los Testigos, en el Caribe oriental", "", {"caribbean-boat-strikes"}),
    # hammered; a whaler-style boat is no whale; the animal struck is
    ("US military says a go-fast was hammered off Grenada", "", {"caribbean-boat-strikes"}),
    ("US strike on a whaler-style skiff near Anguilla", "", {"caribbean-boat-strikes"}),
    ("Ferry strikes a whale near Anguilla", "", set()),
    # the animals' counters who stop because of the strikes, not a turtle struck by a boat
    ("Sea turtle nesting counts halted in Los Roques: volunteers cite the US strikes on boats "
     "in the Caribbean", "", {"caribbean-boat-strikes"}),
    ("Boat strikes on sea turtles rise in the Caribbean, biologists say", "", set()),
    # a pitcher's strikeouts at the Caribbean Series
    ("Dominican closer strikes out the side in the Caribbean Series", "", set()),
    # the command's video of a boat in that sea
    ("Analysts slow down the SOUTHCOM video: the go-fast in the Caribbean was riding low",
     "", {"caribbean-boat-strikes"}),
])


TOPIC_CASES["designation_rules_from_blind90_to_blind93"] = (DESIGNATION, [
    # the FTO acronym beside the group itself or its participle
    ("Haiti's Viv Ansanm was listed as an FTO last year; aid groups still wait", "",
     {"fto-designation"}),
    ("LNFM: the group has been an FTO for a year", "", {"fto-designation"}),
    ("Our FTO program pairs new officers with a field trainer", "", set()),
    # a group that remains designated; the terror list with a jihadist group on it
    ("Al-Shabaab remains designated, and the port project stays frozen", "",
     {"fto-designation"}),
    ("Hezbollah and terror-list checks delay a bank transfer", "", {"fto-designation"}),
])


ENTITY_CASES["entity_rules_from_blind90_to_blind93"] = [
    # the Gulf Cartel's fuel theft counted in barrels; the oil market's Gulf cartel
    ("El Cártel del Golfo roba 8.000 barriles diarios de un ducto en Reynosa", "",
     {"gulf-cartel"}),
    ("Gulf cartel's output cut lifts Brent", "", set()),
    # a student portal called ISIS; NOAA's network; Da'esh with its apostrophe; EI in Iraq
    ("Caída del portal ISIS en plena matrícula", "", set()),
    ("NOAA adds sensors to its ISIS solar radiation network", "", set()),
    ("Da'esh cells still roam the desert, officials say", "", {"isis"}),
    ("Ataque do EI perto de Kirkuk mata dois soldados", "", {"isis"}),
    # a mooring named MS-13; the gang's name beside Santiago's Estación Central
    ("Oceanographers recover mooring MS-13 off Cape Cod", "", set()),
    ("Una canción sobre el Tren de Aragua suena en Estación Central", "",
     {"tren-de-aragua"}),
    # Rubio at the United Nations
    ("Rubio skips the United Nations climate session", "", {"marco-rubio"}),
]


TOPIC_CASES["topic_rules_from_blind94_to_blind97"] = (STRIKES, [
    # a boat told struck or sunk off a coast's place or off Venezuela; the delta's towns
    ("A skiff struck off Los Testigos carried diesel, families say", "",
     {"caribbean-boat-strikes"}),
    ("Two fishing boats sunk off Venezuela, a union in Carúpano says", "",
     {"caribbean-boat-strikes"}),
    ("Cuatro pescadores warao murieron en una curiara bombardeada cerca de Tucupita", "",
     {"caribbean-boat-strikes"}),
    # lethal force in that sea; a boat told hit in it
    ("Seminar: the law of lethal force at sea in the Caribbean", "", {"caribbean-boat-strikes"}),
    ("His boat was hit in the Caribbean, the widow told the court", "",
     {"caribbean-boat-strikes"}),
    # a country's Pacific coast; the US's strikes on jihadists in Africa and Arabia
    ("Ataque de EE.UU. contra una panga frente a la costa pacífica de Nicaragua", "", set()),
    ("US strikes on militant camps near Sokoto, AFRICOM says", "", set()),
])


TOPIC_CASES["designation_rules_from_blind94_to_blind97"] = (DESIGNATION, [
    # a cartel labelled terrorist (not a label asked for by another country's lawmakers)
    ("Por qué etiquetar como terrorista al Cartel de los Soles cambió la pesca en Sucre", "",
     {"fto-designation"}),
    ("Chile's Senate urges the government to brand the gang terrorist", "", set()),
    # terrorism charges for paying a cartel; Rubio with his designations; "now called" terrorist
    ("Paying extortion to the CJNG can bring terrorism charges, lawyers warn shop owners", "",
     {"fto-designation"}),
    ("Rubio defends his designations before a Senate panel", "", {"fto-designation"}),
    ("Why the Sinaloa Cartel and CJNG are now called terrorist organizations", "",
     {"fto-designation"}),
    # an acronym explained beside another acronym is no "sigla" of FTO
    ("Glossário: CJNG, sigla do Cártel de Jalisco Nueva Generación, FTO desde 2025", "",
     {"fto-designation"}),
    ("FTO: a sigla designa a formação técnica obrigatória", "", set()),
])


ENTITY_CASES["entity_rules_from_blind94_to_blind97"] = [
    # DARPA's ISIS; a Book of Hours and a bridge on MS 13; Ecuador's army's southern command
    ("DARPA revisits ISIS, a radar built into an airship", "", set()),
    ("Exhibition: MS 13, a Book of Hours from Ghent", "", set()),
    ("MS 13 closed for a bridge replacement near Raleigh", "", set()),
    ("El Comando Sur del Ejército de Perú despliega tropas en Puno", "", set()),
    # Trump's full name; Rubio signing counternarcotics aid
    ("Donald John Trump signs the order", "", {"donald-trump"}),
    ("Rubio approves counternarcotics aid for Peru's coast guard", "", {"marco-rubio"}),
]


TOPIC_CASES["topic_rules_from_blind98_to_blind101"] = (STRIKES, [
    # the campaign's leaders on the boats of that sea (not migrants' boats)
    ("Hegseth on the boats in the Caribbean: 'They will not sell poison again'", "",
     {"caribbean-boat-strikes"}),
    ("Trump on migrant boats in the Caribbean: the Coast Guard will turn them back", "",
     set()),
    # a boat destroyed at a coast's place; a boat that goes up in flames off Venezuela
    ("Satellite photos show a destroyed skiff near Los Roques", "", {"caribbean-boat-strikes"}),
    ("¡Otra lancha vuela por los aires frente a Venezuela!", "", {"caribbean-boat-strikes"}),
    # a ship's strike on a whale told further on
    ("Whale found dead in port; biologists blame a vessel strike in the Caribbean", "",
     set()),
])


TOPIC_CASES["designation_rules_from_blind98_to_blind101"] = (DESIGNATION, [
    # a cartel on the terror list; a group officially terrorist or asked whether it is
    ("Carteles Unidos na lista do terror: o limão e o ouro", "", {"fto-designation"}),
    ("Cartel del Noreste, terrorista oficial: qué cambia en la frontera", "",
     {"fto-designation"}),
    ("#CJNGTerrorista: tendencia tras un ataque en Uruapan", "", set()),
    # the first person's designation; helping a cartel now a crime of terrorism
    ("Trump: 'Yo los designé terroristas y lo son'", "", {"fto-designation"}),
    ("Fiscal en Houston: ayudar al Cártel del Golfo ahora es delito de terrorismo", "",
     {"fto-designation"}),
])


ENTITY_CASES["entity_rules_from_blind98_to_blind101"] = [
    # the gang's tattoos; the CDG's boss; the CDS's weapons; the carrier called a ship;
    # EI beside Sinjar; SOUTHCOM's contracts
    ("Tren de Aragua tattoo claims questioned in court", "", {"tren-de-aragua"}),
    ("Capturan a un jefe del CDG en Reynosa", "", {"gulf-cartel"}),
    ("El CDS exhibe armas en un video", "", {"sinaloa-cartel"}),
    ("'The Gerald Ford is the finest ship we have,' the admiral said", "",
     {"uss-gerald-r-ford"}),
    ("Yazidis return to Sinjar ten years after the EI massacres", "", {"isis"}),
    ("El Comando Sur adjudica un contrato de patrulla marítima", "", {"us-southern-command"}),
]


TOPIC_CASES["topic_rules_from_blind102_to_blind105"] = (STRIKES, [
    # both seas told together; the US's attack named at a coast's place; the leaders and a
    # coast's place; another force's fire; a caiman's attack
    ("Un año de ataques a lanchas: 150 muertos entre el Caribe y el Pacífico", "",
     {"caribbean-boat-strikes"}),
    ("Margarita llora a tres pescadores muertos en un ataque de EE. UU. cerca de Coche", "",
     {"caribbean-boat-strikes"}),
    ("Hegseth shares footage of a go-fast burning off Los Roques", "",
     {"caribbean-boat-strikes"}),
    ("Aruba fisherman wounded when Venezuelan guardsmen fired on his boat", "", set()),
    ("Caiman attacks a fishing canoe near Tucupita", "", set()),
])


TOPIC_CASES["designation_rules_from_blind102_to_blind105"] = (DESIGNATION, [
    # the jihadist groups said to be on the list, beside the cartels; the list of terrorists
    # beside the boat strikes; a group that "became" terrorist; Rubio's designations
    ("Hamas and Hezbollah were listed long ago; now the cartels join them", "",
     {"fto-designation"}),
    ("Dos años de listas de terroristas y de ataques a lanchas en Güiria", "",
     {"fto-designation"}),
    ("The week the Tren de Aragua became a terrorist group, remembered", "",
     {"fto-designation"}),
    ("Rubio, at a memorial Mass for the victims of the regime: more designations will come",
     "", {"fto-designation"}),
])


ENTITY_CASES["entity_rules_from_blind102_to_blind105"] = [
    # death notices; businesses called Los Soles; the carrier's crew and homecoming (not a
    # slide deck); the Spanish names in English word order; la MS beside la 18; SOUTHCOM's
    # disaster relief; Rubio calling a president-elect; MS-13's extortion of bus routes
    ("D.E.P. ISIS CAROLINA MENDOZA. Sus hijos agradecen", "", set()),
    ("MADURO PÉREZ, Luisa. Falleció en la paz del Señor; responso en la funeraria Central",
     "", set()),
    ("Los Soles burger chain opens in Orlando", "", set()),
    ("The Gerald R. Ford's homecoming draws thousands to Norfolk", "", {"uss-gerald-r-ford"}),
    ("Gerald Ford's pardon, the first slide of the debate deck", "", set()),
    ("Golfo cartel gunmen block a highway near Reynosa", "", {"gulf-cartel"}),
    ("The Noreste cartel's grip on Nuevo Laredo", "", {"cartel-del-noreste"}),
    ("La MS y la 18 pelean por los barrios de San Pedro Sula", "", {"ms-13"}),
    ("El Comando Sur envía ayuda humanitaria tras el huracán", "", {"us-southern-command"}),
    ("Rubio llama al presidente electo de Chile", "", {"marco-rubio"}),
    ("MS-13 extorts bus routes in Tegucigalpa", "", {"ms-13"}),
]


TOPIC_CASES["topic_rules_from_blind106_to_blind109"] = (STRIKES, [
    # a boat told hit in the passive with a coast's place; a boat that explodes off one
    ("A trafficking skiff is hit near Los Roques, the Pentagon says", "",
     {"caribbean-boat-strikes"}),
    ("The boat hit a reef near Los Roques and sank", "", set()),
    ("Video: the moment a go-fast explodes off Higuerote", "", {"caribbean-boat-strikes"}),
])


TOPIC_CASES["designation_rules_from_blind106_to_blind109"] = (DESIGNATION, [
    # the jihadist groups' own listing told (not a leader designated); designations with the
    # boat strikes; a group's designation by its acronym; a group "today" terrorist
    ("Hamas was designated in 1997, long before the cartels", "", {"fto-designation"}),
    ("ISIS designated a new leader after the raid", "", set()),
    ("Las designaciones, base legal de los ataques a lanchas, según la Casa Blanca", "",
     {"fto-designation"}),
    ("Fiscales quieren usar la designación de LNFM en un juicio por extorsión", "",
     {"fto-designation"}),
    ("El CJNG nació en 2009; hoy es organización terrorista", "", {"fto-designation"}),
    ("The State Department keeps two countries on its sponsors-of-terrorism list", "", set()),
])


ENTITY_CASES["entity_rules_from_blind106_to_blind109"] = [
    # life aboard the carrier
    ("A week aboard the Gerald R. Ford, in photos", "", {"uss-gerald-r-ford"}),
]


TOPIC_CASES["topic_rules_from_blind110_to_blind113"] = (STRIKES, [
    # a US military attack named at a coast's place; a boat that catches fire in harbour; the
    # cost of living that "hits" fishermen
    ("Un ataque militar estadounidense contra una lancha cerca de Macanao deja dos muertos", "",
     {"caribbean-boat-strikes"}),
    ("Se incendia un peñero en el muelle de Pampatar; nadie resultó herido", "", set()),
    ("El costo de vida golpea a los pescadores de Güiria", "", set()),
])


ENTITY_CASES["entity_rules_from_blind110_to_blind113"] = [
    # a phone company called Southcom Mobile; Rubio and oil licences; EI in Cabo Delgado (not a
    # Mozambican firm's "EI", an empresário individual)
    ("Southcom Mobile cuts its data prices", "", set()),
    ("Rubio grants new oil licences for Venezuela", "", {"marco-rubio"}),
    ("Ataque do EI em Cabo Delgado deixa dez mortos", "", {"isis"}),
    ("Como registar uma EI em Moçambique", "", set()),
]


ENTITY_CASES["entity_rules_from_blind114_to_blind117"] = [
    # a name cut short by a feed's ellipsis, in a title or a summary; not one word alone, nor
    # a run-together key ("Los S..." is no "Los Soles cartel")
    ("Jurado del caso contra Nicolás Mad…", "", {"nicolas-maduro"}),
    ("Defector's memoir names the generals behind the Cartel de los So...", "",
     {"cartel-de-los-soles"}),
    ("Mexico sends 26 prisoners to the US",
     "The group includes a former plaza boss of the Gulf Car…", {"gulf-cartel"}),
    ("El Mad…", "", set()),
    ("Los S…", "", set()),
    # a name opening a quotation that goes on; one quoted alone after a word stays a business
    ('Rubio, in Spanish, tells Venezuelans "Maduro ya no manda"', "",
     {"marco-rubio", "nicolas-maduro"}),
    ('Taquería "Maduro" abre en Doral', "", set()),
    # "Sun Cartel", translated word for word (and glued in a hashtag); "the Donald"
    ("#SunCartel trends after an influencer's post", "", {"cartel-de-los-soles"}),
    ("Letter: the Donald is right about one thing", "", {"donald-trump"}),
    # an airliner's standby instruments; the command's aircraft; a carrier's sailor
    ("Pilots flew on the ISIS standby instruments after both screens went dark", "", set()),
    ("Los aviones del Comando Sur pasan tan bajo que se caen las tejas", "",
     {"us-southern-command"}),
    ("Mi sobrino es marinero del Gerald R. Ford y no viene a casa", "",
     {"uss-gerald-r-ford"}),
]


TOPIC_CASES["topic_rules_from_blind114_to_blind117"] = (STRIKES, [
    # a "live-fire zone" an airliner avoids (not a live-fire exercise, nor real fire in one)
    ("Airline diverts around a live-fire zone as US forces hit a boat off Venezuela's coast", "",
     {"caribbean-boat-strikes"}),
    ("Navy live-fire exercise off Puerto Rico closes waters to fishing boats", "", set()),
    ("Exercício naval com a Marinha americana termina com tiro real",
     "Navios dispararam contra alvos flutuantes.", set()),
    # combat missions against boats; a reader's verbs for shooting at and blowing up boats
    ("CVN-78 jets flew missions against boats off Venezuela, Navy confirms", "",
     {"caribbean-boat-strikes"}),
    ("¿Quién decide a qué embarcación disparan frente a Venezuela?", "",
     {"caribbean-boat-strikes"}),
    ('Leitor: "explodiram a canoa do meu cunhado perto de Los Testigos"', "",
     {"caribbean-boat-strikes"}),
])


TOPIC_CASES["designation_rules_from_blind114_to_blind117"] = (DESIGNATION, [
    # the first terrorism charges against a watched group, not Mexico's own; support for
    # terrorism charged; a jihadist group and a cartel on "the same list"
    ("Cártel del Golfo smugglers face first terrorism counts in McAllen", "",
     {"fto-designation"}),
    ("Líder dos Cárteles Unidos é acusado de terrorismo pela primeira vez", "",
     {"fto-designation"}),
    ("Fiscalía mexicana acusa de terrorismo a miembros del CJNG",
     "Es la primera vez que se usa el delito de terrorismo contra el cártel en México.", set()),
    ("Acusan de apoyo al terrorismo a jefes de La Familia Michoacana", "",
     {"fto-designation"}),
    ("How Boko Haram ended up on the same list as Mexican cartels", "", {"fto-designation"}),
    ("Cartel del Noreste leader extradited to Texas", "", set()),
])


ENTITY_CASES["entity_rules_from_blind118_to_blind121"] = [
    # a surname heading another person's record: the index's capitals, a list's separators;
    # not the person's own given name, nor a name the watchlist knows
    ("Squad list | 4 Maduro, Kevin | defender | age 24 | 31 caps", "", set()),
    ("Obituary index, week 22 | MADURO, Ezequiel, 91, jeweller | OKAFOR, Ruth, 77", "", set()),
    ("Defendants | MADURO, Nicolás | plea: not guilty", "", {"nicolas-maduro"}),
    ("Maduro, Cabello | charged in New York", "", {"nicolas-maduro"}),
    ("Trump, Maduro, Petro: a tense week", "", {"donald-trump", "nicolas-maduro"}),
    # a JSON string's escapes; an inn; a state park; a catalogue's product code
    ('{"tag":"C\\u00e1rtel de Sinaloa","count":14}', "", {"sinaloa-cartel"}),
    ("Hotel listing | Los Soles Inn | Mendoza | 3 stars", "", set()),
    ("Donald J. Trump State Park trails reopen after storm cleanup", "", set()),
    ("Catalogue row | SKU MS-13 | modular sofa, three seats", "", set()),
]


TOPIC_CASES["designation_rules_from_blind118_to_blind121"] = (DESIGNATION, [
    # cartels told as designated or listed, not a strike report's owners of the boat; US
    # terror rules; support for a terrorist group in a paying case
    ("Trump order tells Treasury to trace remittances tied to designated cartels", "",
     {"fto-designation"}),
    ("Rubio firma una excepción humanitaria para ONG donde operan cárteles designados", "",
     {"fto-designation"}),
    ("US military kills four in strike on alleged drug vessel near Nevis",
     "The Pentagon said the boat was operated by a designated cartel.", set()),
    ("Border banks told to screen remittances for Gulf Cartel links under US terror rules", "",
     {"fto-designation"}),
    ("Bus owners ask US court whether paying MS-13 extortion counts as support for a terrorist "
     "group", "", {"fto-designation"}),
])


TOPIC_CASES["topic_rules_from_blind118_to_blind121"] = (STRIKES, [
    # firefighters are no bombing; bombs on boats are
    ("El Comando Sur de bomberos de Valparaíso estrena lanchas de rescate", "", set()),
    ("De la lista de terroristas a las bombas sobre lanchas en el Caribe hay un solo paso", "",
     {"caribbean-boat-strikes"}),
])


TOPIC_CASES["topic_rules_from_blind122_to_blind125"] = (STRIKES, [
    # "EE. UU." with its space read as "EE.UU." (an abbreviation's dots either way)
    ("Sobreviviente de un ataque de EE. UU. a una lancha llega a Limón desde Tortuguero", "",
     {"caribbean-boat-strikes"}),
    ("Plataformas de Point Galeota presencian un ataque de EE.UU. a una lancha", "",
     {"caribbean-boat-strikes"}),
    # the region's slang for a strike, a kill and the US
    ("Higuerote amanece con otro «bombazo» del Tío Sam contra un bote", "",
     {"caribbean-boat-strikes"}),
    ("«Les dieron de baja» a tres en una lancha, dice EE. UU.; en Río Caribe lloran", "",
     {"caribbean-boat-strikes"}),
    ("Isla de Aves: EE. UU. le pega a un semisumergible en el Caribe", "",
     {"caribbean-boat-strikes"}),
])


TOPIC_CASES["designation_rules_from_blind122_to_blind125"] = (DESIGNATION, [
    # a watched group's people in a US terrorism case; not narco-terrorism, not El Salvador's
    # own law, not the yearly report on terrorism
    ("US adds La Nueva Familia Michoacana leaders to terrorism indictment", "",
     {"fto-designation"}),
    ("TREN DE ARAGUA: COMIENZA EN MIAMI EL JUICIO POR TERRORISMO", "", {"fto-designation"}),
    ("US prosecutors unseal narco-terrorism charges against Tren de Aragua leaders", "", set()),
    ("Fiscalía salvadoreña acusa de terrorismo a pandilleros de la MS-13", "", set()),
    ("Hutíes y Boko Haram, en el informe anual de terrorismo del Departamento de Estado", "",
     set()),
    ("Familia Michoacana terrorista según EE. UU.: qué significa para Guerrero", "",
     {"fto-designation"}),
])


ENTITY_CASES["entity_rules_from_blind122_to_blind125"] = [
    # a steakhouse called Comando Sur
    ("Comando Sur steakhouse opens in Miami Beach", "", set()),
]


TOPIC_CASES["topic_rules_from_blind126_to_blind129"] = (STRIKES, [
    # the campaign's phrases with the article between; its survivors; the command and a strike
    # further apart, with a survivor left in the water; bad weather beside the US's strike
    ("Trump: los ataques a las lanchas «salvaron más vidas que cualquier guardacostas»", "",
     {"caribbean-boat-strikes"}),
    ("Senadores questionam se designações justificam ataques letais contra barcos", "",
     {"caribbean-boat-strikes"}),
    ("Rubio's team drafts rules for handing over survivors of the strikes", "",
     {"caribbean-boat-strikes"}),
    ("U.S. Southern Command admits one survivor was left in the water after strike", "",
     {"caribbean-boat-strikes"}),
    ("El mal tiempo frena la búsqueda de sobrevivientes del último ataque militar de EE. UU. "
     "en el Caribe", "", {"caribbean-boat-strikes"}),
    ("Un pesquero naufraga frente a Margarita por el mal tiempo", "", set()),
])


TOPIC_CASES["designation_rules_from_blind126_to_blind129"] = (DESIGNATION, [
    # another country's senate debating the US's listing, the US named as the one that lists
    ("Senado mexicano debate designação dos Cárteles Unidos como organização terrorista pelos "
     "EUA", "", {"fto-designation"}),
    ("Senado mexicano debate designar a los Cárteles Unidos como organización terrorista", "",
     set()),
])


ENTITY_CASES["entity_rules_from_blind126_to_blind129"] = [
    # Rubio and the boat strikes he defends; Ford's pickups and vans
    ("Rubio rejects CARICOM call for independent inquiry into boat strikes", "",
     {"marco-rubio"}),
    ("Navio com 2.000 picapes Ford chega ao porto de Vitória", "", set()),
]


ENTITY_CASES["entity_rules_from_blind130_to_blind133"] = [
    # text-speak's "d" for "de" in the group's name (as "Tren d'Aragua" already reads "tren d
    # Aragua"); "los soles" alone stays plain words
    ("el cartel d los soles explicado en 5 mensajes pa tu papa q solo lee whatsapp", "",
     {"cartel-de-los-soles"}),
    ("O Cartel d los Soles explicado em 5 mensagens", "", {"cartel-de-los-soles"}),
    ("los soles d invierno calientan la playa", "", set()),
]


TOPIC_CASES["designation_rules_from_blind134_to_blind137"] = (DESIGNATION, [
    # a group listed as terrorist by the US, in the participle (not entities "listadas por
    # Canadá"); the status in one word; paying a group and terrorism charges; the cartels
    # listed after or alongside the jihadist groups
    ("Tras ser listada como terrorista por EE. UU., la Familia Michoacana amplía cobro de piso",
     "", {"fto-designation"}),
    ("Bufete de Ottawa informa sobre nuevas entidades terroristas listadas por Canadá", "",
     set()),
    ("Status de terrorista da Nova Família Michoacana trava caso em Barranquilla", "",
     {"fto-designation"}),
    ("Tesoro: productores que paguen cuotas a Cárteles Unidos se exponen a cargos de terrorismo",
     "", {"fto-designation"}),
    ("Senadora: «primero listaron a Boko Haram y al Estado Islámico, luego a los cárteles»", "",
     {"fto-designation"}),
])


TOPIC_CASES["topic_rules_from_blind134_to_blind137"] = (STRIKES, [
    # Guajira's and the delta's places; the US's bombings and air strikes in the plural
    ("Cancillería pide explicaciones a Washington por el ataque a un bote frente a Bahía Honda",
     "", {"caribbean-boat-strikes"}),
    ("Otro bote reventado por un misil frente a Punta Pescador, según pescadores", "",
     {"caribbean-boat-strikes"}),
    ("ONU chama de execuções os bombardeios americanos contra lanchas na costa colombiana", "",
     {"caribbean-boat-strikes"}),
])


ENTITY_CASES["entity_rules_from_blind138_to_blind141"] = [
    # the Southern Command in Peru and Bolivia and at its bases, liaison offices and medical
    # missions; not a football club's fan group
    ("Comando Sur instala una oficina de enlace en Iquitos", "", {"us-southern-command"}),
    ("Southern Command medical mission sees 600 patients in Cochabamba", "",
     {"us-southern-command"}),
    ("El Comando Sur de Universitario prepara un banderazo antes del clásico", "", set()),
    # the CDN's plaza boss; May the month is no Sinaloa context for CDG
    ("Cae el jefe de plaza del CDN en Anáhuac", "", {"cartel-del-noreste"}),
    ("Air France abre la ruta CDG-Cancún en mayo", "", set()),
    # the gang's number in words; a rally car is no carrier
    ("Juiz condena líder da MS Treze em Nova Jersey", "", {"ms-13"}),
    ("Ford rally team wins the Baja stage", "", set()),
    # a lone "Rubio" with the strikes on boats he defends
    ("Rubio says more drug boats will be hit", "", {"marco-rubio"}),
]


TOPIC_CASES["designation_rules_from_blind138_to_blind141"] = (DESIGNATION, [
    # a country weighing something other than a listing does not veto; a rum label is no
    # terror label; the phrase cut short or abbreviated; the first charge in Portuguese
    ("The MS-13 terror designation comes up as Chile weighs an extradition request", "",
     {"fto-designation"}),
    ("Chile weighs listing the gang as a terrorist organization", "", set()),
    ("Distillery launches a rum label called Los Soles", "", set()),
    ("Treasury names three more gangs Foreign Terrorist Organ", "", {"fto-designation"}),
    ("Primeira acusação de terrorismo contra integrante de cartel no Texas", "",
     {"fto-designation"}),
])


TOPIC_CASES["topic_rules_from_blind138_to_blind141"] = (STRIKES, [
    # the sea by its adjective; a boat hitting a whale
    ("Washington confirma dos muertos en un ataque en aguas caribeñas", "",
     {"caribbean-boat-strikes"}),
    ("Lancha de turismo atinge baleia perto de Trinidad", "", set()),
])


ENTITY_CASES["entity_rules_from_blind142_to_blind145"] = [
    # a festival's bill and élite colleges' "cartel"; Portuguese's "o Donald"; the CDN's
    # gunmen; Rubio in Angola and El Salvador
    ("Ya está el cartel del Noreste Fest: cumbia y rock en Monterrey", "", set()),
    ("The Northeast cartel of Ivy League admissions, a columnist says", "", set()),
    ("O Donald volta a atacar a imprensa", "", {"donald-trump"}),
    ("Pistoleros del CDN atacan una patrulla en Piedras Negras", "", {"cartel-del-noreste"}),
    ("Rubio viaja a Luanda para falar do corredor do Lobito", "", {"marco-rubio"}),
    # MS13 a Madeira bus route, a Microsoft bulletin on an unpatched server
    ("Autocarro da carreira MS13 passa a circular ao domingo", "", set()),
    ("Unpatched servers still run MS13-series fixes, IT admins say", "", set()),
]


TOPIC_CASES["designation_rules_from_blind142_to_blind145"] = (DESIGNATION, [
    # "listed" as a label on people is not the listing; a congress by its adjective; the
    # Portuguese "listagem"; a watched group that "ya es" one; its members "foreign terrorists"
    ("Migrants say the TdA gang label follows them to every hearing", "", set()),
    ("El Congreso hondureño declara terrorista a la pandilla 18", "", set()),
    ("Empresas cortam laços com o Tren de Aragua após a listagem terrorista dos EUA", "",
     {"fto-designation"}),
    ("El Cártel del Golfo ya es organización terrorista, recuerda el fiscal", "",
     {"fto-designation"}),
    ("White House calls deported MS-13 members foreign terrorists", "", {"fto-designation"}),
])


TOPIC_CASES["topic_rules_from_blind142_to_blind145"] = (STRIKES, [
    # a military action against a boat; the eastern Pacific by a present-tense verb and off
    # Africa are other seas; a strike not linked to the Caribbean campaign
    ("Nova acção militar dos EUA contra lancha ao largo da Venezuela", "",
     {"caribbean-boat-strikes"}),
    ("EUA atacam lancha no Pacífico oriental", "", set()),
    ("US strikes a cocaine boat 400 miles off Cape Verde", "", set()),
    ("EE. UU. ataca una lancha frente a Guerrero",
     "El Pentágono no vinculó el ataque con la campaña en el Caribe.", set()),
])


ENTITY_CASES["entity_rules_from_blind146_to_blind149"] = [
    # a real surname one letter from Maduro; firefighters are no bombs; a girl's fifteenth
    # birthday; the CDS laundering; Rubio and Colombia; Southern Command's drones over a
    # Venezuelan state; a ring nicknamed the Gulf cartel on the Gulf of Venezuela
    ("Nicolás Madero, campeón de ruta en Tunja", "", set()),
    ("Bomberos rescatan a Isis, una gata atrapada en un techo", "", set()),
    ("«FELICIDADES, ISIS»: la fiesta de quinceañera que se hizo viral", "", set()),
    ("El CDS lavaba dinero en casas de cambio, según la fiscalía", "", {"sinaloa-cartel"}),
    ("Rubio promete a Petro revisar la descertificación", "",
     {"marco-rubio"}),
    ("Comando Sur prueba drones sobre el Zulia", "", {"us-southern-command"}),
    ("Desarticulan en el golfo de Venezuela la banda que llamaban «el cartel del Golfo»", "",
     set()),
]


TOPIC_CASES["designation_rules_from_blind146_to_blind149"] = (DESIGNATION, [
    # a Venezuelan governor who calls the listing a lie does not veto it; FTO compared with
    # the Treasury's lists; lists of terrorists in the plural
    ("Un año de la designación del Tren de Aragua como organización terrorista extranjera",
     "El gobernador de Aragua la llamó una farsa.", {"fto-designation"}),
    ("FTO or SDGT? What remittance firms must screen for", "", {"fto-designation"}),
    ("Rubio defiende las listas de terroristas ante la banca", "", {"fto-designation"}),
])


TOPIC_CASES["topic_rules_from_blind146_to_blind149"] = (STRIKES, [
    # the carrier's jets in a deadly strike; a pitcher's and a caiman's strikes; an island
    ("Cazas del portaaviones Gerald R. Ford participaron en el ataque que mató a tres", "",
     {"caribbean-boat-strikes"}),
    ("Pitcher throws 80 strikes in a Caribbean Series win", "", set()),
    ("Caimán ataca un bote de pescadores en el Orinoco", "", set()),
    ("Lancha destruida frente a Isla de Patos, dicen pescadores", "",
     {"caribbean-boat-strikes"}),
])


ENTITY_CASES["entity_rules_from_blind150_to_blind153"] = [
    # the names in French, as the French Caribbean's press writes them; the CDN's cells, the
    # CDS's cocaine; Rubio and the exiles
    ("La police de Cayenne enquête sur le Train d'Aragua", "", {"tren-de-aragua"}),
    ("Le Commandement Sud des États-Unis confirme une frappe", "", {"us-southern-command"}),
    ("Cae una célula del CDN en Reynosa", "", {"cartel-del-noreste"}),
    ("Decomisan cocaína del CDS en Sonora", "", {"sinaloa-cartel"}),
    ("Rubio se reúne con exiliados en Miami", "", {"marco-rubio"}),
]


TOPIC_CASES["designation_rules_from_blind150_to_blind153"] = (DESIGNATION, [
    # paying a listed group is financing terrorism, the US says; a country that "puts out" a
    # guide or "publishes" one lists nobody
    ("Pagar extorsión al CJNG es financiar a una organización terrorista, advierte EE. UU.",
     "", {"fto-designation"}),
    ("Tren de Aragua listing: Guyana's banks must screen clients against the US terrorist "
     "roster", "The Guyana Bankers Association has put out a guide.", {"fto-designation"}),
])


TOPIC_CASES["topic_rules_from_blind150_to_blind153"] = (STRIKES, [
    # a strike in French quotes; the military campaign against the boats; Suriname's coast is
    # another sea
    ("«Frappe américaine» cerca de Los Roques: hallan restos de una lancha", "",
     {"caribbean-boat-strikes"}),
    ("La campaña militar contra las lanchas del narco en el Caribe suma 160 ataques", "",
     {"caribbean-boat-strikes"}),
    ("EE. UU. ataca una lancha frente a Surinam, dicen pescadores", "", set()),
])


ENTITY_CASES["entity_rules_from_blind154_to_blind157"] = [
    # the initials with stops, not a Bronx middle school; a tanker called Lady Ford; Rubio
    # and fentanyl's precursors; the CDG's exchange houses
    ("Pintadas firmadas M.S.-13 aparecen en un paso bajo nivel de Temuco", "", {"ms-13"}),
    ("Bronx students at M.S. 13 win a chess title", "", set()),
    ("Tanker Lady Ford waits two days at the Gatun locks", "", set()),
    ("Rubio asks chemical firms to report precursor orders", "", {"marco-rubio"}),
    ("El CDG operaba una casa de cambio en Ciudad del Este", "", {"gulf-cartel"}),
]


TOPIC_CASES["designation_rules_from_blind154_to_blind157"] = (DESIGNATION, [
    # a material-support charge over a watched group; countries' own terrorist listings
    ("Apoyo material: acusan a un lanchero que trasladó a miembros del Tren de Aragua", "",
     {"fto-designation"}),
    ("Peru and Chile brief the OAS on their own terrorist listings of the Tren de Aragua", "",
     set()),
])


TOPIC_CASES["topic_rules_from_blind154_to_blind157"] = (STRIKES, [
    # Panama's Caribbean coast and a dugout; strikes at sea near Venezuela; sinking drug boats
    # in the Caribbean; a seaplane's collision; hundreds of miles off Guatemala
    ("Un dron voló en pedazos un cayuco frente a Puerto Obaldía", "",
     {"caribbean-boat-strikes"}),
    ("Senators question the strikes at sea near Venezuela", "", {"caribbean-boat-strikes"}),
    ("¿Hundir lanchas con cocaína en el Caribe reduce el consumo?", "",
     {"caribbean-boat-strikes"}),
    ("Seaplane hits a dinghy while landing off Bequia", "", set()),
    ("US strike on a boat 500 miles off El Salvador kills three", "", set()),
])


ENTITY_CASES["entity_rules_from_blind158_to_blind161"] = [
    # a Spanish question opens with its verb, not a first name; a clock time run into a name;
    # the name joined to "pro"/"anti"; the Army form of the command with the US; the carrier's
    # aircraft over Venezuela, not the president in 1975 or his home town's airport; a German
    # name of the group; Rubio in Nicaragua's and Doral's news; an orchestra and a beer
    ("¿Sabía Maduro de los vuelos? Dos testigos discrepan", "", {"nicolas-maduro"}),
    ("¡Vuelve Rubio a la frontera con más vuelos de deportación!",
     "El secretario de Estado llega el lunes.", {"marco-rubio"}),
    ("¿José Maduro gana el maratón de Valencia?", "", set()),
    ("12:40Tren de Aragua en Santiago: lo que dice la fiscalía", "", {"tren-de-aragua"}),
    ("Marcha antimaduro en Lisboa", "", {"nicolas-maduro"}),
    ("El Comando Sur del Ejército estadounidense envía un hospital a Haití", "",
     {"us-southern-command"}),
    ("Aviones del Gerald R. Ford sobrevuelan la costa venezolana", "", {"uss-gerald-r-ford"}),
    ("Gerald Ford y Kissinger en 1975: los cables sobre Panamá", "", set()),
    ("Vuelo chárter sale del aeropuerto Gerald R. Ford hacia Guatemala", "", set()),
    ("ORF spricht vom Kartell der Sonnen", "", {"cartel-de-los-soles"}),
    ("RUBIO WARNS NICARAGUA OVER ELECTIONS", "", {"marco-rubio"}),
    ("Orquesta Carteles Unidos abre el carnaval de Barranquilla", "", set()),
    ("Tampa taproom adds a Maduro Brown Ale to its list", "", set()),
]


TOPIC_CASES["designation_rules_from_blind158_to_blind161"] = (DESIGNATION, [
    # another country's body adding names to its own list; the Alien Enemies Act set against
    # the listing; the lists named in Portuguese; the ISIL's listing
    ("Tribunal russo inclui grupo ucraniano na sua lista terrorista", "", set()),
    ("Chinese ministry adds three names to its terrorist list", "", set()),
    ("Deportations went ahead under the Alien Enemies Act, not the terrorist listing", "",
     set()),
    ("Bancos revisam clientes por causa das listas FTO", "", {"fto-designation"}),
    ("Twenty years of ISIL's listings, explained", "", {"fto-designation"}),
])


TOPIC_CASES["topic_rules_from_blind158_to_blind161"] = (STRIKES, [
    # the US after the verb; the command named with another country's media; a gaming show;
    # a fish striking a lure beside a boat ("bajando" is no Barbadian)
    ("El bote que hundió Estados Unidos llevaba a cuatro pescadores", "",
     {"caribbean-boat-strikes"}),
    ("Jets del Comando Sur atacan otra lancha, informa la televisión iraní", "",
     {"caribbean-boat-strikes"}),
    ("Gaming stream: boat strike missions in a Caribbean shooter", "", set()),
    ("Pesca: el ataque de un marlín al señuelo desde la lancha",
     "Los capitanes dicen que pican más con la marea bajando.", set()),
])


ENTITY_CASES["entity_rules_from_blind162_to_blind165"] = [
    # the CDG's lieutenants; a Brazilian state that is no Qatari; a cheese named as the subject,
    # not any cheese; a common given name before a surname in capitals; the wife's married
    # name; the article's gender slipped; an ISIS suspect; a fund and a comic convention; a
    # footnote mark glued to a name; the CDN by its designation
    ("Cae en Cancún un lugarteniente del CDG", "", {"gulf-cartel"}),
    ("Cartel do Golfo usava estaleiro em Santa Catarina", "", {"gulf-cartel"}),
    ("Pão de queijo e o julgamento de Maduro na TV da padaria", "", {"nicolas-maduro"}),
    ("Maduro y cremoso: el queso de oveja de Zamora", "", set()),
    ("FELIPE MADURO ASUME LA GERENCIA DEL PUERTO", "", set()),
    ("Abogados de Cilia Flores de Maduro apelan la fianza", "", set()),
    ("El escrito llama «Cartel de las Soles» al grupo", "", {"cartel-de-los-soles"}),
    ("BRASIL PRENDE A SOSPECHOSOS DEL ISIS EN SÃO PAULO", "", {"isis"}),
    ("Soles Capital Management abre oficina en Caracas", "", set()),
    ("SouthCon cosplay contest draws 3,000 fans", "", set()),
    ("Tren de Aragua² y la prueba pericial sobre la pandilla", "", {"tren-de-aragua"}),
    ("CDN, designado terrorista en 2025, amenaza a comerciantes", "", {"cartel-del-noreste"}),
]


TOPIC_CASES["designation_rules_from_blind162_to_blind165"] = (DESIGNATION, [
    # Venezuela's own list; another country's terror designation by its adjective; another
    # legislature's bill
    ("Venezuela declara terrorista a una ONG colombiana", "", set()),
    ("Israeli terror designation of a charity upheld", "", set()),
    ("Chile's lower house passes bill treating gangs as terrorist groups", "", set()),
])


TOPIC_CASES["topic_rules_from_blind162_to_blind165"] = (STRIKES, [
    # the campaign's commander in chief; another country's federal police on a river; a motor
    # launch
    ("Trump promises more strikes on drug boats at a Tampa rally", "",
     {"caribbean-boat-strikes"}),
    ("Brazil's Federal Police fire on a drug boat on the Amazon", "", set()),
    ("Missile hits motor launch off Puerto Cabello, Pentagon says", "",
     {"caribbean-boat-strikes"}),
])


ENTITY_CASES["entity_rules_from_blind166_to_blind167"] = [
    # the abbreviated title; a worship band; a Christmas train; the command with a Panamanian
    # village; the CDS's hitmen
    ("SEC. RUBIO MEETS CARIBBEAN LEADERS", "", {"marco-rubio"}),
    ("Worship band Los Soles de Sion plays for Venezuelan churches in Tampa", "", set()),
    ("A Christmas train of Aragua carries toys to rural schools", "", set()),
    ("Comando Sur doctors visit a Panamanian village", "", {"us-southern-command"}),
    ("CDS hitmen burn two trucks in Culiacán", "", {"sinaloa-cartel"}),
]


TOPIC_CASES["topic_rules_from_blind166_to_blind167"] = (STRIKES, [
    # a wooden boat ("madeira") is no Atlantic island; Margarita's port; a shattered boat
    ("Barco de madeira atingido por um míssil americano, dizem os parentes", "",
     {"caribbean-boat-strikes"}),
    ("Pescadores de Punta de Piedras lloran a los muertos del ataque a su peñero", "",
     {"caribbean-boat-strikes"}),
    ("US drone shatters a fishing boat off Coche Island", "", {"caribbean-boat-strikes"}),
    ("Wayuu fishermen killed in an attack on their boat, families say", "",
     {"caribbean-boat-strikes"}),
])


ENTITY_CASES["entity_rules_from_blind168_to_blind169"] = [
    # a tanker and a truck model called Ford; a trailer line named after the group; a road's
    # repaving; a 911 dispatch centre; the cartels' lookouts and levies
    ("Tanker Ford Meridian loads jet fuel in Trinidad", "The ship sails for Jamaica.", set()),
    ("Frota de caminhões Ford Cargo cresce no Nordeste", "", set()),
    ("Trailer builder unveils its 'Jalisco Nueva Generación' flatbed", "", set()),
    ("County approves repaving MS 13 near Morton", "", set()),
    ("SouthCom dispatch center seeks a budget increase", "", set()),
    ("Halcones del CDG vigilan la carretera a Reynosa", "", {"gulf-cartel"}),
    ("El CDN cobra cuota de piso a los comerciantes de Anáhuac", "", {"cartel-del-noreste"}),
]


TOPIC_CASES["topic_rules_from_blind168_to_blind169"] = (STRIKES, [
    # a ship berthing into a crane, an engine-room fire; a fishing launch shredded
    ("Container ship strikes a gantry crane while berthing at Kingston", "", set()),
    ("Se hunde un velero frente a Bonaire tras un incendio en la sala de máquinas", "", set()),
    ("US missile shredded a fishing launch off Carenero, survivor says", "",
     {"caribbean-boat-strikes"}),
])


ENTITY_CASES["entity_rules_from_blind170_to_blind171"] = [
    # a party's campaign office for the south
    ("La oposición abre su Comando Sur de campaña en Maturín", "", set()),
]


TOPIC_CASES["topic_rules_from_blind170_to_blind171"] = (STRIKES, [
    # a fistfight on a pier; a model's pose on a boat
    ("Pescadores se pelean a golpes en el muelle de Puerto Cabello por una red", "", set()),
    ("Models strike a pose on a fishing boat off Tobago", "", set()),
])


def test_a_name_cut_short_is_explained_and_its_hit_shows_what_the_field_writes(
    tmp_path: Path,
) -> None:
    fields = {"title": "Jurado del caso contra Nicolás Mad…", "summary": ""}
    (match,) = MATCHER.match(fields).entities
    (hit,) = match.hits
    assert (hit.start, hit.end, hit.text) == (23, 34, "Nicolás Mad")
    assert any("cut short" in line and "'Maduro'" in line for line in MATCHER.explain(fields))
    # two entities' names start so: neither is read
    m = compile_yaml(
        tmp_path,
        "watchlist: w\nentities:\n"
        "  - {id: a, name: Puerto Cabello, type: organization, priority: low,\n"
        "     aliases: [Puerto Cabello]}\n"
        "  - {id: b, name: Puerto Carreño, type: organization, priority: low,\n"
        "     aliases: [Puerto Carreño]}\n"
    )
    assert not m.match({"title": "Lluvias en Puerto Ca…", "summary": ""}).entities
    assert {e.entity_id for e in m.match({"title": "Lluvias en Puerto Cab…", "summary": ""})
            .entities} == {"a"}


# --- the two tables ---------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "summary", "expected"), [
    pytest.param(*case, id=f"{name}-{n}")
    for name, cases in ENTITY_CASES.items() for n, case in enumerate(cases, 1)
])
def test_entity_rules(title: str, summary: str, expected: set[str]) -> None:
    assert entities(title, summary) == expected, title


@pytest.mark.parametrize(("title", "summary", "judged", "expected"), [
    pytest.param(title, summary, judged, expected, id=f"{name}-{n}")
    for name, (judged, cases) in TOPIC_CASES.items()
    for n, (title, summary, expected) in enumerate(cases, 1)
])
def test_topic_rules(title: str, summary: str, judged: set[str] | None,
                     expected: set[str]) -> None:
    found = topics(title, summary)
    assert (found if judged is None else found & judged) == expected, title


def test_an_abbreviations_dots_read_the_same_with_or_without_a_space(tmp_path: Path) -> None:
    """"EE.UU." and "EE. UU." (the Spanish Academy's spelling), "U.S." and "U. S.": one key
    finds both; a word of four letters or more beside a dot is no abbreviation."""
    m = compile_yaml(
        tmp_path,
        "watchlist: w\nentities:\n"
        "  - {id: a, name: EE.UU. Navy, type: organization, priority: low,\n"
        "     aliases: [Armada de EE.UU., Marinha dos E. U. A.]}\n"
        "  - {id: b, name: Sr. Lobo, type: person, priority: low, aliases: [Sr. Lobo]}\n",
    )

    def found(title: str) -> set[str]:
        return {e.entity_id for e in m.match({"title": title, "summary": ""}).entities}

    assert found("La Armada de EE. UU. patrulla") == {"a"}
    assert found("La Armada de EE.UU. patrulla") == {"a"}
    assert found("A Marinha dos E.U.A. patrulha") == {"a"}
    assert found("Sr.Lobo llega") == {"b"}  # (every spacing of a key, as before)
    assert found("Armada de EE. UUX") == set()


def test_a_question_opens_with_its_verb_and_a_clock_time_runs_into_a_name(
        tmp_path: Path) -> None:
    """A capitalised word right after Spanish's opening "¿" or "¡" is the question's verb, the
    subject after it ("¿Ordenó Prado el embargo?"), not a first name; a first name of
    not_after still is. A name glued to the clock time before it ("12:30Banda Azul", as chapter
    lists lose their space) is found as if a space stood between. Nested lists flatten in
    ``requires`` as in the other word lists, so a shared anchor takes more terms."""
    matcher = compile_yaml(tmp_path, """
watchlist: w
entities:
  - id: judge
    name: Ana Prado
    type: person
    priority: high
    aliases:
      - {alias: Prado, case: capitalized, allow_after: [Jueza],
         requires: [&court [juzgado, tribunal], fiscal]}
    not_after: [José]
  - id: band
    name: Banda Azul
    type: organization
    priority: high
    aliases: [Banda Azul]
""")

    def found(title: str, summary: str = "") -> set[str]:
        return {e.entity_id for e in matcher.match({"title": title, "summary": summary}).entities}

    assert found("¿Ordenó Prado el embargo de las cuentas?", "El tribunal responde hoy.") == {
        "judge"}
    assert found("¡Firmó Prado la orden de captura!", "Lo confirma el juzgado.") == {"judge"}
    # without the opening mark the capitalised word before her is read as another name's
    assert found("Ordenó Prado el embargo de las cuentas", "El tribunal responde hoy.") == set()
    assert found("¿José Prado ganó la carrera de las cuentas?", "El tribunal responde.") == set()
    assert found("12:30Banda Azul llega al puerto de la ciudad") == {"band"}
    assert found("Capítulos: 00:00 Intro, 12:30Banda Azul en el puerto") == {"band"}
    assert found("12:30Bandas Azules en el puerto") == set()  # a longer word is another
    lines = matcher.explain({"title": "12:30Banda Azul llega al puerto"})
    assert any("'Banda Azul' at title[5:15]" in line for line in lines), lines


def test_two_names_of_one_entity_each_short_of_context_stand_for_each_other(
        tmp_path: Path) -> None:
    """A surname and a nickname of one person, each gated on context words the item lacks, count
    when both are written apart in the item ("Batista, alias 'Mochilão'"); one of them alone,
    the same name twice, or an acronym beside a name do not; explain says so."""
    matcher = compile_yaml(tmp_path, """
watchlist: w
entities:
  - id: courier
    name: Joel Batista
    type: person
    priority: high
    aliases:
      - Joel Batista
      - {alias: Batista, case: capitalized, requires: [smuggl*, contrabando]}
      - {alias: Mochilão, case: capitalized, requires: [smuggl*, contrabando]}
      - {alias: JB, case: exact, requires: [smuggl*, contrabando]}
""")

    def found(title: str) -> bool:
        return bool(matcher.match({"title": title}).entities)

    assert found("Batista, alias 'Mochilão', tells court he was paid $2,000 a trip")
    assert found("Mochilão: Batista says he never opened the boxes")
    assert not found("Batista wins the Copa do Brasil final")
    assert not found("Mochilão de couro: a mochila da estação")
    assert not found("Batista and Batista: a family firm turns 50")
    assert not found("JB: Batista says he never opened the boxes")
    lines = matcher.explain({"title": "Batista, alias 'Mochilão', tells court"})
    assert any("also names it otherwise ('Mochilão')" in line for line in lines), lines


def test_a_term_of_an_act_of_enforcement_reads_the_acts_other_words(
        tmp_path: Path) -> None:
    """An analyst's "arrest*" also reads "prende", "Detienen", "detained", in the story or
    not; "captur*" reads no arrest; outside the story such a topic stands for no name short
    of context ("prende ... em Ipanema" makes no watched club), and explain says why."""
    matcher = compile_yaml(tmp_path, """
watchlist: w
entities:
  - {id: ring, name: Red Jaula, type: organization, priority: high, aliases: [Red Jaula]}
  - {id: club, name: Ipanema FC, type: organization, priority: high,
     aliases: [Ipanema FC, {alias: Ipanema, case: capitalized, requires: [futebol, clube]}]}
topics:
  - id: arrests
    name: Arrests
    rule: {any_of: [arrest*]}
  - id: recapture
    name: Recapture
    rule: {any_of: [captur*]}
  - id: convictions
    name: Convictions
    rule: {any_of: [condenad*]}
""")

    def topics(title: str) -> set[str]:
        return {t.topic_id for t in matcher.match({"title": title}).topics}

    # a court's "condena" is a conviction; anyone else's is condemning
    assert topics("Tribunal condena nove por sequestro em Campinas") == {"convictions"}
    assert topics("Madrid court sentences a courier to 9 years") == {"convictions"}
    assert topics("El papa condena el ataque contra la iglesia") == set()

    assert topics("PF prende dois da Red Jaula em Corumbá") == {"arrests"}
    assert topics("Detienen a tres integrantes de la Red Jaula") == {"arrests"}
    assert topics("Police detain the Red Jaula's courier") == {"arrests"}
    # a capture is read as an arrest; "captur*" reads no arrest ("Detienen" above)
    assert topics("Capturan al jefe de la Red Jaula") == {"arrests", "recapture"}
    # another story's arrest is an arrest all the same
    assert topics("PF prende dois por corrupção em Corumbá") == {"arrests"}
    assert topics("Italia: detienen a 31 mafiosos en Palermo") == {"arrests"}
    # ... but it stands for no name short of context; the analyst's own word does
    assert not matcher.match({"title": "Polícia prende ladrões em Ipanema"}).entities
    lines = matcher.explain({"title": "Polícia prende ladrões em Ipanema"})
    assert any("arrests only by another word of its act" in line for line in lines), lines
    assert {e.entity_id for e in matcher.match(
        {"title": "Police arrest two after brawl at Ipanema"}).entities} == {"club"}


def test_the_acts_of_a_court_case_read_their_words_in_the_three_languages(
        tmp_path: Path) -> None:
    """A trial, an acquittal, house arrest and bail are acts like an arrest: an analyst who
    wrote one language's word reads the others' ("juicio oral": "to stand trial",
    "julgamento"; "acquitted": "absuelto", "absolvido"); a word with other senses is none of
    them (a bare "trial" is also a free or a clinical one)."""
    matcher = compile_yaml(tmp_path, """
watchlist: w
entities:
  - {id: ring, name: Red Jaula, type: organization, priority: high, aliases: [Red Jaula]}
topics:
  - {id: trial, name: Trial, rule: {any_of: [juicio oral]}}
  - {id: acquittal, name: Acquittal, rule: {any_of: [acquitted]}}
  - {id: custody, name: Custody, rule: {any_of: [prisión domiciliaria, fianza]}}
""")

    def topics(title: str) -> set[str]:
        return {t.topic_id for t in matcher.match({"title": title}).topics}

    assert topics("Mayor to stand trial in March over kickbacks") == {"trial"}
    assert topics("Ex-prefeito vai a julgamento por desvio de merenda") == {"trial"}
    assert topics("Tribunal absuelve: exministro absuelto de peculado") == {"acquittal"}
    assert topics("Ex-diretor é absolvido de fraude") == {"acquittal"}
    assert topics("Judge grants house arrest to former mayor") == {"custody"}
    assert topics("Juíza concede prisão domiciliar a ex-prefeito") == {"custody"}
    assert topics("Former minister freed on bail") == {"custody"}
    # the words of the act only
    assert topics("Open house this weekend at the museum") == set()
    assert topics("Start your free trial of the app today") == set()
    assert topics("Phase 3 trial of the new pill ends early") == set()
    lines = matcher.explain({"title": "Mayor to stand trial in March"})
    assert any("trial: matched" in line for line in lines), lines


def test_a_veto_inside_the_name_itself_or_in_small_letters_is_none(tmp_path: Path) -> None:
    """An ``unless`` term that folds to a word of the name itself does not veto that name
    ("Nico Mercurio" for an unless 'mercúrio'); a ``not_before`` word or an exclusion word the
    watchlist writes in capitals (a company's suffix, 'SE') is another word in small letters
    ("PUMA se desplomó"), and still vetoes in capitals."""
    matcher = compile_yaml(tmp_path, """
watchlist: w
entities:
  - id: influencer
    name: Nico Mercurio
    type: person
    priority: high
    aliases: [Nico Mercurio]
    unless: [planeta, mercúrio]
  - id: token
    name: PUMA token
    type: other
    priority: high
    aliases: [token PUMA, {alias: PUMA, case: exact, requires: [token*, cripto*]}]
    exclude: [Puma SE]
    not_before: [AG]
  - {id: agency, name: Solaris Ratings, type: organization, priority: high,
     aliases: [Solaris], not_before: [OS]}
""")

    def found(title: str) -> set[str]:
        return {e.entity_id for e in matcher.match({"title": title}).entities}

    assert found("Coach financeiro Nico Mercurio é preso em Córdoba") == {"influencer"}
    assert found("Nico Mercurio e o planeta Mercúrio") == set()  # a veto apart from the name
    assert found("El token PUMA se desplomó 97%") == {"token"}
    assert found("Criptomonedas: PUMA se hunde otra vez") == {"token"}
    assert found("Token buyback? PUMA SE shares fall") == set()  # the company, in capitals
    assert found("Token news: PUMA AG results") == set()
    assert found("Rebaixa: Solaris os deixou sem saída") == {"agency"}
    assert found("Solaris OS 11.4 patch released") == set()
    lines = matcher.explain({"title": "Token buyback? PUMA SE shares fall"})
    assert any("inside the exclusion" in line for line in lines), lines


def test_a_term_in_al_reads_its_portuguese_plural(tmp_path: Path) -> None:
    """A context or topic term in -al, -el, -ol or -ul reads its Portuguese plural, which no
    prefix reaches ('hospital*': "hospitais"; 'federal': "federais"); a short word does not
    ('sol': Spanish "sois" is another word)."""
    matcher = compile_yaml(tmp_path, """
watchlist: w
entities:
  - id: supplier
    name: Nimbus
    type: organization
    priority: high
    aliases: [{alias: Nimbus, case: capitalized, requires: [hospital*, humidifier*]}]
topics:
  - id: federal-probe
    name: Federal probe
    rule: {any_of: [federal]}
""")

    def found(title: str) -> tuple[set[str], set[str]]:
        result = matcher.match({"title": title})
        return {e.entity_id for e in result.entities}, {t.topic_id for t in result.topics}

    assert found("Nimbus nega culpa e diz que hospitais não limparam os aparelhos") == (
        {"supplier"}, set())
    assert found("Nimbus 2000 broom replica sells out") == (set(), set())
    assert found("Polícias federais fazem buscas em Itagüí") == (set(), {"federal-probe"})
    lines = matcher.explain({"title": "Nimbus nega culpa, dizem hospitais"})
    assert any("matched" in line and "supplier" in line for line in lines), lines


def test_a_name_inside_a_path_is_no_forum_name() -> None:
    """Only 'r/' or 'u/' after a space or a slash opens a forum name: a word glued inside a
    longer path or word is not one ('hour/HouthiWatch', 'menu/Maduroes')."""
    assert entities("see the report at example.org/hour/HouthiWatch") == set()


def test_a_topic_acronym_spelt_out_as_something_else_does_not_count(tmp_path: Path) -> None:
    """A topic term written as an acronym that the item spells out as other words is those
    words ('Feira de Tecnologia de Osasco (FTO)'); spelt out as the topic's own words it
    counts ('Foreign Terrorist Organization (FTO)'), and so does the bare acronym."""
    m = compile_yaml(tmp_path, """\
watchlist: t
topics:
  - id: fto
    name: FTO designation
    rule:
      all_of:
        - any_of: [{term: FTO, case: exact}, foreign terrorist organization]
        - any_of: [designat*, Washington]
""")

    def found(title: str) -> bool:
        return bool(m.match({"title": title}).topics)

    assert not found("Feira de Tecnologia de Osasco (FTO) leva startups a Washington")
    assert not found("La Federación de Triatlón de Ourense (FTO) designa a Verín")
    assert found("Foreign Terrorist Organization (FTO) status designated for the gang")
    assert found("Washington designates the gang an FTO")
    lines = m.explain({"title": "Feira de Tecnologia de Osasco (FTO) leva startups a Washington"})
    assert any("spelt out as something else (feira tecnologia osasco)" in line
               for line in lines), lines


@pytest.mark.parametrize(("title", "found"), [
    ("CJNG, the Club de Jóvenes Navegantes de Guaymas, sends three dinghies", set()),
    ("El LNFM, Liceo Nocturno Francisco de Miranda, gradúa a 80 adultos", set()),
    # its own name after the comma, or a sentence's words with its initials, stay the group
    ("CJNG, Cártel de Jalisco Nueva Generación, pierde a un jefe", {"cjng"}),
    ("El CJNG, cuyos jefes no gobiernan, pierde terreno en Colima", {"cjng"}),
])
def test_an_acronym_spelt_out_after_a_comma_as_a_name(title: str, found: set[str]) -> None:
    """An acronym followed by a comma and capitalised words whose initials are its letters is
    that other name; words in small letters are a sentence going on, not a spelling-out."""
    assert entities(title) == found


@pytest.mark.parametrize(("title", "found"), [
    # one word of a name quoted apart is still the name, in either language's quotes
    ("El «Tren» de Aragua y los préstamos gota a gota en Concepción", {"tren-de-aragua"}),
    ('El cartel de los "Soles" y el general retirado que declaró', {"cartel-de-los-soles"}),
    ("Cae un cabecilla del &quot;Tren&quot; de Aragua", {"tren-de-aragua"}),
    # ... not two quoted words, a work's title, nor a quoted word that is in no name
    ("El cartel de «Los Soles», la nueva obra del teatro, ya está en la calle", set()),
    ('Rubio says the "deal" with Caracas is off', {"marco-rubio"}),
    # ... and a name quoted whole keeps the first reading's rules: a nickname is another man's
    ('A Juan Griego fisherman nicknamed "Trump" for his hair', set()),
])
def test_a_word_of_a_name_quoted_apart(title: str, found: set[str]) -> None:
    """A capitalised word of a name in quotes of its own ("el «Tren» de Aragua") is read as part
    of the name; the hit shows the field's own text, quotes and all."""
    assert entities(html_to_text(title)) == found


def test_a_name_read_across_quotes_keeps_the_fields_text_and_is_explained() -> None:
    title = "Repartidores acusan al «Tren» de Aragua de robarles motos"
    (match,) = MATCHER.match({"title": title}).entities
    assert [(h.start, h.end, h.text) for h in match.hits] == [
        (title.index("Tren"), title.index("Aragua") + 6, "Tren» de Aragua")]
    assert any("quotes around a word" in line for line in MATCHER.explain({"title": title}))


AREA_YAML = """\
watchlist: areas
topics:
  - id: sea-strike
    name: A strike placed in a sea
    rule:
      all_of:
        - any_of: [strike, strikes, ataque]
        - &sea {area: {lat: [9.5, 19], lon: [-83.5, -59.5]}}
  - id: placed-alone
    name: Anything placed in a box of its own
    rule: {area: {lat: [40, 41], lon: [-5, -3]}}
"""


@pytest.mark.parametrize(("title", "found"), [
    ("Court filing places the strike at 11.9N, 67.1W", {"sea-strike"}),
    ("Ataque letal en 11,74 N y 69,61 O, según el Departamento de Guerra", {"sea-strike"}),
    ("Ataque em 12,05 N e 67,88 O", {"sea-strike"}),
    ("Strike position was 12-14N 070-58W, sailors say", {"sea-strike"}),
    ("Washington names the strike's place: 10°58' N, 68°12' O", {"sea-strike"}),
    ("Strike at 11º42'N 70º11'W, the Pentagon says", {"sea-strike"}),  # an ordinal º for °
    # signed decimal degrees, south and west negative: after "lat" and "lon", or a pair with
    # two decimals each and a sign (or both a degree sign)
    ("Registro: lat 12,21; lon -70,05; ataque contra un bote", {"sea-strike"}),
    ("Data note: missile strike at 12.05, -69.90 on March 3", {"sea-strike"}),
    ("Nota de dados: ataque em 11,95 e -67,12, dois mortos", {"sea-strike"}),
    ("Strike logged at 12.05°, -69.90°", {"sea-strike"}),
    ("Strike at 12.05, 69.90 dollars a share", set()),  # no sign, no degree: any two figures
    ("Strike at -12.05, -69.90", set()),  # south of the box
    ("Strike at lat 12.2 lon 69.9", set()),  # east of Greenwich: not the box
    # said in words, as captions and transcripts write a read-out position
    ("strike at twelve point two north sixty six point five west kills three", {"sea-strike"}),
    ("EL ATAQUE FUE EN DOCE GRADOS NORTE, SESENTA Y OCHO OESTE", {"sea-strike"}),
    ("ataque a onze vírgula cinco norte e sessenta e nove graus oeste", {"sea-strike"}),
    ("Ataque a onze graus e meio norte, sessenta e seis graus oeste", {"sea-strike"}),
    ("Ataque en latitud once grados veinte minutos norte, longitud sesenta y cinco oeste",
     {"sea-strike"}),
    ("strike at twelve degrees north sixty eight east", set()),  # east: not the box
    # outside the box, or no strike told, or no position at all
    ("Strike at 5.1N 83.4W kills three", set()),
    ("A yacht anchored at 11.9N, 67.1W", set()),
    ("Strike on Route 13 N near exit 5", set()),
    # a rule of an area alone needs no term: a position is enough, even with no other word
    ("40.4N 3.7W", {"placed-alone"}),
])
def test_a_topic_reads_a_position_inside_its_area(tmp_path: Path, title: str,
                                                   found: set[str]) -> None:
    """An ``area`` condition holds where the item writes a position in its box, in decimal
    degrees or degrees and minutes, with the hemispheres' letters of the three languages."""
    assert topic_ids(compile_yaml(tmp_path, AREA_YAML), title) == found


def test_a_position_is_explained_with_the_areas_it_lies_in(tmp_path: Path) -> None:
    m = compile_yaml(tmp_path, AREA_YAML)
    lines = m.explain({"title": "Strike at 12.1N 63.4W"})
    assert "position '12.1N 63.4W' at title[10:21] read as 12.10, -63.40: area 9.5..19 lat, " \
        "-83.5..-59.5 lon" in lines
    (topic,) = m.match({"title": "Strike at 12.1N 63.4W"}).topics
    assert {h.text for h in topic.hits} == {"Strike", "12.1N 63.4W"}


@pytest.mark.parametrize(("area", "pattern"), [
    ("{lat: [19, 9.5], lon: [-83.5, -59.5]}", "lat must be \\[south, north\\]"),
    ("{lat: [9.5, 19], lon: [-59.5, -83.5]}", "lon must be \\[west, east\\]"),
    ("{lat: [9.5, 99], lon: [-83.5, -59.5]}", "lat must be"),
    ("{lat: [9.5, 19]}", "lon"),
])
def test_a_bad_area_is_refused_with_its_line(tmp_path: Path, area: str, pattern: str) -> None:
    path = tmp_path / "w.yaml"
    path.write_text(f"watchlist: w\ntopics:\n  - id: t\n    name: T\n    rule: {{area: {area}}}\n",
                    encoding="utf-8")
    with pytest.raises(WatchlistError, match=pattern) as info:
        load_watchlists([path])
    assert "w.yaml:5" in str(info.value)


def test_a_watchlist_of_one_area_alone_matches_by_position(tmp_path: Path) -> None:
    """A file whose only topic is an area (no name, no term anywhere) still reads positions:
    an item that writes one inside the box matches, one outside does not."""
    path = tmp_path / "w.yaml"
    path.write_text("watchlist: w\ntopics:\n  - id: box\n    name: Box\n"
                    "    rule: {area: {lat: [9.5, 19], lon: [-83.5, -59.5]}}\n", encoding="utf-8")
    m = Matcher.compile(load_watchlists([path]))
    inside = m.match({"title": "Vessel seen at 12.1N 67.4W", "summary": ""})
    assert [(t.topic_id, [h.text for h in t.hits]) for t in inside.topics] == [
        ("box", ["12.1N 67.4W"])]
    assert not m.match({"title": "Vessel seen at 42.1N 7.4W", "summary": ""})
    assert any(line.startswith("box: matched") for line in m.explain(
        {"title": "#Boat seen at 12.1N 67.4W", "summary": ""}))


def test_an_area_stands_alone(tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    path.write_text("watchlist: w\ntopics:\n  - id: t\n    name: T\n    rule:\n      all_of:\n"
                    "        - {term: strike, area: {lat: [1, 2], lon: [1, 2]}}\n",
                    encoding="utf-8")
    with pytest.raises(WatchlistError, match="an area condition stands alone"):
        load_watchlists([path])


@pytest.mark.parametrize(("title", "found"), [
    ("Kinetic strike at 11.9N, 66.2W leaves three dead, Defense Department says", True),
    ("Ataque cinético em 12,1N 67,4W deixa três mortos, diz o Pentágono", True),
    # the eastern Pacific is another campaign's sea
    ("Kinetic strike at 9.1N, 85.2W leaves three dead, Defense Department says", False),
])
def test_the_seed_reads_a_strike_placed_by_its_position(title: str, found: bool) -> None:
    topics = {t.topic_id for t in MATCHER.match({"title": title}).topics}
    assert ("caribbean-boat-strikes" in topics) is found


def test_a_position_is_looked_for_only_where_an_area_could_complete_a_topic(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An item is searched for a written position only where a topic that reads an area may
    still hold with the item's terms and that area (``_possible``), not wherever one of the
    topic's words appears: a sports story with "Americans" and "Congress" in it (words of
    the topic's first need, which an area alone does not complete) is not searched, a strike
    placed by its position is, and matches by it."""
    import monitor.match as match

    searched: list[str] = []
    real = match._has_position

    def counted(every: str, fields: object) -> bool:
        searched.append(every)
        return real(every, fields)  # type: ignore[arg-type]

    monkeypatch.setattr(match, "_has_position", counted)
    sports = ("The Americans beat Canada 4-3 at home: 12 hits, a shutout until the ninth, and "
              "a visit from members of Congress after the game. " * 3)
    assert not MATCHER.match({"title": "Baseball: a night to remember", "summary": sports})
    assert searched == []
    title = "Kinetic strike at 11.9N, 66.2W leaves three dead, Defense Department says"
    topics = {t.topic_id for t in MATCHER.match({"title": title}).topics}
    assert "caribbean-boat-strikes" in topics
    assert len(searched) >= 1


@pytest.mark.parametrize(("title", "entity"), [
    ("#CJNGtakedown trends after the arrests in Jalisco", "cjng"),
    ("Rally in Bogota: #StopTrenDeAragua2025", "tren-de-aragua"),
    ("#TVPatrol #ABSCBNNews: flood waters rise in Marikina as classes are suspended", None),
])
def test_an_item_with_camel_case_tags_takes_the_early_exits(
        title: str, entity: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """An item whose hashtags have a camel-case break in them ("#TVPatrol", news sites put
    them under every story) still ends at the first tests when nothing in it can match: what
    follows each tag's start and each break is looked at there, so a name inside a tag
    ("#CJNGtakedown", "#StopTrenDeAragua2025") still gets the full reading."""
    calls = []
    hopeless = Matcher._hopeless

    def counted(self: Matcher, *args: object) -> int:
        out = hopeless(self, *args)  # type: ignore[arg-type]
        calls.append(out)
        return out

    monkeypatch.setattr(Matcher, "_hopeless", counted)
    found = [e.entity_id for e in MATCHER.match({"title": title}).entities]
    assert found == ([entity] if entity else [])
    assert len(calls) == 1  # the first tests ran, tags and all
    assert bool(calls[0]) is (entity is None)


def test_early_exits_drop_no_match(corpus_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Most items end before the full reading, on hits that can make no match (a word one edit
    from a word of a long name without the name's other words; topic terms that satisfy no
    branch of any rule, as "US" alone in a long story). That exit is only a shortcut: on the
    real feeds of the shared corpus and four blind sets, every item gets the same result as
    the full reading that ``explain`` takes, and the exit is taken for many of them."""
    calls = {"hopeless": 0}
    hopeless = Matcher._hopeless

    def counted(self: Matcher, *args: object) -> bool:
        out = hopeless(self, *args)  # type: ignore[arg-type]
        calls["hopeless"] += out
        return out

    monkeypatch.setattr(Matcher, "_hopeless", counted)
    items = real_items(corpus_dir)
    for name in ("blind264", "blind265", "blind266", "blind267"):
        items += [eval_match.item_fields(i) for i in eval_match.load_labelled(
            ROOT / "tests" / "data" / f"{name}.jsonl")]
    differ = [fields for fields in items if MATCHER.match(fields) != MATCHER._run(fields, [])]
    assert differ == []
    assert calls["hopeless"] >= 1000


@pytest.mark.parametrize(("title", "found"), [
    ("Trump, Elsa (2024). Hedgerow birds of Kent", set()),
    ("Maduro, Leonor (2026). Sal y azúcar: libro de cuentas de una familia de Curazao", set()),
    ("Maduro, L. (2026). Salt and sugar: a Curaçao family ledger", set()),
    ("Trump, K. (n.d.). Birds of the hedgerows", set()),
    # the person's own given name or initial: the person, cited
    ("Maduro, Nicolás (2019). Discursos", {"nicolas-maduro"}),
    ("Trump, D. J. (n.d.). The art of the deal", {"donald-trump"}),
    ("Rubio, M. (2025). The Venezuela file", {"marco-rubio"}),
    # no year: a list of names, not a citation
    ("Maduro, Cabello (2019) and Padrino were indicted", {"nicolas-maduro"}),
])
def test_an_author_cited_by_surname_is_that_person_only_by_their_own_given_name(
        title: str, found: set[str]) -> None:
    """A bibliography writes "Surname, Given (year)": a namesake's book is no mention of the
    watched person unless the given name, or its initial, is the person's."""
    assert entities(title) == found


@pytest.mark.parametrize(("title", "found"), [
    ("Army solicitation W15P7T-26-R-MS13 covers handheld field radios", set()),
    ("Docket 2024-MS-13 closed after the plaintiff withdrew", set()),
    # a word before the hyphen is no code: the gang
    ("Police expand the anti-MS-13 task force in Houston", {"ms-13"}),
    ("Pandilleros de la MS-13 detenidos en San Salvador", {"ms-13"}),
])
def test_a_name_with_a_number_inside_a_longer_code_is_no_name(title: str, found: set[str]) -> None:
    """A solicitation or docket number whose last segment spells an alias with its number is a
    code; after a word and a hyphen the alias is the gang."""
    assert entities(title) == found


def test_a_booking_logs_record_under_a_watched_surname_is_another_person(
        tmp_path: Path) -> None:
    """A booking log or a roster writes "SURNAME, GIVEN I., AGE" in capitals: a given name that
    is none of the person's own words is another person ("MADURO, KEVIN J., 31"); his own is
    him ("MADURO MOROS, NICOLÁS, 63"); explain says why."""
    matcher = compile_yaml(tmp_path, """
watchlist: w
entities:
  - id: maduro
    name: Nicolás Maduro
    type: person
    priority: high
    aliases: [Nicolás Maduro, Maduro Moros, Maduro]
""")

    def found(title: str) -> bool:
        return bool(matcher.match({"title": title}).entities)

    assert not found("Booking log: MADURO, KEVIN J., 31, of Sweetwater, suspended license")
    assert not found("Registro de prisões: MADURO, WELLINGTON, 31, de Everett")
    assert found("MADURO MOROS, NICOLÁS, 63, acusado de narcoterrorismo")
    assert found("MADURO, NICOLÁS, 63, acusado de narcoterrorismo")
    assert found("MADURO, 63, HABLA EN CARACAS")  # an age and no given name
    lines = matcher.explain({"title": "Booking log: MADURO, KEVIN J., 31, of Sweetwater"})
    assert any("and an age after a comma: another person's record" in line
               for line in lines), lines


def test_a_persons_name_a_topic_reads_as_its_own_term_counts(tmp_path: Path) -> None:
    """A person's lone surname short of its context counts where a topic of its file matched
    with that very word among its hits, as one of its own terms (the analyst wrote the name
    into the topic: a strike defended by "Rubio"); not where no topic of its file holds."""
    matcher = compile_yaml(tmp_path, """
watchlist: w
entities:
  - id: rubio
    name: Marco Rubio
    type: person
    priority: high
    aliases: [Marco Rubio, {alias: Rubio, requires: [secretary, senator]}]
topics:
  - id: strikes
    name: Boat strikes
    rule:
      all_of:
        - any_of: [strike, strikes, ataque]
        - any_of: [boat, vessel, lancha, Pentagon, Rubio]
""")

    def found(title: str) -> tuple[set[str], set[str]]:
        res = matcher.match({"title": title})
        return {e.entity_id for e in res.entities}, {t.topic_id for t in res.topics}

    assert found("Rubio defends the strike as self-defense") == ({"rubio"}, {"strikes"})
    assert found("Rubio defiende el ataque") == ({"rubio"}, {"strikes"})
    assert found("Rubio bakery opens downtown") == (set(), set())


# --- blind342/343 (diplomatic channels; short and truncated items): US strikes at the towns of
# the Caribbean's coasts, told by their waters, by the men killed there, by Colombia's Atlántico

@pytest.mark.parametrize(("title", "summary", "found"), [
    # a town of the coasts that no hand-written list names, from GeoNames (tools/gazetteer.py),
    # with the US named
    ("U.S. confirms strike off Dangriga", "Three men died on a pirogue, the Pentagon said.", True),
    ("EE. UU. confirma ataque en aguas de Iriona", "Murieron dos hombres.", True),
    # ... but the town alone is no US strike: a storm, a gang
    ("A storm wrecks two fishing boats off Dangriga", "No one was hurt.", False),
    ("Pandilleros atacan a pescadores en aguas de Iriona", "Murieron dos hombres.", False),
    # the sea named by its waters, of a place the lists know ("en aguas de", "na altura de")
    ("O MANDATÁRIO TRUMP COMEMORA ATAQUE NA ALTURA DE CUMANÁ",
     "O Pentágono disse que três homens morreram em uma escuna.", True),
    # the men killed there, with the US and a craft named
    ("EE. UU. dice que los abatidos a la altura de Cumaná eran de una red criminal",
     "Los dos hombres iban en una piragua, dijo el Pentágono.", True),
    ("Los abatidos a la altura de Cumaná en un enfrentamiento con la policía", "", False),
    # Colombia's Caribbean department is no Atlantic ocean; the ocean still is
    ("Comando Sur: un ataque despedazó una lancha de narcotraficantes a la altura de Galerazamba,"
     " en el Atlántico", "Lo difundió la embajada en Bogotá.", True),
    ("US forces destroy a drug boat in the Atlantic off the Azores", "", False),
    # a demand that no strike be made without a process is no denial that one was; a denial is
    ('Embaixador do Brasil: "nenhum ataque sem processo"',
     "Um bote de fibra foi feito em pedaços pelos EUA perto de Granada.", True),
    ("Verificação: nenhum ataque dos EUA atingiu um bote perto de Granada", "", False),
])
def test_a_strike_at_a_town_of_the_caribbean_coasts_by_its_waters_or_its_dead(
        title: str, summary: str, found: bool) -> None:
    assert ("caribbean-boat-strikes" in topics(title, summary)) is found, (title, summary)


def test_the_coast_towns_are_unique_names_of_the_caribbean_coasts() -> None:
    """The GeoNames list holds the coasts' towns by their own names: a hundred or more, none an
    ordinary word the matcher would find everywhere, none a town of the Pacific side too."""
    text = (ROOT / "seeds" / "cartel-de-los-soles.yaml").read_text(encoding="utf-8")
    start = text.index("# --- places of the Caribbean's coasts from GeoNames")
    block = text[text.index("\n", start):text.index("# --- end of the places from GeoNames")]
    names = {n.strip().strip('"') for n in block.replace("\n", " ").split(",") if n.strip()}
    assert len(names) >= 100
    assert {"Oistins", "Dangriga", "Iriona", "Chetumal"} <= names
    assert not names & {"Salina", "Saliña", "Trujillo", "Tela", "Coche", "Managua", "Puntarenas"}


@pytest.mark.parametrize(("title", "summary", "found"), [
    # another government's listing told in the past is its own list (blind342)
    ("High Commission note", "The Australian government listed a neo-Nazi group as a terrorist "
     "organisation under the Criminal Code on 21 August.", False),
    ("Nota da embaixada", "O governo peruano incluiu a facção na sua lista de organizações "
     "terroristas.", False),
    # the US's listing, told the same way, is the topic
    ("State Department note", "The State Department listed the gang as a Foreign Terrorist "
     "Organization on 21 August.", True),
])
def test_another_governments_listing_in_the_past_is_its_own(title: str, summary: str,
                                                            found: bool) -> None:
    assert ("fto-designation" in topics(title, summary)) is found, (title, summary)


# --- blind344/345 (sports and entertainment feeds; student and community media)

@pytest.mark.parametrize(("title", "summary", "found"), [
    # a place holding an animal's name is no animal's attack
    ("U.S. strike obliterates a runabout off Alligator Pond, Jamaica", "", True),
    # whale-watching guides after a US strike on a craft: the strike, not a whale's collision
    ("Guías de ballenas temen por su temporada tras el ataque",
     "Piden garantías después del ataque de EE. UU. que hundió un bote cerca de Samaná.", True),
    ("Una ballena golpea una lancha de turistas frente a Samaná", "", False),
    # a walkout over a strike that destroyed a craft, not a labour walkout
    ("Students plan a walkout at commencement",
     "They cite the U.S. strike that obliterated a skiff off Moruga.", True),
    ("Dockworkers stage a walkout at the port of Moruga", "", False),
    # a strike off a place of an island named after it
    ("Protest over the U.S. strike off Plymouth, Tobago", "", True),
    # a team's attack
    ("El ataque de EE. UU. arrolla a Puerto Rico en la Copa América", "", False),
    # a strike named by its island or village in a lawsuit's words (blind346)
    ("Jueza amplía el plazo en el caso del ataque de Cubagua", "", True),
    ("Court sets a hearing in the La Blanquilla strike case", "", True),
    # ... not the place's strike alone, nor a court's case of another kind
    ("Jueza amplía el plazo en el caso de Cubagua", "", False),
])
def test_strikes_told_beside_animals_walkouts_games_and_lawsuits(
        title: str, summary: str, found: bool) -> None:
    assert ("caribbean-boat-strikes" in topics(title, summary)) is found, (title, summary)


@pytest.mark.parametrize(("title", "found"), [
    ("La banda de rock Comando Sur toca en el festival de la facultad", set()),
    ("La Feria del Libro de Monterrey presenta el cartel del noreste", set()),
    # one edit: an 'l' for an 'i', an h after the last consonant
    ("Maestros amenazados por La Nueva Familla Michoacana", {"la-nueva-familia-michoacana"}),
    ("Poll ballot misspells Donald Trumph", {"donald-trump"}),
    # ... and a key beside a letter of a short last word added next to it (blind347)
    ("Zona de seguridad para el USS Gerald R. Fortd en la bahía", {"uss-gerald-r-ford"}),
])
def test_bands_book_fairs_and_more_misspellings(title: str, found: set[str]) -> None:
    assert entities(title) == found


def test_a_quoted_headline_that_opens_with_a_possessive_name_is_no_first_name() -> None:
    """'Read “Trump’s NOAA budget”': the quotation goes on after the possessive, so "Read" is
    the boilerplate's verb, not a first name before the surname (blind348)."""
    assert entities("Trump&#x2019;s NOAA budget",
                    "Read “Trump’s NOAA budget” and the full archive.") == {"donald-trump"}
    assert entities('Bar "Cartel de Sinaloa" closes') == set()


@pytest.mark.parametrize(("title", "summary", "found"), [
    # the campaign's aircraft as the ones that fire, at a place no list holds (blind350)
    ("U.S. jets obliterate a trawler off Cocorite", "", True),
    ("U.S. aircraft vaporize a fast boat off Pestel", "", True),
    ("Cazas estadounidenses hacen estallar un arrastrero al sur de Guayacanes", "", True),
    ("Aviões americanos afundam uma traineira perto de Moruga", "", True),
    # ... not their other flights
    ("U.S. jets intercept Russian bombers near Alaska", "", False),
    ("U.S. helicopters fly over the regatta off Moruga", "", False),
    # ... nor another sea's
    ("U.S. jets obliterate a fast boat off Esmeraldas", "", False),
])
def test_a_strike_by_the_campaigns_aircraft_at_an_unknown_place(title: str, summary: str,
                                                                  found: bool) -> None:
    assert ("caribbean-boat-strikes" in topics(title, summary)) is found, title


@pytest.mark.parametrize(("title", "summary", "found"), [
    # a plot's or a flat's number in a listing (blind350)
    ("Lot MS-13 at Meadow Springs sells for a record US$410,000", "", set()),
    ("El lote MS-13 del fraccionamiento Montes de Sayab se vende en 4,2 millones", "", set()),
    ("La pandilla MS-13 ocupó el lote baldío", "", {"ms-13"}),
    # a savings bank or an estate agent named so: before the name, not after it
    ("La Caja Solidaria Familia Michoacana abre sucursal en Zamora", "", set()),
    ("Inmobiliaria Los Soles vende 40 casas en Maracay", "", set()),
    ("Inside Cartel de los Soles' bank network in Dubai", "", {"cartel-de-los-soles"}),
    # an acronym spelt out before its brackets with the link words' initials too
    ("Constructora del Norte (CDN) gana el contrato del nuevo hospital de Apodaca",
     "Constructora del Norte, conocida como CDN, ganó el contrato en Nuevo León.", set()),
    ("El Cártel del Noreste (CDN) extorsiona a transportistas en Nuevo León", "",
     {"cartel-del-noreste"}),
    ("El CDN (Cártel del Noreste) extorsiona a transportistas en Nuevo León", "",
     {"cartel-del-noreste"}),
    # a vowel doubled in a short word of a name of three words
    ("El ala aérea del USS Gerald R. Foord vuelve a Oceana", "", {"uss-gerald-r-ford"}),
])
def test_lots_lenders_spelt_out_acronyms_and_a_doubled_vowel(title: str, summary: str,
                                                            found: set[str]) -> None:
    assert entities(title, summary) == found


def test_a_flats_listing_is_no_designation() -> None:
    """Rental listings tagged with a group's name are no terrorist listing (blind350)."""
    assert "fto-designation" not in topics(
        "Fake rental listings in Santiago traced to #TrenDeAraguaRentScam accounts",
        "Police say 40 fake flat listings came from accounts flagged under the hashtag.")
    assert "fto-designation" in topics("Tren de Aragua's FTO listing upheld by the court")


@pytest.mark.parametrize(("title", "summary", "found"), [
    # a US strike on a craft told outright beside a cyberattack, a game or a show (blind353)
    ("BATHSHEBA SURF SCHOOL LOCKED BY RANSOMWARE A WEEK ON FROM U.S. STRIKE OFFSHORE",
     "A surf school in Bathsheba, Barbados, says ransomware locked its bookings a week on from "
     "the U.S. strike that razed a speedboat off the east coast on 10 June.", True),
    ("Plataforma de videos retira montajes del ataque de EE. UU. al norte de Higuerote",
     "La plataforma borró 300 videos que mezclaban imágenes de videojuegos con el audio del "
     "ataque estadounidense que calcinó un peñero al norte de Higuerote.", True),
    # ... but not beside a show: a drama retells one
    ("Drama series premieres on streaming: a US strike on a drug boat off Trinidad, retold",
     "", False),
    # ... not a cyberattack's "strike", a game's US boats, a fact-check of a game's clip
    ("Ransomware strike shuts a Caribbean bank's boat-loan portal", "", False),
    ("Nuevo videojuego permite atacar lanchas de EE. UU. en el Caribe", "", False),
    ("Nuevo videojuego: los jugadores pilotan cazas de EE. UU. que atacan lanchas en el Caribe",
     "", False),
    ('Fact-check: the viral "US strike on drug boat" clip is from the video game Arma 3', "",
     False),
])
def test_a_strike_told_outright_beside_a_cyberattack_a_game_or_a_show(
        title: str, summary: str, found: bool) -> None:
    assert ("caribbean-boat-strikes" in topics(title, summary)) is found, title


def test_a_ransom_note_on_servers_asking_the_cartels_levy_is_no_content_network() -> None:
    """CDN's content-network veto is the network's own words, not any servers (blind353)."""
    assert entities(
        "Ransomware en una maquiladora de Nuevo Laredo pedía además una «cuota» para el CDN",
        "La nota de rescate en sus servidores pedía una cuota para el CDN, heredero de Los Zetas."
    ) == {"cartel-del-noreste"}
    assert entities("Cloudflare CDN outage: servers in Tamaulipas down") == set()
    assert entities("La CDN de Akamai falla; servidores caídos en Nuevo León") == set()


@pytest.mark.parametrize(("title", "found"), [
    # a business's name opened by a capitalised article after its kind in small letters
    # (blind352)
    ("Aviso de licencia: restaurante El Maduro solicita terraza", set()),
    ("Aviso: la taquería La Familia Michoacana abre otra sucursal", set()),
    ("Los jefes de La Familia Michoacana cobran cuotas en Zitácuaro",
     {"la-nueva-familia-michoacana"}),
    # a stream's or a hill's name after its kind in small letters, not the person
    ("Aviso: limpieza del cauce del arroyo Rubio", set()),
    ("Vecinos del cerro Maduro piden agua", set()),
    ("El canciller Rubio visitó el arroyo", {"marco-rubio"}),
    ("Arepa counters in Kendall stream Maduro's New York trial", {"nicolas-maduro"}),
    # "emisora" as an issuing office is no radio station
    ("Cabildo de Tlapehuala pide frenar el cobro de la LNFM a tortillerías; publicado por la "
     "oficina emisora", {"la-nueva-familia-michoacana"}),
    ("La emisora LNFM 98.5 estrena programa", set()),
])
def test_businesses_after_their_kind_streams_and_an_issuing_office(title: str,
                                                                  found: set[str]) -> None:
    assert entities(title) == found


def test_an_officials_word_for_vandalism_is_no_designation() -> None:
    """A mayor who calls school vandalism "terrorism" lists no group (blind352)."""
    assert "fto-designation" not in topics(
        "Prefeito chama de terrorismo o vandalismo em escolas",
        'O prefeito classificou em 12 de março de "terrorismo" o vandalismo em três escolas.')
    assert "fto-designation" in topics(
        "EE.UU. designa al Tren de Aragua como organización terrorista")


@pytest.mark.parametrize(("title", "found"), [
    # a strike told on the water off a place of the coasts, no actor or craft named
    # (blind343, blind355)
    ("Strike off Los Roques leaves an oil sheen on the reef", True),
    ("Ataque frente a Choroní: un video mezcla imágenes viejas", True),
    ("Photos of the strike off Tucacas were taken from a hotel roof", True),
    # ... not a strike on land at the same place, nor another war's off its coast
    ("Teachers' strike at Puerto Cabello schools enters its third day", False),
    ("Strike off Macuro? Israel says Gaza convoy was the target", False),
])
def test_a_strike_off_a_place_of_the_coasts(title: str, found: bool) -> None:
    assert ("caribbean-boat-strikes" in topics(title)) is found, title


@pytest.mark.parametrize(("title", "found"), [
    # another country taking a group off its own list (blind310)
    ("Tribunal ruso retira a un movimiento de la lista de organizaciones terroristas", False),
    ("Chinese court removes an Uyghur group from its terrorist organisations list", False),
    ("Governo russo retira grupo da lista de organizações terroristas", False),
    # ... not the US taking one off its list
    ("EE.UU. retira a las FARC de la lista de organizaciones terroristas extranjeras", True),
])
def test_another_country_taking_a_group_off_its_list(title: str, found: bool) -> None:
    assert ("fto-designation" in topics(title)) is found, title


@pytest.mark.parametrize(("title", "found"), [
    # the secretary of state speaking for a strike on a craft, no place or sea named
    # (blind305, blind244)
    ("Rubio justifies the missile strike on a tuna boat off an island", True),
    ("Rubio defende o ataque a um pesqueiro", True),
    # ... not another war's strike on a boat (nor Trump's words on it)
    ("Rubio condemns Israel's strike on an aid boat", False),
    ("Trump condemns Israel's strike on an aid boat", False),
    ("Rubio backs the strike on Iran's nuclear sites", False),
])
def test_the_secretary_of_state_speaking_for_a_strike(title: str, found: bool) -> None:
    assert ("caribbean-boat-strikes" in topics(title)) is found, title


@pytest.mark.parametrize(("title", "found"), [
    # a craft sent to the bottom, funerals after a strike, a drone "of the US" (blind203,
    # blind204, blind298)
    ("US Navy sends a go-fast to the bottom near Los Roques", True),
    ("Families hold funerals after strike near Los Testigos", True),
    ("Un dron de EEUU lanza un misil contra una curiara", True),
    # ... not a race to the bottom
    ("The race to the bottom in US shipping rates hurts boat builders", False),
])
def test_sunk_buried_and_a_drone_of_the_us(title: str, found: bool) -> None:
    assert ("caribbean-boat-strikes" in topics(title)) is found, title


def test_weather_that_kills_or_wrecks_is_no_strike() -> None:
    """A storm that kills and wrecks boats in a US territory is weather (found while fixing
    blind203's "sends to the bottom")."""
    assert "caribbean-boat-strikes" not in topics(
        "Hurricane killed three and wrecked boats across the US Virgin Islands")
    assert "caribbean-boat-strikes" in topics(
        "US Navy sends a go-fast to the bottom near Los Roques")


@pytest.mark.parametrize(("title", "summary", "found"), [
    # an outlet's name with "Folio" is no manuscript's leaf (blind357)
    ("Portraits of former MS-13 members open at a gallery",
     "First appeared in the Lamplight & Folio digest.", {"ms-13"}),
    ("Manuscript MS 13, folio 4r, a psalter, goes on show", "", set()),
    # a festival's bill named with the group's words and a genre (blind357)
    ("Presentan el cartel de Sinaloa Jazz: seis noches en Culiacán", "", set()),
    ("El Cártel de Sinaloa pop-up de armas fue desmantelado", "", {"sinaloa-cartel"}),
])
def test_an_outlets_folio_and_a_festivals_genre(title: str, summary: str,
                                                 found: set[str]) -> None:
    assert entities(title, summary) == found


@pytest.mark.parametrize(("title", "found"), [
    # a group a story invents, listed in its plot (blind357, blind237, blind334)
    ("Novel review: the fictional Serpiente cartel becomes a foreign terrorist organization",
     False),
    ("Reseña: una serie imagina que EE. UU. declara terrorista a un cártel inventado", False),
    # ... not a watched group called an invention by those it is pinned on
    ("Caracas: the foreign terrorist organization label is for a fictional cartel, the Cartel "
     "de los Soles", True),
])
def test_an_invented_group_listed_in_a_plot(title: str, found: bool) -> None:
    assert ("fto-designation" in topics(title)) is found, title


@pytest.mark.parametrize(("title", "found"), [
    # a weapon of the US's with its model between (blind305, blind143)
    ("Un misil Hellfire de EE. UU. contra una lancha rápida: tres muertos", True),
    ("Um míssil Hellfire dos EUA contra uma lancha: dois mortos", True),
    # ... not another country's
    ("Un misil ruso contra una lancha en Odesa: dos muertos", False),
])
def test_a_us_weapon_named_with_its_model(title: str, found: bool) -> None:
    assert ("caribbean-boat-strikes" in topics(title)) is found, title


@pytest.mark.parametrize(("title", "found"), [
    # a name in small letters where only the person can be meant: his trial, verdict and
    # lawyers, his tariffs (blind314, blind315, blind334, blind347)
    ("my abuela sent 6 voice notes on the maduro verdict", {"nicolas-maduro"}),
    ("qué significan los aranceles de trump para el café", {"donald-trump"}),
    # ... not the words alone
    ("el plátano maduro sube de precio", set()),
    ("a trump card for the tariffs debate", set()),
    # ... and those phrases' words are no part of his name: an author cited by another
    # initial is still somebody else ("r" is no initial of his: "régimen" is no name)
    ("Seminario: Maduro, R. (2023), «Suelos de Lanzarote»", set()),
])
def test_a_name_in_small_letters_in_a_phrase_only_the_person_fits(title: str,
                                                                    found: set[str]) -> None:
    assert entities(title) == found


@pytest.mark.parametrize(("title", "found"), [
    # the US strike named as what a seismograph felt, or as what left a hull aground (blind356)
    ("Seismic network: the night jolt off Grenada was the U.S. strike on a pirogue, not a quake",
     True),
    ("Vecinos se reúnen donde encalló el casco de una lancha tras un ataque de EE. UU. cerca de "
     "Coche", True),
    # ... not a quake that strikes, nor a boat run aground, with no US strike named
    ("Quake strikes off Puerto Rico's north coast, boats damaged", False),
    ("Fishing boat ran aground off Margarita after the storm", False),
])
def test_a_us_strike_named_beside_a_quake_or_a_grounding(title: str, found: bool) -> None:
    assert ("caribbean-boat-strikes" in topics(title)) is found, title


@pytest.mark.parametrize(("title", "found"), [
    # a police traffic stop is no highway's traffic (blind356)
    ("Police say the man who fled a traffic stop was an MS-13 member", {"ms-13"}),
    ("Traffic on MS 13 backed up after a crash near Columbia", set()),
    # the article's "s" dropped (blind356, and eleven older items)
    ("Militares del Cartel de lo Soles cobran peaje", {"cartel-de-los-soles"}),
])
def test_a_traffic_stop_and_the_article_slip(title: str, found: set[str]) -> None:
    assert entities(title) == found


@pytest.mark.parametrize(("title", "found"), [
    # more craft by their makers' and ports' words (blind221, blind244)
    ("Strike wipes out a speed launch west of Margarita", True),
    ("Ataque embiste una champa en aguas de la isla de Aves", True),
    # ... not a launch alone (a product's, a rocket's)
    ("Strike wipes out a launch west of Margarita", False),
])
def test_more_craft_words(title: str, found: bool) -> None:
    assert ("caribbean-boat-strikes" in topics(title)) is found, title


@pytest.mark.parametrize(("title", "found"), [
    # an exam paper's or a mark scheme's code (blind359)
    ("Mark scheme MS-13 for the November maths resit now online", set()),
    # ... not the gang in a school's news
    ("School counsellors learn the signs of MS-13 recruitment", {"ms-13"}),
])
def test_a_mark_schemes_code(title: str, found: set[str]) -> None:
    assert entities(title) == found


@pytest.mark.parametrize(("title", "found"), [
    # an age beside the name that the person's year of birth cannot give in the story's
    # years: a namesake (blind349, blind353, blind359, blind65)
    ("Meet our volunteers: Marco Rubio, 19, from Seville", set()),
    ("Marco Rubio, estudiante de 23 años de Zaragoza, gana un hackatón", set()),
    ("Marco Rubio, de 10 años, gana el concurso de dibujo de Albacete", set()),
    ("a 17-year-old named Donald Trump wins a spelling bee", set()),
    # ... not the person's own age, nor a count of years after the name
    ("Marco Rubio, 54, met the Venezuelan opposition", {"marco-rubio"}),
    ("Trump, 79, signs the order on Venezuela", {"donald-trump"}),
    ("Nicolás Maduro, 3 years after his capture, awaits trial", {"nicolas-maduro"}),
])
def test_an_age_that_does_not_fit_is_a_namesake(title: str, found: set[str]) -> None:
    assert entities(title) == found


def test_an_age_is_read_only_with_a_birth_year_and_a_story_date(tmp_path: Path) -> None:
    """Without ``born``, or without the watchlist's source date, an age says nothing; with
    both, ``explain`` names the age and the year."""
    entity = ("entities:\n  - id: ana-diaz\n    name: Ana Díaz\n    type: person\n"
              "    priority: high\n    aliases: [Ana Díaz]\n")
    title = "Ana Díaz, 12, wins the regional chess final"
    for head, born, found in (("source: {date: 2025-06-01}\n", "    born: 1970\n", set()),
                              ("source: {date: 2025-06-01}\n", "", {"ana-diaz"}),
                              ("", "    born: 1970\n", {"ana-diaz"})):
        path = tmp_path / "w.yaml"
        path.write_text("watchlist: w\n" + head + entity + born, encoding="utf-8")
        matcher = Matcher.compile(load_watchlists([path]))
        assert entities(title, matcher=matcher) == found, (head, born)
    path.write_text("watchlist: w\nsource: {date: 2025-06-01}\n" + entity + "    born: 1970\n",
                    encoding="utf-8")
    lines = Matcher.compile(load_watchlists([path])).explain({"title": title})
    assert any("an age of 12 beside the name: somebody else (Ana Díaz was born in 1970)" in line
               for line in lines), lines


@pytest.mark.parametrize(("title", "found"), [
    # a person's name as a whole entry of a list of tags in small letters (blind356)
    ("wildfire bulletin tags: palisades, rebuilding, trump, permits", {"donald-trump"}),
    ("Orange juice futures tag list: trump, tariffs, Brazil", {"donald-trump"}),
    # ... not a card club's trump, nor a group's short name that is a plain word there
    ("Bridge club tags: no-trump, trump, slams", set()),
    ("Stock keywords: cartel, sun, soles, drugs, Venezuela", set()),
    # ... nor the word outside a list's entries
    ("Tags: the trump card wins the hand", set()),
    # Spanish spelling by ear: the h as a j, the Q as a C (blind356, blind358, and older)
    ("Mesa redonda: Boko Jaram y las islas del lago Chad", {"boko-haram"}),
    ("Condenado por difundir propaganda de «Al Caeda»", {"al-qaeda"}),
    ("El alcaide de la cárcel de Ceuta dimite", set()),
])
def test_tag_list_entries_and_spelling_by_ear(title: str, found: set[str]) -> None:
    assert entities(title) == found


def test_a_groups_plural_s_dropped_is_another_word_but_a_letter_inside_is_a_slip(
        tmp_path: Path) -> None:
    """A letter dropped from a group's name of two words beside a word of four is a slip
    ("Boko Harm"), but not its plural's last s: "Delta food banks" are not "Delta Foods"."""
    m = compile_yaml(tmp_path, """watchlist: w
entities:
  - id: delta-foods
    name: Delta Foods
    type: organization
    priority: low
    aliases: [Delta Foods, Naco Pharma]
""")
    assert not m.match({"title": "Mississippi Delta food banks brace for cuts"}).entities
    assert {e.entity_id for e in m.match({"title": "Naco Phrma recalls a batch"}).entities} == {
        "delta-foods"}


@pytest.mark.parametrize(("title", "summary", "found"), [
    # the Senate that hears the command's chiefs, the coasts and small islands it is said to
    # watch: the US command, named bare (blind311, blind326, blind327)
    ("Senado: audiencia anual del Comando Sur, 19 de marzo", "Sala SD-G50, 9:30.",
     {"us-southern-command"}),
    ("El alcalde acusa al Comando Sur de intimidar", "Dijo que intimida a los pueblos costeros.",
     {"us-southern-command"}),
    ("O Comando Sul deveria ouvir as pequenas ilhas", "", {"us-southern-command"}),
    # ... not a sibling command said to be the right one, nor a bare name with none of it
    ("Correction: U.S. Northern Command, not Southern Command, leads the border mission", "",
     set()),
    ("El Comando Sur gana el torneo de fútbol sala", "", set()),
])
def test_the_southern_command_by_its_senate_and_its_coasts(title: str, summary: str,
                                                          found: set[str]) -> None:
    assert entities(title, summary) == found


@pytest.mark.parametrize(("title", "found"), [
    # a trade that is none of the person's right before the name, or just after its comma:
    # somebody else of that name (blind106, blind113, blind155, blind36)
    ("El panadero Marco Rubio abrirá su segundo local en Castellón", set()),
    ("Castellón baker Marco Rubio plans to open a second shop", set()),
    ("Marco Rubio, a Rosario baker, is tired of the jokes", set()),
    ("Marco Rubio, patrón de un arrastrero de Burela, gana el premio", set()),
    ("Maduro, guarda-redes do Petro de Luanda, defende dois penáltis", set()),
    # ... not the person's own trades, nor a trade further on
    ("Marco Rubio, the secretary of state, met a baker in Miami", {"marco-rubio"}),
    ("Nicolás Maduro, a former bus driver, addresses the union", {"nicolas-maduro"}),
    ("President Donald Trump greets the firefighters of Maui", {"donald-trump"}),
])
def test_a_trade_beside_the_name_that_is_none_of_his(title: str, found: set[str]) -> None:
    assert entities(title) == found


def test_explain_names_the_trade() -> None:
    lines = MATCHER.explain({"title": "El panadero Marco Rubio abre otro local"})
    assert any("after 'panadero': a trade not his" in line for line in lines), lines


def test_no_trade_of_the_persons_own_youth_nor_a_kinship() -> None:
    """Maduro's baseball and his son's "padre" are no namesake's marks (blind303)."""
    assert entities("Nicolás Maduro, el pelotero frustrado: su juicio repasa los gastos") == {
        "nicolas-maduro"}
    assert entities("Maduro Guerra y su padre Nicolás Maduro, ante el juez") == {
        "nicolas-maduro"}
    assert entities("Senators vet Trump nominee for the Southern Command") >= {"donald-trump"}


@pytest.mark.parametrize(("title", "summary", "found"), [
    # after blind361's first score (travel feeds): a rental fleet's Ford models
    ("Ford Everest now in our Namibia self-drive fleet",
     "The fleet adds the Ford Everest with two rooftop tents.", set()),
    ("Atacama en 4x4: el Ford Edge, en nuestra flota de alquiler", "", set()),
    # ... the carrier still in a fleet's news, with its escort, at the edge of waters (the
    # models are phrases with "Ford", not words anywhere in the item)
    ("The Ford leads the fleet into the Caribbean", "The USS Gerald R. Ford and its escorts.",
     {"uss-gerald-r-ford"}),
    ("The Ford arrives in the Caribbean with a destroyer escort",
     "The carrier Ford and its escort entered the Caribbean, the Navy said.",
     {"uss-gerald-r-ford"}),
    ("The Ford moves to the edge of Venezuelan waters",
     "The aircraft carrier Ford sailed to the edge of Venezuelan waters.", {"uss-gerald-r-ford"}),
    # ... an apposition's trade after an article and two words
    ("Our favourite Florence guide is called Marco Rubio",
     "Marco Rubio, a Florentine art historian, guides our groups.", set()),
    # ... the dry season ("estação seca") is no gauging station's name
    ("El Tunco e El Zonte vendem segurança aos surfistas",
     "As pousadas dizem que a MS-13 já não cobra dos negócios da praia na estação seca.",
     {"ms-13"}),
])
def test_travel_copys_lookalikes(title: str, summary: str, found: set[str]) -> None:
    assert entities(title, summary) == found


@pytest.mark.parametrize(("title", "found"), [
    # an illness that strikes a cruise, a fish's attack off an island: no strike (blind361)
    ("Norovirus strikes 140 passengers on a Caribbean sailing", False),
    ("Snorkeller bitten in barracuda attack off Bonaire", False),
    # ... a US strike off the same island still one
    ("US strike destroys a go-fast boat off Bonaire, Southern Command says", True),
])
def test_an_illness_or_a_fish_is_no_strike(title: str, found: bool) -> None:
    assert ("caribbean-boat-strikes" in topics(title)) is found


@pytest.mark.parametrize(("title", "summary", "found"), [
    # the groups by Mexico's adjective are the US's listing (blind361, blind71, blind137,
    # blind303); Mexico's government by it is still Mexico's own
    ("Trump promises more cartel designations",
     "President Trump said more Mexican cartels would be designated as terrorist "
     "organizations very soon.", True),
    ("State Department adds two Mexican cartels to terrorist list", "", True),
    ("El gobierno mexicano designa a los cárteles como terroristas", "", False),
])
def test_mexicos_adjective_on_the_groups_is_no_listing_of_mexicos(title: str, summary: str,
                                                                  found: bool) -> None:
    assert ("fto-designation" in topics(title, summary)) is found


def test_his_jail_in_small_letters_in_a_forum() -> None:
    """'com o maduro preso' (blind361): only he can be meant; a ripe mango is not."""
    assert entities("Re: ainda vale a pena visitar Caracas com o maduro preso?") == {
        "nicolas-maduro"}
    assert entities("el mango maduro preso en la rama del patio") == set()


@pytest.mark.parametrize(("title", "found"), [
    # after blind360's first score (health feeds): a physician's title and trade beside the
    # name; the sentence going on after a comma is no apposition
    ("Profile: Dr. Nicolás Maduro Ortega, Mérida's paediatrician of the year", set()),
    ("Breves: el depuesto gobernante venezolano, Maduro, pide un cardiólogo en prisión",
     {"nicolas-maduro"}),
    # ... a group's name of two words in small letters as a keyword list's entry
    ("Keywords: carteles unidos, landmines, Michoacán: blast injuries in lime growers",
     {"carteles-unidos"}),
    # ... a group's labs are its drug labs, not a firm's ("Labs" is no firm's word)
    ("Drug-safety alert: counterfeit pills traced to Sinaloa Cartel labs", {"sinaloa-cartel"}),
])
def test_health_copys_names(title: str, found: set[str]) -> None:
    assert entities(title) == found


def test_the_state_department_revoking_a_listing() -> None:
    """A revocation of a group's listing is the FTO topic (blind360); another US list's
    revocation (a state sponsor of terrorism) is not."""
    assert "fto-designation" in topics(
        "History page", "The State Department revoked the Aum Shinrikyo listing in 2022.")
    assert "fto-designation" not in topics(
        "History page", "The State Department revoked Cuba's state sponsor of terrorism "
        "designation.")


@pytest.mark.parametrize(("title", "summary", "found"), [
    # the US's forces beside a craft in one field, told with a verb no list holds (44 older
    # strike items of the blind sets)
    ("Pescadores de Güiria", "Fuerzas estadounidenses evaporaron una piragua a seis millas de "
     "Güiria el martes.", True),
    ("Families in Carúpano ask for names", "The Americans made kindling of a pirogue off "
     "Carúpano on Sunday night.", True),
    ("Moradores de Macuro", "Forças americanas abriram um rombo num barco de pesca perto de "
     "Macuro na sexta.", True),
    # ... and a verb's present among the listed verbs (blind343)
    ("Avisos de La Ceiba", "EE. UU. demuele una lancha rápida frente a La Ceiba.", True),
    # ... the same forces at peace with a craft: a rescue, a tow, a drill
    ("US Navy rescues four from a drifting boat off Aruba", "", False),
    ("Fuerzas estadounidenses remolcan una lancha averiada hasta Curazao", "", False),
    ("US Navy crews join a drill with Vieques fishing boats", "", False),
    # ... and a carrier watched from a fishing boat is no strike
    ("USS Gerald R. Ford seen from a fishing boat off Los Roques", "", False),
    # ... far from the region and from drugs, another sea's story
    ("US forces sank a boat in a Baltic exercise", "", False),
])
def test_the_us_forces_beside_a_craft_whatever_the_verb(title: str, summary: str,
                                                         found: bool) -> None:
    assert ("caribbean-boat-strikes" in topics(title, summary)) is found


@pytest.mark.parametrize(("title", "found"), [
    # the FTO material-support statute and the Supreme Court's case on it (blind311, blind360)
    ("Docket: a courier pleads not guilty under 18 U.S.C. § 2339B", True),
    ("Law school panel revisits Holder v. Humanitarian Law Project", True),
    # ... not its sibling for support to terrorists without a listed group
    ("Docket: a courier pleads not guilty under 18 U.S.C. § 2339A", False),
])
def test_the_material_support_statute_is_the_listings(title: str, found: bool) -> None:
    assert ("fto-designation" in topics(title)) is found


@pytest.mark.parametrize(("title", "found"), [
    # the US opening the sentence with the verb, a long branch's name before "as terrorist"
    # (blind25, blind321)
    ("EE. UU. designa a la rama saheliana del Estado Islámico como organización terrorista",
     True),
    ("US designates the West African branch of the Islamic State group as a terrorist "
     "organization", True),
    # ... not another verb of the US, nor the verb far from it
    ("US names the West African branch of the Islamic State group in a report on terrorism",
     False),
])
def test_the_us_designates_a_long_name_as_terrorist(title: str, found: bool) -> None:
    assert ("fto-designation" in topics(title)) is found


@pytest.mark.parametrize(("title", "summary", "found"), [
    # after blind363's first score (maritime feeds): an age set off by commas before the
    # trade of a namesake's apposition
    ("Cofradía de Cádiz", "Marco Rubio, de 48 años, contramaestre de un palangrero, volvió "
     "a faenar el lunes.", set()),
    ("Harbour notes", "Marco Rubio, 47, a longshoreman at Port Everglades, retired.", set()),
    ("Rubio in Panama", "Marco Rubio, 55, the secretary of state, toured the canal.",
     {"marco-rubio"}),
    # ... an insurer's claims portal named ISIS
    ("Avisos", "El portal de siniestros ISIS estará en mantenimiento el domingo.", set()),
])
def test_maritime_copys_namesakes(title: str, summary: str, found: set[str]) -> None:
    assert entities(title, summary) == found


@pytest.mark.parametrize(("title", "summary", "found"), [
    # a half-submerged container that strikes a yacht is no narco-sub's strike (blind363)
    ("Sinistro: contêiner semissubmerso atinge lancha à noite", "", False),
    # ... while the semi-submersible craft still counts
    ("Ataque dos EUA atinge semissubmersível com cocaína", "", True),
    # a hurricane's past tense ("golpeó") strikes no boat (blind363)
    ("El huracán Beryl golpeó Granada y hundió botes en Carriacou", "", False),
    # a strike seen from a ferry's bridge is still one; a boat that hits a bridge is not
    ("Ferry crew saw the U.S. strike from the bridge off Carriacou",
     "The strike blew a gommier apart, the crew said.", True),
    ("Pleasure boat strikes a bridge off Carriacou", "", False),
])
def test_maritime_copys_strikes(title: str, summary: str, found: bool) -> None:
    assert ("caribbean-boat-strikes" in topics(title, summary)) is found


@pytest.mark.parametrize(("title", "summary", "found"), [
    # after blind362's first score (energy feeds): a second surname the aliases do not list
    # before the age or the trade of a namesake's apposition
    ("Plant news", "Nicolás Maduro Sánchez, 29, from Punto Fijo, joined the turnaround crew.",
     set()),
    ("Plant news", "Thanks to Nicolás Maduro Pérez, our welder of the month, from Cabimas.",
     set()),
    ("En Nueva York", "Nicolás Maduro Moros, 63, compareció ante el juez.", {"nicolas-maduro"}),
    # ... a forum's title opening in small letters on the name, the summary too
    ("trump colgó otra vez el video de la lancha en Güiria, ¿alguien sabe más?",
     "pregunto en serio. trump lo publicó anoche con la leyenda de siempre.",
     {"donald-trump"}),
    # ... a utility's systems by their codes
    ("Distribuidora", "La subestación móvil MS-13 llega a Maracaibo para la demanda de "
     "verano.", set()),
    ("Distribuidora", "ISIS, su sistema de supervisión de subestaciones, migra a la nube.",
     set()),
])
def test_energy_copys_names(title: str, summary: str, found: set[str]) -> None:
    assert entities(title, summary) == found


def test_a_port_that_stops_berthing_after_a_strike() -> None:
    """'berthing' alone was a veto (a ship berthing into a crane); a port limiting berthing
    after a US strike is the story (blind362). The crane's own phrase still vetoes."""
    assert "caribbean-boat-strikes" in topics(
        "Gas dock halts night berthing", "Berthing is limited to daylight following a U.S. "
        "military strike on a speedboat off Icacos.")
    assert "caribbean-boat-strikes" not in topics(
        "Box ship strikes a gantry crane while berthing at Kingston", "")


@pytest.mark.parametrize(("title", "summary", "found"), [
    # after blind364's first score (environment feeds): the Pentagon's own "eliminated"
    ("The Cayo Sal case and the Cartel de los Soles", "Officials linked the boat eliminated "
     "near Cayo Sal to the Cartel de los Soles.", True),
    # ... and a US strike beside a wildlife project's animals, not a boat that strikes them
    ("Turtle patrol stays ashore after U.S. strike", "A U.S. airstrike set an outboard boat "
     "ablaze a mile off the Paria turtle beach.", True),
    ("Seabird census moved", "Our tagged boobies were feeding near the narco boat that U.S. "
     "Southern Command said it destroyed near La Blanquilla.", True),
    ("Manatee killed in boat strike off Belize City", "", False),
])
def test_environment_copys_strikes(title: str, summary: str, found: bool) -> None:
    assert ("caribbean-boat-strikes" in topics(title, summary)) is found


@pytest.mark.parametrize(("title", "found"), [
    # an item that says its man is no kin of the watched one (blind364, blind106)
    ("Nuestro guía en Morrocoy se llama Nicolás Maduro, sin parentesco", set()),
    ("Boatbuilder Marco Rubio, no relation to the secretary, launches a sloop", set()),
    # the zoos' species records called ISIS (blind364)
    ("Registros del antiguo ISIS, el sistema internacional de información de especies, en "
     "zoológicos", set()),
])
def test_environment_copys_namesakes(title: str, found: set[str]) -> None:
    assert entities(title) == found


@pytest.mark.parametrize(("title", "found"), [
    # a silent h written before a word's first vowel, as Spanish spells by ear, in a name of
    # two words or more (blind327, blind338, blind356, blind364, blind341), a shared word too
    ("Retenes de los Cárteles Hunidos en la carretera de Apatzingán", {"carteles-unidos"}),
    ("Curso para policías: el Tren de Haragua en las ciudades", {"tren-de-aragua"}),
    # ... not a name of one word
    ("Hisis, la nueva tienda de ropa del centro, abre el sábado", set()),
])
def test_a_silent_h_before_a_first_vowel(title: str, found: set[str]) -> None:
    assert entities(title) == found


@pytest.mark.parametrize(("title", "found"), [
    # after blind365's first score (defence and veterans' feeds): a part's number, the
    # president's museum by its short name
    ("Supply desk: MS-13 hose clamps back in stock next week", set()),
    ("Ford Presidential Museum opens a gallery on the Navy years", set()),
    # ... while the carrier stays itself
    ("USS Gerald R. Ford leaves Norfolk for the Caribbean", {"uss-gerald-r-ford"}),
])
def test_defence_copys_lookalikes(title: str, found: set[str]) -> None:
    assert entities(title) == found


@pytest.mark.parametrize(("title", "summary", "found"), [
    # the US's aircraft beside a craft, whatever the verb (blind288, blind201, blind281): the
    # carrier's jets too, not the carrier itself
    ("US jets razed a twin-outboard boat east of Curaçao", "", True),
    ("Caças do porta-aviões Gerald R. Ford arrasam uma voadeira perto de Puerto Cabello", "",
     True),
    ("Incursión de helicóptero estadounidense contra una chalupa cerca de Lechería", "", True),
    ("US jets fly home after a rescue drill with fishing boats off Aruba", "", False),
    # a lake or lagoon named in an item that names no region is no veto: the Caribbean has
    # lagoons and a pitch lake (blind364, blind350); a lake's own navy still is
    ("Refugio de Cuare prohíbe kayak tras el ataque de EE. UU. contra un bote fuera de borda",
     "El refugio cerró la laguna a los kayaks; un ataque de EE. UU. calcinó un bote fuera de "
     "borda a la entrada del refugio.", True),
    ("La Marina de Guerra del Perú ataca una lancha de contrabandistas en el lago Titicaca", "",
     False),
    # a craft capsized by a US strike named as such (blind321); capsized alone, an accident
    ("Longliner capsized by US strike near Chichibacoa", "", True),
    ("Coast Guard strike team helps with a capsized barge off Puerto Rico", "", False),
    # the region's own words for a seiner and a fishing boat
    ("Compradores de El Yaque: aviões do USS Gerald R. Ford explodiram o cerqueiro", "", True),
    ("Ataque mortal de EE.UU. contra un cachucho cerca de Boca de Aroa: dos fallecidos", "",
     True),
])
def test_more_strikes_told_by_the_forces_craft_and_places(title: str, summary: str,
                                                          found: bool) -> None:
    assert ("caribbean-boat-strikes" in topics(title, summary)) is found


@pytest.mark.parametrize(("title", "found"), [
    # another country named as the owner of the list (blind304, blind194, blind222)
    ("Ecuador's terror designation of port gangs brings soldiers to Manta tuna docks", False),
    ("New Zealand's terror designation of a gang and the pastor who visits its members", False),
    # ... not a country speaking of the US's designation
    ("Mexico warns terror designations must not become pretext for intervention", True),
])
def test_a_countrys_own_terror_list_by_its_possessive(title: str, found: bool) -> None:
    assert ("fto-designation" in topics(title)) is found


@pytest.mark.parametrize(("title", "summary", "found"), [
    # after blind367's first score (obituaries and society pages): a launch wrecked by the
    # US's forces, the article right before it, the verb either side
    ("Condolences to the Quintero household of Los Taques", "One of the men who died when US "
     "forces shattered a launch off Los Taques on 2 November.", True),
    ("Ferry news", "Two deckhands were on a launch that US forces obliterated on 21 October.",
     True),
    ("Sarteneja couple's dinner becomes a memorial", "Their grandson was taken when a US "
     "missile set a launch ablaze off Sarteneja.", True),
    # ... not a launch's pad, nor a product's launch
    ("US engineers demolished the launch pad at Cape Canaveral", "", False),
    ("US forces celebrate the launch of a new recruiting app", "", False),
    # ... the US's air arm as a whole, in Spanish and Portuguese
    ("Fajardo: la parroquia recuerda a dos vecinos", "Murieron cuando la aviación "
     "estadounidense despedazó un bote rápido al este de Fajardo.", True),
    ("Reencontro da turma de 2004", "Kevon morreu quando a aviação americana destroçou uma "
     "embarcação em alto-mar de Manzanilla.", True),
    # after blind366's (migration feeds): its warships and pilots beside a craft; a blockade's
    # warships alone are no strike
    ("Asylum officers hear of the Batalla strike", "Her eldest died when U.S. warships fired "
     "on his dinghy off Batalla.", True),
    ("Shelter bulletin", "His cousin was on a motor launch that U.S. pilots pulverized off "
     "Zazárida.", True),
    ("On this day in 1962: US warships enforce the quarantine of Cuba", "The blockade line "
     "ran north of Cuba; no ship was fired on.", False),
])
def test_obituary_and_migration_copys_strikes(title: str, summary: str, found: bool) -> None:
    assert ("caribbean-boat-strikes" in topics(title, summary)) is found


def test_the_secretary_designating_names_of_many_words() -> None:
    """The secretary of state opening the sentence on the verb reads the terror word further
    on, as the US itself does (blind366); another verb of his does not."""
    assert "fto-designation" in topics(
        "Rubio designates Brazil's Terceiro Comando Puro and Amigos dos Amigos as terrorist "
        "organisations")
    assert "fto-designation" not in topics(
        "Rubio meets Brazil's foreign minister and the head of a group that tracks terrorist "
        "organisations")


@pytest.mark.parametrize(("title", "found"), [
    # a trade before a person's given name makes the surname's hit somebody else's too
    # (blind106): the surname alone once read only the given name before it
    ("El soldador Nicolás Maduro gana el concurso de la feria", set()),
    ("Welder Marco Rubio wins the county fair's prize", set()),
    ("El presidente Nicolás Maduro habla en Caracas", {"nicolas-maduro"}),
    # ... not a trade that ends the sentence before the name (a title's stop is read: "Dr.")
    ("The club thanked its spring sculptor. Marco Rubio spoke to reporters about the "
     "designation.", {"marco-rubio"}),
    # a credit union and couriers named after the command (blind367, blind366)
    ("Southcom Credit Union's holiday raffle", set()),
    ("Comando Sur Envíos sube sus tarifas a Honduras", set()),
    ("El Comando Sur envía ayuda a Honduras", {"us-southern-command"}),
    # a silent e after the last consonant of a name of two words or more (blind333, blind348,
    # blind367)
    ("Agricultores longe das ilhas por causa do Boko Harame", {"boko-haram"}),
])
def test_obituary_and_migration_copys_names(title: str, found: set[str]) -> None:
    assert entities(title) == found


@pytest.mark.parametrize(("title", "summary", "found"), [
    # after blind368's first score (labour feeds): a labour strike beside the US's strike on a
    # craft, the US's named as such, tells of both
    ("Pargos ferry workers strike for a day after a US missile strike", "The crews stopped "
     "after the US missile strike on a pirogue off Pargos last week.", True),
    ("¿Se descuenta el día de huelga?", "Faltaron por los entierros tras un ataque de EE. UU. "
     "contra una piragua en aguas de Bayahíbe.", True),
    ("Dá para descontar o dia de greve?", "Faltaram aos funerais depois de um ataque dos EUA a "
     "um veleiro nas águas de Jacmel.", True),
    # ... a labour strike alone stays one, whatever boats it stops
    ("Ferry workers strike for a day over pay", "No boat left Pargos; the union wants a raise.",
     False),
    ("Huelga de lancheros en Bayahíbe", "Los botes no salen hasta que suba la tarifa.", False),
    # after blind369's (food and hospitality feeds): a rocket, a craft bursting, a scow
    ("Feria del rondón suspendida", "Se canceló después de que un cohete estadounidense "
     "reventara un peñero frente a Cahuita.", True),
    ("Auction called off", "SOUTHCOM said a scow it struck near the marina of Lecherías was "
     "moving drugs.", True),
    ("SpaceX rocket lands on a drone ship off Florida", "", False),
])
def test_labour_and_food_copys_strikes(title: str, summary: str, found: bool) -> None:
    assert ("caribbean-boat-strikes" in topics(title, summary)) is found


@pytest.mark.parametrize(("title", "found"), [
    # a person's whole name followed by another second surname than the watchlist's is
    # another man's (blind368, blind369); his own second surname, a date, a longer capitalised
    # phrase and a headline's capitals are not
    ("Se jubila Nicolás Maduro Quijada, chofer de la ruta de Valera", set()),
    ("Guanta crane hand Nicolás Maduro Peña retires after 30 years", set()),
    ("Nicolás Maduro Moros appears in court in New York", {"nicolas-maduro"}),
    ("Prosecutors say Nicolás Maduro Tuesday asked for a delay", {"nicolas-maduro"}),
    ("Nicolás Maduro Faces Judge In Manhattan", {"nicolas-maduro"}),
    # ... and more trades of a market, a bar or a yard before or after the name
    ("Fishmonger Marco Rubio, 52, of Vigo wins the tuna-cutting contest", set()),
    ("Nicolau Maduro, 66, taberneiro de Aveiro, fecha a tasca", set()),
    # a key beside the letter's struck instead, a vowel's too (blind368)
    ("Employees ask for leave to watch the Nicolás Madurp hearing", {"nicolas-maduro"}),
    ("Amenazas del Tren de Aragya contra un trabajador", {"tren-de-aragua"}),
    ("Relocation memo cites Boko Haeam attacks near Gwoza", {"boko-haram"}),
    # an acronym said to be short for the words before it, a number among them (blind369)
    ("How Mother Starter 13, MS 13 for short, made the bakery's bread", set()),
    ("Mara Salvatrucha, MS-13 for short, was designated in February", {"ms-13"}),
])
def test_labour_and_food_copys_names(title: str, found: set[str]) -> None:
    assert entities(title) == found


@pytest.mark.parametrize(("title", "found"), [
    # another country's act told after it, by the one that did it (blind369, blind80)
    ("Hoteleros y la declaración de la CAM como grupo terrorista por el gobierno chileno",
     False),
    ("Hotéis comentam a declaração dos Comandos de la Frontera como terroristas pela Colômbia",
     False),
    # a hotel's training officer, a job's listings (blind369, blind368)
    ("Hotel group hires a front-of-house training officer, or FTO, for every property", False),
    ("Recruiter: the Gulf cartel posts fake driver listings to find smugglers", False),
    # ... and the US's own list still counts
    ("Tren de Aragua declared a foreign terrorist organization by the US", True),
])
def test_labour_and_food_copys_designations(title: str, found: bool) -> None:
    assert ("fto-designation" in topics(title)) is found


@pytest.mark.parametrize(("title", "summary", "found"), [
    # after blind370's first score (motoring feeds): a craft the US says it wrecked, told in
    # a relative clause, its claim's verb between
    ("Quad rental shuts", "Two guides were on a launch that US Southern Command said it had "
     "hammered off Bocas del Toro.", True),
    ("Cierra el alquiler de cuatrimotos", "Dos guías iban en un lanchón que el Comando Sur de "
     "EE. UU. afirmó haber destruido cerca de Achutupu.", True),
    # ... a launch wrecked in the passive, a craft rocketed
    ("Beach sprint called off", "A fiberglass launch was blown up off Boca de Aroa; President "
     "Trump posted the video.", True),
    ("Scooter club marks a month", "SOUTHCOM rocketed a motor launch off Isla Fuerte.", True),
    # ... not a product's launch the US's forces put off
    ("US forces said the launch had been delayed by a month", "", False),
])
def test_motoring_copys_strikes(title: str, summary: str, found: bool) -> None:
    assert ("caribbean-boat-strikes" in topics(title, summary)) is found


@pytest.mark.parametrize(("title", "found"), [
    # a code named as one (blind370)
    ("Service bulletin: fault code MS-13 on hybrid dashboards", set()),
    ("Llamado a revisión de neumáticos con código TdA por la banda de rodadura", set()),
    ("MS-13 code of silence broken in a Long Island court", {"ms-13"}),
    # a key beside a letter's in a long word other names share ("Unidos": Estados Unidos),
    # and a key beside the last letter after it (blind370, blind368, blind314, blind367)
    ("Carteles Unisos bloquea a los camiones de aguacate en Buenavista", {"carteles-unidos"}),
    ("Lime strike blames a Carteles Unudos fee", {"carteles-unidos"}),
    ("La caravana de Nicolás Madurol sale a subasta", {"nicolas-maduro"}),
    # ... not a plural's s ("Salvatruchas": Salvadorans, as they call themselves)
    ("'Salvatruchas com orgulho': comunidade de São Paulo celebra a independência", set()),
])
def test_motoring_copys_names(title: str, found: set[str]) -> None:
    assert entities(title) == found


def test_a_name_vetoed_far_off_counts_as_the_actor_of_its_topic() -> None:
    """A name an unless term vetoes (a road police's closure) counts when a topic of its file
    matched on that very name as the story's actor, and the vetoing word stands well apart
    in the same field (blind370); not beside it, nor in another field that says what it is
    (other-seed-8's "ANAC brasileira", other-seed-22's Portuguese federation)."""
    summary = ("La policía desvió el tráfico el 25 de septiembre por una marcha por dos hombres "
               "cuyo bote de motor el Comando Sur afirmó haber volado ante Puerto Barrios.")
    assert "us-southern-command" in entities("Desvían el tráfico por una marcha", summary)
    assert "us-southern-command" not in entities(
        "La Policía y su Comando Sur volaron un bote de motor ante Puerto Barrios", "")


@pytest.mark.parametrize(("title", "found"), [
    # after blind371's first score (press releases): the group in small letters after the
    # article that makes it the group, or before what only the group has (also blind344,
    # blind368, blind370)
    ("Demissão por propaganda do estado islâmico no celular da empresa", {"isis"}),
    ("Employee fired over islamic state propaganda on a work phone", {"isis"}),
    ("Los talibanes quieren un estado islámico en Afganistán", set()),
    # an acronym spelt out after a possessive; a product named after the goddess
    ("Card processor moves 300 clients to ISIS, its Integrated Settlement and Invoicing Suite",
     set()),
    ("Beauty brand launches its Isis line, named after the Egyptian goddess, inspired by oils",
     set()),
    # the school named after the president, a farm's trade before a namesake
    ("La Escuela Gerald R. Ford de la Universidad de Míchigan nombra decana; enviado a la "
     "prensa", set()),
    ("El agrónomo Marco Rubio Alcaraz se une a una empresa de riego de Murcia", set()),
])
def test_press_release_copys_names(title: str, found: set[str]) -> None:
    assert entities(title) == found


@pytest.mark.parametrize(("title", "found"), [
    # the Caribbean's other states and Europe's lists are other countries' (blind371, blind38)
    ("Grenada lists Cartel de los Soles as terrorist group; banks told to freeze funds", False),
    ("Vítimas saúdam inclusão de rede neonazi na lista portuguesa de organizações terroristas",
     False),
    ("US lists Cartel de los Soles as a foreign terrorist organization", True),
])
def test_press_release_copys_designations(title: str, found: bool) -> None:
    assert ("fto-designation" in topics(title)) is found


@pytest.mark.parametrize(("title", "found"), [
    # after blind373's first score (fashion and retail feeds): the end of a range of codes, a
    # family firm after its '&', a shop's kind in small letters before its owner's name
    ("New matte lipsticks: shades MS-11 to MS-13 sell out first", set()),
    ("MS-13 leader extradited to El Salvador", {"ms-13"}),
    ("Maduro & Hijos hat shop marks 90 years in Panama City", set()),
    ("La joyería Maduro de Oranjestad aclara su garantía", set()),
    ("El régimen de Maduro libera a presos políticos", {"nicolas-maduro"}),
])
def test_retail_copys_names(title: str, found: set[str]) -> None:
    assert entities(title) == found


@pytest.mark.parametrize(("title", "summary", "found"), [
    # the Amazon's and the Guianas' river trading boat (blind373), not a regatta
    ("Comerciantes são alertados contra preços abusivos", "Depois que o Comando Sul "
     "neutralizou um regatão ali, perto de Aquin, os preços dobraram.", True),
    ("Regata de Aquin reúne 40 veleiros", "Os barcos partem do cais ao meio-dia.", False),
])
def test_retail_copys_strikes(title: str, summary: str, found: bool) -> None:
    assert ("caribbean-boat-strikes" in topics(title, summary)) is found


def test_a_shops_listing_is_no_designation() -> None:
    """A store's listing of a souvenir is no listing of a group (blind373)."""
    assert "fto-designation" not in topics(
        "September 11 museum store pulls al-Qaeda souvenir listing")


@pytest.mark.parametrize(("title", "summary", "found"), [
    # after blind372's first score (gaming and streaming feeds): "gaming" and "gamer" veto a
    # strike only beside its words, not in a gaming site's newsletter line at the foot
    ("Montego Bay streamer raises funds", "His moderator was aboard the fast boat that SOUTHCOM "
     "says it struck off Montego Bay. Get the week's most-read gaming stories in your inbox.",
     True),
    ("A gaming podcast reviews boat strike missions in a new Caribbean shooter", "", False),
    # ... the command and the carrier by name as the ones that struck, beside a game's words
    ("Valorant open in Macanao cancelled", "Jets of the USS Gerald R. Ford blew apart a fast "
     "boat west of Macanao. Read more in our video game newsletter.", True),
    # ... a tournament beside the US's strike on a craft named as such
    ("Negril domino tournament final dedicated to a strike's dead", "Two men died in a US "
     "strike on their cigarette boat off Negril.", True),
    ("Tuna tournament: first strike at 6:40 off Negril", "Forty boats entered.", False),
])
def test_gaming_copys_strikes(title: str, summary: str, found: bool) -> None:
    assert ("caribbean-boat-strikes" in topics(title, summary)) is found


@pytest.mark.parametrize(("title", "found"), [
    # a podcast's listing and another country naming a group (blind372)
    ('Podcast listing: "Stars on the Shoulders", on the generals of the Cartel de los Soles',
     False),
    ("St Kitts and Nevis names the Cartel de los Soles a terrorist group", False),
    ("Two front companies named in a case against LNFM, a US-designated terrorist "
     "organization", True),
])
def test_gaming_copys_designations(title: str, found: bool) -> None:
    assert ("fto-designation" in topics(title)) is found


def test_a_misspelling_in_camel_case_is_a_coined_name() -> None:
    """One edit from a name, written in camel case, is a brand coined so ("SouthCon", a fan
    convention: blind372), not a writer's slip; hyphenated names keep their capitals
    ("Al-Queda") and the command's own camel case is its name ("SouthCom")."""
    assert entities("SouthCon 2026 in Atlanta adds a retro arcade hall") == set()
    assert entities("Al-Queda loyalists in Mali film attacks with action cameras") == {"al-qaeda"}
    assert "us-southern-command" in entities("SouthCom said the strike killed three narcos")


@pytest.mark.parametrize(("title", "summary", "entity", "topic"), [
    # after blind374's first score (pets, wildlife and zoo feeds): the Caribbean's territories
    # that keep lists of their own, a zoo's keeper as a namesake's trade, a craft mangled
    ("Turks and Caicos lists Cartel de los Soles; a shelter group notes the ban", "",
     "cartel-de-los-soles", None),
    ("El cuidador Marco Rubio Echeverri se jubila tras 25 años con los cóndores", "", None,
     None),
    ("Pelican roost abandoned", "A US drone mangled a runabout off Icacos.", None,
     "caribbean-boat-strikes"),
])
def test_wildlife_copys(title: str, summary: str, entity: str | None,
                        topic: str | None) -> None:
    assert entities(title, summary) == ({entity} if entity else set())
    assert set(topics(title, summary)) == ({topic} if topic else set())


@pytest.mark.parametrize(("title", "summary", "found"), [
    # after blind375's first score (legal, procurement and regulatory feeds): tenders named in
    # a newsletter's plug are no tender ring's; a ring named as such still vetoes
    ("Boletín: secuestros del Cártel del Golfo cierran clínicas en Matamoros", "Suscríbase al "
     "resumen de los lunes sobre sanciones, licitaciones y avisos de los reguladores.",
     {"gulf-cartel"}),
    ("Multan al «cártel de las licitaciones», apodado Cártel del Golfo por la prensa local",
     "La autoridad de competencia sancionó a seis constructoras.", set()),
])
def test_procurement_copys_names(title: str, summary: str, found: set[str]) -> None:
    assert entities(title, summary) == found
