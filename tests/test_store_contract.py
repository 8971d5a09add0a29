"""The store's contract: every method of ``monitor.store.Store``, run against SQLite and against a
real PostgreSQL 15 (tests/pg.py), with the same assertions. A method added to the protocol must be
called here (``test_every_store_method_is_in_the_contract`` checks it), so both stores keep it.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from legacy_db import make_legacy_postgres, make_legacy_sqlite

from monitor.alerts import build_alert
from monitor.store import Store, open_store
from monitor.store.protocol import Delivery
from monitor.types import ArticleOutcome, ArticleRequest, Hints, MatchedItem, RobotsTxt

from builders import T0, F, intent, item, result

FEEDS = [F("f1", "https://a.example/feed"), F("f2", "https://b.example/feed"),
         F("f3", "https://c.example/feed")]


@pytest.fixture(params=["sqlite", "postgres", "sqlite-upgraded", "postgres-upgraded"])
def opener(request, tmp_path) -> Iterator[Callable[..., Store]]:
    """Opens stores on one new database of each kind: ``opener(replica="a")``; "-upgraded": a
    database the previous code made (tests/legacy_db.py), which the first open migrates."""
    location: str | Path = (request.getfixturevalue("pg_url")
                            if request.param.startswith("postgres") else tmp_path / "m.db")
    if request.param == "sqlite-upgraded":
        make_legacy_sqlite(tmp_path / "m.db").close()
    elif request.param == "postgres-upgraded":
        make_legacy_postgres(str(location)).close()
    opened: list[Store] = []

    def open_(replica: str = "a", lease: float = 120.0) -> Store:
        s = open_store(location, replica=replica, lease=lease)
        opened.append(s)
        return s

    yield open_
    for s in opened:
        s.close()


@pytest.fixture
def store(opener) -> Store:
    s = opener()
    s.sync_feeds(FEEDS, T0)
    return s


def test_feeds_sync_schedule_and_state(store):
    """New feeds are due at once; a removed feed stops being due; a URL change forgets state."""
    assert (store.replica, store.lease) == ("a", 120.0)
    assert store.shared is (type(store).__name__ == "PostgresStore")  # several daemons
    assert store.next_poll_time() == T0
    assert [s.feed_id for s in store.due_feeds(T0)] == ["f1", "f2", "f3"]
    store.record_poll(intent("f1", [], at=T0), 3600)  # gives the lease back
    store.sync_feeds([FEEDS[0], F("f2", "https://moved.example/")], T0)
    assert store.feed_state("f3") is not None
    assert store.feed_state("f2").url == "https://moved.example/"
    assert store.feed_state("nope") is None
    rows = {r["id"]: r for r in store.feeds()}
    assert (rows["f3"]["active"], rows["f1"]["active"]) == (0, 1)
    assert rows["f1"]["last_status"] == "ok" and rows["f1"]["items"] == 0


def test_gone_feeds_stop_until_resumed_and_hints_are_kept(store):
    """A feed stopped (410 Gone) is neither due nor scheduled until resumed; server hints
    recorded with a poll come back with the feed's state; next_poll_time skips the past."""
    base = intent("f1", [])
    later = T0 + timedelta(hours=1)
    store.record_poll(replace(base, update=replace(
        base.update, next_poll=later, stopped="gone", hints=Hints(ttl=600.0, fresh_for=None))),
        3600)
    state = store.feed_state("f1")
    assert (state.stopped, state.hints.ttl) == ("gone", 600.0)
    assert "f1" not in [s.feed_id for s in store.due_feeds(later, exclude=["f2", "f3"])]
    assert store.resume_feed("f1", later) and not store.resume_feed("f1", later)
    assert store.next_poll_time(after=later) is None or store.next_poll_time(after=later) > later
    assert [s.feed_id for s in store.due_feeds(later, exclude=["f2", "f3"])] == ["f1"]


