"""Full text: the page behind each new item, fetched, extracted and matched as ``body``.

Real parts: pages of Mozilla Readability's test suite (../shared/corpus/articles/readability)
served by a real HTTP server on 127.0.0.1 as the links of a local feed, real SQLite files,
`monitor poll-once` in process and `monitor run` as a subprocess killed between the poll and the
article.
"""

from __future__ import annotations

import signal
import sqlite3
import threading
import zlib
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner

from monitor.alerts import build_alert
from monitor.articles import body_result, plan
from monitor.cli import cli
from monitor.config import ArticlePolicy, load_config
from monitor.exceptions import ConfigError
from monitor.store import open_store
from monitor.types import ArticleOutcome, EntityMatch, Hit, MatchResult, PollIntent

from builders import item as make_item
from daemon_helpers import Daemon, alert_lines, write_config
from feedserver import FeedServer

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "articles" / "readability"
PAGES = ["bbc-1", "lemonde-1", "la-nacion", "heise", "wapo-1"]
PLANTED = b"Officials said Tren de Aragua ran the network. "
HTML = "text/html; charset=utf-8"
NOW = datetime.now(UTC)


def page(name: str, planted: bytes = b"") -> bytes:
    """A real page; ``planted`` goes into a paragraph of its main text."""
    if not CORPUS.is_dir():
        pytest.skip(f"article corpus not found at {CORPUS} (../shared/corpus is absent)")
    src = (CORPUS / name / "source.html").read_bytes()
    if not planted:
        return src
    i = src.find(b"<p>", len(src) // 3) + 3
    return src[:i] + planted + src[i:]


def rss(entries: list[tuple[str, str, str, datetime]]) -> bytes:
    """(guid, title, link, published) → an RSS document."""
    items = "".join(
        f"<item><guid isPermaLink='false'>{g}</guid><title>{escape(t)}</title>"
        f"<link>{escape(link)}</link><pubDate>{format_datetime(p)}</pubDate>"
        "<description>A story from our correspondent.</description></item>"
        for g, t, link, p in entries
    )
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>t"
            f"</title><link>http://example.org/</link>{items}</channel></rss>").encode()


def config(tmp_path: Path, feeds: dict[str, str], article: str = "fetch: true, rate: 100",
           interval: str = "1s") -> Path:
    path = write_config(tmp_path, feeds, interval=interval)
    text = path.read_text().replace("parse_workers: 0,",
                                    f"parse_workers: 0, article: {{{article}}},")
    path.write_text(text)
    return path


def publish(server: FeedServer, planted: str = "la-nacion") -> None:
    """A feed of the five pages; the watchlist name Tren de Aragua is only in one page's body,
    and Marco Rubio in one item's title and its page."""
    server.set("/robots.txt", b"User-agent: *\nDisallow: /private/\n", "text/plain")
    entries = []
    for n, name in enumerate(PAGES):
        body = page(name, PLANTED if name == planted else b"")
        if name == "lemonde-1":
            body = page(name, b"Marco Rubio spoke about it. ")
        server.set(f"/news/{name}.html", body, HTML)
        title = "Marco Rubio visits the region" if name == "lemonde-1" else f"Story {n}"
        entries.append((f"g{n}", title, server.url(f"/news/{name}.html"), NOW - timedelta(hours=n)))
    server.set("/feed.xml", rss(entries))


def run_poll_once(cfg: Path) -> None:
    res = CliRunner().invoke(cli, ["poll-once", "--config", str(cfg)])
    assert res.exit_code == 0, res.output


def entity_alerts(log: Path, entity: str) -> list[dict]:
    return [a for a in alert_lines(log) if entity in [e["id"] for e in a["entities"]]]


# --- deciding ---------------------------------------------------------------------------------


def test_plan_keeps_the_newest_within_the_budget_and_age() -> None:
    """At most per_poll pages per poll, the oldest dropped first; items older than max_age,
    and links that are not http(s), are not fetched; no policy, nothing."""
    items = [
        make_item(guid=f"g{n}", link=f"https://example.org/{n}")
        for n in range(5)
    ]
    items = [
        type(i)(**{**{s: getattr(i, s) for s in i.__slots__},
                   "published": NOW - timedelta(hours=n)})
        for n, i in enumerate(items)
    ]
    policy = ArticlePolicy(per_poll=2, max_age=3.5 * 3600)
    assert [r.item_key for r in plan(items, policy, NOW)] == ["g0", "g1"]
    wide = ArticlePolicy(per_poll=10, max_age=3.5 * 3600)
    assert [r.item_key for r in plan(items, wide, NOW)] == ["g0", "g1", "g2", "g3"]
    local = make_item(guid="f", link="file:///etc/passwd")
    assert plan([local], wide, NOW) == ()
    assert plan(items, None, NOW) == ()


