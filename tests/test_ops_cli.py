"""`monitor alerts`, `monitor feeds` (health table, OPML import and export), progress bars."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import cli
from monitor.config import load_config
from monitor.opml import parse_opml
from monitor.store import open_store
from monitor.types import MatchedItem

from builders import intent, item, result
from daemon_helpers import ROOT, write_config

NOW = datetime.now(UTC).replace(microsecond=0)


def run(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(cli, list(args))
    return res.exit_code, res.output


@pytest.fixture
def populated(tmp_path):
    """A config with feeds wire, bbc, dw (dw never polled) and a database with 4 alerts."""
    config = write_config(tmp_path, {"wire": "http://127.0.0.1:9/w", "bbc": "http://127.0.0.1:9/b",
                                     "dw": "http://127.0.0.1:9/d"})
    cfg = load_config(config)
    store = open_store(cfg.database)
    store.sync_feeds([*cfg.feeds, type(cfg.feeds[0])("gone", "http://127.0.0.1:9/g", "gone",
                                                     60.0, None, ())], NOW - timedelta(days=3))

    def poll(feed, title, entity, priority, at, guid):
        it = item(feed, guid=guid, title=title, summary=f"{title} {guid}")
        store.record_poll(intent(feed, [it], [MatchedItem(it, result(entity, priority))], at=at),
                          window=0)

    poll("wire", "Maduro speaks", "nicolas-maduro", "critical", NOW - timedelta(hours=2), "1")
    poll("wire", "Cabello talks", "diosdado-cabello", "high", NOW - timedelta(hours=1), "2")
    poll("bbc", "Maduro again", "nicolas-maduro", "medium", NOW - timedelta(minutes=30), "3")
    poll("bbc", "Old story", "nicolas-maduro", "critical", NOW - timedelta(days=2), "4")
    store.record_poll(intent("bbc", [], [], at=NOW - timedelta(minutes=5), status="error",
                             error="HTTP 503 Service Unavailable"), window=0)
    store.record_poll(intent("gone", [], [], at=NOW - timedelta(days=2)), window=0)
    store.sync_feeds(cfg.feeds, NOW)
    store.close()
    return config


def test_alerts_table_lists_last_24h_newest_first(populated):
    """The default table shows the alerts of the last 24 hours, newest first."""
    code, out = run("alerts", "--config", str(populated))
    assert code == 0, out
    assert "3 alerts since" in out
    assert out.index("Maduro again") < out.index("Cabello talks") < out.index("Maduro speaks")
    assert "Old story" not in out


def test_alerts_json_and_filters(populated):
    """--json gives alert-log objects; --entity, --feed, --severity and --since filter."""
    code, out = run("alerts", "--config", str(populated), "--json", "--entity", "nicolas-maduro",
                    "--since", "7d")
    assert code == 0
    titles = [json.loads(x)["title"] for x in out.splitlines()]
    assert titles == ["Maduro again", "Maduro speaks", "Old story"]
    _, out = run("alerts", "--config", str(populated), "--json", "--feed", "wire",
                 "--severity", "critical")
    assert [json.loads(x)["title"] for x in out.splitlines()] == ["Maduro speaks"]
    assert set(json.loads(out.splitlines()[0])) >= {"schema", "alert_id", "severity", "entities"}


@pytest.mark.parametrize(("by", "expected"), [
    ("entity", [{"entity": "nicolas-maduro", "alerts": 3}, {"entity": "diosdado-cabello",
                                                            "alerts": 1}]),
    ("feed", [{"feed": "bbc", "alerts": 2}, {"feed": "wire", "alerts": 2}]),
])
def test_alerts_count_by(populated, by, expected):
    """--count-by entity|feed counts the alerts in the period, largest first."""
    code, out = run("alerts", "--config", str(populated), "--since", "7d", "--count-by", by,
                    "--json")
    assert code == 0
    assert [json.loads(x) for x in out.splitlines()] == expected


def test_alerts_count_by_day_table(populated):
    """--count-by day prints one row per UTC day, oldest first, as a table."""
    code, out = run("alerts", "--config", str(populated), "--since", "7d", "--count-by", "day")
    assert code == 0
    days = sorted({(NOW - timedelta(days=2)).date().isoformat(),
                   (NOW - timedelta(hours=2)).date().isoformat()})
    assert all(d in out for d in days) and out.index(days[0]) <= out.index(days[-1])


def test_alerts_without_database_says_how_to_create_it(tmp_path):
    """No database yet: exit 1 with a message, and no empty database left behind."""
    config = write_config(tmp_path, {"wire": "http://127.0.0.1:9/w"})
    code, out = run("alerts", "--config", str(config))
    assert code == 1
    assert "no database at" in out and "poll-once" in out
    assert not (tmp_path / "monitor.db").exists()


def test_feeds_health_table_and_json(populated):
    """`monitor feeds`: ok, failing with its error count and error, new, removed."""
    code, out = run("feeds", "--config", str(populated), "--json")
    assert code == 0
    rows = {r["id"]: r for r in map(json.loads, out.splitlines())}
    assert rows["wire"]["status"] == "ok" and rows["wire"]["items"] == 2
    assert rows["wire"]["alerts"] == 2 and rows["wire"]["last_success"]
    assert rows["bbc"]["status"] == "failing" and rows["bbc"]["consecutive_errors"] == 1
    assert rows["bbc"]["last_error"] == "HTTP 503 Service Unavailable"
    assert rows["dw"]["status"] == "new"
    assert rows["gone"]["status"] == "removed"
    code, table = run("feeds", "--config", str(populated))
    assert code == 0
    bbc = next(x for x in table.splitlines() if " bbc " in x)
    assert "failing" in bbc and "HTTP 503" in bbc and "ago" in bbc


OPML = """<?xml version="1.0"?>
<opml version="2.0"><head><title>mine</title></head><body>
  <outline text="Latin America">
    <outline type="rss" text="BBC Mundo" xmlUrl="https://feeds.bbci.co.uk/mundo/rss.xml"/>
    <outline type="rss" text="El País — América" xmlUrl="https://feeds.elpais.com/america"
             category="/news/regional"/>
  </outline>
  <outline type="rss" text="Wire" xmlUrl="http://127.0.0.1:9/w"/>
  <outline type="rss" title="Local" xmlUrl="file:///etc/passwd"/>
