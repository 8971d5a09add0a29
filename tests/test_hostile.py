"""Hostile and broken feeds against a running daemon: it keeps running, the other feeds keep
being polled, each failure is recorded on its feed with a readable reason, memory stays bounded."""

from __future__ import annotations

import random
import sqlite3
import time
from datetime import UTC, datetime
from email.utils import format_datetime

from daemon_helpers import Daemon, alert_lines, write_config
from feedgen import make_items, rss

GOOD_ITEM = b"<item><guid>x1</guid><title>Maduro speaks</title></item>"
RSS_HEAD = b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>laughs</title>
<item><guid>l1</guid><title>&lol9;</title><description>Nicolas Maduro</description></item>
</channel></rss>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>xxe</title>
<item><guid>s1</guid><title>Leak &secret; Maduro</title><description>x</description></item>
</channel></rss>"""


def peak_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


def test_hostile_feeds_fail_alone_with_reasons(tmp_path, feed_server):
    """Every hostile case is recorded on its own feed; the good feed alerts; memory bounded
    (the bound: 400 MB for the daemon with a 20 MB single item under max_body_size 32MB)."""
    s = feed_server
    rng = random.Random(3)
    good = make_items("good", 0, 6, rng, mention_rate=1.0)
    s.set("/good.xml", rss("good", good))
    s.drip("/drip.xml", RSS_HEAD + GOOD_ITEM * 50, interval=1.0)
    s.endless("/endless.xml")
    s.gzip_bomb("/bomb.xml")
    s.redirect("/loop-a.xml", "/loop-b.xml")
    s.redirect("/loop-b.xml", "/loop-a.xml")
    s.status("/500.xml", 500)
    s.status("/503.xml", 503)
    s.status("/429s.xml", 429, {"Retry-After": "3600"})
    later = format_datetime(datetime.fromtimestamp(time.time() + 7200, UTC), usegmt=True)
    s.status("/429d.xml", 429, {"Retry-After": later})
    s.status("/404.xml", 404)
    s.status("/410.xml", 410)
    s.set("/html.xml", b"<!doctype html><html><head><title>Home</title></head><body><p>Hi"
          b"</p></body></html>", content_type="text/html")
    s.set("/empty.xml", b"")
    s.set("/truncated.xml", RSS_HEAD + GOOD_ITEM + b"<item><guid>x2</guid><title>Tren de Ara")
    s.set("/charset.xml", RSS_HEAD.replace(b"utf-8", b"iso-8859-1") + "<item><guid>c1</guid>"
          "<title>Cártel de los Soles</title></item></channel></rss>".encode(),
          content_type="application/rss+xml; charset=us-ascii")
    s.set("/nocharset.xml", b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
          + "<item><guid>n1</guid><title>Cártel del Golfo</title></item></channel></rss>"
          .encode("latin-1"), content_type="application/xml")
    s.set("/badutf8.xml", RSS_HEAD + b"<item><guid>u1</guid><title>Maduro \xff\xfe ok</title>"
          b"</item></channel></rss>")
    s.set("/laughs.xml", BILLION_LAUGHS)
    s.set("/xxe.xml", XXE)
    big = b"x" * (20 * 1024 * 1024)
    s.set("/big.xml", RSS_HEAD + b"<item><guid>b1</guid><title>Big Maduro</title><description>"
          + big + b"</description></item></channel></rss>")
    names = ["good", "drip", "endless", "bomb", "loop-a", "500", "503", "429s", "429d", "404",
             "410", "html", "empty", "truncated", "charset", "nocharset", "badutf8", "laughs",
             "xxe", "big"]
    feeds = {"h-" + n.replace("-", ""): s.url(f"/{n}.xml") for n in names}
    cfg = write_config(tmp_path, feeds, interval="2s")
    cfg.write_text(cfg.read_text().replace(
        "total_timeout: 5s}", "total_timeout: 5s, max_body_size: 32MB}"))
    d = Daemon(cfg, tmp_path)
    log = tmp_path / "alerts.jsonl"
    d.wait_for(lambda: len(alert_lines(log)) >= len(good), timeout=60, what="good alerts")

    def polled(feed_id):
        return sum(1 for e in d.events() if e.get("event") == "polled" and e["feed"] == feed_id)


    # every feed has been tried, the good one more than once (the others did not block it)
    d.wait_for(lambda: all(polled(f) >= 1 for f in feeds) and polled("h-good") >= 3,
               timeout=60, what="every feed polled")
    peak = peak_rss_mb(d.proc.pid)
    assert d.proc.poll() is None, "the daemon died"
    assert d.stop() == 0

    db = sqlite3.connect(tmp_path / "monitor.db")
    db.row_factory = sqlite3.Row
    rows = {r["id"]: r for r in db.execute("SELECT * FROM feeds")}
    errors = {k: (r["last_error"] or "") for k, r in rows.items()}
    expect_error = {
        "drip": "time", "endless": "large", "bomb": "large", "loopa": "redirect",
        "500": "500", "503": "503", "429s": "429", "429d": "429", "404": "404",
        "410": "gone", "html": "html", "empty": "empty",
    }
    rows = {k.removeprefix("h-"): v for k, v in rows.items()}
    errors = {k.removeprefix("h-"): v for k, v in errors.items()}
    print(f"\npeak RSS of the daemon: {peak:.0f} MB")
    for k in sorted(errors):
        print(f"  {k:10} {rows[k]['last_status']:>12}  {errors[k][:100]}")
    for feed_id, needle in expect_error.items():
        assert rows[feed_id]["last_status"] == "error", feed_id
        assert needle in errors[feed_id].lower(), (feed_id, errors[feed_id])
    # Retry-After (seconds and HTTP date) pushed the next poll out
    for feed_id, wait in (("429s", 3600), ("429d", 7000)):
        next_poll = datetime.fromisoformat(rows[feed_id]["next_poll"].replace("Z", "+00:00"))
        last = datetime.fromisoformat(rows[feed_id]["last_attempt"].replace("Z", "+00:00"))
        assert (next_poll - last).total_seconds() >= wait, feed_id
    # recoverable documents yield their readable entries (then 304 on later polls)
    for feed_id in ("truncated", "charset", "nocharset", "badutf8", "big", "good"):
        assert rows[feed_id]["last_status"] in ("ok", "not_modified"), (feed_id, errors[feed_id])
        assert rows[feed_id]["last_success"], feed_id
    # (a bare <guid> is a permalink: feedparser makes it absolute against the feed's URL)
    keys = {(r[0].removeprefix("h-"), r[1].rsplit("/", 1)[-1])
            for r in db.execute("SELECT feed_id, key FROM items")}
    assert {("truncated", "x1"), ("charset", "c1"), ("nocharset", "n1"), ("badutf8", "u1"),
            ("big", "b1")} <= keys
    # the entity bombs neither expanded nor read a local file
    titles = [r[0] for r in db.execute("SELECT title FROM items")]
    assert not any("root:" in t or "lollol" in t for t in titles)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert peak < 400, f"peak RSS {peak:.0f} MB"
