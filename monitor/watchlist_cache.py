"""The compiled watchlist kept on disk between runs: a process that starts (`poll-once` from
cron, `run` after a restart, a reload) reads it back instead of reading the watchlist YAML,
validating it and compiling it (seed watchlist: ~0.03 s against ~0.3-0.5 s of CPU, and ~4 MB
less peak memory, the compile's own garbage; README, Performance).

    cache = Cache(paths, cache_path(database))   # the key, taken before the files are read
    cache.load() → (Watchlist, Matcher) or None     # None: load and compile, then
    cache.save(watchlist, matcher)
    cache.load_later() → (Watchlist, Matcher) or None   # the matcher read when first needed

Never stale: a cache is used only when its key is this run's key, a digest of

- every watchlist file's path and bytes, folders expanded as ``load_watchlists`` expands them
  (an edit, a file added to or removed from a folder: another key);
- this package's source files and version (a code change, to the matcher or anywhere else);
- the Python version and the compiled modules whose objects the cache holds (pyahocorasick's
  automata, pydantic-core's models): an upgrade is another key.

It holds what ``load_watchlists`` and ``Matcher.compile`` returned, pickled as they are
(whatever the matcher's representation), the watchlist first and then the matcher, which
names the watchlist's objects rather than copying them (so the matcher can be read apart,
later: ``load_later``), and only after they succeeded: validation stays
theirs alone, so `check-config`, `run`, `poll-once` and a reload reject exactly the same files
with or without a cache (a file that fails its checks never gets a cache entry).

Where: next to a SQLite database, ``<database>.watchlist-cache``, written to a temporary file
(mode 0600) renamed over it; with PostgreSQL there is none (every start compiles). A cache that
cannot be read back (corrupt, truncated, from a version whose classes changed) is ignored with a
warning and rewritten; a stale one (another key) with a debug line. Whoever can write the
database's folder can change the database anyway: the cache is trusted as the database is.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import os
import pickle
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from monitor import __version__
from monitor.match import Matcher
from monitor.watchlist import Watchlist, watchlist_files

# stdlib logging: routed through the structlog chain once the entry point configured it, and to
# stderr (warnings only) before that or in commands that do not (never to stdout, which
# `monitor match` writes its results to)
log = logging.getLogger(__name__)

SUFFIX = ".watchlist-cache"
_MAGIC = b"monitor-watchlist-cache 2\n"
_PACKAGE = Path(__file__).resolve().parent


def cache_path(database: Path | str) -> Path | None:
    """Where the compiled watchlist of a run on ``database`` is kept: beside a SQLite file;
    None for a PostgreSQL URL."""
    if not isinstance(database, Path):
        return None
    return database.with_name(database.name + SUFFIX)


def key(files: Sequence[Path]) -> bytes:
    """The digest a cache must carry to be used for ``files`` (see the module docstring).
    Raises OSError when a file cannot be read (``load_watchlists`` then says which)."""
    import ahocorasick
    import pydantic_core

    h = hashlib.sha256()
    h.update(f"{__version__}\0{sys.version}\0{pydantic_core.__version__}\0".encode())
    for module in (ahocorasick, pydantic_core._pydantic_core):
        path = Path(module.__file__ or "")
        with contextlib.suppress(OSError):
            st = path.stat()
            h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    for src in sorted(_PACKAGE.rglob("*.py")):
        h.update(str(src.relative_to(_PACKAGE)).encode() + b"\0" + src.read_bytes() + b"\0")
    h.update(b"files\0")
    for path in files:
        data = path.read_bytes()
        h.update(f"{path}\0{len(data)}\0".encode("utf-8", "surrogateescape") + data)
    return h.digest()


class Cache:
    """The cache of one run's watchlist ``paths`` at ``where`` (None: no cache). Its key is
    taken once, here, before the files are loaded: ``save`` writes only if the files still
    have it, so a file edited while it was being loaded or compiled never gets a cache that
    holds its older content."""

    def __init__(self, paths: Sequence[str | Path], where: Path | None) -> None:
        self.paths = tuple(paths)
        self.where = where
        self.key: bytes | None = None
        if where is not None:
            try:
                self.key = key(watchlist_files(self.paths))
            except Exception as exc:  # a missing file: load_watchlists says which
                log.debug("watchlist cache %s not used: %s: %s", where, type(exc).__name__, exc)

    def load(self) -> tuple[Watchlist, Matcher] | None:
        """The cached watchlist and matcher, or None (no cache, another key, unreadable: the
        caller loads and compiles, then ``save``-s)."""
        f = self._open()
        if f is None:
            return None
        with f:
            try:
                with _collector_paused():
                    watchlist = _watchlist_from(f)
                    return watchlist, _matcher_from(f, watchlist)
            except Exception as exc:  # corrupt, or other classes: never used, rewritten
                self._unreadable(exc)
                return None

    def load_later(self) -> tuple[Watchlist, Matcher] | None:
        """``load``, the matcher read from the file only when first needed (``Matcher.load_later``:
        a `poll-once` where every feed answers 304 never reads it: ~0.04 s of CPU and ~23 MB
        of the seed watchlist's). The file stays open until then, so a cache replaced or
        removed meanwhile (another process's compile) does not change what is read: the
        matcher is the one written with this watchlist. If it cannot be read then, the
        watchlist is compiled instead (with a warning) and ``Runtime.save_compiled`` rewrites
        the cache."""
        f = self._open()
        if f is None:
            return None
        try:
            with _collector_paused():
                watchlist = _watchlist_from(f)
        except Exception as exc:  # corrupt, or other classes: never used, rewritten
            f.close()
            self._unreadable(exc)
            return None

        def rest() -> Matcher | None:
            with f:
                try:
                    with _collector_paused():
                        return _matcher_from(f, watchlist)
                except Exception as exc:  # corrupt, or other classes: compiled, rewritten
                    self._unreadable(exc)
                    return None

        return watchlist, Matcher.load_later(watchlist, rest)

    def _open(self) -> BinaryIO | None:
        """The cache file, read past its header, if it has this run's key; else None."""
        if self.where is None or self.key is None:
            return None
        try:
            f = open(self.where, "rb")  # noqa: SIM115 (closed by the caller, or here)
            try:
                head = f.read(len(_MAGIC) + len(self.key))
            except BaseException:
                f.close()
                raise
        except FileNotFoundError:
            return None
        except OSError as exc:
            log.warning("watchlist cache %s cannot be read (%s): compiling the watchlist",
                        self.where, exc)
            return None
        if head != _MAGIC + self.key:
            f.close()
            log.debug("watchlist cache %s is for other files or code: compiling", self.where)
            return None
        return f

    def _unreadable(self, exc: Exception) -> None:
        log.warning("watchlist cache %s cannot be read (%s: %s): compiling the watchlist "
                    "again and rewriting it", self.where, type(exc).__name__, exc)

    def save(self, watchlist: Watchlist, matcher: Matcher) -> bool:
        """Write the cache (compiling the matcher first if it was deferred) when the files
        still have the key taken at the start; False when it was not written (a warning when
        it could not be: the run goes on, the next start compiles)."""
        if self.where is None or self.key is None:
            return False
        tmp = None
        try:
            if not self.where.parent.is_dir():  # no database yet: its folder comes with it
                log.debug("no folder %s yet: watchlist cache not written", self.where.parent)
                return False
            if key(watchlist_files(self.paths)) != self.key:
                log.debug("watchlist changed while it was compiled: cache %s not written",
                          self.where)
                return False
            import tempfile

            fd, tmp = tempfile.mkstemp(prefix=self.where.name + ".", suffix=".tmp",
                                       dir=self.where.parent)
            with os.fdopen(fd, "wb") as f:
                f.write(_MAGIC + self.key)
                # pickled into the file as it goes, not into one bytes object first: a whole
                # copy of the cache (~3.4 MB for the seed watchlist) at the end of a cold first
                # poll raised that poll's peak RSS (README, Performance: memory); the
                # watchlist first, then the matcher, which names the watchlist's objects
                # rather than holding copies (``load_later`` reads it apart)
                pickle.dump(watchlist, f, protocol=pickle.HIGHEST_PROTOCOL)
                _Pickler(f, _shared(watchlist)).dump(matcher)
            os.replace(tmp, self.where)
            tmp = None
        except Exception as exc:  # a read-only folder, a full disk, an unpicklable matcher
            log.warning("watchlist cache %s not written (%s: %s): the next start compiles "
                        "the watchlist again", self.where, type(exc).__name__, exc)
            return False
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        return True


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection while a cache is unpickled: ~100,000 objects, all kept, so the
    collections their arrival would start find nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _shared(watchlist: Watchlist) -> dict[str, object]:
    """The watchlist's objects the matcher holds too, by the names its pickle gives them."""
    return {"watchlist": watchlist, "entities": watchlist.entities, "topics": watchlist.topics}


class _Pickler(pickle.Pickler):
    """The matcher's pickle: the objects it shares with the watchlist pickled before it
    (``_shared``) are written as their names."""

    def __init__(self, f: BinaryIO, shared: dict[str, object]) -> None:
        super().__init__(f, protocol=pickle.HIGHEST_PROTOCOL)
        self._names = {id(obj): name for name, obj in shared.items()}

    def persistent_id(self, obj: object) -> str | None:
        return self._names.get(id(obj))


class _Unpickler(pickle.Unpickler):
    def __init__(self, f: BinaryIO, shared: dict[str, object]) -> None:
        super().__init__(f)
        self._shared = shared

    def persistent_load(self, pid: object) -> object:
        if not isinstance(pid, str) or pid not in self._shared:
            raise pickle.UnpicklingError(f"unknown shared object {pid!r}")
        return self._shared[pid]


def _watchlist_from(f: BinaryIO) -> Watchlist:
    """The watchlist pickled first in a cache file (read past its header)."""
    watchlist = pickle.load(f)
    if not isinstance(watchlist, Watchlist):
        raise TypeError("not a watchlist")
    return watchlist


def _matcher_from(f: BinaryIO, watchlist: Watchlist) -> Matcher:
    """The matcher pickled after ``watchlist`` (``_watchlist_from``)."""
    matcher = _Unpickler(f, _shared(watchlist)).load()
    if not (isinstance(matcher, Matcher) and matcher.version == watchlist.version):
        raise TypeError("not the matcher of this watchlist")
    matcher.cached = True
    return matcher