</body></opml>
"""


def test_feeds_import_appends_valid_entries_and_skips_known(tmp_path):
    """Import adds new feeds to feeds:, keeps the file valid, and is idempotent."""
    config = write_config(tmp_path, {"wire": "http://127.0.0.1:9/w"})
    opml = tmp_path / "feeds.opml"
    opml.write_text(OPML, encoding="utf-8")
    before = config.read_text(encoding="utf-8")
    code, out = run("feeds", "import", str(opml), "--config", str(config))
    assert code == 0, out
    assert "added 2 feeds" in out and "bbc-mundo, el-pais-america" in out
    assert "http://127.0.0.1:9/w: already configured" in out
    assert "file:///etc/passwd: not an http(s) URL" in out
    text = config.read_text(encoding="utf-8")
    assert text.startswith(before)  # appended, nothing above rewritten
    feeds = {f.id: f for f in load_config(config).feeds}
    assert feeds["el-pais-america"].name == "El País — América"
    assert feeds["el-pais-america"].tags == ("latin-america", "news", "regional")
    code, out = run("feeds", "import", str(opml), "--config", str(config))
    assert "no new feeds" in out and config.read_text(encoding="utf-8") == text


def test_feeds_import_refuses_when_feeds_is_not_last_and_prints_lines(tmp_path):
    """If feeds: is not the last block, the file is left alone and --print gives the lines."""
    config = write_config(tmp_path, {"wire": "http://127.0.0.1:9/w"})
    config.write_text(config.read_text() + "dedupe: {window: 1h}\n", encoding="utf-8")
    text = config.read_text(encoding="utf-8")
    opml = tmp_path / "feeds.opml"
    opml.write_text(OPML, encoding="utf-8")
    code, out = run("feeds", "import", str(opml), "--config", str(config))
    assert code == 2
    assert "--print" in out and config.read_text(encoding="utf-8") == text
    assert not list(tmp_path.glob(".*import-tmp"))
    code, out = run("feeds", "import", str(opml), "--config", str(config), "--print")
    assert code == 0
    assert "  - {id: bbc-mundo, url: 'https://feeds.bbci.co.uk/mundo/rss.xml', name: BBC " \
           "Mundo, tags: [latin-america]}" in out


def test_feeds_export_round_trips_through_import(tmp_path):
    """Export gives OPML whose feeds (URL, name, tags) import back identically."""
    config = ROOT / "config" / "monitor.yaml"
    code, out = run("feeds", "export", "--config", str(config))
    assert code == 0
    exported = parse_opml(out.encode())
    cfg = load_config(config)
    assert [(f.url, f.title, f.tags) for f in exported] == [
        (f.url, f.name, f.tags) for f in cfg.feeds]


def test_opml_with_entity_expansion_is_refused(tmp_path):
    """An OPML file with an entity bomb is rejected (defusedxml), not expanded."""
    bomb = ('<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><opml><body>'
            '<outline text="&b;" xmlUrl="https://x.example/"/></body></opml>')
    config = write_config(tmp_path, {"wire": "http://127.0.0.1:9/w"})
    opml = tmp_path / "bomb.opml"
    opml.write_text(bomb, encoding="utf-8")
    code, out = run("feeds", "import", str(opml), "--config", str(config))
    assert code == 2
    assert "refused for safety" in out


def _rematch_output(config: Path, tty: bool) -> bytes:
    cmd = [sys.executable, "-m", "monitor", "rematch", "--config", str(config), "--dry-run"]
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100"}
    if not tty:
        return subprocess.run(cmd, capture_output=True, env=env, timeout=60).stderr
    main, sub = pty.openpty()
    proc = subprocess.Popen(cmd, stdin=sub, stdout=sub, stderr=sub, env=env)
    os.close(sub)
    out = b""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    proc.wait(10)
    os.close(main)
    return out


def test_progress_bar_on_a_terminal_only(populated):
    """A long command (rematch) draws a bar on a terminal and prints none when piped."""
    on_tty = _rematch_output(populated, tty=True)
    assert b"rematching" in on_tty and "━".encode() in on_tty and b"4/?" in on_tty
    piped = _rematch_output(populated, tty=False)
    assert b"rematching" not in piped and "━".encode() not in piped


def test_alerts_show_how_many_other_feeds_carried_the_story(tmp_path):
    """A story alerted from wire and carried by bbc and dw: `alerts --json` says carried_by 2,
    the table `wire +2`; another story carried nowhere else says 0 and `wire` alone."""
    config = write_config(tmp_path, {f: f"http://127.0.0.1:9/{f}" for f in ("wire", "bbc", "dw")})
    cfg = load_config(config)
    store = open_store(cfg.database)
    store.sync_feeds(cfg.feeds, NOW)
    for n, feed in enumerate(["wire", "bbc", "dw"]):
        it = item(feed, guid=f"{feed}-1", title=f"Maduro speaks ({feed})",
                  link="https://news.example/maduro-speaks")
        store.record_poll(intent(feed, [it], at=NOW - timedelta(minutes=30 - n)),
                          window=3600)
    it = item("wire", guid="wire-2", title="Cabello talks", link="https://news.example/cabello")
    store.record_poll(intent("wire", [it], at=NOW - timedelta(minutes=10)), window=3600)
    store.close()
    code, out = run("alerts", "--config", str(config), "--json")
    assert code == 0, out
    assert [(json.loads(x)["title"], json.loads(x)["carried_by"]) for x in out.splitlines()] == [
        ("Cabello talks", 0), ("Maduro speaks (wire)", 2)]
    code, out = run("alerts", "--config", str(config))
    speaks = next(line for line in out.splitlines() if "Maduro speaks" in line)
    talks = next(line for line in out.splitlines() if "Cabello talks" in line)
    assert " wire +2 " in speaks
    assert " wire " in talks and "+" not in talks
