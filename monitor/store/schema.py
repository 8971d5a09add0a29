"""The database schema of both stores, in one place: the tables, indexes and triggers and the
versioned migrations that build them, written once and rendered for each dialect.

What differs between SQLite and PostgreSQL is said here and only here, by ``Dialect``:

- column types: the schema writes SQLite's words (TEXT, INTEGER, REAL, BLOB) and BIGINT, which
  SQLite's 64-bit INTEGER already is; PostgreSQL renders REAL as DOUBLE PRECISION and BLOB as
  BYTEA. Column names are quoted in both (``interval``, ``end`` are keywords);
- SQLite's implicit ``rowid`` (the order feeds, items and alerts were added, which the store
  reads): a table with ``rowid`` set gets a ``rowid BIGSERIAL`` column in PostgreSQL; an index
  whose last column is ``ROWID`` ends there in SQLite, where every index ends with the rowid;
- triggers: SQLite's body between BEGIN and END, PostgreSQL's in a plpgsql function;
- steps only one dialect has (``Sql`` and ``Code`` with ``only=``): SQLite's switch to
  incremental vacuum, PostgreSQL's ``json_group_array`` aggregate (SQLite's built-in), and the
  clean-up of duplicate matches from before they were unique (SQLite databases only had them).

Every statement of the store's queries is shared by both (sqlite.py's ``SQLStore``): inserts are
``ON CONFLICT`` upserts, which both dialects read the same way.

Migration names are what a database records as applied: SQLite in ``_sqlite_migrations``
(sqlite-utils Migrations), PostgreSQL in ``monitor_migrations`` (postgres.py). PostgreSQL
databases made before the schema had one source recorded a single ``0001_initial`` that held the
state of 0001-0009; ``LEGACY_POSTGRES`` brings such a database to exactly what 0001-0009 make
and records them (tests/test_schema.py opens one, built from the old DDL, and compares).

An ``application_id`` marks an SQLite file as a monitor database, so that pointing ``database:``
at some other SQLite file fails clearly instead of adding tables to it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

APPLICATION_ID = 0x4D4F4E31  # "MON1"
SCHEMA_VERSION = 1
ROWID = "rowid"  # as an index's last column: SQLite's implicit rowid, PostgreSQL's column


class Connection(Protocol):
    """What a ``Code`` step is given: sqlite3's connection, or postgres.py's twin of it
    (``?`` placeholders in both)."""

    def execute(self, sql: str, params: Sequence[Any] = ..., /) -> Any: ...

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]], /) -> Any: ...


@dataclass(frozen=True)
class Dialect:
    name: str
    types: dict[str, str]  # the schema's type word -> this dialect's

    def column(self, spec: str) -> str:
        """``name TYPE [constraints]`` in this dialect: the name quoted, the type translated."""
        name, type_, *rest = spec.split(None, 2)
        return " ".join([f'"{name}"', self.types.get(type_, type_), *rest])


SQLITE = Dialect("sqlite", {"BIGINT": "INTEGER"})
POSTGRES = Dialect("postgres", {"REAL": "DOUBLE PRECISION", "BLOB": "BYTEA"})
DIALECTS = (SQLITE, POSTGRES)


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]  # "name TYPE [NOT NULL] [DEFAULT value]"
    constraints: tuple[str, ...] = ()  # PRIMARY KEY (...), FOREIGN KEY ...: the same in both
    rowid: str | None = None  # PostgreSQL's stand-in for SQLite's rowid: "" or "UNIQUE"

    def render(self, d: Dialect) -> list[str]:
        lines = [d.column(c) for c in self.columns] + list(self.constraints)
        if d is POSTGRES and self.rowid is not None:
            lines.insert(0, f"rowid BIGSERIAL {self.rowid}".rstrip())
        body = ",\n    ".join(lines)
        return [f"CREATE TABLE {self.name} (\n    {body}\n)"]


@dataclass(frozen=True)
class AddColumn:
    table: str
    column: str

    def render(self, d: Dialect) -> list[str]:
        return [f"ALTER TABLE {self.table} ADD COLUMN {d.column(self.column)}"]


@dataclass(frozen=True)
class Index:
    name: str
    table: str
    columns: tuple[str, ...]
    where: str | None = None
    unique: bool = False
    if_not_exists: bool = False  # a legacy PostgreSQL database may have it already

    def render(self, d: Dialect) -> list[str]:
        columns = list(self.columns)
        if d is SQLITE and columns[-1] == ROWID:
            columns.pop()  # every SQLite index ends with the rowid
        quoted = ", ".join(f'"{c}"' if c != ROWID else c for c in columns)
        sql = (f"CREATE {'UNIQUE ' if self.unique else ''}INDEX "
               f"{'IF NOT EXISTS ' if self.if_not_exists else ''}{self.name} "
               f"ON {self.table} ({quoted})")
        return [sql + (f" WHERE {self.where}" if self.where else "")]


@dataclass(frozen=True)
class Trigger:
    """``body``: the statement run for each row, reading ``NEW``."""

    name: str
    event: str  # AFTER INSERT
    table: str
    body: str

    def render(self, d: Dialect) -> list[str]:
        if d is SQLITE:
            return [f"CREATE TRIGGER {self.name} {self.event} ON {self.table} BEGIN\n"
                    f"    {self.body};\nEND"]
        function = f"monitor_{self.name}"
        return [f"CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                f"BEGIN\n    {self.body};\n    RETURN NEW;\nEND $$",
                f"CREATE TRIGGER {self.name} {self.event} ON {self.table} "
                f"FOR EACH ROW EXECUTE FUNCTION {function}()"]


@dataclass(frozen=True)
class Sql:
    """A statement (on the data) that needs no rendering; ``only``: for that dialect alone."""

    sql: str
    only: str | None = None

    def render(self, d: Dialect) -> list[str]:
        return [self.sql] if self.only in (None, d.name) else []


@dataclass(frozen=True)
class Code:
    """Work on the data (or a setting) that DDL cannot say; run in order with the statements."""

    run: Callable[[Connection], None]
    only: str | None = None

    def render(self, d: Dialect) -> list[str]:
        return []


Step = Table | AddColumn | Index | Trigger | Sql | Code


@dataclass(frozen=True)
class Migration:
    name: str
    steps: tuple[Step, ...]
    transactional: bool = True

    def apply(self, d: Dialect, conn: Connection) -> None:
        """Run the steps for ``d``, in order, on ``conn``."""
        for step in self.steps:
            if isinstance(step, Code):
                if step.only in (None, d.name):
                    step.run(conn)
            else:
                for sql in step.render(d):
                    conn.execute(sql)


def _switch_to_incremental_vacuum(conn: Connection) -> None:
    """Let retention give freed pages back to the file system in small steps (``PRAGMA
    incremental_vacuum``). An existing file is rewritten once (VACUUM) to switch."""
    if conn.execute("PRAGMA auto_vacuum").fetchone()[0] != 2:
        conn.execute("PRAGMA auto_vacuum=INCREMENTAL")
        conn.execute("VACUUM")


def _bands_from_shingles(conn: Connection) -> None:
    """Alerts stored before the band index get bands from their stored shingles."""
    from monitor import similar

    rows = conn.execute("SELECT alert_id, shingles FROM alerts WHERE shingles IS NOT NULL")
    conn.executemany(
        "INSERT INTO alert_bands (band, alert_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        [(band, alert_id) for alert_id, encoded in rows.fetchall()
         for band in similar.bands(similar.decode_packed(encoded))],
    )


CLAIM = ("claimed_by TEXT", "claimed_until TEXT")  # who holds a row to work on, until when

MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial", (
        # SQLite's json_group_array (over text), so that the store's queries read the same
        Sql("CREATE AGGREGATE json_group_array(text) (SFUNC = array_append, STYPE = text[], "
            "INITCOND = '{}', FINALFUNC = array_to_json)", only="postgres"),
        Table("feeds", (
            "id TEXT PRIMARY KEY", "url TEXT NOT NULL", "name TEXT NOT NULL",
            "interval REAL NOT NULL", "active INTEGER NOT NULL DEFAULT 1", "etag TEXT",
            "last_modified TEXT", "body_hash TEXT", "last_status TEXT", "http_status INTEGER",
            "last_error TEXT", "consecutive_errors INTEGER NOT NULL DEFAULT 0",
            "last_attempt TEXT", "last_success TEXT", "next_poll TEXT", "redirect_url TEXT",
            "redirect_count INTEGER NOT NULL DEFAULT 0", "created_at TEXT NOT NULL",
        ), rowid="UNIQUE"),
        Table("items", (
            "feed_id TEXT NOT NULL", "key TEXT NOT NULL", "guid TEXT", "link TEXT",
            "title TEXT NOT NULL", "summary TEXT NOT NULL", "content TEXT NOT NULL",
            "published TEXT", "first_seen TEXT NOT NULL", "content_hash TEXT NOT NULL",
            "story_hash TEXT NOT NULL",
        ), ("PRIMARY KEY (feed_id, key)",), rowid=""),
        Index("items_first_seen", "items", ("first_seen",)),
        Table("matches", (
            "feed_id TEXT NOT NULL", "item_key TEXT NOT NULL", "kind TEXT NOT NULL",
            "target_id TEXT NOT NULL", "salience TEXT", "alias TEXT NOT NULL",
            "field TEXT NOT NULL", "start INTEGER NOT NULL", "end INTEGER NOT NULL",
            "text TEXT NOT NULL", "watchlist_version TEXT NOT NULL",
        )),
        Index("matches_item", "matches", ("feed_id", "item_key")),
        Index("matches_target", "matches", ("target_id",)),
        Table("alerts", (
            "alert_id TEXT PRIMARY KEY", "created_at TEXT NOT NULL", "severity TEXT NOT NULL",
            "feed_id TEXT NOT NULL", "item_key TEXT NOT NULL", "link TEXT",
            "story_hash TEXT NOT NULL", "watchlist_version TEXT NOT NULL",
            "payload TEXT NOT NULL", "emitted_at TEXT",
        ), rowid="UNIQUE"),
        Index("alerts_created", "alerts", ("created_at",)),
        Index("alerts_link", "alerts", ("link",)),
        Index("alerts_story", "alerts", ("story_hash",)),
        Index("alerts_pending", "alerts", ("created_at",), where="emitted_at IS NULL"),
        Table("alert_entities", ("alert_id TEXT NOT NULL", "entity_id TEXT NOT NULL"),
              ("PRIMARY KEY (alert_id, entity_id)",)),
        Index("alert_entities_entity", "alert_entities", ("entity_id",)),
        Table("alert_sources", (
            "alert_id TEXT NOT NULL", "feed_id TEXT NOT NULL", "item_key TEXT NOT NULL",
            "link TEXT", "seen_at TEXT NOT NULL",
        ), ("PRIMARY KEY (alert_id, feed_id, item_key)",)),
        Index("alert_sources_item", "alert_sources", ("feed_id", "item_key")),
    )),
    # shingles of each alert's text, to group near-duplicate stories across feeds
    Migration("0002_alert_shingles", (AddColumn("alerts", "shingles TEXT"),)),
    # notification sinks (webhook, Apprise) and their delivery outbox: the trigger queues one
    # delivery per active sink in the transaction that inserts the alert, so an alert committed
    # is an alert that will be delivered, even across a crash
    Migration("0003_sink_outbox", (
        Table("sinks", ("id TEXT PRIMARY KEY", "type TEXT NOT NULL",
                        "active INTEGER NOT NULL DEFAULT 1", "created_at TEXT NOT NULL")),
        Table("sink_deliveries", (
            "alert_id TEXT NOT NULL", "sink_id TEXT NOT NULL",
            "status TEXT NOT NULL DEFAULT 'pending'", "attempts INTEGER NOT NULL DEFAULT 0",
            "next_attempt TEXT NOT NULL", "last_error TEXT", "done_at TEXT",
        ), ("PRIMARY KEY (alert_id, sink_id)",)),
        Index("sink_deliveries_due", "sink_deliveries", ("next_attempt",),
              where="status = 'pending'"),
        Trigger("alerts_to_sinks", "AFTER INSERT", "alerts",
                "INSERT INTO sink_deliveries (alert_id, sink_id, next_attempt) "
                "SELECT NEW.alert_id, id, NEW.created_at FROM sinks WHERE active = 1 "
                "ON CONFLICT DO NOTHING"),
    )),
    # the server's hints kept between polls (RSS ttl, HTTP freshness lifetime, in seconds), and
    # why a feed is no longer polled (``gone``: 410) until its URL changes or it is resumed
    Migration("0004_schedule_hints", (
        AddColumn("feeds", "ttl_hint REAL"),
        AddColumn("feeds", "fresh_hint REAL"),
        AddColumn("feeds", "stopped TEXT"),
        Index("feeds_next_poll", "feeds", ("next_poll",),
              where="active = 1 AND stopped IS NULL"),
    )),
    # retention: the keys of purged items, kept while their feed still serves them so that an
    # old entry is never new again, and when each feed's document was last parsed
    Migration("0005_item_tombstones", (
        Table("item_tombstones", (
            "feed_id TEXT NOT NULL", "key TEXT NOT NULL", "content_hash TEXT NOT NULL",
            "last_seen TEXT NOT NULL",
        ), ("PRIMARY KEY (feed_id, key)",)),
        AddColumn("feeds", "last_parsed TEXT"),
    )),
    Migration("0006_incremental_vacuum", (Code(_switch_to_incremental_vacuum, only="sqlite"),),
              transactional=False),
    # the article queue (monitor/articles.py): one row per new item whose page is to be fetched
    # (pending), was fetched (done: the extracted text, zlib-compressed, kept for the dedupe
    # window) or was given up (failed, skipped); deleted with its item
    Migration("0007_articles", (
        Table("articles", (
            "feed_id TEXT NOT NULL", "item_key TEXT NOT NULL", "url TEXT NOT NULL",
            "status TEXT NOT NULL DEFAULT 'pending'", "queued_at TEXT NOT NULL",
            "next_attempt TEXT NOT NULL", "attempts INTEGER NOT NULL DEFAULT 0",
            "fetched_at TEXT", "text BLOB", "error TEXT",
        ), ("PRIMARY KEY (feed_id, item_key)",
            "FOREIGN KEY (feed_id, item_key) REFERENCES items (feed_id, key) ON DELETE CASCADE")),
        Index("articles_due", "articles", ("next_attempt",), where="status = 'pending'"),
        Index("articles_url", "articles", ("url", "fetched_at")),
        Index("articles_text", "articles", ("fetched_at",), where="text IS NOT NULL"),
    )),
    # grouping by index: the MinHash band keys of each alert's core text (monitor/similar.py),
    # so that a new alert finds the alerts that may tell its story by lookup; a feed's latest
    # items (whose repeated text is boilerplate); ``entry_hash``: a digest of an entry's raw
    # bytes, so that an entry whose bytes change is parsed (and matched) again
    Migration("0008_story_index", (
        Table("alert_bands", ("band BIGINT NOT NULL", "alert_id TEXT NOT NULL"),
              ("PRIMARY KEY (band, alert_id)",)),
        Index("alert_bands_alert", "alert_bands", ("alert_id",)),
        Index("items_feed_recent", "items", ("feed_id", "first_seen")),
        AddColumn("items", "entry_hash TEXT"),
        Code(_bands_from_shingles),
    )),
    # claims of replicas sharing the database (store/protocol.py): who holds a feed, an alert to
    # write, a delivery to make or an article to fetch, and until when; each feed's host (set by
    # sync_feeds at every start; the per-host limit across replicas). And one row per match:
    # recording a match twice (a rematch run again) keeps one
    Migration("0009_leases", (
        Sql('DELETE FROM matches WHERE rowid NOT IN (SELECT min(rowid) FROM matches GROUP BY '
            'feed_id, item_key, kind, target_id, alias, field, start, "end", '
            'watchlist_version)', only="sqlite"),
        Index("matches_unique", "matches", ("feed_id", "item_key", "kind", "target_id", "alias",
                                            "field", "start", "end", "watchlist_version"),
              unique=True),
        AddColumn("feeds", "host TEXT"),
        AddColumn("feeds", "lease_owner TEXT"),
        AddColumn("feeds", "lease_until TEXT"),
        *(AddColumn(table, c) for table in ("alerts", "sink_deliveries", "articles")
          for c in CLAIM),
    )),
    # the indexes PostgreSQL had and SQLite lacked before one source: a feed's latest items in
    # order (sqlite.py reads them by rowid) and the feeds of a host under lease (claims)
    Migration("0010_one_schema", (
        Index("items_recent", "items", ("feed_id", ROWID), if_not_exists=True),
        Index("feeds_host_lease", "feeds", ("host", "lease_until"), if_not_exists=True),
    )),
    # when each band key's alert was created, so that keys older than the dedupe window (no
    # alert can be grouped with them any more) are deleted as new ones come (sqlite.py
    # _prune_bands), not kept as long as alerts are
    Migration("0011_band_age", (
        Sql("DELETE FROM alert_bands WHERE alert_id NOT IN (SELECT alert_id FROM alerts)"),
        AddColumn("alert_bands", "created_at TEXT"),
        Sql("UPDATE alert_bands SET created_at = (SELECT a.created_at FROM alerts a "
            "WHERE a.alert_id = alert_bands.alert_id)"),
        Index("alert_bands_created", "alert_bands", ("created_at",)),
    )),
    # what replicas of one database share to be polite together (monitor/articles.py): the
    # time the next page fetch may start (article.rate), and each host's robots.txt (text NULL:
    # unreachable, nothing of the host fetched)
    Migration("0012_article_politeness", (
        Table("article_rate", ("id INTEGER PRIMARY KEY", "next_start TEXT NOT NULL")),
        Table("robots", ("origin TEXT PRIMARY KEY", "text TEXT", "expires TEXT NOT NULL")),
    )),
    # each item's shingle set (monitor/similar.py, packed: similar.to_blob), kept once it was
    # first needed (the item was among its feed's latest when one of the feed's items alerted),
    # so that no later poll, restart or ``poll-once`` process shingles the item again; NULL
    # until then, and again when the item's text changes
    Migration("0013_item_shingles", (AddColumn("items", "shingles BLOB"),)),
    # each item's enclosure URLs (Item.enclosures) as a JSON array of strings; NULL when it has
    # none (most items, and every item stored before)
    Migration("0014_item_enclosures", (AddColumn("items", "enclosures TEXT"),)),
)

# A PostgreSQL database of the previous code: its one migration "0001_initial" made what
# 0001-0009 make, but for the matches' uniqueness (a table constraint, not matches_unique) and
# the matches_item index it lacked. Detected by that name alone with 0009's columns present.
LEGACY_POSTGRES = "0001_initial"
LEGACY_POSTGRES_COVERS = tuple(m.name for m in MIGRATIONS[1:9])
LEGACY_POSTGRES_FIXUP = (
    *Index("matches_item", "matches", ("feed_id", "item_key")).render(POSTGRES),
    *next(s for s in MIGRATIONS[8].steps
          if isinstance(s, Index) and s.name == "matches_unique").render(POSTGRES),
    """DO $$ DECLARE c text; BEGIN
        FOR c IN SELECT conname FROM pg_constraint
                 WHERE conrelid = 'matches'::regclass AND contype = 'u' LOOP
            EXECUTE format('ALTER TABLE matches DROP CONSTRAINT %I', c);
        END LOOP;
    END $$""",
)


def _sqlite_migrations() -> Migrations:
    """MIGRATIONS as sqlite-utils runs them (each in a transaction with its record)."""
    result = Migrations("monitor")
    for migration in MIGRATIONS:

        def run(db: Database, migration: Migration = migration) -> None:
            migration.apply(SQLITE, db.conn)

        run.__name__ = migration.name
        result(name=migration.name, transactional=migration.transactional)(run)
    return result


migrations = _sqlite_migrations()
