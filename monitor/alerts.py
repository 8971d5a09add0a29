"""Alerts: build them from matches (pure), and drain the outbox into the JSON-lines alert log.

The alert log is a data product, not diagnostics: one JSON object per line, a fixed field set
versioned by ``schema``. Lines are rendered by a structlog logger of their own (never the
diagnostic stream) and appended in batches, each batch flushed and fsynced before the alerts are
marked written in the database. A crash between the two is repaired on the next start: the log's
last lines are read back and alerts already there are marked written instead of written again;
a torn last line (a crash mid-write) is cut off first. The file is opened for each batch, so a
rotated (renamed) log is recreated and a copy-truncated one is appended to from its new end.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
from collections.abc import Iterable, Iterator, MutableMapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import structlog

from monitor import clock, similar
from monitor.exceptions import AlertSinkError
from monitor.types import PRIORITY_RANK, AlertRecord, Item, MatchResult, Priority

if TYPE_CHECKING:
    from monitor.store.protocol import AlertOutbox

ALERT_SCHEMA = 1  # the `schema` field; monitor/alert-line.schema.json describes the line
SCHEMA_FILE = Path(__file__).with_name("alert-line.schema.json")
_RANK_NAME: dict[int, Priority] = {v: k for k, v in PRIORITY_RANK.items()}  # type: ignore[misc]
SNIPPET_CHARS = 240
log = structlog.get_logger(__name__)


def rfc3339(dt: datetime | None) -> str | None:
    if dt is None:
        return None
    return dt.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def alert_id(item: Item, result: MatchResult) -> str:
    """Stable id from the item's key and the ids of what matched: re-deriving it gives the same."""
    ids = sorted(e.entity_id for e in result.entities) + sorted(
        "topic:" + t.topic_id for t in result.topics
    )
    raw = "\x1f".join(["alert-v1", item.feed_id, item.key, *ids])
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def severity(result: MatchResult) -> Priority:
    """The highest entity priority; an entity only mentioned in passing (not in the title and
    named once) counts one level lower, and one named only in the linked article's body two
    levels lower. A matched topic makes it at least ``medium``."""
    best = 0
    for e in result.entities:
        rank = PRIORITY_RANK[e.priority]
        if e.salience == "mention":
            body_only = bool(e.hits) and all(h.field == "body" for h in e.hits)
            rank = max(1, rank - (2 if body_only else 1))
        best = max(best, rank)
    if result.topics:
        best = max(best, PRIORITY_RANK["medium"])
    return _RANK_NAME[max(best, 1)]


def snippet(
    item: Item, result: MatchResult, width: int = SNIPPET_CHARS, body: str | None = None
) -> str:
    """Text around the first match in the summary (or content), cut at word boundaries with
    ``…`` where cut. When only the title matched, the start of the summary (or content): the
    title is in the alert already, so it is not repeated (empty for an item with only a title).
    With the linked article's ``body``, around the first match in the body first."""
    hits = [h for e in result.entities for h in e.hits] + [
        h for t in result.topics for h in t.hits
    ]
    fields = item.fields()
    order: tuple[str, ...] = ("summary", "content")
    if body is not None:
        fields["body"] = body
        order = ("body", *order)
    for name in order:
        in_field = sorted((h for h in hits if h.field == name), key=lambda h: h.start)
        if in_field:
            return _window(fields[name], in_field[0].start, width)
    return _window(item.summary or item.content or "", 0, width)


