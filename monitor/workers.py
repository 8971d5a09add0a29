"""The parser worker processes: started cheaply, sharing memory, never outliving the daemon.

Start: ``ParsePool.start`` forks the workers from the daemon itself, before the event loop,
its threads and its sockets exist (fork is only safe then). They start with every module
already imported and share those pages with the daemon copy-on-write; ``gc.freeze`` keeps the
collector from writing to the shared objects. Against workers from a forkserver (which imports
the parser again, plus a resource tracker process) the peak memory of the process tree for a
first poll of 500 feeds went from 108 MB to 82 MB of PSS (bench/, one worker).

Restart: a pool whose worker died (the OOM killer, a crash in a C extension) is broken for
good; the next task replaces it with workers from a forkserver, which is safe to start from
the running, threaded daemon. Tasks in flight when it broke fail with BrokenProcessPool
(the pipeline records a parse error on their feeds).

Exit: ProcessPoolExecutor workers wait on a task pipe whose write end they all hold themselves,
so when the daemon is killed with SIGKILL (or the OOM killer) they never see end-of-file and
would linger forever. Each worker therefore watches the daemon's process from a thread and
exits as soon as it is gone: a pidfd where the kernel has them (no confusion with a reused
pid), else a check every second. Workers ignore SIGINT: a Ctrl-C in a terminal reaches the
whole process group, and the daemon, not each worker, decides how to stop.
"""

from __future__ import annotations

import gc
import importlib
import os
import select
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool, ProcessPoolExecutor
from typing import Any

# what a worker runs: imported before the workers are forked (by the daemon at start, by a
# forkserver on a restart)
PRELOAD = ["monitor.parse", "feedparser"]


def watch_parent(pid: int) -> None:
    """ProcessPoolExecutor initializer: exit this worker when process ``pid`` exits."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_wait_then_exit, args=(pid,), name="watch-daemon", daemon=True).start()


def _wait_then_exit(pid: int) -> None:
    try:
        fd = os.pidfd_open(pid)
    except (AttributeError, OSError):  # no pidfd (old kernel, not Linux): poll the pid
        while _alive(pid):
            time.sleep(1.0)
    else:
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        poller.poll()  # readable when the process has exited
    os._exit(0)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class ParsePool(Executor):
    """``workers`` parser processes; see the module's docstring for how they start and restart.

    Until ``start`` is called, the first task starts a pool from a forkserver: code that never
    calls it (tests driving the daemon in-process) still gets working, safe workers.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self.restarts = 0

    def start(self) -> ParsePool:
        """Fork the workers now. Call it before the event loop starts and before any thread."""
        for module in PRELOAD:  # imported once here, shared with every worker
            importlib.import_module(module)
        with self._lock:
            if self._pool is None:
                gc.freeze()  # objects alive now are never collected: their pages stay shared
                pool = self._new("fork")
                # ProcessPoolExecutor forks its workers on the first task: make that now
                pool.submit(int).result()
                self._pool = pool
        return self

    def _new(self, method: str) -> ProcessPoolExecutor:
        import multiprocessing

        ctx = multiprocessing.get_context(method)
        if method == "forkserver":
            ctx.set_forkserver_preload(PRELOAD)
        return ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=watch_parent,
                                   initargs=(os.getpid(),))

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        with self._lock:
            if self._pool is None:
                self._pool = self._new("forkserver")
            pool = self._pool
        try:
            return pool.submit(fn, *args, **kwargs)
        except BrokenProcessPool:
            with self._lock:
                if self._pool is pool:  # not replaced by another caller meanwhile
                    self._pool = self._new("forkserver")
                    self.restarts += 1
                pool.shutdown(wait=False, cancel_futures=True)
                replacement = self._pool
            return replacement.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=cancel_futures)
