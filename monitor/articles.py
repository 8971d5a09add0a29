"""Full text: fetch the page behind each new item, extract its main text, match it as ``body``.

    plan (pure, in the poll)       new items → ArticleRequest... (queued with the poll's commit)
    ArticleWorker.run_batch        store.due_articles → per URL: robots.txt → fetch (the feeds'
                                   Fetcher: SSRF check on every hop, size limit, timeouts,
                                   redirect limit, the same concurrency) → extract.extract (in a
                                   parser worker process) → match title, summary, content and body
                                   → body_result (pure) → build_alert → store.record_article

The item was matched on its feed text when it was polled; the body only adds what that did not
find. The queue is in the database, so a crash, a kill or a restart between the poll and the
article loses nothing: the row is still pending and is fetched by the next run.

Politeness: a page of another feed's item with the same canonical URL fetched within the dedupe
window is not fetched again (its stored text is used); at most ``per_poll`` pages per feed per
poll (the newest items; the oldest are dropped); items published more than ``max_age`` ago are
not fetched; all fetches start at most ``rate`` per second; robots.txt is honoured, cached per
host for a day (RFC 9309: a missing or 4xx robots.txt allows everything, an unreachable one or a
5xx disallows everything until it answers). Replicas of a shared store (PostgreSQL) keep the rate
and the robots.txt cache in the store, so they hold for all of them together.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import urllib.robotparser
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import BrokenExecutor, Executor, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import structlog

from monitor.alerts import build_alert
from monitor.config import ArticlePolicy, Config
from monitor.exceptions import FetchError
from monitor.fetch import Fetcher
from monitor.match import Matcher
from monitor.scheduler import Poller
from monitor.store.protocol import ArticleStore
from monitor.types import (
    AlertRecord,
    ArticleOutcome,
    ArticleRequest,
    EntityMatch,
    Fetched,
    FetchRequest,
    Item,
    MatchedItem,
    MatchResult,
    PendingArticle,
    RobotsTxt,
)

log = structlog.get_logger(__name__)

ACCEPT_HTML = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
ROBOTS_TTL = 86400.0  # seconds a host's robots.txt is kept
ROBOTS_RETRY = 600.0  # seconds before an unreachable robots.txt is asked again
ROBOTS_HOSTS = 4096  # hosts whose robots.txt is kept in memory (least recently used dropped)
BATCH = 64  # due articles taken from the store at once
IN_FLIGHT = 4  # URLs fetched and extracted at once: at most this many pages held in memory


# --- deciding (pure) ----------------------------------------------------------------------------


def plan(items: Sequence[Item], policy: ArticlePolicy | None, now: datetime) -> tuple[
    ArticleRequest, ...
]:
    """The pages to fetch for a poll's new items: http(s) links only, none published more than
    ``max_age`` ago, at most ``per_poll`` of them (the newest; the oldest are dropped first).
    An item without a date counts as new."""
    if policy is None:
        return ()
    oldest = now - timedelta(seconds=policy.max_age)
    fresh = [
        i for i in items
        if i.link and urlsplit(i.link).scheme in ("http", "https")
        and (i.published is None or i.published >= oldest)
    ]
    fresh.sort(key=lambda i: i.published or now, reverse=True)
    return tuple(ArticleRequest(i.feed_id, i.key, i.link or "") for i in fresh[: policy.per_poll])


def body_result(result: MatchResult, feed_targets: set[str]) -> MatchResult:
    """What the body added to a match of all the fields: the entities and topics that the
    feed's text alone did not match (``feed_targets``: entity ids and ``topic:`` ids), found in
    the body or thanks to it (a context term there). An entity hit only in the body is a
    ``mention``, whatever its count."""
    entities = []
    for e in result.entities:
        if e.entity_id in feed_targets:
            continue
        if all(h.field == "body" for h in e.hits) and e.salience != "mention":
            e = EntityMatch(e.entity_id, e.name, e.type, e.priority, "mention", e.hits)
        entities.append(e)
    topics = tuple(t for t in result.topics if "topic:" + t.topic_id not in feed_targets)
    return MatchResult(entities=tuple(entities), topics=topics)


def targets(result: MatchResult) -> set[str]:
    return {e.entity_id for e in result.entities} | {"topic:" + t.topic_id for t in result.topics}


def retry_at(now: datetime, attempts: int, delay: float) -> datetime:
    """Exponential backoff of a transient failure: delay, 2x delay, 4x delay..."""
    return now + timedelta(seconds=delay * 2**attempts)


# --- politeness ---------------------------------------------------------------------------------


class Rate:
    """At most ``per_second`` starts a second, for every caller together (spaced evenly).
    With a store shared by replicas (PostgreSQL), each start is reserved in the store, so the
    limit holds for all the replicas together; else in this process."""

    def __init__(self, per_second: float, store: ArticleStore | None = None,
                 clock: Callable[[], datetime] | None = None) -> None:
        self.interval = 1.0 / per_second
        self.store, self.clock = store, clock
        self._next = 0.0
        self._lock = asyncio.Lock()

    async def wait(self) -> None:
        if self.store is not None and self.clock is not None:
            now = self.clock()
            start = self.store.take_article_start(now, self.interval)
            delay = (start - now).total_seconds()
        else:
            async with self._lock:
                mono = time.monotonic()
                delay = self._next - mono
                self._next = max(mono, self._next) + self.interval
        if delay > 0:
            await asyncio.sleep(delay)


@dataclass
class _Robots:
    parser: urllib.robotparser.RobotFileParser | None  # None: unreachable, nothing fetched
    expires: float


class RobotsCache:
    """robots.txt per scheme://host:port, fetched with the same Fetcher and kept a day. With a
    store shared by replicas, what one replica fetched is kept in the store for the others."""

    def __init__(self, fetcher: Fetcher, agent: str, store: ArticleStore | None = None,
                 clock: Callable[[], datetime] | None = None) -> None:
        self.fetcher = fetcher
        self.agent = agent.split("/")[0]  # the product token: feed-monitor
        self.store, self.clock = store, clock
        self._hosts: OrderedDict[str, _Robots] = OrderedDict()
        self._locks: dict[str, asyncio.Lock] = {}

    async def allowed(self, url: str) -> bool:
        """Whether robots.txt lets us fetch ``url``; FetchError while the host's robots.txt is
        unreachable (RFC 9309: then nothing of the host is fetched)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        entry = self._hosts.get(origin)
        if entry is None or entry.expires < time.monotonic():
            lock = self._locks.setdefault(origin, asyncio.Lock())
            async with lock:
                entry = self._hosts.get(origin)
                if entry is None or entry.expires < time.monotonic():
                    entry = await self._load(origin)
                    self._hosts[origin] = entry
                    while len(self._hosts) > ROBOTS_HOSTS:
                        self._hosts.popitem(last=False)
            self._locks.pop(origin, None)
        self._hosts.move_to_end(origin)
        if entry.parser is None:
            raise FetchError(url, "robots.txt of the host is unreachable; retried later")
        return entry.parser.can_fetch(self.agent, url)

    async def _load(self, origin: str) -> _Robots:
        """The host's robots.txt: kept by another replica (shared store), else fetched."""
        if self.store is None or self.clock is None:  # not shared: this process's cache only
            return _robots(*await self._fetch(origin))
        now = self.clock()
        kept = self.store.robots_txt(origin, now)
        if kept is not None:
            return _robots(kept.text, (kept.expires - now).total_seconds())
        text, ttl = await self._fetch(origin)
        self.store.keep_robots_txt(RobotsTxt(origin, text, now + timedelta(seconds=ttl)), now)
        return _robots(text, ttl)

    async def _fetch(self, origin: str) -> tuple[str | None, float]:
        """robots.txt's text ("": none) or None (unreachable), and for how many seconds."""
        try:
            got = await self.fetcher.fetch(FetchRequest(
                origin + "/robots.txt", accept="text/plain", max_bytes=500 * 1024))
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                return "", ROBOTS_TTL  # no robots.txt: everything allowed
            log.info("robots_unreachable", origin=origin, error=exc.reason)
            return None, ROBOTS_RETRY  # unreachable: ask again in 10 min
        body = got.body if isinstance(got, Fetched) else b""
        return body.decode("utf-8", "replace"), ROBOTS_TTL


