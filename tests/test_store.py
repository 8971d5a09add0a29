"""The SQLite store: schema, one transaction per poll, story dedupe, the alert outbox."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
import threading
import time
from datetime import timedelta

import pytest

from monitor.exceptions import StorageError
from monitor.store import open_store
from monitor.store.sqlite import CACHE_KIB, CHECKPOINT_INTERVAL
from monitor.types import Hints, KnownItem

from builders import T0, F, intent, item


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "db" / "monitor.db")
    s.sync_feeds([F("f1", "https://a.example/feed"), F("f2", "https://b.example/feed")], T0)
    yield s
    s.close()


def test_new_database_is_wal_and_versioned(tmp_path):
    """A new database file is created with WAL journaling and the monitor's application id."""
    s = open_store(tmp_path / "m.db")
    assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert s.db.execute("PRAGMA application_id").fetchone()[0] == 0x4D4F4E31
    assert {"feeds", "items", "matches", "alerts", "alert_sources"} <= set(s.db.table_names())
    s.close()
    again = open_store(tmp_path / "m.db")  # reopening applies no migration twice
    assert again.count("feeds") == 0
    again.close()


def test_the_database_file_holds_a_poll_within_a_second_of_its_commit(store, tmp_path):
    """The write-ahead log is copied into the database file by a thread of the store's own,
    not by the commit that happens to fill it (SQLite's default, every 1,000 pages: the poll
    writing then waited for the copy and its syncs): a copy of the database file alone, without
    its -wal, holds a poll written a moment ago, though one poll is far from 1,000 pages."""
    it = item("f1", guid="g-copied", title="Checkpointed in the background")
    store.record_poll(intent("f1", [it], matched=[]), window=0)
    wal = store.path.with_name(store.path.name + "-wal")
    assert wal.stat().st_size < 1000 * 4096  # the writer's own checkpoint never ran
    copy = tmp_path / "copy.db"
    deadline = time.monotonic() + 10 * CHECKPOINT_INTERVAL
    found = []
    while not found and time.monotonic() < deadline:
        time.sleep(CHECKPOINT_INTERVAL / 5)
        shutil.copyfile(store.path, copy)
        con = sqlite3.connect(f"file:{copy}?mode=ro&immutable=1", uri=True)
        try:
            found = con.execute("SELECT title FROM items WHERE key = 'g-copied'").fetchall()
        except sqlite3.DatabaseError:  # copied in the middle of a checkpoint: try again
            found = []
        finally:
            con.close()
    assert found == [("Checkpointed in the background",)]
    # and closing the store ends its thread
    store.close()
    assert not [t for t in threading.enumerate() if t.name == f"checkpoint {store.path.name}"]


def test_refuses_another_programs_database(tmp_path):
    """Pointing the config at some other SQLite file fails clearly instead of altering it."""
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="another program"):
        open_store(path)


def test_sync_feeds_adds_updates_and_deactivates(store):
    """Config changes: new feeds are due now, removed ones stop being due, history stays."""
    assert [s.feed_id for s in store.due_feeds(T0)] == ["f1", "f2"]
    store.sync_feeds([F("f1", "https://a.example/feed"), F("f3", "https://c.example/")], T0)
    assert sorted(s.feed_id for s in store.due_feeds(T0)) == ["f1", "f3"]
    assert store.feed_state("f2") is not None


def test_poll_writes_items_matches_and_alert_once(store):
    """An item seen twice in the same feed is stored and alerted once."""
    it = item("f1", guid="g1")
    created = store.record_poll(intent("f1", [it]), window=3600)
    assert len(created) == 1
    assert store.known_items("f1", ["g1", "g2"]) == {"g1": KnownItem(it.content_hash, None)}
    again = store.record_poll(intent("f1", [it], at=T0 + timedelta(minutes=5)), window=3600)
    assert again == []
    assert store.count("items") == 1
    assert store.count("alerts") == 1


def test_same_story_in_two_feeds_is_one_alert_with_two_sources(store):
    """The same link (tracking parameters aside) in another feed adds a source, not an alert."""
    a = item("f1", guid="a-1", link="https://news.example/story?utm_source=x")
    b = item("f2", guid="b-9", title="Other headline", summary="other words",
             link="https://NEWS.example/story?fbclid=zz#top")
    assert len(store.record_poll(intent("f1", [a]), window=3600)) == 1
    assert store.record_poll(intent("f2", [b], at=T0 + timedelta(minutes=1)), 3600) == []
    (alert,) = store.alerts()
    sources = store.alert_sources(alert.alert_id)
    assert [s["feed_id"] for s in sources] == ["f1", "f2"]


