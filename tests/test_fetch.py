"""The fetch stage against a real HTTP server on 127.0.0.1 (tests/feedserver.py); no mocks.

The server lives on loopback, so most tests set allow_private_networks=True; the SSRF tests
leave it at its default.
"""

from __future__ import annotations

import asyncio
import socket
import time
import tracemalloc
import zlib
from email.utils import formatdate

import pytest

from monitor import fetch as fetch_module
from monitor.exceptions import FetchError
from monitor.fetch import Fetcher, FetchSettings, parse_retry_after
from monitor.types import Fetched, FetchRequest, NotModified

FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Test feed</title>
<item><guid>1</guid><title>First</title></item>
</channel></rss>
"""


def run(*requests: FetchRequest | str, **settings: object) -> list[Fetched | NotModified]:
    """Fetch in one Fetcher, concurrently; loopback allowed unless the test says otherwise."""
    s = FetchSettings(**{"allow_private_networks": True, **settings})  # type: ignore[arg-type]

    async def go() -> list[Fetched | NotModified]:
        async with Fetcher(s) as f:
            reqs = [FetchRequest(r) if isinstance(r, str) else r for r in requests]
            return list(await asyncio.gather(*(f.fetch(r) for r in reqs)))

    return asyncio.run(go())


def fetch(request: FetchRequest | str, **settings: object) -> Fetched | NotModified:
    return run(request, **settings)[0]


def fetch_error(request: FetchRequest | str, **settings: object) -> FetchError:
    with pytest.raises(FetchError) as info:
        fetch(request, **settings)
    return info.value


# --- the ordinary path ---------------------------------------------------------------------------


def test_second_fetch_with_validators_is_not_modified(feed_server):
    """An unchanged feed costs a 304 on the second poll: the validators are sent back."""
    feed_server.set("/a.xml", FEED)
    first = fetch(feed_server.url("/a.xml"))
    assert isinstance(first, Fetched) and first.body == FEED
    assert first.http.status == 200 and first.etag and first.last_modified
    assert first.http.headers["etag"] == first.etag  # plain dict, lower-case keys

    second = fetch(FetchRequest(feed_server.url("/a.xml"), first.etag, first.last_modified))
    assert isinstance(second, NotModified) and second.http.status == 304
    last = feed_server.requests[-1]
    assert last.headers["If-None-Match"] == first.etag
    assert last.headers["If-Modified-Since"] == first.last_modified and last.status == 304


def test_if_modified_since_alone_gives_304(feed_server):
    """A server without ETags still answers 304 to If-Modified-Since."""
    feed_server.set("/a.xml", FEED)
    first = fetch(feed_server.url("/a.xml"))
    again = fetch(FetchRequest(feed_server.url("/a.xml"), last_modified=first.last_modified))
    assert isinstance(again, NotModified)


def test_changed_feed_is_fetched_again(feed_server):
    """After the feed changes, the old validators get the new body, not a 304."""
    feed_server.set("/a.xml", FEED)
    first = fetch(feed_server.url("/a.xml"))
    feed_server.set("/a.xml", FEED.replace(b"First", b"Second"))
    second = fetch(FetchRequest(feed_server.url("/a.xml"), first.etag, first.last_modified))
    assert isinstance(second, Fetched) and b"Second" in second.body


def test_server_ignoring_validators_sends_the_full_body(feed_server):
    """A server that ignores conditional GET costs a full download, not an error."""
    feed_server.set("/a.xml", FEED, conditional=False)
    first = fetch(feed_server.url("/a.xml"))
    again = fetch(FetchRequest(feed_server.url("/a.xml"), first.etag, first.last_modified))
    assert isinstance(again, Fetched) and again.body == first.body
    assert feed_server.requests[-1].headers["If-None-Match"] == first.etag


def test_gzip_body_is_decoded_and_user_agent_sent(feed_server):
    """A gzip-compressed feed arrives decoded; the server sees our descriptive User-Agent."""
    feed_server.set("/a.xml", FEED * 50)
    got = fetch(feed_server.url("/a.xml"))
    assert got.body == FEED * 50
    assert got.http.headers["content-encoding"] == "gzip"
    req = feed_server.requests[0]
    assert "gzip" in req.headers["Accept-Encoding"]
    assert req.headers["User-Agent"].startswith("feed-monitor/")
    assert "+https://" in req.headers["User-Agent"]


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS], ids=["zlib", "raw"])
def test_deflate_body_is_decoded(feed_server, wbits):
    """"deflate" bodies are decoded whether the server wraps them in zlib or sends raw deflate."""
    c = zlib.compressobj(6, zlib.DEFLATED, wbits)
    body = c.compress(FEED * 20) + c.flush()
    feed_server.route("/d.xml", lambda h: h.send_simple(
        200, body, {"Content-Encoding": "deflate", "Content-Type": "application/rss+xml"}))
    assert fetch(feed_server.url("/d.xml")).body == FEED * 20


def test_local_file_url_and_plain_path(tmp_path):
    """A feed can be a local file, as file:// URL or plain path; a missing one is a clear error."""
    path = tmp_path / "feed one.xml"
    path.write_bytes(FEED)
    for url in (path.as_uri(), str(path)):
        got = fetch(url)
        assert isinstance(got, Fetched) and got.body == FEED and got.http.status == 200
        assert got.etag is None and got.last_modified is None
    err = fetch_error(str(tmp_path / "missing.xml"))
    assert "no such file" in err.reason and err.transient is False
    big = tmp_path / "big.xml"
    big.write_bytes(b" " * 5000)
    assert "too large" in fetch_error(str(big), max_bytes=4096).reason


