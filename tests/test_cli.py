"""CLI commands that need no network: match, explain, help everywhere."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from monitor.cli import cli

from daemon_helpers import ROOT

DEMO = str(ROOT / "config" / "demo.yaml")

LINES = [
    {"id": "1", "title": "El Cártel de los Soles y <b>Maduro</b>", "summary": ""},
    {"id": "2", "title": "Phoenix Suns beat the Lakers",
     "summary": "Soles y lunas, plátano maduro"},
    {"id": "3", "title": "MS13 and Tren&nbsp;de&nbsp;Aragua arrests",
     "summary": "<p>State Department designates them as foreign terrorist organizations</p>"},
    {"id": "4", "title": "Pentagon strikes another drug boat in the Caribbean", "summary": ""},
]
EXPECTED = [
    {"id": "1", "entities": ["cartel-de-los-soles", "nicolas-maduro"], "topics": []},
    {"id": "2", "entities": [], "topics": []},
    {"id": "3", "entities": ["ms-13", "tren-de-aragua"], "topics": ["fto-designation"]},
    {"id": "4", "entities": [], "topics": ["caribbean-boat-strikes"]},
]


def test_match_gives_exactly_the_expected_lines():
    """`monitor match` reads JSON lines and writes sorted entity and topic ids per line."""
    stdin = "".join(json.dumps(x) + "\n" for x in LINES)
    proc = subprocess.run([sys.executable, "-m", "monitor", "match", "--config", DEMO],
                          input=stdin, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(x) for x in proc.stdout.splitlines()] == EXPECTED


def test_match_reports_bad_lines_and_keeps_the_rest(tmp_path):
    """A line that is not JSON is reported with its line number; the others are matched."""
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(LINES[0]) + "\nnot json\n" + json.dumps(LINES[1]) + "\n")
    result = CliRunner().invoke(cli, ["match", "--config", DEMO, str(path)])
    assert result.exit_code == 1
    assert [json.loads(x) for x in result.stdout.splitlines()] == EXPECTED[:2]
    assert f"{path}:2:" in result.stderr


def test_explain_says_why_and_why_not():
    """explain shows the matched alias and the rule that stopped a near miss."""
    result = CliRunner().invoke(cli, [
        "explain", "--config", DEMO, "--title", "Ricardo Maduro meets Nicolás Maduro",
        "--summary", "The Phoenix Suns won.",
    ])
    assert result.exit_code == 0, result.output
    assert "not_after" in result.output  # Ricardo Maduro is someone else
    assert "=> entities: nicolas-maduro (about)" in result.output


def test_explain_needs_input():
    """explain without text or item is a usage error, not a traceback."""
    result = CliRunner().invoke(cli, ["explain", "--config", DEMO])
    assert result.exit_code == 2 and "--title" in result.output


def _commands(group, prefix=()):
    for name, cmd in group.commands.items():
        yield (*prefix, name)
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, (*prefix, name))


@pytest.mark.parametrize("path", sorted(_commands(cli)), ids=" ".join)
def test_every_command_has_help(path):
    """Every command answers --help with a description."""
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output and len(result.output.splitlines()) > 3


def test_every_command_is_in_the_readme():
    """The README documents every command."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in _commands(cli):
        assert f"monitor {' '.join(path)}" in readme, path