def _robots(text: str | None, ttl: float) -> _Robots:
    return _Robots(None if text is None else _parse(text), time.monotonic() + ttl)


def _page_type(content_type: str) -> bool:
    """HTML, XHTML, text, or a server that does not say (octet-stream): worth extracting."""
    kind = content_type.split(";")[0].strip().lower()
    return not kind or kind.startswith("text/") or "html" in kind or "xml" in kind \
        or kind == "application/octet-stream"


def _parse(text: str) -> urllib.robotparser.RobotFileParser:
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(text.splitlines())
    return parser


# --- doing --------------------------------------------------------------------------------------


@dataclass
class ArticleStats:
    fetched: int = 0
    reused: int = 0  # same URL fetched within the dedupe window
    failed: int = 0
    skipped: int = 0  # robots.txt
    alerts: list[AlertRecord] = field(default_factory=list)

    def add(self, other: ArticleStats) -> None:
        self.fetched += other.fetched
        self.reused += other.reused
        self.failed += other.failed
        self.skipped += other.skipped
        self.alerts += other.alerts

    @property
    def done(self) -> int:
        return self.fetched + self.reused + self.failed + self.skipped


class ArticleWorker:
    """Works the article queue: ``run_batch`` takes what is due and finishes it."""

    def __init__(
        self,
        config: Config,
        store: object,  # monitor.store.Store
        fetcher: Fetcher,
        matcher: Matcher,
        executor: Executor | None,
        clock: Callable[[], datetime],
        hosts: Poller | None = None,
    ) -> None:
        """``hosts``: the poller whose per-host limit the page fetches share."""
        self.config, self.store, self.fetcher, self.matcher = config, store, fetcher, matcher
        self.hosts = hosts
        self.executor = executor
        self.clock = clock
        # replicas of a shared store share the rate and robots.txt through it
        shared = store if getattr(store, "shared", False) else None
        self.rate = Rate(config.defaults.article.rate, shared, clock)  # type: ignore[arg-type]
        self.robots = RobotsCache(fetcher, fetcher.settings.user_agent,
                                  shared, clock)  # type: ignore[arg-type]

    @property
    def enabled(self) -> bool:
        return any(f.article is not None for f in self.config.feeds)

    async def run_batch(self) -> ArticleStats:
        """Fetch, extract, match and record the due articles (at most BATCH); the pages of one
        URL are fetched once."""
        stats = ArticleStats()
        self.rate.interval = 1.0 / self.config.defaults.article.rate  # a reload may change it
        window = self.config.settings.dedupe.window
        due = self.store.due_articles(self.clock(), window, BATCH)  # type: ignore[attr-defined]
        by_url: dict[str, list[PendingArticle]] = {}
        for p in due:
            by_url.setdefault(p.url, []).append(p)
        slots = asyncio.Semaphore(IN_FLIGHT)

        async def one(url: str, group: list[PendingArticle]) -> None:
            async with slots:
                await self._one_url(url, group, stats)

        await asyncio.gather(*(one(url, group) for url, group in by_url.items()))
        return stats

    async def _one_url(self, url: str, group: list[PendingArticle], stats: ArticleStats) -> None:
        first = group[0]
        text = first.known_text
        error: FetchError | None = None
        robots_refused = False
        if text is None:
            try:
                async with self._host_slot(url):
                    allowed = await self.robots.allowed(url)
                    got = await self._fetch(url) if allowed else None
                if not allowed:
                    robots_refused = True
                elif got is not None:
                    text = await self._extract(url, got)
            except FetchError as exc:
                error = exc
        for n, p in enumerate(group):
            with structlog.contextvars.bound_contextvars(feed=p.item.feed_id):
                outcome = self._outcome(p, text, error, robots_refused)
                if outcome.status == "done":  # one fetch for the URL; the others reuse it
                    if n == 0 and first.known_text is None:
                        stats.fetched += 1
                    else:
                        stats.reused += 1
                elif outcome.status in ("failed", "retry"):
                    stats.failed += 1
                elif outcome.status == "skipped":
                    stats.skipped += 1
                created = self.store.record_article(  # type: ignore[attr-defined]
                    outcome, self.config.settings.dedupe.window)
                stats.alerts += created
                emit = log.info if created or outcome.status != "done" else log.debug
                emit("article", url=url, status=outcome.status, error=outcome.error,
                     chars=len(text) if text is not None else None, alerts=len(created))

    def _host_slot(self, url: str) -> contextlib.AbstractAsyncContextManager[None]:
        if self.hosts is None:
            return contextlib.nullcontext()
        return self.hosts.host_slot(url)

    async def _fetch(self, url: str) -> Fetched:
        await self.rate.wait()
        got = await self.fetcher.fetch(FetchRequest(
            url, accept=ACCEPT_HTML, max_bytes=self.config.defaults.article.max_size))
        if not isinstance(got, Fetched):  # a 304 to an unconditional GET: nothing to read
            raise FetchError(url, "HTTP 304 to an unconditional request", transient=False)
        ctype = got.http.headers.get("content-type", "")
        if not _page_type(ctype):
            raise FetchError(url, f"not a web page (Content-Type: {ctype})", transient=False)
        return got

    async def _extract(self, url: str, got: Fetched) -> str:
        ctype = got.http.headers.get("content-type", "")
        from monitor.extract import extract  # lxml and the extractors: only when used

        loop = asyncio.get_running_loop()
        if self.executor is None:
            # lxml parsers must not be shared between threads (both extractors keep one at
            # module level): one thread extracts, one page at a time
            self.executor = ThreadPoolExecutor(1, thread_name_prefix="extract")
        try:
            return await loop.run_in_executor(self.executor, extract, got.body, ctype)
        except BrokenExecutor as exc:  # the next page starts a new process
            raise FetchError(url, "the extraction process died (killed, out of memory or "
                             "crashed) on this page") from exc

    def _outcome(
        self, p: PendingArticle, text: str | None, error: FetchError | None, robots: bool
    ) -> ArticleOutcome:
        now = self.clock()
        item = p.item
        if robots:
            return ArticleOutcome(item.feed_id, item.key, "skipped", now,
                                  error="disallowed by robots.txt")
        if error is not None or text is None:
            reason = error.reason if error is not None else "no text"
            a = self.config.defaults.article
            if error is not None and error.transient and p.attempts < a.retries:
                return ArticleOutcome(item.feed_id, item.key, "retry", now, error=reason,
                                      next_attempt=retry_at(now, p.attempts, a.retry_delay))
            return ArticleOutcome(item.feed_id, item.key, "failed", now, error=reason)
        matcher = self.matcher
        fields = item.fields()
        feed_found = targets(matcher.match(fields))
        new = body_result(matcher.match({**fields, "body": text}), feed_found)
        alerts: tuple[AlertRecord, ...] = ()
        matched = None
        if new:
            matched = MatchedItem(item, new)
            feed = next((f for f in self.config.feeds if f.id == item.feed_id), None)
            alerts = (build_alert(
                item, new, feed_name=feed.name if feed else item.feed_id,
                watchlist_version=matcher.version, detected_at=now, body=text,
            ),)
        return ArticleOutcome(item.feed_id, item.key, "done", now, text=text, matched=matched,
                              alerts=alerts, watchlist_version=matcher.version)


__all__ = ["ArticleWorker", "body_result", "plan"]
