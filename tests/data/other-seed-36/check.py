#!/usr/bin/env python3
"""Format checker for the os36 evaluation set (no scoring, no project code)."""
import json, re, sys, pathlib, collections
import yaml

HERE = pathlib.Path(__file__).resolve().parent
errors = []
wl = yaml.safe_load((HERE / "watchlist.yaml").read_text(encoding="utf-8"))
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ents = [e["id"] for e in wl.get("entities", [])]
tops = [t["id"] for t in wl.get("topics", [])]
for kind, ids in (("entity", ents), ("topic", tops)):
    for i in ids:
        if not SLUG.match(i): errors.append(f"bad {kind} id slug: {i}")
    for i, n in collections.Counter(ids).items():
        if n > 1: errors.append(f"duplicate {kind} id: {i}")
for e in wl["entities"]:
    if not e.get("aliases"): errors.append(f"entity {e['id']} has no alias")
    if e.get("type") not in {"person","organization","vessel","place","event","other"}: errors.append(f"bad type {e['id']}")
    if e.get("priority") not in {"low","medium","high","critical"}: errors.append(f"bad priority {e['id']}")
E, T = set(ents), set(tops)

def walk(c, where):  # entity conditions inside topic rules must name this file's entities
    if isinstance(c, dict):
        if "entity" in c and c["entity"] != "*" and c["entity"] not in E:
            errors.append(f"{where}: unknown entity condition {c['entity']}")
        for v in c.values(): walk(v, where)
    elif isinstance(c, list):
        for v in c: walk(v, where)
for t in wl["topics"]: walk(t.get("rule"), f"topic {t['id']}")

seen = set(); n = 0
REQ = {"id","lang","title","summary","entities","topics","note"}
for ln, line in enumerate((HERE / "os36.jsonl").read_text(encoding="utf-8").splitlines(), 1):
    if not line.strip(): continue
    n += 1
    try: r = json.loads(line)
    except Exception as ex: errors.append(f"line {ln}: bad JSON {ex}"); continue
    if set(r) != REQ: errors.append(f"line {ln}: keys {sorted(r)}")
    if not re.match(r"^os36-\d{3}$", str(r.get("id"))): errors.append(f"line {ln}: bad id {r.get('id')}")
    if r.get("id") in seen: errors.append(f"line {ln}: duplicate id {r['id']}")
    seen.add(r.get("id"))
    if r.get("lang") not in {"en","es","pt"}: errors.append(f"line {ln}: bad lang {r.get('lang')}")
    if not isinstance(r.get("title"), str) or not r["title"].strip(): errors.append(f"line {ln}: empty title")
    if not isinstance(r.get("summary"), str): errors.append(f"line {ln}: summary not a string")
    for k, S in (("entities", E), ("topics", T)):
        v = r.get(k)
        if not isinstance(v, list): errors.append(f"line {ln}: {k} not a list"); continue
        for x in v:
            if x not in S: errors.append(f"line {ln}: unknown {k[:-1]} id {x}")
        if len(set(v)) != len(v): errors.append(f"line {ln}: repeated {k}")
    if not str(r.get("note","")).split(" ")[0] in {"positive","hard-negative","negative"}:
        errors.append(f"line {ln}: note must start with positive|hard-negative|negative")
if n < 360: errors.append(f"only {n} items (< 360)")
if errors:
    print("\n".join(errors)); print(f"FAIL ({len(errors)} problems)"); sys.exit(1)
print(f"OK: {n} items, {len(E)} entities, {len(T)} topics")
