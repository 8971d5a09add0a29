"""Parser workers: slim processes, replaced when one dies, gone when the daemon is killed."""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import textwrap
import time
from concurrent.futures.process import BrokenProcessPool

import pytest

from monitor.workers import LOOP_BYTES, LOOP_DEPTH, ParsePool

CHILD = textwrap.dedent("""
    import os, sys, time
    from monitor.daemon import make_executor
    from monitor.runtime import load_runtime

    executor = make_executor(load_runtime(sys.argv[1]).config)
    if sys.argv[2] == "started":
        executor.start()
    pids = set(executor.submit(os.getpid).result() for _ in range(20))
    print(" ".join(map(str, sorted(pids))), flush=True)
    time.sleep(120)
""")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        with open(f"/proc/{pid}/stat") as fh:  # a zombie is as good as gone
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):  # reaped between the signal and the read
        return False


@pytest.mark.parametrize("start", ["started", "lazy"])
def test_workers_exit_when_the_daemon_is_killed(tmp_path, start):
    """SIGKILL the daemon process: its parser workers are gone within a few seconds, whether
    they were started with the daemon or by its first parse."""
    from daemon_helpers import write_config

    cfg = write_config(tmp_path, {"a": "https://example.com/a.xml"})
    cfg.write_text(cfg.read_text().replace("parse_workers: 0", "parse_workers: 2"))
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(cfg), start],
                            stdout=subprocess.PIPE, text=True)
    try:
        pids = [int(p) for p in proc.stdout.readline().split()]
        assert pids and all(_alive(p) for p in pids)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        deadline = time.monotonic() + 10
        while any(_alive(p) for p in pids) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(p) for p in pids), f"workers {pids} outlived the daemon"
    finally:
        proc.kill()
        proc.wait(10)


def test_a_dead_worker_is_replaced_and_the_pool_keeps_working():
    """A worker killed mid-task (the OOM killer, a crash) fails that task only; the next task
    runs on a new worker instead of every later parse failing with a broken pool."""
    pool = ParsePool(1).start()
    try:
        first = pool.submit(os.getpid).result(timeout=30)
        with pytest.raises(BrokenProcessPool):
            pool.submit(os._exit, 1).result(timeout=30)
        second = pool.submit(os.getpid).result(timeout=60)
        assert second != first and pool.restarts == 1
        assert pool.submit(sum, [1, 2, 3]).result(timeout=30) == 6
    finally:
        pool.shutdown()


def test_a_killed_worker_fails_only_the_task_it_held():
    """SIGKILL a worker in the middle of a task while others wait in the queue: that task fails
    with BrokenProcessPool, the waiting ones run on its replacement."""
    pool = ParsePool(1).start()
    try:
        pid = pool.submit(os.getpid).result(timeout=30)
        held = pool.submit(time.sleep, 60)
        waiting = [pool.submit(os.getpid) for _ in range(3)]
        time.sleep(0.5)  # the worker has taken the sleep
        os.kill(pid, signal.SIGKILL)
        with pytest.raises(BrokenProcessPool):
            held.result(timeout=30)
        pids = {f.result(timeout=60) for f in waiting}
        assert len(pids) == 1 and pid not in pids and pool.restarts == 1
    finally:
        pool.shutdown()


# --- ParsePool.run: the tasks of a poll, driven by the event loop's own thread --------------


# a task that takes a while, then says which worker ran it (a worker imports no test module)
_SLOW_PID = "__import__('time').sleep(0.05) or __import__('os').getpid()"


def _on_loop(coro_fn, *args):
    import asyncio

    return asyncio.run(asyncio.wait_for(coro_fn(*args), 120))


