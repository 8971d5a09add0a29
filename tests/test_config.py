"""Config validation: every user mistake gives file, line, key path and what is expected."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from monitor.config import load_config, parse_duration, parse_size
from monitor.exceptions import ConfigError

ROOT = Path(__file__).resolve().parents[1]
WATCHLIST = ROOT / "seeds" / "cartel-de-los-soles.yaml"


def write(tmp_path: Path, body: str, name: str = "monitor.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


GOOD = f"""\
watchlists: [{WATCHLIST}]
feeds:
  - id: one
    url: https://example.com/feed.xml
"""

# (config text, expected line or None, substrings the message must contain)
BAD_CONFIGS = [
    pytest.param(
        GOOD + "  - id: two\n    url: https://example.com/b\n    intervall: 5m\n",
        7, ["feeds[1].intervall", "unknown key"], id="unknown-key-in-feed"),
    pytest.param(
        GOOD + "colour: blue\n", 5, ["colour", "unknown key"], id="unknown-top-level-key"),
    pytest.param(
        GOOD.replace("https://example.com/feed.xml", "ftp://example.com/feed.xml"),
        4, ["feeds[0].url", "http:// or https://"], id="bad-url-scheme"),
    pytest.param(
        GOOD.replace("https://example.com/feed.xml", "https:///feed.xml"),
        4, ["feeds[0].url", "no host"], id="url-without-host"),
    pytest.param(
        GOOD + "  - id: one\n    url: https://example.com/other\n",
        5, ["feeds[1].id", "duplicate feed id 'one'", "feeds[0]"], id="duplicate-feed-id"),
    pytest.param(
        GOOD + "defaults:\n  interval: soon\n", 6, ["defaults.interval", "duration"],
        id="bad-duration"),
    pytest.param(
        GOOD + "defaults:\n  interval: 0.5s\n", 6, ["defaults.interval", "at least 1s (got 0.5s)"],
        id="interval-too-short"),
    pytest.param(
        GOOD + "defaults:\n  max_backoff: 10s\n", 6,
        ["defaults.max_backoff", "at least 1m (got 10s)"],
        id="backoff-too-short"),
    pytest.param(
        GOOD + "defaults:\n  concurrency: 0\n", 6, ["defaults.concurrency", "at least 1 (got 0)"],
        id="number-too-small"),
    pytest.param(
        GOOD.replace(f"watchlists: [{WATCHLIST}]", f"watchlists: {WATCHLIST}"), 1,
        ["watchlists", "expected a list", "[a, b]"], id="string-for-a-list"),
    pytest.param(
        GOOD + "  - id: two\n    url https://example.com/x\n    interval: 5m\n", 6,
        ["invalid YAML", "expected ':'"], id="yaml-key-without-colon"),
    pytest.param(
        GOOD + '  - id: two\n    url: "https://example.com/x\n  - id: three\n', 6,
        ["invalid YAML", "quoted"], id="yaml-unclosed-quote"),
    pytest.param(
        GOOD + "defaults:\n  max_body_size: lots\n", 6, ["defaults.max_body_size", "size"],
        id="bad-size"),
    pytest.param(
        GOOD + "defaults:\n  concurrency: many\n", 6, ["defaults.concurrency", "whole number"],
        id="wrong-type"),
    pytest.param(
        GOOD.replace("id: one", "id: One Feed"), 3, ["feeds[0].id", "lower-case"],
        id="bad-feed-id"),
    pytest.param(
        "feeds: []\n", None, ["watchlists", "required"], id="missing-watchlists"),
    pytest.param(
        "watchlists: [does-not-exist.yaml]\nfeeds: []\n", 1,
        ["watchlists[0]", "does-not-exist.yaml", "does not exist"], id="missing-watchlist-file"),
    pytest.param(
        GOOD + "feeds:\n  - id: x\n", 5, ["duplicate key 'feeds'", "first at line 2"],
        id="duplicate-yaml-key"),
    pytest.param(
        GOOD + "  - id: two\n  url: [unclosed\n", 6, ["invalid YAML"], id="yaml-syntax"),
    pytest.param(
        "- just\n- a list\n", None, ["must be a mapping"], id="not-a-mapping"),
    pytest.param(
        GOOD + "log:\n  level: loud\n", 6, ["log.level", "'debug'"], id="bad-enum"),
]


@pytest.mark.parametrize(("text", "line", "needles"), BAD_CONFIGS)
def test_bad_config_names_file_line_and_key(tmp_path, text, line, needles):
    """Each malformed config raises ConfigError with the file, line and key path."""
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert message.startswith(str(path)), message
    for jargon in ("Input should", "valid tuple", "greater than or equal", "end of stream"):
        assert jargon not in message, message
    if line is not None:
        assert info.value.line == line, message
    for needle in needles:
        assert needle in message, message


def test_missing_and_unreadable_files(tmp_path):
    """A missing config file or a directory in its place is named in the error."""
    with pytest.raises(ConfigError, match="file not found"):
        load_config(tmp_path / "nope.yaml")
    with pytest.raises(ConfigError, match="is a directory"):
        load_config(tmp_path)


def test_good_config_resolves_paths_relative_to_the_file(tmp_path):
    """Relative paths (database, local feeds) resolve against the config file's folder."""
    sub = tmp_path / "conf"
    sub.mkdir()
    path = write(sub, GOOD + "  - id: local\n    url: feeds/a.xml\n    interval: 2m\n")
    cfg = load_config(path)
    assert cfg.database == (tmp_path / "data" / "monitor.db").resolve()
    local = {f.id: f for f in cfg.feeds}["local"]
    assert local.url == (sub / "feeds" / "a.xml").resolve().as_uri()
    assert local.interval == 120
    assert {f.id: f for f in cfg.feeds}["one"].interval == 900


