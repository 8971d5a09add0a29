"""One schema for both stores (monitor/store/schema.py): the live tables, columns, keys, indexes
and triggers of a new SQLite file and of a new PostgreSQL database are the same, and so are
those of databases the previous code made (from its DDL, kept in tests/data/legacy_schema/)
once the current code has opened them; their rows survive the upgrade."""

from __future__ import annotations

import json
import sqlite3

import pytest
from legacy_db import make_legacy_postgres, make_legacy_sqlite, postgres_schema, sqlite_schema

from monitor.store import open_store
from monitor.store.schema import MIGRATIONS, POSTGRES, SQLITE

NAMES = [m.name for m in MIGRATIONS]


def _fresh_sqlite(tmp_path):
    path = tmp_path / "new.db"
    open_store(path).close()
    return sqlite_schema(path)


def test_the_schema_covers_what_the_store_reads(tmp_path):
    """A sanity floor under the comparisons below: they compare something."""
    s = _fresh_sqlite(tmp_path)
    assert len([t for t in s if t != "triggers"]) == 13  # article_rate and robots (0012) among them
    assert sum(len(t["indexes"]) for k, t in s.items() if k != "triggers") >= 19
    assert s["triggers"] == [("alerts_to_sinks", "alerts")]
    assert ("interval", "REAL", True, None) in s["feeds"]["columns"]


def test_sqlite_and_postgresql_make_the_same_schema(tmp_path, pg_url):
    open_store(pg_url).close()
    assert postgres_schema(pg_url) == _fresh_sqlite(tmp_path)


def _feed_and_item(execute):
    execute("INSERT INTO feeds (id, url, name, interval, created_at) "
            "VALUES ('f1', 'https://a.example/feed', 'A', 600, '2026-11-30T00:00:00Z')")
    execute("INSERT INTO items (feed_id, key, title, summary, content, first_seen, "
            "content_hash, story_hash) VALUES ('f1', 'k1', 'Title', 'Summary', '', "
            "'2026-11-30T00:00:00Z', 'c1', 's1')")


def _legacy_rows(execute):
    """Rows in every table the previous code wrote, a match recorded twice among them."""
    _feed_and_item(execute)
    execute("INSERT INTO alerts (alert_id, created_at, severity, feed_id, item_key, "
            "story_hash, watchlist_version, payload, emitted_at) VALUES ('a1', "
            "'2026-11-30T00:00:00Z', 'high', 'f1', 'k1', 's1', 'v1', "
            f"'{json.dumps({'alert_id': 'a1'})}', '2026-11-30T00:00:01Z')")
    execute("INSERT INTO alert_entities VALUES ('a1', 'e1')")
    # band keys of grouping: one of a1, one of an alert no longer stored
    execute("INSERT INTO alert_bands VALUES (1234, 'a1'), (5678, 'gone')")
    execute("INSERT INTO matches VALUES ('f1', 'k1', 'entity', 'e1', 'primary', 'Alias', "
            "'title', 0, 5, 'Title', 'v1')")


def _check_upgraded(store):
    assert store.feed_state("f1").url == "https://a.example/feed"
    assert store.count("items") == 1 and store.count("matches") == 1
    assert [a.alert_id for a in store.alerts(limit=10)] == ["a1"]
    # 0011: each band key dated by its alert (so that it can go after the dedupe window)
    assert [tuple(r) for r in store.db.execute(
        "SELECT band, alert_id, created_at FROM alert_bands").fetchall()] == [
        (1234, "a1", "2026-11-30T00:00:00Z")]