def test_run_on_the_event_loop_spreads_the_tasks_and_starts_no_thread():
    """``ParsePool.run`` (what a poll awaits): every result comes back to its own caller, the
    tasks are spread over both workers, and the pool starts no thread of its own beside the
    event loop's (a thread per worker took the interpreter lock from the loop around each
    task: README, Performance). A task's exception and an argument that cannot be pickled
    reach the caller; the pool goes on."""
    import asyncio
    import threading

    pool = ParsePool(2)

    async def main():
        before = threading.active_count()
        got = await asyncio.gather(*(pool.run(pow, 2, n) for n in range(40)))
        pids = await asyncio.gather(*(pool.run(eval, _SLOW_PID) for _ in range(8)))
        threads = threading.active_count() - before
        with pytest.raises(ZeroDivisionError):
            await pool.run(divmod, 1, 0)
        with pytest.raises((pickle.PicklingError, TypeError, AttributeError)):
            await pool.run(len, lambda: None)
        return got, set(pids), threads, await pool.run(sum, [1, 2, 3])

    try:
        got, pids, threads, after = _on_loop(main)
    finally:
        pool.shutdown()
    assert got == [2 ** n for n in range(40)]
    assert len(pids) == 2 and os.getpid() not in pids
    assert threads == 0
    assert after == 6 and pool.restarts == 0
    assert not any(_alive(p) for p in pids), "shutdown(wait=True) left a worker running"


