#!/usr/bin/env python3
"""Format checker for the os18 set: YAML parses, ids unique, langs valid, label ids exist,
note kind agrees with the entity labels. Exit status 0 when everything passes."""
import json, os, re, sys
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
errors, warnings = [], []

wl = yaml.safe_load(open(os.path.join(HERE, "watchlist.yaml"), encoding="utf-8"))
slug = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
if not isinstance(wl, dict) or "watchlist" not in wl:
    errors.append("watchlist.yaml: no 'watchlist' key")
ent_ids = [e["id"] for e in wl.get("entities", [])]
top_ids = [t["id"] for t in wl.get("topics", [])]
for kind, ids in (("entity", ent_ids), ("topic", top_ids)):
    for i in ids:
        if not slug.match(i):
            errors.append(f"bad {kind} id slug: {i}")
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        errors.append(f"duplicate {kind} ids: {sorted(dup)}")
for e in wl.get("entities", []):
    for key in ("id", "name", "type", "priority", "aliases"):
        if key not in e:
            errors.append(f"entity {e.get('id')}: missing {key}")
    if e.get("type") not in {"person", "organization", "vessel", "place", "event", "other"}:
        errors.append(f"entity {e['id']}: bad type {e.get('type')}")
    if e.get("priority") not in {"low", "medium", "high", "critical"}:
        errors.append(f"entity {e['id']}: bad priority {e.get('priority')}")
    for a in e.get("aliases", []):
        if isinstance(a, dict) and "alias" not in a:
            errors.append(f"entity {e['id']}: alias mapping without 'alias': {a}")
        if isinstance(a, dict) and a.get("case", "any") not in {"any", "capitalized", "exact"}:
            errors.append(f"entity {e['id']}: bad case in {a}")

def walk(cond, where):
    """check entity conditions in topic rules refer to this file's entities"""
    if isinstance(cond, dict):
        if "entity" in cond and cond["entity"] != "*" and cond["entity"] not in ent_ids:
            errors.append(f"{where}: unknown entity {cond['entity']}")
        for v in cond.values():
            walk(v, where)
    elif isinstance(cond, list):
        for v in cond:
            walk(v, where)
for t in wl.get("topics", []):
    if "rule" not in t:
        errors.append(f"topic {t['id']}: no rule")
    walk(t.get("rule"), f"topic {t['id']}")

ids, langs = set(), {}
path = os.path.join(HERE, "os18.jsonl")
for n, line in enumerate(open(path, encoding="utf-8"), 1):
    try:
        it = json.loads(line)
    except json.JSONDecodeError as ex:
        errors.append(f"line {n}: bad JSON: {ex}")
        continue
    for key in ("id", "lang", "title", "summary", "entities", "topics", "note"):
        if key not in it:
            errors.append(f"line {n}: missing {key}")
    iid = it.get("id", "")
    if not re.match(r"^os18-\d{3}$", iid):
        errors.append(f"line {n}: bad id {iid}")
    if iid in ids:
        errors.append(f"line {n}: duplicate id {iid}")
    ids.add(iid)
    if it.get("lang") not in {"en", "es", "pt"}:
        errors.append(f"{iid}: bad lang {it.get('lang')}")
    langs[it.get("lang")] = langs.get(it.get("lang"), 0) + 1
    if not it.get("title", "").strip():
        errors.append(f"{iid}: empty title")
    for e in it.get("entities", []):
        if e not in ent_ids:
            errors.append(f"{iid}: unknown entity {e}")
    for t in it.get("topics", []):
        if t not in top_ids:
            errors.append(f"{iid}: unknown topic {t}")
    if len(set(it.get("entities", []))) != len(it.get("entities", [])):
        errors.append(f"{iid}: repeated entity label")
    note = it.get("note", "")
    kind = note.split(" ")[0]
    if kind not in {"positive", "hard-negative", "negative"}:
        errors.append(f"{iid}: note must start with positive|hard-negative|negative")
    if kind == "positive" and not it.get("entities"):
        errors.append(f"{iid}: positive without entities")
    if kind in {"hard-negative", "negative"} and it.get("entities"):
        errors.append(f"{iid}: {kind} with entities")
    nw = len(it.get("title", "").split())
    if not 3 <= nw <= 20:
        warnings.append(f"{iid}: title has {nw} words")

print("languages:", langs, "items:", len(ids))
for w in warnings:
    print("warning:", w)
for e in errors:
    print("ERROR:", e)
print("OK" if not errors else f"{len(errors)} error(s)")
sys.exit(1 if errors else 0)