def _entity(eid: str, *fields: str, salience: str = "about") -> EntityMatch:
    hits = tuple(Hit(eid, f, 0, 3, eid) for f in fields)
    return EntityMatch(eid, eid, "organization", "high", salience, hits)  # type: ignore[arg-type]


def test_body_result_keeps_only_what_the_feed_text_did_not_find() -> None:
    """Entities found in the feed's text are dropped; one hit only in the body is a mention
    even when named twice; one the feed's text matches only with the body's context is kept
    as it is."""
    full = MatchResult(entities=(
        _entity("a", "title", "body"), _entity("b", "body", "body"), _entity("c", "summary"),
    ))
    new = body_result(full, {"a"})
    assert [(e.entity_id, e.salience) for e in new.entities] == [("b", "mention"),
                                                                 ("c", "about")]


def test_a_body_only_mention_is_below_a_summary_mention() -> None:
    """Severity: high entity named once in the summary → medium; only in the body → low."""
    it = make_item()
    summary = MatchResult(entities=(_entity("x", "summary", salience="mention"),))
    body = MatchResult(entities=(_entity("x", "body", salience="mention"),))
    a = build_alert(it, summary, feed_name="f", watchlist_version="v", detected_at=NOW)
    b = build_alert(it, body, feed_name="f", watchlist_version="v", detected_at=NOW,
                    body="xxx and more text")
    assert (a.severity, b.severity) == ("medium", "low")
    assert b.payload["found_in"] == "body" and "found_in" not in a.payload
    assert b.payload["snippet"].startswith("xxx")


# --- config -----------------------------------------------------------------------------------


def test_config_defaults_and_per_feed_override(tmp_path: Path) -> None:
    """``defaults.article`` applies to every feed; a feed's ``article`` overrides it; a bad
    value names the file, line and key."""
    cfg = config(tmp_path, {"a": "http://example.org/a.xml", "b": "http://example.org/b.xml"},
                 article="fetch: true, per_poll: 3, max_age: 1d")
    text = cfg.read_text().replace("url: 'http://example.org/b.xml'}",
                                   "url: 'http://example.org/b.xml', article: {fetch: false}}")
    cfg.write_text(text)
    feeds = {f.id: f for f in load_config(cfg).feeds}
    assert feeds["a"].article == ArticlePolicy(per_poll=3, max_age=86400.0)
    assert feeds["b"].article is None
    cfg.write_text(text.replace("per_poll: 3", "per_poll: 0"))
    with pytest.raises(ConfigError, match=r"monitor.yaml:\d+: defaults.article.per_poll"):
        load_config(cfg)


# --- store ------------------------------------------------------------------------------------


def test_store_queues_compresses_and_drops_the_text(tmp_path: Path) -> None:
    """The queue row commits with the poll; the text is stored zlib-compressed, read back
    whole, dropped once older than the dedupe window, and the row goes when retention purges
    its item."""
    from monitor.types import ArticleRequest

    from builders import T0, intent

    store = open_store(tmp_path / "m.db")
    store.sync_feeds(load_config(config(tmp_path, {"f1": "http://example.org/f"})).feeds, NOW)
    it = make_item(feed_id="f1", guid="g1", link="https://example.org/story")
    base = intent("f1", [it])
    store.record_poll(PollIntent(update=base.update, items=base.items, articles=(
        ArticleRequest("f1", it.key, it.link or ""),)), 3600)
    [due] = store.due_articles(NOW + timedelta(seconds=1), 3600, 10)
    assert due.item.key == it.key and due.known_text is None
    text = "Tren de Aragua " * 2000
    store.record_article(ArticleOutcome("f1", it.key, "done", NOW, text=text), 3600)
    assert store.article_text("f1", it.key) == text
    assert store.due_articles(NOW + timedelta(seconds=1), 3600, 10) == []
    db = sqlite3.connect(tmp_path / "m.db")
    [(blob,)] = db.execute("SELECT text FROM articles").fetchall()
    assert len(blob) < len(text) / 20 and zlib.decompress(blob).decode() == text
    # a later article, two hours on, drops texts older than the one-hour window
    other = make_item(feed_id="f1", guid="g2", link="https://example.org/other")
    b2 = intent("f1", [other], at=T0 + timedelta(hours=1))
    store.record_poll(PollIntent(update=b2.update, items=b2.items, articles=(
        ArticleRequest("f1", other.key, other.link or ""),)), 3600)
    store.record_article(ArticleOutcome("f1", other.key, "failed", NOW + timedelta(hours=2),
                                        error="HTTP 404"), 3600)
    assert store.article_text("f1", it.key) is None
    # retention purges the first item (first seen at T0): its article row goes with it
    purged = store.purge_expired(NOW, items_before=T0 + timedelta(minutes=30), alerts_before=None)
    assert purged.items == 1
    assert [r[0] for r in db.execute("SELECT item_key FROM articles")] == [other.key]
    store.close()


