"""Fixtures shared by every test file. Keep it small: file-specific fixtures live in their file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from feedserver import FeedServer


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A real HTTP server on 127.0.0.1 (tests/feedserver.py), started and stopped per test."""
    with FeedServer() as server:
        yield server


def shared_dir() -> Path:
    """The shared/ directory beside the checkout, or $MONITOR_SHARED."""
    env = os.environ.get("MONITOR_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture
def corpus_dir() -> Path:
    """../shared/corpus (real and feedparser test feeds); skips, saying why, when absent."""
    corpus = shared_dir() / "corpus"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus not found: set MONITOR_SHARED or run from the project "
                    "checkout beside shared/")
    return corpus


@pytest.fixture(autouse=True)
def _no_leftover_daemons() -> Iterator[None]:
    """A test that fails half-way must not leave a `monitor run` subprocess behind."""
    yield
    import daemon_helpers

    daemon_helpers.kill_leftovers()
