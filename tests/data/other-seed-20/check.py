#!/usr/bin/env python3
"""Format checker for the os20 set: run with /work/main/.venv/bin/python (needs PyYAML)."""
import json, re, sys, collections, pathlib
import yaml
HERE = pathlib.Path(__file__).resolve().parent
errors = []
wl = yaml.safe_load((HERE / "watchlist.yaml").read_text(encoding="utf-8"))
slug = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ent_ids = [e["id"] for e in wl.get("entities", [])]
top_ids = [t["id"] for t in wl.get("topics", [])]
for kind, ids in (("entity", ent_ids), ("topic", top_ids)):
    for i, n in collections.Counter(ids).items():
        if n > 1: errors.append(f"watchlist: duplicate {kind} id {i}")
    for i in ids:
        if not slug.match(i): errors.append(f"watchlist: bad {kind} slug {i}")
for e in wl["entities"]:
    if not e.get("aliases"): errors.append(f"watchlist: {e['id']} has no aliases")
    if e.get("type") not in {"person","organization","vessel","place","event","other"}:
        errors.append(f"watchlist: {e['id']} bad type")
    if e.get("priority") not in {"low","medium","high","critical"}:
        errors.append(f"watchlist: {e['id']} bad priority")
def entity_refs(node):
    if isinstance(node, dict):
        if "entity" in node: yield node["entity"]
        for v in node.values(): yield from entity_refs(v)
    elif isinstance(node, list):
        for v in node: yield from entity_refs(v)
for t in wl["topics"]:
    for ref in entity_refs(t.get("rule")):
        if ref != "*" and ref not in ent_ids: errors.append(f"watchlist: topic {t['id']} refers to unknown entity {ref}")
ents, tops = set(ent_ids), set(top_ids)
seen = set(); n = 0
keys = {"id","lang","title","summary","entities","topics","note"}
for ln, line in enumerate((HERE / "os20.jsonl").read_text(encoding="utf-8").splitlines(), 1):
    if not line.strip(): errors.append(f"line {ln}: blank"); continue
    try: d = json.loads(line)
    except Exception as ex: errors.append(f"line {ln}: bad JSON {ex}"); continue
    n += 1
    if set(d) != keys: errors.append(f"line {ln}: keys {sorted(d)}")
    i = d.get("id")
    if not isinstance(i, str) or not re.match(r"^os20-\d{3}$", i): errors.append(f"line {ln}: bad id {i!r}")
    if i in seen: errors.append(f"line {ln}: duplicate id {i}")
    seen.add(i)
    if d.get("lang") not in {"en","es","pt"}: errors.append(f"{i}: bad lang")
    if not isinstance(d.get("title"), str) or not d["title"].strip(): errors.append(f"{i}: empty title")
    if not isinstance(d.get("summary"), str): errors.append(f"{i}: summary not a string")
    for k, valid in (("entities", ents), ("topics", tops)):
        v = d.get(k)
        if not isinstance(v, list): errors.append(f"{i}: {k} not a list"); continue
        if len(set(v)) != len(v): errors.append(f"{i}: duplicate {k}")
        for x in v:
            if x not in valid: errors.append(f"{i}: unknown {k[:-1]} id {x}")
    note = d.get("note", "")
    m = re.match(r"^(positive|hard-negative|negative) \(.+\)$", note)
    if not m: errors.append(f"{i}: bad note {note!r}")
    elif m.group(1) != "positive" and d.get("entities"): errors.append(f"{i}: {m.group(1)} with entities")
    elif m.group(1) == "positive" and not (d.get("entities") or d.get("topics")): errors.append(f"{i}: positive without labels")
if n < 360: errors.append(f"only {n} items")
if errors:
    print("\n".join(errors)); print(f"FAIL: {len(errors)} problem(s)"); sys.exit(1)
print(f"OK: {n} items, {len(ent_ids)} entities, {len(top_ids)} topics")