# --- poll-once over real pages ------------------------------------------------------------------


def test_poll_once_alerts_on_a_name_only_in_the_body(tmp_path: Path, feed_server) -> None:
    """One poll: Marco Rubio (title) alerts at once from the feed's text; Tren de Aragua, only
    in a page's body, alerts once with field body; Rubio again in his page adds nothing; every
    page is fetched once and robots.txt once; explain --item shows the body hit."""
    publish(feed_server)
    cfg = config(tmp_path, {"news": feed_server.url("/feed.xml")})
    run_poll_once(cfg)
    log = tmp_path / "alerts.jsonl"
    [tda] = entity_alerts(log, "tren-de-aragua")
    assert tda["found_in"] == "body" and tda["severity"] == "low"
    hits = tda["entities"][0]["hits"]
    assert hits and {h["field"] for h in hits} == {"body"}
    assert tda["entities"][0]["salience"] == "mention"
    assert "Tren de Aragua" in tda["snippet"]
    [rubio] = entity_alerts(log, "marco-rubio")
    assert "found_in" not in rubio
    for name in PAGES:
        assert len(feed_server.requests_for(f"/news/{name}.html")) == 1
    assert len(feed_server.requests_for("/robots.txt")) == 1
    run_poll_once(cfg)  # nothing new: no page fetched again, no alert again
    assert len(feed_server.requests_for("/news/la-nacion.html")) == 1
    assert len(entity_alerts(log, "tren-de-aragua")) == 1
    ref = f"news:{tda['item_key']}"
    res = CliRunner().invoke(cli, ["explain", "--config", str(cfg), "--item", ref])
    assert res.exit_code == 0, res.output
    assert "tren-de-aragua: matched" in res.output and "body[" in res.output


def test_poll_once_extracts_in_worker_processes(tmp_path: Path, feed_server) -> None:
    """With parser workers, poll-once parses the feeds in them, then extracts the pages in
    processes of its own (as many as the parser workers plus one): every page is done and the
    name only in a body alerts once."""
    publish(feed_server)
    cfg = config(tmp_path, {"news": feed_server.url("/feed.xml")})
    cfg.write_text(cfg.read_text().replace("parse_workers: 0,", "parse_workers: 1,"))
    assert "parse_workers: 1," in cfg.read_text()
    run_poll_once(cfg)
    [tda] = entity_alerts(tmp_path / "alerts.jsonl", "tren-de-aragua")
    assert tda["found_in"] == "body"
    db = sqlite3.connect(tmp_path / "monitor.db")
    statuses = [r[0] for r in db.execute("SELECT status FROM articles")]
    db.close()
    assert statuses == ["done"] * len(PAGES)


def test_replicas_of_a_shared_store_fetch_robots_txt_once(tmp_path: Path, feed_server,
                                                          pg_url: str) -> None:
    """On PostgreSQL, a host's robots.txt fetched by one replica is kept in the store: a second
    daemon (a new process would do the same) fetching pages of that host reads it from there,
    and its page fetches are reserved against the same rate."""
    publish(feed_server)
    cfg = config(tmp_path, {"news": feed_server.url("/feed.xml")})
    cfg.write_text(cfg.read_text().replace(f"  database: {tmp_path / 'monitor.db'}",
                                           f"  database: '{pg_url}'"))
    assert pg_url in cfg.read_text()
    run_poll_once(cfg)
    assert len(feed_server.requests_for("/robots.txt")) == 1
    feed_server.set("/news/more.html", page("heise", PLANTED), HTML)
    feed_server.set("/news/private.html", page("bbc-1"), HTML)
    feed_server.set("/private/no.html", page("bbc-1"), HTML)
    feed_server.set("/more.xml", rss([
        ("m1", "More", feed_server.url("/news/more.html"), NOW),
        ("m2", "Not here", feed_server.url("/private/no.html"), NOW),
    ]))
    text = cfg.read_text().replace("feeds:\n", "feeds:\n  - {id: more, url: '"
                                   + feed_server.url("/more.xml") + "'}\n", 1)
    cfg.write_text(text)
    run_poll_once(cfg)  # another daemon's worker: its robots.txt comes from the store
    assert len(feed_server.requests_for("/news/more.html")) == 1
    assert feed_server.requests_for("/private/no.html") == []  # the kept rules still apply
    assert len(feed_server.requests_for("/robots.txt")) == 1
    store = open_store(pg_url)
    try:
        assert store.robots_txt(feed_server.url("/")[:-1], datetime.now(UTC)) is not None
    finally:
        store.close()


