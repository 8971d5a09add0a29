"""The daemon's configuration: one YAML file, validated completely before anything starts.

Relative paths (database, alert log, watchlists, local feeds) are resolved against the directory
of the config file, so the same file works from any working directory and in the container
(``/config/monitor.yaml`` naming ``../data/monitor.db`` means ``/data/monitor.db``).
Errors name the file, the line and the key path (``config/monitor.yaml:12: feeds[3].url: ...``).
"""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SecretStr,
    ValidationInfo,
    field_validator,
)

from monitor.exceptions import ConfigError
from monitor.yamlfile import KeyPath, YamlDoc, load_yaml

_UNITS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800, "y": 365 * 86400}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w|y)?\s*$")
_SIZE_UNITS = {"": 1, "b": 1, "kb": 1000, "kib": 1024, "mb": 1000**2, "mib": 1024**2,
               "gb": 1000**3, "gib": 1024**3}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b|b)?\s*$", re.IGNORECASE)
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")


def parse_duration(value: object) -> float:
    """``90``, ``"90s"``, ``"15m"``, ``"6h"``, ``"7d"`` → seconds."""
    if isinstance(value, bool):
        raise ValueError("expected a duration such as 30s, 15m, 6h or 7d")
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        m = _DURATION.match(str(value))
        if not m:
            raise ValueError("expected a duration such as 30s, 15m, 6h or 7d")
        seconds = float(m.group(1)) * _UNITS[m.group(2) or "s"]
    if seconds < 0:
        raise ValueError("a duration cannot be negative")
    return seconds


def parse_size(value: object) -> int:
    """``1048576``, ``"10MB"``, ``"512KiB"`` → bytes."""
    if isinstance(value, bool):
        raise ValueError("expected a size such as 10MB or 512KiB")
    if isinstance(value, int):
        return value
    m = _SIZE.match(str(value))
    if not m:
        raise ValueError("expected a size such as 10MB or 512KiB")
    return int(float(m.group(1)) * _SIZE_UNITS[(m.group(2) or "").lower()])


Duration = Annotated[float, BeforeValidator(parse_duration)]


def format_duration(seconds: float) -> str:
    """Seconds in the config's own units: ``60.0`` → ``1m``, ``0.5`` → ``0.5s``."""
    for unit in ("d", "h", "m"):
        n = seconds / _UNITS[unit]
        if n >= 1 and n == int(n):
            return f"{int(n)}{unit}"
    return f"{seconds:g}s"


def _bound(*, ge: float | None = None, gt: float | None = None) -> Callable[[float], float]:
    """A duration's lower bound, whose error speaks in units: "at least 1m (got 10s)"."""

    def check(value: float) -> float:
        if ge is not None and value < ge:
            raise ValueError(f"must be at least {format_duration(ge)} "
                             f"(got {format_duration(value)})")
        if gt is not None and value <= gt:
            raise ValueError(f"must be more than {format_duration(gt)} "
                             f"(got {format_duration(value)})")
        return value

    return check


