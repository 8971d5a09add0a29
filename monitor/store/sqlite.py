"""The SQL both stores share, and the SQLite store (sqlite-utils, WAL mode, one transaction per
poll).

``SQLStore`` holds every query, written once in the SQL that SQLite and PostgreSQL both speak
(``ON CONFLICT``, ``IS NOT DISTINCT FROM``, row values, ``UPDATE ... RETURNING``) against
``self.db``: a sqlite-utils ``Database`` here, its PostgreSQL twin in postgres.py, which also
turns the ``?`` placeholders into psycopg's. Timestamps are UTC text that sorts in time order
(``ts``) in both, so a report reads the same from either.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import threading
import weakref
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import structlog
from sqlite_utils import Database

from monitor import clock, decide, similar
from monitor.exceptions import StorageError
from monitor.scheduler import host_of
from monitor.store.protocol import Delivery, FeedSpec
from monitor.store.schema import APPLICATION_ID, migrations
from monitor.types import (
    AlertRecord,
    ArticleOutcome,
    FeedState,
    Hints,
    Item,
    KnownItem,
    MatchedItem,
    PendingArticle,
    PollIntent,
    Purged,
    RobotsTxt,
)

# seconds between two copies of the SQLite write-ahead log into the database file, by a thread
# of the store's own (_Checkpointer); and the size of log (pages) at which the writer copies it
# itself, should that thread be far behind or gone (SQLite's default is 1,000)
CHECKPOINT_INTERVAL = 0.5
_WAL_FALLBACK_PAGES = 8_000
# the writer's page cache, in KiB (SQLite's default is 2,000): pages it drops are read again from
# the operating system's file cache; a first poll of 500 real-shaped feeds took the same daemon
# CPU with 500 as with 2,000 (bench/daemoncpu.py), and the daemon's peak RSS is ~1.5 MB lower
CACHE_KIB = 500
_MAX_PARAMS = 30_000  # parameters in one statement (SQLite allows 32,766)
_IN_CHUNK = 500  # keys in one statement's ``IN (...)`` list
DEFAULT_LEASE = 120.0  # seconds a replica holds a feed, an alert or a delivery it claimed

# shingle sets of recent items kept in memory, packed (4 bytes a shingle, ~0.4 KB an item with
# its content hash; as frozensets they took ~5 KB each, and the cache filled with the number of
# feeds)
_ITEM_SHINGLES_CACHE = 20_000
# rematch reads old items: an earlier alert of their story counts at any age it is kept
_REMATCH_LOOKBACK = 10 * 365 * 86400.0
# band keys of alerts older than the dedupe window deleted per alert added: twice what it adds
_BANDS_PRUNED_PER_ALERT = 2 * similar.BANDS


def ts(dt: datetime | None) -> str | None:
    """UTC timestamp text that sorts in time order: 2026-11-28T17:22:26.123456Z."""
    if dt is None:
        return None
    return dt.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def _chunks(values: Sequence[Any]) -> Iterator[list[Any]]:
    """``values`` in lists of at most ``_IN_CHUNK``, one statement's ``IN (...)`` each."""
    for i in range(0, len(values), _IN_CHUNK):
        yield list(values[i : i + _IN_CHUNK])


def _key(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big") >> 1


def alert_keys(alert: AlertRecord, bands: Sequence[int]) -> list[int]:
    """What makes another alert the same as this one for ``_add_alert``, as 63-bit keys: its id,
    its story hash, its link, and its band keys (a near duplicate shares one; ``similar``)."""
    return [_key("id:" + alert.alert_id), _key("story:" + alert.story_hash),
            *([_key("link:" + alert.link)] if alert.link else []), *bands]


def parse_ts(value: str | None) -> datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(value)  # ts() text; "Z" gives tzinfo=UTC


def _item(r: Mapping[str, Any]) -> Item:
    return Item(feed_id=r["feed_id"], key=r["key"], guid=r["guid"], link=r["link"],
                title=r["title"], summary=r["summary"], content=r["content"],
                published=parse_ts(r["published"]), content_hash=r["content_hash"],
                story_hash=r["story_hash"], enclosures=_enclosures(r["enclosures"]))


def _enclosures(value: str | None) -> tuple[str, ...]:
    """The items.enclosures column (a JSON array, NULL when empty) as Item.enclosures."""
    return tuple(json.loads(value)) if value else ()


def _enclosures_column(item: Item) -> str | None:
    return json.dumps(item.enclosures, ensure_ascii=False) if item.enclosures else None


_POSTGRES_ERRORS: tuple[type[Exception], ...] = ()  # set by postgres.py when it is imported


def _unpack(blob: bytes | None) -> str | None:
    return zlib.decompress(blob).decode("utf-8", "surrogatepass") if blob is not None else None


@contextlib.contextmanager
def wrap_exceptions(what: str) -> Iterator[None]:
    """Turn sqlite3 failures that are not bugs (locked, read-only, full, I/O, corrupt) into
    StorageError naming what we were doing. Programming errors (bad SQL) stay as they are."""
    try:
        yield
    except _POSTGRES_ERRORS as exc:
        raise StorageError(f"{what}: {exc}") from exc
    except sqlite3.OperationalError as exc:
        msg = str(exc)
        if "syntax error" in msg or "no such" in msg:
            raise
        raise StorageError(f"{what}: {msg}") from exc
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.IntegrityError | sqlite3.ProgrammingError):
            raise
        raise StorageError(f"{what}: {exc}") from exc


