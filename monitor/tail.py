"""Read the alert log: the last alerts, then follow it like ``tail -F``; filter; render safely.

Following is by name, as ``tail -F`` does: when the log is renamed away (logrotate's default) the
rest of the old file is read, then the new file is opened from its start; when it is truncated
in place (``copytruncate``) reading starts again from its new beginning. Polling (a few times a
second) is enough for a file that grows by a line per alert and works on every file system.

Text in alerts comes from feeds and is untrusted: ``neutralise`` shows control characters,
terminal escape sequences and bidirectional overrides as visible ``\\x1b``-style codes, so a
crafted title can neither move the cursor, retitle the terminal nor reorder what is shown.
``--json`` passes the original lines through byte for byte (JSON is data for ``jq``, not for
the terminal).
"""

from __future__ import annotations

import json
import os
import time
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from rich.text import Text

from monitor.types import PRIORITY_RANK

SEVERITY_STYLE = {
    "low": "dim",
    "medium": "cyan",
    "high": "bold yellow",
    "critical": "bold white on red",
}
# Invisible characters that reorder text (Trojan Source) or hide it.
_BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x200E, 0x200F, 0x061C}


def neutralise(text: object) -> str:
    """``text`` with every control character (C0, DEL, C1, so ESC and CSI too) and every bidi
    override shown as a visible escape (``\\x1b``, ``\\u202e``); newlines and tabs become
    spaces. Nothing in the result is interpreted by a terminal."""
    out = []
    for ch in str(text):
        code = ord(ch)
        if ch in "\n\r\t":
            out.append(" ")
        elif unicodedata.category(ch) == "Cc":
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        elif code in _BIDI:
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def parse_time(value: str) -> datetime | None:
    """An alert's RFC 3339 ``ts`` as an aware datetime (None if missing or unreadable)."""
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        return None


@dataclass(frozen=True)
class AlertFilter:
    """Which alerts to show: any of ``entities`` (a topic as ``topic:ID``, as in the database),
    any of ``feeds``, at least ``min_severity``, detected at or after ``since``. Empty means no
    condition."""

    entities: frozenset[str] = field(default_factory=frozenset)
    feeds: frozenset[str] = field(default_factory=frozenset)
    min_severity: str | None = None
    since: datetime | None = None

    def __call__(self, alert: Mapping[str, Any]) -> bool:
        if self.min_severity and PRIORITY_RANK.get(str(alert.get("severity")), 0) < (
            PRIORITY_RANK[self.min_severity]
        ):
            return False
        if self.feeds and alert.get("feed") not in self.feeds:
            return False
        if self.entities:
            ids = {e.get("id") for e in alert.get("entities") or () if isinstance(e, dict)}
            ids |= {f"topic:{t.get('id')}" for t in alert.get("topics") or ()
                    if isinstance(t, dict)}
            if not ids & self.entities:
                return False
        if self.since is not None:
            at = parse_time(str(alert.get("ts", "")))
            if at is None or at < self.since:
                return False
        return True


def parse_line(line: bytes) -> dict[str, Any] | None:
    """One alert-log line as a dict, or None if it is not a JSON object."""
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def render(alert: Mapping[str, Any]) -> Text:
    """One readable line: time, severity, entities, feed, title, link. Every piece of feed
    text goes through ``neutralise``; rich markup in it is never interpreted (plain Text)."""
    sev = str(alert.get("severity", "?"))
    ts = str(alert.get("ts") or "").replace("T", " ").replace("Z", "")
    entities = ", ".join(
        str(e.get("id")) for e in alert.get("entities") or () if isinstance(e, dict)
    ) or ", ".join(str(t.get("id")) for t in alert.get("topics") or () if isinstance(t, dict))
    line = Text(no_wrap=False)
    line.append(neutralise(ts), style="dim")
    line.append("  ")
    line.append(f"{neutralise(sev).upper():<8}", style=SEVERITY_STYLE.get(sev, ""))
    line.append("  ")
    line.append(neutralise(entities), style="bold")
    line.append("  ")
    line.append(neutralise(alert.get("feed", "")), style="magenta")
    line.append("  ")
    line.append(neutralise(alert.get("title", "")))
    if alert.get("link"):
        line.append("  ")
        line.append(neutralise(alert["link"]), style="dim underline")
    return line


# --- reading the file ---------------------------------------------------------------------------


def last_lines(
    path: Path, n: int, keep: Callable[[bytes], bool] = lambda _line: True
) -> tuple[list[bytes], int]:
    """The last ``n`` complete lines for which ``keep`` is true, oldest first, and the offset
    just after the last complete line (where following starts). Reads backwards in blocks,
    so a long log costs only what is shown."""
    with path.open("rb") as fh:
        size = fh.seek(0, os.SEEK_END)
        end = size
        pos = size
        tail = b""
        # a partial last line (a writer mid-line) is not shown; following picks it up
        while pos > 0:
            step = min(65536, pos)
            pos -= step
            fh.seek(pos)
            tail = fh.read(step) + tail
            nl = tail.rfind(b"\n")
            if nl >= 0:
                end = pos + nl + 1
                tail = tail[: nl + 1]
                break
        else:
            return [], 0
        if n <= 0:
            return [], end
        found: list[bytes] = []
        buf = tail
        while True:
            lines = buf.split(b"\n")
            # lines[0] may be incomplete unless we reached the start of the file
            complete = lines if pos == 0 else lines[1:]
            for line in reversed(complete):
                if line and keep(line):
                    found.append(line)
                    if len(found) >= n:
                        return list(reversed(found)), end
            if pos == 0:
                return list(reversed(found)), end
            buf = lines[0]
            step = min(65536, pos)
            pos -= step
            fh.seek(pos)
            buf = fh.read(step) + buf


class Follower:
    """Yield complete lines appended to ``path``, across rotation and truncation (tail -F)."""

    def __init__(self, path: Path, offset: int = 0, poll: float = 0.2) -> None:
        self.path = path
        self.poll = poll
        self._offset = offset
        self._fh: Any = None
        self._buf = b""
        self.events: list[str] = []  # "rotated", "truncated": what happened, for the caller

    def _open(self) -> bool:
        try:
            self._fh = self.path.open("rb")
        except FileNotFoundError:
            return False
        self._fh.seek(self._offset)
        self._offset = 0
        return True

    def _read(self) -> list[bytes]:
        data = self._fh.read()
        if not data:
            return []
        self._buf += data
        *lines, self._buf = self._buf.split(b"\n")
        return [line for line in lines if line]

    def _check_file(self) -> list[bytes]:
        """Nothing new: was the file truncated, replaced or removed?"""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return []  # renamed away, new one not created yet: keep the old one open
        mine = os.fstat(self._fh.fileno())
        if (st.st_ino, st.st_dev) != (mine.st_ino, mine.st_dev):
            rest = self._read()  # anything written to the old file before the rename
            self._fh.close()
            self._buf = b""
            self._open()
            self.events.append("rotated")
            return rest
        if st.st_size < self._fh.tell():
            self._fh.seek(0)
            self._buf = b""
            self.events.append("truncated")
        return []

    def lines(self, stop: Callable[[], bool] = lambda: False) -> Iterator[bytes]:
        """Lines as they are appended, until ``stop()`` is true (checked every poll)."""
        try:
            while not stop():
                if self._fh is None and not self._open():
                    time.sleep(self.poll)
                    continue
                got = self._read()
                if not got:
                    got = self._check_file()
                if got:
                    yield from got
                else:
                    time.sleep(self.poll)
        finally:
            if self._fh is not None:
                self._fh.close()
                self._fh = None
