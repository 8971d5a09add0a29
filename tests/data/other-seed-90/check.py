#!/usr/bin/env python3
"""Format checker for the os90 evaluation set (no scoring)."""
import json, re, sys, collections, os
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
errors = []

with open(os.path.join(HERE, "watchlist.yaml"), encoding="utf-8") as f:
    wl = yaml.safe_load(f)
allowed_top = {"watchlist", "fuzzy", "source", "entities", "topics"}
if set(wl) - allowed_top:
    errors.append(f"unknown top-level keys: {set(wl) - allowed_top}")
ent_ids = [e["id"] for e in wl["entities"]]
top_ids = [t["id"] for t in wl["topics"]]
for i in ent_ids + top_ids:
    if not SLUG.match(i):
        errors.append(f"bad slug {i}")
if len(set(ent_ids)) != len(ent_ids) or len(set(top_ids)) != len(top_ids):
    errors.append("duplicate entity/topic ids")
ent_keys = {"id", "name", "type", "priority", "aliases", "requires", "not_after", "not_before",
            "unless", "exclude", "fuzzy"}
alias_keys = {"alias", "case", "requires", "not_after", "not_before", "unless", "exclude",
              "fuzzy", "allow_after", "listed"}
for e in wl["entities"]:
    if set(e) - ent_keys:
        errors.append(f"{e['id']}: unknown keys {set(e) - ent_keys}")
    if e["type"] not in {"person", "organization", "vessel", "place", "event", "other"}:
        errors.append(f"{e['id']}: bad type")
    if e["priority"] not in {"low", "medium", "high", "critical"}:
        errors.append(f"{e['id']}: bad priority")
    if not e.get("aliases"):
        errors.append(f"{e['id']}: no aliases")
    for a in e["aliases"]:
        if isinstance(a, dict):
            if set(a) - alias_keys or "alias" not in a:
                errors.append(f"{e['id']}: bad alias mapping {a}")
            if a.get("case", "any") not in {"any", "capitalized", "exact"}:
                errors.append(f"{e['id']}: bad case {a}")
        elif not isinstance(a, str):
            errors.append(f"{e['id']}: alias not a string: {a!r}")

def walk(x):
    if isinstance(x, bool):
        errors.append(f"boolean where a term is expected: {x}")
    elif isinstance(x, dict):
        for k, v in x.items():
            if k == "entity" and v != "*" and v not in ent_ids:
                errors.append(f"topic entity condition names unknown entity {v}")
            walk(v)
    elif isinstance(x, list):
        for y in x:
            walk(y)
for t in wl["topics"]:
    walk(t["rule"])
for e in wl["entities"]:
    walk(e)

ids = set()
langs = collections.Counter()
n = 0
with open(os.path.join(HERE, "os90.jsonl"), encoding="utf-8") as f:
    for ln, line in enumerate(f, 1):
        if not line.strip():
            errors.append(f"line {ln}: blank line"); continue
        try:
            it = json.loads(line)
        except Exception as ex:
            errors.append(f"line {ln}: bad json {ex}"); continue
        n += 1
        need = {"id", "lang", "title", "summary", "entities", "topics", "note"}
        if set(it) != need:
            errors.append(f"line {ln}: keys {sorted(it)}")
        if it["id"] in ids:
            errors.append(f"line {ln}: duplicate id {it['id']}")
        ids.add(it["id"])
        if not re.match(r"^os90-\d{3}$", it["id"]):
            errors.append(f"line {ln}: bad id {it['id']}")
        if it["lang"] not in {"en", "es", "pt"}:
            errors.append(f"line {ln}: bad lang {it['lang']}")
        langs[it["lang"]] += 1
        for e in it["entities"]:
            if e not in ent_ids:
                errors.append(f"line {ln}: unknown entity {e}")
        for t in it["topics"]:
            if t not in top_ids:
                errors.append(f"line {ln}: unknown topic {t}")
        if len(set(it["entities"])) != len(it["entities"]) or len(set(it["topics"])) != len(it["topics"]):
            errors.append(f"line {ln}: duplicate labels")
        if not it["title"].strip():
            errors.append(f"line {ln}: empty title")
        if not re.match(r"^(positive|hard-negative|negative) \(.+\)$", it["note"]):
            errors.append(f"line {ln}: bad note {it['note']!r}")
        if it["note"].startswith("positive") and not it["entities"]:
            errors.append(f"line {ln}: positive without entity")
        if not it["note"].startswith("positive") and it["entities"]:
            errors.append(f"line {ln}: negative with entities")

print(f"watchlist: {len(ent_ids)} entities, {len(top_ids)} topics; items: {n} {dict(langs)}")
if errors:
    print("\n".join(errors[:50])); print(f"FAIL ({len(errors)} errors)"); sys.exit(1)
print("OK")