def test_per_host_limit_holds_across_replicas(opener):
    """``per_host``: the claims of all replicas on one host stay within the limit, counting
    the feeds a replica is polling."""
    a, b = opener("a"), opener("b")
    same = [F(f"s{n}", f"https://one.example/{n}") for n in range(5)]
    a.sync_feeds([*same, F("o", "https://other.example/")], T0)
    got_a = [s.feed_id for s in a.due_feeds(T0, per_host=2)]
    assert got_a == ["s0", "s1", "o"]  # in the order they were added
    assert b.due_feeds(T0, per_host=2) == []  # one.example is at its limit
    polled = intent("s0", [])
    a.record_poll(replace(polled, update=replace(polled.update, next_poll=T0 + timedelta(
        hours=1))), 3600)  # s0 done: one slot free on one.example
    assert [s.feed_id for s in b.due_feeds(T0, per_host=2)] == ["s2"]
    # a's feeds being polled count: nothing more for a either
    assert a.due_feeds(T0, exclude=["o", "s1"], per_host=2) == []


def test_claims_split_due_feeds_between_replicas(opener):
    """Two replicas claiming at once never get the same feed; a lease that expires (a dead
    replica) lets the other take the feed; renewing keeps it; releasing gives it back."""
    a, b = opener("a", lease=60), opener("b", lease=60)
    a.sync_feeds(FEEDS, T0)
    got_a = [s.feed_id for s in a.due_feeds(T0, limit=2)]
    got_b = [s.feed_id for s in b.due_feeds(T0)]
    assert got_a == ["f1", "f2"] and got_b == ["f3"]
    assert b.due_feeds(T0 + timedelta(seconds=30), exclude=["f3"]) == []  # a holds the rest
    assert [s.feed_id for s in a.due_feeds(T0, exclude=["f1"])] == ["f2"]  # a's own, not busy
    assert a.renew_leases(["f1", "f3"], T0 + timedelta(seconds=50)) == 1  # f3 is b's
    late = T0 + timedelta(seconds=70)  # f2's lease expired, f1's was renewed till 110 s
    assert [s.feed_id for s in b.due_feeds(late, exclude=["f3"])] == ["f2"]
    a.release_leases()
    assert [s.feed_id for s in b.due_feeds(late, exclude=["f3"])] == ["f1", "f2"]
    # a store's only daemon, restarted under a new name, frees a dead predecessor's claims
    c = opener("c", lease=60)
    assert {"f1", "f2"}.isdisjoint(s.feed_id for s in c.due_feeds(late))  # b's live leases
    c.release_leases(every_replica=True)
    assert {"f1", "f2"} <= {s.feed_id for s in c.due_feeds(late)}


def test_poll_items_matches_alerts_once(store):
    it = item("f1", guid="g1")
    assert len(store.record_poll(intent("f1", [it]), window=3600)) == 1
    known = store.known_items("f1", ["g1", "g2"])
    assert list(known) == ["g1"] and known["g1"].content_hash == it.content_hash
    store.record_poll(intent("f1", [item("f1", guid="g2"), item("f1", guid="g3")]), 3600)
    assert set(store.recent_keys("f1", 2)) == {"g3", "g2"}  # the latest two
    assert store.record_poll(intent("f1", [it], at=T0 + timedelta(minutes=5)), 3600) == []
    assert (store.count("items"), store.count("matches"), store.count("alerts")) == (3, 3, 1)
    assert store.integrity_check() == "ok"


def test_entry_digests_are_stored_with_new_items_and_updated_for_known_ones(store):
    """The parser skips a known entry only when its digest matches (``recent_keys``): a new
    item's digest is stored with it; a known entry whose bytes changed (its item did not) gets
    its new digest; an edit that brings no digest keeps the stored one."""
    a, b = item("f1", guid="a"), item("f1", guid="b")
    store.record_poll(replace(intent("f1", [a, b], []), entry_hashes={"a": "d1", "b": "d2"}),
                      3600)
    assert store.recent_keys("f1", 10) == {"b": "d2", "a": "d1"}
    store.record_poll(replace(intent("f1", [], []), entry_hashes={"a": "d3"}), 3600)
    assert store.recent_keys("f1", 10) == {"b": "d2", "a": "d3"}
    edited = replace(b, title="Maduro speaks again", content_hash="other")
    store.record_poll(intent("f1", [edited], []), 3600)
    assert store.recent_keys("f1", 10) == {"b": "d2", "a": "d3"}