class SQLStore:
    """Every query of the store; subclasses open ``self.db`` and set the dialect's few words."""

    db: Any  # sqlite_utils.Database, or postgres._Database with the same few methods
    replica: str = "local"
    lease: float = DEFAULT_LEASE
    shared = False  # several daemons may use this database at once
    _skip_locked = ""  # PostgreSQL: claimed rows are skipped by other replicas, not waited for

    def __init__(self) -> None:
        self._item_shingles: dict[str, array] = {}  # content hash -> packed shingles

    def close(self) -> None:
        self.db.close()

    def integrity_check(self) -> str:
        raise NotImplementedError

    def _lock_claims(self) -> None:
        """Make claiming due feeds one step across replicas (PostgreSQL), so that the per-host
        count a claim reads is the one it leaves; SQLite's write lock does it already."""

    def _lock_alerts(self, keys: Sequence[Sequence[int]]) -> None:
        """Make deciding which of these alerts are new, and inserting them, one step across
        replicas (PostgreSQL), for every alert that shares one of their keys (``alert_keys``);
        SQLite's one writer at a time does it already."""

    def _lock_rate(self) -> None:
        """Make reserving an article start one step across replicas (PostgreSQL)."""

    def _lease_until(self, now: datetime) -> str | None:
        return ts(now + timedelta(seconds=self.lease))

    def _insert(self, head: str, rows: Sequence[Sequence[Any]], tail: str = "") -> None:
        """``head`` (``INSERT INTO t (a, b)``) VALUES every row ``tail``, as few statements
        as the parameter limit allows: on PostgreSQL one statement to parse and plan, not one
        per row (a poll inserts ~100 rows: items, matches, alert entities, bands)."""
        if not rows:
            return
        width = len(rows[0])
        group = "(" + ",".join("?" * width) + ")"
        per = max(1, _MAX_PARAMS // width)
        for i in range(0, len(rows), per):
            chunk = rows[i : i + per]
            self.db.execute(f"{head} VALUES {','.join([group] * len(chunk))} {tail}",
                            [v for row in chunk for v in row])

    def _claim(self, table: str, key: str, where: str, args: Sequence[Any], order: str,
               limit: int | None, now: datetime) -> list[tuple[Any, ...]]:
        """Claim for this replica, for ``lease`` seconds, the first ``limit`` rows of ``table``
        (by ``order``) that match ``where`` and that no live lease of another replica holds;
        return their ``key`` columns. ``RETURNING`` gives no order: the caller orders."""
        owner, until = ("lease_owner", "lease_until") if table == "feeds" else (
            "claimed_by", "claimed_until")
        sql = (
            f"UPDATE {table} SET {owner} = ?, {until} = ? WHERE ({key}) IN ("
            f"SELECT {key} FROM {table} WHERE {where} "
            f"AND ({until} IS NULL OR {until} <= ? OR {owner} = ?) ORDER BY {order}"
            + (f" LIMIT {int(limit)}" if limit is not None else "")
            + f"{self._skip_locked}) RETURNING {key}"
        )
        # one statement, atomic by itself: no transaction around it (one round trip)
        return [tuple(r) for r in self.db.execute(
            sql, [self.replica, self._lease_until(now), *args, ts(now), self.replica]
        ).fetchall()]

    # --- feeds -----------------------------------------------------------------------------

    def sync_feeds(self, feeds: Iterable[FeedSpec], now: datetime) -> None:
        """Make the feeds table match the config: add new feeds (due now), update changed
        ones, deactivate removed ones (their history stays). A healthy feed whose interval
        changed is due again by the new one (``decide.rescheduled``), not the old."""
        feeds = list(feeds)
        with wrap_exceptions("cannot update feeds"), self.db.atomic():
            existing = {r["id"]: r for r in self.db.query(
                "SELECT id, url, name, host, active, interval, next_poll, last_attempt, "
                "consecutive_errors, stopped, ttl_hint, fresh_hint FROM feeds")}
            for f in feeds:
                row = existing.get(f.id)
                if row is None:
                    self.db.execute(
                        # replicas starting together add the same feeds: the first one wins
                        "INSERT INTO feeds (id, url, host, name, interval, next_poll, "
                        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        [f.id, f.url, host_of(f.url), f.name, f.interval, ts(now), ts(now)],
                    )
                elif row["url"] != f.url:
                    # a new URL is a new source: forget the old validators and errors
                    self.db.execute(
                        "UPDATE feeds SET url=?, host=?, name=?, interval=?, active=1, "
                        "etag=NULL, last_modified=NULL, body_hash=NULL, consecutive_errors=0, "
                        "redirect_url=NULL, redirect_count=0, ttl_hint=NULL, fresh_hint=NULL, "
                        "stopped=NULL, next_poll=? WHERE id=?",
                        [f.url, host_of(f.url), f.name, f.interval, ts(now), f.id],
                    )
                else:
                    next_poll = ts(now) if not row["active"] else row["next_poll"]
                    if (row["active"] and row["interval"] != f.interval and row["last_attempt"]
                            and not row["consecutive_errors"] and not row["stopped"]):
                        next_poll = ts(decide.rescheduled(
                            parse_ts(row["last_attempt"]) or now, f.interval,
                            Hints(ttl=row["ttl_hint"], fresh_for=row["fresh_hint"])))
                    values = (f.name, host_of(f.url), f.interval, 1, next_poll)
                    if values != tuple(row[k] for k in ("name", "host", "interval", "active",
                                                        "next_poll")):  # else: as it is
                        self.db.execute(
                            "UPDATE feeds SET name=?, host=?, interval=?, active=?, "
                            "next_poll=? WHERE id=?", [*values, f.id])
            gone = set(existing) - {f.id for f in feeds}
            for feed_id in sorted(gone):  # one order for every replica: no deadlock
                if existing[feed_id]["active"]:
                    self.db.execute("UPDATE feeds SET active=0 WHERE id=?", [feed_id])

    def resume_feed(self, feed_id: str, now: datetime) -> bool:
        """Poll a stopped feed (``gone``) again, from ``now``, with a clean error count; False
        if no such active feed is stopped."""
        with wrap_exceptions(f"cannot resume feed {feed_id}"), self.db.atomic():
            cur = self.db.execute(
                "UPDATE feeds SET stopped=NULL, consecutive_errors=0, next_poll=? "
                "WHERE id=? AND active=1 AND stopped IS NOT NULL",
                [ts(now), feed_id],
            )
            return cur.rowcount > 0

    def _state(self, row: Mapping[str, Any]) -> FeedState:
        return FeedState(
            feed_id=row["id"],
            url=row["url"],
            etag=row["etag"],
            last_modified=row["last_modified"],
            body_hash=row["body_hash"],
            consecutive_errors=row["consecutive_errors"],
            next_poll=parse_ts(row["next_poll"]),
            redirect_url=row["redirect_url"],
            redirect_count=row["redirect_count"],
            hints=Hints(ttl=row["ttl_hint"], fresh_for=row["fresh_hint"]),
            stopped=row["stopped"],
        )

    def due_feeds(
        self, now: datetime, exclude: Iterable[str] = (), limit: int | None = None,
        per_host: int | None = None,
    ) -> list[FeedState]:
        """Active, not stopped feeds whose next poll time has come, most overdue first (those
        this replica holds already before the others), at most ``limit``, claimed for this
        replica for ``lease`` seconds: a feed another replica holds is not due here until its
        lease expires, and ``record_poll`` gives the claim back. ``exclude``: the feeds this
        replica is polling. ``per_host``: no host gets more claims than that, across all
        replicas (the feeds of ``exclude`` count)."""
        skip = list(exclude)
        marks = ",".join("?" * len(skip))
        at = ts(now)
        candidates = (
            "SELECT id, host, rowid AS seq, COALESCE(next_poll, '') AS due, "
            "CASE WHEN lease_owner = ? THEN 0 ELSE 1 END AS theirs FROM feeds "
            "WHERE active=1 AND stopped IS NULL AND (next_poll IS NULL OR next_poll <= ?) "
            "AND (lease_until IS NULL OR lease_until <= ? OR lease_owner = ?)"
            + (f" AND id NOT IN ({marks})" if skip else ""))
        args: list[Any] = [self.replica, at, at, self.replica, *skip]
        if per_host is None:
            pick = f"SELECT id FROM ({candidates}) c"
        else:
            held = ("SELECT count(*) FROM feeds h WHERE h.host = c.host AND h.lease_until > ? "
                    "AND (h.lease_owner <> ?" + (f" OR h.id IN ({marks})" if skip else "") + ")")
            pick = (f"SELECT id FROM (SELECT c0.*, row_number() OVER (PARTITION BY host "
                    f"ORDER BY theirs, due, seq) AS n FROM ({candidates}) c0) c "
                    f"WHERE c.host IS NULL OR c.n + ({held}) <= ?")
            args += [at, self.replica, *skip, per_host]
        # most overdue first; among equals, in the order the feeds were added (the config's)
        pick += " ORDER BY theirs, due, seq" + (
            f" LIMIT {int(limit)}" if limit is not None else "")
        with wrap_exceptions("cannot claim due feeds"), self.db.atomic():
            self._lock_claims()
            # the claimed rows come back whole (one round trip); RETURNING gives no order
            claimed = list(self.db.query(
                f"UPDATE feeds SET lease_owner = ?, lease_until = ? WHERE id IN ({pick}) "
                "RETURNING *, rowid AS seq", [self.replica, self._lease_until(now), *args]))
        claimed.sort(key=lambda r: (r["next_poll"] or "", r["seq"]))
        return [self._state(r) for r in claimed]

    def renew_leases(self, feed_ids: Iterable[str], now: datetime) -> int:
        """Keep the feeds this replica is polling claimed for another ``lease`` seconds."""
        ids = list(feed_ids)
        if not ids:
            return 0
        with wrap_exceptions("cannot renew leases"), self.db.atomic():
            return int(self.db.execute(
                f"UPDATE feeds SET lease_until = ? WHERE lease_owner = ? "
                f"AND id IN ({','.join('?' * len(ids))})",
                [self._lease_until(now), self.replica, *ids]).rowcount)

    def release_leases(self, *, every_replica: bool = False) -> None:
        """Give back every claim of this replica (a clean stop: the others need not wait), or
        with ``every_replica`` every claim of anyone: for a store one daemon holds at a time,
        whose other claims can only be a dead predecessor's."""
        # only the rows that hold a claim: rewriting every row (every alert ever made) at each
        # start cost a write of the whole table
        mine, args = ((" WHERE {0} IS NOT NULL OR {1} IS NOT NULL", []) if every_replica
                      else (" WHERE {0} = ?", [self.replica]))
        with wrap_exceptions("cannot release leases"), self.db.atomic():
            self.db.execute("UPDATE feeds SET lease_owner = NULL, lease_until = NULL"
                            + mine.format("lease_owner", "lease_until"), args)
            for table in ("alerts", "sink_deliveries", "articles"):
                self.db.execute(f"UPDATE {table} SET claimed_by = NULL, claimed_until = NULL"
                                + mine.format("claimed_by", "claimed_until"), args)

    def feed_state(self, feed_id: str) -> FeedState | None:
        with wrap_exceptions(f"cannot read feed {feed_id}"):
            rows = list(self.db.query("SELECT * FROM feeds WHERE id=?", [feed_id]))
        return self._state(rows[0]) if rows else None

    def next_poll_time(self, after: datetime | None = None) -> datetime | None:
        """The earliest next poll among active, not stopped feeds (later than ``after``)."""
        sql = "SELECT min(next_poll) FROM feeds WHERE active=1 AND stopped IS NULL"
        args = []
        if after is not None:
            sql += " AND next_poll > ?"
            args.append(ts(after))
        with wrap_exceptions("cannot read schedule"):
            row = self.db.execute(sql, args).fetchone()
        return parse_ts(row[0])

    # --- items and polls -------------------------------------------------------------------

    def known_items(self, feed_id: str, keys: Sequence[str]) -> dict[str, KnownItem]:
        """What is stored of each of ``keys`` already seen in this feed (to notice edits),
        whether its item is stored or was purged by retention (a tombstone: no entry digest)."""
        out: dict[str, KnownItem] = {}
        with wrap_exceptions(f"cannot read items of {feed_id}"):
            for chunk in _chunks(keys):
                marks = ",".join("?" * len(chunk))
                for key, content_hash, entry_hash in self.db.execute(
                    "SELECT key, content_hash, entry_hash FROM items "
                    f"WHERE feed_id=? AND key IN ({marks}) "
                    "UNION ALL SELECT key, content_hash, NULL FROM item_tombstones "
                    f"WHERE feed_id=? AND key IN ({marks})",
                    [feed_id, *chunk, feed_id, *chunk],
                ):
                    out[key] = KnownItem(content_hash, entry_hash)
        return out

    def recent_keys(self, feed_id: str, limit: int) -> dict[str, str | None]:
        """The keys of this feed's ``limit`` most recently stored items, newest first, each
        with the digest of its entry's bytes when known (the parser skips an entry only when
        both match: one whose bytes changed may be an edit)."""
        with wrap_exceptions(f"cannot read items of {feed_id}"):
            return {row[0]: row[1] for row in self.db.execute(
                "SELECT key, entry_hash FROM items WHERE feed_id=? ORDER BY rowid DESC LIMIT ?",
                [feed_id, limit])}

    def record_poll(self, intent: PollIntent, window: float) -> list[AlertRecord]:
        """Write one poll in one transaction: feed state, new and edited items, matches, alerts.

        Returns the alerts actually created. An alert whose story already alerted within
        ``window`` seconds (see ``_add_alert``) is not created again: the item is recorded as
        another source of the existing alert instead. ``window`` 0 turns grouping off.
        An item already stored (an edit) gets its new text; its first_seen stays.
        """
        u = intent.update
        created: list[AlertRecord] = []
        with wrap_exceptions(f"cannot record poll of {u.feed_id}"), self.db.atomic():
            self._update_feed(intent)
            now = ts(u.attempted_at)
            if intent.seen_keys is not None:
                self._seen(u.feed_id, intent.seen_keys, now)
            # one statement; a key twice in the document: the last one is stored (a statement
            # may not update one row twice)
            last = {(item.feed_id, item.key): item for item in intent.items}
            digests = intent.entry_hashes
            self._insert(
                "INSERT INTO items (feed_id, key, guid, link, title, summary, "
                "content, published, first_seen, content_hash, story_hash, entry_hash, "
                "enclosures)",
                [(item.feed_id, item.key, item.guid, item.link, item.title, item.summary,
                  item.content, ts(item.published), now, item.content_hash, item.story_hash,
                  digests.get(item.key), _enclosures_column(item)) for item in last.values()],
                "ON CONFLICT (feed_id, key) DO UPDATE SET "
                "guid=excluded.guid, link=excluded.link, title=excluded.title, "
                "enclosures=excluded.enclosures, "
                "summary=excluded.summary, content=excluded.content, "
                "published=excluded.published, content_hash=excluded.content_hash, "
                "story_hash=excluded.story_hash, "
                "entry_hash=COALESCE(excluded.entry_hash, items.entry_hash), "
                "shingles=NULL",  # another text: shingled anew when needed
            )
            # the digests of entries stored before (their bytes changed, not their item)
            self._set_items(u.feed_id, "entry_hash", {
                k: v for k, v in digests.items() if (u.feed_id, k) not in last})
            self._insert_matches(intent.matched, intent.watchlist_version)
            # an alert's shingles are its item's (build_alert): the item need not be shingled
            # again as one of its feed's latest, unless its key came twice (the last is stored)
            once = Counter(item.key for item in intent.items)
            known = {alert.item_key: alert.shingles for alert in intent.alerts
                     if alert.feed_id == u.feed_id and once[alert.item_key] == 1}
            created = self._add_alerts(intent.alerts, window, cores=_Cores(self, u.feed_id, known))
            self._insert(
                "INSERT INTO articles (feed_id, item_key, url, queued_at, next_attempt)",
                [(a.feed_id, a.item_key, a.url, now, now) for a in intent.articles],
                "ON CONFLICT DO NOTHING")
        return created

    # --- articles: the pages behind new items (monitor/articles.py) --------------------------

    def due_articles(self, now: datetime, window: float, limit: int) -> list[PendingArticle]:
        """Pending article fetches whose time has come, oldest first, each with its item and
        the text of the same URL if it was fetched within ``window`` seconds."""
        since = ts(now - timedelta(seconds=window))
        with wrap_exceptions("cannot read due articles"):
            # claimed for this replica, as feeds are: no page is fetched by two replicas
            claimed = self._claim(
                "articles", "feed_id, item_key", "status = 'pending' AND next_attempt <= ?",
                [ts(now)], "next_attempt, queued_at, feed_id, item_key", limit, now)
            if not claimed:
                return []
            rows = list(self.db.query(
                "SELECT i.*, a.url AS article_url, a.attempts AS article_attempts, "
                "(SELECT d.text FROM articles d WHERE d.url = a.url AND d.status = 'done' "
                " AND d.text IS NOT NULL AND d.fetched_at >= ? ORDER BY d.fetched_at DESC "
                " LIMIT 1) AS known_text "
                "FROM articles a JOIN items i ON i.feed_id = a.feed_id AND i.key = a.item_key "
                "WHERE (a.feed_id, a.item_key) IN (VALUES "
                f"{','.join(['(?, ?)'] * len(claimed))}) "
                "ORDER BY a.next_attempt, a.queued_at, a.feed_id, a.item_key",
                [since, *(v for pair in claimed for v in pair)],
            ))
        return [
            PendingArticle(
                item=_item(r), url=r["article_url"], attempts=r["article_attempts"],
                known_text=_unpack(r["known_text"]),
            )
            for r in rows
        ]

    def record_article(self, outcome: ArticleOutcome, window: float) -> list[AlertRecord]:
        """Write one article's outcome in one transaction: its row (text compressed), the
        matches and alerts its body added (a story already alerted for the same entity within
        ``window`` is not alerted again). Texts fetched before the window are dropped."""
        o = outcome
        created: list[AlertRecord] = []
        packed = zlib.compress(o.text.encode("utf-8", "surrogatepass"), 6) \
            if o.text is not None else None
        status = "pending" if o.status == "retry" else o.status
        with wrap_exceptions(f"cannot record article of {o.feed_id}"), self.db.atomic():
            self.db.execute(
                "UPDATE articles SET status = ?, text = ?, error = ?, claimed_by = NULL, "
                "claimed_until = NULL, "
                "fetched_at = CASE WHEN ? = 'done' THEN ? ELSE fetched_at END, "
                "attempts = attempts + CASE WHEN ? IN ('retry', 'failed') THEN 1 ELSE 0 END, "
                "next_attempt = COALESCE(?, next_attempt) WHERE feed_id = ? AND item_key = ?",
                [status, packed, o.error, o.status, ts(o.at), o.status, ts(o.next_attempt),
                 o.feed_id, o.item_key],
            )
            if o.matched is not None:
                self._insert_matches([o.matched], o.watchlist_version)
            created = self._add_alerts(o.alerts, window, same_targets=True)
            self.db.execute(
                "UPDATE articles SET text = NULL WHERE text IS NOT NULL AND fetched_at < ?",
                [ts(o.at - timedelta(seconds=window))],
            )
        return created

    def article_text(self, feed_id: str, key: str) -> str | None:
        """The extracted text of an item's linked page, while it is kept (dedupe window)."""
        with wrap_exceptions("cannot read article"):
            row = self.db.execute(
                "SELECT text FROM articles WHERE feed_id = ? AND item_key = ?", [feed_id, key]
            ).fetchone()
        return _unpack(row[0]) if row else None

    def _set_items(self, feed_id: str, column: str, values: Mapping[str, Any]) -> None:
        """Set ``column`` of the feed's items, each key to its value, in one statement per
        chunk (keys in order: two transactions lock the rows they share in the same order)."""
        pairs = sorted(values.items())
        for chunk in _chunks(pairs):
            values_sql = " UNION ALL ".join(["SELECT ? AS k, ? AS v"] * len(chunk))
            self.db.execute(
                f"UPDATE items SET {column} = (SELECT x.v FROM ({values_sql}) x "
                "WHERE x.k = items.key) WHERE feed_id = ? AND key IN "
                f"({','.join('?' * len(chunk))})",
                [*(v for pair in chunk for v in pair), feed_id, *(k for k, _ in chunk)])

    def take_article_start(self, now: datetime, interval: float) -> datetime:
        """Reserve the next start of a page fetch, for every replica of the store together:
        the time this fetch may start (``now`` or later); the next one may start ``interval``
        seconds after it."""
        with wrap_exceptions("cannot reserve an article fetch"), self.db.atomic():
            self._lock_rate()
            row = self.db.execute("SELECT next_start FROM article_rate WHERE id = 1").fetchone()
            start = max(now, parse_ts(row[0]) or now) if row else now
            self.db.execute(
                "INSERT INTO article_rate (id, next_start) VALUES (1, ?) "
                "ON CONFLICT (id) DO UPDATE SET next_start = excluded.next_start",
                [ts(start + timedelta(seconds=interval))])
        return start

    def robots_txt(self, origin: str, now: datetime) -> RobotsTxt | None:
        """The host's robots.txt as a replica last fetched it, unless expired (None)."""
        with wrap_exceptions("cannot read robots.txt"):
            row = self.db.execute(
                "SELECT text, expires FROM robots WHERE origin = ? AND expires > ?",
                [origin, ts(now)]).fetchone()
        return RobotsTxt(origin, row[0], parse_ts(row[1]) or now) if row else None

    def keep_robots_txt(self, robots: RobotsTxt, now: datetime) -> None:
        """Keep a host's robots.txt for every replica (and forget those expired by ``now``)."""
        with wrap_exceptions("cannot keep robots.txt"), self.db.atomic():
            self.db.execute(
                "INSERT INTO robots (origin, text, expires) VALUES (?, ?, ?) ON CONFLICT "
                "(origin) DO UPDATE SET text = excluded.text, expires = excluded.expires",
                [robots.origin, robots.text, ts(robots.expires)])
            self.db.execute("DELETE FROM robots WHERE expires <= ?", [ts(now)])

    def _seen(self, feed_id: str, keys: Sequence[str], now: str | None) -> None:
        """The feed's document was parsed now with these entries: its purged items' keys that
        it still serves are seen again (retention keeps them)."""
        self.db.execute("UPDATE feeds SET last_parsed=? WHERE id=?", [now, feed_id])
        for chunk in _chunks(keys):
            self.db.execute(
                f"UPDATE item_tombstones SET last_seen=? WHERE feed_id=? AND key IN "
                f"({','.join('?' * len(chunk))})", [now, feed_id, *chunk])

    # --- retention -------------------------------------------------------------------------

    def purge_expired(
        self, now: datetime, items_before: datetime | None, alerts_before: datetime | None,
        limit: int = 500,
    ) -> Purged:
        """Delete one batch (at most ``limit`` rows of each kind, one transaction) of what
        retention lets go, then give up to ``limit`` free pages back to the file system:

        - items first seen before ``items_before``, with their matches; each item's key stays
          as a tombstone (``known_items`` still knows it);
        - tombstones not in the feed's last parsed document and not seen since
          ``items_before``: the feed no longer serves the entry;
        - alerts created before ``alerts_before`` that were written to the alert log and have no
          delivery pending, with their entities, sources and deliveries.

        ``more`` says a batch was full. None for a cut-off keeps that kind forever."""
        items = tombstones = alerts = 0
        with wrap_exceptions("cannot delete expired rows"), self.db.atomic():
            if items_before is not None:
                cutoff = ts(items_before)
                rows = self.db.execute(
                    "SELECT feed_id, key, content_hash FROM items WHERE first_seen < ? "
                    "ORDER BY first_seen LIMIT ?", [cutoff, limit]).fetchall()
                keys = [(r[0], r[1]) for r in rows]
                self.db.conn.executemany(
                    "INSERT INTO item_tombstones (feed_id, key, content_hash, last_seen) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT (feed_id, key) DO NOTHING",
                    [(*r, ts(now)) for r in rows])
                self.db.conn.executemany(
                    "DELETE FROM matches WHERE feed_id = ? AND item_key = ?", keys)
                self.db.conn.executemany("DELETE FROM items WHERE feed_id = ? AND key = ?", keys)
                items = len(rows)
                gone = self.db.execute(
                    "SELECT t.feed_id, t.key FROM item_tombstones t JOIN feeds f "
                    "ON f.id = t.feed_id WHERE t.last_seen < ? AND t.last_seen < f.last_parsed "
                    "LIMIT ?", [cutoff, limit]).fetchall()
                self.db.conn.executemany(
                    "DELETE FROM item_tombstones WHERE feed_id = ? AND key = ?",
                    [tuple(r) for r in gone])
                tombstones = len(gone)
            if alerts_before is not None:
                ids = [(r[0],) for r in self.db.execute(
                    "SELECT a.alert_id FROM alerts a WHERE a.created_at < ? "
                    "AND a.emitted_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                    "sink_deliveries d WHERE d.alert_id = a.alert_id AND d.status = 'pending') "
                    "ORDER BY a.created_at LIMIT ?", [ts(alerts_before), limit])]
                for table in ("alert_entities", "alert_sources", "sink_deliveries",
                              "alert_bands", "alerts"):
                    self.db.conn.executemany(f"DELETE FROM {table} WHERE alert_id = ?", ids)
                alerts = len(ids)
        freed = self._reclaim(limit)
        return Purged(items=items, tombstones=tombstones, alerts=alerts, pages_freed=freed,
                      more=limit in (items, tombstones, alerts) or freed == limit)

    def _reclaim(self, pages: int) -> int:
        """Give up to ``pages`` free pages back to the file system (auto_vacuum=INCREMENTAL);
        how many were. The one SQLite-only step of retention."""
        with wrap_exceptions("cannot reclaim free space"):
            before = int(self.db.execute("PRAGMA freelist_count").fetchone()[0])
            if before:
                # one page per step: executescript steps it to the end (execute stops at one)
                self.db.conn.executescript(f"PRAGMA incremental_vacuum({int(pages)});")
            return before - int(self.db.execute("PRAGMA freelist_count").fetchone()[0])

    def _insert_matches(self, matched: Sequence[MatchedItem], version: str) -> None:
        rows: list[tuple[Any, ...]] = []
        for m in matched:
            for e in m.result.entities:
                rows += [(m.item.feed_id, m.item.key, "entity", e.entity_id, e.salience,
                          h.alias, h.field, h.start, h.end, h.text, version) for h in e.hits]
            for t in m.result.topics:
                rows += [(m.item.feed_id, m.item.key, "topic", t.topic_id, None,
                          h.alias, h.field, h.start, h.end, h.text, version) for h in t.hits]
        self._insert(
            'INSERT INTO matches (feed_id, item_key, kind, target_id, salience, alias, field,'
            ' start, "end", text, watchlist_version)', rows, "ON CONFLICT DO NOTHING")

    def _update_feed(self, intent: PollIntent) -> None:
        u = intent.update
        ok = u.status != "error"
        self.db.execute(
            "UPDATE feeds SET last_status=?, http_status=?, last_attempt=?, next_poll=?, "
            "last_error=?, "
            "consecutive_errors=CASE WHEN ? THEN 0 ELSE consecutive_errors+1 END, "
            "last_success=CASE WHEN ? THEN ? ELSE last_success END, "
            "etag=CASE WHEN ? THEN ? ELSE etag END, "
            "last_modified=CASE WHEN ? THEN ? ELSE last_modified END, "
            "body_hash=COALESCE(?, body_hash), "
            "redirect_count=CASE WHEN ? IS NULL THEN 0 "
            "  WHEN redirect_url IS NOT DISTINCT FROM ? THEN redirect_count+1 ELSE 1 END, "
            "redirect_url=?, lease_owner=NULL, lease_until=NULL, "
            "ttl_hint=CASE WHEN ? THEN ? ELSE ttl_hint END, "
            "fresh_hint=CASE WHEN ? THEN ? ELSE fresh_hint END, "
            "stopped=COALESCE(?, stopped) "
            "WHERE id=?",
            [u.status, u.http_status, ts(u.attempted_at), ts(u.next_poll), u.error,
             ok, ok, ts(u.attempted_at),
             u.status == "ok", u.etag, u.status == "ok", u.last_modified,
             u.body_hash,
             u.redirect_url, u.redirect_url, u.redirect_url,
             u.hints is not None, u.hints.ttl if u.hints else None,
             u.hints is not None, u.hints.fresh_for if u.hints else None,
             u.stopped,
             u.feed_id],
        )
        if u.adopt_url:
            self.db.execute(
                "UPDATE feeds SET url=?, host=?, redirect_url=NULL, redirect_count=0 WHERE id=?",
                [u.adopt_url, host_of(u.adopt_url), u.feed_id],
            )

    def _add_alerts(
        self, alerts: Sequence[AlertRecord], window: float, same_targets: bool = False,
        lookback: float | None = None, cores: _Cores | None = None,
    ) -> list[AlertRecord]:
        """``_add_alert`` for each of ``alerts`` (in order), looking ``lookback`` (default:
        ``window``) seconds back; the ones actually created. On a shared store each alert's
        story keys are locked first (``_lock_alerts``). Then band keys older than ``window`` are
        pruned (``_prune_bands``). ``cores``: given by a poll, which may keep the shingles it
        makes (``_Cores``)."""
        if not alerts:
            return []
        created = self._add_each(alerts, window if lookback is None else lookback,
                                 same_targets, cores or _Cores(self))
        self._prune_bands(alerts, window)
        return created

    def _add_each(
        self, alerts: Sequence[AlertRecord], window: float, same_targets: bool, cores: _Cores
    ) -> list[AlertRecord]:
        planned = []
        for alert in alerts:
            core = cores.of(alert)
            # grouping off (window 0): no band is looked up, stored or locked; MinHash costs
            planned.append((alert, core, similar.bands(core) if window > 0 else [],
                            cores.reposts(alert) if window > 0 else []))
        cores.keep()
        self._lock_alerts([alert_keys(alert, bands) for alert, _, bands, _ in planned])
        return [alert for alert, core, bands, reposted in planned
                if self._add_alert(alert, window, core, bands,
                                   same_targets=same_targets or alert.edited,
                                   reposted=reposted)]

    def _add_alert(
        self, alert: AlertRecord, window: float, core: frozenset[int], keys: list[int],
        same_targets: bool = False, reposted: Sequence[str] = (),
    ) -> bool:
        """Insert the alert unless its story already alerted within ``window`` seconds; then
        record the item as one more source of that alert. The same story: the same canonical
        link, the same story hash (folded title + summary), or a core text (``core``, its band
        keys ``keys``) that ``similar.same_story`` judges the same, among the alerts sharing one
        of its entities or topics that the band index proposes. ``window`` 0: no grouping at
        all. ``same_targets`` (rematch, edits) only counts an earlier alert of the story that
        was about one of this alert's entities or topics.

        One query asks all three (the alert itself, the story by hash or link, the band
        index's candidates): one round trip per alert on PostgreSQL."""
        parts = ["SELECT 0 AS k, alert_id, created_at, feed_id, NULL AS shingles FROM alerts "
                 "WHERE alert_id = ?"]
        args: list[Any] = [alert.alert_id]
        if window > 0:
            since = ts(alert.created_at - timedelta(seconds=window))
            scope = ""
            if same_targets:
                scope = (" AND alert_id IN (SELECT alert_id FROM alert_entities "
                         f"WHERE entity_id IN ({','.join('?' * len(alert.targets))}))")
            parts.append(
                "SELECT * FROM (SELECT 1 AS k, alert_id, created_at, feed_id, NULL AS shingles "
                "FROM alerts WHERE created_at >= ? AND "
                "(story_hash = ? OR (link IS NOT NULL AND link = ?))" + scope
                + " ORDER BY created_at LIMIT 1) story")
            args += [since, alert.story_hash, alert.link]
            args += list(alert.targets) if same_targets else []
            if reposted and alert.targets:
                # the alert of an earlier post this item reposts (similar.reposts), about one of
                # its entities or topics (as for rule 2: a template two items share is no story)
                parts.append(
                    "SELECT * FROM (SELECT 1 AS k, a.alert_id, a.created_at, a.feed_id, "
                    "NULL AS shingles FROM alert_sources s JOIN alerts a "
                    "ON a.alert_id = s.alert_id WHERE s.feed_id = ? AND s.item_key IN "
                    f"({','.join('?' * len(reposted))}) AND a.created_at >= ? AND EXISTS "
                    "(SELECT 1 FROM alert_entities e WHERE e.alert_id = a.alert_id AND "
                    f"e.entity_id IN ({','.join('?' * len(alert.targets))}))"
                    " ORDER BY a.created_at LIMIT 1) repost")
                args += [alert.feed_id, *reposted, since, *alert.targets]
            if alert.targets and keys:
                # the alerts the band index proposes that share an entity or topic, and that
                # similar.same_story could judge the same: another feed's only when both cores
                # reach MIN_SHARED shingles (a stored core is similar.encode's "h1,h2,...": its
                # commas are one fewer). Without it a short story carried by N feeds read back,
                # decoded and compared every earlier copy for each copy: N^2 in a first poll
                if similar.across_feeds(len(core)):
                    judged = (" AND (a.feed_id = ? OR "
                              "length(a.shingles) - length(replace(a.shingles, ',', '')) >= ?)")
                    judged_args: list[Any] = [alert.feed_id, similar.MIN_SHARED - 1]
                else:
                    judged, judged_args = " AND a.feed_id = ?", [alert.feed_id]
                parts.append(
                    "SELECT * FROM (SELECT DISTINCT 2 AS k, a.alert_id, a.created_at, "
                    "a.feed_id, a.shingles FROM alert_bands b "
                    "JOIN alerts a ON a.alert_id = b.alert_id "
                    f"WHERE b.band IN ({','.join('?' * len(keys))}) AND a.created_at >= ?"
                    f"{judged} AND EXISTS (SELECT 1 FROM alert_entities e "
                    "WHERE e.alert_id = a.alert_id "
                    f"AND e.entity_id IN ({','.join('?' * len(alert.targets))}))) near")
                args += [*keys, since, *judged_args, *alert.targets]
        rows = self.db.execute(" UNION ALL ".join(parts) + " ORDER BY k, created_at, alert_id",
                               args).fetchall()
        existing: str | None = None
        for kind, alert_id, _created, feed_id, encoded in rows:
            if kind < 2 or similar.same_story(core, similar.decode_packed(encoded),
                                               same_feed=feed_id == alert.feed_id):
                existing = alert_id
                break
        source = [alert.feed_id, alert.item_key, alert.link, ts(alert.created_at)]
        if existing is not None:
            self.db.execute(
                "INSERT INTO alert_sources (alert_id, feed_id, item_key, link, seen_at)"
                " VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING",
                [existing, *source],
            )
            return False
        self.db.execute(
            "INSERT INTO alerts (alert_id, created_at, severity, feed_id, item_key, link, "
            "story_hash, watchlist_version, payload, shingles) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [alert.alert_id, ts(alert.created_at), alert.severity, alert.feed_id, alert.item_key,
             alert.link, alert.story_hash, alert.watchlist_version,
             json.dumps(alert.payload, ensure_ascii=False, separators=(",", ":")),
             similar.encode(core)],
        )
        self._insert("INSERT INTO alert_entities (alert_id, entity_id)",
                     [(alert.alert_id, e) for e in alert.targets], "ON CONFLICT DO NOTHING")
        if window > 0:  # grouping off: no alert will look its bands up
            self._insert("INSERT INTO alert_bands (band, alert_id, created_at)",
                         [(band, alert.alert_id, ts(alert.created_at)) for band in keys],
                         "ON CONFLICT DO NOTHING")
        self.db.execute(
            "INSERT INTO alert_sources (alert_id, feed_id, item_key, link, seen_at) "
            "VALUES (?,?,?,?,?)",
            [alert.alert_id, *source],
        )
        return True

    def _prune_bands(self, alerts: Sequence[AlertRecord], window: float) -> None:
        """Delete the band keys of alerts created before the dedupe window of ``alerts``
        (the ones just added): no alert from now on can be grouped with them by text. Rows
        another replica is deleting are skipped, not waited for. At most
        ``_BANDS_PRUNED_PER_ALERT`` rows an alert: bounded per transaction, and faster than
        bands are added, so the table holds about a window of alerts whatever the retention
        of alerts."""
        if alerts:
            before = min(a.created_at for a in alerts) - timedelta(seconds=window)
            self.db.execute(
                "DELETE FROM alert_bands WHERE (band, alert_id) IN (SELECT band, alert_id "
                f"FROM alert_bands WHERE created_at < ? LIMIT ?{self._skip_locked})",
                [ts(before), _BANDS_PRUNED_PER_ALERT * len(alerts)])

    def _recent_shingles(
        self, feed_id: str, known: Mapping[str, frozenset[int]], made: dict[str, array] | None,
    ) -> list[tuple[str, array]]:
        """(key, packed shingle set) of the feed's latest ``similar.RECENT_ITEMS`` items: as
        stored with the item, else ``known`` (by key), else made from its text; what was not
        stored is put in ``made`` (by key), to be stored. Sets that will not be stored
        (``made`` None: articles, rematch) are cached by content hash (an edit changes it)."""
        # the texts only of the items not shingled yet
        rows = self.db.execute(
            "SELECT key, shingles, CASE WHEN shingles IS NULL THEN content_hash END, "
            "CASE WHEN shingles IS NULL THEN title END, "
            "CASE WHEN shingles IS NULL THEN summary END, "
            "CASE WHEN shingles IS NULL THEN content END "
            "FROM items WHERE feed_id = ? ORDER BY first_seen DESC, key LIMIT ?",
            [feed_id, similar.RECENT_ITEMS],
        ).fetchall()
        out = []
        for key, blob, content_hash, *texts in rows:
            if blob is not None:
                out.append((key, similar.from_blob(blob)))
                continue
            if key in known:
                packed = similar.pack(known[key])
            elif made is not None or not content_hash:
                packed = similar.pack(similar.shingles(texts))
            else:
                # keyed by the content hash alone (128 bits of the same title, summary and
                # content the shingles come from): a story carried by several feeds is
                # cached once
                cached = self._item_shingles.get(content_hash)
                if cached is None:
                    if len(self._item_shingles) >= _ITEM_SHINGLES_CACHE:
                        self._item_shingles.clear()  # a simple bound; what is in use comes back
                    cached = self._item_shingles[content_hash] = similar.pack(
                        similar.shingles(texts))
                packed = cached
            if made is not None:
                made[key] = packed
            out.append((key, packed))
        return out

    # --- rematch ---------------------------------------------------------------------------

    def items_since(self, since: datetime, batch: int = 1000) -> Iterator[list[Item]]:
        """Stored items first seen at or after ``since``, in batches, oldest first."""
        last = ("", "", "")
        while True:
            with wrap_exceptions("cannot read items"):
                rows = list(self.db.query(
                    "SELECT * FROM items WHERE first_seen >= ? AND "
                    "(first_seen, feed_id, key) > (?, ?, ?) "
                    "ORDER BY first_seen, feed_id, key LIMIT ?",
                    [ts(since), *last, batch],
                ))
            if not rows:
                return
            last = (rows[-1]["first_seen"], rows[-1]["feed_id"], rows[-1]["key"])
            yield [_item(r) for r in rows]

    def item(self, feed_id: str, key: str) -> Item | None:
        """One stored item, or None."""
        with wrap_exceptions("cannot read item"):
            rows = list(self.db.query(
                "SELECT * FROM items WHERE feed_id = ? AND key = ?", [feed_id, key]))
        return _item(rows[0]) if rows else None

    def alerted_targets(self, items: Sequence[Item]) -> dict[tuple[str, str], set[str]]:
        """For each item, the entity ids (and ``topic:`` ids) already alerted for it, whether
        by its own alert or by the alert of the same story it was recorded as a source of."""
        out: dict[tuple[str, str], set[str]] = {}
        with wrap_exceptions("cannot read alerted items"):
            for it in items:
                rows = self.db.execute(
                    "SELECT e.entity_id FROM alert_sources s JOIN alert_entities e "
                    "ON e.alert_id = s.alert_id WHERE s.feed_id = ? AND s.item_key = ?",
                    [it.feed_id, it.key],
                )
                out[(it.feed_id, it.key)] = {r[0] for r in rows}
        return out

    def record_rematch(
        self, matched: Sequence[MatchedItem], alerts: Sequence[AlertRecord], version: str,
        window: float,
    ) -> list[AlertRecord]:
        """Store the matches and the alerts a new watchlist found in old items, in one
        transaction. A story already alerted for the same entity is not alerted again, however
        long ago (the items are old), unless ``window`` (the dedupe window) is 0: then grouping
        is off and each item's alert stands alone, as when live."""
        created = []
        with wrap_exceptions("cannot record rematch"), self.db.atomic():
            self._insert_matches(matched, version)
            created = self._add_alerts(alerts, window, same_targets=True,
                                       lookback=_REMATCH_LOOKBACK if window > 0 else 0.0)
        return created

    # --- the alert outbox ------------------------------------------------------------------

    def _alert(self, row: Mapping[str, Any]) -> AlertRecord:
        targets = sorted(json.loads(row["entity_ids"] or "[]"))
        return AlertRecord(
            alert_id=row["alert_id"],
            feed_id=row["feed_id"],
            item_key=row["item_key"],
            link=row["link"],
            story_hash=row["story_hash"],
            severity=row["severity"],
            entity_ids=tuple(t for t in targets if not t.startswith("topic:")),
            topic_ids=tuple(t[6:] for t in targets if t.startswith("topic:")),
            created_at=parse_ts(row["created_at"]) or clock.now(),
            watchlist_version=row["watchlist_version"],
            payload={**json.loads(row["payload"]), "carried_by": row["carried_by"]},
            edited=bool(json.loads(row["payload"]).get("edited")),
            carried_by=row["carried_by"],
        )

    _ALERT_SELECT = (
        "SELECT a.*, (SELECT json_group_array(entity_id) FROM alert_entities e "
        "WHERE e.alert_id = a.alert_id) AS entity_ids, "
        "(SELECT count(DISTINCT s.feed_id) FROM alert_sources s "
        "WHERE s.alert_id = a.alert_id AND s.feed_id <> a.feed_id) AS carried_by "
        "FROM alerts a "
    )

    def pending_alerts(self, limit: int = 500) -> list[AlertRecord]:
        """Alerts committed but not yet written to the alert log, oldest first, claimed for
        this replica: another replica gets them only once the claim's lease has expired."""
        now = clock.now()
        with wrap_exceptions("cannot read pending alerts"):
            ids = self._claim("alerts", "alert_id", "emitted_at IS NULL", [],
                              "created_at, alert_id", limit, now)
            return self._alert_records([c[0] for c in ids])

    def _alert_records(self, alert_ids: Sequence[str]) -> list[AlertRecord]:
        rows = []
        for chunk in _chunks(alert_ids):
            rows += self.db.query(self._ALERT_SELECT + "WHERE alert_id IN "
                                  f"({','.join('?' * len(chunk))})", chunk)
        rows.sort(key=lambda r: (r["created_at"], r["alert_id"]))
        return [self._alert(r) for r in rows]

    def mark_emitted(self, alert_ids: Sequence[str], at: datetime) -> None:
        with wrap_exceptions("cannot mark alerts written"), self.db.atomic():
            for chunk in _chunks(alert_ids):
                self.db.execute(
                    "UPDATE alerts SET emitted_at=?, claimed_by=NULL, claimed_until=NULL "
                    f"WHERE alert_id IN ({','.join('?' * len(chunk))}) AND emitted_at IS NULL",
                    [ts(at), *chunk])

    # --- reporting -------------------------------------------------------------------------

    def alerts(
        self,
        since: datetime | None = None,
        entity: str | Sequence[str] | None = None,
        feed: str | Sequence[str] | None = None,
        min_rank: int = 0,
        limit: int | None = None,
    ) -> list[AlertRecord]:
        """Alerts newest first, filtered: any of the ``entity`` ids (``topic:ID`` for a topic),
        any of the ``feed`` ids, at least ``min_rank``."""
        where, args = self._alert_where(since, entity, feed, min_rank)
        sql = self._ALERT_SELECT + "WHERE " + where + " ORDER BY created_at DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        with wrap_exceptions("cannot read alerts"):
            return [self._alert(r) for r in self.db.query(sql, args)]

    def alert_sources(self, alert_id: str) -> list[dict[str, Any]]:
        """Every feed item that reported the story of an alert, first one first."""
        with wrap_exceptions("cannot read alert sources"):
            return list(
                self.db.query(
                    "SELECT feed_id, item_key, link, seen_at FROM alert_sources "
                    "WHERE alert_id=? ORDER BY seen_at, feed_id",
                    [alert_id],
                )
            )

    def feeds(self) -> list[dict[str, Any]]:
        """Every feed with its health and counts."""
        with wrap_exceptions("cannot read feeds"):
            return list(
                self.db.query(
                    "SELECT f.*, (SELECT count(*) FROM items i WHERE i.feed_id=f.id) AS items, "
                    "(SELECT count(*) FROM alert_sources s WHERE s.feed_id=f.id) AS alerts "
                    "FROM feeds f ORDER BY f.active DESC, f.id"
                )
            )

    def count(self, table: str) -> int:
        if table not in {"feeds", "items", "matches", "alerts", "alert_sources"}:
            raise ValueError(table)
        with wrap_exceptions(f"cannot count {table}"):
            return int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    # --- operations: sink outbox, alert counts, metrics (monitor/sinks.py, cli.py) ------------

    def sync_sinks(self, sinks: Iterable[tuple[str, str]], now: datetime) -> None:
        """Register the configured sinks (id, type); deactivate the others. Only active sinks
        get deliveries queued (by the ``alerts_to_sinks`` trigger) for new alerts."""
        sinks = list(sinks)
        with wrap_exceptions("cannot update sinks"), self.db.atomic():
            self.db.execute("UPDATE sinks SET active = 0")
            self.db.conn.executemany(
                "INSERT INTO sinks (id, type, active, created_at) VALUES (?, ?, 1, ?) "
                "ON CONFLICT(id) DO UPDATE SET type = excluded.type, active = 1",
                [(sink_id, kind, ts(now)) for sink_id, kind in sinks],
            )

    def due_deliveries(self, now: datetime, limit: int = 100) -> list[Delivery]:
        """Pending deliveries to active sinks whose next attempt has come, oldest first,
        claimed for this replica until it records them (or its lease expires)."""
        with wrap_exceptions("cannot read sink deliveries"):
            claimed = self._claim(
                "sink_deliveries", "alert_id, sink_id",
                "status = 'pending' AND next_attempt <= ? "
                "AND sink_id IN (SELECT id FROM sinks WHERE active = 1)",
                [ts(now)], "next_attempt, alert_id", limit, now)
            if not claimed:
                return []
            rows = self.db.query(
                "SELECT d.alert_id, d.sink_id, d.attempts, a.severity, a.payload, "
                "(SELECT json_group_array(entity_id) FROM alert_entities e "
                " WHERE e.alert_id = a.alert_id) AS entity_ids "
                "FROM sink_deliveries d JOIN alerts a ON a.alert_id = d.alert_id "
                "JOIN sinks s ON s.id = d.sink_id AND s.active = 1 "
                "WHERE (d.alert_id, d.sink_id) IN (VALUES "
                f"{','.join(['(?, ?)'] * len(claimed))}) "
                "ORDER BY d.next_attempt, d.alert_id",
                [v for pair in claimed for v in pair],
            )
            return [
                Delivery(
                    alert_id=r["alert_id"],
                    sink_id=r["sink_id"],
                    attempts=r["attempts"],
                    severity=r["severity"],
                    entity_ids=tuple(json.loads(r["entity_ids"] or "[]")),
                    payload=json.loads(r["payload"]),
                )
                for r in rows
            ]

    def delivery_done(self, alert_id: str, sink_id: str, at: datetime, status: str) -> None:
        """``delivered`` (the sink accepted it) or ``skipped`` (the sink's filters said no)."""
        if status not in ("delivered", "skipped"):
            raise ValueError(status)
        with wrap_exceptions("cannot mark delivery"):
            self.db.execute(
                "UPDATE sink_deliveries SET status = ?, done_at = ?, claimed_by = NULL, "
                "claimed_until = NULL, attempts = attempts + CASE WHEN ? = 'delivered' "
                "THEN 1 ELSE 0 END WHERE alert_id = ? AND sink_id = ?",
                [status, ts(at), status, alert_id, sink_id],
            )

    def delivery_failed(
        self, alert_id: str, sink_id: str, error: str, next_attempt: datetime
    ) -> None:
        with wrap_exceptions("cannot record failed delivery"):
            self.db.execute(
                "UPDATE sink_deliveries SET attempts = attempts + 1, last_error = ?, "
                "next_attempt = ?, claimed_by = NULL, claimed_until = NULL "
                "WHERE alert_id = ? AND sink_id = ?",
                [error, ts(next_attempt), alert_id, sink_id],
            )

    def deliveries(self, sink_id: str | None = None) -> list[dict[str, Any]]:
        """Every delivery (for tests and troubleshooting), oldest first."""
        sql = "SELECT * FROM sink_deliveries"
        args: list[Any] = []
        if sink_id:
            sql += " WHERE sink_id = ?"
            args.append(sink_id)
        with wrap_exceptions("cannot read sink deliveries"):
            return list(self.db.query(sql + " ORDER BY next_attempt, alert_id", args))

    def next_delivery_time(self) -> datetime | None:
        """When the earliest pending delivery to an active sink is due."""
        with wrap_exceptions("cannot read sink deliveries"):
            row = self.db.execute(
                "SELECT min(d.next_attempt) FROM sink_deliveries d "
                "JOIN sinks s ON s.id = d.sink_id AND s.active = 1 WHERE d.status = 'pending'"
            ).fetchone()
        return parse_ts(row[0])

    @staticmethod
    def _alert_where(
        since: datetime | None, entity: str | Sequence[str] | None,
        feed: str | Sequence[str] | None, min_rank: int,
    ) -> tuple[str, list[Any]]:
        """``entity`` and ``feed``: one id or several (any of them); an entity id may be a
        ``topic:ID``."""
        where, args = ["1=1"], list[Any]()
        if since is not None:
            where.append("a.created_at >= ?")
            args.append(ts(since))
        for ids, sql in (
            (entity, "a.alert_id IN (SELECT alert_id FROM alert_entities WHERE entity_id IN ({}))"),
            (feed, "a.alert_id IN (SELECT alert_id FROM alert_sources WHERE feed_id IN ({}))"),
        ):
            wanted = [ids] if isinstance(ids, str) else list(ids or ())
            if wanted:
                where.append(sql.format(",".join("?" * len(wanted))))
                args += wanted
        if min_rank:
            where.append(
                "CASE a.severity WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3 "
                "WHEN 'critical' THEN 4 ELSE 0 END >= ?"
            )
            args.append(min_rank)
        return " AND ".join(where), args

    def alert_counts(
        self,
        by: str,
        since: datetime | None = None,
        entity: str | Sequence[str] | None = None,
        feed: str | Sequence[str] | None = None,
        min_rank: int = 0,
    ) -> list[tuple[str, int]]:
        """Alerts counted by ``entity``, ``day`` (UTC) or ``feed``, largest first (by day:
        oldest first). An alert naming two entities, or reported by two feeds, counts once for
        each."""
        where, args = self._alert_where(since, entity, feed, min_rank)
        if by == "entity":
            sql = ("SELECT e.entity_id AS k, count(*) AS n FROM alerts a "
                   "JOIN alert_entities e ON e.alert_id = a.alert_id "
                   f"WHERE {where} GROUP BY k ORDER BY n DESC, k")
        elif by == "feed":
            sql = ("SELECT s.feed_id AS k, count(DISTINCT a.alert_id) AS n FROM alerts a "
                   "JOIN alert_sources s ON s.alert_id = a.alert_id "
                   f"WHERE {where} GROUP BY k ORDER BY n DESC, k")
        elif by == "day":
            sql = ("SELECT substr(a.created_at, 1, 10) AS k, count(*) AS n FROM alerts a "
                   f"WHERE {where} GROUP BY k ORDER BY k")
        else:
            raise ValueError(f"cannot count alerts by {by!r}")
        with wrap_exceptions("cannot count alerts"):
            return [(r["k"], r["n"]) for r in self.db.query(sql, args)]

    def alerts_after(self, rowid: int) -> tuple[int, list[tuple[str, tuple[str, ...]]]]:
        """(last rowid, [(severity, entity ids)]) of alerts inserted after ``rowid``: the
        metrics count new alerts with it. ``alerts_after(-1)`` gives only the current last."""
        with wrap_exceptions("cannot read new alerts"):
            if rowid < 0:
                row = self.db.execute("SELECT coalesce(max(rowid), 0) FROM alerts").fetchone()
                return int(row[0]), []
            rows = list(self.db.query(
                "SELECT a.rowid AS r, a.severity, (SELECT json_group_array(entity_id) FROM "
                "alert_entities e WHERE e.alert_id = a.alert_id) AS entity_ids "
                "FROM alerts a WHERE a.rowid > ? ORDER BY a.rowid", [rowid]))
        last = rows[-1]["r"] if rows else rowid
        return last, [(r["severity"], tuple(json.loads(r["entity_ids"] or "[]"))) for r in rows]


