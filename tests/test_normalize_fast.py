"""normalize's fast paths give exactly what the slow ones give.

html_to_text reduces markup made only of plain tags with a regex instead of HTMLParser, and fold
skips Unicode decomposition for ASCII text; these tests hold them to the reference behaviour
(HTMLParser, NFKD + unicodedata.combining) on generated markup.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor import normalize

FRAGMENTS = [
    "<p>", "</p>", "<b>", "</b>", "<br>", "<br/>", "<br />", "<img src=\"x.jpg\" alt=''/>",
    '<a href="https://e.org/?a=1&amp;b=2">', "</a>", "<div class=x>", "</div>", "<P>", "</P>",
    "<script>", "</script>", "<style>", "<!-- c -->", "<title>", "</title>", "<li>", "<x-y>",
    "<a title='>'>", "<a b=\"<\">", "< not a tag", "a < b", "&amp;", "&lt;", "&#233;", "&#x263A;",
    "&nbsp;", "&bogus;", "&", "Nicolás", "Maduro", " ", "  ", "\n", "\t", "\x0b", "\u00a0",
    "text", "é", "e\u0301", "ﬁ", "<![CDATA[x]]>", "<?pi?>", "</ p>", "<p\n>", "<br/ >", "]]>",
    "&am", "p;", "&lt", "&#x26", "&notin", "&#57344;", "\ue000", "&a", "&AMP",
    # boxes of other headlines (the parser leaves them out; the fast path must hand them over)
    '<div class="jp-relatedposts">', "<ul>", "</ul>", "<ol>", "Related:", "Lee también",
    "Leia também:", "Tags: ", "Most read", "<strong>", "</strong>", "<aside id=share>",
    "</aside>", "related", "Read more",
    # headings in capitals, and the letters IGNORECASE reads as i and s that lower() does not
    "RELATED:", "LEE TAMBIÉN", "LEİA TAMBÉM", "Leıa também", "ſee alſo", "MOST READ", "Mais Lidas",
]


def slow_html_to_text(value: str) -> str:
    original = normalize._plain_markup_text
    normalize._plain_markup_text = lambda v: None
    try:
        return normalize.html_to_text(value)
    finally:
        normalize._plain_markup_text = original


def slow_fold(text: str) -> str:
    import re

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", stripped))


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30))
def test_html_to_text_fast_path_equals_htmlparser(parts):
    """Any mix of plain tags, special tags, comments, stray '<' and entities."""
    value = "".join(parts)
    assert normalize.html_to_text(value) == slow_html_to_text(value)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_html_to_text_fast_path_equals_htmlparser_on_any_text(value):
    assert normalize.html_to_text(value) == slow_html_to_text(value)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=80))
def test_fold_equals_reference(text):
    assert normalize.fold(text) == slow_fold(text)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=80))
def test_fold_of_ascii_text_equals_reference(text):
    """ASCII text takes a path of its own (no decomposition; words split by a table)."""
    assert normalize.fold(text) == slow_fold(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(whitelist_categories=("Mn", "Mc", "Me", "Ll", "Lu", "Zs")),
               max_size=40))
def test_fold_strips_every_combining_mark(text):
    """Marks and letters of any plane (the BMP's marks are stripped by a regex, the others by
    the table), as the reference strips them."""
    assert normalize.fold(text) == slow_fold(text)


@pytest.mark.parametrize("value", ["<script>var a = '<p>';</script>x", "<p>a</p><!-- <br> -->b"])
def test_special_markup_takes_the_parser_path(value):
    assert normalize._plain_markup_text(value) is None
    assert normalize.html_to_text(value) == slow_html_to_text(value)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=" \t\r\n\x0b\x0c\u00a0\u2001\u200a\u202f\u205f\u3000ab", max_size=20))
def test_white_space_runs_collapse_to_one_space(text):
    """Every run of white space but line breaks becomes one plain space (the pattern leaves a
    lone space alone, which must change nothing)."""
    import re

    reference = re.sub(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", text)
    assert normalize._SPACES.sub(" ", text) == reference


def test_plain_markup_text_equals_the_parser_before_any_cleaning():
    """The regex path's own output (before the cleaning both paths share, which could hide a
    difference: a second decoding, collapsed spaces) is the parser's, text for text, on 4,000
    mixes of fragments; most of them take the regex path."""
    import random

    rng = random.Random(7)
    engaged = trimmed = 0
    for _ in range(4000):
        value = "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(0, 12)))
        got = normalize._plain_markup_text(value)
        if got is None:
            continue
        engaged += 1
        parser = normalize._TextExtractor()
        parser.feed(value)
        parser.close()
        if not normalize._closing_box_line(value):
            assert got == "".join(parser.parts), value
        else:  # a closing "Read more" left out: the same lines, maybe not the same empty ones
            trimmed += 1
            assert _lines(got) == _lines("".join(parser.parts)), value
    assert engaged >= 800
    assert trimmed >= 40


def _lines(text: str) -> list[str]:
    return [line for line in map(str.strip, text.split("\n")) if line]


@pytest.mark.parametrize("value", [
    '<p>Talks resumed in Caracas.</p><p>More soon. <a href="https://e.org/s">Read more</a></p>',
    "<p>Talks resumed.</p>\n<p><a href='/x'>Read more &raquo;</a></p><img src=x.jpg>",
    '<p>Talks resumed.</p><p><strong>Lee también</strong></p>',
    "<p>Talks resumed.</p><p>Tags: Caracas, Rubio</p>\n",
])
def test_a_closing_read_more_line_takes_the_regex_path(value):
    """A body that ends with a box's heading alone (a "Read more" link, most feeds' last
    line) is reduced by the regex, as the parser reduces it: the heading left out, or kept
    when it only starts like one ("Read more »")."""
    assert normalize._plain_markup_text(value) is not None
    assert normalize.html_to_text(value) == slow_html_to_text(value)
    assert "Talks resumed" in normalize.html_to_text(value)


@pytest.mark.parametrize("value", [
    "<p>Talks resumed.</p><p>Related:</p><ul><li>Another story</li></ul>",
    "<p>Talks resumed. <a href=/x>Read more</a> and a second half</p><p>The end</p>",
    "<p>Related: one</p><p>Read more</p>",
])
def test_a_box_heading_before_other_text_takes_the_parser_path(value):
    """A heading with text after it (its list, the rest of its block) is the parser's: it
    decides what the box takes."""
    assert normalize._plain_markup_text(value) is None
    assert normalize.html_to_text(value) == slow_html_to_text(value)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=" \t\r\n\x0b\x0c\x1c\x1f\x85\u00a0\u1680\u2001\u200b\u2028\u2029\u3000ab",
               max_size=24))
def test_line_breaks_take_the_white_space_around_them(text):
    """White space around a line break (str.strip's, which is the regex \\s) and empty lines
    go: the text is what the regex substitution made of it before lines were stripped one by
    one instead."""
    import re

    reference = normalize._CONTROL.sub("", text).replace("\x85", "\n")
    reference = normalize._SPACES.sub(" ", reference)
    reference = re.sub(r"\s*\n\s*", "\n", reference).strip()
    assert normalize.html_to_text(text) == reference


# past ASCII but folding to it (quotes, dashes, spaces, fractions, ligatures, marks after
# punctuation), folding to capitals (™) or to a letter past ASCII (ŉ), and other scripts
_PAST_ASCII = st.sampled_from(["\u2019", "“", "—", "\u00a0", "½", "™", "…", "ﬁ", "ŉ", "ß", "é",
                               "e\u0301", "\u0483", "K", "İ", "Ω", "北", "\U0001d400",
                               "\U0001d167", "a", "Z", " ", "_", "1", "."])


@settings(max_examples=1000, deadline=None)
@given(st.lists(_PAST_ASCII, max_size=30).map("".join))
def test_fold_of_text_past_ascii_equals_reference(text):
    """Text whose characters past ASCII fold to ASCII is read as ASCII (monitor/asciifold.py);
    the rest takes the regex: both as the reference."""
    assert normalize.fold(text) == slow_fold(text)
