"""The alert log: one valid JSON line per alert, exactly once through crashes and rotation."""

from __future__ import annotations

import json
import os
from datetime import timedelta

import pytest

from monitor.alerts import AlertLog, alert_id, build_alert, severity
from monitor.exceptions import AlertSinkError
from monitor.store import open_store
from monitor.types import MatchResult, TopicMatch

from builders import T0, F, intent, item, result


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "monitor.db")
    s.sync_feeds([F("f1", "https://a.example/feed")], T0)
    yield s
    s.close()


def add(store, n, start=0):
    for i in range(start, start + n):
        it = item("f1", guid=f"g{i}", title=f"Maduro story {i}", link=f"https://x.example/{i}")
        store.record_poll(intent("f1", [it], at=T0 + timedelta(seconds=i)), 3600)


def lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_alert_line_fields(tmp_path, store):
    """Each line carries the documented fields; ts and published are RFC 3339 UTC."""
    add(store, 1)
    log = AlertLog(tmp_path / "alerts.jsonl")
    assert log.drain(store) == 1
    (line,) = lines(tmp_path / "alerts.jsonl")
    for key in ("ts", "alert_id", "severity", "entities", "topics", "title", "link", "feed",
                "published", "snippet", "schema", "watchlist_version"):
        assert key in line, key
    assert line["ts"].endswith("Z") and line["published"] == "2025-11-17T12:00:00Z"
    assert line["entities"][0]["id"] == "nicolas-maduro"
    assert line["entities"][0]["matched"] == "Maduro"
    assert "event" not in line


def test_alert_id_is_stable_and_depends_on_entities():
    """Re-deriving an alert id gives the same value; other entities give another id."""
    it = item()
    assert alert_id(it, result()) == alert_id(item(), result())
    assert alert_id(it, result()) != alert_id(it, result("marco-rubio"))


def test_severity_counts_salience():
    """A critical entity in the title is critical; mentioned once in passing it is high."""
    assert severity(result(priority="critical", salience="about")) == "critical"
    assert severity(result(priority="critical", salience="mention")) == "high"
    assert severity(result(priority="low", salience="mention")) == "low"
    assert severity(MatchResult()) == "low"
    topic = TopicMatch("caribbean-boat-strikes", "Boat strikes", ())
    low_mention = result(priority="medium", salience="mention")
    assert severity(MatchResult(entities=low_mention.entities, topics=(topic,))) == "medium"
    assert severity(MatchResult(topics=(topic,))) == "medium"


def test_drain_writes_each_alert_once(tmp_path, store):
    """Draining twice writes nothing twice."""
    add(store, 3)
    log = AlertLog(tmp_path / "alerts.jsonl")
    assert log.drain(store) == 3
    assert log.drain(store) == 0
    add(store, 2, start=3)
    assert log.drain(store) == 2
    ids = [x["alert_id"] for x in lines(tmp_path / "alerts.jsonl")]
    assert len(ids) == len(set(ids)) == 5


def test_crash_after_write_before_mark_is_not_rewritten(tmp_path, store):
    """Alerts written but not yet marked (a crash in between) are recognised on restart."""
    add(store, 3)
    path = tmp_path / "alerts.jsonl"
    first = AlertLog(path)
    first._recover(store)
    first._write(store.pending_alerts())  # the crash: written, never marked
    assert len(store.pending_alerts()) == 3
    AlertLog(path).drain(store)  # the restart
    ids = [x["alert_id"] for x in lines(path)]
    assert len(ids) == 3 and len(set(ids)) == 3
    assert store.pending_alerts() == []


def test_torn_last_line_is_cut_and_rewritten(tmp_path, store):
    """A half-written last line (crash mid-write) is removed and its alert written whole."""
    add(store, 2)
    path = tmp_path / "alerts.jsonl"
    pending = store.pending_alerts()
    full = json.dumps(pending[0].payload) + "\n"
    path.write_text(full + json.dumps(pending[1].payload)[:40], encoding="utf-8")
    AlertLog(path).drain(store)
    got = lines(path)  # every line parses
    assert [x["alert_id"] for x in got] == [a.alert_id for a in pending]


