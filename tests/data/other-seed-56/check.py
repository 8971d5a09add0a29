#!/usr/bin/env python3
"""Format checker for the os56 evaluation set (stdlib + PyYAML only).

Checks: watchlist.yaml parses and has unique entity/topic ids; every line of os56.jsonl is a
JSON object with the expected keys; ids unique and well formed; lang in en/es/pt; every
entity and topic label exists in the watchlist; note starts with a known kind; positives
have entities and negatives do not. Prints counts. Exit status 1 on any error.
"""
import json, re, sys, pathlib, collections
import yaml

HERE = pathlib.Path(__file__).resolve().parent
errors = []
wl = yaml.safe_load((HERE / "watchlist.yaml").read_text(encoding="utf-8"))
for key in ("watchlist", "entities", "topics"):
    if key not in wl:
        errors.append(f"watchlist: missing {key}")
ent_ids = [e["id"] for e in wl.get("entities", [])]
top_ids = [t["id"] for t in wl.get("topics", [])]
for name, ids in (("entity", ent_ids), ("topic", top_ids)):
    dup = [i for i, c in collections.Counter(ids).items() if c > 1]
    if dup:
        errors.append(f"duplicate {name} ids: {dup}")
slug = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
for i in ent_ids + top_ids:
    if not slug.match(i):
        errors.append(f"bad slug {i}")
for e in wl.get("entities", []):
    if not e.get("aliases"):
        errors.append(f"{e['id']}: no aliases")
ents, tops = set(ent_ids), set(top_ids)

KEYS = {"id", "lang", "title", "summary", "entities", "topics", "note"}
seen = set()
items = []
for n, line in enumerate((HERE / "os56.jsonl").read_text(encoding="utf-8").splitlines(), 1):
    try:
        it = json.loads(line)
    except json.JSONDecodeError as ex:
        errors.append(f"line {n}: bad JSON {ex}")
        continue
    if set(it) != KEYS:
        errors.append(f"line {n}: keys {sorted(it)}")
        continue
    if not re.match(r"^os56-\d{3}$", it["id"]):
        errors.append(f"line {n}: bad id {it['id']}")
    if it["id"] in seen:
        errors.append(f"line {n}: duplicate id {it['id']}")
    seen.add(it["id"])
    if it["lang"] not in ("en", "es", "pt"):
        errors.append(f"{it['id']}: bad lang {it['lang']}")
    if not isinstance(it["title"], str) or not it["title"].strip():
        errors.append(f"{it['id']}: empty title")
    if not isinstance(it["summary"], str):
        errors.append(f"{it['id']}: summary not a string")
    for e in it["entities"]:
        if e not in ents:
            errors.append(f"{it['id']}: unknown entity {e}")
    for t in it["topics"]:
        if t not in tops:
            errors.append(f"{it['id']}: unknown topic {t}")
    if len(set(it["entities"])) != len(it["entities"]) or len(set(it["topics"])) != len(it["topics"]):
        errors.append(f"{it['id']}: repeated label")
    kind = it["note"].split(" ", 1)[0]
    if kind not in ("positive", "hard-negative", "negative"):
        errors.append(f"{it['id']}: note kind {kind!r}")
    elif (kind == "positive") != bool(it["entities"]):
        errors.append(f"{it['id']}: note {kind} but entities {it['entities']}")
    items.append(it)

langs = collections.Counter(i["lang"] for i in items)
kinds = collections.Counter((i["lang"], i["note"].split(" ", 1)[0]) for i in items)
print("watchlist:", wl.get("watchlist"), "-", len(ent_ids), "entities,", len(top_ids), "topics")
print("items:", len(items), dict(langs))
for lang in ("en", "es", "pt"):
    print(f"  {lang}:", {k: kinds[(lang, k)] for k in ("positive", "hard-negative", "negative")})
tot = collections.Counter(i["note"].split(" ", 1)[0] for i in items)
print("kinds:", dict(tot), {k: f"{100*v/len(items):.0f}%" for k, v in tot.items()})
ec = collections.Counter(e for i in items for e in i["entities"])
tc = collections.Counter(t for i in items for t in i["topics"])
tc_pos = collections.Counter(t for i in items if i["entities"] for t in i["topics"])
print("per entity:", {e: ec[e] for e in ent_ids})
print("per topic (all / in positives):", {t: (tc[t], tc_pos[t]) for t in top_ids})
print("no topic:", sum(1 for i in items if not i["topics"]))
tw = [len(i["title"].split()) for i in items]
print("title words min/max:", min(tw), max(tw), "| empty summaries:", sum(1 for i in items if not i["summary"]))
if errors:
    print("\n".join("ERROR " + e for e in errors))
    sys.exit(1)
print("OK")
