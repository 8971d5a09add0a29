"""Edited items are matched again, end to end: a real feed server on 127.0.0.1 whose items
change between polls, and real `monitor poll-once` processes writing the alert log."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from daemon_helpers import alert_lines, write_config

GUIDS = ("troops", "weather", "oil")


def rss(items: dict[str, tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<item><guid isPermaLink=\"false\">{guid}</guid><title>{title}</title>"
        f"<link>https://news.example/{guid}</link><description>{text}</description>"
        "<pubDate>Mon, 17 Nov 2025 10:00:00 GMT</pubDate></item>"
        for guid, (title, text) in items.items()
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>News</title><link>https://news.example/</link>{entries}</channel></rss>"
            ).encode()


def poll_once(config: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "monitor", "poll-once", "--config", str(config)],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr


def test_an_edit_alerts_only_for_what_is_new_and_says_edited(tmp_path, feed_server):
    """Poll 1 alerts on Maduro. Then the server edits two items and adds one: the Maduro item
    now also names Marco Rubio (an alert for Rubio alone, "edited": true), an item that matched
    nothing now names the Tren de Aragua (edited alert), the new item alerts as usual. A third
    poll after an edit that names nobody new alerts on nothing."""
    items = {
        "troops": ("Maduro orders troops to the coast",
                   "Nicolás Maduro ordered soldiers to deploy along the Caribbean coast."),
        "weather": ("Storm warning for the islands", "Heavy rain is expected through Thursday."),
        "oil": ("Oil prices edge higher", "Brent crude rose in early trading in London."),
    }
    feed_server.set("/news.xml", rss(items))
    config = write_config(tmp_path, {"news": feed_server.url("/news.xml")})
    log = tmp_path / "alerts.jsonl"

    poll_once(config)
    first = alert_lines(log)
    assert [(a["item_key"], [e["id"] for e in a["entities"]]) for a in first] == [
        ("troops", ["nicolas-maduro"])]
    assert "edited" not in first[0] and first[0]["carried_by"] == 0
    with sqlite3.connect(tmp_path / "monitor.db") as db:  # the scan saw each entry's bytes
        assert db.execute("SELECT count(*) FROM items WHERE entry_hash IS NOT NULL"
                          ).fetchone()[0] == 3

    items["troops"] = ("UPDATE: Maduro orders troops to the coast as Rubio warns Caracas",
                       items["troops"][1] + " Secretary of State Marco Rubio called it a bluff.")
    items["weather"] = ("Storm warning for the islands",
                        "Police say Tren de Aragua members looted shops during the storm.")
    items["gang"] = ("Tren de Aragua cell dismantled in Cúcuta",
                     "Colombian police arrested nine suspected members of the Tren de Aragua.")
    feed_server.set("/news.xml", rss(items))
    poll_once(config)
    second = alert_lines(log)[len(first):]
    got = {(a["item_key"], tuple(e["id"] for e in a["entities"]), a.get("edited", False))
           for a in second}
    assert got == {("troops", ("marco-rubio",), True), ("weather", ("tren-de-aragua",), True),
                   ("gang", ("tren-de-aragua",), False)}

    items["troops"] = ("UPDATE 2: Maduro orders troops to the coast as Rubio warns Caracas",
                       items["troops"][1])
    feed_server.set("/news.xml", rss(items))
    poll_once(config)
    assert alert_lines(log)[len(first) + len(second):] == []
    with sqlite3.connect(tmp_path / "monitor.db") as db:  # the stored item has the new text
        title = db.execute("SELECT title FROM items WHERE key = 'troops'").fetchone()[0]
    assert title.startswith("UPDATE 2:")
