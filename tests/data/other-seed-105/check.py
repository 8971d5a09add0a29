#!/usr/bin/env python3
"""Format checker for the os105 set. Run: /work/main/.venv/bin/python check.py"""
import json, re, sys, collections
import yaml

HERE = __file__.rsplit("/", 1)[0] or "."
problems = []
wl = yaml.safe_load(open(f"{HERE}/watchlist.yaml", encoding="utf-8"))
ent_ids = [e["id"] for e in wl["entities"]]
top_ids = [t["id"] for t in wl["topics"]]
slug = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
for i in ent_ids + top_ids:
    if not slug.match(i): problems.append(f"bad slug {i}")
for dup, c in collections.Counter(ent_ids + top_ids).items():
    if c > 1: problems.append(f"duplicate watchlist id {dup}")
for e in wl["entities"]:
    if not e.get("aliases"): problems.append(f"{e['id']}: no aliases")
KEYS = {"id", "lang", "title", "summary", "entities", "topics", "note"}
seen = set(); n = 0
for ln, line in enumerate(open(f"{HERE}/os105.jsonl", encoding="utf-8"), 1):
    if not line.strip(): continue
    try:
        it = json.loads(line)
    except ValueError as ex:
        problems.append(f"line {ln}: bad JSON {ex}"); continue
    n += 1
    if set(it) != KEYS: problems.append(f"line {ln}: keys {sorted(it)}")
    if not re.match(r"^os105-\d{3}$", it.get("id", "")): problems.append(f"line {ln}: bad id")
    if it.get("id") in seen: problems.append(f"line {ln}: duplicate id {it['id']}")
    seen.add(it.get("id"))
    if it.get("lang") not in ("en", "es", "pt"): problems.append(f"line {ln}: bad lang")
    if not isinstance(it.get("title"), str) or not it["title"].strip(): problems.append(f"line {ln}: empty title")
    if not isinstance(it.get("summary"), str): problems.append(f"line {ln}: summary not str")
    for k, ids in (("entities", ent_ids), ("topics", top_ids)):
        v = it.get(k)
        if not isinstance(v, list): problems.append(f"line {ln}: {k} not a list"); continue
        for x in v:
            if x not in ids: problems.append(f"line {ln}: unknown {k} id {x}")
        if len(set(v)) != len(v): problems.append(f"line {ln}: repeated {k}")
    note = it.get("note", "")
    if not re.match(r"^(positive|hard-negative|negative) \(.+\)$", note): problems.append(f"line {ln}: bad note")
    if note.startswith(("hard-negative", "negative")) and it.get("entities"):
        problems.append(f"line {ln}: negative with entities")
if n < 360: problems.append(f"only {n} items")
print(f"{n} items, {len(ent_ids)} entities, {len(top_ids)} topics")
if problems:
    print("\n".join(problems)); sys.exit(1)
print("OK")