def test_items_keep_their_enclosures(store):
    """An item's enclosure URLs are stored and read back with it (rematch and article fetches
    read items from the store); an item without any reads back without; an edit replaces
    them."""
    urls = ("https://cdn.example.org/é.mp3", "https://cdn.example.org/b.pdf")
    podcast = replace(item("f1", guid="p"), enclosures=urls)
    store.record_poll(intent("f1", [podcast, item("f1", guid="q")], []), 3600)
    assert store.item("f1", "p") == podcast and store.item("f1", "p").enclosures == urls
    assert store.item("f1", "q").enclosures == ()
    edited = replace(podcast, title="Maduro speaks again", content_hash="x", enclosures=urls[1:])
    store.record_poll(intent("f1", [edited], []), 3600)
    assert store.item("f1", "p").enclosures == urls[1:]


def test_story_in_two_feeds_is_one_alert_with_two_sources(store):
    a = item("f1", guid="a-1", link="https://news.example/story?utm_source=x")
    b = item("f2", guid="b-9", title="Other headline", summary="other words",
             link="https://news.example/story")
    c = item("f3", guid="c-1", title="Maduro SPEAKS!", summary="Nicolás Maduro said things.")
    assert len(store.record_poll(intent("f1", [a]), 3600)) == 1
    assert store.record_poll(intent("f2", [b], at=T0 + timedelta(minutes=1)), 3600) == []
    assert store.record_poll(intent("f3", [c], at=T0 + timedelta(minutes=2)), 3600) == []
    (alert,) = store.alerts()
    assert [s["feed_id"] for s in store.alert_sources(alert.alert_id)] == ["f1", "f2", "f3"]


def test_a_repost_in_the_same_feed_under_a_retouched_headline_is_one_alert(store):
    """An outlet posts a story again in its own feed (new guid and link, the headline retouched
    "... (video)", its footer echoing the headline) while the first post is still among the
    feed's latest items: one alert, two sources (rule 5 of monitor/similar.py). Without the rule
    the shared text counted as the feed's boilerplate and the repost alerted again."""
    footer = "The post {} appeared first on Harbor Ledger."
    fillers = [item("f1", guid=f"x{n}", title=f"Harbour works {n} delayed again",
                    summary=f"Contractor {n} blames the weather. " + footer.format("works"),
                    link=f"https://w.example/x{n}") for n in range(4)]
    store.record_poll(intent("f1", fillers, matched=[]), 3600)
    body = ("A helicopter raid by the coalition killed a senior commander in northern Syria on "
            "Sunday, the command said. He planned attacks on detention camps, the statement "
            "said. Two of his associates were detained and no civilians were harmed.")
    title = "Coalition raid kills Maduro ally in Syria"
    video = title + " (video)"
    first = item("f1", guid="w1", title=title, summary=f"{body} {footer.format(title)}",
                 link="https://w.example/1")
    again = item("f1", guid="w2", title=video, summary=f"{body} {footer.format(video)}",
                 link="https://w.example/1-2")
    assert len(store.record_poll(intent("f1", [first], at=T0 + timedelta(minutes=1)), 3600)) == 1
    assert store.record_poll(intent("f1", [again], at=T0 + timedelta(minutes=2)), 3600) == []
    (alert,) = store.alerts()
    assert [s["item_key"] for s in store.alert_sources(alert.alert_id)] == [
        first.key, again.key]


def test_outbox_claims_and_marks(opener):
    """Pending alerts are claimed by the replica that reads them: the other gets them only once
    the lease has expired (the first died) or after they are marked written (never)."""
    a, b = opener("a", lease=0.5), opener("b", lease=0.5)
    a.sync_feeds(FEEDS, T0)
    a.record_poll(intent("f1", [item("f1", guid="1", title="A Maduro")]), 3600)
    a.record_poll(intent("f1", [item("f1", guid="2", title="B Maduro")],
                         at=T0 + timedelta(seconds=1)), 3600)
    pending = a.pending_alerts()
    assert [x.payload["title"] for x in pending] == ["A Maduro", "B Maduro"]
    assert b.pending_alerts() == []
    a.mark_emitted([pending[0].alert_id], T0)
    import time

    time.sleep(0.6)
    assert [x.payload["title"] for x in b.pending_alerts()] == ["B Maduro"]
    b.mark_emitted([x.alert_id for x in pending], T0)
    assert a.pending_alerts() == [] and b.pending_alerts() == []


