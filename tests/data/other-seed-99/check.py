#!/usr/bin/env python3
"""Format checker for the os99 set: YAML parses, ids unique, langs valid, labels exist.
Run: /work/main/.venv/bin/python /tmp/os99/check.py"""
import json, re, sys, collections, pathlib
import yaml

HERE = pathlib.Path(__file__).resolve().parent
errors = []
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

wl = yaml.safe_load((HERE / "watchlist.yaml").read_text(encoding="utf-8"))
if not isinstance(wl, dict) or not wl.get("watchlist"):
    errors.append("watchlist: missing 'watchlist' slug")
allowed_top = {"watchlist", "fuzzy", "source", "entities", "topics"}
for k in wl:
    if k not in allowed_top:
        errors.append(f"watchlist: unknown top-level key {k!r}")
ents = [e["id"] for e in wl.get("entities", [])]
tops = [t["id"] for t in wl.get("topics", [])]
for kind, ids in (("entity", ents), ("topic", tops)):
    for i, c in collections.Counter(ids).items():
        if c > 1:
            errors.append(f"duplicate {kind} id {i}")
    for i in ids:
        if not SLUG.match(i):
            errors.append(f"bad {kind} slug {i}")
for e in wl.get("entities", []):
    for key in ("id", "name", "type", "priority", "aliases"):
        if key not in e:
            errors.append(f"entity {e.get('id')}: missing {key}")
    if e.get("type") not in {"person", "organization", "vessel", "place", "event", "other"}:
        errors.append(f"entity {e['id']}: bad type")
    if e.get("priority") not in {"low", "medium", "high", "critical"}:
        errors.append(f"entity {e['id']}: bad priority")
    for a in e.get("aliases", []):
        if isinstance(a, dict) and "alias" not in a:
            errors.append(f"entity {e['id']}: alias mapping without 'alias'")
        if isinstance(a, dict) and a.get("case", "any") not in {"any", "capitalized", "exact"}:
            errors.append(f"entity {e['id']}: bad case")

def walk_entities(node):
    if isinstance(node, dict):
        if "entity" in node:
            yield node["entity"]
        for v in node.values():
            yield from walk_entities(v)
    elif isinstance(node, list):
        for v in node:
            yield from walk_entities(v)
for t in wl.get("topics", []):
    if "rule" not in t or "name" not in t:
        errors.append(f"topic {t.get('id')}: missing rule or name")
    for ref in walk_entities(t.get("rule")):
        if ref != "*" and ref not in ents:
            errors.append(f"topic {t['id']}: unknown entity {ref}")

ids = set()
langs = collections.Counter()
n = 0
for ln, line in enumerate((HERE / "os99.jsonl").read_text(encoding="utf-8").splitlines(), 1):
    if not line.strip():
        continue
    n += 1
    try:
        it = json.loads(line)
    except json.JSONDecodeError as ex:
        errors.append(f"line {ln}: bad JSON {ex}")
        continue
    for key in ("id", "lang", "title", "summary", "entities", "topics", "note"):
        if key not in it:
            errors.append(f"line {ln}: missing {key}")
    if it.get("id") in ids:
        errors.append(f"line {ln}: duplicate id {it.get('id')}")
    ids.add(it.get("id"))
    if not re.match(r"^os99-\d{3}$", str(it.get("id"))):
        errors.append(f"line {ln}: bad id {it.get('id')}")
    if it.get("lang") not in {"en", "es", "pt"}:
        errors.append(f"line {ln}: bad lang {it.get('lang')}")
    langs[it.get("lang")] += 1
    for e in it.get("entities", []):
        if e not in ents:
            errors.append(f"line {ln}: unknown entity {e}")
    for t in it.get("topics", []):
        if t not in tops:
            errors.append(f"line {ln}: unknown topic {t}")
    if len(set(it.get("entities", []))) != len(it.get("entities", [])):
        errors.append(f"line {ln}: repeated entity")
    note = it.get("note", "")
    if not re.match(r"^(positive|hard-negative|negative) \(.+\)$", note):
        errors.append(f"line {ln}: bad note {note!r}")
    if note.startswith(("hard-negative", "negative")) and it.get("entities"):
        errors.append(f"line {ln}: negative with entities")
    if not str(it.get("title", "")).strip():
        errors.append(f"line {ln}: empty title")
if n < 360:
    errors.append(f"only {n} items")
for e in errors:
    print("ERROR", e)
print(f"{n} items, langs {dict(langs)}, {len(ents)} entities, {len(tops)} topics:",
      "FAIL" if errors else "OK")
sys.exit(1 if errors else 0)
