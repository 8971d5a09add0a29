"""Diagnostic logging, configured once at the entry point (cli.py).

Operational events (polls, errors, reloads) go to stderr as structured logs: JSON lines when
stderr is not a terminal (for journald, Docker and log shippers), a readable console rendering
when it is. The standard library's loggers (apscheduler, aiohttp, httpx) go through the same chain.
Alerts never go here: they have their own file (alerts.py).
"""

from __future__ import annotations

import logging
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from structlog.types import Processor

# third-party loggers whose info lines are per request
_CHATTY = ("aiohttp", "httpx", "httpcore", "apscheduler")
_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING,
           "error": logging.ERROR}


def import_structlog() -> ModuleType:
    """structlog, imported without rich. structlog looks for rich when it is first imported,
    for pretty tracebacks and locals that the monitor's logs do not use (see ``configure``),
    and rich then costs the daemon and each worker process 3.5 MB of peak memory and 25 ms of
    start-up (measured with bench/). rich is hidden from that one import; `tail`, `alerts` and
    `feeds` import rich themselves."""
    if "structlog" not in sys.modules and "rich" not in sys.modules:
        sys.modules["rich"] = None  # type: ignore[assignment]  # `import rich` raises ImportError
        try:
            import structlog
        finally:
            del sys.modules["rich"]
    import structlog

    return structlog


def configure(level: str = "info", fmt: Literal["auto", "json", "console"] | str = "auto") -> None:
    structlog = import_structlog()
    shared: list[Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.StackInfoRenderer(),
    ]
    use_json = fmt == "json" or (fmt == "auto" and not sys.stderr.isatty())
    renderer: Processor
    # tracebacks without local variables: a crash's locals hold whole configs (sink secrets
    # included), feed bodies and parsed documents, megabytes in one log line
    if use_json:
        renderer = structlog.processors.JSONRenderer()
        shared_tail: list[Processor] = [structlog.processors.ExceptionRenderer(
            structlog.tracebacks.ExceptionDictTransformer(show_locals=False)
        )]
    else:
        renderer = structlog.dev.ConsoleRenderer(
            colors=sys.stderr.isatty(),
            exception_formatter=structlog.dev.plain_traceback,  # no locals, no rich needed
        )
        shared_tail = []
    structlog.configure(
        # a line below the level is dropped first, before the chain stamps and copies it: the
        # daemon asks for a "polled" line per feed, which is debug or info, and runs at warning
        # under `poll-once` (the standard library would drop it anyway, at the end)
        processors=[
            structlog.stdlib.filter_by_level,
            *shared,
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            *shared_tail,
            renderer,
        ],
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(_LEVELS.get(level, logging.INFO))
    _quiet_chatty(root.level)


class _ConfigureOnFirstRecord(logging.Handler):
    """The root handler until a record reaches it: the first one configures the logs (importing
    structlog) and goes out through the handler that puts in place, as every later one does."""

    def __init__(self, level: str, fmt: str) -> None:
        super().__init__()
        self.setup = (level, fmt)

    def emit(self, record: logging.LogRecord) -> None:
        root = logging.getLogger()
        if self in root.handlers:  # not configured by another thread meanwhile
            configure(*self.setup)
        for handler in root.handlers:
            if handler is not self and record.levelno >= handler.level:
                handler.handle(record)


def configure_when_used(level: str = "info",
                        fmt: Literal["auto", "json", "console"] | str = "auto") -> None:
    """``configure``, with structlog imported only when the first record at ``level`` or above
    is logged (a parser worker: its parse logs nothing at the default levels, and structlog
    would cost it ~1.5 MB). The standard library's level checks work from now on, so a caller
    that logs through structlog asks ``logging.getLogger(name).isEnabledFor`` first (as
    ``monitor.parse`` does); at debug level everything is configured now."""
    if level == "debug":
        configure(level, fmt)
        return
    root = logging.getLogger()
    root.handlers[:] = [_ConfigureOnFirstRecord(level, fmt)]
    root.setLevel(_LEVELS.get(level, logging.INFO))
    _quiet_chatty(root.level)


def _quiet_chatty(level: int) -> None:
    """Third-party chatter: keep their warnings, drop their per-request info lines."""
    for name in _CHATTY:
        logging.getLogger(name).setLevel(max(logging.WARNING, level))
