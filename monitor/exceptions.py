"""The exception tree. Every error a user can cause or a feed can throw is a MonitorError.

MonitorError
├── ConfigError          a config or watchlist file is wrong: file, key path, line
│   └── WatchlistError
├── FeedError            one feed failed; never stops the others; stored on the feed
│   ├── FetchError       HTTP/file retrieval: status, retry_after, transient
│   └── FeedParseError   not a feed, or nothing could be read from it
├── StorageError         a non-bug sqlite failure (locked, read-only, disk full)
└── AlertSinkError       the alert log cannot be written; the outbox keeps the alerts
"""

from __future__ import annotations


class MonitorError(Exception):
    """Base of every error this package raises on purpose.

    Every subclass survives pickling (a parser worker process sends its FeedParseError back to
    the daemon): the default rebuilds an exception from ``args``, which do not match these
    constructors, and an exception that cannot be rebuilt breaks the worker pool. So the state is
    carried as the instance's attributes instead.
    """

    def __reduce__(self) -> tuple[object, ...]:
        return _rebuild, (type(self), self.args, self.__dict__)


class ConfigError(MonitorError):
    """A config file is invalid. ``str()`` reads ``file:line: key.path: what is expected``."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        key: str | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.key = key
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = str(self.path)
            if self.line:
                where += f":{self.line}"
            where += ": "
        key = f"{self.key}: " if self.key else ""
        return f"{where}{key}{self.message}"


class WatchlistError(ConfigError):
    """A watchlist file is invalid."""


class FeedError(MonitorError):
    """One feed failed. Carries the feed's URL so the message says which feed."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"{url}: {reason}")


class FetchError(FeedError):
    """The feed could not be retrieved.

    ``transient`` is True for failures worth retrying soon (timeouts, 5xx, 429);
    ``retry_after`` is the server's hint in seconds, when it gave one.
    """

    def __init__(
        self,
        url: str,
        reason: str,
        *,
        status: int | None = None,
        transient: bool = True,
        retry_after: float | None = None,
    ) -> None:
        self.status = status
        self.transient = transient
        self.retry_after = retry_after
        super().__init__(url, reason)


class FeedParseError(FeedError):
    """The body is not a feed we can read (HTML page, empty, broken beyond recovery)."""


def _rebuild(cls: type[MonitorError], args: tuple[object, ...], state: dict[str, object]
             ) -> MonitorError:
    """Unpickle a MonitorError without calling its ``__init__``."""
    exc = cls.__new__(cls)
    exc.args = args
    exc.__dict__.update(state)
    return exc


class StorageError(MonitorError):
    """SQLite failed for a reason that is not a bug: locked, read-only, disk full."""


class AlertSinkError(MonitorError):
    """The alert log could not be written. Pending alerts stay in the outbox."""