@pytest.mark.parametrize("made_until", [None, "0009_leases"])
def test_a_sqlite_database_of_the_previous_code_upgrades(tmp_path, made_until):
    """At 0009 (the last the previous code had), or before 0009 with a match stored twice (a
    rematch run twice before matches were unique): the current code's 0009 keeps one."""
    path = tmp_path / "old.db"
    conn = make_legacy_sqlite(path, stop_before=made_until)
    _legacy_rows(conn.execute)
    if made_until:
        _legacy_rows(lambda sql: sql.startswith("INSERT INTO matches") and conn.execute(sql))
        assert conn.execute("SELECT count(*) FROM matches").fetchone()[0] == 2
    conn.close()
    store = open_store(path)
    try:
        _check_upgraded(store)
        assert [r[0] for r in store.db.execute(
            "SELECT name FROM _sqlite_migrations ORDER BY id")] == NAMES
    finally:
        store.close()
    assert sqlite_schema(path) == _fresh_sqlite(tmp_path)


def test_items_stored_before_0013_get_their_shingles_when_first_needed(tmp_path):
    """A database at 0012 (items without a shingles column) upgrades; its items are shingled
    once, when an alert of their feed needs its boilerplate, and kept."""
    from sqlite_utils import Database

    from monitor import similar
    from monitor.store.schema import APPLICATION_ID, migrations
    from monitor.types import MatchedItem

    from builders import intent, item, result

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.apply(Database(conn), stop_before="0013_item_shingles")
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    _feed_and_item(conn.execute)
    conn.close()
    store = open_store(path)
    try:
        assert store.db.execute("SELECT key, shingles FROM items").fetchall() == [("k1", None)]
        new = item("f1", guid="k2", title="Maduro story", summary="words of its own story")
        store.record_poll(intent("f1", [new], [MatchedItem(new, result())]), window=3600)
        kept = dict(store.db.execute("SELECT key, shingles FROM items").fetchall())
        assert frozenset(similar.from_blob(kept["k1"])) == similar.shingles(
            ("Title", "Summary", ""))
    finally:
        store.close()
    assert sqlite_schema(path) == _fresh_sqlite(tmp_path)


def test_a_postgresql_database_of_the_previous_code_upgrades(tmp_path, pg_url):
    conn = make_legacy_postgres(pg_url)
    _legacy_rows(conn.execute)
    conn.close()
    store = open_store(pg_url)
    try:
        _check_upgraded(store)
        assert store.migrations() == NAMES
    finally:
        store.close()
    assert postgres_schema(pg_url) == _fresh_sqlite(tmp_path)


def test_a_half_made_postgresql_database_is_not_taken_for_a_legacy_one(pg_url):
    """A database whose 0001 is the current one (no 0009 columns yet) gets 0002 onwards."""
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE monitor_migrations "
                     "(name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)")
        with conn.transaction():
            MIGRATIONS[0].apply(POSTGRES, conn)
            conn.execute("INSERT INTO monitor_migrations VALUES ('0001_initial', now())")
    store = open_store(pg_url)
    try:
        assert store.migrations() == NAMES
        assert store.count("feeds") == 0
    finally:
        store.close()


def test_each_dialect_renders_its_own_words():
    """The differences are rendered, not written twice: types, rowid, triggers."""
    initial = MIGRATIONS[0].steps
    feeds = next(s for s in initial if getattr(s, "name", "") == "feeds")
    pg, lite = feeds.render(POSTGRES)[0], feeds.render(SQLITE)[0]
    assert '"interval" DOUBLE PRECISION NOT NULL' in pg and "rowid BIGSERIAL UNIQUE" in pg
    assert '"interval" REAL NOT NULL' in lite and "rowid" not in lite
    # the rendered SQLite DDL is valid SQLite
    conn = sqlite3.connect(":memory:")
    for m in MIGRATIONS:
        m.apply(SQLITE, conn)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'index'").fetchone()[0]


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_migrating_again_changes_nothing(tmp_path, request, kind):
    location = request.getfixturevalue("pg_url") if kind == "postgres" else tmp_path / "m.db"
    read = postgres_schema if kind == "postgres" else sqlite_schema
    open_store(location).close()
    before = read(location)
    open_store(location).close()
    assert read(location) == before
