"""Errors cross the process boundary: a parser worker sends its FeedParseError to the daemon."""

from __future__ import annotations

import pickle

import pytest

from monitor import exceptions as ex
from monitor.instance import AlreadyRunning

EXAMPLES = [
    ex.MonitorError("plain"),
    ex.ConfigError("must be a duration", path="monitor.yaml", line=7, key="defaults.interval"),
    ex.WatchlistError("duplicate id", path="seeds/w.yaml", line=3, key="entities[2].id"),
    ex.FeedError("https://ex.org/feed", "something failed"),
    ex.FetchError("https://ex.org/feed", "HTTP 503", status=503, transient=True, retry_after=120.0),
    ex.FeedParseError("https://ex.org/feed", "not a feed: an HTML page"),
    ex.StorageError("database is locked"),
    ex.AlertSinkError("alert log not writable"),
    AlreadyRunning("another daemon (pid 4242) holds data/monitor.db"),
]


def _subclasses(cls: type) -> set[type]:
    """The package's own subclasses (tests may define others)."""
    out = set()
    for sub in cls.__subclasses__():
        if sub.__module__.startswith("monitor."):
            out |= {sub} | _subclasses(sub)
    return out


def test_every_error_class_has_an_example_here():
    """A new MonitorError subclass must be added to EXAMPLES (and so be tested below)."""
    assert {type(e) for e in EXAMPLES} == _subclasses(ex.MonitorError) | {ex.MonitorError}


@pytest.mark.parametrize("exc", EXAMPLES, ids=lambda e: type(e).__name__)
def test_errors_survive_pickling(exc):
    """Type, message and every identifying attribute come back as they were."""
    back = pickle.loads(pickle.dumps(exc))
    assert type(back) is type(exc)
    assert str(back) == str(exc)
    assert back.args == exc.args
    assert vars(back) == vars(exc)
