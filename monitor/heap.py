"""How the daemon and its parser workers have glibc's allocator hold large blocks.

glibc gives a block of 128 KiB or more pages of its own (``mmap``), returned to the system when
the block is freed, but it raises that threshold to the size of each such block freed (up to
32 MiB): after the first large feed body is freed, every body, decoded text and parse table
up to that size comes from the heap instead, where the freed space stays counted in the
process's RSS between the blocks that outlive it. Fixing the threshold at its start value
keeps each large block in pages that go back when it is freed. On a first poll of 2,000
real-shaped feeds this lowers the daemon's peak RSS by ~2 MB and a parser worker's by ~2 MB
(README, Performance: memory).

An operator's own ``MALLOC_MMAP_THRESHOLD_`` (glibc's variable) is left as it is; on a C
library other than glibc nothing changes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

MMAP_THRESHOLD = 128 * 1024  # glibc's start value, no longer raised
ENV = "MALLOC_MMAP_THRESHOLD_"  # read by glibc when a process starts
_M_MMAP_THRESHOLD = -3  # mallopt's parameter number (malloc.h)


def configure() -> bool:
    """Fix this process's mmap threshold (the daemon calls this first thing). True if it is
    fixed, now or by ``MALLOC_MMAP_THRESHOLD_`` at start; False where there is no glibc."""
    if os.environ.get(ENV):
        return True  # glibc read it at start
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt to call)
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD))


def child_env(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for a parser worker: the daemon's, with the threshold fixed from the
    worker's start (glibc reads the variable; the worker needs no ctypes for it)."""
    env = dict(os.environ if environ is None else environ)
    env.setdefault(ENV, str(MMAP_THRESHOLD))
    return env
