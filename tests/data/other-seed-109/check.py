#!/usr/bin/env python3
"""Format checker for the os109 set: YAML parses, ids unique, langs valid, labels exist."""
import json, os, re, sys
import yaml
HERE = os.path.dirname(os.path.abspath(__file__))
errs = []
wl = yaml.safe_load(open(os.path.join(HERE, "watchlist.yaml"), encoding="utf-8"))
for k in wl:
    if k not in {"watchlist", "fuzzy", "source", "entities", "topics"}:
        errs.append(f"watchlist: unknown top-level key {k}")
slug = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ents = [e["id"] for e in wl["entities"]]
tops = [t["id"] for t in wl["topics"]]
for i in ents + tops:
    if not slug.match(i):
        errs.append(f"bad slug {i}")
if len(set(ents + tops)) != len(ents + tops):
    errs.append("duplicate entity/topic id")
for e in wl["entities"]:
    if not e.get("aliases"):
        errs.append(f"{e['id']}: no aliases")
    for a in e["aliases"]:
        if isinstance(a, dict) and "alias" not in a:
            errs.append(f"{e['id']}: alias mapping without alias")
    if e.get("type") not in {"person", "organization", "vessel", "place", "event", "other"}:
        errs.append(f"{e['id']}: bad type")
    if e.get("priority") not in {"low", "medium", "high", "critical"}:
        errs.append(f"{e['id']}: bad priority")
ids, n = set(), 0
langs = {"en": 0, "es": 0, "pt": 0}
for ln, line in enumerate(open(os.path.join(HERE, "os109.jsonl"), encoding="utf-8"), 1):
    o = json.loads(line)
    n += 1
    if set(o) != {"id", "lang", "title", "summary", "entities", "topics", "note"}:
        errs.append(f"line {ln}: keys {sorted(o)}")
    if o["id"] in ids:
        errs.append(f"line {ln}: duplicate id {o['id']}")
    ids.add(o["id"])
    if not re.match(r"^os109-\d{3}$", o["id"]):
        errs.append(f"line {ln}: bad id")
    if o["lang"] not in langs:
        errs.append(f"line {ln}: bad lang {o['lang']}")
    else:
        langs[o["lang"]] += 1
    for e in o["entities"]:
        if e not in ents:
            errs.append(f"line {ln}: unknown entity {e}")
    for t in o["topics"]:
        if t not in tops:
            errs.append(f"line {ln}: unknown topic {t}")
    if len(set(o["entities"])) != len(o["entities"]) or len(set(o["topics"])) != len(o["topics"]):
        errs.append(f"line {ln}: duplicate label")
    if not o["title"].strip():
        errs.append(f"line {ln}: empty title")
    if not o["note"].split(" ")[0] in {"positive", "hard-negative", "negative"}:
        errs.append(f"line {ln}: bad note")
if n < 360:
    errs.append(f"only {n} items")
print(f"{n} items, langs {langs}, {len(ents)} entities, {len(tops)} topics")
for e in errs:
    print("ERROR", e)
sys.exit(1 if errs else 0)