# --- redirects -----------------------------------------------------------------------------------


def test_temporary_redirect_is_followed_but_not_adopted(feed_server):
    """A 302 is followed; the feed keeps its URL (no permanent redirect reported)."""
    feed_server.set("/new.xml", FEED)
    feed_server.redirect("/old.xml", "/new.xml", 302)
    got = fetch(feed_server.url("/old.xml"))
    assert got.body == FEED and got.http.url == feed_server.url("/new.xml")
    assert got.http.permanent_redirect is None


def test_permanent_redirect_chain_is_reported(feed_server):
    """301 then 308 then 200: the fetch reports the URL the feed moved to for good."""
    feed_server.redirect("/a.xml", "/b.xml", 301)
    feed_server.redirect("/b.xml", feed_server.url("/c.xml"), 308)
    feed_server.set("/c.xml", FEED)
    assert fetch(feed_server.url("/a.xml")).http.permanent_redirect == feed_server.url("/c.xml")
    # a temporary hop after the permanent one: only the permanent part is adopted
    feed_server.redirect("/b.xml", "/c.xml", 302)
    assert fetch(feed_server.url("/a.xml")).http.permanent_redirect == feed_server.url("/b.xml")


def test_redirect_limit_and_loop(feed_server):
    """A chain longer than max_redirects, or a loop, fails with a clear reason."""
    for i in range(7):
        feed_server.redirect(f"/r{i}", f"/r{i + 1}", 302)
    feed_server.set("/r7", FEED)
    err = fetch_error(feed_server.url("/r0"), max_redirects=5)
    assert "too many redirects" in err.reason and err.transient is False
    assert fetch(feed_server.url("/r0"), max_redirects=7).body == FEED

    feed_server.redirect("/x", "/y", 301)
    feed_server.redirect("/y", "/x", 301)
    err = fetch_error(feed_server.url("/x"))
    assert "redirect loop" in err.reason
    assert len(feed_server.requests_for("/x")) == 1  # noticed at once, not after 5 hops


# --- server errors and hints -------------------------------------------------------------------


def test_retry_after_seconds_and_http_date(feed_server):
    """429/503 with Retry-After (seconds or HTTP date) tell the scheduler how long to wait."""
    feed_server.status("/s.xml", 429, {"Retry-After": "120"})
    err = fetch_error(feed_server.url("/s.xml"))
    assert (err.status, err.transient, err.retry_after) == (429, True, 120)
    feed_server.status("/d.xml", 503, {"Retry-After": formatdate(time.time() + 300, usegmt=True)})
    err = fetch_error(feed_server.url("/d.xml"))
    assert err.status == 503 and err.transient and 290 <= err.retry_after <= 300
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


@pytest.mark.parametrize(("code", "transient", "words"), [
    (500, True, "HTTP 500"), (503, True, "HTTP 503"), (502, True, "HTTP 502"),
    (404, False, "HTTP 404 Not Found"), (410, False, "gone"), (403, False, "HTTP 403"),
])
def test_status_codes_are_classified(feed_server, code, transient, words):
    """5xx are worth retrying soon; 404, 410 (gone) and other 4xx are not."""
    feed_server.status("/x.xml", code)
    err = fetch_error(feed_server.url("/x.xml"))
    assert err.status == code and err.transient is transient and words in err.reason
    assert err.retry_after is None


