"""A parser worker process's own side: its main loop, started by ``monitor.workers``.

Kept apart from the daemon's side of the pool (monitor/workers.py, which needs subprocess and
concurrent.futures) so that a worker imports only this module, the standard library modules it
names, and what its tasks need (``preload``): no HTTP client, config models, SQLite store,
command line or structlog. Every module a worker loads counts again in the summed RSS of the
process tree; structlog (~1.5 MB) is loaded only when a worker has a log line to write
(``logs.configure_when_used``), which at the default levels a parse never has. The daemon and
a worker talk through ``Channel`` (pickled messages over a socket), not multiprocessing's
Connection, whose package costs each process ~1.7 MB.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import pickle
import queue
import select
import signal
import socket
import struct
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from typing import Any, NoReturn

from monitor import lazy

# what a worker binds when something imports it but loads only when it is first used
# (monitor/lazy.py): structlog imports asyncio (and asyncio ssl) for async methods workers never
# call; feedparser imports chardet for the rare body whose encoding no header or declaration
# names, and its HTTP client (urllib.request, http.client, ssl, email) and urllib.error for
# fetching URLs, which the monitor never asks of it (xml.sax.saxutils imports urllib.request
# for the same). ~8 MB of a worker's 46 MB peak (bench/HISTORY.md)
DEFER = ("asyncio", "chardet", "feedparser.http", "urllib.error", "urllib.request")


_LENGTH = struct.Struct("!Q")  # each message's length, before it


class Channel:
    """Pickled messages over a connected stream socket (one end of a socket pair), each after
    its length: what the daemon and a worker send each other. ``recv`` raises EOFError once
    the other end is closed and every message it sent was read; ``send`` pickles first, so an
    object that cannot be pickled raises before anything is written. One thread may send while
    another receives."""

    def __init__(self, fd: int) -> None:
        self._sock = socket.socket(fileno=fd)

    def fileno(self) -> int:
        return self._sock.fileno()

    def send(self, obj: Any) -> None:
        self._sock.sendall(pack(obj))

    def recv(self) -> Any:
        (size,) = _LENGTH.unpack(self._read(_LENGTH.size))
        return pickle.loads(self._read(size))

    def poll(self, timeout: float = 0.0) -> bool:
        """Whether a message (or end-of-file) is there to read, waiting up to ``timeout``."""
        return bool(select.select([self._sock], [], [], timeout)[0])

    def close(self) -> None:
        self._sock.close()

    def _read(self, size: int) -> bytearray:
        buf = bytearray(size)
        view, got = memoryview(buf), 0
        while got < size:
            n = self._sock.recv_into(view[got:])
            if not n:
                raise EOFError("the other end closed the channel")
            got += n
        return buf


def pack(obj: Any) -> bytes:
    """``obj`` as one message on a channel: its pickle, after its length."""
    data = pickle.dumps(obj, pickle.HIGHEST_PROTOCOL)
    return _LENGTH.pack(len(data)) + data


def messages(buf: bytearray) -> Iterator[bytes]:
    """The whole messages at the start of ``buf`` (bytes read from a channel), each taken out
    of it as it is given; a message not complete yet stays for the bytes still to come."""
    while len(buf) >= _LENGTH.size:
        (size,) = _LENGTH.unpack_from(buf)
        end = _LENGTH.size + size
        if len(buf) < end:
            return
        data = bytes(buf[_LENGTH.size:end])
        del buf[:end]
        yield data


def parse_in_worker(*args: Any) -> Any:
    """``monitor.parse.parse_in_worker``, named from here: the daemon hands it to a worker
    without importing the parser and feedparser itself (4.6 MB it would hold for nothing)."""
    from monitor.parse import parse_in_worker as parse

    return parse(*args)


def serve(argv: Sequence[str]) -> None:
    """A worker's main loop: ``argv`` = socket fd, daemon pid, log level, log format, modules
    to import. Runs tasks until the daemon closes the socket or exits."""
    fd, parent, level, fmt, *preload = argv
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    lazy.defer(DEFER)
    threading.Thread(target=_wait_then_exit, args=(int(parent),), name="watch-daemon",
                     daemon=True).start()
    from monitor import logs

    # as the daemon logs (a debug line of the parser, say), with structlog loaded only for
    # the first line there is to write
    logs.configure_when_used(level, fmt)
    for module in preload:
        importlib.import_module(module)
    lazy.attach(DEFER)
    conn = Channel(int(fd))
    # a thread reads the next task while this one parses: the daemon sends a worker its next
    # body before the previous result is back (``DEPTH``), and never waits on a full socket
    tasks: queue.SimpleQueue[Any] = queue.SimpleQueue()
    threading.Thread(target=_read_tasks, args=(conn, tasks), name="read-tasks",
                     daemon=True).start()
    while True:
        task = tasks.get()
        if task is None:
            _exit()  # the daemon closed its end, or is gone
        fn, args, kwargs = task
        try:
            reply: tuple[bool, Any] = (True, fn(*args, **kwargs))
        except BaseException as exc:  # the task's own error goes back to its caller
            reply = (False, exc)
        try:
            conn.send(reply)
        except (EOFError, OSError):
            _exit()
        except Exception as exc:  # not picklable: say so rather than leave the caller waiting
            conn.send((False, RuntimeError(f"{fn.__name__}: cannot send the result back: "
                                           f"{type(exc).__name__}: {exc}")))
        del task, fn, args, kwargs, reply
        # what the task left in reference cycles (feedparser's parser objects, exceptions
        # with their frames) goes now, while it is young: left to the collector's thresholds
        # it reaches the oldest generation, whose passes are rare, and the next documents
        # are parsed beside it (a worker's peak on a first poll of 2,000 real-shaped feeds:
        # ~6 MB lower; young generations only, so ~no CPU)
        gc.collect(1)


def _exit() -> NoReturn:
    """A worker's end: what it wrote is flushed, then the process ends at once. The
    interpreter's own exit (finalising every module, freeing the heap object by object) took
    70-240 ms after a batch of parses, and the daemon waits for it at the end of each
    `poll-once` (and of a `run`); the kernel takes the memory back in one go. A worker has
    nothing else to close: its results are sent, and its socket closes with the process."""
    for stream in (sys.stdout, sys.stderr):
        # a closed stream (ValueError) or a broken one (OSError): nothing left to keep
        with contextlib.suppress(ValueError, OSError):
            stream.flush()
    os._exit(0)


def _read_tasks(conn: Any, tasks: queue.SimpleQueue[Any]) -> None:
    """A worker's reader: each task as it arrives, then None when the daemon's end closes."""
    try:
        while True:
            tasks.put(conn.recv())
    except (EOFError, OSError):
        pass
    finally:
        tasks.put(None)


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
    _exit()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
