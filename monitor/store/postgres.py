"""The PostgreSQL store: several daemons ("replicas") over one database.

It runs the same queries as the SQLite store (sqlite.SQLStore) through ``_Database``, a small
twin of the sqlite-utils calls they use, on a psycopg 3 connection pool. What differs:

- claims of alerts, deliveries and articles lock their candidate rows with ``FOR UPDATE SKIP
  LOCKED``, so replicas claiming at once split the work instead of waiting; claims of due
  feeds are serialized by an advisory lock instead (their per-host count must be the one the
  claim leaves);
- alerts are created under transaction-level advisory locks, one per key that could make two
  alerts the same (alert id, story hash, link, MinHash band: ``sqlite.alert_keys``), so "has
  this story alerted?" and the insert are one step across replicas (an item or a story reaching
  two replicas alerts once), and replicas whose alerts share no key do not wait for each other;
- a transaction (``atomic()``) runs in pipeline mode: its writes are sent without waiting, and
  it waits for the server only where it reads;
- items, matches, alert entities and sources have unique constraints and are inserted
  ``ON CONFLICT DO NOTHING``;
- migrations (schema.py, rendered for PostgreSQL) are applied at start under a session
  advisory lock: replicas starting together migrate once.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator, Sequence
from typing import Any
from urllib.parse import urlsplit

import psycopg
from psycopg.rows import dict_row
from psycopg.types.string import TextLoader
from psycopg_pool import ConnectionPool, PoolTimeout

from monitor.exceptions import StorageError
from monitor.store import schema, sqlite
from monitor.store.sqlite import DEFAULT_LEASE, SQLStore, wrap_exceptions

sqlite._POSTGRES_ERRORS = (psycopg.OperationalError, PoolTimeout)

MIGRATION_LOCK = 0x4D4F4E31  # "MON1", as the SQLite application_id
CLAIM_LOCK = 0x4D4F4E33  # held while a replica claims due feeds
RATE_LOCK = 0x4D4F4E34  # held while a replica reserves the next article fetch
CONNECT_TIMEOUT = 10.0


@functools.lru_cache(maxsize=512)
def _pg(sql: str) -> str:
    """sqlite3's ``?`` placeholders as psycopg's ``%s`` (and a literal ``%`` as ``%%``)."""
    return sql.replace("%", "%%").replace("?", "%s")


class _Result:
    """What sqlite3's cursor gives back. Inside ``atomic()`` the statement is only queued (the
    connection is in pipeline mode): its rows and row count are read, with one round trip for
    everything queued before it, when first asked for. A write whose result nobody reads costs
    no round trip of its own."""

    def __init__(self, cur: psycopg.Cursor[Any], pipeline: psycopg.Pipeline | None) -> None:
        self._cur, self._pipeline = cur, pipeline
        self._rows: list[Any] | None = None
        self._rowcount = -1

    def _load(self) -> list[Any]:
        if self._rows is None:
            if self._pipeline is not None:
                self._pipeline.sync()
            self._rowcount = self._cur.rowcount
            self._rows = self._cur.fetchall() if self._cur.description is not None else []
        return self._rows

    @property
    def rowcount(self) -> int:
        self._load()
        return self._rowcount

    def fetchone(self) -> Any:
        rows = self._load()
        return rows[0] if rows else None

    def fetchall(self) -> list[Any]:
        return self._load()

    def __iter__(self) -> Iterator[Any]:
        return iter(self._load())


class _Statements:
    """A migration's connection (schema.Connection): DDL as written, data with ``?``."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> psycopg.Cursor[Any]:
        return self.conn.execute(sql if params is None else _pg(sql), params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(_pg(sql), rows)


def _configure(conn: psycopg.Connection[Any]) -> None:
    conn.adapters.register_loader("json", TextLoader)  # json_agg as text, as in SQLite


class _Database:
    """The few sqlite-utils ``Database`` calls the store makes, on a pool of connections.

    Outside ``atomic()`` each call is its own transaction on a connection from the pool; inside,
    the calls share the block's connection and transaction (nested blocks are savepoints), in
    pipeline mode: statements are sent without waiting for each other's results, and the block
    waits for the server only where it reads a result, and once at the end (COMMIT). A poll's
    writes are then one or two round trips, not one each."""

    def __init__(self, pool: ConnectionPool) -> None:
        self.pool = pool
        self.conn = self  # sqlite-utils' db.conn.executemany
        self._conn: psycopg.Connection[Any] | None = None
        self._pipeline: psycopg.Pipeline | None = None

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        if self._conn is not None:
            with self._conn.transaction():
                yield
            return
        with self.pool.connection() as conn:
            self._conn = conn
            try:
                with conn.pipeline() as self._pipeline, conn.transaction():
                    yield
            finally:
                self._conn, self._pipeline = None, None

    @contextlib.contextmanager
    def _connection(self) -> Iterator[psycopg.Connection[Any]]:
        if self._conn is not None:
            yield self._conn
        else:
            with self.pool.connection() as conn:
                yield conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> _Result:
        if self._conn is not None:  # queued in the block's pipeline; read when asked for
            cur = self._conn.cursor()
            cur.execute(_pg(sql), params)
            return _Result(cur, self._pipeline)
        with self.pool.connection() as conn, conn.cursor() as cur:
            cur.execute(_pg(sql), params)
            result = _Result(cur, None)
            result.fetchall()
            return result

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            with self._connection() as conn, conn.cursor() as cur:
                cur.executemany(_pg(sql), rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._connection() as conn, conn.cursor(row_factory=dict_row) as cur:
            cur.execute(_pg(sql), params)
            return cur.fetchall()

    def close(self) -> None:
        self.pool.close()


def describe(url: str) -> str:
    """The URL without any password, for messages."""
    parts = urlsplit(url)
    host = parts.hostname or "local socket"
    return f"postgresql://{parts.username + '@' if parts.username else ''}{host}" + (
        f":{parts.port}" if parts.port else "") + parts.path


class PostgresStore(SQLStore):
    """A PostgreSQL database shared by replicas: ``paths.database: postgresql://...``."""

    shared = True
    _skip_locked = " FOR UPDATE SKIP LOCKED"

    def __init__(self, url: str, replica: str = "local", lease: float = DEFAULT_LEASE,
                 password: str | None = None, pool_size: int = 4) -> None:
        super().__init__()
        self.url, self.replica, self.lease = url, replica, lease
        # autocommit: a statement outside atomic() is one round trip, not BEGIN/it/COMMIT;
        # atomic() opens a transaction itself
        kwargs: dict[str, Any] = {"cursor_factory": psycopg.ClientCursor, "autocommit": True,
                                  "connect_timeout": int(CONNECT_TIMEOUT)}
        if password is not None:
            kwargs["password"] = password
        pool: ConnectionPool = ConnectionPool(
            url, kwargs=kwargs, min_size=1, max_size=pool_size, open=False,
            configure=_configure, timeout=CONNECT_TIMEOUT, name=f"monitor-{replica}")
        where = describe(url)
        try:
            pool.open(wait=True, timeout=CONNECT_TIMEOUT)
        except (PoolTimeout, psycopg.Error) as exc:
            pool.close()
            raise StorageError(
                f"cannot connect to PostgreSQL at {where}: {exc}; check that the server runs, "
                "the URL and paths.database_password (or PGPASSWORD)") from exc
        self.db = _Database(pool)
        try:
            with wrap_exceptions(f"cannot migrate database {where}"):
                self._migrate(where)
        except BaseException:
            pool.close()
            raise

    def _migrate(self, where: str) -> None:
        """Apply the migrations not applied yet, once, whichever replica gets there first."""
        with self.db.pool.connection() as conn:
            conn.execute("SELECT pg_advisory_lock(%s)", [MIGRATION_LOCK])
            try:
                tables = {r[0] for r in conn.execute(
                    "SELECT table_name FROM information_schema.tables "
                    "WHERE table_schema = current_schema()")}
                if tables and "monitor_migrations" not in tables:
                    raise StorageError(
                        f"{where} holds tables of another program; "
                        "point paths.database at a database of its own")
                conn.execute("CREATE TABLE IF NOT EXISTS monitor_migrations "
                             "(name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)")
                done = {r[0] for r in conn.execute("SELECT name FROM monitor_migrations")}
                if done == {schema.LEGACY_POSTGRES} and "lease_owner" in self._columns(
                        conn, "feeds"):
                    with conn.transaction():  # made by the previous code: 0001-0009 in one
                        for sql in schema.LEGACY_POSTGRES_FIXUP:
                            conn.execute(sql)
                        self._record(conn, schema.LEGACY_POSTGRES_COVERS)
                    done.update(schema.LEGACY_POSTGRES_COVERS)
                for migration in schema.MIGRATIONS:
                    if migration.name in done:
                        continue
                    with conn.transaction():
                        migration.apply(schema.POSTGRES, _Statements(conn))
                        self._record(conn, [migration.name])
            finally:
                conn.execute("SELECT pg_advisory_unlock(%s)", [MIGRATION_LOCK])

    @staticmethod
    def _columns(conn: psycopg.Connection[Any], table: str) -> set[str]:
        return {r[0] for r in conn.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = %s", [table])}

    @staticmethod
    def _record(conn: psycopg.Connection[Any], names: Sequence[str]) -> None:
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO monitor_migrations VALUES (%s, now())",
                            [[name] for name in names])

    def migrations(self) -> list[str]:
        """The names of the migrations applied, in order."""
        with wrap_exceptions("cannot read migrations"):
            return [r[0] for r in self.db.execute(
                "SELECT name FROM monitor_migrations ORDER BY name").fetchall()]

    def _lock_alerts(self, keys: Sequence[Sequence[int]]) -> None:
        # one transaction-level lock per key, taken in one sorted pass (so two transactions
        # never wait for each other in a cycle): transactions whose alerts share no id, story
        # hash, link or band key decide in parallel; the others one after the other, the
        # later one seeing what the earlier committed
        wanted = sorted({k for alert in keys for k in alert})
        if wanted:
            self.db.execute("SELECT count(pg_advisory_xact_lock(k)) FROM "
                            "unnest(?::bigint[]) AS k", [wanted])

    def _lock_claims(self) -> None:
        # without it, two replicas claiming at once could both pick a feed: the claim's
        # subquery reads a snapshot taken before the other's claim committed
        self.db.execute("SELECT pg_advisory_xact_lock(?)", [CLAIM_LOCK])

    def _lock_rate(self) -> None:
        # the first reservation inserts the row: no row to lock FOR UPDATE yet
        self.db.execute("SELECT pg_advisory_xact_lock(?)", [RATE_LOCK])

    def _reclaim(self, pages: int) -> int:
        """PostgreSQL's autovacuum reuses the space retention frees; nothing to give back."""
        return 0

    def integrity_check(self) -> str:
        """PostgreSQL checks its own pages; this checks the server answers for every table."""
        with wrap_exceptions("cannot check database"):
            for table in ("feeds", "items", "matches", "alerts", "alert_sources"):
                self.db.execute(f"SELECT count(*) FROM {table}")
        return "ok"