class SQLiteStore(SQLStore):
    """One SQLite file (WAL mode), for one daemon."""

    def __init__(self, path: Path, replica: str = "local", lease: float = DEFAULT_LEASE) -> None:
        super().__init__()
        self.path = path
        self.replica, self.lease = replica, lease
        with wrap_exceptions(f"cannot open database {path}"):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageError(f"cannot create folder for database {path}: {exc}") from exc
            conn = sqlite3.connect(str(path), isolation_level=None, timeout=10)
            # no sqlite-utils plugins: the store's connection is the store's alone (a plugin's
            # prepare_connection hook would change it), and finding them scans every installed
            # package's entry points at each open (~20 ms of every start)
            self.db = Database(conn, execute_plugins=False)
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = self.db.table_names()
            if app_id not in (0, APPLICATION_ID) or (
                app_id == 0 and tables and "feeds" not in tables
            ):
                conn.close()
                raise StorageError(
                    f"{path} is an SQLite database of another program; "
                    "point paths.database at a new file"
                )
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=10000")
            conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            migrations.apply(self.db)
            if app_id == 0:
                conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            # the log is copied into the file by a thread of its own (_Checkpointer); this
            # connection checkpoints only if that thread falls far behind (or has failed)
            conn.execute(f"PRAGMA wal_autocheckpoint={_WAL_FALLBACK_PAGES}")
        self._checkpointer = _Checkpointer(path)
        weakref.finalize(self, self._checkpointer.stop)  # a store never closed (a test's)
        self._checkpointer.start()

    def close(self) -> None:
        self._checkpointer.stop()
        self._checkpointer.join()
        super().close()

    def integrity_check(self) -> str:
        with wrap_exceptions("cannot check database"):
            return str(self.db.execute("PRAGMA integrity_check").fetchone()[0])


