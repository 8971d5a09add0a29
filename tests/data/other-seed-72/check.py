"""Format checker for /tmp/os72: YAML parses, ids unique, langs valid, labels exist in the watchlist."""
import json, re, sys, collections
import yaml
D = "/tmp/os72"
errors = []
wl = yaml.safe_load(open(f"{D}/watchlist.yaml", encoding="utf-8"))
allowed_top = {"watchlist", "fuzzy", "source", "entities", "topics"}
if set(wl) - allowed_top:
    errors.append(f"unknown top-level keys: {set(wl) - allowed_top}")
slug = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ent_ids = [e["id"] for e in wl["entities"]]
top_ids = [t["id"] for t in wl["topics"]]
for i in ent_ids + top_ids:
    if not slug.match(i):
        errors.append(f"bad slug {i}")
for name, ids in (("entity", ent_ids), ("topic", top_ids)):
    dup = [k for k, v in collections.Counter(ids).items() if v > 1]
    if dup:
        errors.append(f"duplicate {name} ids {dup}")
for e in wl["entities"]:
    if not e.get("aliases"):
        errors.append(f"{e['id']}: no aliases")
    if e.get("type") not in {"person", "organization", "vessel", "place", "event", "other"}:
        errors.append(f"{e['id']}: bad type")
    if e.get("priority") not in {"low", "medium", "high", "critical"}:
        errors.append(f"{e['id']}: bad priority")
    for a in e["aliases"]:
        if isinstance(a, dict) and "alias" not in a:
            errors.append(f"{e['id']}: alias mapping without alias")
ENT, TOP = set(ent_ids), set(top_ids)
seen, langs, n = set(), collections.Counter(), 0
for ln, line in enumerate(open(f"{D}/os72.jsonl", encoding="utf-8"), 1):
    o = json.loads(line)
    n += 1
    keys = {"id", "lang", "title", "summary", "entities", "topics", "note"}
    if set(o) != keys:
        errors.append(f"line {ln}: keys {set(o)}")
    if o["id"] in seen:
        errors.append(f"line {ln}: duplicate id {o['id']}")
    seen.add(o["id"])
    if not re.match(r"^os72-\d{3}$", o["id"]):
        errors.append(f"line {ln}: bad id {o['id']}")
    if o["lang"] not in {"en", "es", "pt"}:
        errors.append(f"line {ln}: bad lang {o['lang']}")
    langs[o["lang"]] += 1
    for e in o["entities"]:
        if e not in ENT:
            errors.append(f"line {ln}: unknown entity {e}")
    for t in o["topics"]:
        if t not in TOP:
            errors.append(f"line {ln}: unknown topic {t}")
    if not o["title"].strip():
        errors.append(f"line {ln}: empty title")
    nt = o["note"].split(" ")[0]
    if nt not in {"positive", "hard-negative", "negative"}:
        errors.append(f"line {ln}: bad note {o['note']}")
    if (nt == "positive" and not (o["entities"] or o["topics"])) or (nt != "positive" and o["entities"]):
        errors.append(f"line {ln}: note kind and entities disagree")
print(f"{n} items, langs {dict(langs)}, {len(ENT)} entities, {len(TOP)} topics")
if errors:
    print("\n".join(errors)); sys.exit(1)
print("OK")
