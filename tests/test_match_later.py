"""A matcher compiled when first needed (``Matcher.compile_later``): `poll-once` builds its
matcher that way, so a poll where nothing changed never compiles the watchlist, and a poll with
bodies to parse compiles it while the first one is parsed. It matches exactly as one compiled at
once."""

from __future__ import annotations

import random
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import cli
from monitor.match import Matcher
from monitor.watchlist import load_watchlists

from daemon_helpers import write_config
from feedgen import make_items, rss

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import eval_match  # noqa: E402

WATCHLIST = load_watchlists([ROOT / "seeds"])
EAGER = Matcher.compile(WATCHLIST)
ITEMS = [{"title": i["title"], "summary": i.get("summary", "")}
         for i in eval_match.load_labelled()][:150]


@pytest.fixture
def compiles(monkeypatch):
    """Counts Matcher._compile calls, and the threads they ran in."""
    seen: list[str] = []
    real = Matcher._compile

    def counted(self):
        seen.append(threading.current_thread().name)
        real(self)

    monkeypatch.setattr(Matcher, "_compile", counted)
    return seen


@pytest.mark.parametrize("begin", [True, False], ids=["prepared", "at-first-match"])
def test_a_matcher_compiled_later_matches_as_one_compiled_at_once(compiles, begin):
    m = Matcher.compile_later(WATCHLIST)
    assert m.version == EAGER.version and compiles == []
    if begin:
        m.prepare()
        m.prepare()  # once begun, a no-op
    assert [m.match(i) for i in ITEMS] == [EAGER.match(i) for i in ITEMS]
    assert m.explain(ITEMS[0]) == EAGER.explain(ITEMS[0])
    assert compiles == ["compile-watchlist" if begin else threading.current_thread().name]
    assert sum(bool(EAGER.match(i)) for i in ITEMS) > 20  # the comparison saw matches
    m.prepare()  # compiled: a no-op
    assert len(compiles) == 1


def test_a_failed_later_compile_is_raised_by_each_use(monkeypatch):
    def broken(self):
        raise RuntimeError("compile bug")

    monkeypatch.setattr(Matcher, "_compile", broken)
    m = Matcher.compile_later(WATCHLIST)
    m.prepare()
    for _ in range(2):
        with pytest.raises(RuntimeError, match="compile bug"):
            m.match(ITEMS[0])


def test_poll_once_compiles_the_watchlist_only_when_a_body_is_parsed(tmp_path, feed_server,
                                                                     compiles):
    """The first poll parses a body and compiles once (alerts and all); the second, where the
    feed answers 304, never compiles."""
    feed_server.set("/a.xml", rss("a", make_items("a", 0, 5, random.Random(1))))
    cfg = write_config(tmp_path, {"a": feed_server.url("/a.xml")}, log_level="warning")
    first = CliRunner().invoke(cli, ["poll-once", "--config", str(cfg)])
    assert first.exit_code == 0, first.output
    assert "1 ok; 5 new items" in first.output and len(compiles) == 1
    second = CliRunner().invoke(cli, ["poll-once", "--config", str(cfg)])
    assert second.exit_code == 0, second.output
    assert "1 not_modified; 0 new items" in second.output and len(compiles) == 1


def test_skipping_rules_whose_needed_terms_are_absent_changes_no_result(monkeypatch):
    """Each compiled rule keeps the term sets it needs (``_Rule.quick``), and a sub-rule one of
    whose sets is absent from an item is skipped without being evaluated: every item of every
    labelled and blind set matches exactly as with a matcher whose rules all say they need
    nothing, which evaluates every sub-rule."""
    import monitor.match as match

    items = [eval_match.item_fields(i)
             for s in eval_match.SETS for i in eval_match.load_labelled(s)]
    evals = [0]
    real_eval = Matcher._eval

    def counted(self, *args):
        evals[0] += 1
        return real_eval(self, *args)

    monkeypatch.setattr(Matcher, "_eval", counted)
    quick = [EAGER.match(i) for i in items]
    quick_evals, evals[0] = evals[0], 0
    def needs_nothing(rule: match._Rule) -> None:  # nor an index of its long any_of
        object.__setattr__(rule, "quick", ())
        object.__setattr__(rule, "any_index", None)

    monkeypatch.setattr(match._Rule, "__post_init__", needs_nothing)
    every = Matcher.compile(WATCHLIST)
    # (the items that differ named, not the lists compared: pytest's diff of 150,000 results
    # runs for many minutes)
    differ = [i.get("title") for i, q in zip(items, quick, strict=True) if every.match(i) != q]
    assert not differ, (len(differ), differ[:5])
    assert evals[0] > 3 * quick_evals  # the quick test ran and spared most evaluations
    assert sum(bool(r.topics) for r in quick) > 1000  # the comparison saw topic matches