class _Checkpointer(threading.Thread):
    """Copies the write-ahead log into the database file every ``CHECKPOINT_INTERVAL`` seconds,
    from a thread and a connection of its own, so that no commit of the store's writer waits for
    it. SQLite's own checkpoint (every 1,000 pages of log by default) runs inside the commit
    that crosses the mark: it writes those pages into the file and syncs the log and the file
    (``synchronous=NORMAL``: the syncs are at checkpoints), and on a first poll the event loop
    that feeds the parser workers stood still for each (~1 s of waiting in a first poll of 500
    real-shaped feeds under load; bench/HISTORY.md). A PASSIVE checkpoint neither waits for
    nor blocks the writer or the readers; it syncs as the writer's would have. A checkpoint that
    fails (a full disk) is logged once and tried again; the writer's own checkpoints at
    ``_WAL_FALLBACK_PAGES`` keep the log bounded should this thread fall far behind."""

    def __init__(self, path: Path) -> None:
        super().__init__(name=f"checkpoint {path.name}", daemon=True)
        self._path = path
        self._stopping = threading.Event()

    def stop(self) -> None:
        self._stopping.set()

    def run(self) -> None:
        log = structlog.get_logger(__name__)
        conn: sqlite3.Connection | None = None
        failing = False
        while not self._stopping.wait(CHECKPOINT_INTERVAL):
            try:
                if conn is None:
                    # read-write, never create: a database removed meanwhile is not made again
                    conn = sqlite3.connect(self._path.resolve().as_uri() + "?mode=rw", uri=True,
                                           isolation_level=None, timeout=10)
                    conn.execute("PRAGMA synchronous=NORMAL")
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            except sqlite3.Error as exc:  # a full disk: the log keeps the commits meanwhile
                if not failing:
                    log.warning("wal_checkpoint_failed", database=str(self._path),
                                error=str(exc), action="retried every "
                                f"{CHECKPOINT_INTERVAL} s; the commits stay in the -wal file")
                failing = True
                continue
            if failing:
                log.info("wal_checkpoint_recovered", database=str(self._path))
                failing = False
        if conn is not None:
            conn.close()


