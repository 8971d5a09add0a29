"""The README's console examples are true: each `$ command` runs, in README order, in a copy
of config/ and seeds/, and prints what the README shows. Times, ages, durations, hashes and
the checkout's path are compared as placeholders (they differ every run), spacing is
collapsed, and the order of lines is free (alerts written in one poll may come in any order);
a line `…` in the README stands for lines left out, and a list ending `…]` for its
other items. The few examples that need a running
daemon, the network or a file the reader brings are listed in NOT_RUN with the test that holds
them instead; an example neither run nor listed fails the test."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from daemon_helpers import ROOT

README = ROOT / "README.md"
# command prefix → why it is not run here (and what holds it)
NOT_RUN = {
    "monitor check-config --config bad.yaml": "a file the reader brings (tests/test_config.py)",
    "monitor run --config other.yaml": "a second daemon beside a first "
                                       "(tests/test_daemon_ops.py)",
    "curl -s http://127.0.0.1:9464": "a running daemon (tests/test_health.py)",
    "monitor health --config config/demo.yaml": "a running daemon (tests/test_health.py, "
                                                "tests/test_daemon_ops.py)",
    "monitor run --config config/monitor.yaml 2>&1 | grep sink": "the network and a webhook "
                                                                 "(tests/test_sinks.py)",
}

_PLACEHOLDERS = [
    (re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})?"), "<T>"),
    (re.compile(r"\b\d{2}-\d{2} \d{2}:\d{2}\b"), "<T>"),
    (re.compile(r"\b\d{4}-\d{2}-\d{2}\b"), "<T>"),
    (re.compile(r"\b\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}"), "<T>"),
    # a relative time, future or past: a poll due "in 28s" when the README was written is
    # "1s ago" (overdue) when the examples before it ran slowly on a loaded machine
    (re.compile(r"\bin \d+(\.\d+)?[smhd]\b|\b\d+(\.\d+)?[smhd] ago\b"), "<WHEN>"),
    (re.compile(r"\b[0-9a-f]{24}\b"), "<ID>"),
    (re.compile(r"\b[0-9a-f]{12}\b"), "<V>"),
    (re.compile(r"file://\S*?/config/"), "file://<DIR>/config/"),
    (re.compile(r"─+"), "─"),
    (re.compile(r"\s+"), " "),
]


def normalise(line: str) -> str:
    for pattern, placeholder in _PLACEHOLDERS:
        line = pattern.sub(placeholder, line)
    return line.strip()


def examples() -> list[tuple[str, list[str]]]:
    """(command, expected output lines) of every console block, in README order."""
    out: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", README.read_text(encoding="utf-8"), re.S):
        for line in block.splitlines():
            if line.startswith("$ "):
                out.append((line[2:], []))
            elif out:
                out[-1][1].append(line)
    return out


def skipped_by(command: str) -> str | None:
    return next((k for k in NOT_RUN if command.startswith(k)), None)


def matches(expected: list[str], actual: list[str]) -> bool:
    want = [n for n in map(normalise, expected) if n]
    got = Counter(n for n in map(normalise, actual) if n)
    if "…" not in want:
        return Counter(want) == got
    need = Counter(n for n in want if n != "…" and not n.endswith("…]"))
    prefixes = [n[:-2] for n in want if n.endswith("…]")]  # "[a, b, …]": a list cut short
    return not need - got and all(any(g.startswith(p) for g in got) for p in prefixes)


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed (the README pipes "
                                                        "tail --json into it)")
def test_readme_console_examples_reproduce(tmp_path):
    """Every console example outside NOT_RUN prints what the README shows."""
    for name in ("config", "seeds"):
        shutil.copytree(ROOT / name, tmp_path / name)
    env = {k: v for k, v in os.environ.items() if k not in ("MONITOR_CONFIG", "NO_COLOR")}
    env.update(PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
               COLUMNS="80", TERM="dumb")
    listed = set()
    ran = 0
    for command, expected in examples():
        why = skipped_by(command)
        if why is not None:
            listed.add(why and command)
            continue
        proc = subprocess.run(["bash", "-c", command + " 2>&1"], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=120)
        actual = proc.stdout.splitlines()
        assert matches(expected, actual), (
            f"README example `{command}` printed:\n{proc.stdout}\nthe README shows:\n"
            + "\n".join(expected))
        ran += 1
    assert ran >= 12
    unused = [k for k in NOT_RUN if not any(c.startswith(k) for c in listed)]
    assert not unused, f"NOT_RUN lists examples the README no longer has: {unused}"


def test_watchlist_versions_agree_across_the_readme():
    """The README shows one watchlist version everywhere (check-config, explain, rematch)."""
    text = README.read_text(encoding="utf-8")
    versions = set(re.findall(r"watchlist(?: version)? ([0-9a-f]{12})", text))
    assert len(versions) == 1, versions
