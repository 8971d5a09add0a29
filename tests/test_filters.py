"""Reading commands (issue 13): `alerts` and `tail` filter alike (repeated flags are OR, topics
by `topic:ID` or `--topic`), unknown ids are reported, read-only commands never create a
database, and `explain` quotes the item's own text."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from click.testing import CliRunner
from test_ops_cli import NOW, run

from monitor.alerts import AlertLog
from monitor.cli import cli
from monitor.config import load_config
from monitor.store import open_store
from monitor.types import Hit, MatchedItem, MatchResult, TopicMatch

from builders import intent, item, result
from daemon_helpers import write_config


@pytest.fixture
def three_alerts(tmp_path):
    """Alerts for nicolas-maduro (wire), diosdado-cabello (wire) and the fto-designation
    topic alone (bbc), in the database and in the alert log."""
    config = write_config(tmp_path, {"wire": "http://127.0.0.1:9/w", "bbc": "http://127.0.0.1:9/b"})
    cfg = load_config(config)
    store = open_store(cfg.database)
    store.sync_feeds(cfg.feeds, NOW)
    hit = Hit(alias="designation", field="title", start=0, end=11, text="Designation")
    topic = MatchResult(topics=(TopicMatch("fto-designation", "FTO designation", (hit,)),))
    for feed, guid, title, res in (
        ("wire", "1", "Maduro speaks", result("nicolas-maduro", "critical")),
        ("wire", "2", "Cabello talks", result("diosdado-cabello", "high")),
        ("bbc", "3", "Designation looms", topic),
    ):
        it = item(feed, guid=guid, title=title, summary=f"{title} {guid}")
        store.record_poll(intent(feed, [it], [MatchedItem(it, res)], at=NOW - timedelta(hours=1)),
                          window=0)
    AlertLog(cfg.alert_log).drain(store)
    store.close()
    return config


def titles(out: str) -> set[str]:
    return {json.loads(line)["title"] for line in out.splitlines() if line.startswith("{")}


@pytest.mark.parametrize("command", [["alerts"], ["tail", "--no-follow"]])
@pytest.mark.parametrize(("flags", "expected"), [
    (["--entity", "nicolas-maduro", "--entity", "diosdado-cabello"],
     {"Maduro speaks", "Cabello talks"}),
    (["--entity", "topic:fto-designation"], {"Designation looms"}),
    (["--topic", "fto-designation"], {"Designation looms"}),
    (["--entity", "nicolas-maduro", "--topic", "fto-designation"],
     {"Maduro speaks", "Designation looms"}),
    (["--feed", "wire", "--feed", "bbc", "--severity", "high"],
     {"Maduro speaks", "Cabello talks"}),
])
def test_alerts_and_tail_filter_alike(three_alerts, command, flags, expected):
    """Repeated --entity/--topic/--feed are OR (any of them), as the README says, in both
    commands; a topic is `topic:ID` or --topic ID."""
    code, out = run(*command, "--config", str(three_alerts), "--json", *flags)
    assert code == 0, out
    assert titles(out) == expected


@pytest.mark.parametrize("command", [["alerts"], ["tail", "--no-follow"]])
def test_unknown_ids_in_filters_are_reported(three_alerts, command):
    """A misspelt entity, topic or feed id is named on stderr (the filter then matches
    nothing it names), instead of a silent empty answer."""
    res = CliRunner().invoke(cli, [
        *command, "--config", str(three_alerts), "--json", "--entity", "nicolas-madur",
        "--topic", "fto", "--feed", "wyre"])
    assert res.exit_code == 0
    assert res.stdout == ""
    assert "unknown entity id 'nicolas-madur'" in res.stderr, res.stderr
    assert "unknown topic id 'fto'" in res.stderr
    assert "unknown feed id 'wyre'" in res.stderr


def test_read_only_commands_never_create_a_database(tmp_path):
    """rematch --dry-run, explain --item, alerts and feeds on a config whose database does
    not exist yet: a clear message, and still no database file (nor its folder)."""
    config = write_config(tmp_path, {"wire": "http://127.0.0.1:9/w"})
    config.write_text(config.read_text().replace(str(tmp_path / "monitor.db"),
                                                 str(tmp_path / "db" / "monitor.db")))
    for args in (["rematch", "--dry-run"], ["explain", "--item", "wire:1"], ["alerts"]):
        code, out = run(*args, "--config", str(config))
        assert code == 1, (args, out)
        assert "no database at" in out, (args, out)
    code, out = run("feeds", "--config", str(config), "--json")
    assert code == 0 and json.loads(out)["status"] == "new"
    assert not (tmp_path / "db").exists()


@pytest.mark.parametrize("title", ["Inside the Cartel de los Soles network",
                                   "INSIDE THE CARTEL DE LOS SOLES NETWORK",
                                   "Inside the Cártel de los Soles network"])
def test_explain_quotes_the_items_own_text(tmp_path, title):
    """The matched line quotes the title as written at the span it gives, then the alias."""
    config = write_config(tmp_path, {"wire": "http://127.0.0.1:9/w"})
    code, out = run("explain", "--config", str(config), "--title", title)
    assert code == 0, out
    (line,) = [x for x in out.splitlines() if x.startswith("cartel-de-los-soles: matched")]
    start = title.lower().index("c")
    quoted = title[start:start + len("Cartel de los Soles")]
    assert f"{quoted!r} at title[{start}:{start + len(quoted)}]" in line, line


def test_the_alias_named_for_a_hit_does_not_change_between_runs(tmp_path):
    """Two aliases that read the same once accents are folded (Nicolás / Nicolas Maduro): the
    hit names the one spelt as the text, in every process (it used to follow string hashing)."""
    import os
    import subprocess
    import sys

    config = write_config(tmp_path, {"wire": "http://127.0.0.1:9/w"})
    seen = set()
    for seed in ("1", "2", "3", "4", "5"):
        proc = subprocess.run(
            [sys.executable, "-m", "monitor", "explain", "--config", str(config), "--title",
             "Ricardo Maduro meets Nicolás Maduro"], capture_output=True, text=True, timeout=60,
            env={**os.environ, "PYTHONHASHSEED": seed})
        seen |= {x for x in proc.stdout.splitlines() if "matched (about)" in x}
    assert seen == {"nicolas-maduro: matched (about): 'Nicolás Maduro' at title[21:35] "
                    "(alias 'Nicolás Maduro')"}
