"""The pipeline's decisions, as pure functions: data in, data out, no clock, store or network.

    next_poll(now, policy, errors, hints)   when to poll a feed again
    rescheduled(last, interval, hints)      when, after its interval changed in the config
    hints_from_headers(headers)             what an HTTP response says about freshness
    carry_hints(stored, ...)                which hints a poll keeps for the next ones
    stop_reason(http_status)                whether an answer stops a feed for good (410)
    adopt_redirect(state, redirect)         whether a permanent redirect becomes the feed's URL
    items_to_match(items, known)            which parsed items are new, so matched and stored
    edited_items(items, known)              which parsed items were seen before and changed

``pipeline.py`` calls them; ``tests/test_decide.py`` holds each rule in a table.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Literal

from monitor.types import FeedState, Hints, Item, KnownItem

MAX_SERVER_HINT = 24 * 3600.0  # never wait longer than a day because a server said so
MIN_DELAY = 1.0  # even a zero interval waits this long: no busy loop
GONE = 410
ADOPT_REDIRECT_AFTER = 3  # polls in a row that saw the same permanent redirect
NO_HINTS = Hints()

_MAX_AGE = re.compile(r"(?:^|,)\s*max-age\s*=\s*\"?(\d+)\"?\s*(?:,|$)", re.IGNORECASE)
_NO_CACHE = re.compile(r"(?:^|,)\s*(?:no-cache|no-store)\s*(?:[=,]|$)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Policy:
    """How often a feed is polled, from the config (``defaults`` and the feed's ``interval``)."""

    interval: float  # seconds between polls of a healthy feed
    jitter: float = 0.1  # ± this fraction of the delay, so feeds spread out
    max_backoff: float = 6 * 3600.0  # the longest wait after failures in a row
    max_hint: float = MAX_SERVER_HINT  # the longest wait a server hint can impose


def next_poll(
    now: datetime,
    policy: Policy,
    *,
    errors: int = 0,
    hints: Hints = NO_HINTS,
    rng: Callable[[], float] = random.random,
) -> datetime:
    """The next poll time of a feed polled at ``now``.

    - healthy (``errors`` 0): ``interval`` give or take ``jitter``;
    - after ``errors`` failures in a row: ``interval * 2**(errors-1)``, capped at
      ``max(max_backoff, interval)``, with the same jitter;
    - server hints push the time later, never earlier, and never more than ``max_hint``:
      a healthy feed honours ``ttl`` and ``fresh_for``; a failing one ``retry_after`` only
      (a cache lifetime says nothing about when a broken server recovers);
    - at least ``MIN_DELAY`` after ``now``.
    """
    delay = policy.interval
    if errors > 0:
        delay = min(policy.interval * 2 ** min(errors - 1, 30),
                    max(policy.max_backoff, policy.interval))
    delay *= 1 + policy.jitter * (2 * rng() - 1)
    said = (hints.retry_after,) if errors > 0 else (hints.ttl, hints.fresh_for,
                                                     hints.retry_after)
    hint = max((h for h in said if h), default=0.0)
    delay = max(delay, min(hint, policy.max_hint), MIN_DELAY)
    return now + timedelta(seconds=delay)


def rescheduled(
    last_attempt: datetime, interval: float, hints: Hints, max_hint: float = MAX_SERVER_HINT
) -> datetime:
    """The next poll of a healthy feed whose ``interval`` was changed in the config: as if it
    had been polled at the new interval (no jitter), the kept hints still pushing it later.
    It may be in the past: the feed is then due at once."""
    hint = max((h for h in (hints.ttl, hints.fresh_for) if h), default=0.0)
    return last_attempt + timedelta(seconds=max(interval, min(hint, max_hint), MIN_DELAY))


def hints_from_headers(headers: Mapping[str, str]) -> float | None:
    """Seconds the response stays fresh by its own headers (lower-case names), or None.

    ``Cache-Control: max-age`` wins over ``Expires`` (RFC 9111 5.3), less the ``Age`` a cache
    in between already spent; ``Expires`` counts from the response's ``Date`` (the server's
    clock, so a skewed local clock does not matter). ``no-cache`` and ``no-store`` mean no
    hint, as does a lifetime of zero or an unreadable value. ``s-maxage`` is for shared
    caches, which this client is not.
    """
    cc = headers.get("cache-control", "")
    if cc and _NO_CACHE.search(cc):
        return None
    m = _MAX_AGE.search(cc) if cc else None
    if m:
        age = headers.get("age", "").strip()
        lifetime = float(m.group(1)) - (float(age) if age.isdigit() else 0.0)
        return lifetime if lifetime > 0 else None
    expires = _http_date(headers.get("expires"))
    if expires is None:
        return None
    date = _http_date(headers.get("date"))
    if date is None:
        return None
    lifetime = (expires - date).total_seconds()
    return lifetime if lifetime > 0 else None


def _http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def carry_hints(
    stored: Hints,
    headers: Mapping[str, str],
    *,
    not_modified: bool = False,
    parsed: bool = False,
    ttl: float | None = None,
) -> Hints:
    """The hints of a successful poll, to schedule it and to keep for the next polls.

    - ``ttl`` belongs to the document: a poll that ``parsed`` it takes the document's (None if
      the feed dropped its ``<ttl>``); a 304 or an unchanged body keeps the stored one;
    - ``fresh_for`` belongs to the response: a 200 takes its headers' (None without any); a
      304 takes its own when it carries some, else keeps the stored one (a 304 updates the
      cached response's headers, RFC 9111 4.3.4).
    """
    fresh = hints_from_headers(headers)
    if fresh is None and not_modified:
        fresh = stored.fresh_for
    return Hints(ttl=ttl if parsed else stored.ttl, fresh_for=fresh)


def stop_reason(http_status: int | None) -> Literal["gone"] | None:
    """``"gone"`` when the answer means the feed will never come back (410 Gone): it is then
    not polled again until its URL changes or an operator resumes it."""
    return "gone" if http_status == GONE else None


def adopt_redirect(state: FeedState, redirect: str | None) -> str | None:
    """The URL to poll from now on: a permanent redirect (301, 308) seen on this poll and the
    ``ADOPT_REDIRECT_AFTER - 1`` polls before it, to the same place; None otherwise (one
    misconfigured answer does not move a feed)."""
    if not redirect:
        return None
    seen_before = state.redirect_count if state.redirect_url == redirect else 0
    return redirect if seen_before + 1 >= ADOPT_REDIRECT_AFTER else None


def items_to_match(items: Iterable[Item], known: Container[str]) -> tuple[Item, ...]:
    """The items to match, store and alert on: those whose key the feed has not shown before,
    each key once (a document repeating an entry yields it once, the first time it appears).
    An item seen before is not new; ``edited_items`` says which of those changed."""
    seen: set[str] = set()
    out = []
    for item in items:
        if item.key in known or item.key in seen:
            continue
        seen.add(item.key)
        out.append(item)
    return tuple(out)


def edited_items(items: Iterable[Item], known: Mapping[str, KnownItem]) -> tuple[Item, ...]:
    """The items the feed has shown before whose title, summary or content changed since (their
    content hash differs from the stored one), each key once: they are matched again, and alert
    only for entities and topics not alerted for them before (``rematch.only_new``)."""
    seen: set[str] = set()
    out = []
    for item in items:
        stored = known.get(item.key)
        if stored is None or item.key in seen or stored.content_hash == item.content_hash:
            continue
        seen.add(item.key)
        out.append(item)
    return tuple(out)
