"""Run `monitor run` as a real subprocess and watch its alert log and stderr."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds" / "cartel-de-los-soles.yaml"


def write_config(tmp_path: Path, feeds: dict[str, str], interval: str = "1s",
                 extra: str = "", log_level: str = "debug", defaults: str = "") -> Path:
    """A config polling ``feeds`` (id → URL) every ``interval``, data under tmp_path;
    ``defaults`` adds keys to the defaults mapping (``"per_host: 3"``).

    ``log_level`` debug by default: tests count polls by their ``polled`` lines, and at info
    only the polls where something happened (new items, an error, a recovery) have one."""
    lines = [
        "paths:",
        f"  database: {tmp_path / 'monitor.db'}",
        f"  alert_log: {tmp_path / 'alerts.jsonl'}",
        f"watchlists: [{SEEDS}]",
        f"defaults: {{interval: {interval}, jitter: 0, parse_workers: 0, connect_timeout: 2s, "
        f"read_timeout: 2s, total_timeout: 5s{', ' + defaults if defaults else ''}}}",
        "allow_private_networks: true",
        f"log: {{level: {log_level}, format: json}}",
    ]
    if "http:" not in extra:  # the health endpoint is off unless a test asks for it
        lines.append("http: {enabled: false}")
    if extra:
        lines.append(extra)
    lines.append("feeds:")
    lines += [f"  - {{id: {fid}, url: '{url}'}}" for fid, url in feeds.items()]
    path = tmp_path / "monitor.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


RUNNING: list[Daemon] = []


def kill_leftovers() -> None:
    """Kill daemons a failed test left running (a test that passes stops its own)."""
    while RUNNING:
        d = RUNNING.pop()
        if d.proc.poll() is None:
            d.proc.kill()
            d.proc.wait(10)
        d._err.close()


class Daemon:
    """A `monitor run` subprocess; stderr goes to a file we can search."""

    def __init__(self, config: Path, tmp_path: Path, name: str = "daemon",
                 preexec_fn=None, args: tuple[str, ...] = ()) -> None:
        self.stderr_path = tmp_path / f"{name}.stderr"
        self._err = self.stderr_path.open("ab")
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "monitor", "run", "--config", str(config), *args],
            stdout=subprocess.DEVNULL, stderr=self._err, cwd=tmp_path, env=env,
            preexec_fn=preexec_fn,
        )
        RUNNING.append(self)

    def events(self) -> list[dict]:
        out = []
        for line in self.stderr_path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                out.append(json.loads(line))
            except ValueError:
                continue
        return out

    def count(self, event: str) -> int:
        return sum(1 for e in self.events() if e.get("event") == event)

    def wait_for(self, predicate, timeout: float = 20.0, what: str = "condition") -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return
            if self.proc.poll() is not None:
                raise AssertionError(
                    f"daemon exited ({self.proc.returncode}) waiting for {what}:\n"
                    + self.stderr_path.read_text(errors="replace")[-3000:])
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}:\n"
                             + self.stderr_path.read_text(errors="replace")[-3000:])

    def signal(self, sig: int) -> None:
        self.proc.send_signal(sig)

    def stop(self, timeout: float = 10.0) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        finally:
            self._err.close()

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(10)
        self._err.close()


def alert_lines(path: Path) -> list[dict]:
    """The alert log's lines, each checked against the shipped JSON Schema."""
    from alert_schema import check_alert

    if not path.exists():
        return []
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for n, line in enumerate(lines, 1):
        check_alert(line, f"{path}:{n}")
    return lines
