"""Frozen records passed between the pipeline stages. No behaviour beyond tiny derived properties.

fetch  → Fetched | NotModified
parse  → ParsedFeed (RawEntry...) → Parsed (new Items: parse and normalise run together)
normalize → Item...
match  → MatchResult (EntityMatch, TopicMatch, each with Hit spans)
store  → AlertRecord... (what was actually inserted) and FeedState (what is due)
pipeline → PollOutcome
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

Priority = Literal["low", "medium", "high", "critical"]
PRIORITY_RANK: dict[str, int] = {"low": 1, "medium": 2, "high": 3, "critical": 4}
Salience = Literal["about", "mention"]
FieldName = Literal["title", "summary", "content", "body"]  # body: the linked article's text


# --- fetch -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FetchRequest:
    """What the fetcher needs to know about a feed: where, and the validators from last time."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    accept: str | None = None  # the Accept header, when not a feed's (article pages)
    max_bytes: int | None = None  # a lower size limit than the fetcher's (article pages)


@dataclass(frozen=True, slots=True)
class HttpInfo:
    """What the server said. ``url`` is the final URL after redirects."""

    status: int
    url: str
    headers: Mapping[str, str] = field(default_factory=dict)
    # Permanent redirects seen on the way: the URL the server asked us to use from now on.
    permanent_redirect: str | None = None
    # Seconds the server asked us to wait before the next poll (Retry-After, Cache-Control max-age).
    retry_after: float | None = None


@dataclass(frozen=True, slots=True)
class Fetched:
    """A 200 (or a local file): the body and the validators to send next time."""

    http: HttpInfo
    body: bytes
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class NotModified:
    """A 304: nothing to parse."""

    http: HttpInfo


# --- parse -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RawEntry:
    """One feed entry as the feed gave it: HTML still in summary and content."""

    guid: str | None
    link: str | None
    title: str | None
    summary: str | None
    content: str | None
    published: datetime | None  # UTC, tz-aware
    # the URLs of feedparser's ``entry.enclosures`` (RSS <enclosure url>, Atom <link
    # rel="enclosure">), resolved as links are, in document order
    enclosures: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    link: str | None
    version: str  # feedparser's name of the format: rss20, atom10, ...
    entries: tuple[RawEntry, ...]
    warning: str | None = None  # a recoverable parse problem (feedparser's bozo), kept for the log
    ttl_minutes: int | None = None
    entries_read: int | None = None  # entry elements read, the empty ones (not in entries) too


@dataclass(frozen=True, slots=True)
class Parsed:
    """What the parse stage hands on: the document's items the store did not know, in order."""

    items: tuple[Item, ...]
    keys: tuple[str, ...]  # of every entry in the document, known ones included, each once
    warning: str | None = None  # a recoverable problem (wrong Content-Type, bozo), for the log
    ttl_minutes: int | None = None
    fast: bool = False  # built by the expat fast path (feedparser skipped)


# --- normalize -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Item:
    """One entry, normalised: plain text, canonical link, UTC time, stable keys."""

    feed_id: str
    key: str  # entry key within the feed: guid, else canonical link, else hash of title+summary
    guid: str | None
    link: str | None  # canonical link
    title: str
    summary: str
    content: str
    published: datetime | None
    content_hash: str  # of title+summary+content, to notice edits
    story_hash: str  # of the folded title+summary, to notice the same story in another feed
    # the enclosures' canonical URLs (podcast audio, attached files), in document order, each once
    enclosures: tuple[str, ...] = ()
    # of the entry's raw bytes, when the scan vouched for them (not part of the item's value)
    entry_hash: str | None = field(default=None, compare=False)

    def fields(self) -> dict[str, str]:
        return {"title": self.title, "summary": self.summary, "content": self.content}


# --- match -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Hit:
    """One place where an alias or a topic term was found."""

    alias: str  # the watchlist alias or term that matched
    field: str  # title, summary or content
    start: int  # character offsets into that field's plain text
    end: int
    text: str  # the text as it appears in the field


@dataclass(frozen=True, slots=True)
class EntityMatch:
    entity_id: str
    name: str
    type: str
    priority: Priority
    salience: Salience  # "about": in the title or mentioned at least twice
    hits: tuple[Hit, ...]


@dataclass(frozen=True, slots=True)
class TopicMatch:
    topic_id: str
    name: str
    hits: tuple[Hit, ...]


@dataclass(frozen=True, slots=True)
class MatchResult:
    entities: tuple[EntityMatch, ...] = ()
    topics: tuple[TopicMatch, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.entities or self.topics)


# --- store and alert -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Hints:
    """What the server said about when to come back, each in seconds (None: it said nothing).

    ``ttl`` comes from the document (RSS ``<ttl>``), ``fresh_for`` from the HTTP response
    (``Cache-Control: max-age`` less ``Age``, else ``Expires`` less ``Date``), ``retry_after``
    from a 429 or 503 answer.
    """

    ttl: float | None = None
    fresh_for: float | None = None
    retry_after: float | None = None


@dataclass(frozen=True, slots=True)
class FeedState:
    """A feed as the store knows it: what the scheduler and fetcher need."""

    feed_id: str
    url: str
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    consecutive_errors: int
    next_poll: datetime | None
    redirect_url: str | None = None
    redirect_count: int = 0
    hints: Hints = Hints()  # what the server said last time (RSS ttl, Cache-Control, Expires)
    stopped: Literal["gone"] | None = None  # not polled until resumed (410 Gone)