def test_sink_deliveries(opener):
    a, b = opener("a"), opener("b")
    a.sync_feeds(FEEDS, T0)
    a.sync_sinks([("hook", "webhook"), ("chat", "apprise")], T0)
    a.record_poll(intent("f1", [item("f1", guid="1")]), 3600)
    due = a.due_deliveries(T0)
    assert sorted(d.sink_id for d in due) == ["chat", "hook"]
    assert isinstance(due[0], Delivery) and due[0].entity_ids == ("nicolas-maduro",)
    assert b.due_deliveries(T0) == []  # claimed by a
    alert_id = due[0].alert_id
    a.delivery_done(alert_id, "hook", T0, "delivered")
    a.delivery_failed(alert_id, "chat", "HTTP 502", T0 + timedelta(minutes=1))
    assert a.next_delivery_time() == T0 + timedelta(minutes=1)
    rows = {r["sink_id"]: r for r in b.deliveries()}
    assert (rows["hook"]["status"], rows["hook"]["attempts"]) == ("delivered", 1)
    assert (rows["chat"]["status"], rows["chat"]["last_error"]) == ("pending", "HTTP 502")
    assert [d.sink_id for d in b.due_deliveries(T0 + timedelta(minutes=2))] == ["chat"]
    assert [r["sink_id"] for r in b.deliveries("chat")] == ["chat"]
    b.delivery_done(alert_id, "chat", T0, "skipped")
    assert b.next_delivery_time() is None


def test_reports_filters_counts_and_cursor(store):
    cursor, _ = store.alerts_after(-1)
    store.record_poll(intent("f1", [item("f1", guid="1", title="A Maduro")]), 3600)
    later = [item("f2", guid="2", title="B Maduro", summary="b")]
    store.record_poll(intent("f2", later, matched=[MatchedItem(later[0], result(
        "diosdado-cabello", priority="low"))], at=T0 + timedelta(days=1)), 3600)
    assert [a.payload["title"] for a in store.alerts()] == ["B Maduro", "A Maduro"]
    assert [a.feed_id for a in store.alerts(feed="f2")] == ["f2"]
    assert [a.feed_id for a in store.alerts(entity="nicolas-maduro")] == ["f1"]
    assert [a.feed_id for a in store.alerts(min_rank=4)] == ["f1"]
    assert len(store.alerts(since=T0 + timedelta(hours=1))) == 1
    assert len(store.alerts(limit=1)) == 1
    assert store.alert_counts("entity") == [("diosdado-cabello", 1), ("nicolas-maduro", 1)]
    assert store.alert_counts("day") == [("2025-11-17", 1), ("2025-11-18", 1)]
    assert store.alert_counts("feed", min_rank=4) == [("f1", 1)]
    last, new = store.alerts_after(cursor)
    assert last > cursor and sorted(new) == [("critical", ("nicolas-maduro",)),
                                             ("low", ("diosdado-cabello",))]
    assert store.alerts_after(last) == (last, [])


def test_rematch_reads_items_and_alerts_only_missed_targets(store):
    items = [item("f1", guid=str(n), title=f"Maduro story {n}", summary=f"s{n}")
             for n in range(3)]
    store.record_poll(intent("f1", items, matched=[MatchedItem(items[0], result())]), 3600)
    batches = list(store.items_since(T0 - timedelta(days=1), batch=2))
    assert [len(b) for b in batches] == [2, 1]
    assert store.item("f1", "1") == items[1] and store.item("f1", "nope") is None
    done = store.alerted_targets(items)
    assert done[("f1", "0")] == {"nicolas-maduro"} and done[("f1", "1")] == set()
    matched = [MatchedItem(i, result()) for i in items]
    alerts = [build_alert(m.item, m.result, feed_name="f1", watchlist_version="v2",
                          detected_at=T0 + timedelta(days=1)) for m in matched[1:]]
    created = store.record_rematch(matched, alerts, "v2", 3600)
    assert sorted(a.item_key for a in created) == ["1", "2"]
    assert store.record_rematch(matched, alerts, "v2", 3600) == []  # idempotent
    # one story in two feeds: one alert, or one per feed with grouping off (window 0)
    for window, feeds in ((3600, ["f2"]), (0, ["f3"])):
        copy = item(feeds[0], guid="c", title="Maduro story 1", summary="s1")
        store.record_poll(intent(feeds[0], [copy], matched=[]), window)
        again = build_alert(copy, result(), feed_name=feeds[0], watchlist_version="v2",
                            detected_at=T0 + timedelta(days=1))
        made = store.record_rematch([MatchedItem(copy, result())], [again], "v2", window)
        assert [a.feed_id for a in made] == ([] if window else feeds)


