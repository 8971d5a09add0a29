"""`monitor rematch`: a grown watchlist alerts on stored items it would have matched, once."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from click.testing import CliRunner

from monitor.cli import cli
from monitor.match import Matcher
from monitor.rematch import rematch
from monitor.store import open_store
from monitor.types import MatchedItem
from monitor.watchlist import load_watchlists

from builders import T0, F, intent, item
from daemon_helpers import SEEDS

SMALL = """\
watchlist: small
entities:
  - id: marco-rubio
    name: Marco Rubio
    type: person
    priority: medium
    aliases: [Marco Rubio]
"""

ITEMS = [
    ("r1", "Marco Rubio meets Panama's president", "Talks covered migration."),
    ("m1", "Nicolás Maduro orders troops to the coast", "The army was put on alert."),
    ("b1", "Marco Rubio says Nicolás Maduro must go", "The remarks came in Miami."),
    ("n1", "Rail strike ends after two days", "Trains run again on Friday."),
]


@pytest.fixture
def setup(tmp_path):
    small_path = tmp_path / "small.yaml"
    small_path.write_text(SMALL, encoding="utf-8")
    small = Matcher.compile(load_watchlists([small_path]))
    seed = Matcher.compile(load_watchlists([SEEDS]))
    store = open_store(tmp_path / "m.db")
    store.sync_feeds([F("f1", "https://a.example/")], T0)
    items = [item("f1", guid=g, title=t, summary=s) for g, t, s in ITEMS]
    matched = [MatchedItem(i, r) for i in items if (r := small.match(i.fields()))]
    store.record_poll(intent("f1", items, matched), 3600)
    yield store, seed, tmp_path
    store.close()


def test_rematch_alerts_only_on_what_was_missed(setup):
    """Maduro items alert after the watchlist grows; Rubio, already alerted, does not again."""
    store, seed, _ = setup
    before = {a.alert_id for a in store.alerts()}
    report = rematch(store, seed, T0 - timedelta(days=1), T0 + timedelta(hours=1), {},
                     window=3600)
    new = [a for a in store.alerts() if a.alert_id not in before]
    assert sorted((a.item_key, a.entity_ids) for a in new) == [
        ("b1", ("nicolas-maduro",)), ("m1", ("nicolas-maduro",))]
    assert report.items == 4 and len(report.alerts) == 2
    again = rematch(store, seed, T0 - timedelta(days=1), T0 + timedelta(hours=2), {},
                    window=3600)
    assert again.alerts == []


def test_dry_run_changes_nothing(setup):
    """A dry run reports what would alert and writes no alert."""
    store, seed, _ = setup
    count = store.count("alerts")
    report = rematch(store, seed, T0 - timedelta(days=1), T0, {}, window=3600, dry_run=True)
    assert len(report.alerts) == 2
    assert store.count("alerts") == count


def test_rematch_cli_writes_the_alert_log_once(setup):
    """The command writes new alerts to the log; a second run writes nothing."""
    store, _, tmp_path = setup
    store.close()
    cfg = tmp_path / "monitor.yaml"
    cfg.write_text(
        f"paths: {{database: {tmp_path / 'm.db'}, alert_log: {tmp_path / 'alerts.jsonl'}}}\n"
        f"watchlists: [{SEEDS}]\nfeeds: [{{id: f1, url: 'https://a.example/'}}]\n")
    runner = CliRunner()
    dry = runner.invoke(cli, ["rematch", "--config", str(cfg), "--since", "2025-11-01",
                              "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "would alert" in dry.output and "would write 2 alerts" in dry.output
    first = runner.invoke(cli, ["rematch", "--config", str(cfg), "--since", "2025-11-01"])
    assert first.exit_code == 0, first.output
    lines = [json.loads(x) for x in (tmp_path / "alerts.jsonl").read_text().splitlines()]
    # the Rubio alerts from the original poll were still pending: written too, once each
    assert sorted(x["item_key"] for x in lines) == ["b1", "b1", "m1", "r1"]
    second = runner.invoke(cli, ["rematch", "--config", str(cfg), "--since", "2025-11-01"])
    assert "wrote 0 alerts" in second.output
    assert len((tmp_path / "alerts.jsonl").read_text().splitlines()) == 4
    bad = runner.invoke(cli, ["rematch", "--config", str(cfg), "--since", "last tuesday"])
    assert bad.exit_code == 2 and "expected a duration ago" in bad.output


@pytest.mark.parametrize(("window", "expected"), [("0", 2), ("72h", 1)])
def test_rematch_follows_the_dedupe_window(tmp_path, window, expected):
    """`dedupe.window: 0` turns grouping off in rematch as it does live: a story two feeds
    carried word for word alerts once per feed; with a window it alerts once."""
    store = open_store(tmp_path / "m.db")
    store.sync_feeds([F("f1", "https://a.example/"), F("f2", "https://b.example/")], T0)
    title, summary = ITEMS[1][1], ITEMS[1][2]  # Maduro: not on the small watchlist
    for feed in ("f1", "f2"):
        store.record_poll(intent(feed, [item(feed, guid="m", title=title, summary=summary)],
                                 matched=[]), 0)
    store.close()
    cfg = tmp_path / "monitor.yaml"
    cfg.write_text(
        f"paths: {{database: {tmp_path / 'm.db'}, alert_log: {tmp_path / 'alerts.jsonl'}}}\n"
        f"watchlists: [{SEEDS}]\ndedupe: {{window: {window}}}\n"
        "feeds: [{id: f1, url: 'https://a.example/'}, {id: f2, url: 'https://b.example/'}]\n")
    runner = CliRunner()
    dry = runner.invoke(cli, ["rematch", "--config", str(cfg), "--since", "2025-11-01",
                              "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert f"would write {expected} alerts" in dry.output
    done = runner.invoke(cli, ["rematch", "--config", str(cfg), "--since", "2025-11-01"])
    assert done.exit_code == 0, done.output
    lines = [json.loads(x) for x in (tmp_path / "alerts.jsonl").read_text().splitlines()]
    assert len(lines) == expected
    assert sorted(x["feed"] for x in lines) == ["f1", "f2"][:expected]
