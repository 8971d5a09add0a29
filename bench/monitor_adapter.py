"""The monitor as one more peer: a generated config, `monitor poll-once` in its own process.

setup  writes STATE/monitor.yaml naming every feed URL (no process is started: the first poll
       creates and migrates the database, so that cost is in "cold", as reader's is in its setup
       and its first update)
poll   runs ``<venv>/bin/python -m monitor poll-once --config STATE/monitor.yaml`` and reports the
       items stored before and after
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


def write_config(state: Path, urls: list[str], *, parse_workers: str | None = None) -> Path:
    """A config polling ``urls`` with the project's defaults (but ``per_host``; and
    ``parse_workers``, from the PARSE_WORKERS environment variable by default) and the seed
    watchlist."""
    parse_workers = parse_workers or os.environ.get("PARSE_WORKERS") or None
    state.mkdir(parents=True, exist_ok=True)
    watchlists = sorted(str(p) for p in SEEDS.glob("*.yaml"))
    lines = [
        "# written by bench/monitor_adapter.py",
        "paths:",
        f"  database: {json.dumps(str(state / 'monitor.db'))}",
        f"  alert_log: {json.dumps(str(state / 'alerts.jsonl'))}",
        "watchlists:",
        *(f"  - {json.dumps(w)}" for w in watchlists),
        "allow_private_networks: true  # the corpus is served on 127.0.0.1",
        "http: {enabled: false}",
        "log: {level: warning, format: json}",
    ]
    # the corpus stands for N sites but is served from one host: lift the per-host limit to
    # the global one (the default 2 is for many feeds of one real site)
    lines += ["defaults:", "  per_host: 16  # = concurrency"]
    if parse_workers is not None:
        lines += [f"  parse_workers: {parse_workers}"]
    lines.append("feeds:")
    lines += [f"  - {{id: f{i:05d}, url: {json.dumps(u)}}}" for i, u in enumerate(urls)]
    path = state / "monitor.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def argv(python: str, config: Path) -> list[str]:
    return [python, "-m", "monitor", "poll-once", "--config", str(config)]


def stored(state: Path) -> int:
    db = state / "monitor.db"
    if not db.exists():
        return 0
    con = sqlite3.connect(str(db))
    try:
        return con.execute("SELECT count(*) FROM items").fetchone()[0]
    except sqlite3.Error:
        return 0
    finally:
        con.close()


_SUMMARY = re.compile(r"polled (\d+) feeds in ([\d.]+)s: ([^;]*); (\d+) new items, (\d+) matched, "
                      r"(\d+) alerts")


def summary(stdout: str) -> dict[str, object]:
    """What poll-once printed: feeds by status, new, matched, alerts."""
    m = _SUMMARY.search(stdout)
    if not m:
        return {}
    return {"feeds": int(m.group(1)), "poll_s": float(m.group(2)), "statuses": m.group(3),
            "new_reported": int(m.group(4)), "matched": int(m.group(5)),
            "alerts": int(m.group(6))}


def env() -> dict[str, str]:
    e = dict(os.environ)
    e.pop("PYTHONPATH", None)
    return e
