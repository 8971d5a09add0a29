"""The parser worker processes: slim, one task at a time each, never outliving the daemon.

Start: the first body to parse starts the workers (a daemon's poll where every feed answers 304
or an unchanged body starts none: ~33 MB and ~0.4 s of CPU saved). `poll-once` starts them as
soon as its config is read (``start``), so that their own start runs beside its imports and
first fetches rather than holding up the first bodies; a worker never given a task is killed at
``shutdown``, not waited for (an all-304 `poll-once` pays its start's CPU, on the core its own
process leaves free, and no wall time at its end). Each is a fresh interpreter
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
length-prefixed messages). A poll awaits ``ParsePool.run``: the event loop's own thread writes
the tasks without blocking and reads the results when the loop says they are there, so no
other thread of the daemon takes the interpreter lock from the loop's around each task (with a
thread per worker, the loop's thread waited for that lock at each statement, socket write and
wake-up: ~0.2 s of the daemon's CPU in a +3 items poll of 500 feeds, README, Performance);
it keeps up to ``LOOP_DEPTH`` tasks sent to each worker, as it comes back to them only between
its other work. ``submit`` (the Executor interface: article pages, callers without a loop) is
served by a thread per worker that takes tasks from the pool's queue and keeps ``DEPTH`` of
them sent. A worker runs one task at a time, in the order sent, the next body already waiting
in its socket (read by a thread of the worker) when a parse ends. A worker that dies (the OOM
killer, a SIGKILL, a crash in a C extension) fails the one task it held (the first unanswered
one) with ``BrokenProcessPool`` (the pipeline records a parse error on that feed only) and is
replaced; the tasks it had not begun are sent to its replacement, and the other workers and the
queued tasks go on.

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

import asyncio
import contextlib
import logging
import os
import pickle
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
from monitor.workerproc import (  # noqa: F401  # DEFER, parse_in_worker: named from here too
    DEFER,
    Channel,
    messages,
    pack,
    parse_in_worker,
)

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
# the same for ``ParsePool.run``, whose tasks are sent by the event loop's thread: it comes back
# to a worker's results only between its other callbacks (a poll's matching and writing take a
# few ms), so each worker is sent more, not to run dry meanwhile (2 starved the worker of 500
# real-shaped +3 items bodies, which parse in ~1.5 ms each; the polls in flight, ``concurrency``,
# bound what waits)
LOOP_DEPTH = 8
# ... and past the first task, no more than this many bytes of bodies unanswered at a worker:
# each one waits there, read and held (a few large documents are not queued 8 deep)
LOOP_BYTES = 512 * 1024


# --- the daemon's side ---------------------------------------------------------------------


def _broken(name: Any, code: int) -> Exception:
    """What the task a worker held when it died raises (the pipeline records it on its feed)."""
    from concurrent.futures.process import BrokenProcessPool

    return BrokenProcessPool(f"a worker process died running {name} (exit status {code})")


def _settle(future: Future[Any] | asyncio.Future[Any], ok: bool, value: Any) -> None:
    """A worker's reply, ``(ok, value)``, as its task's outcome (none for a task cancelled
    while it ran: its caller is gone)."""
    if future.done():
        return
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
        self._spawned = 0  # worker processes started, replacements included
        self._spare: list[_Worker] = []  # started by ``start``, not yet given a task
        self._lock = threading.Lock()
        self._closed = False
        # ``submit``: a thread of the pool's per worker
        self._tasks: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._wakes: list[int] = []  # per thread: a pipe written at each submit (see _run)
        # ``run``: the event loop's own thread drives the workers (_LoopSlot)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._slots: list[_LoopSlot] = []
        self._queued: deque[_LoopTask] = deque()

    @property
    def started(self) -> bool:
        """Whether any worker process was ever started."""
        return self._spawned > 0

    def start(self) -> ParsePool:
        """Start the worker processes now (the first task does, when this was not called)."""
        with self._lock:
            if self._closed:
                raise RuntimeError("cannot start a pool that was shut down")
            if not self._spawned:
                self._spare = [self._new_worker() for _ in range(self.workers)]
        return self

    def _new_worker(self) -> _Worker:
        self._spawned += 1
        return _Worker(self.preload, self.log_format)

    def _take_worker(self) -> _Worker:
        """A started worker not given any task yet (``start``), else a new one."""
        if not self._spawned:
            self.start()
        with self._lock:
            if self._spare:
                return self._spare.pop()
        return self._new_worker()

    def _start_threads(self) -> None:
        with self._lock:
            if self._threads:
                return
        workers = [self._take_worker() for _ in range(self.workers)]
        with self._lock:
            for n, worker in enumerate(workers):
                wake, woken = os.pipe()
                for end in (wake, woken):
                    os.set_blocking(end, False)
                self._wakes.append(woken)
                thread = threading.Thread(target=self._run, args=(worker, wake, woken),
                                          name=f"parse-worker-{n}", daemon=True)
                thread.start()
                self._threads.append(thread)

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        """``fn(*args, **kwargs)`` in a worker, sent and answered by a thread of the pool's
        (from any thread; a coroutine on an event loop awaits ``run`` instead)."""
        if self._closed:
            raise RuntimeError("cannot submit a task after shutdown")
        if not self._threads:
            self._start_threads()
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
                        worker = self._new_worker()
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

    async def run(self, fn: Callable[..., Any], /, *args: Any) -> Any:
        """``fn(*args)`` in a worker, awaited on the running event loop, whose own thread
        sends the tasks and reads the results (``_LoopSlot``): no thread of the pool's
        takes the interpreter lock from the loop's thread around each task. Each task goes to
        the worker with the fewest sent (``LOOP_DEPTH`` at most); a worker that dies fails the
        one task it held with BrokenProcessPool, and the tasks it had not begun go to the next
        worker; an idle worker exits after ``idle_exit`` seconds. One event loop per pool."""
        if self._closed:
            raise RuntimeError("cannot run a task after shutdown")
        loop = asyncio.get_running_loop()
        if self._loop is None:
            self._loop = loop
            self._slots = [_LoopSlot(self, loop) for _ in range(self.workers)]
        elif self._loop is not loop:
            raise RuntimeError("a parse pool runs tasks for one event loop only")
        task = _LoopTask(loop.create_future(), (fn, args, {}),
                         getattr(fn, "__name__", repr(fn)))
        self._queued.append(task)
        self._pump()
        return await task.future

    def _pump(self) -> None:
        """Send queued tasks to the loop's workers, each to the one with the fewest tasks
        sent, up to ``LOOP_DEPTH`` and ``LOOP_BYTES`` each (a first task whatever its size)."""
        while self._queued:
            slot = min(self._slots, key=lambda s: len(s.sent))
            if slot.sent and (len(slot.sent) >= LOOP_DEPTH
                              or slot.unanswered + self._queued[0].size > LOOP_BYTES):
                break
            task = self._queued.popleft()
            if task.future.done():  # cancelled while it waited (a poll abandoned)
                continue
            try:
                slot.send(task)
            except Exception as exc:  # no worker could be started (OSError): this task's
                task.future.set_exception(exc)
        for slot in self._slots:
            slot.idle_unless_busy()

    def _shutdown_slots(self, wait: bool, cancel_futures: bool) -> None:
        """``shutdown`` of the loop's workers, from the loop's thread. ``wait``: the tasks
        still queued or unanswered are run to the end here, blocking (the loop cannot read
        them while this runs)."""
        queued, self._queued = self._queued, deque()
        if cancel_futures:
            for task in queued:
                task.future.cancel()
        pending = [t for t in queued if not t.future.done()]
        first, *others = self._slots
        first.finish(wait, pending if wait else [])  # waited for: run by the first worker
        for slot in others:
            slot.finish(wait, [])
        if not wait:
            for task in pending:  # not waited for: never sent
                task.future.set_exception(RuntimeError("the parse pool was shut down"))

    def _replace(self, worker: _Worker, sent: deque[Any], again: deque[Any]) -> _Worker:
        """``worker`` died: fail the one task it held (``sent[0]``: it runs them in order) with
        BrokenProcessPool, send the ones it had not begun again, and return its replacement."""
        with contextlib.suppress(EOFError, OSError):  # results it sent before it died count
            while sent and worker.conn.poll(0):
                ok, value = worker.conn.recv()
                _settle(sent.popleft()[0], ok, value)
        code = worker.proc.wait()
        if sent:  # else it died between tasks: its replacement takes the rest
            future, fn, _, _ = sent.popleft()
            future.set_exception(_broken(getattr(fn, "__name__", fn), code))
            again.extendleft(reversed(sent))
            sent.clear()
        worker.close()
        self.restarts += 1
        return self._new_worker()

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            threads = self._threads
            spare, self._spare = self._spare, []
        for worker in spare:  # started, never given a task: nothing to wait for
            worker.conn.close()
            worker.proc.kill()
            worker.proc.wait()
        if self._slots:
            self._shutdown_slots(wait, cancel_futures)
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


class _LoopTask:
    """A task of ``ParsePool.run``: its future (on the loop), its call, its function's name, and
    its message until the message is written (pickled when made, so that an argument that
    cannot be pickled fails its caller at once; again should a worker die before it began)."""

    __slots__ = ("call", "future", "message", "name", "size")

    def __init__(self, future: asyncio.Future[Any], call: tuple[Any, ...], name: str) -> None:
        self.future, self.call, self.name = future, call, name
        self.message: bytes | None = pack(call)
        self.size = len(self.message)

    def take_message(self) -> bytes:
        message = self.message if self.message is not None else pack(self.call)
        self.message = None
        return message


class _LoopSlot:
    """One worker of ``ParsePool.run``, driven by callbacks of the event loop: its socket is
    written without blocking (what does not fit waits for the loop to say it is writable) and
    read when the loop says it is readable; results come back in the order sent."""

    def __init__(self, pool: ParsePool, loop: asyncio.AbstractEventLoop) -> None:
        self.pool, self.loop = pool, loop
        self.worker: _Worker | None = None
        self.sent: deque[_LoopTask] = deque()  # sent[0] is the one the worker holds
        self.inbox = bytearray()
        self.outbox: deque[memoryview] = deque()  # messages, or what is left of them, to write
        self.unanswered = 0  # bytes of the tasks sent
        self.idle: asyncio.TimerHandle | None = None

    def send(self, task: _LoopTask) -> None:
        if self.idle is not None:
            self.idle.cancel()
            self.idle = None
        if self.worker is None:
            self.worker = self.pool._take_worker()
            self.worker.conn._sock.setblocking(False)
            self.loop.add_reader(self.worker.conn.fileno(), self._readable)
        self.sent.append(task)
        self.unanswered += task.size
        self.outbox.append(memoryview(task.take_message()))
        self._writable()

    def _writable(self) -> None:
        assert self.worker is not None
        while self.outbox:
            try:
                sent = self.worker.conn._sock.send(self.outbox[0])
            except BlockingIOError:
                break
            except OSError:  # the worker died: its end of the socket is gone
                self._died()
                return
            if sent < len(self.outbox[0]):
                self.outbox[0] = self.outbox[0][sent:]
                break
            self.outbox.popleft()
        fd = self.worker.conn.fileno()
        if self.outbox:
            self.loop.add_writer(fd, self._writable)
        else:
            self.loop.remove_writer(fd)

    def _readable(self) -> None:
        assert self.worker is not None
        try:
            data = self.worker.conn._sock.recv(1 << 20)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:  # end of file: the worker is gone (every result it sent is read)
            self._died()
            return
        self.inbox += data
        for message in messages(self.inbox):
            task = self.sent.popleft()
            self.unanswered -= task.size
            try:
                ok, value = pickle.loads(message)
            except BaseException as exc:  # the result could not be read back
                ok, value = False, exc
            _settle(task.future, ok, value)
            del value
        self.pool._pump()

    def _detach(self) -> _Worker | None:
        worker, self.worker = self.worker, None
        if worker is not None:
            self.loop.remove_reader(worker.conn.fileno())
            self.loop.remove_writer(worker.conn.fileno())
        self.inbox.clear()
        self.outbox.clear()
        self.unanswered = 0
        return worker

    def _died(self) -> None:
        """The worker died: fail the task it held, give the ones it had not begun back to the
        pool's queue (in order, first), and start a new worker only for a task."""
        worker = self._detach()
        assert worker is not None
        code = worker.proc.wait()
        worker.close()
        self.pool.restarts += 1
        if self.sent:
            task = self.sent.popleft()
            if not task.future.done():
                task.future.set_exception(_broken(task.name, code))
            self.pool._queued.extendleft(reversed(self.sent))
            self.sent.clear()
        self.loop.call_soon(self.pool._pump)  # not from inside a _pump that was sending

    def idle_unless_busy(self) -> None:
        """With nothing sent and nothing queued, the worker exits after ``idle_exit`` s."""
        if self.worker is not None and not self.sent and not self.pool._queued \
                and self.idle is None:
            self.idle = self.loop.call_later(self.pool.idle_exit, self._retire)

    def _retire(self) -> None:
        self.idle = None
        if not self.sent:
            worker = self._detach()
            if worker is not None:
                worker.close()

    def finish(self, wait: bool, queued: Sequence[_LoopTask]) -> None:
        """Shut down: with ``wait``, run what was sent and ``queued`` to the end first,
        blocking; then close the worker (and with ``wait``, wait for its exit)."""
        if self.idle is not None:
            self.idle.cancel()
            self.idle = None
        if wait and (self.sent or queued) and self.worker is None:
            self.worker = self.pool._take_worker()
        pending, outbox = self.sent, list(self.outbox)
        worker = self._detach()
        if worker is None:
            return
        if wait and (pending or queued):
            worker.conn._sock.setblocking(True)
            # the worker dying meanwhile (EOFError, OSError): what is left fails below
            with contextlib.suppress(EOFError, OSError):
                for rest in outbox:
                    worker.conn._sock.sendall(rest)
                for task in queued:
                    pending.append(task)
                    worker.conn._sock.sendall(task.take_message())
                while pending:
                    ok, value = worker.conn.recv()
                    _settle(pending.popleft().future, ok, value)
        for task in pending:  # unanswered: the pool is gone
            if not task.future.done():
                task.future.set_exception(RuntimeError("the parse pool was shut down"))
        pending.clear()
        if wait:
            worker.close()
        else:
            worker.conn.close()


def make_executor(config: Config) -> ParsePool | None:
    """Parser worker processes (parsing is CPU-bound), not started yet; None: parse in the
    event loop. ``auto``: one per core beyond the first (the daemon's own process keeps one
    busy fetching, matching and writing), at least one, at most four."""
    setting = config.defaults.parse_workers
    workers = max(1, min((os.cpu_count() or 1) - 1, 4)) if setting == "auto" else setting
    return ParsePool(workers, log_format=config.settings.log.format) if workers else None
