"""The database schema, created and versioned by the program (sqlite-utils Migrations).

An ``application_id`` marks the file as a monitor database so that pointing ``database:`` at some
other SQLite file fails clearly instead of adding tables to it.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

APPLICATION_ID = 0x4D4F4E31  # "MON1"
SCHEMA_VERSION = 1

migrations = Migrations("monitor")


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE feeds (
            id TEXT PRIMARY KEY,
            url TEXT NOT NULL,
            name TEXT NOT NULL,
            interval REAL NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            etag TEXT,
            last_modified TEXT,
            body_hash TEXT,
            last_status TEXT,
            http_status INTEGER,
            last_error TEXT,
            consecutive_errors INTEGER NOT NULL DEFAULT 0,
            last_attempt TEXT,
            last_success TEXT,
            next_poll TEXT,
            redirect_url TEXT,
            redirect_count INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        );
        CREATE TABLE items (
            feed_id TEXT NOT NULL,
            key TEXT NOT NULL,
            guid TEXT,
            link TEXT,
            title TEXT NOT NULL,
            summary TEXT NOT NULL,
            content TEXT NOT NULL,
            published TEXT,
            first_seen TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            story_hash TEXT NOT NULL,
            PRIMARY KEY (feed_id, key)
        );
        CREATE INDEX items_first_seen ON items(first_seen);
        CREATE TABLE matches (
            feed_id TEXT NOT NULL,
            item_key TEXT NOT NULL,
            kind TEXT NOT NULL,
            target_id TEXT NOT NULL,
            salience TEXT,
            alias TEXT NOT NULL,
            field TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            watchlist_version TEXT NOT NULL
        );
        CREATE INDEX matches_item ON matches(feed_id, item_key);
        CREATE INDEX matches_target ON matches(target_id);
        CREATE TABLE alerts (
            alert_id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            severity TEXT NOT NULL,
            feed_id TEXT NOT NULL,
            item_key TEXT NOT NULL,
            link TEXT,
            story_hash TEXT NOT NULL,
            watchlist_version TEXT NOT NULL,
            payload TEXT NOT NULL,
            emitted_at TEXT
        );
        CREATE INDEX alerts_created ON alerts(created_at);
        CREATE INDEX alerts_link ON alerts(link);
        CREATE INDEX alerts_story ON alerts(story_hash);
        CREATE INDEX alerts_pending ON alerts(created_at) WHERE emitted_at IS NULL;
        CREATE TABLE alert_entities (
            alert_id TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            PRIMARY KEY (alert_id, entity_id)
        );
        CREATE INDEX alert_entities_entity ON alert_entities(entity_id);
        CREATE TABLE alert_sources (
            alert_id TEXT NOT NULL,
            feed_id TEXT NOT NULL,
            item_key TEXT NOT NULL,
            link TEXT,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (alert_id, feed_id, item_key)
        );
        CREATE INDEX alert_sources_item ON alert_sources(feed_id, item_key);
        """
    )


@migrations(name="0002_alert_shingles")
def _alert_shingles(db: Database) -> None:
    """Shingles of each alert's text, to group near-duplicate stories across feeds."""
    db.execute("ALTER TABLE alerts ADD COLUMN shingles TEXT")


@migrations(name="0003_sink_outbox")
def _sink_outbox(db: Database) -> None:
    """Notification sinks (webhook, Apprise) and their delivery outbox.

    A trigger queues one delivery per active sink in the same transaction that inserts the
    alert, so an alert committed is an alert that will be delivered, even across a crash.
    """
    db.executescript(
        """
        CREATE TABLE sinks (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL
        );
        CREATE TABLE sink_deliveries (
            alert_id TEXT NOT NULL,
            sink_id TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt TEXT NOT NULL,
            last_error TEXT,
            done_at TEXT,
            PRIMARY KEY (alert_id, sink_id)
        );
        CREATE INDEX sink_deliveries_due ON sink_deliveries(next_attempt)
            WHERE status = 'pending';
        CREATE TRIGGER alerts_to_sinks AFTER INSERT ON alerts BEGIN
            INSERT OR IGNORE INTO sink_deliveries (alert_id, sink_id, next_attempt)
            SELECT NEW.alert_id, id, NEW.created_at FROM sinks WHERE active = 1;
        END;
        """
    )


@migrations(name="0004_schedule_hints")
def _schedule_hints(db: Database) -> None:
    """The server's hints kept between polls (RSS ttl, HTTP freshness lifetime, in seconds),
    and ``stopped``: why a feed is no longer polled (``gone``: the server answered 410) until
    its URL changes or an operator resumes it. The index serves the scheduler's queries."""
    db.executescript(
        """
        ALTER TABLE feeds ADD COLUMN ttl_hint REAL;
        ALTER TABLE feeds ADD COLUMN fresh_hint REAL;
        ALTER TABLE feeds ADD COLUMN stopped TEXT;
        CREATE INDEX feeds_next_poll ON feeds(next_poll) WHERE active = 1 AND stopped IS NULL;
        """
    )