class _Cores:
    """The core text (shingles minus the feed's boilerplate, similar.core) of the alerts of one
    transaction; each feed's latest items are read, and shingled where they were not yet,
    once per transaction.

    A poll (``feed_id`` given) keeps the shingles it made with its feed's items (``keep``), and
    knows the shingles of the items it alerts on (``known``: item key -> shingles). Articles and
    rematch keep none: their transactions must not write the items of a feed that a poll (of
    another replica) may be writing at the same time."""

    def __init__(self, store: SQLStore, feed_id: str | None = None,
                 known: Mapping[str, frozenset[int]] | None = None) -> None:
        self._store = store
        self._feed_id = feed_id
        self._known = known or {}
        self._made: dict[str, array] = {}
        self._recent: dict[str, tuple[list[tuple[str, array]], Counter[int]]] = {}

    def _feed(self, alert: AlertRecord) -> tuple[list[tuple[str, array]], Counter[int], bool]:
        """The recent items of the alert's feed, their boilerplate counts, and whether the
        alert's own item is among them."""
        if alert.feed_id not in self._recent:
            mine = alert.feed_id == self._feed_id
            recent = self._store._recent_shingles(
                alert.feed_id, self._known if mine else {}, self._made if mine else None)
            self._recent[alert.feed_id] = (recent, similar.boilerplate(s for _, s in recent))
        recent, counts = self._recent[alert.feed_id]
        return recent, counts, any(key == alert.item_key for key, _ in recent)

    def of(self, alert: AlertRecord) -> frozenset[int]:
        _, counts, counted = self._feed(alert)
        return similar.core(alert.shingles, counts, own_counted=counted)

    def reposts(self, alert: AlertRecord) -> list[str]:
        """The keys of the recent items of the alert's feed that its item reposts."""
        recent, counts, counted = self._feed(alert)
        return similar.reposts(alert.shingles, alert.item_key, recent, counts, counted)

    def keep(self) -> None:
        """Store the shingle sets made for the poll's feed with their items."""
        if self._feed_id is not None and self._made:
            self._store._set_items(self._feed_id, "shingles", {
                key: similar.to_blob(packed) for key, packed in self._made.items()})
            self._made.clear()


__all__ = ["Delivery", "SQLStore", "SQLiteStore", "parse_ts", "ts", "wrap_exceptions"]
