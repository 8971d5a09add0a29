"""Parser worker processes must not outlive the daemon.

ProcessPoolExecutor workers wait on a task pipe whose write end they all hold themselves, so
when the daemon is killed with SIGKILL (or the OOM killer) they never see end-of-file and would
linger forever, with the forkserver that made them. Each worker therefore watches the daemon's
process from a thread and exits as soon as it is gone: a pidfd where the kernel has them (no
confusion with a reused pid), else a check every second.
"""

from __future__ import annotations

import os
import select
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any


def watch_parent(pid: int) -> None:
    """ProcessPoolExecutor initializer: exit this worker when process ``pid`` exits."""
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


class LazyPool(Executor):
    """An executor that starts its process pool on the first task.

    A poll where every feed answers 304 or an unchanged body parses nothing; it then never pays
    for starting the forkserver and the workers (a third of such a poll's time)."""

    def __init__(self, make: Callable[[], Executor]) -> None:
        self._make = make
        self._pool: Executor | None = None
        self._lock = threading.Lock()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        with self._lock:
            if self._pool is None:
                self._pool = self._make()
        return self._pool.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=cancel_futures)
