"""Hash functions without OpenSSL where a process has not loaded it: SHA-256 and BLAKE2b.

``hashlib`` loads OpenSSL's libcrypto when it is imported, to offer its algorithms: ~3.6 MB of a
process's RSS (pages of the library the load touches). The daemon has it anyway (its HTTP
client's TLS); a parser worker needs only SHA-256 (an item's content hash) and BLAKE2b (the
scan's keys), which Python has built in. ``sha256`` is OpenSSL's where it is loaded (~5x faster
on this machine's SHA extensions), Python's own elsewhere: the same digests either way.
"""

from __future__ import annotations

import sys
from _blake2 import blake2b  # what hashlib.blake2b is: Python's own, never OpenSSL's
from typing import Any

try:
    from _sha2 import sha256 as _own_sha256  # type: ignore[import-not-found]  # Python 3.12+
except ImportError:
    from _sha256 import sha256 as _own_sha256  # type: ignore[import-not-found]

__all__ = ["blake2b", "sha256"]


def sha256(data: bytes = b"") -> Any:
    """A SHA-256 hash object: OpenSSL's if this process has loaded it, else Python's own."""
    openssl = sys.modules.get("_hashlib")
    if openssl is not None:
        return openssl.openssl_sha256(data)
    return _own_sha256(data)
