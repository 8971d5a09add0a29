#!/usr/bin/env python3
"""Format checker for the os13 evaluation set (does not run or score any matcher)."""
import json, re, sys, os, collections
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []

def err(msg):
    errors.append(msg)

# --- watchlist
try:
    wl = yaml.safe_load(open(os.path.join(HERE, "watchlist.yaml"), encoding="utf-8"))
except Exception as e:
    print("YAML does not parse:", e); sys.exit(1)
slug = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
if not isinstance(wl, dict) or not isinstance(wl.get("watchlist"), str):
    err("watchlist: missing slug")
ent_ids, top_ids = set(), set()
for e in wl.get("entities", []):
    i = e.get("id")
    if not i or not slug.match(i): err(f"entity id bad: {i!r}")
    if i in ent_ids: err(f"duplicate entity id {i}")
    ent_ids.add(i)
    if e.get("type") not in {"person", "organization", "vessel", "place", "event", "other"}:
        err(f"{i}: bad type")
    if e.get("priority") not in {"low", "medium", "high", "critical"}: err(f"{i}: bad priority")
    al = e.get("aliases") or []
    if not al: err(f"{i}: no aliases")
    for a in al:
        if isinstance(a, dict):
            if "alias" not in a: err(f"{i}: alias mapping without 'alias'")
            if a.get("case", "any") not in {"any", "capitalized", "exact"}: err(f"{i}: bad case")
        elif not isinstance(a, str):
            err(f"{i}: alias of wrong type")
for t in wl.get("topics", []):
    i = t.get("id")
    if not i or not slug.match(i): err(f"topic id bad: {i!r}")
    if i in top_ids: err(f"duplicate topic id {i}")
    top_ids.add(i)
    if "rule" not in t or "name" not in t: err(f"{i}: topic needs name and rule")

def walk(node):  # entity conditions in topic rules must name entities of this file
    if isinstance(node, dict):
        if "entity" in node and node["entity"] != "*" and node["entity"] not in ent_ids:
            err(f"topic rule names unknown entity {node['entity']}")
        for v in node.values(): walk(v)
    elif isinstance(node, list):
        for v in node: walk(v)
walk(wl.get("topics", []))

# --- items
ids = set()
KEYS = {"id", "lang", "title", "summary", "entities", "topics", "note"}
counts = collections.Counter()
n = 0
for ln, line in enumerate(open(os.path.join(HERE, "os13.jsonl"), encoding="utf-8"), 1):
    if not line.strip():
        err(f"line {ln}: empty line"); continue
    try:
        r = json.loads(line)
    except Exception as e:
        err(f"line {ln}: bad JSON {e}"); continue
    n += 1
    if set(r) != KEYS: err(f"line {ln}: keys {sorted(r)}")
    if not re.fullmatch(r"os13-\d{3}", str(r.get("id", ""))): err(f"line {ln}: bad id {r.get('id')}")
    if r.get("id") in ids: err(f"line {ln}: duplicate id {r['id']}")
    ids.add(r.get("id"))
    if r.get("lang") not in {"en", "es", "pt"}: err(f"line {ln}: bad lang {r.get('lang')}")
    for k in ("title", "summary", "note"):
        if not isinstance(r.get(k), str): err(f"line {ln}: {k} not a string")
    if not r.get("title", "").strip(): err(f"line {ln}: empty title")
    for k, valid in (("entities", ent_ids), ("topics", top_ids)):
        v = r.get(k)
        if not isinstance(v, list): err(f"line {ln}: {k} not a list"); continue
        if len(set(v)) != len(v): err(f"line {ln}: duplicate {k}")
        for x in v:
            if x not in valid: err(f"line {ln}: unknown {k[:-1]} id {x!r}")
    kind = r.get("note", "").split(" ")[0]
    if kind not in {"positive", "hard-negative", "negative"}: err(f"line {ln}: note must start with a kind")
    if kind == "positive" and not r.get("entities"): err(f"line {ln}: positive without entities")
    if kind != "positive" and r.get("entities"): err(f"line {ln}: {kind} with entities")
    counts[r.get("lang")] += 1

if n < 360: err(f"only {n} items (need >= 360)")
if errors:
    print("\n".join(errors)); print(f"FAIL: {len(errors)} problem(s)"); sys.exit(1)
print(f"OK: {n} items {dict(counts)}; {len(ent_ids)} entities, {len(top_ids)} topics")
