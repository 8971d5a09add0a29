"""Small builders for records, so tests state only what matters to them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from monitor.alerts import build_alert
from monitor.normalize import to_item
from monitor.types import (
    EntityMatch,
    FeedUpdate,
    Hit,
    Item,
    MatchedItem,
    MatchResult,
    PollIntent,
    RawEntry,
)

T0 = datetime(2025, 11, 17, 12, 0, tzinfo=UTC)
VERSION = "0f1e2d3c4b5a"  # a watchlist version, shaped like the real ones


@dataclass
class F:
    """A feed as the store syncs it (the fields of config.Feed the store reads)."""

    id: str
    url: str
    name: str = "x"
    interval: float = 60.0


def item(feed_id: str = "f1", guid: str | None = "g1", title: str = "Maduro speaks",
         summary: str = "Nicolás Maduro said things.", link: str | None = None) -> Item:
    return to_item(feed_id, RawEntry(guid=guid, link=link, title=title, summary=summary,
                                     content=None, published=T0))


def result(entity_id: str = "nicolas-maduro", priority: str = "critical",
           salience: str = "about", text: str = "Maduro") -> MatchResult:
    hit = Hit(alias=text, field="title", start=0, end=len(text), text=text)
    return MatchResult(entities=(EntityMatch(entity_id, entity_id.title(), "person", priority,
                                             salience, (hit,)),))


def intent(feed_id: str, items: list[Item], matched: list[MatchedItem] | None = None,
           at: datetime = T0, status: str = "ok", error: str | None = None) -> PollIntent:
    matched = matched if matched is not None else [MatchedItem(i, result()) for i in items]
    alerts = tuple(build_alert(m.item, m.result, feed_name=feed_id, watchlist_version=VERSION,
                               detected_at=at) for m in matched)
    update = FeedUpdate(feed_id=feed_id, attempted_at=at, next_poll=at, status=status,
                        error=error, http_status=200 if status != "error" else 500)
    return PollIntent(update=update, items=tuple(items), matched=tuple(matched), alerts=alerts,
                      watchlist_version=VERSION)
