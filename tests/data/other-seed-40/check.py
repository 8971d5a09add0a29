#!/usr/bin/env python3
"""Format checker for the os40 evaluation set (stdlib + PyYAML only)."""
import json, sys, os, collections
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
wl = yaml.safe_load(open(os.path.join(HERE, "watchlist.yaml"), encoding="utf-8"))
ents = [e["id"] for e in wl["entities"]]
tops = [t["id"] for t in wl["topics"]]
errs = []
assert len(set(ents)) == len(ents), "duplicate entity ids"
assert len(set(tops)) == len(tops), "duplicate topic ids"
for e in wl["entities"]:
    if not e.get("aliases"):
        errs.append(f"entity {e['id']} has no aliases")
ids = set()
langs = collections.Counter()
kinds = collections.Counter()
keys = {"id", "lang", "title", "summary", "entities", "topics", "note"}
n = 0
for ln, line in enumerate(open(os.path.join(HERE, "os40.jsonl"), encoding="utf-8"), 1):
    if not line.strip():
        errs.append(f"line {ln}: blank"); continue
    try:
        o = json.loads(line)
    except Exception as ex:
        errs.append(f"line {ln}: bad json {ex}"); continue
    n += 1
    if set(o) != keys:
        errs.append(f"line {ln}: keys {sorted(o)}")
    if o.get("id") in ids:
        errs.append(f"line {ln}: duplicate id {o.get('id')}")
    ids.add(o.get("id"))
    if o.get("lang") not in ("en", "es", "pt"):
        errs.append(f"line {ln}: bad lang {o.get('lang')}")
    langs[o.get("lang")] += 1
    if not isinstance(o.get("title"), str) or not o["title"].strip():
        errs.append(f"line {ln}: empty title")
    if not isinstance(o.get("summary"), str):
        errs.append(f"line {ln}: summary not a string")
    for k, valid in (("entities", ents), ("topics", tops)):
        v = o.get(k)
        if not isinstance(v, list):
            errs.append(f"line {ln}: {k} not a list"); continue
        for x in v:
            if x not in valid:
                errs.append(f"line {ln}: unknown {k} id {x}")
        if len(set(v)) != len(v):
            errs.append(f"line {ln}: duplicate {k}")
    note = o.get("note", "")
    kind = note.split(" ", 1)[0]
    if kind not in ("positive", "hard-negative", "negative"):
        errs.append(f"line {ln}: note must start with positive|hard-negative|negative")
    kinds[kind] += 1
    if kind != "positive" and o.get("entities"):
        errs.append(f"line {ln}: a {kind} carries entities")
if n < 360:
    errs.append(f"only {n} items")
print("items", n, dict(langs), dict(kinds))
if errs:
    print("\n".join(errs)); sys.exit(1)
print("OK")
