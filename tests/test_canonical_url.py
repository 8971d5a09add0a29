"""canonical_url: the link an item is stored and deduplicated under."""

from __future__ import annotations

import re

import pytest

from monitor.normalize import canonical_url


@pytest.mark.parametrize(("given", "expected"), [
    ("HTTPS://Example.ORG:443/a?utm_source=x&b=1#frag", "https://example.org/a?b=1"),
    ("http://example.org:80", "http://example.org/"),
    ("http://example.org:8080/a", "http://example.org:8080/a"),
    ("https://example.org:80/a", "https://example.org:80/a"),
    # IPv6 literals keep their brackets (without them the port reads as part of the address)
    ("http://[2001:db8::1]:8080/a", "http://[2001:db8::1]:8080/a"),
    ("http://[2001:DB8::1]/a?fbclid=z", "http://[2001:db8::1]/a"),
    ("https://[2001:db8::1]:443/", "https://[2001:db8::1]/"),
])
def test_http_links_are_canonical(given, expected):
    """Scheme and host lower-cased, default port, fragment and tracking parameters dropped."""
    assert canonical_url(given) == expected


@pytest.mark.parametrize("opaque", [
    "at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3kxyz",
    "mailto:Desk@Example.org",
    "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a",
    "tag:example.org,2025:Post/1#x",
    "ftp://Example.org/File.txt#frag",
])
def test_other_schemes_are_left_as_written(opaque):
    """A link in another scheme (Bluesky's at://, mailto:, urn:) is kept byte for byte: no
    host or port is read into it."""
    assert canonical_url(opaque) == opaque
    assert canonical_url(f"  {opaque}\n") == opaque


def test_a_port_that_is_not_a_number_keeps_the_link_as_written():
    """Nothing is dropped from a link whose port cannot be read."""
    assert canonical_url("http://example.org:abc/a") == "http://example.org:abc/a"


def test_links_canonical_as_written_are_returned_as_they_are():
    """The shortcut for links already canonical (a query of plain pairs included, unless it has
    a tracking parameter) gives what the full path gives, on 200,000
    random links made of the parts that matter (case, ports, users, queries, fragments,
    tracking parameters, odd characters), and it is taken for most plain ones."""
    import random

    from monitor import normalize

    rng = random.Random(3)
    schemes = ["http", "https", "HTTP", "Https", "ftp"]
    hosts = ["ex.org", "EX.org", "a-b.c0", "[::1]", "user@ex.org", "ex.org:80", "ex.org:443",
             "ex.org:8080", "ex.org:x", "", "é.org", "ex.org."]
    paths = ["", "/", "/a", "/a/b.html", "//a", "/a%20b", "/é", "/a b", "/a\tb", "/a;p", "/A~_-.",
             "/a&b=c"]
    tails = ["", "?", "?a=1", "?utm_source=x", "?a=1&fbclid=2", "#f", "?a=1#f", "#", "?a b",
             "?a=1&b=2", "?A.b=~", "?at_x=1", "?UTM_Medium=1&a=", "?a", "?a=1&", "?a=1&&b=2",
             "?a=1?b=2", "?x=%20", "?a=1;b=2"]
    shortcut = normalize._CANONICAL
    taken = 0
    for _ in range(200_000):
        url = (f"{rng.choice(schemes)}://{rng.choice(hosts)}{rng.choice(paths)}"
               f"{rng.choice(tails)}")
        fast = normalize.canonical_url(url)
        normalize._CANONICAL = re.compile(r"(?!)")  # never: the full path
        try:
            assert normalize.canonical_url(url) == fast, url
        finally:
            normalize._CANONICAL = shortcut
        taken += bool(shortcut.match(url.strip()))
    assert taken >= 1_000
