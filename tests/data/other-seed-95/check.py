#!/usr/bin/env python3
"""Format checker for the os95 set: YAML parses, ids unique, langs valid, labels exist."""
import json, re, sys, collections, pathlib
import yaml

here = pathlib.Path(__file__).parent
errors = []
wl = yaml.safe_load((here / "watchlist.yaml").read_text(encoding="utf-8"))
ALLOWED_TOP = {"watchlist", "fuzzy", "source", "entities", "topics"}
for k in wl:
    if k not in ALLOWED_TOP:
        errors.append(f"watchlist: unknown top-level key {k}")
slug = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ents = [e["id"] for e in wl["entities"]]
tops = [t["id"] for t in wl["topics"]]
for i in ents + tops:
    if not slug.match(i):
        errors.append(f"watchlist: bad slug {i}")
if len(set(ents + tops)) != len(ents + tops):
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
        if "entity" in node and node["entity"] != "*" and node["entity"] not in ents:
            errors.append(f"topic refers to unknown entity {node['entity']}")
        for v in node.values():
            walk_entities(v)
    elif isinstance(node, list):
        for v in node:
            walk_entities(v)
for t in wl["topics"]:
    walk_entities(t)

seen = set()
count = collections.Counter()
KEYS = {"id", "lang", "title", "summary", "entities", "topics", "note"}
for n, line in enumerate((here / "os95.jsonl").read_text(encoding="utf-8").splitlines(), 1):
    try:
        it = json.loads(line)
    except json.JSONDecodeError as exc:
        errors.append(f"line {n}: bad JSON {exc}"); continue
    if set(it) != KEYS:
        errors.append(f"line {n}: keys {sorted(it)}")
    if it.get("id") in seen:
        errors.append(f"line {n}: duplicate id {it.get('id')}")
    seen.add(it.get("id"))
    if not re.fullmatch(r"os95-\d{3}", it.get("id", "")):
        errors.append(f"line {n}: bad id {it.get('id')}")
    if it.get("lang") not in {"en", "es", "pt"}:
        errors.append(f"line {n}: bad lang {it.get('lang')}")
    if not it.get("title", "").strip():
        errors.append(f"line {n}: empty title")
    for e in it.get("entities", []):
        if e not in ents:
            errors.append(f"line {n}: unknown entity {e}")
    for t in it.get("topics", []):
        if t not in tops:
            errors.append(f"line {n}: unknown topic {t}")
    if len(set(it["entities"])) != len(it["entities"]) or len(set(it["topics"])) != len(it["topics"]):
        errors.append(f"line {n}: repeated label")
    kind = it.get("note", "").split(" ")[0]
    if kind not in {"positive", "hard-negative", "negative"}:
        errors.append(f"line {n}: bad note {it.get('note')}")
    if kind != "positive" and it["entities"]:
        errors.append(f"line {n}: non-positive with entities")
    count[it["lang"]] += 1
if len(seen) < 360:
    errors.append(f"only {len(seen)} items")
for e in errors:
    print("ERROR", e)
print(f"{len(seen)} items {dict(count)}; {len(ents)} entities, {len(tops)} topics;",
      "OK" if not errors else f"{len(errors)} errors")
sys.exit(1 if errors else 0)
