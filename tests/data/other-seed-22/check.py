#!/usr/bin/env python3
"""Format checker for the os22 blind set: run with /work/main/.venv/bin/python check.py"""
import json, re, sys, os
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []

def err(msg):
    errors.append(msg)

# --- watchlist -----------------------------------------------------------
with open(os.path.join(HERE, "watchlist.yaml"), encoding="utf-8") as f:
    wl = yaml.safe_load(f)
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
TOP = {"watchlist", "fuzzy", "source", "entities", "topics"}
ENT = {"id", "name", "type", "priority", "aliases", "requires", "not_after", "not_before",
       "unless", "exclude", "fuzzy"}
ALI = {"alias", "case", "requires", "not_after", "not_before", "unless", "fuzzy", "allow_after", "exclude"}
TOPK = {"id", "name", "fields", "rule"}
for k in wl:
    if k not in TOP:
        err(f"watchlist: unknown top-level key {k}")
if not SLUG.match(str(wl.get("watchlist", ""))):
    err("watchlist: bad slug")
ent_ids, top_ids = [], []
for e in wl.get("entities", []):
    for k in e:
        if k not in ENT:
            err(f"entity {e.get('id')}: unknown key {k}")
    if not SLUG.match(e["id"]):
        err(f"entity {e['id']}: bad slug")
    if e.get("type") not in {"person", "organization", "vessel", "place", "event", "other"}:
        err(f"entity {e['id']}: bad type")
    if e.get("priority") not in {"low", "medium", "high", "critical"}:
        err(f"entity {e['id']}: bad priority")
    if not e.get("aliases"):
        err(f"entity {e['id']}: no aliases")
    for a in e.get("aliases", []):
        if isinstance(a, dict):
            for k in a:
                if k not in ALI:
                    err(f"entity {e['id']}: alias key {k}")
            if "alias" not in a:
                err(f"entity {e['id']}: alias mapping without alias")
            if a.get("case", "any") not in {"any", "capitalized", "exact"}:
                err(f"entity {e['id']}: bad case {a.get('case')}")
        elif not isinstance(a, str):
            err(f"entity {e['id']}: alias of type {type(a)}")
    ent_ids.append(e["id"])
for t in wl.get("topics", []):
    for k in t:
        if k not in TOPK:
            err(f"topic {t.get('id')}: unknown key {k}")
    if not SLUG.match(t["id"]):
        err(f"topic {t['id']}: bad slug")
    top_ids.append(t["id"])

def walk(c, where):
    if isinstance(c, str):
        return
    if isinstance(c, list):
        for x in c:
            walk(x, where)
        return
    if isinstance(c, dict):
        if "entity" in c:
            if c["entity"] != "*" and c["entity"] not in ent_ids:
                err(f"{where}: unknown entity {c['entity']}")
            return
        if "term" in c:
            return
        for k, v in c.items():
            if k not in {"all_of", "any_of", "none_of", "near"}:
                err(f"{where}: unknown condition key {k}")
            if k == "near":
                walk(v.get("terms"), where)
            else:
                walk(v, where)
for t in wl.get("topics", []):
    walk(t.get("rule"), f"topic {t['id']}")
for name, ids in (("entity", ent_ids), ("topic", top_ids)):
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        err(f"duplicate {name} ids: {dup}")
ents, tops = set(ent_ids), set(top_ids)

# --- items -----------------------------------------------------------------
seen = set()
n = 0
counts = {}
with open(os.path.join(HERE, "os22.jsonl"), encoding="utf-8") as f:
    for ln, line in enumerate(f, 1):
        if not line.strip():
            err(f"line {ln}: blank line")
            continue
        try:
            it = json.loads(line)
        except Exception as ex:
            err(f"line {ln}: bad JSON {ex}")
            continue
        n += 1
        keys = {"id", "lang", "title", "summary", "entities", "topics", "note"}
        if set(it) != keys:
            err(f"line {ln}: keys {sorted(it)}")
        iid = it.get("id", "")
        if not re.match(r"^os22-\d{3}$", iid):
            err(f"line {ln}: bad id {iid}")
        if iid in seen:
            err(f"line {ln}: duplicate id {iid}")
        seen.add(iid)
        if it.get("lang") not in {"en", "es", "pt"}:
            err(f"{iid}: bad lang")
        if not isinstance(it.get("title"), str) or not it["title"].strip():
            err(f"{iid}: empty title")
        if not isinstance(it.get("summary"), str):
            err(f"{iid}: summary not a string")
        for e in it.get("entities", []):
            if e not in ents:
                err(f"{iid}: unknown entity {e}")
        for t in it.get("topics", []):
            if t not in tops:
                err(f"{iid}: unknown topic {t}")
        if len(set(it.get("entities", []))) != len(it.get("entities", [])):
            err(f"{iid}: duplicate entity label")
        note = it.get("note", "")
        kind = note.split(" ", 1)[0]
        if kind not in {"positive", "hard-negative", "negative"}:
            err(f"{iid}: note must start with positive|hard-negative|negative")
        if kind == "positive" and not it.get("entities"):
            err(f"{iid}: positive without entities")
        if kind != "positive" and it.get("entities"):
            err(f"{iid}: {kind} with entities")
        nw = len(it.get("title", "").split())
        if not 3 <= nw <= 20:
            err(f"{iid}: title has {nw} words")
        counts[it.get("lang")] = counts.get(it.get("lang"), 0) + 1

if errors:
    print("\n".join(errors))
    print(f"FAIL: {len(errors)} problem(s)")
    sys.exit(1)
print(f"OK: watchlist {len(ent_ids)} entities, {len(top_ids)} topics; {n} items {counts}")
