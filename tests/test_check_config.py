"""`monitor check-config` rejects exactly what start-up rejects (issue 13): the same error, the
same file and line, from check-config, poll-once and run."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from monitor.cli import cli

from daemon_helpers import ROOT, SEEDS, write_config

DEMO_FEED = ROOT / "config" / "demo-feeds" / "wire.xml"

# (how to break a good config, key the error names, words it must contain)
NOT_STARTABLE = [
    pytest.param(lambda text: text.replace(f"  - {{id: wire, url: '{DEMO_FEED.as_uri()}'}}",
                                           "").replace("feeds:", "feeds: []"),
                 "feeds", ["no feeds to poll"], id="no-feeds"),
    pytest.param(lambda text: text.replace(f"  - {{id: wire, url: '{DEMO_FEED.as_uri()}'}}",
                                           f"  - {{id: wire, url: '{DEMO_FEED.as_uri()}', "
                                           "enabled: false}"),
                 "feeds", ["no feeds to poll", "disabled"], id="every-feed-disabled"),
    pytest.param(lambda text: text.replace(DEMO_FEED.as_uri(), "feeds/missing.xml"),
                 "feeds[0].url", ["missing.xml", "does not exist"], id="missing-local-file"),
    pytest.param(lambda text: text.replace(
        "feeds:", "sinks:\n  - {id: chat, type: apprise, urls: ['nosuchservice://x/y']}\nfeeds:"),
        "sinks[0].urls[0]", ["not a URL Apprise knows"], id="unknown-apprise-url"),
]


def _config(tmp_path, change=None):
    cfg = write_config(tmp_path, {"wire": DEMO_FEED.as_uri()})
    if change is not None:
        cfg.write_text(change(cfg.read_text()))
    return cfg


@pytest.mark.parametrize(("change", "key", "needles"), NOT_STARTABLE)
def test_check_config_rejects_what_start_up_rejects(tmp_path, change, key, needles):
    """check-config and poll-once exit 2 with the same `file:line: key: problem`; neither
    creates a database."""
    cfg = _config(tmp_path, change)
    runner = CliRunner()
    checked = runner.invoke(cli, ["check-config", "--config", str(cfg)])
    polled = runner.invoke(cli, ["poll-once", "--config", str(cfg)])
    assert checked.exit_code == 2, checked.output
    assert polled.exit_code == 2, polled.output
    (message,) = [line for line in checked.output.splitlines() if line.startswith("error:")]
    assert message in polled.output.splitlines()
    assert message.startswith(f"error: {cfg}:") and f": {key}: " in message, message
    for needle in needles:
        assert needle in message, message
    assert "nosuchservice" not in message  # an Apprise URL holds tokens: never shown
    assert not (tmp_path / "monitor.db").exists()


def test_run_refuses_what_check_config_refuses(tmp_path):
    """`monitor run` exits 2 on the same config (a real process), with the same message."""
    cfg = _config(tmp_path, NOT_STARTABLE[0].values[0])
    checked = CliRunner().invoke(cli, ["check-config", "--config", str(cfg)])
    run = subprocess.run([sys.executable, "-m", "monitor", "run", "--config", str(cfg)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert checked.output.strip() in run.stderr


def test_a_good_config_passes_both(tmp_path):
    cfg = _config(tmp_path)
    checked = CliRunner().invoke(cli, ["check-config", "--config", str(cfg)])
    assert checked.exit_code == 0 and ": ok: 1 feeds" in checked.output
    polled = CliRunner().invoke(cli, ["poll-once", "--config", str(cfg)])
    assert polled.exit_code == 0 and "1 ok" in polled.output, polled.output


def test_a_folder_of_watchlists_stands_for_its_yaml_files(tmp_path):
    """`watchlists: [folder]` loads every *.yaml/*.yml file in it, in name order; other files
    are ignored; an empty folder is an error naming it."""
    folder = tmp_path / "lists"
    folder.mkdir()
    (folder / "a-seed.yaml").write_text(SEEDS.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b-mine.yml").write_text(
        "watchlist: mine\nentities:\n"
        "  - {id: acme, name: Acme Corp, type: organization, priority: high, aliases: [Acme]}\n",
        encoding="utf-8")
    (folder / "notes.txt").write_text("not a watchlist")
    cfg = _config(tmp_path, lambda text: text.replace(str(SEEDS), "lists"))
    checked = CliRunner().invoke(cli, ["check-config", "--config", str(cfg)])
    assert checked.exit_code == 0, checked.output
    assert ": ok: 1 feeds, 19 entities, 2 topics" in checked.output
    matched = CliRunner().invoke(cli, ["match", "--config", str(cfg)],
                                 input='{"id": "1", "title": "Acme and Maduro", "summary": ""}\n')
    assert '"entities": ["acme", "nicolas-maduro"]' in matched.output, matched.output
    empty = tmp_path / "empty"
    empty.mkdir()
    cfg.write_text(cfg.read_text().replace("[lists]", "[empty]"))
    checked = CliRunner().invoke(cli, ["check-config", "--config", str(cfg)])
    assert checked.exit_code == 2 and "empty" in checked.output
    assert "no .yaml or .yml files" in checked.output, checked.output


def test_no_config_here_hints_at_config_and_the_environment(tmp_path):
    """Run from a folder without config/monitor.yaml: the error says where it looked and
    how to name the file."""
    env = {k: v for k, v in __import__("os").environ.items() if k != "MONITOR_CONFIG"}
    proc = subprocess.run([sys.executable, "-m", "monitor", "check-config"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 2
    assert "config/monitor.yaml: file not found" in proc.stderr
    assert str(tmp_path) in proc.stderr
    assert "--config" in proc.stderr and "MONITOR_CONFIG" in proc.stderr, proc.stderr