@dataclass(frozen=True, slots=True)
class KnownItem:
    """What the store remembers of an entry already seen: enough to notice an edit."""

    content_hash: str  # of the normalised title, summary and content (Item.content_hash)
    entry_hash: str | None  # of the entry's raw bytes, when the scan saw them (scan.Scan)


@dataclass(frozen=True, slots=True)
class MatchedItem:
    """A new item and what the watchlist found in it."""

    item: Item
    result: MatchResult


@dataclass(frozen=True, slots=True)
class AlertRecord:
    """One alert in the outbox; ``payload`` is the JSON object written to the alert log."""

    alert_id: str
    feed_id: str
    item_key: str
    link: str | None
    story_hash: str
    severity: Priority
    entity_ids: tuple[str, ...]
    created_at: datetime
    watchlist_version: str
    payload: Mapping[str, object]
    shingles: frozenset[int] = frozenset()  # for near-duplicate stories (similar.py)
    topic_ids: tuple[str, ...] = ()
    edited: bool = False  # from an item whose title or text changed after it was first seen
    carried_by: int = 0  # other feeds recorded as sources of this alert's story (when read)

    @property
    def targets(self) -> tuple[str, ...]:
        """Entity ids and ``topic:``-prefixed topic ids: what this alert is about."""
        return self.entity_ids + tuple("topic:" + t for t in self.topic_ids)


@dataclass(frozen=True, slots=True)
class FeedUpdate:
    """The outcome of one poll, as the store must remember it (always written, success or not)."""

    feed_id: str
    attempted_at: datetime
    next_poll: datetime
    status: Literal["ok", "not_modified", "unchanged", "error"]
    http_status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    error: str | None = None
    redirect_url: str | None = None  # candidate permanent redirect seen this poll
    adopt_url: str | None = None  # the feed's URL from now on (permanent redirect adopted)
    hints: Hints | None = None  # the server's hints to keep for the next polls; None: unchanged
    stopped: Literal["gone"] | None = None  # stop polling the feed (until resumed)


@dataclass(frozen=True, slots=True)
class ArticleRequest:
    """A new item whose linked page is to be fetched (a row of the store's article queue)."""

    feed_id: str
    item_key: str
    url: str  # the item's canonical link


@dataclass(frozen=True, slots=True)
class PendingArticle:
    """An article fetch that is due, with what matching its text needs."""

    item: Item
    url: str
    attempts: int  # failed attempts so far
    known_text: str | None = None  # text of the same URL fetched within the dedupe window


@dataclass(frozen=True, slots=True)
class RobotsTxt:
    """A host's robots.txt as last fetched, shared by the replicas of a store: its text ("" when
    the host has none), or None while it is unreachable (nothing of the host is fetched)."""

    origin: str  # scheme://host[:port]
    text: str | None
    expires: datetime  # asked again after this


@dataclass(frozen=True, slots=True)
class ArticleOutcome:
    """What one article fetch gave, as the store must remember it (one transaction)."""

    feed_id: str
    item_key: str
    status: Literal["done", "failed", "retry", "skipped"]
    at: datetime
    text: str | None = None  # the extracted main text ("done")
    error: str | None = None
    next_attempt: datetime | None = None  # "retry"
    matched: MatchedItem | None = None  # what the body added (new entities and topics only)
    alerts: tuple[AlertRecord, ...] = ()
    watchlist_version: str = ""


@dataclass(frozen=True, slots=True)
class PollIntent:
    """Everything one poll writes, committed in one transaction (items, matches, alerts, state)."""

    update: FeedUpdate
    items: tuple[Item, ...] = ()
    matched: tuple[MatchedItem, ...] = ()
    alerts: tuple[AlertRecord, ...] = ()
    watchlist_version: str = ""
    # digest of each entry's raw bytes (key -> digest) where it differs from the stored one
    entry_hashes: Mapping[str, str] = field(default_factory=dict)
    articles: tuple[ArticleRequest, ...] = ()  # pages to fetch for new items (article.fetch)
    # the keys of every entry in the fetched document, when it was parsed (None: not parsed,
    # e.g. 304): the keys of purged items the feed still serves stay known (store retention)
    seen_keys: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class Purged:
    """What one retention batch deleted (store.purge_expired)."""

    items: int = 0  # items whose text was deleted (their keys kept as tombstones)
    tombstones: int = 0  # keys of purged items their feed no longer serves
    alerts: int = 0
    pages_freed: int = 0  # database pages given back to the file system
    more: bool = False  # a batch was full: call again

    def __add__(self, other: Purged) -> Purged:
        return Purged(self.items + other.items, self.tombstones + other.tombstones,
                      self.alerts + other.alerts, self.pages_freed + other.pages_freed,
                      other.more)


@dataclass(frozen=True, slots=True)
class PollOutcome:
    feed_id: str
    status: Literal["ok", "not_modified", "unchanged", "error"]
    entries: int = 0
    new: int = 0
    matched: int = 0
    alerts: int = 0
    error: str | None = None
    duration: float = 0.0  # the whole poll: fetch, parse, match, store
    fetch_duration: float = 0.0  # the HTTP (or file) retrieval alone