def test_one_fetch_per_url_across_feeds_and_politeness(tmp_path: Path, feed_server) -> None:
    """A story carried by three feeds is fetched once and alerts once; a page robots.txt
    disallows is not fetched; an item older than max_age is not fetched; a page over
    max_size is refused without being read whole."""
    feed_server.set("/robots.txt", b"User-agent: *\nDisallow: /private/\n", "text/plain")
    feed_server.set("/news/story.html", page("la-nacion", PLANTED), HTML)
    feed_server.set("/private/secret.html", page("heise", PLANTED), HTML)
    feed_server.set("/news/old.html", page("bbc-1", PLANTED), HTML)
    feed_server.set("/news/big.html", page("wapo-1") + b"<p>x</p>" * 400_000, HTML)
    story = feed_server.url("/news/story.html")
    feeds = {}
    for n in range(3):
        feed_server.set(f"/f{n}.xml", rss([(f"s{n}", f"Report {n}", story, NOW)]))
        feeds[f"f{n}"] = feed_server.url(f"/f{n}.xml")
    feed_server.set("/other.xml", rss([
        ("p", "Private", feed_server.url("/private/secret.html"), NOW),
        ("o", "Old", feed_server.url("/news/old.html"), NOW - timedelta(days=5)),
        ("b", "Big", feed_server.url("/news/big.html"), NOW),
    ]))
    feeds["other"] = feed_server.url("/other.xml")
    cfg = config(tmp_path, feeds, article="fetch: true, rate: 100, max_size: 1MB")
    run_poll_once(cfg)
    assert len(feed_server.requests_for("/news/story.html")) == 1
    assert feed_server.requests_for("/private/secret.html") == []
    assert feed_server.requests_for("/news/old.html") == []
    assert len(entity_alerts(tmp_path / "alerts.jsonl", "tren-de-aragua")) == 1
    db = sqlite3.connect(tmp_path / "monitor.db")
    rows = dict(db.execute("SELECT item_key, status || ': ' || coalesce(error, '') "
                           "FROM articles WHERE feed_id = 'other'").fetchall())
    assert rows["p"] == "skipped: disallowed by robots.txt"
    assert rows["b"].startswith("failed: response too large")
    assert "o" not in rows
    statuses = [r[0] for r in db.execute("SELECT status FROM articles WHERE url = ?", [story])]
    assert statuses == ["done"] * 3


def test_a_failing_page_never_delays_or_loses_the_item(tmp_path: Path, feed_server) -> None:
    """A page answering 500 leaves the item matched on its feed text at once; the fetch is
    retried later (still pending); a 404 and a PDF give up; while a host's robots.txt answers
    503 none of its pages is fetched, and they wait (pending) too."""
    feed_server.status("/news/down.html", 500)
    feed_server.status("/news/gone.html", 404)
    feed_server.set("/news/paper.pdf", b"%PDF-1.4 Tren de Aragua", "application/pdf")
    feed_server.set("/robots.txt", b"", "text/plain")
    with FeedServer() as other:
        other.status("/robots.txt", 503)
        other.set("/story.html", page("heise", PLANTED), HTML)
        feed_server.set("/feed.xml", rss([
            ("d", "Marco Rubio speaks", feed_server.url("/news/down.html"), NOW),
            ("g", "Another story", feed_server.url("/news/gone.html"), NOW),
            ("p", "A paper", feed_server.url("/news/paper.pdf"), NOW),
            ("r", "Elsewhere", other.url("/story.html"), NOW),
        ]))
        cfg = config(tmp_path, {"news": feed_server.url("/feed.xml")})
        run_poll_once(cfg)
        assert other.requests_for("/story.html") == []
    assert len(entity_alerts(tmp_path / "alerts.jsonl", "marco-rubio")) == 1
    assert entity_alerts(tmp_path / "alerts.jsonl", "tren-de-aragua") == []
    db = sqlite3.connect(tmp_path / "monitor.db")
    rows = {k: (s, a) for k, s, a in db.execute("SELECT item_key, status, attempts FROM articles")}
    assert rows == {"d": ("pending", 1), "g": ("failed", 1), "p": ("failed", 1),
                    "r": ("pending", 1)}


