"""Databases as the previous code made them, built from its DDL kept verbatim in
tests/data/legacy_schema/, and the live schema of a database read back from its catalog, in
one shape for both dialects (so that tests can compare SQLite with PostgreSQL).
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

LEGACY = Path(__file__).parent / "data" / "legacy_schema"
APPLICATION_ID = 0x4D4F4E31  # what the previous code marked its files with


def _blocks() -> list[tuple[str, str]]:
    """(migration name, its SQL) from sqlite-0009.sql, in order."""
    text = (LEGACY / "sqlite-0009.sql").read_text()
    parts = re.split(r"^-- migration: (\S+)\n", text, flags=re.M)
    return list(zip(parts[1::2], parts[2::2], strict=True))


def make_legacy_sqlite(path: Path, stop_before: str | None = None) -> sqlite3.Connection:
    """A SQLite file at migration 0009 (or before ``stop_before``), as the previous code left
    it, the migrations recorded the same way; the connection stays open for the caller to add
    rows, then close."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    db = Database(conn)
    sets = Migrations("monitor")
    for name, sql in _blocks():
        def run(db: Database, sql: str = sql) -> None:
            for statement in _statements(sql):
                db.conn.execute(statement)

        sets(name=name, transactional="VACUUM" not in sql)(run)
    sets.apply(db, stop_before=stop_before)
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    return conn


def _statements(sql: str) -> list[str]:
    """The script's statements, split where SQLite says one is complete."""
    out, current = [], ""
    for line in sql.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    return out


def make_legacy_postgres(url: str) -> Any:
    """A PostgreSQL database as the previous code's one migration made it; an open
    (autocommit) connection for the caller to add rows, then close."""
    import psycopg

    conn = psycopg.connect(url, autocommit=True)
    conn.execute("CREATE TABLE monitor_migrations "
                 "(name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)")
    with conn.transaction():
        conn.execute((LEGACY / "postgres-0001.sql").read_text())
        conn.execute("INSERT INTO monitor_migrations VALUES ('0001_initial', now())")
    return conn


# --- the live schema, read back --------------------------------------------------------------

_AFFINITY = {"text": "TEXT", "integer": "INTEGER", "bigint": "INTEGER",
             "double precision": "REAL", "real": "REAL", "bytea": "BLOB", "blob": "BLOB"}


def _expr(text: str | None) -> str | None:
    """A default or an index predicate, without the casts and parentheses PostgreSQL adds."""
    if text is None:
        return None
    text = re.sub(r"::[a-z ]+", "", text)
    return re.sub(r"\s+", " ", text.replace("(", "").replace(")", "")).strip().lower()


def sqlite_schema(path: Path) -> dict[str, Any]:
    """{table: {columns, primary_key, foreign_keys, indexes}, "triggers": [...]} of a file."""
    conn = sqlite3.connect(path)
    try:
        out: dict[str, Any] = {}
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name != '_sqlite_migrations' ORDER BY name")]
        for t in tables:
            info = conn.execute(f"PRAGMA table_info({t})").fetchall()
            pk = [r[1] for r in sorted((r for r in info if r[5]), key=lambda r: r[5])]
            columns = [(r[1], _AFFINITY[r[2].lower()], bool(r[3]) or r[1] in pk, _expr(r[4]))
                       for r in info]
            fks: dict[int, list[Any]] = {}
            for r in conn.execute(f"PRAGMA foreign_key_list({t})"):
                fks.setdefault(r[0], []).append(r)
            foreign = sorted(
                (tuple(r[3] for r in rows), rows[0][2], tuple(r[4] for r in rows), rows[0][6])
                for rows in fks.values())
            indexes = {}
            for _, name, unique, origin, _partial in conn.execute(f"PRAGMA index_list({t})"):
                if origin == "pk":
                    continue
                sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?",
                                   [name]).fetchone()[0]
                where = re.search(r"\bWHERE\b(.*)$", sql, re.S | re.I)
                indexes[name] = ([r[2] for r in conn.execute(f"PRAGMA index_info({name})")],
                                 bool(unique), _expr(where.group(1) if where else None))
            out[t] = {"columns": columns, "primary_key": pk, "foreign_keys": foreign,
                      "indexes": indexes}
        out["triggers"] = sorted(conn.execute(
            "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'").fetchall())
        return out
    finally:
        conn.close()


def postgres_schema(url: str) -> dict[str, Any]:
    """The same shape as sqlite_schema, from PostgreSQL's catalog. ``rowid`` columns (SQLite's
    implicit one, made explicit) and their own unique indexes are left out; an index ending
    with rowid is read without it, as SQLite's index_info reads every index."""
    import psycopg

    with psycopg.connect(url) as conn:
        out: dict[str, Any] = {}
        tables = [r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = "
            "current_schema() AND table_name != 'monitor_migrations' ORDER BY table_name")]
        for t in tables:
            columns = [(name, _AFFINITY[type_], nullable == "NO", _expr(default))
                       for name, type_, nullable, default in conn.execute(
                           "SELECT column_name, data_type, is_nullable, column_default FROM "
                           "information_schema.columns WHERE table_schema = current_schema() "
                           "AND table_name = %s ORDER BY ordinal_position", [t])
                       if name != "rowid"]
            pk, indexes = [], {}
            for name, unique, primary, where, cols in conn.execute(
                    "SELECT i.relname, x.indisunique, x.indisprimary, "
                    "pg_get_expr(x.indpred, x.indrelid), array(SELECT a.attname FROM "
                    "unnest(x.indkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON "
                    "a.attrelid = x.indrelid AND a.attnum = k.n ORDER BY k.o) "
                    "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
                    "WHERE x.indrelid = %s::regclass", [t]):
                if primary:
                    pk = list(cols)
                elif cols != ["rowid"]:
                    indexes[name] = ([c for c in cols if c != "rowid"], unique, _expr(where))
            foreign = []
            for (definition,) in conn.execute(
                    "SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                    "WHERE conrelid = %s::regclass AND contype = 'f'", [t]):
                m = re.match(r"FOREIGN KEY \((.*?)\) REFERENCES (\w+)\((.*?)\)"
                             r"(?: ON DELETE ([A-Z ]+))?", definition)
                assert m, definition
                foreign.append((tuple(m[1].split(", ")), m[2], tuple(m[3].split(", ")),
                                m[4] or "NO ACTION"))
            out[t] = {"columns": columns, "primary_key": pk, "foreign_keys": sorted(foreign),
                      "indexes": indexes}
        out["triggers"] = sorted(
            tuple(r) for r in conn.execute(
                "SELECT DISTINCT trigger_name, event_object_table FROM information_schema.triggers "
                "WHERE trigger_schema = current_schema()"))
        return out
