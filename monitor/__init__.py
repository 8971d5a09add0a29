"""monitor: a feed-monitoring daemon that matches news items against a watchlist."""

from monitor.exceptions import (
    ConfigError,
    FeedError,
    MonitorError,
    StorageError,
    WatchlistError,
)

__version__ = "0.1.0"
__all__ = [
    "ConfigError",
    "FeedError",
    "MonitorError",
    "StorageError",
    "WatchlistError",
    "__version__",
]