def _story(feed: str, n: int):
    """An item of its own story: text no other item shares (so it gets band keys)."""
    words = " ".join(f"w{n}x{k}" for k in range(30))
    return item(feed, guid=f"s{n}", title=f"Maduro story {n}", summary=words)


def test_band_keys_go_once_older_than_the_dedupe_window(store):
    """Story grouping's band keys (alert_bands, 24 an alert) of alerts older than the dedupe
    window are deleted as new alerts come, at most 48 rows per new alert; with window 0 an
    alert gets none."""
    def bands(before=None):
        return store.db.execute(
            "SELECT count(*) FROM alert_bands" + (" WHERE created_at < ?" if before else ""),
            [before] if before else []).fetchone()[0]

    window = 3600.0
    store.record_poll(intent("f1", [_story("f1", n) for n in range(3)]), window)
    assert bands() == 3 * 24
    later = T0 + timedelta(hours=2)
    store.record_poll(intent("f2", [_story("f2", 3)], at=later), window)
    assert bands() == 3 * 24 + 24 - 48  # bounded: one new alert, 48 old rows at most
    store.record_poll(intent("f2", [_story("f2", 4)], at=later), window)
    assert bands() == 2 * 24 and bands(before="2025-11-17T13") == 0
    store.record_poll(intent("f3", [_story("f3", 5)], at=later), 0)  # grouping off
    assert bands() == 2 * 24 and store.count("alerts") == 6


def test_items_keep_their_shingles_and_a_new_process_makes_none(opener, monkeypatch):
    """Story grouping needs the shingles of the latest items of an alerting feed (its
    boilerplate): a poll keeps those it made with the items, an edit drops them until they are
    needed again, and a store opened anew (a restart, each ``poll-once``) groups from the
    stored sets without shingling any item again, with the same decisions."""
    from monitor import similar

    def stored(s, feed):
        return {k: (frozenset(similar.from_blob(b)) if b is not None else None)
                for k, b in s.db.execute("SELECT key, shingles FROM items WHERE feed_id = ?",
                                         [feed]).fetchall()}

    def text(it):
        return similar.shingles((it.title, it.summary, it.content))

    s = opener()
    s.sync_feeds(FEEDS, T0)
    quiet = [item("f1", guid=f"q{n}", title=f"Weather {n}", summary=f"Rain words {n} more")
             for n in range(3)]
    s.record_poll(intent("f1", quiet, []), 3600)  # no alert: nothing shingled yet
    assert set(stored(s, "f1").values()) == {None}
    first = _story("f1", 1)
    assert len(s.record_poll(intent("f1", [first], at=T0 + timedelta(minutes=1)), 3600)) == 1
    # the feed's latest items, the alert's own among them
    assert stored(s, "f1") == {it.key: text(it) for it in [*quiet, first]}
    s.close()

    again = opener()  # a new process: nothing in memory
    edited = replace(quiet[0], summary="Sun words instead", content_hash="edited")
    # built first: building an alert makes its own shingles
    polls = [intent("f1", [_story("f1", 2)], at=T0 + timedelta(minutes=2)),
             intent("f2", [replace(_story("f2", 2), title="Another headline, same words")],
                    at=T0 + timedelta(minutes=3)),
             intent("f1", [edited], [], at=T0 + timedelta(minutes=4)),
             intent("f1", [_story("f1", 3)], at=T0 + timedelta(minutes=5))]
    expected = text(edited)
    real, made = similar.shingles, []
    monkeypatch.setattr(similar, "shingles", lambda texts: made.append(texts) or real(texts))
    assert len(again.record_poll(polls[0], 3600)) == 1  # its own story
    assert again.record_poll(polls[1], 3600) == []  # the copy joins that story's alert
    assert made == []
    alert = next(a for a in again.alerts() if a.item_key == "s2")
    assert [x["feed_id"] for x in again.alert_sources(alert.alert_id)] == ["f1", "f2"]

    again.record_poll(polls[2], 3600)
    assert stored(again, "f1")["q0"] is None  # another text: its old set is dropped
    again.record_poll(polls[3], 3600)
    assert stored(again, "f1")["q0"] == expected  # and made anew when needed
    assert [tuple(t) for t in made] == [(edited.title, edited.summary, edited.content)]


