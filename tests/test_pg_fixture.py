"""The tests' own PostgreSQL (tests/pg.py): a server that cannot start fails at once with the
reason from its log, and leaves nothing running or on disk."""

from __future__ import annotations

import subprocess

import pytest

from pg import PgServer, PgStartError


def _postmasters(directory: str) -> list[str]:
    ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True, check=True)
    return [line for line in ps.stdout.splitlines() if directory in line]


def test_a_server_that_cannot_start_says_why_from_its_log():
    why = PgServer.unavailable()
    if why:
        pytest.skip(why)
    server = PgServer(options="-c max_connections=bogus")
    with pytest.raises(PgStartError) as caught:
        server.start()
    message = str(caught.value)
    assert "pg_ctl start exited with" in message
    assert 'invalid value for parameter "max_connections"' in message  # from the server's log
    assert not server.dir.exists()
    assert _postmasters(str(server.dir)) == []


def test_start_returns_a_server_that_answers_and_a_dead_one_is_named():
    """start() returns only once a connection on the socket answers; a server found dead
    while waiting for it fails as such (not as a wait run out) and is cleaned up."""
    import os
    import signal
    import time

    import psycopg

    why = PgServer.unavailable()
    if why:
        pytest.skip(why)
    server = PgServer().start()
    try:
        with psycopg.connect(server.url(), connect_timeout=2) as conn:
            assert conn.execute("SELECT 1").fetchone() == (1,)
        os.kill(server._pid(), signal.SIGKILL)
        with pytest.raises(PgStartError, match="the server exited during start-up"):
            server._wait_ready(time.monotonic() + 60)
        assert not server.dir.exists()
    finally:
        server.stop()
