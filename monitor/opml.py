"""OPML in and out: the feed-list format every feed reader imports and exports.

Import never edits YAML in a way a person would not: the new feeds become flow-style entries
(``- {id: ..., url: ..., name: ...}``, as in config/monitor.yaml) appended to the end of the
config's ``feeds:`` list, and only after the whole resulting file has been validated like any
config; feeds whose URL (or id) is already configured are skipped. When ``feeds:`` is not the
last block of the file the lines are printed to paste instead, nothing is written. The running
daemon notices the changed file and reloads it.

OPML files come from elsewhere, so they are parsed with defusedxml (no entity expansion, no
external entities).
"""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element, SubElement, indent, tostring

import yaml
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from monitor import clock
from monitor.config import Config, load_config
from monitor.exceptions import ConfigError


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    url: str
    title: str | None
    html_url: str | None
    tags: tuple[str, ...]


def _slug(text: str) -> str:
    """``"BBC Mundo — Portada"`` → ``bbc-mundo-portada`` (a valid feed id)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:64].rstrip("-")


def parse_opml(data: bytes, name: str = "OPML file") -> list[OpmlFeed]:
    """Every outline with an ``xmlUrl``; enclosing outlines (folders) and ``category`` become
    tags. A leaf outline without one comes back with an empty ``url`` so that the import can
    report it. Raises ConfigError if the file is not OPML."""
    try:
        root = fromstring(data)
    except DefusedXmlException as exc:
        what = {"EntitiesForbidden": "declares XML entities",
                "DTDForbidden": "has a DTD",
                "ExternalReferenceForbidden": "refers to external files"}.get(
                    type(exc).__name__, "uses an XML feature that is not allowed")
        raise ConfigError(
            f"not imported: the file {what}, which OPML files never need and which are refused "
            "for safety (remove the <!DOCTYPE ...> part)", path=name) from exc
    except ParseError as exc:
        raise ConfigError(f"not a readable OPML file: XML {exc}", path=name) from exc
    if root.tag != "opml" or root.find("body") is None:
        raise ConfigError("not an OPML file (no <opml><body>)", path=name)
    feeds: list[OpmlFeed] = []

    def walk(node: Element, folders: tuple[str, ...]) -> None:
        for outline in node.findall("outline"):
            label = outline.get("title") or outline.get("text")
            url = (outline.get("xmlUrl") or "").strip()
            if url:
                tags = [*folders]
                for cat in (outline.get("category") or "").split(","):
                    tags += [p for p in cat.strip().split("/") if p]
                slugs = tuple(dict.fromkeys(s for s in (_slug(t) for t in tags) if s))
                feeds.append(OpmlFeed(url, label, outline.get("htmlUrl"), slugs))
            elif outline.find("outline") is None:  # not a folder either: report it
                feeds.append(OpmlFeed("", label, outline.get("htmlUrl"), ()))
            walk(outline, (*folders, label) if label and not url else folders)

    walk(root.find("body"), ())  # type: ignore[arg-type]
    return feeds


def export_opml(config: Config) -> str:
    """The configured (enabled) feeds as OPML 2.0; tags go to ``category``."""
    opml = Element("opml", version="2.0")
    head = SubElement(opml, "head")
    SubElement(head, "title").text = f"monitor feeds ({config.path.name})"
    SubElement(head, "dateCreated").text = format_datetime(clock.now())
    body = SubElement(opml, "body")
    for f in config.feeds:
        attrs = {"type": "rss", "text": f.name, "title": f.name, "xmlUrl": f.url}
        if f.tags:
            attrs["category"] = ",".join(f.tags)
        SubElement(body, "outline", attrs)
    indent(opml)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(opml, "unicode") + "\n"


@dataclass(frozen=True)
class ImportPlan:
    entries: list[dict[str, object]]  # new feed entries, in file order
    skipped: list[tuple[str, str]]  # (url, or the outline's title, why)

    def yaml_lines(self, indent_by: int = 2) -> list[str]:
        pad = " " * indent_by
        return [
            pad + "- " + yaml.safe_dump(e, default_flow_style=True, allow_unicode=True,
                                        sort_keys=False, width=10_000).strip()
            for e in self.entries
        ]


def plan_import(feeds: Sequence[OpmlFeed], config: Config) -> ImportPlan:
    """Which OPML feeds are new, with ids made from their titles (unique in the config)."""
    known_urls = {f.url.rstrip("/") for f in config.settings.feeds}
    ids = {f.id for f in config.settings.feeds}
    entries: list[dict[str, object]] = []
    skipped: list[tuple[str, str]] = []
    for f in feeds:
        if not f.url:
            skipped.append((f"outline {f.title or f.html_url or ''!r}",
                            "it has no xmlUrl, so it is not a feed"))
            continue
        scheme = urlsplit(f.url).scheme
        if scheme not in ("http", "https"):
            skipped.append((f.url, "not an http(s) URL"))
            continue
        if f.url.rstrip("/") in known_urls:
            skipped.append((f.url, "already configured"))
            continue
        known_urls.add(f.url.rstrip("/"))
        base = _slug(f.title or "") or _slug(urlsplit(f.url).hostname or "") or "feed"
        feed_id, n = base, 2
        while feed_id in ids:
            suffix = f"-{n}"
            feed_id, n = base[: 64 - len(suffix)] + suffix, n + 1
        ids.add(feed_id)
        entry: dict[str, object] = {"id": feed_id, "url": f.url}
        if f.title:
            entry["name"] = f.title
        if f.tags:
            entry["tags"] = list(f.tags)
        entries.append(entry)
    return ImportPlan(entries, skipped)


def _feeds_indent(text: str) -> int | None:
    """Column of the ``-`` of the config's existing feed entries (None: no entries)."""
    node = yaml.compose(text)
    if not isinstance(node, yaml.MappingNode):
        return None
    for key, value in node.value:
        if key.value == "feeds" and isinstance(value, yaml.SequenceNode) and value.value:
            return max(0, value.value[0].start_mark.column - 2)
    return None


def append_to_config(config_path: Path, plan: ImportPlan) -> Config:
    """Append the plan's entries to the config's ``feeds:`` list, validate the result as a
    config, and only then replace the file. Raises ConfigError (file untouched) if the
    entries do not end up in ``feeds:``."""
    text = config_path.read_text(encoding="utf-8")
    before = load_config(config_path)
    doc = yaml.safe_load(text) or {}
    if not text.endswith("\n"):
        text += "\n"
    if "feeds" not in doc:
        text += "feeds:\n"
    lines = plan.yaml_lines(_feeds_indent(text) or 2)
    new_text = text + "\n".join(lines) + "\n"
    tmp = config_path.with_name(f".{config_path.name}.import-tmp")
    tmp.write_text(new_text, encoding="utf-8")
    shutil.copymode(config_path, tmp)
    try:
        try:
            after = load_config(tmp)
        except ConfigError as exc:
            raise ConfigError(
                f"appending to feeds: does not give a valid config ({exc.message}); "
                "is feeds: the last block of the file? Use --print and paste the lines",
                path=str(config_path),
            ) from exc
        added = {f.id for f in after.settings.feeds} - {f.id for f in before.settings.feeds}
        if added != {str(e["id"]) for e in plan.entries}:
            raise ConfigError(
                "the appended lines did not land in the feeds: list (it is not the last block "
                "of the file); use --print and paste the lines under feeds:",
                path=str(config_path),
            )
        os.replace(tmp, config_path)
    finally:
        tmp.unlink(missing_ok=True)
    return load_config(config_path)

