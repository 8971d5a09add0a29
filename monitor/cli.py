"""The command line. The only module that prints; it maps MonitorError to messages and exit codes:
a config mistake exits 2, any other MonitorError exits 1, never with a traceback (unless --debug).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import gc
import json
import os
import sys
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from monitor import __version__, clock
from monitor.exceptions import ConfigError, MonitorError

if TYPE_CHECKING:
    from monitor.config import Config
    from monitor.store import Store

DEFAULT_CONFIG = os.environ.get("MONITOR_CONFIG", "config/monitor.yaml")
F = TypeVar("F", bound=Callable[..., Any])


def config_option(f: F) -> F:
    return click.option(
        "--config",
        "-c",
        "config_path",
        default=DEFAULT_CONFIG,
        show_default=True,
        type=click.Path(dir_okay=False, path_type=Path),
        help="Config file (env MONITOR_CONFIG).",
    )(f)


def handle_errors(f: F) -> F:
    """Print a MonitorError as one clear message and exit non-zero; no traceback."""

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except ConfigError as exc:
            if os.environ.get("MONITOR_DEBUG"):
                raise
            click.echo(f"error: {exc}{_config_hint(exc, kwargs.get('config_path'))}", err=True)
            sys.exit(2)
        except MonitorError as exc:
            if os.environ.get("MONITOR_DEBUG"):
                raise
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def _config_hint(exc: ConfigError, config_path: Path | None) -> str:
    """A missing config file: where it was looked for, and how to name another."""
    if config_path is None or exc.message != "file not found" or exc.path != str(config_path):
        return ""
    where = f" (looked in {Path.cwd()})" if not config_path.is_absolute() else ""
    return f"{where}; name the config with --config FILE or set MONITOR_CONFIG"


def _setup_logs(config: Config, level: str | None = None) -> None:
    """Logging as the (already loaded) config says; ``level`` from the command line wins."""
    from monitor import logs

    logs.configure(level or config.settings.log.level, config.settings.log.format)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="monitor")
def cli() -> None:
    """monitor: poll news feeds, match a watchlist of named entities, write alerts.

    Start with `monitor run --config config/demo.yaml` (no network needed), then read the
    alerts with `monitor tail --config config/demo.yaml` or `jq . data/demo-alerts.jsonl`.
    """


@cli.command()
@config_option
@click.option("--log-level", type=click.Choice(["debug", "info", "warning", "error"]))
@click.option("--replica", metavar="NAME",
              help="This daemon's name among several sharing one PostgreSQL database "
                   "(default: host name and pid); replaces {replica} in paths.alert_log.")
@handle_errors
def run(config_path: Path, log_level: str | None, replica: str | None) -> None:
    """Run the daemon: poll feeds on their schedule until SIGTERM or SIGINT.

    SIGHUP (or saving the config or a watchlist file) reloads them; invalid new files are
    rejected and the running ones kept.
    """
    from monitor.daemon import Daemon
    from monitor.runtime import load_runtime

    runtime = load_runtime(config_path, on_config=lambda c: _setup_logs(c, log_level))
    daemon = Daemon(runtime, replica=replica)
    code = asyncio.run(daemon.run())
    sys.exit(code)


@cli.command("poll-once")
@config_option
@click.option("--log-level", type=click.Choice(["debug", "info", "warning", "error"]),
              default="warning", show_default=True)
@handle_errors
def poll_once(config_path: Path, log_level: str) -> None:
    """Poll every feed once, write alerts, print a summary and exit 0 (even if feeds failed)."""
    import time

    from monitor.runtime import load_runtime
    from monitor.workers import ParsePool, make_executor

    pool: ParsePool | None = None

    def configured(config: Config) -> None:
        nonlocal pool
        _setup_logs(config, log_level)
        # the parser workers start now, beside this process's imports, watchlist and first
        # fetches, instead of holding up the first bodies while they start; a worker no body
        # came to is killed at the end, not waited for (bench/HISTORY.md)
        pool = make_executor(config)
        if pool is not None:
            pool.start()

    # no collection while the process starts: its imports, config and watchlist make next to
    # no garbage cycles and what they keep is frozen below, so the collector's passes over
    # them (~0.05-0.1 s of CPU, two of them full) would find nothing
    paused = _WHOLE_PROCESS and gc.isenabled()
    if paused:
        gc.disable()
    try:
        # the watchlist compiles while the first body is parsed, or never if nothing changed
        runtime = load_runtime(config_path, compile_later=True, on_config=configured)
        from monitor.daemon import Daemon
    except BaseException:
        if pool is not None:
            pool.shutdown(wait=False)
        raise
    finally:
        _freeze_heap()  # modules, config and watchlist: kept until the process ends
        if paused:
            gc.enable()
    started = time.monotonic()
    daemon = Daemon(runtime, executor=pool)
    with _progress(len(runtime.config.feeds), "polling") as advance:  # bar on a terminal
        outcomes = asyncio.run(daemon.poll_once(progress=advance))
    ended = time.monotonic()
    elapsed = (daemon.polls_done or ended) - started
    by_status: dict[str, int] = {}
    for o in outcomes:
        by_status[o.status] = by_status.get(o.status, 0) + 1
    click.echo(
        f"polled {len(outcomes)} feeds in {elapsed:.2f}s: "
        + ", ".join(f"{n} {s}" for s, n in sorted(by_status.items()))
        + f"; {sum(o.new for o in outcomes)} new items, "
        f"{sum(o.matched for o in outcomes)} matched, {sum(o.alerts for o in outcomes)} alerts"
    )
    a = daemon.article_stats
    if a.done:
        click.echo(
            f"articles: {a.fetched} fetched, {a.reused} reused, {a.failed} failed, "
            f"{a.skipped} skipped in {ended - (daemon.polls_done or ended):.2f}s; "
            f"{len(a.alerts)} alerts from their text"
        )
    for o in sorted(outcomes, key=lambda o: o.feed_id):
        if o.status == "error":
            click.echo(f"  {o.feed_id}: {o.error}")
    polled = {o.feed_id for o in outcomes}
    for feed in runtime.config.feeds:  # the only feeds poll-once skips: stopped ones
        if feed.id not in polled:
            click.echo(f"  {feed.id}: not polled: gone (the server answered 410); "
                       f"`monitor feeds resume {feed.id}` polls it again")
    runtime.save_compiled()  # a watchlist compiled in this run: the next run reads it back
    _freeze_heap()  # everything is written and closed: the exit has nothing to collect


@cli.command("check-config")
@config_option
@handle_errors
def check_config(config_path: Path) -> None:
    """Validate the config and every watchlist it names; exit 2 with file:line if invalid."""
    from monitor.runtime import load_runtime

    rt = load_runtime(config_path)
    click.echo(
        f"{config_path}: ok: {len(rt.config.feeds)} feeds, {len(rt.watchlist.entities)} entities, "
        f"{len(rt.watchlist.topics)} topics (watchlist version {rt.matcher.version})"
    )


@cli.command()
@config_option
@click.argument("file", type=click.File("r", encoding="utf-8"), default="-")
@handle_errors
def match(config_path: Path, file: Any) -> None:
    """Match JSON lines {"id", "title", "summary"} from FILE (or stdin) against the watchlist.

    Writes one line per input: {"id", "entities": [ids], "topics": [ids]}. Titles and summaries
    may hold HTML and entities; they get the same normalisation as items from feeds.
    """
    from monitor.normalize import html_to_text
    from monitor.runtime import load_runtime

    matcher = load_runtime(config_path).matcher
    bad = 0
    for lineno, line in enumerate(file, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError("expected a JSON object")
        except ValueError as exc:
            click.echo(f"error: {getattr(file, 'name', '-')}:{lineno}: {exc}", err=True)
            bad += 1
            continue
        fields = {
            "title": html_to_text(str(obj.get("title") or "")),
            "summary": html_to_text(str(obj.get("summary") or "")),
            "content": html_to_text(str(obj.get("content") or "")),
        }
        result = matcher.match(fields)
        out = {
            "id": obj.get("id"),
            "entities": sorted(e.entity_id for e in result.entities),
            "topics": sorted(t.topic_id for t in result.topics),
        }
        click.echo(json.dumps(out, ensure_ascii=False))
    if bad:
        click.echo(f"error: {bad} input line(s) were not JSON objects and were skipped", err=True)
        sys.exit(1)


def parse_since(value: str) -> datetime:
    """``7d``, ``24h``, ``90m`` (ago) or an ISO date/time (UTC if no zone) → a UTC datetime."""
    from monitor.config import parse_duration

    try:
        return clock.now() - timedelta(seconds=parse_duration(value))
    except ValueError:
        pass
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r}: expected a duration ago (7d, 24h, 30m) or a date (2025-11-17)"
        ) from None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


@cli.command()
@config_option
@click.option("--since", "since", default="7d", show_default=True,
              help="Items first seen since: a duration ago (7d, 24h) or a date.")
@click.option("--dry-run", is_flag=True, help="Print what would alert; change nothing.")
@handle_errors
def rematch(config_path: Path, since: str, dry_run: bool) -> None:
    """Run the current watchlist over stored items; alert only on what was missed before.

    Entities and topics already alerted for an item (or its story) are not alerted again, so
    running it twice writes nothing the second time.
    """
    from monitor.alerts import AlertLog
    from monitor.config import default_replica, for_replica
    from monitor.rematch import rematch as run_rematch
    from monitor.runtime import load_runtime

    start = parse_since(since)
    rt = load_runtime(config_path)
    _setup_logs(rt.config, "warning")
    store = _open_existing_store(rt.config)  # nothing stored: nothing to rematch
    try:
        names = {f.id: f.name for f in rt.config.feeds}
        with _progress(None, "rematching") as advance:  # bar on a terminal
            report = run_rematch(store, rt.matcher, start, clock.now(), names,
                                 window=rt.config.settings.dedupe.window, dry_run=dry_run,
                                 progress=advance)
        if dry_run:
            for a in report.alerts:
                targets = ", ".join(a.targets)
                click.echo(f"would alert [{a.severity}] {a.payload['title']} ({targets})")
        else:
            AlertLog(for_replica(rt.config, default_replica()).alert_log).drain(store)
    finally:
        store.close()
    verb = "would write" if dry_run else "wrote"
    click.echo(
        f"rematched {report.items} items since {start.isoformat(timespec='seconds')} with "
        f"watchlist {rt.matcher.version}: {report.matched} with new matches, "
        f"{verb} {len(report.alerts)} alerts"
    )


@cli.command()
@config_option
@click.option("--title", default="", help="Title text (HTML allowed).")
@click.option("--summary", default="", help="Summary text (HTML allowed).")
@click.option("--item", "item_ref", metavar="FEED_ID:KEY",
              help="A stored item instead of --title/--summary (see `monitor alerts --json`).")
@handle_errors
def explain(config_path: Path, title: str, summary: str, item_ref: str | None) -> None:
    """Show which entities and topics match a text and why; for near misses, which rule
    (case, context, exclusion, first name, topic condition) stopped them."""
    from monitor.normalize import html_to_text
    from monitor.runtime import load_runtime

    rt = load_runtime(config_path)
    if item_ref:
        feed_id, _, key = item_ref.partition(":")
        store = _open_existing_store(rt.config)
        try:
            item = store.item(feed_id, key)
            body = store.article_text(feed_id, key) if item is not None else None
        finally:
            store.close()
        if item is None:
            raise click.BadParameter(f"no stored item {item_ref!r}", param_hint="--item")
        fields = item.fields()
        if body is not None:  # the linked article's text, kept for the dedupe window
            fields["body"] = body
    elif title or summary:
        fields = {"title": html_to_text(title), "summary": html_to_text(summary), "content": ""}
    else:
        raise click.UsageError("give --title and/or --summary, or --item FEED_ID:KEY")
    result = rt.matcher.match(fields)
    for line in rt.matcher.explain(fields):
        click.echo(line)
    entities = ", ".join(f"{e.entity_id} ({e.salience})" for e in result.entities) or "none"
    topics = ", ".join(t.topic_id for t in result.topics) or "none"
    click.echo(f"=> entities: {entities}; topics: {topics} (watchlist {rt.matcher.version})")


@cli.command()
def schema() -> None:
    """Print the JSON Schema of an alert-log line (and of a webhook's body)."""
    from monitor.alerts import SCHEMA_FILE

    click.echo(SCHEMA_FILE.read_text(encoding="utf-8"), nl=False)


@cli.group()
def seeds() -> None:
    """Work on watchlists: draft one from a news article."""


@seeds.command("draft")
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the draft here (default: stdout).")
@click.option("--min-count", default=1, show_default=True,
              help="Keep candidates mentioned at least this often.")
@click.option("--force", is_flag=True, help="Replace the -o file if it exists.")
@handle_errors
def seeds_draft(article: Path, output: Path | None, min_count: int, force: bool) -> None:
    """Draft a watchlist YAML of candidate entities found in ARTICLE (plain text).

    Names, acronyms, "President X", "USS X" and organisation words are picked up and typed by
    simple rules. Review every entry: add spellings, context and exclusions before use.
    """
    from monitor.draft import draft_yaml

    if output is not None and output.exists() and not force:
        raise click.ClickException(
            f"{output} exists: not replaced (a reviewed watchlist may be there); give another "
            "-o file, or --force to replace it")
    text = article.read_text(encoding="utf-8", errors="replace")
    draft = draft_yaml(text, article.stem, min_count=min_count)
    if output is None:
        click.echo(draft, nl=False)
        return
    output.write_text(draft, encoding="utf-8")
    click.echo(f"wrote {draft.count('- id: ')} candidate entities to {output}", err=False)


# --- operating it: tail, alerts, feeds, health (issue 5) --------------------------------------

SEVERITIES = ("low", "medium", "high", "critical")


@contextlib.contextmanager
def _progress(total: int | None, what: str) -> Iterator[Callable[[Any], None] | None]:
    """A progress bar on stderr when it is a terminal; ``None`` (no bar) when piped."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    columns = [BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(f"[progress.description]{what}", *columns,
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(what, total=total)
        yield lambda step: bar.advance(task, step if isinstance(step, int) else 1)


def _open_existing_store(config: Config) -> Store:
    """The database for a report; a clear message instead of creating an empty one."""
    from monitor.exceptions import StorageError
    from monitor.store import open_config_store

    database = config.database
    if isinstance(database, Path) and not database.exists():
        raise StorageError(
            f"no database at {database} yet: `monitor run` or `monitor poll-once` creates it"
        )
    return open_config_store(config)


def _ago(value: str | None, now: datetime) -> str:
    """A stored UTC timestamp as "5m ago" / "in 12m" (empty if none)."""
    if not value:
        return ""
    from monitor.store.sqlite import parse_ts

    at = parse_ts(value)
    assert at is not None
    secs = (at - now).total_seconds()
    n = abs(secs)
    text = (f"{n:.0f}s" if n < 90 else f"{n / 60:.0f}m" if n < 5400
            else f"{n / 3600:.0f}h" if n < 129600 else f"{n / 86400:.0f}d")
    return f"in {text}" if secs > 0 else f"{text} ago"


def filter_options(f: F) -> F:
    """--entity, --topic, --feed and --severity: the same filters for `tail` and `alerts`."""
    for option in reversed([
        click.option("--entity", "entities", multiple=True, metavar="ID",
                     help="Only alerts naming this entity, or topic:ID (repeatable: any of "
                          "them)."),
        click.option("--topic", "topics", multiple=True, metavar="ID",
                     help="Only alerts naming this topic (repeatable; same as --entity "
                          "topic:ID)."),
        click.option("--feed", "feeds_", multiple=True, metavar="ID",
                     help="Only alerts this feed reported (repeatable: any of them)."),
        click.option("--severity", type=click.Choice(SEVERITIES), help="Minimum severity."),
    ]):
        f = option(f)
    return f


def _target_ids(config: Config, entities: tuple[str, ...], topics: tuple[str, ...],
                feeds: tuple[str, ...], known_feeds: AbstractSet[str] = frozenset()) -> list[str]:
    """The entity filter as stored (``topic:ID`` for topics); ids that no watchlist or feed
    defines are named on stderr, so a typo does not pass for "no alerts"."""
    from monitor.watchlist import load_watchlists

    wanted = [*entities, *(f"topic:{t}" for t in topics)]
    if wanted or feeds:
        watchlist = load_watchlists(config.watchlists)
        known = {e.id for e in watchlist.entities} | {f"topic:{t.id}" for t in watchlist.topics}
        for target in wanted:
            if target not in known:
                kind, name = (("topic", target[6:]) if target.startswith("topic:")
                              else ("entity", target))
                click.echo(f"warning: unknown {kind} id {name!r}: no watchlist of "
                           f"{config.path} defines it", err=True)
        configured = {f.id for f in config.settings.feeds} | set(known_feeds)
        for feed in feeds:
            if feed not in configured:
                click.echo(f"warning: unknown feed id {feed!r}: not in {config.path}", err=True)
    return wanted


@cli.command()
@config_option
@click.option("-n", "--lines", "count", default=10, show_default=True,
              help="Show the last N matching alerts first (0: only new ones).")
@click.option("--follow/--no-follow", default=True, show_default=True,
              help="Keep reading as alerts are appended, across rotation and truncation.")
@filter_options
@click.option("--since", help="Only alerts detected since: a duration ago (24h) or a date.")
@click.option("--json", "as_json", is_flag=True,
              help="Print the original JSON lines unchanged (for jq).")
@click.option("--file", "log_file", type=click.Path(dir_okay=False, path_type=Path),
              help="The alert log to read (default: paths.alert_log of the config).")
@handle_errors
def tail(config_path: Path, count: int, follow: bool, entities: tuple[str, ...],
         topics: tuple[str, ...], feeds_: tuple[str, ...], severity: str | None,
         since: str | None, as_json: bool, log_file: Path | None) -> None:
    """Show the latest alerts and follow the alert log, like `tail -F`.

    On a terminal each alert is one coloured line; text from feeds is shown with control
    characters and escape sequences neutralised. --json passes the lines through unchanged.
    """
    from rich.console import Console

    from monitor.config import load_config
    from monitor.tail import AlertFilter, Follower, last_lines, parse_line, render

    targets = [*entities, *(f"topic:{t}" for t in topics)]
    if log_file is None:  # ids are checked against the config the log belongs to
        config = load_config(config_path)
        targets = _target_ids(config, entities, topics, feeds_)
    path = log_file or config.alert_log
    keep_alert = AlertFilter(frozenset(targets), frozenset(feeds_), severity,
                             parse_since(since) if since else None)
    console = Console(highlight=False, emoji=False, soft_wrap=True)

    def keep(line: bytes) -> bool:
        alert = parse_line(line)
        return alert is not None and keep_alert(alert)

    def show(line: bytes) -> None:
        if as_json:
            sys.stdout.buffer.write(line + b"\n")
            sys.stdout.buffer.flush()
        else:
            console.print(render(parse_line(line) or {}))

    offset = 0
    try:
        if path.exists():
            shown, offset = last_lines(path, count, keep)
            for line in shown:
                show(line)
        elif not follow:
            raise click.ClickException(f"no alert log at {path} yet")
        else:
            click.echo(f"waiting for {path} to appear", err=True)
        if not follow:
            return
        follower = Follower(path, offset)
        seen_events = 0
        for line in follower.lines():
            while seen_events < len(follower.events):
                click.echo(f"{path}: {follower.events[seen_events]}; following the new file",
                           err=True)
                seen_events += 1
            if parse_line(line) is None:
                click.echo(f"{path}: skipped a line that is not a JSON object", err=True)
            elif keep(line):
                show(line)
    except KeyboardInterrupt:
        return
    except BrokenPipeError:
        # the reader (head, less) went away: stop quietly, as tail does
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return


@cli.command()
@config_option
@click.option("--since", default="24h", show_default=True,
              help="Alerts detected since: a duration ago (24h, 7d) or a date.")
@filter_options
@click.option("--count-by", type=click.Choice(["entity", "day", "feed"]),
              help="Count alerts instead of listing them.")
@click.option("--limit", default=200, show_default=True, help="At most this many alerts.")
@click.option("--json", "as_json", is_flag=True,
              help="JSON lines: each alert as in the alert log (or {key, alerts} counts).")
@handle_errors
def alerts(config_path: Path, since: str, entities: tuple[str, ...], topics: tuple[str, ...],
           feeds_: tuple[str, ...], severity: str | None, count_by: str | None, limit: int,
           as_json: bool) -> None:
    """List or count the alerts in the database, newest first."""
    from rich.console import Console
    from rich.text import Text

    from monitor.config import load_config
    from monitor.tail import SEVERITY_STYLE, neutralise
    from monitor.types import PRIORITY_RANK

    start = parse_since(since)
    config = load_config(config_path)
    store = _open_existing_store(config)
    rank = PRIORITY_RANK[severity] if severity else 0
    try:
        targets = _target_ids(config, entities, topics, feeds_,
                              {r["id"] for r in store.feeds()} if feeds_ else set())
        if count_by:
            counts = store.alert_counts(count_by, start, targets, feeds_, rank)
        else:
            records = store.alerts(start, targets, feeds_, rank, limit)
    finally:
        store.close()
    console = Console(highlight=False, emoji=False)
    if count_by:
        if as_json:
            for key, n in counts:
                click.echo(json.dumps({count_by: key, "alerts": n}, ensure_ascii=False))
            return
        console.print(_table(f"alerts since {start:%Y-%m-%d %H:%M}Z",
                             [(count_by, "id"), ("alerts", "number")],
                             [[Text(neutralise(key)), str(n)] for key, n in counts],
                             console.width))
        return
    if as_json:
        for a in records:
            click.echo(json.dumps(a.payload, ensure_ascii=False, separators=(",", ":")))
        return
    rows = []
    for a in records:
        hits = cast("list[dict[str, Any]]", a.payload.get("topics") or [])
        ids = [*a.entity_ids] or [f"topic:{t.get('id')}" for t in hits]
        rows.append([f"{a.created_at:%m-%d %H:%M}", Text(a.severity,
                     style=SEVERITY_STYLE.get(a.severity, "")),
                     Text("\n".join(neutralise(i) for i in ids)),  # one id a line, never cut
                     # +N: N other feeds carried the same story (grouped into this alert)
                     Text(neutralise(a.feed_id) + (f" +{a.carried_by}" if a.carried_by else "")),
                     Text(neutralise(a.payload.get("title", "")))])
    console.print(_table(f"{len(records)} alerts since {start:%Y-%m-%d %H:%M}Z",
                         [("UTC", "fixed"), ("severity", "fixed"), ("entities", "id"),
                          ("feed", "id"), ("title", "text")], rows, console.width,
                         drop=("severity", "UTC")))


def _table(title: str, columns: list[tuple[str, str]], rows: list[list[Any]],
           width: int, drop: tuple[str, ...] = ()) -> Any:
    """A table that stays readable in ``width`` columns (80 on a plain terminal): ``id`` columns
    (feed, entity ids) are never cut, ``fixed`` and ``number`` columns keep their width on one
    line, and the ``text`` column (title, error) takes what is left, one line per row, cut with
    an ellipsis (``--json`` has it whole). When even that does not fit, the columns named in
    ``drop`` are left out, first ones first."""
    from rich import box
    from rich.table import Table

    def need(n: int, header: str, kind: str) -> int:
        widest = max((len(line) for r in rows for line in str(r[n]).splitlines()), default=0)
        return 12 if kind == "text" else max(widest, len(header))

    keep = list(range(len(columns)))
    widths = {n: need(n, *columns[n]) for n in keep}

    def total(cols: list[int]) -> int:  # a space of padding each side, a divider between
        return sum(widths[n] + 2 for n in cols) + len(cols) - 1

    for header in drop:
        if total(keep) <= width:
            break
        keep = [n for n in keep if columns[n][0] != header]
    text_col = [n for n in keep if columns[n][1] == "text"]
    room = width - total([n for n in keep if n not in text_col]) - 3 * len(text_col)
    table = Table(title=title, box=box.SIMPLE_HEAD, show_edge=False)
    for n in keep:
        header, kind = columns[n]
        if kind == "text":
            table.add_column(header, no_wrap=True, overflow="ellipsis",
                             width=max(widths[n], room))
        else:
            table.add_column(header, no_wrap=True, width=widths[n],
                             justify="right" if kind == "number" else "left")
    for r in rows:
        table.add_row(*(r[n] for n in keep))
    return table


def _feeds_config(ctx: click.Context, config_path: Path) -> Path:
    """A subcommand's --config, or the group's when only that was given."""
    parent = (ctx.parent.params.get("config_path") if ctx.parent else None) or config_path
    return parent if config_path == Path(DEFAULT_CONFIG) else config_path


@cli.group(invoke_without_command=True)
@config_option
@click.option("--json", "as_json", is_flag=True, help="JSON lines instead of a table.")
@click.pass_context
@handle_errors
def feeds(ctx: click.Context, config_path: Path, as_json: bool) -> None:
    """Every feed's health: status, last success, errors, next poll, items and alerts, and
    with several daemons sharing a PostgreSQL database, the replica holding it now.

    `monitor feeds import FILE.opml` adds feeds to the config; `monitor feeds export` writes
    the configured feeds as OPML; `monitor feeds resume ID` polls a `gone` feed again.
    """
    if ctx.invoked_subcommand is not None:
        return
    from rich.console import Console
    from rich.text import Text

    from monitor.config import load_config
    from monitor.store.sqlite import ts
    from monitor.tail import neutralise

    config = load_config(config_path)
    rows: dict[str, dict[str, Any]] = {}
    if isinstance(config.database, str) or config.database.exists():
        store = _open_existing_store(config)
        try:
            rows = {r["id"]: r for r in store.feeds()}
        finally:
            store.close()
    configured = {f.id for f in config.feeds}
    now = clock.now()
    out = []
    for feed_id in [*[f.id for f in config.feeds], *sorted(set(rows) - configured)]:
        r = rows.get(feed_id, {})
        if feed_id not in configured:
            status = "removed"
        elif r.get("stopped"):
            status = r["stopped"]  # gone: not polled until resumed
        elif not r or not r.get("last_attempt"):
            status = "new"
        elif r["last_status"] == "error":
            status = "failing"
        else:
            status = "ok"
        out.append({
            "id": feed_id, "status": status, "last_success": r.get("last_success"),
            "consecutive_errors": r.get("consecutive_errors", 0),
            "last_error": r.get("last_error"),
            "next_poll": r.get("next_poll") if status not in ("removed", "gone") else None,
            "items": r.get("items", 0), "alerts": r.get("alerts", 0),
            # the replica claiming it (polling it or about to), while its lease lasts
            "replica": (r.get("lease_owner")
                        if (r.get("lease_until") or "") > (ts(now) or "") else None),
        })
    if as_json:
        for row in out:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    style = {"ok": "green", "failing": "bold red", "new": "cyan", "removed": "dim",
             "gone": "bold magenta"}
    replicas = any(row["replica"] for row in out)  # a column only when leases are held
    cells = [[
        Text(row["id"]), Text(row["status"], style=style[row["status"]]),
        _ago(row["last_success"], now), str(row["consecutive_errors"]),
        Text(neutralise(row["last_error"] or "")), _ago(row["next_poll"], now),
        str(row["items"]), str(row["alerts"]),
        *([Text(neutralise(row["replica"] or ""))] if replicas else []),
    ] for row in out]
    console = Console(highlight=False, emoji=False)
    console.print(_table(
        f"{len(configured)} feeds ({config.path})",
        [("feed", "id"), ("status", "fixed"), ("last ok", "fixed"), ("errors", "number"),
         ("last error", "text"), ("next poll", "fixed"), ("items", "number"),
         ("alerts", "number"), *([("replica", "id")] if replicas else [])], cells, console.width,
        drop=("items", "alerts", "last ok", "next poll")))


@feeds.command("resume")
@config_option
@click.argument("feed_ids", nargs=-1, required=True, metavar="ID...")
@click.pass_context
@handle_errors
def feeds_resume(ctx: click.Context, config_path: Path, feed_ids: tuple[str, ...]) -> None:
    """Poll stopped feeds again (status `gone`: the server answered 410 Gone).

    A running daemon polls them within a second; exit 1 if one is not a stopped feed.
    """
    from monitor.config import load_config

    config = load_config(_feeds_config(ctx, config_path))
    store = _open_existing_store(config)
    try:
        rows = {r["id"]: r for r in store.feeds()}
        missing = []
        for feed_id in feed_ids:
            if store.resume_feed(feed_id, clock.now()):
                click.echo(f"{feed_id}: resumed, polled at the next tick")
            else:
                r = rows.get(feed_id)
                why = ("no such feed in the database" if r is None
                       else "not in the config" if not r["active"] else "not stopped")
                missing.append(f"{feed_id}: {why}")
    finally:
        store.close()
    if missing:
        raise click.ClickException("; ".join(missing))


@feeds.command("import")
@config_option
@click.argument("opml_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--print", "print_only", is_flag=True,
              help="Print the YAML entries to paste instead of changing the config.")
@click.pass_context
@handle_errors
def feeds_import(ctx: click.Context, config_path: Path, opml_file: Path,
                 print_only: bool) -> None:
    """Add the feeds of an OPML file to the config's feeds: list.

    Feeds already configured (same URL) are skipped; ids are made from the titles. The file is
    validated before it is replaced, and a running daemon reloads it.
    """
    from monitor.config import load_config
    from monitor.opml import append_to_config, parse_opml, plan_import

    config_path = _feeds_config(ctx, config_path)
    config = load_config(config_path)
    plan = plan_import(parse_opml(opml_file.read_bytes(), str(opml_file)), config)
    for url, why in plan.skipped:
        click.echo(f"skipped {url}: {why}", err=True)
    if not plan.entries:
        click.echo("no new feeds")
        return
    if print_only:
        click.echo("# add under feeds: in " + str(config_path))
        for line in plan.yaml_lines():
            click.echo(line)
        return
    append_to_config(config_path, plan)
    ids = ", ".join(str(e["id"]) for e in plan.entries)
    click.echo(f"added {len(plan.entries)} feeds to {config_path}: {ids}")


@feeds.command("export")
@config_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (default: stdout).")
@click.pass_context
@handle_errors
def feeds_export(ctx: click.Context, config_path: Path, output: Path | None) -> None:
    """Write the configured feeds as OPML 2.0 (for feed readers and other monitors)."""
    from monitor.config import load_config
    from monitor.opml import export_opml

    text = export_opml(load_config(_feeds_config(ctx, config_path)))
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {text.count('<outline')} feeds to {output}", err=True)


@cli.command()
@config_option
@click.option("--timeout", default=5.0, show_default=True, help="Seconds to wait for an answer.")
def health(config_path: Path, timeout: float) -> None:
    """Exit 0 if the running daemon is healthy, 1 if not (for container health checks).

    Asks the daemon's /healthz at the http: address of the config: healthy while its scheduler
    ticks. Never exits 2, which Docker reserves.
    """
    from monitor.config import load_config
    from monitor.health import check, probe_url

    try:
        http = load_config(config_path).settings.http
    except ConfigError as exc:
        click.echo(f"unhealthy: {exc}", err=True)
        sys.exit(1)
    if not http.enabled:
        click.echo("unhealthy: cannot tell: the http endpoint is off (http: {enabled: false})",
                   err=True)
        sys.exit(1)
    ok, why = check(probe_url(http.address, http.port), timeout,
                    config=str(config_path.resolve()))
    click.echo(f"{'healthy' if ok else 'unhealthy'}: {why.strip()}")
    sys.exit(0 if ok else 1)


# imported at the top of modules that use them rarely (see monitor/lazy.py): feedparser's
# charset detection, for a body whose encoding nothing names (with `parse_workers: 0` the
# daemon parses in its own process); the robots.txt parser, for article fetching only
# (urllib.request, which it imports, the fetcher uses anyway); dateutil's parser, which
# sqlite-utils imports for recipes the store never calls
DEFER = ("chardet", "urllib.robotparser", "dateutil.parser")


# set by ``main``: this process runs one command and ends with it (the `monitor` script,
# `python -m monitor`), unlike a program that runs the CLI in its own process (a test's CliRunner)
_WHOLE_PROCESS = False


def _freeze_heap() -> None:
    """In a process that ends with its command: the objects alive now stay alive until it ends,
    so the cyclic garbage collector stops going through them (``gc.freeze``); objects made
    later are collected as before. On a `poll-once` of 500 real-shaped feeds with 3 new items
    each, the collector's full passes over the modules, config and watchlist cost the daemon
    ~0.1 s during the poll, and the interpreter's last pass at exit ~0.15 s more (README,
    Performance); frozen at the end of the command, that last pass has nothing to go through
    (the command has written and closed everything it keeps). Never in a program that runs the
    CLI in-process: its own garbage would never be collected."""
    if _WHOLE_PROCESS:
        gc.freeze()


def main() -> None:
    from monitor import heap
    from monitor.lazy import defer
    from monitor.logs import import_structlog

    global _WHOLE_PROCESS
    _WHOLE_PROCESS = True
    heap.configure()  # before the first large block (monitor/heap.py)
    defer(DEFER)
    import_structlog()  # before anything else imports it: without rich
    cli(prog_name="monitor")


if __name__ == "__main__":
    main()