def test_connection_refused_is_readable():
    """Nothing listening on the port: a transient FetchError that says it could not connect."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    err = fetch_error(f"http://127.0.0.1:{port}/feed.xml")
    assert "could not connect" in err.reason and err.transient
    assert err.__cause__ is not None and "aiohttp" not in type(err).__module__


def test_unresolvable_host_is_readable():
    """A host name that does not resolve is a transient error, without leaking aiohttp types."""
    err = fetch_error("http://no-such-host.invalid/feed.xml", allow_private_networks=False)
    assert "DNS lookup failed" in err.reason and err.transient


# --- hostile servers -----------------------------------------------------------------------------


def test_body_over_max_bytes_is_refused(feed_server):
    """A body past max_bytes stops the download, announced (Content-Length) or not (endless)."""
    feed_server.set("/big.xml", b" " * 300_000, gzip=False)
    err = fetch_error(feed_server.url("/big.xml"), max_bytes=100_000)
    assert "too large" in err.reason and "announced 300000" in err.reason
    assert not err.transient

    feed_server.endless("/endless.xml")
    started = time.monotonic()
    err = fetch_error(feed_server.url("/endless.xml"), max_bytes=1 << 20)
    assert "too large" in err.reason and time.monotonic() - started < 5


def test_gzip_bomb_stops_at_the_limit_with_bounded_memory(feed_server):
    """A 1 GiB gzip bomb is cut at max_bytes (1 MiB) of inflated data; peak memory stays < 8 MiB."""
    feed_server.gzip_bomb("/bomb.xml", size=1 << 30)
    tracemalloc.start()
    try:
        started = time.monotonic()
        err = fetch_error(feed_server.url("/bomb.xml"), max_bytes=1 << 20)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "too large" in err.reason and "after decompression" in err.reason
    # peak counts the server thread too (1 MiB of zeros it compresses from)
    assert peak < 8 << 20, f"peak {peak / 2**20:.1f} MiB"
    assert time.monotonic() - started < 10


def test_drip_server_ends_within_total_timeout(feed_server):
    """A server that sends one byte a second cannot hold a poll past total_timeout."""
    feed_server.drip("/drip.xml", FEED)
    started = time.monotonic()
    err = fetch_error(feed_server.url("/drip.xml"), total_timeout=2, read_timeout=5)
    elapsed = time.monotonic() - started
    assert "total_timeout" in err.reason and err.transient
    assert 1.5 < elapsed < 4


def test_slow_response_hits_read_timeout(feed_server):
    """A server that accepts but does not answer hits the read timeout, with a readable reason."""
    feed_server.slow("/slow.xml", 10, FEED)
    err = fetch_error(feed_server.url("/slow.xml"), read_timeout=0.5)
    assert "timed out" in err.reason and err.transient


# --- SSRF ----------------------------------------------------------------------------------------


def test_loopback_refused_by_default_and_allowed_with_the_flag(feed_server):
    """By default a feed on 127.0.0.1 is refused, saying how to allow it; the flag allows it."""
    feed_server.set("/a.xml", FEED)
    err = fetch_error(feed_server.url("/a.xml"), allow_private_networks=False)
    assert "refused: 127.0.0.1 is a loopback address" in err.reason
    assert "allow_private_networks: true" in err.reason and not err.transient
    assert feed_server.requests == []  # refused before connecting
    err = fetch_error("http://localhost:1/feed.xml", allow_private_networks=False)
    assert "loopback address" in err.reason
    assert fetch(feed_server.url("/a.xml"), allow_private_networks=True).body == FEED


@pytest.mark.parametrize(("target", "words"), [
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
    ("http://10.1.2.3/feed.xml", "10.1.2.3 is a private address"),
    ("http://[::ffff:192.168.0.1]/", "192.168.0.1 is a private address"),
    ("file:///etc/passwd", "refused: file scheme"),
])
def test_redirect_to_a_private_address_is_refused(feed_server, monkeypatch, target, words):
    """A public feed that redirects to an internal address (cloud metadata, LAN) is refused."""
    real = fetch_module._non_public
    # the test server is on loopback: let 127.0.0.1 count as public for this test only
    monkeypatch.setattr(fetch_module, "_non_public",
                        lambda a: None if str(a) == "127.0.0.1" else real(a))
    feed_server.redirect("/a.xml", target, 302)
    err = fetch_error(feed_server.url("/a.xml"), allow_private_networks=False)
    assert words in err.reason and not err.transient


def test_non_http_scheme_refused():
    """Only http and https URLs are fetched over the network."""
    assert "refused: ftp scheme" in fetch_error("ftp://example.com/feed.xml").reason


def test_proxy_from_the_environment_and_no_proxy(feed_server, monkeypatch):
    """HTTP_PROXY is honoured (read once per Fetcher), and NO_PROXY bypasses it for its hosts."""
    feed_server.set("/a.xml", FEED)
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy", "NO_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", feed_server.url(""))
    via_proxy = "http://feeds.invalid/a.xml"  # resolvable only by the proxy
    got = fetch(via_proxy)
    assert isinstance(got, Fetched) and got.body == FEED
    assert [r.path for r in feed_server.requests if r.path.startswith("http://")] == [via_proxy]

    monkeypatch.setenv("NO_PROXY", "feeds.invalid")
    err = fetch_error(via_proxy)
    assert "DNS lookup failed" in err.reason and err.transient
