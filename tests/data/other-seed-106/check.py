#!/usr/bin/env python3
"""Format checker for the os106 blind evaluation set (no scoring)."""
import json, re, sys, os
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
wl = yaml.safe_load(open(os.path.join(HERE, "watchlist.yaml"), encoding="utf-8"))
for k in wl:
    if k not in {"watchlist", "fuzzy", "source", "entities", "topics"}:
        errors.append(f"watchlist: unknown top-level key {k}")
slug = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ent_ids = [e["id"] for e in wl["entities"]]
top_ids = [t["id"] for t in wl["topics"]]
for i in ent_ids + top_ids:
    if not slug.match(i):
        errors.append(f"watchlist: bad slug {i}")
if len(set(ent_ids + top_ids)) != len(ent_ids) + len(top_ids):
    errors.append("watchlist: duplicate ids")
for e in wl["entities"]:
    if not e.get("aliases"):
        errors.append(f"entity {e['id']}: no aliases")
    if e.get("type") not in {"person", "organization", "vessel", "place", "event", "other"}:
        errors.append(f"entity {e['id']}: bad type")
    if e.get("priority") not in {"low", "medium", "high", "critical"}:
        errors.append(f"entity {e['id']}: bad priority")

def walk_entities(node):
    if isinstance(node, dict):
        if "entity" in node:
            yield node["entity"]
        for v in node.values():
            yield from walk_entities(v)
    elif isinstance(node, list):
        for v in node:
            yield from walk_entities(v)
for t in wl["topics"]:
    for ref in walk_entities(t):
        if ref != "*" and ref not in ent_ids:
            errors.append(f"topic {t['id']}: unknown entity {ref}")

ids = set()
counts = {}
n = 0
for ln, line in enumerate(open(os.path.join(HERE, "os106.jsonl"), encoding="utf-8"), 1):
    if not line.strip():
        errors.append(f"line {ln}: blank"); continue
    try:
        it = json.loads(line)
    except Exception as ex:
        errors.append(f"line {ln}: bad json {ex}"); continue
    n += 1
    keys = {"id", "lang", "title", "summary", "entities", "topics", "note"}
    if set(it) != keys:
        errors.append(f"line {ln}: keys {sorted(it)}")
    if not re.match(r"^os106-\d{3}$", it.get("id", "")):
        errors.append(f"line {ln}: bad id {it.get('id')}")
    if it.get("id") in ids:
        errors.append(f"line {ln}: duplicate id {it['id']}")
    ids.add(it.get("id"))
    if it.get("lang") not in {"en", "es", "pt"}:
        errors.append(f"line {ln}: bad lang {it.get('lang')}")
    counts[it.get("lang")] = counts.get(it.get("lang"), 0) + 1
    if not isinstance(it.get("title"), str) or not it["title"].strip():
        errors.append(f"line {ln}: empty title")
    if not isinstance(it.get("summary"), str):
        errors.append(f"line {ln}: summary not a string")
    for e in it.get("entities", []):
        if e not in ent_ids:
            errors.append(f"line {ln}: unknown entity {e}")
    for t in it.get("topics", []):
        if t not in top_ids:
            errors.append(f"line {ln}: unknown topic {t}")
    if len(set(it.get("entities", []))) != len(it.get("entities", [])):
        errors.append(f"line {ln}: duplicate entity label")
    if not re.match(r"^(positive|hard-negative|negative) \(.+\)$", it.get("note", "")):
        errors.append(f"line {ln}: bad note {it.get('note')!r}")
    nw = len(it.get("title", "").split())
    if not 3 <= nw <= 20:
        errors.append(f"line {ln}: title has {nw} words")
if n < 360:
    errors.append(f"only {n} items")
print(f"{n} items, per language {counts}; {len(ent_ids)} entities, {len(top_ids)} topics")
if errors:
    print("\n".join(errors)); sys.exit(1)
print("OK")