def test_same_title_and_summary_under_other_urls_is_one_story(store):
    """Syndicated copies with other URLs but the same text are one alert."""
    a = item("f1", guid="x1", link="https://one.example/a", title="Maduro SPEAKS!")
    b = item("f2", guid="y2", link="https://two.example/b", title="maduro speaks")
    store.record_poll(intent("f1", [a]), 3600)
    assert store.record_poll(intent("f2", [b], at=T0 + timedelta(hours=1)), 3600) == []
    # outside the window the same story alerts again
    c = item("f2", guid="y3", link="https://two.example/c", title="Maduro speaks")
    assert len(store.record_poll(intent("f2", [c], at=T0 + timedelta(hours=3)), 3600)) == 1


def test_outbox_pending_until_marked(store):
    """Alerts stay pending until marked written, oldest first."""
    store.record_poll(intent("f1", [item("f1", guid="1", title="A Maduro")]), 3600)
    store.record_poll(intent("f1", [item("f1", guid="2", title="B Maduro")],
                             at=T0 + timedelta(seconds=1)), 3600)
    pending = store.pending_alerts()
    assert [a.payload["title"] for a in pending] == ["A Maduro", "B Maduro"]
    store.mark_emitted([pending[0].alert_id], T0)
    assert [a.payload["title"] for a in store.pending_alerts()] == ["B Maduro"]


def test_failed_poll_counts_errors_and_success_resets(store):
    """Errors in a row are counted per feed and reset by a success; the reason is kept."""
    store.record_poll(intent("f1", [], status="error", error="HTTP 500"), 3600)
    store.record_poll(intent("f1", [], status="error", error="HTTP 503"), 3600)
    row = {f["id"]: f for f in store.feeds()}["f1"]
    assert (row["consecutive_errors"], row["last_error"]) == (2, "HTTP 503")
    store.record_poll(intent("f1", []), 3600)
    row = {f["id"]: f for f in store.feeds()}["f1"]
    assert (row["consecutive_errors"], row["last_error"], row["last_status"]) == (0, None, "ok")


def test_a_failing_poll_transaction_leaves_nothing(store):
    """If anything in a poll's write fails, none of its items, matches or alerts remain."""
    good = item("f1", guid="ok")
    bad_intent = intent("f1", [good])
    store.db.execute("CREATE TRIGGER boom BEFORE INSERT ON alerts BEGIN "
                     "SELECT RAISE(ABORT, 'disk on fire'); END")
    with pytest.raises(sqlite3.IntegrityError):
        store.record_poll(bad_intent, 3600)
    assert store.count("items") == 0
    assert store.count("matches") == 0


def test_locked_database_is_a_storage_error(tmp_path):
    """Another process holding a write lock gives StorageError, not a raw sqlite3 error."""
    s = open_store(tmp_path / "m.db")
    s.db.conn.execute("PRAGMA busy_timeout=100")
    s.sync_feeds([F("f1", "https://a.example/")], T0)
    other = sqlite3.connect(tmp_path / "m.db", timeout=0.1)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageError, match="locked"):
            s.record_poll(intent("f1", [item("f1")]), 3600)
    finally:
        other.rollback()
        other.close()
        s.close()


def test_reopening_changes_no_schedule(store, tmp_path):
    """A restart carries on where it stopped: opening the database and syncing the same feeds
    leaves every next poll time as it was (only overdue feeds are due)."""
    later = T0 + timedelta(hours=1)
    store.record_poll(replace_update(intent("f1", [], at=T0), next_poll=later), 3600)
    store.close()
    again = open_store(tmp_path / "db" / "monitor.db")
    again.sync_feeds([F("f1", "https://a.example/feed"), F("f2", "https://b.example/feed")],
                     T0 + timedelta(minutes=5))
    assert again.feed_state("f1").next_poll == later
    assert [s.feed_id for s in again.due_feeds(T0 + timedelta(minutes=5))] == ["f2"]
    assert again.next_poll_time(after=T0) == later
    again.close()


def test_gone_feed_is_never_due_until_resumed_or_its_url_changes(store):
    """A feed stopped by 410 is neither due nor counted in the next wake-up time; resuming it
    makes it due now with a clean error count; so does a new URL in the config."""
    gone = intent("f1", [], status="error", error="HTTP 410 Gone")
    store.record_poll(replace_update(gone, stopped="gone", next_poll=T0), 3600)
    assert store.feed_state("f1").stopped == "gone"
    assert [s.feed_id for s in store.due_feeds(T0 + timedelta(days=9))] == ["f2"]
    assert store.next_poll_time() == T0  # f2's, not the stopped f1's
    assert store.resume_feed("f1", T0 + timedelta(hours=2))
    state = store.feed_state("f1")
    assert (state.stopped, state.consecutive_errors) == (None, 0)
    assert state.next_poll == T0 + timedelta(hours=2)
    assert not store.resume_feed("f1", T0)  # not stopped any more
    assert not store.resume_feed("nope", T0)
    store.record_poll(replace_update(gone, stopped="gone"), 3600)
    store.sync_feeds([F("f1", "https://a.example/moved"), F("f2", "https://b.example/feed")], T0)
    assert store.feed_state("f1").stopped is None
    assert "f1" in [s.feed_id for s in store.due_feeds(T0)]


