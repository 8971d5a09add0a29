"""`monitor tail`: last alerts, filters, safe rendering, and following across rotation."""

from __future__ import annotations

import json
import os
import queue
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

from click.testing import CliRunner

from monitor.cli import cli
from monitor.tail import AlertFilter, Follower, last_lines, neutralise

SGR = re.compile(r"\x1b\[[0-9;]*m")  # rich's own colour codes: the only escapes allowed out


def alert(n: int, severity: str = "high", entity: str = "nicolas-maduro", feed: str = "wire",
          title: str | None = None, ts: str = "2025-11-17T12:00:00Z") -> dict:
    return {
        "schema": 1, "ts": ts, "alert_id": f"a{n:04d}", "severity": severity,
        "entities": [{"id": entity, "name": entity, "type": "person", "priority": severity}],
        "topics": [], "title": title or f"Story {n}", "link": f"https://example.org/{n}",
        "feed": feed, "feed_name": feed, "snippet": "…",
    }


def line(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def write_log(path: Path, alerts: list[dict]) -> None:
    path.write_text("".join(line(a) + "\n" for a in alerts), encoding="utf-8")


def tail(*args: str, env: dict | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["tail", "--no-follow", *args], env=env)
    return result.exit_code, result.output


def test_escape_sequences_in_titles_never_reach_the_terminal(tmp_path):
    """A title with OSC/CSI sequences, BEL, and a bidi override is shown neutralised."""
    log = tmp_path / "alerts.jsonl"
    evil = "Maduro \x1b]0;pwned\x07\x1b[2J\x1b[31mred\u202eevil\x9b6n end"
    write_log(log, [alert(1, title=evil)])
    code, out = tail("--file", str(log), env={"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert code == 0
    assert "\x1b[" in out, "expected colour on a (forced) terminal"
    assert "\x1b" not in SGR.sub("", out)  # nothing but colour codes
    for raw in ("\x07", "\u202e", "\x9b"):
        assert raw not in out
    assert "\\x1b]0;pwned\\x07\\x1b[2J" in out  # shown, visibly
    assert "\\u202eevil" in out and "\\x9b6n end" in out


def test_neutralise_keeps_ordinary_text():
    """Accents, emoji and CJK stay as they are; newlines become spaces."""
    assert neutralise("Cártel 🚨 委内瑞拉\nsegunda") == "Cártel 🚨 委内瑞拉 segunda"


def test_json_passes_original_lines_unchanged(tmp_path):
    """--json prints each selected line byte for byte (spacing and escapes kept)."""
    log = tmp_path / "alerts.jsonl"
    odd = '{"schema": 1,  "alert_id": "x1", "severity": "critical", "feed": "wire", ' \
          '"entities": [{"id": "diosdado-cabello"}], "title": "T\\u00edtulo \\u001b[2J"}'
    log.write_text(line(alert(1, severity="low")) + "\n" + odd + "\n", encoding="utf-8")
    code, out = tail("--file", str(log), "--json", "--severity", "high")
    assert code == 0
    assert out == odd + "\n"


def test_last_n_matching_alerts_oldest_first(tmp_path):
    """-n 2 with --entity shows the last two alerts naming it, in log order."""
    log = tmp_path / "alerts.jsonl"
    rows = [alert(i, entity="tren-de-aragua" if i % 2 else "nicolas-maduro") for i in range(1, 9)]
    write_log(log, rows)
    code, out = tail("--file", str(log), "-n", "2", "--entity", "tren-de-aragua", "--json")
    assert code == 0
    assert [json.loads(x)["alert_id"] for x in out.splitlines()] == ["a0005", "a0007"]


def test_filters_by_severity_feed_and_since(tmp_path):
    """--severity is a minimum; --feed and --since narrow further."""
    log = tmp_path / "alerts.jsonl"
    write_log(log, [
        alert(1, "critical", feed="wire", ts="2025-11-10T00:00:00Z"),
        alert(2, "medium", feed="wire", ts="2025-11-17T00:00:00Z"),
        alert(3, "high", feed="bbc", ts="2025-11-17T00:00:00Z"),
        alert(4, "critical", feed="wire", ts="2025-11-17T01:00:00Z"),
    ])
    _, out = tail("--file", str(log), "--json", "--severity", "high", "--feed", "wire",
                  "--since", "2025-11-16")
    assert [json.loads(x)["alert_id"] for x in out.splitlines()] == ["a0004"]
    f = AlertFilter(min_severity="medium")
    assert f(alert(1, "medium")) and not f(alert(1, "low"))


def test_readable_line_without_terminal_has_no_colour(tmp_path):
    """Piped, the readable form is plain text: time, severity, entity, feed, title, link."""
    log = tmp_path / "alerts.jsonl"
    write_log(log, [alert(1, "critical", title="EE.UU. designa al Cártel de los Soles")])
    code, out = tail("--file", str(log))
    assert code == 0
    assert "\x1b" not in out
    assert out.split() == ["2025-11-17", "12:00:00", "CRITICAL", "nicolas-maduro", "wire",
                           "EE.UU.", "designa", "al", "Cártel", "de", "los", "Soles",
                           "https://example.org/1"]


def test_missing_log_without_follow_is_a_clear_error(tmp_path):
    """No alert log yet and --no-follow: exit 1 naming the file."""
    code, out = tail("--file", str(tmp_path / "none.jsonl"))
    assert code == 1
    assert "no alert log at" in out and "none.jsonl" in out


def test_partial_last_line_is_not_shown_until_complete(tmp_path):
    """A line still being written (no newline yet) is left for the follower."""
    log = tmp_path / "alerts.jsonl"
    log.write_text(line(alert(1)) + "\n" + line(alert(2))[:20], encoding="utf-8")
    lines, offset = last_lines(log, 10)
    assert [json.loads(x)["alert_id"] for x in lines] == ["a0001"]
    assert offset == len((line(alert(1)) + "\n").encode())
    with log.open("a", encoding="utf-8") as fh:
        fh.write(line(alert(2))[20:] + "\n")
    got = []
    for x in Follower(log, offset, poll=0.01).lines(stop=lambda: len(got) >= 1):
        got.append(json.loads(x)["alert_id"])
    assert got == ["a0002"]


def _reader(proc: subprocess.Popen) -> queue.Queue:
    q: queue.Queue = queue.Queue()

    def pump() -> None:
        for raw in proc.stdout:  # type: ignore[union-attr]
            q.put(raw)

    threading.Thread(target=pump, daemon=True).start()
    return q


def _next_ids(q: queue.Queue, n: int, timeout: float = 5.0) -> list[str]:
    out, deadline = [], time.monotonic() + timeout
    while len(out) < n:
        left = deadline - time.monotonic()
        assert left > 0, f"only got {out}"
        out.append(json.loads(q.get(timeout=left))["alert_id"])
    return out


def test_follows_across_rename_rotation_and_copytruncate(tmp_path):
    """A real `monitor tail -F`: lines after a rename rotation and a truncation all arrive."""
    log = tmp_path / "alerts.jsonl"
    write_log(log, [alert(1)])
    proc = subprocess.Popen(
        [sys.executable, "-m", "monitor", "tail", "--file", str(log), "-n", "1", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        q = _reader(proc)
        assert _next_ids(q, 1) == ["a0001"]
        with log.open("a") as fh:
            fh.write(line(alert(2)) + "\n")
        assert _next_ids(q, 1) == ["a0002"]
        # logrotate's default: rename, then the writer appends once more to the old file
        # (it had it open) before the new file appears
        log.rename(tmp_path / "alerts.jsonl.1")
        with (tmp_path / "alerts.jsonl.1").open("a") as fh:
            fh.write(line(alert(3)) + "\n")
        time.sleep(0.3)
        write_log(log, [alert(4)])
        assert _next_ids(q, 2) == ["a0003", "a0004"]
        # copytruncate: the same file cut to zero, then written from the start
        with log.open("r+") as fh:
            fh.truncate(0)
        time.sleep(0.5)
        with log.open("a") as fh:
            fh.write(line(alert(5)) + "\n")
        assert _next_ids(q, 1) == ["a0005"]
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=5)
    assert b"rotated" in err and b"truncated" in err
