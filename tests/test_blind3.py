"""The matcher on the third blind set (issue 11).

tests/data/blind3.jsonl (456 items: 184 English, 153 Spanish, 119 Portuguese; 37% hard
negatives) was written from the contract and issue 11's failure classes only, by someone who
had not seen the watchlist, the matcher or the other sets (tests/data/blind3.README.md). It was
scored once, at commit 689e32b, before any rule was tuned on it; that first score is in the
README ("Accuracy"):

    entities  P 0.984  R 0.969   (en 0.992/0.956, es 0.990/0.971, pt 0.965/0.988)
    topics    P 0.964  R 0.762   (en 0.923/0.800, es 1.000/0.767, pt 1.000/0.700)

Its errors were then fixed with general rules only (the file is never edited), so its current
figures are a regression floor held at issue 11's targets, per language, and no longer an
estimate: an honest estimate needs a new blind set.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from monitor.match import Matcher
from monitor.watchlist import load_watchlists

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import eval_match  # noqa: E402

MATCHER = Matcher.compile(load_watchlists([ROOT / "seeds"]))
ITEMS = eval_match.load_labelled(eval_match.BLIND3)
BY_LANG = eval_match.evaluate_by_language(MATCHER, ITEMS)
# issue 11's targets, in each language: (precision, recall)
TARGETS = {"entities": (0.98, 0.97), "topics": (0.93, 0.93)}


def test_blind3_shape() -> None:
    """420+ items in English, Spanish and Portuguese, unique ids, known labels, a third negative."""
    assert len(ITEMS) >= 420
    assert len({i["id"] for i in ITEMS}) == len(ITEMS)
    assert set(BY_LANG) == {"en", "es", "pt"}
    assert all(sum(i["lang"] == g for i in ITEMS) >= 0.15 * len(ITEMS) for g in BY_LANG)
    assert sum(not i["entities"] and not i["topics"] for i in ITEMS) >= len(ITEMS) / 3
    entity_ids = {e.id for e in MATCHER.watchlist.entities}
    topic_ids = {t.id for t in MATCHER.watchlist.topics}
    assert {e for i in ITEMS for e in i["entities"]} == entity_ids
    assert {t for i in ITEMS for t in i["topics"]} == topic_ids


@pytest.mark.parametrize("lang", ["en", "es", "pt"])
@pytest.mark.parametrize("kind", ["entities", "topics"])
def test_blind3_meets_the_targets_in_each_language(kind: str, lang: str) -> None:
    """Micro precision and recall at issue 11's targets, language by language."""
    report = BY_LANG[lang]
    eval_match.print_table(report)
    print("\n".join(report.errors) or "no false positives or negatives")
    total = report.total(kind)
    assert total.tp >= (40 if kind == "entities" else 15), total
    precision, recall = TARGETS[kind]
    assert total.precision >= precision, total
    assert total.recall >= recall, total
