#!/usr/bin/env python3
"""Format checker for the os94 set: YAML parses, ids unique, langs valid, labels exist."""
import json, sys, re, collections
import yaml
HERE = sys.argv[1] if len(sys.argv) > 1 else "/tmp/os94"
errs = []
wl = yaml.safe_load(open(f"{HERE}/watchlist.yaml", encoding="utf-8"))
allowed_top = {"watchlist", "fuzzy", "source", "entities", "topics"}
for k in wl:
    if k not in allowed_top: errs.append(f"watchlist: unknown top-level key {k}")
slug = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ents = [e["id"] for e in wl["entities"]]; tops = [t["id"] for t in wl["topics"]]
for i in ents + tops:
    if not slug.match(i): errs.append(f"bad slug {i}")
for name, ids in (("entity", ents), ("topic", tops)):
    for i, c in collections.Counter(ids).items():
        if c > 1: errs.append(f"duplicate {name} id {i}")
for e in wl["entities"]:
    if e.get("type") not in {"person","organization","vessel","place","event","other"}: errs.append(f"{e['id']}: type")
    if e.get("priority") not in {"low","medium","high","critical"}: errs.append(f"{e['id']}: priority")
    if not e.get("aliases"): errs.append(f"{e['id']}: no aliases")
    for a in e["aliases"]:
        if isinstance(a, dict) and "alias" not in a: errs.append(f"{e['id']}: alias mapping without alias")
def walk(c):
    if isinstance(c, dict):
        if "entity" in c and c["entity"] != "*" and c["entity"] not in ents: errs.append(f"topic refers to unknown entity {c['entity']}")
        for v in c.values(): walk(v)
    elif isinstance(c, list):
        for v in c: walk(v)
for t in wl["topics"]: walk(t["rule"]); walk(t.get("none_of", []))
ids = set(); n = 0; langs = collections.Counter()
need = {"id","lang","title","summary","entities","topics","note"}
for ln, line in enumerate(open(f"{HERE}/os94.jsonl", encoding="utf-8"), 1):
    n += 1
    try: it = json.loads(line)
    except Exception as ex: errs.append(f"line {ln}: bad json {ex}"); continue
    if set(it) != need: errs.append(f"line {ln}: keys {sorted(it)}")
    if it["id"] in ids: errs.append(f"line {ln}: duplicate id {it['id']}")
    ids.add(it["id"])
    if not re.match(r"^os94-\d{3}$", it["id"]): errs.append(f"line {ln}: id format")
    if it["lang"] not in ("en","es","pt"): errs.append(f"line {ln}: lang {it['lang']}")
    langs[it["lang"]] += 1
    if not it["title"].strip(): errs.append(f"line {ln}: empty title")
    for e in it["entities"]:
        if e not in ents: errs.append(f"line {ln}: unknown entity {e}")
    for t in it["topics"]:
        if t not in tops: errs.append(f"line {ln}: unknown topic {t}")
    if len(set(it["entities"])) != len(it["entities"]) or len(set(it["topics"])) != len(it["topics"]): errs.append(f"line {ln}: duplicate label")
    if not re.match(r"^(positive|hard-negative|negative)( \(.*\))?$", it["note"]): errs.append(f"line {ln}: note {it['note']}")
    if it["note"].startswith("positive") and not it["entities"]: errs.append(f"line {ln}: positive without entity")
    if not it["note"].startswith("positive") and it["entities"]: errs.append(f"line {ln}: negative with entity")
if errs:
    print("\n".join(errs)); print(f"FAIL: {len(errs)} problems"); sys.exit(1)
print(f"OK: {n} items {dict(langs)}; {len(ents)} entities, {len(tops)} topics")