@migrations(name="0005_item_tombstones")
def _item_tombstones(db: Database) -> None:
    """Retention (monitor/retention.py): the keys of purged items, kept while their feed still
    serves them so an old entry is never new again, and when each feed's document was last
    parsed (a tombstone not seen since is one the feed no longer serves)."""
    db.executescript(
        """
        CREATE TABLE item_tombstones (
            feed_id TEXT NOT NULL,
            key TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            PRIMARY KEY (feed_id, key)
        );
        ALTER TABLE feeds ADD COLUMN last_parsed TEXT;
        """
    )


@migrations(name="0006_incremental_vacuum", transactional=False)
def _incremental_vacuum(db: Database) -> None:
    """Let retention give freed pages back to the file system in small steps
    (``PRAGMA incremental_vacuum``). An existing file is rewritten once (VACUUM) to switch."""
    if db.execute("PRAGMA auto_vacuum").fetchone()[0] != 2:
        db.execute("PRAGMA auto_vacuum=INCREMENTAL")
        db.execute("VACUUM")


@migrations(name="0007_articles")
def _articles(db: Database) -> None:
    """The article queue: one row per new item whose linked page is to be fetched (pending),
    was fetched (done: the extracted text, zlib-compressed, kept for the dedupe window), or
    was given up (failed, skipped). A row is deleted with its item."""
    db.executescript(
        """
        CREATE TABLE articles (
            feed_id TEXT NOT NULL,
            item_key TEXT NOT NULL,
            url TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending',
            queued_at TEXT NOT NULL,
            next_attempt TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            fetched_at TEXT,
            text BLOB,
            error TEXT,
            PRIMARY KEY (feed_id, item_key),
            FOREIGN KEY (feed_id, item_key) REFERENCES items (feed_id, key) ON DELETE CASCADE
        );
        CREATE INDEX articles_due ON articles (next_attempt) WHERE status = 'pending';
        CREATE INDEX articles_url ON articles (url, fetched_at);
        CREATE INDEX articles_text ON articles (fetched_at) WHERE text IS NOT NULL;
        """
    )


@migrations(name="0008_story_index")
def _story_index(db: Database) -> None:
    """Grouping by index, and edited items.

    ``alert_bands``: the MinHash band keys of each alert's core text (monitor/similar.py), so
    that a new alert finds the alerts that may tell its story by lookup, however many alerts
    the window holds. Alerts stored before this migration get bands from their stored shingles.
    ``items(feed_id, first_seen)``: a feed's latest items, whose repeated text is boilerplate.
    ``items.entry_hash``: a digest of the entry's raw bytes, so that an entry whose bytes change
    is parsed again (and matched again when its title or text changed).
    """
    from monitor import similar

    db.executescript(
        """
        CREATE TABLE alert_bands (
            band INTEGER NOT NULL,
            alert_id TEXT NOT NULL,
            PRIMARY KEY (band, alert_id)
        );
        CREATE INDEX alert_bands_alert ON alert_bands(alert_id);
        CREATE INDEX items_feed_recent ON items(feed_id, first_seen);
        ALTER TABLE items ADD COLUMN entry_hash TEXT;
        """
    )
    rows = db.execute("SELECT alert_id, shingles FROM alerts WHERE shingles IS NOT NULL")
    db.conn.executemany(
        "INSERT INTO alert_bands (band, alert_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        [(band, alert_id) for alert_id, encoded in rows.fetchall()
         for band in similar.bands(similar.decode_packed(encoded))],
    )


@migrations(name="0009_leases")
def _leases(db: Database) -> None:
    """Claims of replicas sharing the database (see store/protocol.py): who holds a feed, an
    alert to write, a delivery to make or an article to fetch, and until when; each feed's
    host (per-host limit across replicas). And one row per match, as in PostgreSQL: recording
    a match twice (a rematch run again) keeps one."""
    db.executescript(
        """
        DELETE FROM matches WHERE rowid NOT IN (SELECT min(rowid) FROM matches GROUP BY
            feed_id, item_key, kind, target_id, alias, field, start, "end", watchlist_version);
        CREATE UNIQUE INDEX matches_unique ON matches
            (feed_id, item_key, kind, target_id, alias, field, start, "end", watchlist_version);
        ALTER TABLE feeds ADD COLUMN host TEXT;  -- set by sync_feeds at every start
        ALTER TABLE feeds ADD COLUMN lease_owner TEXT;
        ALTER TABLE feeds ADD COLUMN lease_until TEXT;
        ALTER TABLE alerts ADD COLUMN claimed_by TEXT;
        ALTER TABLE alerts ADD COLUMN claimed_until TEXT;
        ALTER TABLE sink_deliveries ADD COLUMN claimed_by TEXT;
        ALTER TABLE sink_deliveries ADD COLUMN claimed_until TEXT;
        ALTER TABLE articles ADD COLUMN claimed_by TEXT;
        ALTER TABLE articles ADD COLUMN claimed_until TEXT;
        """
    )


@migrations(name="0010_article_politeness")
def _article_politeness(db: Database) -> None:
    """What replicas of one database share to be polite together: the time the next page
    fetch may start (``article.rate``), and each host's robots.txt (None: unreachable)."""
    db.executescript(
        """
        CREATE TABLE article_rate (id INTEGER PRIMARY KEY, next_start TEXT NOT NULL);
        CREATE TABLE robots (origin TEXT PRIMARY KEY, text TEXT, expires TEXT NOT NULL);
        """
    )