def test_server_hints_are_kept_until_a_poll_replaces_them(store):
    """Hints written by a poll come back in the feed state; an update without hints (a failed
    poll) keeps them; a new URL forgets them."""
    hints = Hints(ttl=3600.0, fresh_for=120.0)
    store.record_poll(replace_update(intent("f1", []), hints=hints), 3600)
    assert store.feed_state("f1").hints == hints
    store.record_poll(intent("f1", [], status="error", error="HTTP 500"), 3600)
    assert store.feed_state("f1").hints == hints
    store.sync_feeds([F("f1", "https://a.example/moved")], T0)
    assert store.feed_state("f1").hints == Hints()


def replace_update(i, **changes):
    """The intent ``i`` with its FeedUpdate changed."""
    return dataclasses.replace(i, update=dataclasses.replace(i.update, **changes))


def test_a_changed_interval_applies_at_once(store):
    """Shortening a healthy feed's interval in the config moves its next poll to last poll +
    the new interval; a failing feed keeps its backoff; an unchanged interval changes nothing."""
    later = T0 + timedelta(hours=1)
    store.record_poll(replace_update(intent("f1", [], at=T0), next_poll=later), 3600)
    failing = intent("f2", [], at=T0, status="error", error="HTTP 500")
    store.record_poll(replace_update(failing, next_poll=later), 3600)
    store.sync_feeds([F("f1", "https://a.example/feed"), F("f2", "https://b.example/feed")],
                     T0 + timedelta(minutes=5))
    assert store.feed_state("f1").next_poll == later  # same interval (60 s in F): untouched
    store.sync_feeds([F("f1", "https://a.example/feed", interval=120.0),
                      F("f2", "https://b.example/feed", interval=120.0)], T0)
    assert store.feed_state("f1").next_poll == T0 + timedelta(seconds=120)
    assert store.feed_state("f2").next_poll == later


def test_the_writer_keeps_a_small_page_cache(tmp_path):
    """The store's connection caches at most CACHE_KIB of pages (SQLite's default is ~2 MB of a
    daemon's RSS; README, Performance: memory), on a new database and on one opened again."""
    for _ in range(2):
        s = open_store(tmp_path / "m.db")
        try:
            assert s.db.execute("PRAGMA cache_size").fetchone()[0] == -CACHE_KIB
        finally:
            s.close()
    assert 0 < CACHE_KIB < 2000


def test_sqlite_utils_plugins_do_not_touch_the_store_connection(tmp_path):
    """A sqlite-utils plugin installed beside the monitor (its prepare_connection hook runs
    on every Database a program opens, unless told not to) leaves the store's connection as
    the store made it."""
    import sqlite_utils
    from sqlite_utils.plugins import pm

    class Plugin:
        @sqlite_utils.hookimpl
        def prepare_connection(self, conn):
            conn.create_function("planted", 0, lambda: "by a plugin")

    plugin = Plugin()
    pm.register(plugin, name="test-planted")
    try:
        other = sqlite_utils.Database(memory=True)  # the hook does run for other programs
        assert other.execute("SELECT planted()").fetchone() == ("by a plugin",)
        s = open_store(tmp_path / "m.db")
        try:
            with pytest.raises(sqlite3.OperationalError, match="no such function"):
                s.db.execute("SELECT planted()")
        finally:
            s.close()
    finally:
        pm.unregister(plugin)


def test_a_restart_with_nothing_to_change_rewrites_no_row(tmp_path):
    """Opening the store again with the same feeds writes no feed row, and giving back the
    claims of a dead predecessor writes only the rows that held one (before, every feed and
    every alert ever made was written again at each start)."""
    feeds = [F(f"f{i}", f"https://h{i % 3}.example/feed{i}") for i in range(30)]
    s = open_store(tmp_path / "m.db")
    s.sync_feeds(feeds, T0)
    s.sync_feeds(feeds[:-1], T0)  # one removed: inactive from now on
    claimed = s.due_feeds(T0, limit=4)
    assert len(claimed) == 4
    conn = s.db.conn
    before = conn.total_changes
    s.sync_feeds(feeds[:-1], T0 + timedelta(hours=1))
    assert conn.total_changes == before
    s.release_leases(every_replica=True)
    assert conn.total_changes == before + 4
    assert sorted(st.feed_id for st in s.due_feeds(T0)) == sorted(f.id for f in feeds[:-1])
    s.sync_feeds(feeds, T0)  # the removed one comes back: active and due
    assert "f29" in {st.feed_id for st in s.due_feeds(T0 + timedelta(seconds=1))}
    s.close()
