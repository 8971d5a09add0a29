"""A real PostgreSQL 15 for the tests: initdb and pg_ctl from Debian's packages, in a temporary
directory, listening on a Unix socket only.

initdb and postgres refuse to run as root, and CI runs as root: they then run as the
``postgres`` user (``runuser``) in a directory that user owns. Where no server binary can be had,
``PgServer.unavailable()`` says why and the tests that need one skip saying so.

Start-up is bounded and checked: ``pg_ctl -w`` waits for the server to say it is ready, then a
connection on the socket must answer ``SELECT 1`` (retried until ``START_TIMEOUT``). A server
that does not get there raises ``PgStartError`` with the tool's output and the server's log, and
leaves no process or directory behind.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

BIN = Path(os.environ.get("MONITOR_PG_BIN", "/usr/lib/postgresql/15/bin"))
_names = itertools.count(1)
START_TIMEOUT = 60.0  # seconds for initdb, for the server to start, and for it to answer


class PgStartError(RuntimeError):
    """The test server did not start: what failed, the tool's output and the server's log."""


def _as_postgres() -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


class PgServer:
    """One PostgreSQL server for a test session; ``new_database()`` gives each test its own."""

    PORT = 5439  # names the socket file only: no TCP port is opened

    def __init__(self, options: str = "") -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="monitor-pg-"))
        self.data = self.dir / "data"
        self.log = self.dir / "server.log"
        self.options = options  # more server settings (-c name=value)
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

    def _run(self, what: str, *args: str, timeout: float = START_TIMEOUT) -> None:
        try:
            subprocess.run([*_as_postgres(), *args], check=True, capture_output=True,
                           timeout=timeout, cwd=self.dir, text=True)
        except subprocess.CalledProcessError as exc:
            self._fail(f"{what} exited with {exc.returncode}", exc.stdout + exc.stderr)
        except subprocess.TimeoutExpired as exc:
            output = "".join(x.decode() if isinstance(x, bytes) else x
                             for x in (exc.stdout, exc.stderr) if x)
            self._fail(f"{what} did not finish in {timeout:.0f} s", output)

    def _fail(self, what: str, output: str = "") -> None:
        """Raise PgStartError with the output and the server's log; stop what was started."""
        log = self.log.read_text(errors="replace") if self.log.is_file() else ""
        self.started = True  # a postmaster may be up though its start was not seen through
        self.stop()
        raise PgStartError(
            f"test PostgreSQL server: {what}\n--- output ---\n{output.strip() or '(none)'}\n"
            f"--- server log (its directory removed) ---\n{log.strip()[-4000:] or '(empty)'}")

    def start(self) -> PgServer:
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self._run("initdb", str(BIN / "initdb"), "-D", str(self.data), "-A", "trust",
                  "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync")
        opts = (f"-k {self.dir} -c listen_addresses='' -p {self.PORT} -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300 "
                + self.options)
        self._run("pg_ctl start", str(BIN / "pg_ctl"), "-D", str(self.data), "-l",
                  str(self.log), "-o", opts, "-w", "-t", str(int(START_TIMEOUT)), "start",
                  timeout=START_TIMEOUT + 10)
        self.started = True
        self._wait_ready(time.monotonic() + START_TIMEOUT)
        return self

    def _wait_ready(self, deadline: float) -> None:
        """Until ``deadline``: a connection on the socket answers; fails at once if the server
        process is gone."""
        import psycopg

        last = ""
        while True:
            if self._pid() is None:
                self._fail("the server exited during start-up")
            try:
                with psycopg.connect(self.url(), connect_timeout=2) as conn:
                    conn.execute("SELECT 1")
                return
            except psycopg.OperationalError as exc:
                last = str(exc)
            if time.monotonic() >= deadline:
                self._fail(f"no answer on {self.dir} within {START_TIMEOUT:.0f} s", last)
            time.sleep(0.1)

    def _pid(self) -> int | None:
        """The postmaster's pid while it runs (postmaster.pid names it), else None."""
        try:
            pid = int((self.data / "postmaster.pid").read_text().split()[0])
            os.kill(pid, 0)
        except (OSError, ValueError, IndexError):
            return None
        return pid

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
        """Stop the server (``pg_ctl stop``; if that fails, the postmaster is killed) and
        remove its directory."""
        if self.started:
            self.started = False
            pid = self._pid()
            if pid is not None:
                done = subprocess.run(
                    [*_as_postgres(), str(BIN / "pg_ctl"), "-D", str(self.data), "-m",
                     "immediate", "-w", "-t", "30", "stop"],
                    capture_output=True, timeout=40, cwd=self.dir, check=False)
                if done.returncode != 0 and self._pid() == pid:
                    os.kill(pid, signal.SIGKILL)  # its children exit with it
        shutil.rmtree(self.dir, ignore_errors=True)
