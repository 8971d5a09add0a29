"""Rematch: run the current watchlist over stored items and alert only on what was missed.

For each stored item first seen in the period, the current matcher runs again; entities and
topics already alerted for that item (or for the story it was a copy of) are dropped; what is
left becomes an alert of its own (its id derives from the new ids, so it never collides with the
earlier alert). Copies of one story in several feeds still give one alert per entity.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from monitor.alerts import build_alert
from monitor.articles import body_result, targets
from monitor.match import Matcher
from monitor.types import AlertRecord, MatchedItem, MatchResult

if TYPE_CHECKING:
    from monitor.store.protocol import RematchStore


@dataclass
class RematchReport:
    items: int = 0
    matched: int = 0
    alerts: list[AlertRecord] = field(default_factory=list)  # created (or would be, dry run)


def only_new(result: MatchResult, done: set[str], keep: bool = False) -> MatchResult:
    """The part of a match result not already alerted (``done``: entity and topic: ids);
    ``keep``: the part that is in ``done`` instead."""
    return MatchResult(
        entities=tuple(e for e in result.entities if (e.entity_id in done) == keep),
        topics=tuple(t for t in result.topics if ("topic:" + t.topic_id in done) == keep),
    )


def rematch(
    store: RematchStore,
    matcher: Matcher,
    since: datetime,
    now: datetime,
    feed_names: dict[str, str],
    *,
    window: float,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> RematchReport:
    """``window``: the dedupe window (``dedupe.window``); 0 turns story grouping off, so
    that every item's alert stands alone, as when live."""
    report = RematchReport()
    for batch in store.items_since(since):
        report.items += len(batch)
        done = store.alerted_targets(batch)
        matched, alerts = [], []
        for item in batch:
            fields = item.fields()
            # the linked article's text, while it is kept (full text, dedupe window)
            body = store.article_text(item.feed_id, item.key)  # type: ignore[attr-defined]
            if body is not None:
                fields["body"] = body
            result = matcher.match(fields)
            if not result:
                continue
            new = only_new(result, done[(item.feed_id, item.key)])
            if not new:
                continue
            report.matched += 1
            parts: list[tuple[MatchResult, str | None]] = [(new, None)]
            if body is not None:  # what the body added gets an alert of its own, as when live
                feed_found = targets(matcher.match(item.fields()))
                parts = [(only_new(new, feed_found, keep=True), None),
                         (body_result(new, feed_found), body)]
            for part, text in parts:
                if not part:
                    continue
                matched.append(MatchedItem(item, part))
                alerts.append(build_alert(
                    item, part, feed_name=feed_names.get(item.feed_id, item.feed_id),
                    watchlist_version=matcher.version, detected_at=now, body=text,
                ))
        if dry_run:
            report.alerts += _one_per_story(alerts) if window > 0 else alerts
        else:
            report.alerts += store.record_rematch(matched, alerts, matcher.version, window)
        if progress is not None:
            progress(len(batch))
    return report


def _one_per_story(alerts: list[AlertRecord]) -> list[AlertRecord]:
    """Dry run: what record_rematch would keep, by exact story (link or story hash)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for a in alerts:
        keys = {(t, a.story_hash) for t in a.targets}
        if a.link:
            keys |= {(t, a.link) for t in a.targets}
        if keys & seen:
            continue
        seen |= keys
        out.append(a)
    return out