def test_run_keeps_a_few_small_bodies_waiting_at_a_worker_and_large_ones_one_at_a_time():
    """``run`` sends a worker up to ``LOOP_DEPTH`` tasks ahead (the loop comes back to it only
    between its other work), but past the first no more than ``LOOP_BYTES`` of them: large
    documents are not held eight deep in the worker's memory. Every result still comes back."""
    import asyncio

    pool = ParsePool(1)
    big = b"x" * (LOOP_BYTES * 3 // 4)

    async def main():
        small = [asyncio.ensure_future(pool.run(len, b"x" * 100)) for _ in range(20)]
        await asyncio.sleep(0)
        ahead_small = len(pool._slots[0].sent)
        await asyncio.gather(*small)
        large = [asyncio.ensure_future(pool.run(len, big)) for _ in range(4)]
        await asyncio.sleep(0)
        ahead_large = len(pool._slots[0].sent)
        return ahead_small, ahead_large, await asyncio.gather(*large)

    try:
        ahead_small, ahead_large, got = _on_loop(main)
    finally:
        pool.shutdown()
    assert ahead_small == LOOP_DEPTH and ahead_large == 1
    assert got == [len(big)] * 4


def test_run_a_killed_worker_fails_only_the_task_it_held():
    """``run``: SIGKILL a worker in the middle of a task while others wait behind it: that task
    fails with BrokenProcessPool, the waiting ones run on a new worker, in order."""
    import asyncio

    pool = ParsePool(1)

    async def main():
        pid = await pool.run(os.getpid)
        held = asyncio.ensure_future(pool.run(time.sleep, 60))
        waiting = [asyncio.ensure_future(pool.run(pow, 3, n)) for n in range(12)]
        await asyncio.sleep(0.5)  # the worker has taken the sleep
        os.kill(pid, signal.SIGKILL)
        with pytest.raises(BrokenProcessPool):
            await held
        return pid, await asyncio.gather(*waiting), await pool.run(os.getpid)

    try:
        pid, got, second = _on_loop(main)
    finally:
        pool.shutdown()
    assert got == [3 ** n for n in range(12)]
    assert second != pid and pool.restarts == 1


def test_run_an_idle_worker_exits_and_the_next_task_starts_another():
    """``run``: a worker with no task for ``idle_exit`` seconds exits, a task longer than that
    is not idleness, and the next task starts a new worker (not counted as a death)."""
    import asyncio

    pool = ParsePool(1, idle_exit=0.5)

    async def main():
        first = await pool.run(os.getpid)
        assert await pool.run(time.sleep, 1.0) is None
        assert await pool.run(os.getpid) == first
        deadline = time.monotonic() + 10
        while _alive(first) and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        assert not _alive(first), "the idle worker did not exit"
        return first, await pool.run(os.getpid)

    try:
        first, second = _on_loop(main)
    finally:
        pool.shutdown()
    assert second != first and pool.restarts == 0


def test_run_shutdown_with_tasks_in_flight_waits_for_them_or_cancels_them():
    """``shutdown(wait=True)`` from the event loop's thread runs what was sent or queued to
    its end (the loop cannot read results meanwhile); ``cancel_futures`` cancels what was not
    sent, and ``wait=False`` fails what was sent or queued rather than leave its caller
    waiting."""
    import asyncio

    async def main(wait: bool, cancel: bool):
        pool = ParsePool(1)
        tasks = [asyncio.ensure_future(pool.run(eval, _SLOW_PID)) for _ in range(12)]
        await asyncio.sleep(0)  # queued and the first ones sent
        pool.shutdown(wait=wait, cancel_futures=cancel)
        done = await asyncio.gather(*tasks, return_exceptions=True)
        with pytest.raises(RuntimeError):
            await pool.run(os.getpid)
        return done

    waited = _on_loop(main, True, False)
    assert len(set(waited)) == 1 and all(isinstance(p, int) for p in waited)
    cancelled = _on_loop(main, True, True)
    assert all(isinstance(p, int) for p in cancelled[:LOOP_DEPTH])
    assert all(isinstance(p, asyncio.CancelledError) for p in cancelled[LOOP_DEPTH:])
    dropped = _on_loop(main, False, True)
    assert all(isinstance(p, BaseException) for p in dropped)
    # not waited for and not cancelled: the tasks never sent fail too, none is left waiting
    failed = _on_loop(main, False, False)
    assert all(isinstance(p, BaseException) for p in failed)
    assert sum(isinstance(p, RuntimeError) for p in failed) >= len(failed) - LOOP_DEPTH


_DAEMONS = ("aiohttp", "pydantic", "sqlite3", "sqlite_utils", "monitor.match", "rich", "click",
            "structlog", "yaml", "monitor.workers", "concurrent.futures", "multiprocessing")
_WHICH = ("sorted(m for m in ('monitor.parse', 'feedparser', *{}) "
          "if type(__import__('sys').modules.get(m)).__name__ == 'module')")


def test_a_worker_imports_only_what_it_parses_with(tmp_path):
    """A worker is a fresh interpreter with the parser and feedparser loaded, not a copy of the
    daemon (its HTTP client, config models, store and watchlist, command line, structlog,
    multiprocessing and the pool's own module would count again in the summed RSS), also after
    it has parsed documents; an error raised by a task comes back to its caller."""
    from monitor.workers import parse_in_worker

    pool = ParsePool(1).start()
    try:
        body = (b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                b"<title>T</title><item><title>A</title><link>http://example.com/1</link></item>"
                b"</channel></rss>")
        atom = (b'<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry>'
                b'<id>urn:x:1</id><title>A</title><content type="image/png">aGVsbG8=</content>'
                b"</entry></feed>")  # the fast path declines it: the parser's debug line
        for doc in (body, atom):
            got = pool.submit(parse_in_worker, "f", "http://example.com/f", doc,
                              {"content-type": "application/xml"}, ()).result(timeout=60)
            assert [i.title for i in got.items] == ["A"]
        loaded = pool.submit(eval, _WHICH.format(_DAEMONS)).result(timeout=60)
        assert loaded == ["feedparser", "monitor.parse"]
        with pytest.raises(ZeroDivisionError):
            pool.submit(divmod, 1, 0).result(timeout=30)
    finally:
        pool.shutdown()


def test_a_worker_frees_what_a_task_left_in_reference_cycles():
    """Garbage a task leaves in reference cycles (feedparser's parser objects, an exception
    and its frames) is freed when the task ends, not held beside the next documents until the
    collector's rare full pass (README, Performance: memory)."""
    import gc

    pool = ParsePool(1).start()
    try:
        cycle = "(lambda l: l.append(l))([bytes(1 << 20)])"  # a list holding itself and 1 MB
        pool.submit(gc.collect).result(timeout=60)  # what starting the worker left
        pool.submit(eval, cycle).result(timeout=30)
        assert pool.submit(gc.collect).result(timeout=30) == 0
    finally:
        pool.shutdown()


def test_a_worker_ends_at_once_when_the_daemon_closes_and_keeps_what_it_wrote(capfd,
                                                                             monkeypatch):
    """Shut down, a worker ends at once (``os._exit``: no finalising of its modules and heap,
    which the daemon's end waited for) after flushing what it wrote: text left in its
    output's buffer (shared with the daemon's) is there, and the worker is gone when
    ``shutdown`` returns."""
    monkeypatch.delenv("PYTHONUNBUFFERED", raising=False)  # the worker's output is buffered
    pool = ParsePool(1).start()
    pid = pool.submit(os.getpid).result(timeout=60)
    pool.submit(exec, "import sys; sys.stdout.write('last words, in a buffer')").result(
        timeout=30)
    pool.shutdown(wait=True)
    assert not _alive(pid)
    assert "last words, in a buffer" in capfd.readouterr().out


_LOADED = ("sorted(n for n in ('asyncio', 'ssl', 'chardet', 'urllib.request', 'http.client', "
           "'feedparser.http', 'urllib.error') "
           "if type(__import__('sys').modules.get(n)).__name__ == 'module')")


def test_a_worker_loads_charset_detection_only_for_a_body_that_needs_it():
    """What a worker's parser never uses on most bodies (asyncio and ssl through structlog,
    chardet, feedparser's HTTP client) is not loaded until a body needs it: a body with no
    charset anywhere loads chardet then, and parses exactly as in the daemon's own process."""
    from monitor.parse import parse_in_worker as in_process
    from monitor.workers import parse_in_worker

    item = (b"<item><title>%s</title><link>http://example.com/1</link><guid>g1</guid></item>")
    utf8 = (b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
            + item % "caf\u00e9".encode() + b"</channel></rss>")
    text = "caf\u00e9 na\u00efve r\u00e9sum\u00e9 \u00e0 la cr\u00e8me"
    latin1 = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
              + item % text.encode("latin-1") + b"</channel></rss>")
    pool = ParsePool(1).start()
    try:
        assert pool.submit(eval, _LOADED).result(timeout=60) == []
        for body, ctype, loaded in ((utf8, "application/rss+xml", []),
                                    (latin1, "text/xml", ["chardet"])):
            args = ("f", "http://example.com/f", body, {"content-type": ctype}, ())
            got = pool.submit(parse_in_worker, *args).result(timeout=60)
            assert got == in_process(*args)
            assert [i.title for i in got.items] == [body.split(b"<title>")[2].split(b"<")[0]
                                                    .decode("utf-8" if loaded == [] else "latin-1")]
            assert pool.submit(eval, _LOADED).result(timeout=60) == loaded
    finally:
        pool.shutdown()