def test_retention_purges_keeps_keys_and_unwritten_alerts(store):
    """Old items go, their keys stay known (an old entry is never new again); old alerts go
    once written; an alert not yet written stays whatever its age."""
    old = [item("f1", guid=str(n), title=f"Maduro old {n}", summary=f"o{n}") for n in range(3)]
    store.record_poll(intent("f1", old), 3600)
    written = store.pending_alerts()
    store.mark_emitted([a.alert_id for a in written[:2]], T0)
    later = T0 + timedelta(days=10)
    purged = store.purge_expired(later, items_before=T0 + timedelta(days=1),
                                 alerts_before=T0 + timedelta(days=1), limit=2)
    assert (purged.items, purged.alerts, purged.more) == (2, 2, True)
    purged = store.purge_expired(later, T0 + timedelta(days=1), T0 + timedelta(days=1), 2)
    assert (purged.items, purged.alerts) == (1, 0)  # the third alert was never written
    assert store.count("items") == 0 and store.count("alerts") == 1
    assert set(store.known_items("f1", ["0", "1", "2", "3"])) == {"0", "1", "2"}  # tombstones


def test_article_queue_claims_records_and_keeps_text(opener):
    """Pages queued with a poll are due once, claimed by one replica; their text is kept and
    the alerts their body adds are recorded once."""
    a, b = opener("a"), opener("b")
    a.sync_feeds(FEEDS, T0)
    its = [item("f1", guid=str(n), title=f"Story {n}", summary="plain words",
                link=f"https://news.example/{n}") for n in range(2)]
    base = intent("f1", its, matched=[])
    a.record_poll(replace(base, articles=tuple(
        ArticleRequest("f1", i.key, i.link or "") for i in its)), 3600)
    due = a.due_articles(T0, 3600, limit=1)
    assert [d.item.key for d in due] == ["0"] and due[0].url == "https://news.example/0"
    assert [d.item.key for d in b.due_articles(T0, 3600, limit=5)] == ["1"]  # 0 is a's
    body = MatchedItem(its[0], result())
    alert = build_alert(its[0], body.result, feed_name="f1", watchlist_version="v1",
                        detected_at=T0)
    done = ArticleOutcome("f1", "0", "done", T0, text="Maduro said things at length.",
                          matched=body, alerts=(alert,), watchlist_version="v1")
    assert len(a.record_article(done, 3600)) == 1
    assert a.record_article(done, 3600) == []
    assert b.article_text("f1", "0") == "Maduro said things at length."
    assert b.article_text("f1", "1") is None
    retry = ArticleOutcome("f1", "1", "retry", T0, error="HTTP 503",
                           next_attempt=T0 + timedelta(minutes=5))
    b.record_article(retry, 3600)
    assert a.due_articles(T0 + timedelta(minutes=1), 3600, 5) == []
    assert [d.attempts for d in a.due_articles(T0 + timedelta(minutes=6), 3600, 5)] == [1]


def test_article_rate_and_robots_txt_are_shared_by_replicas(opener):
    """Page fetch starts reserved by two replicas are spaced by the interval as if one made
    them all; a robots.txt one replica kept is read by the other until it expires, an
    unreachable one (None) as well; a later keep replaces it."""
    a, b = opener("a"), opener("b")
    s = timedelta(seconds=1)
    assert a.take_article_start(T0, 0.5) == T0
    assert b.take_article_start(T0, 0.5) == T0 + s / 2
    assert a.take_article_start(T0 + s / 4, 0.5) == T0 + s
    assert b.take_article_start(T0 + 10 * s, 0.5) == T0 + 10 * s  # idle: at once
    assert b.robots_txt("https://news.example", T0) is None
    kept = RobotsTxt("https://news.example", "User-agent: *\nDisallow: /x/\n", T0 + 60 * s)
    a.keep_robots_txt(kept, T0)
    assert b.robots_txt("https://news.example", T0 + 59 * s) == kept
    assert b.robots_txt("https://news.example", T0 + 60 * s) is None  # expired
    down = RobotsTxt("https://down.example", None, T0 + 600 * s)
    b.keep_robots_txt(down, T0)
    assert a.robots_txt("https://down.example", T0) == down
    again = RobotsTxt("https://news.example", "", T0 + 200 * s)
    b.keep_robots_txt(again, T0 + 100 * s)  # the expired copy is replaced
    assert a.robots_txt("https://news.example", T0 + 100 * s) == again


