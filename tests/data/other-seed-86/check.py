#!/usr/bin/env python3
"""Format checker for the os86 evaluation set (no scoring)."""
import json, re, sys, pathlib
import yaml

HERE = pathlib.Path(__file__).resolve().parent
errors = []
wl = yaml.safe_load((HERE / "watchlist.yaml").read_text(encoding="utf-8"))
for key in ("watchlist", "entities", "topics"):
    if key not in wl:
        errors.append(f"watchlist: missing {key}")
slug = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ent_ids = [e["id"] for e in wl.get("entities", [])]
top_ids = [t["id"] for t in wl.get("topics", [])]
for i in ent_ids + top_ids:
    if not slug.match(i):
        errors.append(f"watchlist: bad slug {i}")
if len(set(ent_ids)) != len(ent_ids) or len(set(top_ids)) != len(top_ids):
    errors.append("watchlist: duplicate ids")
for e in wl.get("entities", []):
    if not e.get("aliases"):
        errors.append(f"entity {e['id']}: no aliases")
    for k in ("name", "type", "priority"):
        if k not in e:
            errors.append(f"entity {e['id']}: missing {k}")
    if e.get("type") not in {"person", "organization", "vessel", "place", "event", "other"}:
        errors.append(f"entity {e['id']}: bad type")
    if e.get("priority") not in {"low", "medium", "high", "critical"}:
        errors.append(f"entity {e['id']}: bad priority")
    for a in e.get("aliases", []):
        if isinstance(a, dict) and "alias" not in a:
            errors.append(f"entity {e['id']}: alias mapping without alias")

def entity_refs(node):
    if isinstance(node, dict):
        if "entity" in node:
            yield node["entity"]
        for v in node.values():
            yield from entity_refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from entity_refs(v)
for t in wl.get("topics", []):
    for r in entity_refs(t.get("rule", {})):
        if r != "*" and r not in ent_ids:
            errors.append(f"topic {t['id']}: unknown entity {r}")

ents, tops = set(ent_ids), set(top_ids)
seen = set()
n = 0
langs = {"en": 0, "es": 0, "pt": 0}
idre = re.compile(r"^os86-\d{3}$")
for ln, line in enumerate((HERE / "os86.jsonl").read_text(encoding="utf-8").splitlines(), 1):
    if not line.strip():
        errors.append(f"line {ln}: empty"); continue
    try:
        it = json.loads(line)
    except json.JSONDecodeError as ex:
        errors.append(f"line {ln}: bad JSON {ex}"); continue
    n += 1
    want = {"id", "lang", "title", "summary", "entities", "topics", "note"}
    if set(it) != want:
        errors.append(f"line {ln}: keys {sorted(set(it) ^ want)}")
    if not idre.match(str(it.get("id", ""))):
        errors.append(f"line {ln}: bad id {it.get('id')}")
    if it.get("id") in seen:
        errors.append(f"line {ln}: duplicate id {it['id']}")
    seen.add(it.get("id"))
    if it.get("lang") not in langs:
        errors.append(f"line {ln}: bad lang {it.get('lang')}")
    else:
        langs[it["lang"]] += 1
    if not isinstance(it.get("title"), str) or not it["title"].strip():
        errors.append(f"line {ln}: empty title")
    if not isinstance(it.get("summary"), str):
        errors.append(f"line {ln}: summary not a string")
    for e in it.get("entities", []):
        if e not in ents:
            errors.append(f"line {ln}: unknown entity {e}")
    for t in it.get("topics", []):
        if t not in tops:
            errors.append(f"line {ln}: unknown topic {t}")
    if len(set(it.get("entities", []))) != len(it.get("entities", [])):
        errors.append(f"line {ln}: repeated entity")
    if not re.match(r"^(positive|hard-negative|negative) \(.+\)$", it.get("note", "")):
        errors.append(f"line {ln}: bad note")
if n < 360:
    errors.append(f"only {n} items")
for e in errors:
    print("ERROR", e)
print(f"{n} items {langs}; {len(ent_ids)} entities, {len(top_ids)} topics; "
      f"{'OK' if not errors else str(len(errors)) + ' errors'}")
sys.exit(1 if errors else 0)