def test_a_deferred_module_is_the_module_a_plain_import_makes():
    """``defer``: ``import a.b`` then ``a.b.x``, ``from a import b`` and a package imported
    after its submodule was deferred all reach the real module, loaded on first use; a name
    that is not installed is left alone (its import still fails as usual)."""
    code = textwrap.dedent("""
        import sys
        from monitor.lazy import attach, defer
        names = ["urllib.error", "feedparser.http", "colorsys", "no_such_module_here"]
        defer(names)
        assert type(sys.modules["colorsys"]).__name__ == "_Deferred"
        assert "no_such_module_here" not in sys.modules
        import urllib.error
        assert urllib.error.URLError.__module__ == "urllib.error"
        from colorsys import rgb_to_hsv
        assert rgb_to_hsv(1.0, 0.0, 0.0) == (0.0, 1.0, 1.0)
        import feedparser
        attach(names)
        assert type(sys.modules["feedparser.http"]).__name__ == "_Deferred"
        assert feedparser.http.ACCEPT_HEADER.startswith("application/atom+xml")
        assert [type(sys.modules[n]).__name__ for n in names[:3]] == ["module"] * 3
        try:
            import no_such_module_here  # noqa: F401
        except ImportError:
            print("ok")
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "ok", out.stderr


def test_an_idle_worker_exits_and_the_next_task_starts_another():
    """A worker with no task for ``idle_exit`` seconds exits (its memory goes back to the
    system between polls); a task longer than that is not idleness; the next task after an
    idle exit starts a new worker and runs as usual."""
    pool = ParsePool(1, idle_exit=0.5).start()
    try:
        first = pool.submit(os.getpid).result(timeout=60)
        assert pool.submit(time.sleep, 1.0).result(timeout=60) is None
        assert pool.submit(os.getpid).result(timeout=60) == first
        deadline = time.monotonic() + 10
        while _alive(first) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(first), "the idle worker did not exit"
        second = pool.submit(os.getpid).result(timeout=60)
        assert second != first and _alive(second)
        assert pool.submit(divmod, 7, 2).result(timeout=60) == (3, 1)
        assert pool.restarts == 0  # an idle exit is not a death
    finally:
        pool.shutdown()


def test_workers_ignore_ctrl_c():
    """SIGINT (Ctrl-C reaches the whole process group) is the daemon's to handle, not theirs."""
    pool = ParsePool(1).start()
    try:
        assert pool.submit(signal.getsignal, signal.SIGINT).result(timeout=30) == signal.SIG_IGN
    finally:
        pool.shutdown()


# --- bad documents are values, not broken pools ------------------------------------------------

BAD = {
    "html": (b"<!DOCTYPE html><html><head><title>Oops</title></head><body><p>Moved</p></body>"
             b"</html>", "text/html; charset=utf-8", "not a feed: an HTML page"),
    "empty": (b"", "application/rss+xml", "empty body"),
    "truncated": (b'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0">\n<channel>\n'
                  b"<title>T</title>\n<description>cut", "application/rss+xml",
                  "not well-formed at line 5, no entries recovered"),
}


def test_bad_bodies_fail_only_their_own_feed(tmp_path, feed_server):
    """`monitor poll-once` with two real parser workers over 30 healthy feeds and an HTML page,
    an empty 200 and a truncated document: each bad feed records its own reason, every healthy
    feed parsed at the same time is ok with all its items, and no worker died."""
    import random

    from monitor.store import open_store

    from daemon_helpers import write_config
    from feedgen import make_items, rss

    feeds = {}
    rng = random.Random(5)
    for n in range(30):
        feed_server.set(f"/ok{n}.xml", rss(f"ok{n}", make_items(f"ok{n}", 0, 5, rng)))
        feeds[f"ok{n}"] = feed_server.url(f"/ok{n}.xml")
    for name, (body, ctype, _) in BAD.items():
        for copy in range(3):  # several at once, so they meet in the workers
            feed_server.set(f"/{name}{copy}.xml", body, content_type=ctype)
            feeds[f"{name}{copy}"] = feed_server.url(f"/{name}{copy}.xml")
    cfg = write_config(tmp_path, feeds)
    cfg.write_text(cfg.read_text().replace("parse_workers: 0", "parse_workers: 2"))
    proc = subprocess.run([sys.executable, "-m", "monitor", "poll-once", "--config", str(cfg)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    store = open_store(tmp_path / "monitor.db")
    try:
        rows = {r["id"]: r for r in store.feeds()}
    finally:
        store.close()
    for n in range(30):
        assert rows[f"ok{n}"]["last_status"] == "ok", rows[f"ok{n}"]["last_error"]
        assert rows[f"ok{n}"]["items"] == 5
    for name, (_, _, reason) in BAD.items():
        for copy in range(3):
            assert rows[f"{name}{copy}"]["last_error"] == reason
    assert "worker process died" not in proc.stderr


def test_a_poll_with_nothing_to_parse_starts_no_worker(tmp_path, feed_server):
    """The first body to parse starts the workers: a poll where every feed answers 304 never
    starts one (a worker costs ~33 MB and ~0.4 s of CPU before it parses anything)."""
    import asyncio
    import random

    from monitor.daemon import Daemon
    from monitor.runtime import load_runtime

    from daemon_helpers import write_config
    from feedgen import make_items, rss

    feed_server.set("/a.xml", rss("a", make_items("a", 0, 5, random.Random(1))))
    cfg = write_config(tmp_path, {"a": feed_server.url("/a.xml")})
    cfg.write_text(cfg.read_text().replace("parse_workers: 0", "parse_workers: 1"))
    started = []
    for _ in range(2):
        daemon = Daemon(load_runtime(cfg))
        outcomes = asyncio.run(daemon.poll_once())
        assert daemon.executor is not None and [o.status for o in outcomes] == [
            "ok" if not started else "not_modified"]
        started.append(daemon.executor.started)
    assert started == [True, False]


def test_poll_once_starts_its_parser_worker_before_its_first_fetch_and_kills_an_unused_one(
        tmp_path, feed_server, monkeypatch):
    """`poll-once` starts its parser worker as soon as its config is read, before its first
    fetch (the worker's start runs beside the imports instead of holding up the first body),
    into a new database or an existing one. A worker that parsed is closed and exits by
    itself; one that no body came to (every feed answered 304) is killed at the end, not
    waited for."""
    import random

    from click.testing import CliRunner

    from monitor.cli import cli
    from monitor.fetch import Fetcher

    from daemon_helpers import write_config
    from feedgen import make_items, rss

    events: list[str] = []
    workers = []
    real_start, real_fetch, real_new = ParsePool.start, Fetcher.fetch, ParsePool._new_worker

    def start(self):
        events.append("workers")
        return real_start(self)

    async def fetch(self, request):
        events.append("fetch")
        return await real_fetch(self, request)

    def new_worker(self):
        workers.append(real_new(self))
        return workers[-1]

    monkeypatch.setattr(ParsePool, "start", start)
    monkeypatch.setattr(ParsePool, "_new_worker", new_worker)
    monkeypatch.setattr(Fetcher, "fetch", fetch)
    items = make_items("a", 0, 8, random.Random(1))
    feed_server.set("/a.xml", rss("a", items[:5]))
    cfg = write_config(tmp_path, {"a": feed_server.url("/a.xml")}, log_level="warning")
    cfg.write_text(cfg.read_text().replace("parse_workers: 0", "parse_workers: 1"))

    def poll_once(expect: str) -> int | None:
        events.clear()
        out = CliRunner().invoke(cli, ["poll-once", "--config", str(cfg)])
        assert out.exit_code == 0 and expect in out.output, out.output
        assert events == ["workers", "fetch"] and len(workers) == 1
        return workers.pop().proc.returncode

    assert poll_once("1 ok; 5 new items") == 0
    assert poll_once("1 not_modified") == -signal.SIGKILL
    feed_server.set("/a.xml", rss("a", items))
    assert poll_once("1 ok; 3 new items") == 0


def test_poll_once_loads_no_module_it_does_not_use(tmp_path, feed_server):
    """`monitor poll-once` parsing in its own process (``parse_workers: 0``) stores the feed's
    items and leaves charset detection, the robots.txt parser and dateutil's parser unloaded
    (``cli.DEFER``): a body with a declared charset needs none. Nor are the process pool's
    module and multiprocessing loaded: only the parser workers' pool uses them."""
    import random

    from daemon_helpers import write_config
    from feedgen import make_items, rss

    feed_server.set("/a.xml", rss("a", make_items("a", 0, 5, random.Random(1))))
    cfg = write_config(tmp_path, {"a": feed_server.url("/a.xml")}, log_level="warning")
    code = textwrap.dedent("""
        import atexit, sys
        from monitor.cli import main
        names = ("chardet", "urllib.robotparser", "dateutil.parser", "multiprocessing",
                 "concurrent.futures.process")
        atexit.register(lambda: print("loaded:", sorted(
            n for n in names if type(sys.modules.get(n)).__name__ == "module")))
        sys.argv = ["monitor", "poll-once", "--config", sys.argv[1]]
        main()
    """)
    out = subprocess.run([sys.executable, "-c", code, str(cfg)], capture_output=True, text=True,
                         timeout=120)
    assert "polled 1 feeds" in out.stdout and "5 new items" in out.stdout, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "loaded: []"


def test_a_worker_hashes_without_openssl():
    """A worker computes its content hashes and scan keys with Python's own SHA-256 and BLAKE2b,
    so OpenSSL's libcrypto is never mapped into it (~3.6 MB of its RSS: README, Performance:
    memory); the items and their hashes are the ones the daemon's own process makes (which
    has OpenSSL loaded for its HTTP client's TLS, and uses it)."""
    import hashlib  # noqa: F401  # this process has OpenSSL, as the daemon does

    from monitor.parse import parse_in_worker as in_process
    from monitor.workers import parse_in_worker

    body = (b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
            + b"".join(b"<item><title>Story %d</title><link>http://example.com/%d</link>"
                       b"<description>caf\xc3\xa9 %d</description></item>" % (i, i, i)
                       for i in range(3))
            + b"</channel></rss>")
    maps = "[l for l in open('/proc/self/maps') if 'libcrypto' in l]"
    pool = ParsePool(1).start()
    try:
        for known in ((), ("http://example.com/0",)):  # a full parse; one cutting a known entry
            args = ("f", "http://example.com/f", body, {"content-type": "application/rss+xml"},
                    known)
            got, here = pool.submit(parse_in_worker, *args).result(timeout=60), in_process(*args)
            assert got == here
            assert [(i.content_hash, i.entry_hash) for i in got.items] == [
                (i.content_hash, i.entry_hash) for i in here.items]
            assert len(got.items) == 3 - len(known) and all(i.entry_hash for i in got.items)
        assert pool.submit(eval, maps).result(timeout=30) == []
        assert pool.submit(eval, "'_hashlib' in __import__('sys').modules").result(timeout=30) \
            is False
    finally:
        pool.shutdown()


def test_a_worker_loads_structlog_for_its_first_log_line_and_writes_it_as_the_daemon_does(
        capfd):
    """A worker's parse logs nothing at the default levels, so structlog is not loaded until
    a line at the worker's level comes (``logs.configure_when_used``); that line, and those
    after it, are JSON lines on stderr as the daemon writes them, and lines below the level are
    dropped as before."""
    import json

    pool = ParsePool(1, log_format="json").start()
    log = "__import__('logging').getLogger('feedparser').{}('odd body %s', {!r})"
    structlog = "type(__import__('sys').modules.get('structlog')).__name__ == 'module'"
    try:
        pool.submit(eval, log.format("info", "f0")).result(timeout=60)
        assert pool.submit(eval, structlog).result(timeout=30) is False
        for feed in ("f1", "f2"):
            pool.submit(eval, log.format("warning", feed)).result(timeout=30)
        assert pool.submit(eval, structlog).result(timeout=30) is True
    finally:
        pool.shutdown()
    lines = [json.loads(line) for line in capfd.readouterr().err.splitlines()
             if line.startswith("{")]
    assert [(e["event"], e["level"], e["logger"]) for e in lines] == [
        ("odd body f1", "warning", "feedparser"), ("odd body f2", "warning", "feedparser")]
    assert all(e["timestamp"].endswith("Z") for e in lines)


def test_a_channel_carries_whole_messages_in_order_and_says_when_the_other_end_closed():
    """``workerproc.Channel``, what the daemon and a worker talk through: messages of any size
    arrive whole and in order, while the other end sends; an object that cannot be pickled
    fails its own send and nothing of it is written; after the other end closes, what it sent
    is still read, then EOFError."""
    import socket
    import threading

    from monitor.workerproc import Channel

    a, b = (Channel(s.detach()) for s in socket.socketpair())
    big = bytes(range(256)) * 40_000  # ~10 MB: more than a socket buffer holds
    messages = [("f", big, {"k": 1}), None, ValueError("bad body"), "é" * 3]
    sender = threading.Thread(target=lambda: [a.send(m) for m in messages])
    sender.start()
    got = [b.recv() for _ in messages]
    sender.join()
    assert got[:2] == messages[:2] and got[3] == messages[3]
    assert type(got[2]) is ValueError and got[2].args == ("bad body",)
    with pytest.raises((AttributeError, TypeError, pickle.PicklingError)):
        a.send(lambda: None)
    assert not b.poll(0)
    a.send("after")
    a.close()
    assert b.poll(1.0) and b.recv() == "after"
    with pytest.raises(EOFError):
        b.recv()
    b.close()
