"""Text past ASCII that folds to ASCII takes the byte route (monitor/asciifold.py): the story
hash's folding (normalize.fold) and grouping's shingles (similar.shingles) must give exactly
what their rules give, on every character."""

from __future__ import annotations

import pytest
from test_normalize_fast import slow_fold
from test_similar import _plain_shingles

from monitor import normalize, similar

ROUTES = {
    "story hash": (normalize._ASCII, normalize.fold, slow_fold),
    "shingles": (similar._ASCII, lambda t: similar.shingles([t]),
                 lambda t: _plain_shingles([t])),
}


@pytest.mark.parametrize("name", ROUTES)
def test_every_character_past_ascii_folds_as_the_rule(name):
    """Every code point, inside words and between them: the ASCII route where it applies
    (most Latin letters and punctuation: more than 10,000 code points), the rule's result
    everywhere."""
    route, fold, rule = ROUTES[name]
    ascii_route = 0
    for code in range(0x80, 0x30000):
        if 0xD800 <= code < 0xE000:
            continue
        text = f"ab{chr(code)}cd x{chr(code)} {chr(code)}Y z"
        ascii_route += route.encode(text) is not None
        assert fold(text) == rule(text), hex(code)
    assert ascii_route > 10_000


def test_a_character_that_folds_to_capitals_or_past_ascii_takes_the_rule():
    """™ is "TM" after NFKD (the rule keeps the capitals), ŉ folds to a letter past ASCII,
    Greek stays Greek: none of them is read as ASCII."""
    for text in ("™", "ŉ", "Ελλάδα"):
        assert similar._ASCII.encode(text) is None
        assert normalize._ASCII.encode(text) is None
    assert similar._ASCII.encode("naïve “café” — ½") == b"naive  cafe    1 2"
