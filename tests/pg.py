"""A real PostgreSQL 15 for the tests: initdb and pg_ctl from Debian's packages, in a temporary
directory, listening on a Unix socket only.

initdb and postgres refuse to run as root, and CI runs as root: they then run as the
``postgres`` user (``runuser``) in a directory that user owns. Where no server binary can be had,
``PgServer.unavailable()`` says why and the tests that need one skip saying so.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

BIN = Path(os.environ.get("MONITOR_PG_BIN", "/usr/lib/postgresql/15/bin"))
_names = itertools.count(1)


def _as_postgres() -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


class PgServer:
    """One PostgreSQL server for a test session; ``new_database()`` gives each test its own."""

    PORT = 5439  # names the socket file only: no TCP port is opened

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="monitor-pg-"))
        self.data = self.dir / "data"
        self.log = self.dir / "server.log"
        self.started = False

    @staticmethod
    def unavailable() -> str | None:
        """Why no server can be started here, or None."""
        for tool in ("initdb", "pg_ctl", "postgres"):
            if not (BIN / tool).is_file():
                return (f"PostgreSQL 15 not installed ({BIN / tool} missing): "
                        "apt-get install postgresql (.ci/run does)")
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                return "running as root and there is no postgres user to run the server as"
            if shutil.which("runuser") is None:
                return "running as root and runuser is missing"
        return None

    def _run(self, *args: str) -> None:
        subprocess.run([*_as_postgres(), *args], check=True, capture_output=True, timeout=120,
                       cwd=self.dir)

    def start(self) -> PgServer:
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self._run(str(BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
                  "-E", "UTF8", "--locale=C", "--no-sync")
        opts = (f"-k {self.dir} -c listen_addresses='' -p {self.PORT} -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300")
        self._run(str(BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", opts,
                  "-w", "-t", "60", "start")
        self.started = True
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@/{database}?host={self.dir}&port={self.PORT}"

    def new_database(self) -> str:
        """A new, empty database; its URL."""
        import psycopg

        name = f"t{os.getpid()}_{next(_names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        if self.started:
            self._run(str(BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w",
                      "stop")
            self.started = False
        shutil.rmtree(self.dir, ignore_errors=True)
