"""Format checker for the os43 evaluation set (stdlib + PyYAML only)."""
import json, re, sys, collections
import yaml

errors = []
wl = yaml.safe_load(open("watchlist.yaml", encoding="utf-8"))
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
for k in wl:
    if k not in {"watchlist", "fuzzy", "source", "entities", "topics"}:
        errors.append(f"watchlist: unknown top-level key {k}")
ents = [e["id"] for e in wl["entities"]]
tops = [t["id"] for t in wl["topics"]]
for i in ents + tops:
    if not SLUG.match(i):
        errors.append(f"bad slug {i}")
if len(set(ents + tops)) != len(ents + tops):
    errors.append("duplicate entity/topic ids")
ENT_KEYS = {"id", "name", "type", "priority", "aliases", "requires", "not_after", "not_before", "unless", "exclude", "fuzzy"}
ALIAS_KEYS = {"alias", "case", "requires", "not_after", "not_before", "unless", "exclude", "fuzzy", "allow_after"}
for e in wl["entities"]:
    for k in e:
        if k not in ENT_KEYS:
            errors.append(f"{e['id']}: unknown key {k}")
    if e["type"] not in {"person", "organization", "vessel", "place", "event", "other"}:
        errors.append(f"{e['id']}: bad type")
    if e["priority"] not in {"low", "medium", "high", "critical"}:
        errors.append(f"{e['id']}: bad priority")
    if not e.get("aliases"):
        errors.append(f"{e['id']}: no aliases")
    for a in e["aliases"]:
        if isinstance(a, dict):
            for k in a:
                if k not in ALIAS_KEYS:
                    errors.append(f"{e['id']}: alias key {k}")
            if a.get("case", "any") not in {"any", "capitalized", "exact"}:
                errors.append(f"{e['id']}: bad case")
        elif not isinstance(a, str):
            errors.append(f"{e['id']}: bad alias {a!r}")

def walk(c, where):
    if isinstance(c, str):
        return
    if isinstance(c, list):
        for x in c:
            walk(x, where)
        return
    if not isinstance(c, dict):
        errors.append(f"{where}: bad condition {c!r}")
        return
    if "entity" in c:
        if c["entity"] != "*" and c["entity"] not in ents:
            errors.append(f"{where}: unknown entity {c['entity']}")
        return
    if "term" in c:
        return
    for k, v in c.items():
        if k in ("any_of", "all_of", "none_of"):
            walk(v, where)
        elif k == "near":
            walk(v["terms"], where)
            if not isinstance(v.get("within"), int):
                errors.append(f"{where}: near without int within")
        else:
            errors.append(f"{where}: unknown condition key {k}")

for t in wl["topics"]:
    walk(t["rule"], t["id"])

ids = set()
counts = collections.Counter()
for n, line in enumerate(open("os43.jsonl", encoding="utf-8"), 1):
    try:
        it = json.loads(line)
    except Exception as ex:
        errors.append(f"line {n}: bad JSON {ex}")
        continue
    for k in ("id", "lang", "title", "summary", "entities", "topics", "note"):
        if k not in it:
            errors.append(f"line {n}: missing {k}")
    if it["id"] in ids:
        errors.append(f"line {n}: duplicate id {it['id']}")
    ids.add(it["id"])
    if it["lang"] not in {"en", "es", "pt"}:
        errors.append(f"line {n}: bad lang {it['lang']}")
    for e in it["entities"]:
        if e not in ents:
            errors.append(f"line {n}: unknown entity {e}")
    for t in it["topics"]:
        if t not in tops:
            errors.append(f"line {n}: unknown topic {t}")
    if len(set(it["entities"])) != len(it["entities"]) or len(set(it["topics"])) != len(it["topics"]):
        errors.append(f"line {n}: duplicate label")
    kind = it["note"].split(" ")[0]
    if kind not in {"positive", "hard-negative", "negative"}:
        errors.append(f"line {n}: bad note kind")
    if kind != "positive" and it["entities"]:
        errors.append(f"line {n}: {kind} with entities")
    nw = len(it["title"].split())
    if not 3 <= nw <= 20:
        errors.append(f"line {n}: title length {nw}")
    counts[it["lang"]] += 1
print(dict(counts), "total", sum(counts.values()), "| entities", len(ents), "| topics", len(tops))
if errors:
    print("\n".join(errors))
    sys.exit(1)
print("OK")
