"""The JSON Schema of the alert line (monitor/alert-line.schema.json): shipped in the package,
printed by `monitor schema`, true of what the program writes, and strict enough to catch a
field nobody documented."""

from __future__ import annotations

import copy
import json

import pytest
from click.testing import CliRunner

from monitor.alerts import ALERT_SCHEMA, SCHEMA_FILE, AlertLog
from monitor.cli import cli

from alert_schema import SCHEMA, check_alert, checked
from daemon_helpers import ROOT, alert_lines, write_config

DEMO_FEEDS = ROOT / "config" / "demo-feeds"


def test_poll_once_writes_lines_the_schema_accepts_and_the_hooks_check_them(tmp_path):
    """A real poll of the demo feeds: every line validates, and the conftest hook saw each one
    (so a line that broke the schema would have failed the test that wrote it)."""
    feeds = {p.stem: p.as_uri() for p in sorted(DEMO_FEEDS.iterdir())}
    config = write_config(tmp_path, feeds)
    before = checked[0]
    res = CliRunner().invoke(cli, ["poll-once", "--config", str(config)])
    assert res.exit_code == 0, res.output
    written = checked[0] - before
    lines = alert_lines(tmp_path / "alerts.jsonl")  # validates again, line by line
    assert len(lines) >= 5 and written == len(lines)
    assert {line["schema"] for line in lines} == {ALERT_SCHEMA}
    assert any(line["topics"] for line in lines) and any(line["entities"] for line in lines)


@pytest.mark.parametrize(("change", "complaint"), [
    (lambda a: a.update(surprise=1), "'surprise' was unexpected"),
    (lambda a: a.update(severity="urgent"), "severity"),
    (lambda a: a["entities"][0].pop("matched"), "'matched' is a required property"),
    (lambda a: a["entities"][0]["hits"][0].update(field="footer"), "field"),
    (lambda a: a.update(schema=2), "schema"),
    (lambda a: a.update(published="17 Nov 2025"), "published"),
])
def test_the_schema_rejects_what_it_does_not_document(tmp_path, change, complaint):
    """A line with an undocumented field, a wrong value or a missing key fails validation, and
    so does the write of such an alert in a test (the conftest hook)."""
    config = write_config(tmp_path, {"wire": (DEMO_FEEDS / "wire.xml").as_uri()})
    assert CliRunner().invoke(cli, ["poll-once", "--config", str(config)]).exit_code == 0
    good = alert_lines(tmp_path / "alerts.jsonl")[0]
    bad = copy.deepcopy(good)
    change(bad)
    with pytest.raises(AssertionError, match="does not follow") as info:
        check_alert(bad)
    assert complaint in str(info.value)


def test_the_conftest_hook_stops_a_bad_write(tmp_path):
    """An alert whose payload breaks the schema is refused by the hook before it is written."""
    from monitor.store import open_store

    from builders import intent, item

    store = open_store(tmp_path / "m.db")
    store.record_poll(intent("f1", [item("f1")]), 0)
    (pending,) = store.pending_alerts()
    pending.payload["severity"] = "urgent"
    log = AlertLog(tmp_path / "alerts.jsonl")
    with pytest.raises(AssertionError, match="severity"):
        log._write([pending])
    store.close()
    assert not (tmp_path / "alerts.jsonl").exists()


def test_monitor_schema_prints_the_shipped_file():
    """`monitor schema` prints the schema the package ships, which describes every field."""
    res = CliRunner().invoke(cli, ["schema"])
    assert res.exit_code == 0
    assert json.loads(res.output) == SCHEMA == json.loads(SCHEMA_FILE.read_text())
    for name, prop in SCHEMA["properties"].items():
        assert prop.get("description"), f"{name} has no description"
