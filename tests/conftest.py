"""Fixtures shared by every test file. Keep it small: file-specific fixtures live in their file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from feedserver import FeedServer


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A real HTTP server on 127.0.0.1 (tests/feedserver.py), started and stopped per test."""
    with FeedServer() as server:
        yield server


def shared_dir() -> Path:
    """The shared/ directory beside the checkout, or $MONITOR_SHARED."""
    env = os.environ.get("MONITOR_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture
def corpus_dir() -> Path:
    """../shared/corpus (real and feedparser test feeds); skips, saying why, when absent."""
    corpus = shared_dir() / "corpus"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus not found: set MONITOR_SHARED or run from the project "
                    "checkout beside shared/")
    return corpus


@pytest.fixture(autouse=True)
def _no_leftover_daemons() -> Iterator[None]:
    """A test that fails half-way must not leave a `monitor run` subprocess behind."""
    yield
    import daemon_helpers

    daemon_helpers.kill_leftovers()


@pytest.fixture(autouse=True)
def _alert_lines_follow_the_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every alert line written in this process is validated against the shipped JSON Schema
    before it is written (tests/alert_schema.py); a `monitor run` subprocess's lines are checked
    by daemon_helpers.alert_lines."""
    from monitor.alerts import AlertLog

    from alert_schema import check_alert

    write = AlertLog._write

    def checked_write(self: AlertLog, alerts: Any) -> None:
        for a in alerts:
            check_alert(a.payload, f"alert {a.alert_id} written to {self.path}")
        write(self, alerts)

    monkeypatch.setattr(AlertLog, "_write", checked_write)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """A real PostgreSQL 15 for the session (tests/pg.py); skips, saying why, without one."""
    from pg import PgServer

    why = PgServer.unavailable()
    if why:
        pytest.skip(why)
    server = PgServer().start()
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server) -> str:
    """The URL of a new, empty PostgreSQL database of its own for this test."""
    return pg_server.new_database()