def test_units():
    """Durations and sizes accept the units the README documents."""
    assert parse_duration("15m") == 900
    assert parse_duration("6h") == 21600
    assert parse_duration(45) == 45
    assert parse_size("10MB") == 10_000_000
    assert parse_size("512KiB") == 512 * 1024
    with pytest.raises(ValueError):
        parse_duration("-5s")


def test_shipped_configs_are_valid():
    """config/monitor.yaml and config/demo.yaml pass validation as shipped."""
    for name in ("monitor.yaml", "demo.yaml"):
        cfg = load_config(ROOT / "config" / name)
        assert cfg.feeds


def test_a_run_keeps_no_copy_of_the_config_file(tmp_path):
    """The file's parsed data and the line of each key serve the checks made while loading
    (a missing feed file is named with its line); the runtime a daemon runs with keeps neither
    (~0.7 KB a feed, README: Performance, memory), nor the feeds as validated: it polls the
    feeds built from them (~0.6 KB a feed more), the same ones."""
    from monitor.runtime import load_runtime

    demo = load_config(ROOT / "config" / "demo.yaml")
    assert demo.doc is not None and demo.doc.lines
    run = load_runtime(ROOT / "config" / "demo.yaml").config
    assert run.doc is None
    assert demo.settings.feeds and run.settings.feeds == ()
    assert run.feeds == demo.feeds and run.settings.defaults == demo.settings.defaults
    path = write(tmp_path, GOOD.replace("https://example.com/feed.xml", "missing.xml"))
    with pytest.raises(ConfigError, match="does not exist") as err:
        load_runtime(path)
    assert err.value.line == 4


def test_check_config_cli_exits_2_without_traceback(tmp_path):
    """`monitor check-config` on a bad file exits 2 with file:line and no traceback."""
    path = write(tmp_path, GOOD + "colour: blue\n")
    proc = subprocess.run(
        [sys.executable, "-m", "monitor", "check-config", "--config", str(path)],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 2
    assert f"{path}:5: colour: unknown key" in proc.stderr
    assert "Traceback" not in proc.stderr
