"""Format checker for the os119 set: YAML parses, ids unique, langs valid, labels exist."""
import json, re, sys, os, collections
import yaml
HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
wl = yaml.safe_load(open(os.path.join(HERE, "watchlist.yaml"), encoding="utf-8"))
ents = [e["id"] for e in wl["entities"]]
tops = [t["id"] for t in wl["topics"]]
slug = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
for i in ents + tops:
    if not slug.match(i):
        errors.append(f"watchlist: bad id {i!r}")
for name, ids in (("entity", ents), ("topic", tops)):
    for i, c in collections.Counter(ids).items():
        if c > 1:
            errors.append(f"watchlist: duplicate {name} id {i}")
for e in wl["entities"]:
    if not e.get("aliases"):
        errors.append(f"watchlist: {e['id']} has no alias")
ENT, TOP = set(ents), set(tops)
seen = set()
counts = collections.Counter()
ent_counts, top_counts = collections.Counter(), collections.Counter()
KEYS = {"id", "lang", "title", "summary", "entities", "topics", "note"}
with open(os.path.join(HERE, "os119.jsonl"), encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        try:
            d = json.loads(line)
        except Exception as ex:
            errors.append(f"line {n}: not JSON ({ex})"); continue
        if set(d) != KEYS:
            errors.append(f"line {n}: keys {sorted(d)}")
        if not re.fullmatch(r"os119-\d{3}", str(d.get("id"))):
            errors.append(f"line {n}: bad id {d.get('id')}")
        if d.get("id") in seen:
            errors.append(f"line {n}: duplicate id {d['id']}")
        seen.add(d.get("id"))
        if d.get("lang") not in ("en", "es", "pt"):
            errors.append(f"line {n}: bad lang {d.get('lang')}")
        if not isinstance(d.get("title"), str) or not d["title"].strip():
            errors.append(f"line {n}: empty title")
        if not isinstance(d.get("summary"), str):
            errors.append(f"line {n}: summary not a string")
        for key, valid in (("entities", ENT), ("topics", TOP)):
            v = d.get(key)
            if not isinstance(v, list):
                errors.append(f"line {n}: {key} not a list"); continue
            if len(set(v)) != len(v):
                errors.append(f"line {n}: duplicate {key}")
            for x in v:
                if x not in valid:
                    errors.append(f"line {n}: unknown {key[:-1]} {x}")
        kind = str(d.get("note", "")).split(" ")[0]
        if kind not in ("positive", "hard-negative", "negative"):
            errors.append(f"line {n}: note must start with positive|hard-negative|negative")
        if kind != "positive" and d.get("entities"):
            errors.append(f"line {n}: a negative with entity labels")
        counts[(d.get("lang"), kind)] += 1
        ent_counts.update(d.get("entities", [])); top_counts.update(d.get("topics", []))
if errors:
    print("\n".join(errors)); print(f"FAILED: {len(errors)} error(s)"); sys.exit(1)
total = sum(counts.values())
print(f"OK: {total} items, {len(ents)} entities, {len(tops)} topics")
for lang in ("en", "es", "pt"):
    print(lang, {k: counts[(lang, k)] for k in ("positive", "hard-negative", "negative")},
          sum(counts[(lang, k)] for k in ("positive", "hard-negative", "negative")))
for k in ("positive", "hard-negative", "negative"):
    c = sum(v for (l, kk), v in counts.items() if kk == k)
    print(f"{k}: {c} ({100*c/total:.1f}%)")
print("entities:", dict(sorted(ent_counts.items(), key=lambda x: -x[1])))
print("topics:", dict(top_counts))