PositiveDuration = Annotated[float, BeforeValidator(parse_duration), AfterValidator(_bound(gt=0))]
DurationMin1s = Annotated[float, BeforeValidator(parse_duration), AfterValidator(_bound(ge=1))]
DurationMin1m = Annotated[float, BeforeValidator(parse_duration), AfterValidator(_bound(ge=60))]
DurationMin0 = Annotated[float, BeforeValidator(parse_duration), AfterValidator(_bound(ge=0))]
Size = Annotated[int, BeforeValidator(parse_size)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ArticleDefaults(_Model):
    """``defaults.article``: fetch the page behind each new item and match its main text."""

    fetch: bool = False  # opt-in; a feed's own ``article.fetch`` overrides it
    per_poll: int = Field(10, ge=1, le=1000)  # at most this many pages per feed per poll
    max_age: Duration = Field(2 * 86400.0, gt=0)  # items published longer ago are not fetched
    rate: float = Field(5.0, gt=0, le=1000)  # pages per second, all feeds together
    max_size: Size = Field(2 * 1024 * 1024, ge=1024)  # a page larger than this is not read
    retries: int = Field(2, ge=0, le=10)  # a transient failure is tried again this many times
    retry_delay: Duration = Field(300.0, gt=0)  # first retry after this, doubling


class ArticleOverride(_Model):
    """A feed's ``article``: any of the per-feed keys of ``defaults.article``."""

    fetch: bool | None = None
    per_poll: int | None = Field(None, ge=1, le=1000)
    max_age: Duration | None = Field(None, gt=0)


class Defaults(_Model):
    interval: DurationMin1s = 900.0
    jitter: float = Field(0.1, ge=0, le=0.5)
    connect_timeout: PositiveDuration = 10.0
    read_timeout: PositiveDuration = 30.0
    total_timeout: PositiveDuration = 120.0
    max_body_size: Size = Field(10 * 1024 * 1024, ge=1024)
    max_redirects: int = Field(5, ge=0, le=20)
    # polls at once (scheduler.Poller holds it): 16, not 8, so that bodies fetched but not yet
    # parsed keep the parser worker busy while the daemon matches and writes (bench/HISTORY.md)
    concurrency: int = Field(16, ge=1, le=256)
    per_host: int = Field(2, ge=1, le=256)  # polls of one host at once
    max_backoff: DurationMin1m = 6 * 3600.0
    # parser processes; 0: parse in the daemon's process; auto: one per core beyond the first
    parse_workers: Literal["auto"] | Annotated[int, Field(ge=0, le=64)] = "auto"
    article: ArticleDefaults = ArticleDefaults()


def _secret_from_env(value: object) -> object:
    """``env:NAME`` reads the secret from the environment, so it need not sit in the file."""
    if isinstance(value, str) and value.startswith("env:"):
        name = value[4:]
        if name not in os.environ:
            raise ValueError(f"environment variable {name} is not set")
        return os.environ[name]
    return value


Secret = Annotated[SecretStr, BeforeValidator(_secret_from_env)]


POSTGRES_SCHEMES = ("postgresql", "postgres")


def _database(value: str) -> str:
    """A file path (SQLite) or a ``postgresql://`` URL; any other URL is refused, never taken
    for a file name."""
    scheme = urlsplit(value).scheme if "://" in value else ""
    if not scheme:
        return value
    if scheme not in POSTGRES_SCHEMES:
        raise ValueError(
            f"{scheme}:// is not a database this program can use: give a file path (SQLite) "
            "or a postgresql:// URL"
        )
    if urlsplit(value).password is not None:
        raise ValueError(
            "keep the password out of the URL: set paths.database_password: env:NAME "
            "(or PGPASSWORD) instead"
        )
    return value


class Paths(_Model):
    # a file (SQLite) or postgresql://user@host:port/dbname (several daemons, one database)
    database: Annotated[str, AfterValidator(_database)] = "../data/monitor.db"
    database_password: Secret | None = None  # PostgreSQL; ``env:NAME`` reads it from the env
    alert_log: str = "../data/alerts.jsonl"  # ``{replica}`` is replaced by the replica's name


class Replicas(_Model):
    """Several daemons over one PostgreSQL database (README: "Several daemons")."""

    # how long a replica's claim on a feed, an alert or a delivery lasts unless renewed: a dead
    # replica's work goes to the others after this long
    lease: Duration = Field(120.0, ge=1)


class Dedupe(_Model):
    window: DurationMin0 = 72 * 3600.0  # same story across feeds within this window


class Retention(_Model):
    """How long stored items and alerts are kept (monitor/retention.py); null keeps them forever.

    An item older than ``items`` loses its text, but its key stays known as long as its feed
    still serves the entry, so an old entry never comes back as new."""

    items: Duration | None = Field(90 * 86400.0, ge=60)
    alerts: Duration | None = Field(365 * 86400.0, ge=60)
    interval: Duration = Field(3600.0, ge=1)  # how often the daemon looks for expired rows
    batch: int = Field(500, ge=1, le=100_000)  # rows deleted per transaction


def _human(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"


class Logging(_Model):
    level: Literal["debug", "info", "warning", "error"] = "info"
    format: Literal["auto", "json", "console"] = "auto"
    # one info line counting the polls, new items and errors of each period (monitor/summary.py)
    summary_interval: DurationMin1s = 300.0


class FeedConfig(_Model):
    id: str
    url: str
    name: str | None = None
    interval: DurationMin1s | None = None
    language: str | None = Field(None, pattern=r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")
    tags: tuple[str, ...] = ()
    enabled: bool = True
    article: ArticleOverride = ArticleOverride()

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError(
                "a feed id is 1-64 characters: lower-case letters, digits, '.', '_' or '-'"
            )
        return v

    @field_validator("url")
    @classmethod
    def _url(cls, v: str) -> str:
        v = v.strip()
        parts = urlsplit(v)
        if parts.scheme in ("http", "https"):
            if not parts.hostname:
                raise ValueError("URL has no host")
            try:
                parts.port  # noqa: B018 - raises on a bad port
            except ValueError:
                raise ValueError("URL has an invalid port") from None
            if any(c.isspace() for c in v):
                raise ValueError("URL contains spaces")
            return v
        if parts.scheme == "file" or (not parts.scheme and v):
            return v
        raise ValueError("expected an http:// or https:// URL, a file:// URL or a local path")


# --- operations: the HTTP endpoint and notification sinks (monitor/health.py, sinks.py) ------




class HttpSettings(_Model):
    """``/healthz`` and ``/metrics``; on by default, on loopback only."""

    enabled: bool = True
    address: str = "127.0.0.1"
    port: int = Field(9464, ge=1, le=65535)
    stale_after: PositiveDuration | None = None  # default: two scheduler tick intervals


class _SinkBase(_Model):
    id: str
    min_severity: Literal["low", "medium", "high", "critical"] = "low"
    entities: tuple[str, ...] = ()  # only alerts naming one of these entity ids; empty: all
    retry_delay: PositiveDuration = 10.0  # first retry after this, doubling each time...
    max_backoff: PositiveDuration = 3600.0  # ...up to this; it never gives up

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError(
                "a sink id is 1-64 characters: lower-case letters, digits, '.', '_' or '-'"
            )
        return v


class WebhookSink(_SinkBase):
    type: Literal["webhook"]
    url: str
    secret: Secret | None = None  # HMAC-SHA256 key; ``env:NAME`` reads it from the environment
    timeout: PositiveDuration = 10.0

    @field_validator("url")
    @classmethod
    def _url(cls, v: str) -> str:
        parts = urlsplit(v.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("expected an http:// or https:// URL")
        return v.strip()


class AppriseSink(_SinkBase):
    type: Literal["apprise"]
    urls: tuple[Secret, ...] = Field(min_length=1)  # Apprise URLs carry tokens: secrets


def _unique_sink_ids(sinks: tuple[WebhookSink | AppriseSink, ...]) -> tuple:
    seen: set[str] = set()
    for s in sinks:
        if s.id in seen:
            raise ValueError(f"duplicate sink id {s.id!r}: every sink needs its own id")
        seen.add(s.id)
    return sinks


Sinks = Annotated[
    tuple[Annotated[WebhookSink | AppriseSink, Field(discriminator="type")], ...],
    AfterValidator(_unique_sink_ids),
]


class Settings(_Model):
    """The config file's shape (what the README documents)."""

    paths: Paths = Paths()
    watchlists: tuple[str, ...] = Field(min_length=1)
    defaults: Defaults = Defaults()
    dedupe: Dedupe = Dedupe()
    replicas: Replicas = Replicas()
    log: Logging = Logging()
    allow_private_networks: bool = False
    user_agent: str | None = None
    feeds: tuple[FeedConfig, ...] = ()
    retention: Retention = Retention()
    http: HttpSettings = HttpSettings()  # ops section: health and metrics endpoint
    sinks: Sinks = ()  # ops section: notification sinks besides the alert log
    @field_validator("retention")
    @classmethod
    def _retention(cls, v: Retention, info: ValidationInfo) -> Retention:
        """Alerts are what dedupes a story across feeds and what rematch checks: they must
        outlive the dedupe window and the items they were made from."""
        dedupe = info.data.get("dedupe")
        if v.alerts is not None and dedupe is not None and v.alerts < dedupe.window:
            raise ValueError(
                f"alerts: {_human(v.alerts)} is shorter than dedupe.window "
                f"({_human(dedupe.window)}): a story would alert again once its alert is "
                "deleted; keep alerts at least as long as the dedupe window")
        if v.alerts is not None and (v.items is None or v.items > v.alerts):
            items = "forever" if v.items is None else _human(v.items)
            raise ValueError(
                f"alerts: {_human(v.alerts)} is shorter than items ({items}): "
                "keep alerts at least as long as items (rematch would alert again on items "
                "whose alerts were deleted)")
        return v


@dataclass(frozen=True)
class Feed:
    """A configured feed with its effective settings."""

    id: str
    url: str  # absolute: http(s) URL or file:// URL
    name: str
    interval: float
    language: str | None
    tags: tuple[str, ...]
    article: ArticlePolicy | None = None  # None: the linked pages are not fetched


@dataclass(frozen=True)
class ArticlePolicy:
    """A feed's effective article settings (feed > defaults)."""

    per_poll: int
    max_age: float


@dataclass(frozen=True)
class Config:
    """The validated, resolved configuration the daemon runs with."""

    path: Path
    settings: Settings
    database: Path | str  # a file, or a postgresql:// URL (see is_database_url)
    alert_log: Path
    watchlists: tuple[Path, ...]  # files, and folders standing for their *.yaml files
    feeds: tuple[Feed, ...]
    doc: YamlDoc | None = field(default=None, repr=False, compare=False)

    @property
    def defaults(self) -> Defaults:
        return self.settings.defaults

    def error(self, message: str, keypath: KeyPath = ()) -> ConfigError:
        """A ConfigError at ``keypath``'s line of the file (for checks made after loading)."""
        if self.doc is None:
            return ConfigError(message, path=str(self.path))
        return self.doc.error(message, keypath)


def local_file(url: str) -> Path | None:
    """The path a ``file://`` feed URL names (None for http(s) URLs)."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        return Path(url2pathname(unquote(parts.path)))
    if not parts.scheme and "://" not in url:
        return Path(url)
    return None


def default_replica() -> str:
    """A daemon's name among replicas: host name and pid, unique among daemons running at once."""
    return f"{socket.gethostname()}-{os.getpid()}"


def for_replica(config: Config, replica: str) -> Config:
    """``config`` with ``{replica}`` in ``paths.alert_log`` replaced by ``replica``."""
    path = str(config.alert_log)
    return replace(config, alert_log=Path(path.replace("{replica}", replica))) if (
        "{replica}" in path) else config


def is_database_url(database: Path | str) -> bool:
    """``paths.database`` names a PostgreSQL server, not a file."""
    return isinstance(database, str) and database.startswith(
        tuple(f"{s}://" for s in POSTGRES_SCHEMES))


def _resolve(base: Path, value: str) -> Path:
    p = Path(value).expanduser()
    return p if p.is_absolute() else (base / p).resolve()


def _feed_url(base: Path, url: str) -> str:
    scheme = urlsplit(url).scheme
    if scheme in ("http", "https"):
        return url
    if scheme == "file":
        return url
    return _resolve(base, url).as_uri()


def _article_policy(d: ArticleDefaults, f: ArticleOverride) -> ArticlePolicy | None:
    if not (d.fetch if f.fetch is None else f.fetch):
        return None
    return ArticlePolicy(
        per_poll=d.per_poll if f.per_poll is None else f.per_poll,
        max_age=d.max_age if f.max_age is None else f.max_age,
    )


def load_config(path: str | Path) -> Config:
    """Read, validate and resolve a config file; raise ConfigError naming file, line and key."""
    path = Path(path)
    doc = load_yaml(path)
    if doc.data is not None and not isinstance(doc.data, dict):
        raise doc.error("the config file must be a mapping of keys (database, feeds, ...)")
    settings: Settings = doc.validate(Settings)
    first_index: dict[str, int] = {}
    for i, f in enumerate(settings.feeds):
        if f.id in first_index:
            j = first_index[f.id]
            raise doc.error(
                f"duplicate feed id {f.id!r}: feeds[{j}] (line {doc.line_of(('feeds', j))}) "
                "already uses it; every feed needs its own id",
                ("feeds", i, "id"),
            )
        first_index[f.id] = i
    base = path.resolve().parent
    watchlists = []
    for i, wl in enumerate(settings.watchlists):
        wl_path = _resolve(base, wl)
        if not wl_path.is_file() and not wl_path.is_dir():  # a folder: its *.yaml files
            raise doc.error(
                f"watchlist file {wl_path} does not exist (paths are relative to {base})",
                ("watchlists", i),
            )
        watchlists.append(wl_path)
    feeds = []
    d = settings.defaults
    for f in settings.feeds:
        if not f.enabled:
            continue
        feeds.append(
            Feed(
                id=f.id,
                url=_feed_url(base, f.url),
                name=f.name or f.id,
                interval=f.interval or d.interval,
                language=f.language,
                tags=f.tags,
                article=_article_policy(d.article, f.article),
            )
        )
    return Config(
        path=path,
        settings=settings,
        database=(settings.paths.database if is_database_url(settings.paths.database)
                  else _resolve(base, settings.paths.database)),
        alert_log=_resolve(base, settings.paths.alert_log),
        watchlists=tuple(watchlists),
        feeds=tuple(feeds),
        doc=doc,
    )