def test_rotation_by_rename_recreates_the_log(tmp_path, store):
    """After logrotate renames the log, new alerts go to a new file; none lost or repeated."""
    path = tmp_path / "alerts.jsonl"
    log = AlertLog(path)
    add(store, 2)
    log.drain(store)
    os.rename(path, tmp_path / "alerts.jsonl.1")
    add(store, 2, start=2)
    log.drain(store)
    old, new = lines(tmp_path / "alerts.jsonl.1"), lines(path)
    assert len(old) == 2 and len(new) == 2
    assert len({x["alert_id"] for x in old + new}) == 4


def test_copytruncate_keeps_appending_at_the_new_end(tmp_path, store):
    """After copy-and-truncate, the next lines start at offset 0, no gap of NUL bytes."""
    path = tmp_path / "alerts.jsonl"
    log = AlertLog(path)
    add(store, 2)
    log.drain(store)
    (tmp_path / "alerts.jsonl.1").write_bytes(path.read_bytes())
    with path.open("r+b") as fh:
        fh.truncate(0)
    add(store, 1, start=2)
    log.drain(store)
    data = path.read_bytes()
    assert not data.startswith(b"\0")
    assert len(lines(path)) == 1


def test_unwritable_log_keeps_alerts_pending(tmp_path, store):
    """If the log cannot be written, the alerts stay in the outbox for the next try."""
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    add(store, 2)
    log = AlertLog(blocker / "alerts.jsonl")
    with pytest.raises(AlertSinkError, match="cannot write alert log"):
        log.drain(store)
    assert len(store.pending_alerts()) == 2
    good = AlertLog(tmp_path / "alerts.jsonl")
    assert good.drain(store) == 2


def test_build_alert_snippet_is_around_the_match():
    """The snippet shows the text around the first match in the summary."""
    it = item(summary="x " * 200 + "Nicolás Maduro appeared." + " y" * 200)
    start = it.summary.index("Maduro")
    from monitor.types import EntityMatch, Hit

    res = MatchResult(entities=(EntityMatch("nicolas-maduro", "N", "person", "critical", "about",
                                            (Hit("Maduro", "summary", start, start + 6,
                                                 "Maduro"),)),))
    rec = build_alert(it, res, feed_name="F", watchlist_version="v", detected_at=T0)
    assert "Nicolás Maduro appeared" in rec.payload["snippet"]
    assert len(rec.payload["snippet"]) <= 250


def test_snippet_does_not_repeat_the_title_and_cuts_at_word_boundaries():
    """Only the title matched: the snippet is the summary's start, not the title again. A match
    deep in a long summary: the snippet starts and ends on whole words, with … where cut."""
    from monitor.alerts import snippet
    from monitor.types import EntityMatch, Hit

    summary = "Officials met on Tuesday to discuss the harbour budget and the new ferry line."
    it = item(title="Maduro speaks", summary=summary)
    assert snippet(it, result(text="Maduro")) == summary
    only_title = item(title="Maduro speaks", summary="")
    assert snippet(only_title, result(text="Maduro")) == ""

    words = " ".join(f"word{i:03d}" for i in range(200))
    long = f"{words} Nicolás Maduro said {words}"
    at = long.index("Nicolás")
    hit = Hit(alias="Nicolás Maduro", field="summary", start=at, end=at + 14, text="Nicolás Maduro")
    res = MatchResult(entities=(EntityMatch("nicolas-maduro", "N", "person", "high", "mention",
                                            (hit,)),))
    out = snippet(item(title="Other", summary=long), res, width=120)
    assert out.startswith("…") and out.endswith("…") and "Nicolás Maduro said" in out
    inner = out[1:-1]
    assert inner == inner.strip()
    first, last = inner.split()[0], inner.split()[-1]
    assert first in long.split() and last in long.split(), out
    assert len(inner) <= 120
