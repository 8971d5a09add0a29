"""Diagnostic logs: a crash is logged with its traceback, never with its local variables."""

from __future__ import annotations

import json
import logging

import structlog

from monitor import logs


def test_crash_traceback_has_no_locals(capsys):
    """A crash's locals can hold sink secrets and whole feed bodies: they stay out of the log."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        logs.configure("info", "json")
        log = structlog.get_logger("monitor.test")

        def poll(secret: str) -> None:
            body = b"<rss>" + b"x" * 100_000
            raise RuntimeError(f"bug while parsing {len(body)} bytes")

        try:
            poll("hunter2-webhook-secret")
        except RuntimeError:
            log.critical("poll_crashed", feed="f1", exc_info=True)
        line = capsys.readouterr().err.strip().splitlines()[-1]
    finally:
        root.handlers[:], level = saved
        root.setLevel(level)
        structlog.reset_defaults()
    event = json.loads(line)
    assert event["event"] == "poll_crashed" and event["feed"] == "f1"
    frames = event["exception"][0]["frames"]
    assert [f["name"] for f in frames][-1] == "poll"  # the traceback is there
    assert "hunter2" not in line and "xxxx" not in line and len(line) < 5000
    assert all("locals" not in f for f in frames)


def test_the_daemon_process_does_not_load_rich_or_the_parser():
    """structlog would import rich (6 MB in the daemon and its worker) for tracebacks the logs
    do not use; the command-line entry point keeps it out, and the table commands still get it.
    The daemon's own modules do not import the parser and feedparser either: with parser
    workers (the default) the daemon process never holds them (4.6 MB)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from monitor import cli, logs\n"
        "logs.import_structlog()\n"
        "import monitor.daemon, monitor.logs\n"
        "monitor.logs.configure('info', 'console')\n"
        "print(*(m in sys.modules for m in ('rich', 'feedparser', 'monitor.parse')))\n"
        "import rich.table\n"
        "print(rich.table.Table.__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True).stdout.split()
    assert out == ["False", "False", "False", "Table"]


def test_a_line_below_the_level_is_dropped_before_the_chain_runs(capsys, monkeypatch):
    """A line under the configured level costs no time stamp or rendering (the daemon asks
    for a line per feed polled); a line at the level still goes through the whole chain, and
    a logger set to a lower level of its own still gets its lines out."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    stamped: list[str] = []
    real = structlog.processors.TimeStamper.__call__

    def stamp(self, logger, name, event_dict):
        stamped.append(event_dict["event"])
        return real(self, logger, name, event_dict)

    monkeypatch.setattr(structlog.processors.TimeStamper, "__call__", stamp)
    try:
        logs.configure("warning", "json")
        log = structlog.get_logger("monitor.test_level")
        log.info("polled", feed="f1")
        log.log(logging.DEBUG, "polled", feed="f2")
        log.warning("feed_stopped", feed="f3")
        logging.getLogger("monitor.test_level.chatty").setLevel(logging.DEBUG)
        structlog.get_logger("monitor.test_level.chatty").debug("detail", feed="f4")
        lines = capsys.readouterr().err.strip().splitlines()
    finally:
        logging.getLogger("monitor.test_level.chatty").setLevel(logging.NOTSET)
        root.handlers[:], level = saved
        root.setLevel(level)
        structlog.reset_defaults()
    assert [json.loads(x)["feed"] for x in lines] == ["f3", "f4"]
    assert stamped == ["feed_stopped", "detail"]
