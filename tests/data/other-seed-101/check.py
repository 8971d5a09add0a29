#!/usr/bin/env python3
"""Format checker for os101: YAML parses, ids unique, langs valid, labels exist in the watchlist."""
import json, os, re, sys
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
wl = yaml.safe_load(open(os.path.join(HERE, "watchlist.yaml"), encoding="utf-8"))
slug = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ents = [e["id"] for e in wl.get("entities", [])]
tops = [t["id"] for t in wl.get("topics", [])]
for kind, ids in (("entity", ents), ("topic", tops)):
    if len(ids) != len(set(ids)):
        errors.append(f"duplicate {kind} ids in watchlist")
    for i in ids:
        if not slug.match(i):
            errors.append(f"bad {kind} slug {i}")
for e in wl["entities"]:
    if not e.get("aliases"):
        errors.append(f"entity {e['id']} has no aliases")
    for a in e["aliases"]:
        if isinstance(a, dict) and "alias" not in a:
            errors.append(f"entity {e['id']} alias mapping without 'alias'")
if not (14 <= len(ents) <= 17):
    errors.append(f"{len(ents)} entities (want 14-17)")
if not (2 <= len(tops) <= 3):
    errors.append(f"{len(tops)} topics (want 2-3)")

seen, n, langs = set(), 0, {}
keys = {"id", "lang", "title", "summary", "entities", "topics", "note"}
for ln, line in enumerate(open(os.path.join(HERE, "os101.jsonl"), encoding="utf-8"), 1):
    try:
        d = json.loads(line)
    except Exception as ex:
        errors.append(f"line {ln}: bad JSON {ex}"); continue
    n += 1
    if set(d) != keys:
        errors.append(f"line {ln}: keys {sorted(d)}")
    if not re.match(r"^os101-\d{3}$", d.get("id", "")):
        errors.append(f"line {ln}: bad id {d.get('id')}")
    if d.get("id") in seen:
        errors.append(f"line {ln}: duplicate id {d['id']}")
    seen.add(d.get("id"))
    if d.get("lang") not in ("en", "es", "pt"):
        errors.append(f"line {ln}: bad lang {d.get('lang')}")
    langs[d.get("lang")] = langs.get(d.get("lang"), 0) + 1
    if not isinstance(d.get("title"), str) or not d["title"].strip():
        errors.append(f"line {ln}: empty title")
    if not isinstance(d.get("summary"), str):
        errors.append(f"line {ln}: summary not a string")
    for k, valid in (("entities", ents), ("topics", tops)):
        v = d.get(k)
        if not isinstance(v, list):
            errors.append(f"line {ln}: {k} not a list"); continue
        if len(v) != len(set(v)):
            errors.append(f"line {ln}: duplicate {k}")
        for x in v:
            if x not in valid:
                errors.append(f"line {ln}: unknown {k[:-1]} id {x}")
    if not re.match(r"^(positive|hard-negative|negative)\b", d.get("note", "")):
        errors.append(f"line {ln}: note must start with positive|hard-negative|negative")
if n < 360:
    errors.append(f"only {n} items (want >= 360)")
for e in errors:
    print("ERROR", e)
print(f"{n} items {langs}; {len(ents)} entities, {len(tops)} topics; "
      f"{'FAIL' if errors else 'OK'}")
sys.exit(1 if errors else 0)
