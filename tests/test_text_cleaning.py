"""Text cleaning before matching and storing: escape sequences, controls, bidi, entities.

Feeds sometimes carry terminal output or text pasted from one: a whole escape sequence must go,
not only its ESC byte, or its parameters glue to the next word (``[31mMS-13``) and hide the name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from monitor.match import Matcher
from monitor.normalize import html_to_text
from monitor.store import open_store
from monitor.watchlist import load_watchlists

from builders import T0, intent, item

ROOT = Path(__file__).resolve().parent.parent
MATCHER = Matcher.compile(load_watchlists([ROOT / "seeds"]))

# (raw title, its cleaned text, the entity the cleaned text names)
ESCAPED = [
    ("\x1b[2J\x1b[HTren de Aragua leaders charged", "Tren de Aragua leaders charged",
     "tren-de-aragua"),
    ("Police say \x1b[31mMS-13\x1b[0m ran the ring", "Police say MS-13 ran the ring", "ms-13"),
    ("\x1b[1;33;40mMaduro\x1b[m speaks", "Maduro speaks", "nicolas-maduro"),
    ("\x9b1mHouthis\x9b0m fire missiles", "Houthis fire missiles", "houthis"),
    ("Title\x1b]0;window title\x07 Boko Haram", "Title Boko Haram", "boko-haram"),
    ("\x1b]8;;https://e.org\x1b\\Marco Rubio\x1b]8;;\x1b\\ visits", "Marco Rubio visits",
     "marco-rubio"),
    ("\x1b7\x1b(B\x1bcDonald Trump says", "Donald Trump says", "donald-trump"),
    ("\u202eCJNG\u202c gunmen", "CJNG gunmen", "cjng"),
    ("\u2066al-Qaeda\u2069 claims\x7f attack", "al-Qaeda claims attack", "al-qaeda"),
    ("Daesh\x85claims", "Daesh\nclaims", "isis"),
]


@pytest.mark.parametrize(("raw", "clean", "entity"), ESCAPED)
def test_escape_sequences_and_controls_are_removed_and_the_name_matches(raw, clean, entity):
    """The whole sequence goes, the text reads as without it and the name right after matches."""
    assert html_to_text(raw) == clean
    found = {m.entity_id for m in MATCHER.match({"title": html_to_text(raw)}).entities}
    assert found == {entity}


@pytest.mark.parametrize(("raw", "clean", "entity"), [
    # a colour code whose ESC byte a feed dropped before us: the rest goes before a name
    ("[1;31mTren de Aragua suspects charged", "Tren de Aragua suspects charged",
     "tren-de-aragua"),
    ("[0mTren de Aragua: capturan a un cabecilla", "Tren de Aragua: capturan a un cabecilla",
     "tren-de-aragua"),
    ("[1m[31mMS-13 ran the ring", "MS-13 ran the ring", "ms-13"),
    # ... not brackets of ordinary text
    ("a wall [3m tall] near Maduro's palace", "a wall [3m tall] near Maduro's palace",
     "nicolas-maduro"),
])
def test_a_colour_code_without_its_escape_byte_goes_before_a_name(raw, clean, entity):
    assert html_to_text(raw) == clean
    found = {m.entity_id for m in MATCHER.match({"title": html_to_text(raw)}).entities}
    assert found == {entity}


def test_no_control_or_bidi_character_survives():
    """DEL, C1 controls and bidi embeddings, overrides, isolates and marks are all dropped."""
    bad = "".join(chr(c) for c in (*range(0x7F, 0xA0), 0x61C, 0x200E, 0x200F,
                                   *range(0x202A, 0x202F), *range(0x2066, 0x206A)))
    out = html_to_text(f"Nicolás{bad}Maduro and\ttabs\nstay")
    assert out == "Nicolás\nMaduro and tabs\nstay"  # NEL (U+0085) is a line break


def test_an_unterminated_string_sequence_loses_only_its_introducer():
    """An OSC without its terminator does not swallow the rest of the text."""
    assert html_to_text("a \x1b]0;title Tren de Aragua") == "a 0;title Tren de Aragua"


@pytest.mark.parametrize(("raw", "clean"), [
    ("Rubio&amp;#39;s Coastal Grill opens", "Rubio's Coastal Grill opens"),
    ("Maduro&amp;rsquo;s cabinet", "Maduro\u2019s cabinet"),
    ("al-Qa&amp;#39;ida", "al-Qa'ida"),
    ("AT&amp;T and P&amp;G", "AT&T and P&G"),
])
def test_entities_escaped_twice_are_decoded(raw, clean):
    """Feeds that escape their markup twice still give the reader's text (and possessives)."""
    assert html_to_text(raw) == clean


def test_entity_possessive_and_exclusion_after_decoding():
    """A possessive written with an entity matches; an excluded business written so does not."""
    def found(title: str) -> set[str]:
        return {m.entity_id for m in MATCHER.match({"title": html_to_text(title)}).entities}

    assert found("Maduro&amp;#8217;s generals") == {"nicolas-maduro"}
    assert found("al-Qa&#39;ida affiliate") == {"al-qaeda"}
    assert found("Rubio&amp;#39;s Coastal Grill adds tacos") == set()


@dataclass
class _Feed:
    id: str
    url: str
    name: str = "x"
    interval: float = 60.0


def test_stored_text_has_no_escape_or_control(tmp_path):
    """What the store keeps (and the alert log shows) is the cleaned text."""
    store = open_store(tmp_path / "m.db")
    try:
        store.sync_feeds([_Feed("f1", "https://a.example/feed")], T0)
        raw_title = "\x1b[31mMS-13\x1b[0m\u202e leader\x9b6n held\x7f"
        it = item("f1", title=raw_title, summary="\x1b]0;x\x07Gang \u2066news\u2069\x85here")
        store.record_poll(intent("f1", [it]), window=3600)
        kept = store.item("f1", it.key)
        assert kept is not None
        assert (kept.title, kept.summary) == ("MS-13 leader held", "Gang news\nhere")
    finally:
        store.close()
