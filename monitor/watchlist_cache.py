"""The compiled watchlist kept on disk between runs: a process that starts (`poll-once` from
cron, `run` after a restart, a reload) reads it back instead of reading the watchlist YAML,
validating it and compiling it (seed watchlist: ~0.03 s against ~0.3-0.5 s of CPU, and ~4 MB
less peak memory, the compile's own garbage; README, Performance).

    cache = Cache(paths, cache_path(database))   # the key, taken before the files are read
    cache.load() → (Watchlist, Matcher) or None     # None: load and compile, then
    cache.save(watchlist, matcher)

Never stale: a cache is used only when its key is this run's key, a digest of

- every watchlist file's path and bytes, folders expanded as ``load_watchlists`` expands them
  (an edit, a file added to or removed from a folder: another key);
- this package's source files and version (a code change, to the matcher or anywhere else);
- the Python version and the compiled modules whose objects the cache holds (pyahocorasick's
  automata, pydantic-core's models): an upgrade is another key.

It holds what ``load_watchlists`` and ``Matcher.compile`` returned, pickled as they are
(whatever the matcher's representation), and only after they succeeded: validation stays
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
from collections.abc import Sequence
from pathlib import Path

from monitor import __version__
from monitor.match import Matcher
from monitor.watchlist import Watchlist, watchlist_files

# stdlib logging: routed through the structlog chain once the entry point configured it, and to
# stderr (warnings only) before that or in commands that do not (never to stdout, which
# `monitor match` writes its results to)
log = logging.getLogger(__name__)

SUFFIX = ".watchlist-cache"
_MAGIC = b"monitor-watchlist-cache 1\n"
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
        if self.where is None or self.key is None:
            return None
        enabled = gc.isenabled()
        try:
            with open(self.where, "rb") as f:
                head = f.read(len(_MAGIC) + len(self.key))
                if head != _MAGIC + self.key:
                    log.debug("watchlist cache %s is for other files or code: compiling",
                              self.where)
                    return None
                # ~100,000 objects, all kept: collections while they arrive find nothing
                gc.disable()
                # unpickled from the file as it is read, not from a whole copy of it in memory
                # (~3.4 MB more at start-up for the seed watchlist)
                watchlist, matcher = pickle.load(f)
            if not (isinstance(watchlist, Watchlist) and isinstance(matcher, Matcher)
                    and matcher.version == watchlist.version):
                raise TypeError("not a watchlist and its matcher")
        except FileNotFoundError:
            return None
        except OSError as exc:
            log.warning("watchlist cache %s cannot be read (%s): compiling the watchlist",
                        self.where, exc)
            return None
        except Exception as exc:  # corrupt, or other classes: never used, rewritten
            log.warning("watchlist cache %s cannot be read (%s: %s): compiling the watchlist "
                        "again and rewriting it", self.where, type(exc).__name__, exc)
            return None
        finally:
            if enabled:
                gc.enable()
        return watchlist, matcher

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
                # poll raised that poll's peak RSS (README, Performance: memory)
                pickle.dump((watchlist, matcher), f, protocol=pickle.HIGHEST_PROTOCOL)
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
