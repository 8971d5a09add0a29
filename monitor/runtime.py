"""What a run needs, loaded and checked as one: the config and its compiled watchlist."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from monitor.config import Config, Feed, load_config
from monitor.match import Matcher
from monitor.watchlist import Watchlist, load_watchlists


@dataclass(frozen=True)
class Runtime:
    """A validated config with its compiled watchlist: swapped whole on reload."""

    config: Config
    watchlist: Watchlist
    matcher: Matcher

    @cached_property
    def feeds(self) -> dict[str, Feed]:
        """Feeds by id (built once: the daemon looks one up per poll)."""
        return {f.id: f for f in self.config.feeds}

    def files(self) -> list[Path]:
        return [self.config.path, *self.config.watchlists]


def load_runtime(config_path: str | Path) -> Runtime:
    """Load and check everything a run needs; raise ConfigError naming the file and line."""
    config = load_config(config_path)
    watchlist = load_watchlists(config.watchlists)
    return Runtime(config, watchlist, Matcher.compile(watchlist))
