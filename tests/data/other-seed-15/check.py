#!/usr/bin/env python3
"""Format checker for the os15 evaluation set (no matching, no scoring).

Checks: watchlist.yaml parses and has unique slug ids; os15.jsonl lines are JSON objects with
exactly the expected keys; ids unique and of the form os15-NNN; lang in en/es/pt; title
non-empty; entities/topics are lists of ids that exist in the watchlist, without duplicates;
note starts with positive/hard-negative/negative; positives have entities, negatives none.
Run: /work/main/.venv/bin/python check.py
"""
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
        errors.append(f"watchlist.yaml: missing key {key}")
ent_ids, top_ids = [], []
for e in wl.get("entities", []):
    ent_ids.append(e.get("id"))
    if not e.get("aliases"):
        errors.append(f"entity {e.get('id')}: no aliases")
    for a in e.get("aliases", []):
        if isinstance(a, dict) and "alias" not in a:
            errors.append(f"entity {e.get('id')}: alias mapping without 'alias'")
for t in wl.get("topics", []):
    top_ids.append(t.get("id"))
    if "rule" not in t:
        errors.append(f"topic {t.get('id')}: no rule")
for kind, ids in (("entity", ent_ids), ("topic", top_ids)):
    for i in ids:
        if not isinstance(i, str) or not SLUG.match(i):
            errors.append(f"{kind} id not a slug: {i!r}")
    if len(set(ids)) != len(ids):
        errors.append(f"duplicate {kind} ids")
if set(ent_ids) & set(top_ids):
    errors.append("an id is both entity and topic")

KEYS = {"id", "lang", "title", "summary", "entities", "topics", "note"}
seen, n = set(), 0
with open(os.path.join(HERE, "os15.jsonl"), encoding="utf-8") as f:
    for ln, line in enumerate(f, 1):
        if not line.strip():
            errors.append(f"line {ln}: blank line")
            continue
        try:
            o = json.loads(line)
        except json.JSONDecodeError as ex:
            errors.append(f"line {ln}: bad JSON: {ex}")
            continue
        n += 1
        if set(o) != KEYS:
            errors.append(f"line {ln}: keys {sorted(o)}")
            continue
        if not re.fullmatch(r"os15-\d{3,}", o["id"]):
            errors.append(f"line {ln}: bad id {o['id']}")
        if o["id"] in seen:
            errors.append(f"line {ln}: duplicate id {o['id']}")
        seen.add(o["id"])
        if o["lang"] not in ("en", "es", "pt"):
            errors.append(f"{o['id']}: bad lang {o['lang']}")
        if not isinstance(o["title"], str) or not o["title"].strip():
            errors.append(f"{o['id']}: empty title")
        if not isinstance(o["summary"], str):
            errors.append(f"{o['id']}: summary not a string")
        for k, valid in (("entities", set(ent_ids)), ("topics", set(top_ids))):
            v = o[k]
            if not isinstance(v, list):
                errors.append(f"{o['id']}: {k} not a list")
                continue
            if len(set(v)) != len(v):
                errors.append(f"{o['id']}: duplicate {k}")
            for x in v:
                if x not in valid:
                    errors.append(f"{o['id']}: unknown {k[:-1]} id {x!r}")
        m = re.match(r"^(positive|hard-negative|negative) \(.+\)$", o["note"])
        if not m:
            errors.append(f"{o['id']}: bad note {o['note']!r}")
        elif m.group(1) == "positive" and not o["entities"]:
            errors.append(f"{o['id']}: positive without entities")
        elif m.group(1) != "positive" and o["entities"]:
            errors.append(f"{o['id']}: {m.group(1)} with entities")

if n < 360:
    errors.append(f"only {n} items (need >= 360)")
if errors:
    print("\n".join(errors))
    sys.exit(f"FAIL: {len(errors)} problem(s)")
print(f"OK: {n} items, {len(ent_ids)} entities, {len(top_ids)} topics")
