#!/usr/bin/env python3
"""Format checker for the os14 set: YAML parses, ids unique, langs valid,
every label id exists in the watchlist, fields have the right types.
Usage: python check.py   (run from anywhere; reads files beside this script)"""
import json, os, re, sys
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
errors = []

with open(os.path.join(HERE, "watchlist.yaml"), encoding="utf-8") as f:
    wl = yaml.safe_load(f)
if not isinstance(wl, dict):
    sys.exit("watchlist.yaml: not a mapping")
for key in ("watchlist", "entities", "topics"):
    if key not in wl:
        errors.append(f"watchlist.yaml: missing {key}")
allowed_top = {"watchlist", "fuzzy", "source", "entities", "topics"}
for key in wl:
    if key not in allowed_top:
        errors.append(f"watchlist.yaml: unknown top-level key {key}")

ent_ids, top_ids = set(), set()
for e in wl.get("entities", []):
    eid = e.get("id", "")
    if not SLUG.match(eid):
        errors.append(f"entity id not a slug: {eid!r}")
    if eid in ent_ids:
        errors.append(f"duplicate entity id {eid}")
    ent_ids.add(eid)
    if e.get("type") not in {"person", "organization", "vessel", "place", "event", "other"}:
        errors.append(f"{eid}: bad type {e.get('type')!r}")
    if e.get("priority") not in {"low", "medium", "high", "critical"}:
        errors.append(f"{eid}: bad priority {e.get('priority')!r}")
    if not e.get("aliases"):
        errors.append(f"{eid}: no aliases")
    for a in e.get("aliases", []):
        if isinstance(a, dict):
            if "alias" not in a:
                errors.append(f"{eid}: alias mapping without 'alias'")
            if a.get("case", "any") not in {"any", "capitalized", "exact"}:
                errors.append(f"{eid}: bad case {a.get('case')!r}")
        elif not isinstance(a, str):
            errors.append(f"{eid}: alias of wrong type {a!r}")

def walk(cond, tid):
    """check entity conditions inside topic rules"""
    if isinstance(cond, dict):
        if "entity" in cond:
            if cond["entity"] != "*" and cond["entity"] not in ent_ids:
                errors.append(f"topic {tid}: unknown entity {cond['entity']}")
        for v in cond.values():
            walk(v, tid)
    elif isinstance(cond, list):
        for v in cond:
            walk(v, tid)

for t in wl.get("topics", []):
    tid = t.get("id", "")
    if not SLUG.match(tid):
        errors.append(f"topic id not a slug: {tid!r}")
    if tid in top_ids or tid in ent_ids:
        errors.append(f"duplicate topic id {tid}")
    top_ids.add(tid)
    if "name" not in t or "rule" not in t:
        errors.append(f"topic {tid}: needs name and rule")
    walk(t.get("rule"), tid)

seen = set()
n = 0
with open(os.path.join(HERE, "os14.jsonl"), encoding="utf-8") as f:
    for ln, line in enumerate(f, 1):
        if not line.strip():
            errors.append(f"os14.jsonl:{ln}: blank line")
            continue
        try:
            it = json.loads(line)
        except json.JSONDecodeError as ex:
            errors.append(f"os14.jsonl:{ln}: bad JSON: {ex}")
            continue
        n += 1
        keys = {"id", "lang", "title", "summary", "entities", "topics", "note"}
        if set(it) != keys:
            errors.append(f"os14.jsonl:{ln}: keys {sorted(it)}")
        iid = it.get("id")
        if not re.fullmatch(r"os14-\d{3}", str(iid)):
            errors.append(f"os14.jsonl:{ln}: bad id {iid!r}")
        if iid in seen:
            errors.append(f"os14.jsonl:{ln}: duplicate id {iid}")
        seen.add(iid)
        if it.get("lang") not in {"en", "es", "pt"}:
            errors.append(f"{iid}: bad lang {it.get('lang')!r}")
        if not isinstance(it.get("title"), str) or not it["title"].strip():
            errors.append(f"{iid}: empty title")
        if not isinstance(it.get("summary"), str):
            errors.append(f"{iid}: summary not a string")
        for k, valid in (("entities", ent_ids), ("topics", top_ids)):
            v = it.get(k)
            if not isinstance(v, list):
                errors.append(f"{iid}: {k} not a list")
                continue
            if len(v) != len(set(v)):
                errors.append(f"{iid}: duplicate {k}")
            for x in v:
                if x not in valid:
                    errors.append(f"{iid}: unknown {k[:-1]} id {x!r}")
        note = it.get("note", "")
        kind = note.split(" ", 1)[0] if isinstance(note, str) else ""
        if kind not in {"positive", "hard-negative", "negative"}:
            errors.append(f"{iid}: note must start with positive|hard-negative|negative")
        elif (kind == "positive") != bool(it.get("entities")):
            errors.append(f"{iid}: note {kind} disagrees with entities")

if n < 360:
    errors.append(f"only {n} items (need >= 360)")
if errors:
    print("\n".join(errors))
    sys.exit(f"FAILED: {len(errors)} problem(s)")
print(f"OK: {n} items, {len(ent_ids)} entities, {len(top_ids)} topics")