def _window(text: str, at: int, width: int) -> str:
    """About ``width`` characters of ``text`` from a third of the width before ``at``, on whole
    words (a word longer than the window is cut)."""
    before = text[:at]
    at = len(" ".join(before.split())) + (1 if before.strip() and before[-1].isspace() else 0)
    text = " ".join(text.split())  # one line, single spaces; ``at`` moved to match
    start = max(0, min(at, len(text)) - width // 3)
    end = min(len(text), start + width)
    if start > 0 and text[start - 1] != " ":
        space = text.find(" ", start, end)
        if space != -1:
            start = space + 1
    if end < len(text) and text[end] != " ":
        space = text.rfind(" ", start, end)
        if space > start:
            end = space
    out = text[start:end].strip()
    return ("…" if start else "") + out + ("…" if end < len(text) else "")


def build_alert(
    item: Item,
    result: MatchResult,
    *,
    feed_name: str,
    watchlist_version: str,
    detected_at: datetime,
    edited: bool = False,
    body: str | None = None,
) -> AlertRecord:
    """The alert for a matched item: the record for the outbox and the line for the log.
    ``edited``: the item was seen before and changed; the line says ``"edited": true``.
    ``body``: the alert is for what the linked article's text added (``found_in: body``)."""
    aid = alert_id(item, result)
    sev = severity(result)

    def hits(hs: Iterable[Any]) -> list[dict[str, Any]]:
        return [
            {"alias": h.alias, "field": h.field, "start": h.start, "end": h.end, "text": h.text}
            for h in hs
        ]

    payload: dict[str, Any] = {
        "schema": ALERT_SCHEMA,
        "ts": rfc3339(detected_at),
        "alert_id": aid,
        "severity": sev,
        "entities": [
            {
                "id": e.entity_id,
                "name": e.name,
                "type": e.type,
                "priority": e.priority,
                "salience": e.salience,
                "matched": e.hits[0].text if e.hits else "",
                "hits": hits(e.hits),
            }
            for e in result.entities
        ],
        "topics": [
            {"id": t.topic_id, "name": t.name, "hits": hits(t.hits)} for t in result.topics
        ],
        "title": item.title,
        "link": item.link,
        "feed": item.feed_id,
        "feed_name": feed_name,
        "item_key": item.key,
        "published": rfc3339(item.published),
        "snippet": snippet(item, result, body=body),
        "watchlist_version": watchlist_version,
    }
    if item.enclosures:
        payload["enclosures"] = list(item.enclosures)
    if edited:
        payload["edited"] = True
    if body is not None:
        payload["found_in"] = "body"
    return AlertRecord(
        alert_id=aid,
        feed_id=item.feed_id,
        item_key=item.key,
        link=item.link,
        story_hash=item.story_hash,
        severity=sev,
        entity_ids=tuple(e.entity_id for e in result.entities),
        created_at=detected_at,
        watchlist_version=watchlist_version,
        payload=payload,
        shingles=similar.shingles((item.title, item.summary, item.content)),
        topic_ids=tuple(t.topic_id for t in result.topics),
        edited=edited,
    )


class _LineBuffer:
    """The structlog 'logger' behind the alert log: collects rendered lines for one batch."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def msg(self, message: str) -> None:
        self.lines.append(message)


def _render(_logger: Any, _name: str, event_dict: MutableMapping[str, Any]) -> str:
    event_dict.pop("event", None)
    return json.dumps(event_dict, ensure_ascii=False, separators=(",", ":"))


def read_tail_ids(path: Path, max_lines: int) -> set[str]:
    """``alert_id`` of the last ``max_lines`` complete lines of the log (cheap: reads backwards)."""
    ids: set[str] = set()
    try:
        with path.open("rb") as fh:
            fh.seek(0, os.SEEK_END)
            pos = fh.tell()
            buf = b""
            while pos > 0 and buf.count(b"\n") <= max_lines:
                step = min(65536, pos)
                pos -= step
                fh.seek(pos)
                buf = fh.read(step) + buf
    except FileNotFoundError:
        return ids
    for line in buf.splitlines()[-max_lines:]:
        try:
            value = json.loads(line)
        except ValueError:
            continue
        if isinstance(value, dict) and isinstance(value.get("alert_id"), str):
            ids.add(value["alert_id"])
    return ids


def repair_torn_line(path: Path) -> int:
    """Cut a partial last line (no newline: the writer died mid-line). Returns bytes removed."""
    try:
        with path.open("rb+") as fh:
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            if size == 0:
                return 0
            fh.seek(size - 1)
            if fh.read(1) == b"\n":
                return 0
            pos = size
            keep = 0
            while pos > 0:
                step = min(65536, pos)
                pos -= step
                fh.seek(pos)
                chunk = fh.read(step)
                nl = chunk.rfind(b"\n")
                if nl >= 0:
                    keep = pos + nl + 1
                    break
            fh.truncate(keep)
            os.fsync(fh.fileno())
            return size - keep
    except FileNotFoundError:
        return 0


class AlertLog:
    """Drains the store's alert outbox into the alert log file."""

    def __init__(self, path: Path, batch: int = 200) -> None:
        self.path = path
        self.batch = batch
        self._needs_recovery = True
        # write and record one line at a time (replicas sharing the store): a replica killed
        # between writing a line and recording it leaves one line that another writes again
        self.one_at_a_time = False
        self._last_file_id: tuple[int, int] | None = None
        self._buffer = _LineBuffer()
        self._logger = structlog.wrap_logger(
            self._buffer, processors=[_render], wrapper_class=structlog.BoundLogger
        )

    def _recover(self, store: AlertOutbox) -> None:
        """Before appending: cut a torn line; mark alerts already in the log as written."""
        cut = repair_torn_line(self.path)
        if cut:
            log.warning("alert_log_torn_line_removed", path=str(self.path), bytes=cut)
        pending = store.pending_alerts(self.batch)
        if pending:
            present = read_tail_ids(self.path, self.batch * 2)
            already = [a.alert_id for a in pending if a.alert_id in present]
            if already:
                store.mark_emitted(already, clock.now())
                log.info("alert_log_recovered", already_written=len(already))
        self._needs_recovery = False

    def drain(self, store: AlertOutbox) -> int:
        """Write every pending alert; return how many were written.

        Raises AlertSinkError if the file cannot be written; the alerts stay pending.
        """
        written = 0
        try:
            with self._lock():
                if self._needs_recovery:
                    self._recover(store)
                while True:
                    pending = store.pending_alerts(self.batch)
                    if not pending:
                        return written
                    for group in ([[a] for a in pending] if self.one_at_a_time
                                  else [pending]):
                        self._write(group)
                        store.mark_emitted([a.alert_id for a in group], clock.now())
                        written += len(group)
        except OSError as exc:
            self._needs_recovery = True
            reason = exc.strerror or str(exc)
            raise AlertSinkError(f"cannot write alert log {self.path}: {reason}") from exc

    def _file_id(self) -> tuple[int, int] | None:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size)

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        """One writer at a time across processes (the daemon, `monitor rematch`): without it
        two drains could both read the same pending alerts and write them twice."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.path.with_name(self.path.name + ".lock")
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            # another writer (or a crash, or logrotate) changed the file since our last write:
            # check its tail again before appending
            if self._file_id() != self._last_file_id:
                self._needs_recovery = True
            yield
            self._last_file_id = self._file_id()
        finally:
            os.close(fd)

    def _write(self, alerts: Sequence[AlertRecord]) -> None:
        self._buffer.lines.clear()
        for a in alerts:
            self._logger.msg("alert", **a.payload)
        data = ("\n".join(self._buffer.lines) + "\n").encode("utf-8")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            start = os.lseek(fd, 0, os.SEEK_END)
            try:
                view = memoryview(data)
                while view:
                    n = os.write(fd, view)
                    view = view[n:]
                os.fsync(fd)
            except OSError:
                # take back the partial batch so no torn line stays behind
                try:
                    os.ftruncate(fd, start)
                except OSError as trunc_exc:
                    log.error("alert_log_truncate_failed", error=str(trunc_exc))
                raise
        finally:
            os.close(fd)
