-- The SQLite schema as migrations 0001-0009 made it before both stores' schema had one
-- source (monitor/store/schema.py at a4cf79e), kept verbatim so that tests can build a
-- database the previous code made and open it with the current code. One block a migration;
-- 0006 (auto_vacuum) and 0008's backfill of bands from stored shingles were code, not DDL.

-- migration: 0001_initial
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

-- migration: 0002_alert_shingles
ALTER TABLE alerts ADD COLUMN shingles TEXT;

-- migration: 0003_sink_outbox
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

-- migration: 0004_schedule_hints
ALTER TABLE feeds ADD COLUMN ttl_hint REAL;
ALTER TABLE feeds ADD COLUMN fresh_hint REAL;
ALTER TABLE feeds ADD COLUMN stopped TEXT;
CREATE INDEX feeds_next_poll ON feeds(next_poll) WHERE active = 1 AND stopped IS NULL;

-- migration: 0005_item_tombstones
CREATE TABLE item_tombstones (
    feed_id TEXT NOT NULL,
    key TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    PRIMARY KEY (feed_id, key)
);
ALTER TABLE feeds ADD COLUMN last_parsed TEXT;

-- migration: 0006_incremental_vacuum
PRAGMA auto_vacuum=INCREMENTAL;
VACUUM;

-- migration: 0007_articles
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

-- migration: 0008_story_index
CREATE TABLE alert_bands (
    band INTEGER NOT NULL,
    alert_id TEXT NOT NULL,
    PRIMARY KEY (band, alert_id)
);
CREATE INDEX alert_bands_alert ON alert_bands(alert_id);
CREATE INDEX items_feed_recent ON items(feed_id, first_seen);
ALTER TABLE items ADD COLUMN entry_hash TEXT;

-- migration: 0009_leases
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
