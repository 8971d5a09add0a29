#!/usr/bin/env python3
"""Format checker for the os115 blind set (no matching, no scoring)."""
import json, re, sys, collections, pathlib
import yaml

HERE = pathlib.Path(__file__).resolve().parent
errors = []
wl = yaml.safe_load((HERE / "watchlist.yaml").read_text(encoding="utf-8"))
slug = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ents = [e["id"] for e in wl.get("entities", [])]
tops = [t["id"] for t in wl.get("topics", [])]
for i in ents + tops:
    if not slug.match(i): errors.append(f"bad slug {i}")
for name, ids in (("entity", ents), ("topic", tops)):
    for i, n in collections.Counter(ids).items():
        if n > 1: errors.append(f"duplicate {name} id {i}")
if not wl.get("watchlist"): errors.append("watchlist: slug missing")
for e in wl["entities"]:
    for k in ("id", "name", "type", "priority", "aliases"):
        if k not in e: errors.append(f"entity {e.get('id')} lacks {k}")
    if e.get("type") not in {"person", "organization", "vessel", "place", "event", "other"}:
        errors.append(f"entity {e['id']} bad type")
    if e.get("priority") not in {"low", "medium", "high", "critical"}:
        errors.append(f"entity {e['id']} bad priority")
    for a in e.get("aliases", []):
        if isinstance(a, dict) and "alias" not in a: errors.append(f"{e['id']}: alias mapping without alias")
        if isinstance(a, (bool, type(None))): errors.append(f"{e['id']}: alias read as {a!r}")
for t in wl["topics"]:
    if "rule" not in t or "name" not in t: errors.append(f"topic {t.get('id')} lacks rule/name")
E, T = set(ents), set(tops)
seen = set()
counts = collections.Counter()
keys = {"id", "lang", "title", "summary", "entities", "topics", "note"}
for n, line in enumerate((HERE / "os115.jsonl").read_text(encoding="utf-8").splitlines(), 1):
    try:
        r = json.loads(line)
    except Exception as ex:
        errors.append(f"line {n}: bad JSON {ex}"); continue
    if set(r) != keys: errors.append(f"line {n}: keys {sorted(r)}")
    if r.get("id") in seen: errors.append(f"line {n}: duplicate id {r.get('id')}")
    seen.add(r.get("id"))
    if not re.match(r"^os115-\d{3}$", str(r.get("id"))): errors.append(f"line {n}: bad id")
    if r.get("lang") not in {"en", "es", "pt"}: errors.append(f"line {n}: bad lang")
    if not r.get("title"): errors.append(f"line {n}: empty title")
    for k, valid in (("entities", E), ("topics", T)):
        v = r.get(k)
        if not isinstance(v, list): errors.append(f"line {n}: {k} not a list"); continue
        for x in v:
            if x not in valid: errors.append(f"line {n}: unknown {k} id {x}")
        if len(v) != len(set(v)): errors.append(f"line {n}: repeated {k}")
    if not re.match(r"^(positive|hard-negative|negative) \(.+\)$", str(r.get("note"))):
        errors.append(f"line {n}: bad note")
    counts[r.get("lang")] += 1
if errors:
    print("\n".join(errors)); print(f"FAIL: {len(errors)} problems"); sys.exit(1)
print(f"OK: {sum(counts.values())} items {dict(counts)}; {len(ents)} entities, {len(tops)} topics")
