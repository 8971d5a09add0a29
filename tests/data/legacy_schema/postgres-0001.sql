-- The PostgreSQL schema as its one migration 0001_initial made it before the schema had one
-- source (monitor/store/pg_schema.py at a4cf79e), kept verbatim so tests can build a database
-- the previous code made and open it with the current code.

-- SQLite's json_group_array (over text), so the store's queries read the same
CREATE AGGREGATE json_group_array(text) (
    SFUNC = array_append, STYPE = text[], INITCOND = '{}', FINALFUNC = array_to_json
);
CREATE TABLE feeds (
    rowid BIGSERIAL UNIQUE,  -- the order feeds were added, as SQLite's rowid
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    name TEXT NOT NULL,
    "interval" DOUBLE PRECISION NOT NULL,
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
    created_at TEXT NOT NULL,
    ttl_hint DOUBLE PRECISION,
    fresh_hint DOUBLE PRECISION,
    stopped TEXT,
    last_parsed TEXT,
    host TEXT,
    lease_owner TEXT,
    lease_until TEXT
);
CREATE INDEX feeds_next_poll ON feeds(next_poll) WHERE active = 1 AND stopped IS NULL;
CREATE INDEX feeds_host_lease ON feeds(host, lease_until);
CREATE TABLE items (
    rowid BIGSERIAL,  -- the order items were stored, as SQLite's rowid
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
    entry_hash TEXT,
    PRIMARY KEY (feed_id, key)
);
CREATE INDEX items_feed_recent ON items(feed_id, first_seen);
CREATE INDEX items_first_seen ON items(first_seen);
CREATE INDEX items_recent ON items(feed_id, rowid);
-- retention: the keys of purged items, while their feed still serves them
CREATE TABLE item_tombstones (
    feed_id TEXT NOT NULL,
    key TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    PRIMARY KEY (feed_id, key)
);
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
    watchlist_version TEXT NOT NULL,
    UNIQUE (feed_id, item_key, kind, target_id, alias, field, start, "end",
            watchlist_version)
);
CREATE INDEX matches_target ON matches(target_id);
CREATE TABLE alerts (
    rowid BIGSERIAL UNIQUE,
    alert_id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    severity TEXT NOT NULL,
    feed_id TEXT NOT NULL,
    item_key TEXT NOT NULL,
    link TEXT,
    story_hash TEXT NOT NULL,
    watchlist_version TEXT NOT NULL,
    payload TEXT NOT NULL,
    emitted_at TEXT,
    shingles TEXT,
    claimed_by TEXT,
    claimed_until TEXT
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
-- story grouping: the MinHash band keys of each alert's core text (monitor/similar.py)
CREATE TABLE alert_bands (
    band BIGINT NOT NULL,
    alert_id TEXT NOT NULL,
    PRIMARY KEY (band, alert_id)
);
CREATE INDEX alert_bands_alert ON alert_bands(alert_id);
CREATE TABLE alert_sources (
    alert_id TEXT NOT NULL,
    feed_id TEXT NOT NULL,
    item_key TEXT NOT NULL,
    link TEXT,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (alert_id, feed_id, item_key)
);
CREATE INDEX alert_sources_item ON alert_sources(feed_id, item_key);
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
    claimed_by TEXT,
    claimed_until TEXT,
    PRIMARY KEY (alert_id, sink_id)
);
CREATE INDEX sink_deliveries_due ON sink_deliveries(next_attempt)
    WHERE status = 'pending';
-- the article queue (monitor/articles.py): the pages behind new items
CREATE TABLE articles (
    feed_id TEXT NOT NULL,
    item_key TEXT NOT NULL,
    url TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    queued_at TEXT NOT NULL,
    next_attempt TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    fetched_at TEXT,
    text BYTEA,
    error TEXT,
    claimed_by TEXT,
    claimed_until TEXT,
    PRIMARY KEY (feed_id, item_key),
    FOREIGN KEY (feed_id, item_key) REFERENCES items (feed_id, key) ON DELETE CASCADE
);
CREATE INDEX articles_due ON articles (next_attempt) WHERE status = 'pending';
CREATE INDEX articles_url ON articles (url, fetched_at);
CREATE INDEX articles_text ON articles (fetched_at) WHERE text IS NOT NULL;
-- an alert committed is an alert every active sink will get, as in SQLite
CREATE FUNCTION monitor_alerts_to_sinks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO sink_deliveries (alert_id, sink_id, next_attempt)
    SELECT NEW.alert_id, id, NEW.created_at FROM sinks WHERE active = 1
    ON CONFLICT DO NOTHING;
    RETURN NEW;
END $$;
CREATE TRIGGER alerts_to_sinks AFTER INSERT ON alerts
    FOR EACH ROW EXECUTE FUNCTION monitor_alerts_to_sinks();
