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
