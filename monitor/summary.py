"""The daemon's periodic ``poll_summary`` log line.

Quiet polls (304, same bytes, nothing new) are logged at debug only (pipeline.poll_log_level),
so at info the log says what happened and, every ``log.summary_interval``, how much work was
done: one line however many feeds are polled. /metrics has the same counts as counters.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from monitor.types import PollOutcome


class PollSummary:
    """Counts polls between two summaries; ``take`` returns the counts and starts again."""

    def __init__(self, interval: float, now: float) -> None:
        self.interval = interval
        self._reset(now)

    def _reset(self, now: float) -> None:
        self._since = now
        self._status: Counter[str] = Counter()
        self._new = 0
        self._alerts = 0
        self._failing: set[str] = set()

    def observe(self, outcome: PollOutcome) -> None:
        self._status[outcome.status] += 1
        self._new += outcome.new
        self._alerts += outcome.alerts
        if outcome.status == "error":
            self._failing.add(outcome.feed_id)

    def take(self, now: float, *, force: bool = False) -> dict[str, Any] | None:
        """The counts since the last summary, when ``interval`` has passed (or ``force``, at
        stop) and at least one poll ran; None otherwise. A quiet daemon logs no summary."""
        if not force and now - self._since < self.interval:
            return None
        polls = sum(self._status.values())
        out: dict[str, Any] | None = None
        if polls:
            out = {
                "seconds": round(now - self._since, 1),
                "polls": polls,
                "ok": self._status["ok"],
                "not_modified": self._status["not_modified"],
                "unchanged": self._status["unchanged"],
                "errors": self._status["error"],
                "feeds_failed": len(self._failing),
                "new_items": self._new,
                "alerts": self._alerts,
            }
            other = {k: v for k, v in self._status.items()
                     if k not in ("ok", "not_modified", "unchanged", "error")}
            if other:
                out["other"] = other
        self._reset(now)
        return out
