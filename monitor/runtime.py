"""What a run needs, loaded and checked as one: the config and its compiled watchlist."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from monitor.config import AppriseSink, Config, Feed, load_config, local_file
from monitor.match import Matcher
from monitor.watchlist import Watchlist, load_watchlists
from monitor.watchlist_cache import Cache, cache_path


@dataclass(frozen=True)
class Runtime:
    """A validated config with its compiled watchlist: swapped whole on reload."""

    config: Config
    watchlist: Watchlist
    matcher: Matcher
    # the cache to write once a deferred compile has run (None: read from it, or written)
    cache: Cache | None = field(default=None, compare=False, repr=False)

    def save_compiled(self) -> None:
        """Keep a deferred compile in the watchlist cache, if it has run (`poll-once`, at its
        end: a poll where every feed answered 304 compiled nothing and writes nothing, nor one
        whose matcher was read from the cache)."""
        if self.cache is not None and self.matcher.compiled and not self.matcher.cached:
            self.cache.save(self.watchlist, self.matcher)

    @cached_property
    def feeds(self) -> dict[str, Feed]:
        """Feeds by id (built once: the daemon looks one up per poll)."""
        return {f.id: f for f in self.config.feeds}

    def files(self) -> list[Path]:
        """The files whose change reloads the daemon: the config, the watchlists, and each
        watchlist folder with its YAML files (a file added to the folder changes its mtime)."""
        out = [self.config.path]
        for path in self.config.watchlists:
            out.append(path)
            if path.is_dir():
                out += sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml"))
        return out


def check_startable(config: Config) -> None:
    """What a run needs beyond a well-formed file: feeds to poll, the local feed files, sink
    URLs that Apprise knows. The one place for these checks: check-config, run, poll-once and
    a reload all call it (through ``load_runtime``), so check-config rejects exactly what
    start-up rejects."""
    settings = config.settings
    if not config.feeds:
        why = ("every feed is disabled (enabled: false)" if settings.feeds
               else "the feeds: list is empty")
        raise config.error(f"no feeds to poll: {why}; add or enable at least one", ("feeds",))
    enabled = [i for i, f in enumerate(settings.feeds) if f.enabled]
    for i, feed in zip(enabled, config.feeds, strict=True):
        path = local_file(feed.url)
        if path is not None and not path.is_file():
            raise config.error(
                f"local feed file {path} does not exist (relative paths are relative to "
                f"{config.path.resolve().parent})", ("feeds", i, "url"))
    for i, sink in enumerate(settings.sinks):
        if isinstance(sink, AppriseSink):
            from monitor.sinks import apprise_client, unknown_apprise_url

            _client, bad = apprise_client(sink)
            if bad is not None:
                raise config.error(unknown_apprise_url(sink, bad), ("sinks", i, "urls", bad))


def load_runtime(config_path: str | Path, *, compile_later: bool = False,
                 on_config: Callable[[Config], None] | None = None) -> Runtime:
    """Load and check everything a run needs; raise ConfigError naming the file and line.
    ``compile_later``: the matcher compiles when first needed (``Matcher.compile_later``;
    compiling checks nothing more), and ``Runtime.save_compiled`` caches it; or, from a
    cache, is read from it when first needed (``Cache.load_later``). ``on_config``:
    called with the checked config before the watchlist is loaded (the CLI sets up logging
    there). The compiled watchlist comes from its cache when the watchlist files and the code
    are those it was compiled from (``monitor.watchlist_cache``); else it is loaded, checked
    and compiled here, and cached."""
    config = load_config(config_path)
    check_startable(config)
    # the file's parsed data and the line of each key serve the checks above (errors name the
    # line); a run keeps neither (~0.7 KB a feed: 1.4 MB of a daemon with 2,000 feeds), nor the
    # feeds as validated (``config.feeds`` holds what a run uses: ~0.6 KB a feed more)
    config = replace(config, doc=None,
                     settings=config.settings.model_copy(update={"feeds": ()}))
    if on_config is not None:
        on_config(config)
    cache = Cache(config.watchlists, cache_path(config.database))
    if compile_later:  # the matcher read from the cache when first needed, if it has it
        cached = cache.load_later()
        if cached is not None:
            return Runtime(config, *cached, cache)
    else:
        cached = cache.load()
        if cached is not None:
            return Runtime(config, *cached)
    watchlist = load_watchlists(config.watchlists)
    if compile_later:
        return Runtime(config, watchlist, Matcher.compile_later(watchlist), cache)
    matcher = Matcher.compile(watchlist)
    cache.save(watchlist, matcher)
    return Runtime(config, watchlist, matcher)
