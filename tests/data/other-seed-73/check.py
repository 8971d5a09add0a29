#!/usr/bin/env python3
"""Format checker for the os73 blind evaluation set (stdlib + PyYAML only).

Checks: the watchlist parses and has unique, well-formed ids; every JSONL line is an object
with the expected keys and types; ids are unique and follow os73-NNN; langs are en/es/pt;
every entity/topic label exists in the watchlist; note starts with positive|hard-negative|
negative; a positive (story item) carries an entity or a topic label;
hard negatives and negatives carry no entity label. Prints counts. Exit 1 on any error.
"""
import collections
import json
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
WL = HERE / "watchlist.yaml"
ITEMS = HERE / "os73.jsonl"
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
KEYS = {"id", "lang", "title", "summary", "entities", "topics", "note"}

errors = []


def err(msg):
    errors.append(msg)


wl = yaml.safe_load(WL.read_text(encoding="utf-8"))
allowed_top = {"watchlist", "fuzzy", "source", "entities", "topics"}
for k in wl:
    if k not in allowed_top:
        err(f"watchlist: unknown top-level key {k!r}")
ent_ids, top_ids = [], []
for e in wl.get("entities", []):
    ent_ids.append(e.get("id"))
    if not SLUG.match(str(e.get("id"))):
        err(f"watchlist: bad entity id {e.get('id')!r}")
    if e.get("type") not in {"person", "organization", "vessel", "place", "event", "other"}:
        err(f"watchlist: {e.get('id')}: bad type")
    if e.get("priority") not in {"low", "medium", "high", "critical"}:
        err(f"watchlist: {e.get('id')}: bad priority")
    if not e.get("aliases"):
        err(f"watchlist: {e.get('id')}: no aliases")
    for a in e.get("aliases", []):
        if isinstance(a, dict) and "alias" not in a:
            err(f"watchlist: {e.get('id')}: alias mapping without 'alias'")
        if isinstance(a, dict) and a.get("case", "any") not in {"any", "capitalized", "exact"}:
            err(f"watchlist: {e.get('id')}: bad case {a.get('case')!r}")
for t in wl.get("topics", []):
    top_ids.append(t.get("id"))
    if not SLUG.match(str(t.get("id"))):
        err(f"watchlist: bad topic id {t.get('id')!r}")
    if "rule" not in t or "name" not in t:
        err(f"watchlist: topic {t.get('id')} lacks name or rule")


def walk_entity_refs(node):
    if isinstance(node, dict):
        if "entity" in node:
            yield node["entity"]
        for v in node.values():
            yield from walk_entity_refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from walk_entity_refs(v)


for t in wl.get("topics", []):
    for ref in walk_entity_refs(t.get("rule")):
        if ref != "*" and ref not in ent_ids:
            err(f"watchlist: topic {t['id']} refers to unknown entity {ref!r}")
for name, ids in (("entity", ent_ids), ("topic", top_ids)):
    dup = [i for i, c in collections.Counter(ids).items() if c > 1]
    if dup:
        err(f"watchlist: duplicate {name} ids {dup}")
ent_set, top_set = set(ent_ids), set(top_ids)

seen = set()
n = 0
by_lang = collections.Counter()
by_kind = collections.Counter()
by_lang_kind = collections.Counter()
by_ent = collections.Counter()
by_top = collections.Counter()
for ln, line in enumerate(ITEMS.read_text(encoding="utf-8").splitlines(), 1):
    if not line.strip():
        err(f"line {ln}: blank line")
        continue
    try:
        it = json.loads(line)
    except json.JSONDecodeError as ex:
        err(f"line {ln}: bad JSON: {ex}")
        continue
    n += 1
    if set(it) != KEYS:
        err(f"line {ln}: keys {sorted(it)} != {sorted(KEYS)}")
        continue
    if not re.match(r"^os73-\d{3}$", it["id"]):
        err(f"line {ln}: bad id {it['id']!r}")
    if it["id"] in seen:
        err(f"line {ln}: duplicate id {it['id']}")
    seen.add(it["id"])
    if it["lang"] not in {"en", "es", "pt"}:
        err(f"line {ln}: bad lang {it['lang']!r}")
    for k in ("title", "summary", "note"):
        if not isinstance(it[k], str):
            err(f"line {ln}: {k} not a string")
    if not it["title"].strip():
        err(f"line {ln}: empty title")
    for k, valid in (("entities", ent_set), ("topics", top_set)):
        if not isinstance(it[k], list):
            err(f"line {ln}: {k} not a list")
            continue
        if len(set(it[k])) != len(it[k]):
            err(f"line {ln}: duplicate {k} labels")
        for x in it[k]:
            if x not in valid:
                err(f"line {ln}: unknown {k[:-1]} id {x!r}")
    m = re.match(r"^(positive|hard-negative|negative)\b", it["note"])
    if not m:
        err(f"line {ln}: note must start with positive|hard-negative|negative")
        continue
    kind = m.group(1)
    if kind == "positive" and not it["entities"] and not it["topics"]:
        err(f"line {ln}: positive (story item) with neither entities nor topics")
    if kind != "positive" and it["entities"]:
        err(f"line {ln}: {kind} with entity labels")
    by_lang[it["lang"]] += 1
    by_kind[kind] += 1
    by_lang_kind[(it["lang"], kind)] += 1
    by_ent.update(it["entities"])
    by_top.update(it["topics"])

if errors:
    print("\n".join(errors))
    print(f"FAIL: {len(errors)} error(s)")
    sys.exit(1)
print(f"OK: {n} items; watchlist {wl['watchlist']}: {len(ent_ids)} entities, {len(top_ids)} topics")
print("per language:", dict(sorted(by_lang.items())))
print("per kind:", dict(by_kind))
print("per language and kind:", {f"{l}/{k}": c for (l, k), c in sorted(by_lang_kind.items())})
print("per entity:", {e: by_ent[e] for e in ent_ids})
print("per topic:", {t: by_top[t] for t in top_ids})
