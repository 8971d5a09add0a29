#!/usr/bin/env python3
"""Format checker for the os35 evaluation set (no scoring)."""
import json, re, sys, collections
import yaml

BASE = "/tmp/os35"
errors = []
wl = yaml.safe_load(open(f"{BASE}/watchlist.yaml", encoding="utf-8"))
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ents = [e["id"] for e in wl.get("entities", [])]
tops = [t["id"] for t in wl.get("topics", [])]
for kind, ids in (("entity", ents), ("topic", tops)):
    for i in ids:
        if not SLUG.match(i): errors.append(f"bad {kind} id {i}")
    for i, n in collections.Counter(ids).items():
        if n > 1: errors.append(f"duplicate {kind} id {i}")
for e in wl["entities"]:
    if not e.get("aliases"): errors.append(f"entity {e['id']} has no aliases")
    if e.get("type") not in {"person", "organization", "vessel", "place", "event", "other"}:
        errors.append(f"entity {e['id']} bad type")
    if e.get("priority") not in {"low", "medium", "high", "critical"}:
        errors.append(f"entity {e['id']} bad priority")
ents, tops = set(ents), set(tops)

seen = set()
KEYS = {"id", "lang", "title", "summary", "entities", "topics", "note"}
stats = collections.Counter()
n = 0
for ln, line in enumerate(open(f"{BASE}/os35.jsonl", encoding="utf-8"), 1):
    if not line.strip(): continue
    try:
        o = json.loads(line)
    except Exception as ex:
        errors.append(f"line {ln}: bad json {ex}"); continue
    n += 1
    if set(o) != KEYS: errors.append(f"line {ln}: keys {sorted(o)}")
    if not re.match(r"^os35-\d{3}$", o.get("id", "")): errors.append(f"line {ln}: bad id")
    if o.get("id") in seen: errors.append(f"line {ln}: duplicate id {o['id']}")
    seen.add(o.get("id"))
    if o.get("lang") not in {"en", "es", "pt"}: errors.append(f"line {ln}: bad lang")
    if not isinstance(o.get("title"), str) or not o["title"].strip(): errors.append(f"line {ln}: empty title")
    if not isinstance(o.get("summary"), str): errors.append(f"line {ln}: summary not str")
    for k, valid in (("entities", ents), ("topics", tops)):
        v = o.get(k)
        if not isinstance(v, list): errors.append(f"line {ln}: {k} not list"); continue
        if len(v) != len(set(v)): errors.append(f"line {ln}: duplicate {k}")
        for x in v:
            if x not in valid: errors.append(f"line {ln}: unknown {k[:-1]} {x}")
    if not re.match(r"^(positive|hard-negative|negative) \(.+\)$", o.get("note", "")):
        errors.append(f"line {ln}: bad note")
    nt = len(o["title"].split())
    if not 4 <= nt <= 18: errors.append(f"line {ln}: title has {nt} words")
if n < 360: errors.append(f"only {n} items")
if errors:
    print("\n".join(errors)); print(f"FAIL ({len(errors)} problems)"); sys.exit(1)
print(f"OK: {n} items, {len(ents)} entities, {len(tops)} topics")