# --- the daemon, killed between the poll and the article ------------------------------------------


@pytest.mark.slow
def test_kill_between_poll_and_article_loses_nothing(tmp_path: Path) -> None:
    """`monitor run` polls the feed (the item commits, its page queued), is killed with SIGKILL
    while the page is still loading; the next run fetches the page and alerts once, with
    field body."""
    with FeedServer() as server:
        publish(server)
        body = page("la-nacion", PLANTED)
        arrived = threading.Event()

        def hang(handler: object) -> None:  # the page never comes while the first run lives
            arrived.set()
            server._stopping.wait(60)

        server.route("/news/la-nacion.html", hang)
        cfg = config(tmp_path, {"news": server.url("/feed.xml")}, interval="1h")
        cfg.write_text(cfg.read_text().replace("read_timeout: 2s, total_timeout: 5s",
                                               "read_timeout: 60s, total_timeout: 90s"))
        d = Daemon(cfg, tmp_path)
        d.wait_for(arrived.is_set, what="page requested")
        assert d.count("polled") == 1
        d.signal(signal.SIGKILL)
        d.proc.wait(10)
        d._err.close()
        db = sqlite3.connect(tmp_path / "monitor.db")
        pending = db.execute("SELECT count(*) FROM articles WHERE status = 'pending'").fetchone()
        assert pending[0] >= 1
        assert entity_alerts(tmp_path / "alerts.jsonl", "tren-de-aragua") == []
        server.set("/news/la-nacion.html", body, HTML)
        d2 = Daemon(cfg, tmp_path, name="second")
        d2.wait_for(lambda: entity_alerts(tmp_path / "alerts.jsonl", "tren-de-aragua"),
                    what="body alert")
        assert d2.stop() == 0
    [tda] = entity_alerts(tmp_path / "alerts.jsonl", "tren-de-aragua")
    assert {h["field"] for h in tda["entities"][0]["hits"]} == {"body"}
    [rubio] = entity_alerts(tmp_path / "alerts.jsonl", "marco-rubio")
    assert "found_in" not in rubio


def test_rematch_reads_the_stored_body(tmp_path: Path, feed_server) -> None:
    """A watchlist grown after the poll finds a name only in a stored page's body: `monitor
    rematch` alerts once, marked found in the body."""
    publish(feed_server)
    feed_server.set("/news/heise.html", page("heise", b"Operation Nightjar began. "), HTML)
    cfg = config(tmp_path, {"news": feed_server.url("/feed.xml")})
    run_poll_once(cfg)
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "watchlist: extra\nentities:\n  - id: nightjar\n    name: Operation Nightjar\n"
        "    type: event\n    priority: high\n    aliases: [Operation Nightjar]\n"
    )
    text = cfg.read_text()
    cfg.write_text(text.replace("watchlists: [", f"watchlists: [{extra}, "))
    res = CliRunner().invoke(cli, ["rematch", "--config", str(cfg), "--since", "1d"])
    assert res.exit_code == 0, res.output
    run_poll_once(cfg)  # writes the alert log
    [alert] = entity_alerts(tmp_path / "alerts.jsonl", "nightjar")
    assert alert["found_in"] == "body"
    assert {h["field"] for h in alert["entities"][0]["hits"]} == {"body"}


def test_pages_share_the_per_host_limit(tmp_path: Path, feed_server) -> None:
    """With ``per_host: 1`` the pages of one host are fetched one at a time, though four may
    be in flight across hosts: the article fetches count against the polls' per-host limit."""
    feed_server.set("/robots.txt", b"", "text/plain")
    entries = []
    for n in range(4):
        feed_server.slow(f"/news/{n}.html", 0.3, page("heise"))
        entries.append((f"g{n}", f"Story {n}", feed_server.url(f"/news/{n}.html"), NOW))
    feed_server.set("/feed.xml", rss(entries))
    cfg = config(tmp_path, {"news": feed_server.url("/feed.xml")})
    cfg.write_text(cfg.read_text().replace("parse_workers: 0,", "parse_workers: 0, per_host: 1,"))
    run_poll_once(cfg)
    assert all(len(feed_server.requests_for(f"/news/{n}.html")) == 1 for n in range(4))
    assert feed_server.max_concurrent == 1
