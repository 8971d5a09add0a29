"""The parser worker processes: slim, one task at a time each, never outliving the daemon.

Start: the first body to parse starts the workers (a poll where every feed answers 304 or an
unchanged body starts none: ~33 MB and ~0.4 s of CPU saved). `poll-once` into a database that
does not exist yet (``every_body_to_parse``: every feed's first poll) starts them as soon as its
config is read instead, so that their own start runs beside the daemon's imports and first
fetches rather than holding up the first bodies. Each is a fresh interpreter
(``python -c``) running monitor/workerproc.py, which imports only what its tasks need
(``preload``: the parse package and feedparser for feeds, the extractors for article pages),
not the daemon's HTTP client, pydantic config, SQLite store, compiled watchlist, command line,
structlog or this module. A worker forked from the daemon shares those
pages, but every page it maps counts again in the summed RSS of the process tree (what ``top``
and a container limit see), and pages written after the fork are copied: on a first poll of
2,000 real-shaped feeds the forked worker peaked at 75 MB, a slim one at 45 MB
(README, Performance). A fresh interpreter is also safe to start from the running, threaded
daemon, so a replacement starts the same way as the first one.

Tasks: the daemon talks to each worker over a socket pair (``workerproc.Channel``: pickled,
length-prefixed messages) from a thread of its own that takes tasks from the pool's
queue. A worker runs one task at a time, in the order sent; the thread keeps ``DEPTH`` tasks
sent, so the next body already waits in the worker's socket (read by a thread of the worker)
when a parse ends, and a submit wakes a thread waiting for a result with room for one more. A
worker that dies (the OOM killer, a SIGKILL, a crash in a C extension) fails the one task it
held (the first unanswered one) with ``BrokenProcessPool`` (the pipeline records a parse error
on that feed only) and is replaced; the tasks it had not begun are sent to its replacement, and
the other workers and the queued tasks go on.

Idle: a worker that had no task for ``IDLE_EXIT`` seconds exits, and the next task starts a
new one, so a daemon holds its parsers' memory only while bodies come (a first poll of many
feeds, a burst), not through the quiet time between polls.

Exit: a worker exits when the daemon closes its end of the socket (shutdown) or dies (the
kernel closes it); a thread also watches the daemon's process, so a worker busy with a long
document does not outlive a killed daemon by more than that document: a pidfd where the kernel
has them (no confusion with a reused pid), else a check every second. Workers ignore SIGINT: a
Ctrl-C in a terminal reaches the whole process group, and the daemon, not each worker, decides
how to stop.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import select
import socket
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

from monitor import heap
from monitor.workerproc import DEFER, Channel, parse_in_worker  # noqa: F401  # named from here too

if TYPE_CHECKING:
    from monitor.config import Config

# what a parser worker imports when it starts
PRELOAD = ("monitor.parse",)
# a worker with no task for this long exits (~40 MB back after a first poll; the next body
# starts one again, ~0.3 s of CPU): between polls of a daemon `run`, or when a poll parses
# fewer bodies than there are workers
IDLE_EXIT = 120.0
# a worker's own code: the package this module belongs to comes first on its path
_BOOT = ("import sys; sys.path.insert(0, sys.argv[1]); "
         "from monitor.workerproc import serve; serve(sys.argv[2:])")
_STOP = None  # queued once per thread by shutdown
# tasks sent to a worker at once: the one it parses and the next, already in its socket, so it
# never waits for the daemon's thread (woken by the result, then waiting for the GIL the event
# loop holds) to send it more: on a first poll of 500 real-shaped feeds on a loaded machine
# those waits summed ~4.5 s (README, Performance). Results come back in order,
# so a worker that dies held the first unanswered task only: the others are sent again
DEPTH = 2


# --- the daemon's side ---------------------------------------------------------------------


def _settle(future: Future[Any], ok: bool, value: Any) -> None:
    """A worker's reply, ``(ok, value)``, as its task's outcome."""
    if ok:
        future.set_result(value)
    else:
        future.set_exception(value)


class _Worker:
    """One worker process and the daemon's end of its socket."""

    def __init__(self, preload: Sequence[str], log_format: str) -> None:
        ours, theirs = socket.socketpair()
        root = logging.getLogger()
        level = (logging.getLevelName(root.getEffectiveLevel()).lower() if root.handlers
                 else "warning")  # logging not set up (a library caller): warnings only
        package_parent = str(Path(__file__).resolve().parent.parent)
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-c", _BOOT, package_parent, str(theirs.fileno()),
                 str(os.getpid()), level, log_format, *preload],
                pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, env=heap.child_env())
        finally:
            theirs.close()
        self.conn = Channel(ours.detach())

    def close(self) -> None:
        self.conn.close()  # the worker reads end-of-file and exits
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class ParsePool(Executor):
    """``workers`` worker processes importing ``preload``; see the module's docstring.

    Until ``start`` is called, the first task starts them."""

    def __init__(self, workers: int, preload: Sequence[str] = PRELOAD, *,
                 log_format: str = "auto", idle_exit: float = IDLE_EXIT) -> None:
        self.workers = workers
        self.idle_exit = idle_exit
        self.preload = tuple(preload)
        self.log_format = log_format
        self.restarts = 0
        self._tasks: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._wakes: list[int] = []  # per thread: a pipe written at each submit (see _run)
        self._lock = threading.Lock()
        self._closed = False

    @property
    def started(self) -> bool:
        return bool(self._threads)

    def start(self) -> ParsePool:
        """Start the workers now (the first task does, when this was not called)."""
        with self._lock:
            if self._closed:
                raise RuntimeError("cannot start a pool that was shut down")
            if not self._threads:
                for n in range(self.workers):
                    worker = _Worker(self.preload, self.log_format)
                    wake, woken = os.pipe()
                    for end in (wake, woken):
                        os.set_blocking(end, False)
                    self._wakes.append(woken)
                    thread = threading.Thread(target=self._run, args=(worker, wake, woken),
                                              name=f"parse-worker-{n}", daemon=True)
                    thread.start()
                    self._threads.append(thread)
        return self

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        if self._closed:
            raise RuntimeError("cannot submit a task after shutdown")
        if not self._threads:
            self.start()
        future: Future[Any] = Future()
        self._tasks.put((future, fn, args, kwargs))
        with self._lock:  # wake the threads waiting for a result with room for one more task
            for woken in self._wakes:
                with contextlib.suppress(BlockingIOError):  # full: woken already
                    os.write(woken, b"\0")
        return future

    def _run(self, worker: _Worker | None, wake: int, woken: int) -> None:
        """One worker's thread: up to ``DEPTH`` tasks sent to its worker, whose results come
        back in order; a new worker when it dies; none while no task came for ``idle_exit``
        seconds (the next task starts one again)."""
        sent: deque[Any] = deque()  # sent to the worker, oldest first: sent[0] is the one it holds
        again: deque[Any] = deque()  # sent to a worker that died before it began them
        stopping = False
        try:
            while True:
                while len(sent) < DEPTH and (again or not stopping):
                    if again:
                        task = again.popleft()
                    else:
                        # a second task only when every other worker could still take one: a
                        # few bodies are spread over the workers, not queued behind one
                        if sent and self._tasks.qsize() < self.workers:
                            break
                        try:
                            task = (self._tasks.get_nowait() if sent else self._tasks.get(
                                timeout=self.idle_exit if worker is not None else None))
                        except queue.Empty:
                            if sent:
                                break
                            assert worker is not None  # idle: give its memory back
                            worker.close()
                            worker = None
                            continue
                        if task is _STOP:
                            stopping = True
                            break
                        if not task[0].set_running_or_notify_cancel():
                            continue
                    if worker is None:
                        worker = _Worker(self.preload, self.log_format)
                    _, fn, args, kwargs = task
                    sent.append(task)
                    try:
                        worker.conn.send((fn, args, kwargs))
                    except (EOFError, OSError):  # the worker died
                        worker = self._replace(worker, sent, again)
                    except BaseException as exc:  # the task could not be sent (not picklable)
                        sent.pop()
                        task[0].set_exception(exc)
                    del task, fn, args, kwargs
                if not sent:
                    if stopping and not again:
                        break
                    continue
                assert worker is not None
                if len(sent) < DEPTH and not stopping:
                    # room for one more: wait for the result or a new task, whichever is first
                    ready, _, _ = select.select([worker.conn.fileno(), wake], [], [])
                    if wake in ready:
                        with contextlib.suppress(BlockingIOError):
                            os.read(wake, 4096)
                        continue
                try:
                    ok, value = worker.conn.recv()
                except (EOFError, OSError):  # the worker died with the task it held
                    worker = self._replace(worker, sent, again)
                    continue
                except BaseException as exc:  # the result could not be read back
                    ok, value = False, exc
                _settle(sent.popleft()[0], ok, value)
                del value
        finally:
            if worker is not None:
                worker.close()
            with self._lock:
                self._wakes.remove(woken)
                os.close(woken)
                os.close(wake)

    def _replace(self, worker: _Worker, sent: deque[Any], again: deque[Any]) -> _Worker:
        """``worker`` died: fail the one task it held (``sent[0]``: it runs them in order) with
        BrokenProcessPool, send the ones it had not begun again, and return its replacement."""
        from concurrent.futures.process import BrokenProcessPool

        with contextlib.suppress(EOFError, OSError):  # results it sent before it died count
            while sent and worker.conn.poll(0):
                ok, value = worker.conn.recv()
                _settle(sent.popleft()[0], ok, value)
        code = worker.proc.wait()
        if sent:  # else it died between tasks: its replacement takes the rest
            future, fn, _, _ = sent.popleft()
            future.set_exception(BrokenProcessPool(
                f"a worker process died running {getattr(fn, '__name__', fn)} "
                f"(exit status {code})"))
            again.extendleft(reversed(sent))
            sent.clear()
        worker.close()
        self.restarts += 1
        return _Worker(self.preload, self.log_format)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            threads = self._threads
        if cancel_futures:
            while True:
                try:
                    task = self._tasks.get_nowait()
                except queue.Empty:
                    break
                if task is not _STOP:
                    task[0].cancel()
        for _ in threads:
            self._tasks.put(_STOP)
        if wait:
            for thread in threads:
                thread.join()


def make_executor(config: Config) -> ParsePool | None:
    """Parser worker processes (parsing is CPU-bound), not started yet; None: parse in the
    event loop. ``auto``: one per core beyond the first (the daemon's own process keeps one
    busy fetching, matching and writing), at least one, at most four."""
    setting = config.defaults.parse_workers
    workers = max(1, min((os.cpu_count() or 1) - 1, 4)) if setting == "auto" else setting
    return ParsePool(workers, log_format=config.settings.log.format) if workers else None


def every_body_to_parse(database: Path | str) -> bool:
    """Whether a poll of every feed into ``database`` parses every body it fetches: an SQLite
    file that does not exist yet holds no feed's last body, so nothing can come back 304 or
    unchanged (a PostgreSQL database, shared or not, is never assumed new)."""
    from monitor.config import is_database_url

    return not is_database_url(database) and not Path(database).exists()
