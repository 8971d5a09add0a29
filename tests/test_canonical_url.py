"""canonical_url: the link an item is stored and deduplicated under."""

from __future__ import annotations

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
