"""The command line. The only module that prints; it maps MonitorError to messages and exit codes:
a config mistake exits 2, any other MonitorError exits 1, never with a traceback (unless --debug).
"""

from __future__ import annotations

import asyncio
import functools
import json
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import click

from monitor import __version__
from monitor.exceptions import ConfigError, MonitorError

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
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)
        except MonitorError as exc:
            if os.environ.get("MONITOR_DEBUG"):
                raise
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def _setup_logs(config_path: Path | None = None, level: str | None = None) -> None:
    from monitor import logs

    fmt = "auto"
    lvl = level or "info"
    if config_path is not None:
        try:
            from monitor.config import load_config

            cfg = load_config(config_path).settings.log
            fmt, lvl = cfg.format, level or cfg.level
        except ConfigError:
            pass  # the command itself reports the config error with its location
    logs.configure(lvl, fmt)  # type: ignore[arg-type]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="monitor")
def cli() -> None:
    """monitor: poll news feeds, match a watchlist of named entities, write alerts.

    Start with `monitor run --config config/demo.yaml` (no network needed), then read the
    alerts with `monitor tail` or `jq . data/alerts.jsonl`.
    """


@cli.command()
@config_option
@click.option("--log-level", type=click.Choice(["debug", "info", "warning", "error"]))
@handle_errors
def run(config_path: Path, log_level: str | None) -> None:
    """Run the daemon: poll feeds on their schedule until SIGTERM or SIGINT.

    SIGHUP (or saving the config or a watchlist file) reloads them; invalid new files are
    rejected and the running ones kept.
    """
    from monitor.daemon import Daemon
    from monitor.runtime import load_runtime

    _setup_logs(config_path, log_level)
    runtime = load_runtime(config_path)
    code = asyncio.run(Daemon(runtime).run())
    sys.exit(code)


@cli.command("poll-once")
@config_option
@click.option("--log-level", type=click.Choice(["debug", "info", "warning", "error"]),
              default="warning", show_default=True)
@handle_errors
def poll_once(config_path: Path, log_level: str) -> None:
    """Poll every feed once, write alerts, print a summary and exit 0 (even if feeds failed)."""
    import time

    from monitor.daemon import Daemon
    from monitor.runtime import load_runtime

    _setup_logs(config_path, log_level)
    runtime = load_runtime(config_path)
    started = time.monotonic()
    outcomes = asyncio.run(Daemon(runtime).poll_once())
    elapsed = time.monotonic() - started
    by_status: dict[str, int] = {}
    for o in outcomes:
        by_status[o.status] = by_status.get(o.status, 0) + 1
    click.echo(
        f"polled {len(outcomes)} feeds in {elapsed:.2f}s: "
        + ", ".join(f"{n} {s}" for s, n in sorted(by_status.items()))
        + f"; {sum(o.new for o in outcomes)} new items, "
        f"{sum(o.matched for o in outcomes)} matched, {sum(o.alerts for o in outcomes)} alerts"
    )
    for o in sorted(outcomes, key=lambda o: o.feed_id):
        if o.status == "error":
            click.echo(f"  {o.feed_id}: {o.error}")


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
        return datetime.now(UTC) - timedelta(seconds=parse_duration(value))
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
    from monitor.rematch import rematch as run_rematch
    from monitor.runtime import load_runtime
    from monitor.store import open_store

    start = parse_since(since)
    _setup_logs(config_path, "warning")
    rt = load_runtime(config_path)
    store = open_store(rt.config.database)
    try:
        names = {f.id: f.name for f in rt.config.feeds}
        report = run_rematch(store, rt.matcher, start, datetime.now(UTC), names, dry_run=dry_run)
        if dry_run:
            for a in report.alerts:
                targets = ", ".join(a.targets)
                click.echo(f"would alert [{a.severity}] {a.payload['title']} ({targets})")
        else:
            AlertLog(rt.config.alert_log).drain(store)
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
        from monitor.store import open_store

        feed_id, _, key = item_ref.partition(":")
        store = open_store(rt.config.database)
        try:
            item = store.item(feed_id, key)
        finally:
            store.close()
        if item is None:
            raise click.BadParameter(f"no stored item {item_ref!r}", param_hint="--item")
        fields = item.fields()
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


@cli.group()
def seeds() -> None:
    """Work on watchlists: draft one from a news article."""


@seeds.command("draft")
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the draft here (default: stdout).")
@click.option("--min-count", default=1, show_default=True,
              help="Keep candidates mentioned at least this often.")
@handle_errors
def seeds_draft(article: Path, output: Path | None, min_count: int) -> None:
    """Draft a watchlist YAML of candidate entities found in ARTICLE (plain text).

    Names, acronyms, "President X", "USS X" and organisation words are picked up and typed by
    simple rules. Review every entry: add spellings, context and exclusions before use.
    """
    from monitor.draft import draft_yaml

    text = article.read_text(encoding="utf-8", errors="replace")
    draft = draft_yaml(text, article.stem, min_count=min_count)
    if output is None:
        click.echo(draft, nl=False)
        return
    output.write_text(draft, encoding="utf-8")
    click.echo(f"wrote {draft.count('- id: ')} candidate entities to {output}", err=False)


def main() -> None:
    cli(prog_name="monitor")


if __name__ == "__main__":
    main()