def test_replicas_claiming_at_once_never_share_a_feed(opener):
    """Three replicas claiming due feeds at the same moment, over and over (polling what they
    claim), each get their own: no feed is claimed by two, with or without per_host."""
    import threading

    many = [F(f"m{n:03d}", f"https://h{n % 7}.example/{n}") for n in range(120)]
    setup = opener("setup")
    setup.sync_feeds(many, T0)
    location = getattr(setup, "url", None) or setup.path  # type: ignore[attr-defined]
    got: dict[str, list[str]] = {f"r{n}": [] for n in range(3)}
    start = threading.Barrier(3)
    errors: list[BaseException] = []

    def replica(name: str, per_host: int | None) -> None:
        try:
            s = open_store(location, replica=name)  # in its own thread, as a replica
            start.wait()
            try:
                for _ in range(12):
                    for f in s.due_feeds(T0, limit=4, per_host=per_host):
                        got[name].append(f.feed_id)
                        done = intent(f.feed_id, [], at=T0)
                        s.record_poll(replace(done, update=replace(
                            done.update, next_poll=T0 + timedelta(hours=1))), 3600)
            finally:
                s.close()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=replica, args=(name, 50 if name != "r0" else None))
               for name in got]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    claims = [feed_id for ids in got.values() for feed_id in ids]
    assert len(claims) >= 60  # the replicas did claim, concurrently
    assert len(claims) == len(set(claims))  # never one feed by two


def test_a_story_reaching_replicas_at_once_alerts_once(opener):
    """Three replicas record, at the same moment, polls of their own feeds that carry one story
    (by its link, by its title and summary, by a near-identical text): one alert each time, with
    the three feeds as its sources; stories that share nothing are decided side by side."""
    import threading

    setup = opener("setup")
    setup.sync_feeds(FEEDS, T0)
    location = getattr(setup, "url", None) or setup.path  # type: ignore[attr-defined]
    rounds = 12

    def story(r: int, n: int) -> dict[str, str | None]:
        kind = r % 3
        if kind == 0:  # one link, three headlines
            return {"title": f"Maduro {r} headline {n}", "summary": f"words {r} {n}",
                    "link": f"https://news.example/{r}?utm_source={n}"}
        if kind == 1:  # one title and summary, no link
            return {"title": f"Maduro speaks {r}", "summary": f"Maduro said {r}.", "link": None}
        words = " ".join(f"word{r}x{w}" for w in range(40))  # each round's own story
        text = f"Maduro {words}" + (" today" if n else "")  # near duplicates
        return {"title": f"Maduro {r} report {n}", "summary": text, "link": None}

    start = threading.Barrier(3)
    errors: list[BaseException] = []

    def replica(n: int) -> None:
        try:
            s = open_store(location, replica=f"r{n}")
            try:
                for r in range(rounds):
                    at = T0 + timedelta(minutes=r)
                    it = item(f"f{n + 1}", guid=f"g{r}", **story(r, n))  # type: ignore[arg-type]
                    start.wait()
                    s.record_poll(intent(f"f{n + 1}", [it], at=at), 3600)
            finally:
                s.close()
        except BaseException as exc:  # reported below
            errors.append(exc)
            start.abort()

    threads = [threading.Thread(target=replica, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    alerts = setup.alerts()
    assert len(alerts) == rounds
    for a in alerts:
        assert sorted(s["feed_id"] for s in setup.alert_sources(a.alert_id)) == [
            "f1", "f2", "f3"]


def test_every_store_method_is_in_the_contract():
    """Each method of the Store protocol is called by a test in this file."""
    names = {n for n, _ in inspect.getmembers(Store) if not n.startswith("_")}
    names |= set(Store.__annotations__)
    source = Path(__file__).read_text()
    called = set(re.findall(r"\b(?:store|a|b|s)\.([a-z_]+)\b", source))
    assert names - called == set()
