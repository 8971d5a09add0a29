"""Poll one feed. The stages, in order:

1. fetch      fetch.Fetcher.fetch(FetchRequest)        → Fetched | NotModified   (FetchError)
2. unchanged  sha256 of the body equals the last one's  → stop: nothing to parse
3. parse      parse.parse_in_worker (a worker process)  → Parsed: new Items       (FeedParseError)
              given the keys the store holds for the feed, it returns only the entries it does
              not know (monitor/parse/: one expat pass, feedparser only where needed)
4. normalize  normalize.to_items, in the same call: workers return compact Items
5. dedupe     store.known_items: keys already seen in this feed are not new; a known key
              whose title, summary or content changed is an edit
6. match      match.Matcher.match on each new or edited item → MatchResult; for an edit,
              minus the entities and topics already alerted for that item (rematch.only_new)
7. alert      alerts.build_alert for each matched item  → AlertRecord (``edited`` for edits)
8. store      store.record_poll(PollIntent): feed state, items, matches and alerts in one
              transaction; the store drops alerts for a story already alerted from another feed
              (recording the feed as one more source). With ``article.fetch``, the new items'
              links are queued in the same transaction (articles.plan); monitor/articles.py
              fetches them later, never delaying the poll.
9. emit       alerts.AlertLog.drain (by the caller, after the commit)

Whatever happens, a FeedUpdate is recorded (status, error, next poll time). A FeedError is a
value in the outcome; any other exception is a bug: logged loudly, recorded on the feed, and the
daemon carries on (``strict`` re-raises it, for tests).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, Executor
from dataclasses import dataclass
from datetime import datetime

import structlog

from monitor import clock as _clock
from monitor import decide
from monitor.alerts import build_alert
from monitor.articles import plan as plan_articles
from monitor.config import Config, Feed
from monitor.exceptions import FeedError, FeedParseError, FetchError
from monitor.fetch import Fetcher
from monitor.match import Matcher
from monitor.rematch import only_new
from monitor.store.protocol import Store
from monitor.types import (
    FeedState,
    FeedUpdate,
    Fetched,
    FetchRequest,
    Hints,
    MatchedItem,
    NotModified,
    Parsed,
    PollIntent,
    PollOutcome,
)
from monitor.workers import ParsePool, parse_in_worker

log = structlog.get_logger(__name__)


# how many of a feed's stored keys a poll hands to the parser (the newest first): enough for
# any feed's window; an older key missing from it only costs the parser some work
RECENT_KEYS = 2000


@dataclass
class PollContext:
    """What a poll needs; the daemon swaps ``config`` and ``matcher`` on reload."""

    config: Config
    store: Store
    fetcher: Fetcher
    matcher: Matcher
    executor: Executor | None = None
    clock: Callable[[], datetime] = _clock.now
    strict: bool = False


async def poll_one(ctx: PollContext, feed: Feed, state: FeedState) -> PollOutcome:
    """Poll one feed end to end and record the result; never raises a FeedError."""
    started = time.monotonic()
    now = ctx.clock()
    timing: dict[str, float] = {}
    with structlog.contextvars.bound_contextvars(feed=feed.id):
        try:
            outcome, intent = await _poll(ctx, feed, state, now, timing)
        except FeedError as exc:
            outcome, intent = _failed(ctx, feed, state, now, exc)
        except Exception as exc:  # a bug: loud, recorded, and the daemon goes on
            if ctx.strict:
                raise
            log.critical("poll_crashed", url=state.url, exc_info=True)
            outcome, intent = _failed(ctx, feed, state, now, exc)
        created = ctx.store.record_poll(intent, ctx.config.settings.dedupe.window)
        outcome = PollOutcome(
            feed_id=feed.id,
            status=outcome.status,
            entries=outcome.entries,
            new=outcome.new,
            matched=outcome.matched,
            alerts=len(created),
            error=outcome.error,
            duration=round(time.monotonic() - started, 4),
            fetch_duration=round(timing.get("fetch", 0.0), 4),
        )
        log.log(
            poll_log_level(outcome, state),
            "polled",
            status=outcome.status,
            entries=outcome.entries,
            new=outcome.new,
            matched=outcome.matched,
            alerts=outcome.alerts,
            error=outcome.error,
            duration=outcome.duration,
            next_poll=intent.update.next_poll.isoformat(timespec="seconds"),
            errors_in_a_row=state.consecutive_errors + 1 if outcome.status == "error" else 0,
        )
        return outcome


QUIET_STATUSES = frozenset({"ok", "not_modified", "unchanged"})


def poll_log_level(outcome: PollOutcome, state: FeedState) -> int:
    """The level of a poll's ``polled`` line: info only when something happened.

    A failed poll is a warning; new items, alerts, a recovery after failures or any status
    other than ok / not modified / unchanged are info; a quiet poll (304, same bytes, nothing
    new) is debug, so a healthy daemon's log does not grow with the number of polls (the
    periodic ``poll_summary`` line and /metrics count those).
    """
    if outcome.status == "error":
        return logging.WARNING
    if (outcome.new or outcome.alerts or state.consecutive_errors
            or outcome.status not in QUIET_STATUSES):
        return logging.INFO
    return logging.DEBUG


def _policy(ctx: PollContext, feed: Feed) -> decide.Policy:
    d = ctx.config.defaults
    return decide.Policy(interval=feed.interval, jitter=d.jitter, max_backoff=d.max_backoff)


def _failed(
    ctx: PollContext, feed: Feed, state: FeedState, now: datetime, exc: Exception
) -> tuple[PollOutcome, PollIntent]:
    retry_after = exc.retry_after if isinstance(exc, FetchError) else None
    status = exc.status if isinstance(exc, FetchError) else None
    reason = exc.reason if isinstance(exc, FeedError) else f"internal error: {exc!r}"
    next_poll = decide.next_poll(
        now, _policy(ctx, feed), errors=state.consecutive_errors + 1,
        hints=Hints(retry_after=retry_after),
    )
    stopped = decide.stop_reason(status)
    if stopped:
        log.warning("feed_stopped", reason=stopped, url=state.url,
                    action=f"not polled again until its URL changes or "
                           f"`monitor feeds resume {feed.id}`")
    update = FeedUpdate(
        feed_id=feed.id,
        attempted_at=now,
        next_poll=next_poll,
        status="error",
        http_status=status,
        error=reason,
        stopped=stopped,
    )
    return PollOutcome(feed.id, "error", error=reason), PollIntent(update=update)


async def _poll(
    ctx: PollContext, feed: Feed, state: FeedState, now: datetime, timing: dict[str, float]
) -> tuple[PollOutcome, PollIntent]:
    request = FetchRequest(url=state.url, etag=state.etag, last_modified=state.last_modified)
    fetch_started = time.monotonic()
    try:
        result = await ctx.fetcher.fetch(request)
    finally:
        timing["fetch"] = time.monotonic() - fetch_started
    redirect = result.http.permanent_redirect
    adopt = decide.adopt_redirect(state, redirect)
    if adopt:
        log.info("redirect_adopted", old_url=state.url, new_url=redirect)

    def update(status: str, hints: Hints, **kw: object) -> FeedUpdate:
        return FeedUpdate(
            feed_id=feed.id,
            attempted_at=now,
            next_poll=decide.next_poll(now, _policy(ctx, feed), hints=hints),
            status=status,  # type: ignore[arg-type]
            http_status=result.http.status,
            redirect_url=redirect,
            adopt_url=adopt,
            hints=hints,
            **kw,  # type: ignore[arg-type]
        )

    headers = result.http.headers
    if isinstance(result, NotModified):
        hints = decide.carry_hints(state.hints, headers, not_modified=True)
        return PollOutcome(feed.id, "not_modified"), PollIntent(
            update=update("not_modified", hints)
        )
    assert isinstance(result, Fetched)
    body_hash = hashlib.sha256(result.body).hexdigest()
    validators = {"etag": result.etag, "last_modified": result.last_modified}
    if body_hash == state.body_hash:
        # a server that ignores conditional GET sent the same bytes again: nothing to parse
        return PollOutcome(feed.id, "unchanged"), PollIntent(
            update=update("ok", decide.carry_hints(state.hints, headers), body_hash=body_hash,
                          **validators)
        )
    headers = dict(headers)
    # parse only what is new or changed: the parser skips the entries whose keys the store
    # holds with the same digest of their bytes (an entry whose bytes changed may be an edit)
    stored = (ctx.store.recent_keys(feed.id, RECENT_KEYS)
              if state.body_hash is not None else {})
    ctx.matcher.prepare()  # a deferred compile runs while the parser works (Matcher.prepare)
    if ctx.executor is not None:
        args = (feed.id, result.http.url, result.body, headers, stored)
        try:
            if isinstance(ctx.executor, ParsePool):  # driven by this event loop's thread
                got = await ctx.executor.run(parse_in_worker, *args)
            else:
                got = await asyncio.get_running_loop().run_in_executor(
                    ctx.executor, parse_in_worker, *args)
        except BrokenExecutor as exc:  # the next parse starts new workers
            raise FeedParseError(
                result.http.url, "a parser worker process died (killed, out of memory or "
                "crashed) while this feed was being parsed; it is retried at the next poll",
            ) from exc
        if isinstance(got, BaseException):  # a FeedError or a ParserCrash, as a value
            raise got
        parsed: Parsed = got
    else:
        from monitor.parse import parse  # in this process only when there are no workers

        parsed = parse(feed.id, result.http.url, result.body, headers, stored)
    items, warning, ttl = parsed.items, parsed.warning, parsed.ttl_minutes
    if warning:
        log.info("feed_warning", warning=warning)
    keys = [i.key for i in items]
    known = ctx.store.known_items(feed.id, keys)
    new = decide.items_to_match(items, known)
    edited = decide.edited_items(items, known)
    matcher = ctx.matcher
    matched, alerts = [], []
    for item in new:
        res = matcher.match(item.fields())
        if res:
            matched.append(MatchedItem(item, res))
            alerts.append(build_alert(item, res, feed_name=feed.name,
                                      watchlist_version=matcher.version, detected_at=now))
    done = ctx.store.alerted_targets(edited) if edited else {}
    for item in edited:  # matched again: alert only on what was not alerted for it before
        res = only_new(matcher.match(item.fields()), done[(item.feed_id, item.key)])
        if res:
            matched.append(MatchedItem(item, res))
            alerts.append(build_alert(item, res, feed_name=feed.name, edited=True,
                                      watchlist_version=matcher.version, detected_at=now))
    if edited:
        log.info("items_edited", edited=len(edited))
    intent = PollIntent(
        update=update(
            "ok",
            decide.carry_hints(state.hints, headers, parsed=True, ttl=ttl * 60.0 if ttl else None),
            body_hash=body_hash, **validators,
        ),
        items=(*new, *edited),
        matched=tuple(matched),
        alerts=tuple(alerts),
        watchlist_version=matcher.version,
        entry_hashes={i.key: i.entry_hash for i in items
                      if i.entry_hash and (i.key not in stored or stored[i.key] != i.entry_hash)},
        articles=plan_articles(new, feed.article, now),
        seen_keys=parsed.keys,
    )
    outcome = PollOutcome(
        feed.id, "ok", entries=len(parsed.keys), new=len(new), matched=len(matched)
    )
    return outcome, intent
