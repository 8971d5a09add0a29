"""The store: the only owner of SQL. SQLite (through sqlite-utils) is the embedded default;
PostgreSQL (``paths.database: postgresql://...``) lets several daemons share one database.

The interface is in protocol.py, one protocol per domain; ``Store`` is all of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from monitor.store.protocol import (
    AlertOutbox,
    ArticleStore,
    Delivery,
    FeedStore,
    PollStore,
    RematchStore,
    ReportStore,
    RetentionStore,
    SinkOutbox,
    Store,
)
from monitor.store.sqlite import DEFAULT_LEASE, SQLiteStore

if TYPE_CHECKING:
    from monitor.config import Config


def is_database_url(location: str | Path) -> bool:
    """``paths.database`` names a PostgreSQL server, not a file."""
    from monitor.config import is_database_url as is_url

    return is_url(location)


def open_store(
    location: str | Path,
    *,
    replica: str = "local",
    lease: float = DEFAULT_LEASE,
    password: str | None = None,
) -> Store:
    """Open (creating and migrating if needed) the database at ``location``: an SQLite file,
    or a ``postgresql://`` URL. ``replica`` names this daemon in the leases it takes."""
    if is_database_url(location):
        from monitor.store.postgres import PostgresStore

        return PostgresStore(str(location), replica=replica, lease=lease, password=password)
    if isinstance(location, str) and "://" in location:  # config.py refuses these first
        raise ValueError(f"not a database location: {location}")
    return SQLiteStore(Path(location), replica=replica, lease=lease)


def open_config_store(config: Config, *, replica: str = "local") -> Store:
    """The database ``config`` names, with its password from the environment if it has one."""
    secret = config.settings.paths.database_password
    return open_store(config.database, replica=replica, lease=config.settings.replicas.lease,
                      password=secret.get_secret_value() if secret is not None else None)


__all__ = [
    "AlertOutbox",
    "ArticleStore",
    "Delivery",
    "FeedStore",
    "PollStore",
    "RematchStore",
    "ReportStore",
    "RetentionStore",
    "SQLiteStore",
    "SinkOutbox",
    "Store",
    "is_database_url",
    "open_config_store",
    "open_store",
]
