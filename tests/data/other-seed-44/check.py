"""Format checker for the os44 set: the YAML parses, ids are unique, langs are valid, every
label id exists in the watchlist, notes carry a known kind. Run with the project's venv python
(PyYAML): /work/main/.venv/bin/python /tmp/os44/check.py"""
import json, sys, pathlib, collections
import yaml

HERE = pathlib.Path(__file__).parent
errors = []
wl = yaml.safe_load((HERE / "watchlist.yaml").read_text(encoding="utf-8"))
ent_ids = [e["id"] for e in wl.get("entities", [])]
top_ids = [t["id"] for t in wl.get("topics", [])]
for kind, ids in (("entity", ent_ids), ("topic", top_ids)):
    dup = [i for i, c in collections.Counter(ids).items() if c > 1]
    if dup:
        errors.append(f"duplicate {kind} ids in watchlist: {dup}")
for e in wl["entities"]:
    for k in ("id", "name", "type", "aliases"):
        if k not in e:
            errors.append(f"entity {e.get('id')} lacks {k}")
ents, tops = set(ent_ids), set(top_ids)
seen = set()
counts = collections.Counter()
for n, line in enumerate((HERE / "os44.jsonl").read_text(encoding="utf-8").splitlines(), 1):
    try:
        r = json.loads(line)
    except json.JSONDecodeError as ex:
        errors.append(f"line {n}: bad JSON: {ex}")
        continue
    keys = {"id", "lang", "title", "summary", "entities", "topics", "note"}
    if set(r) != keys:
        errors.append(f"line {n}: keys {sorted(set(r) ^ keys)}")
        continue
    if r["id"] in seen:
        errors.append(f"line {n}: duplicate id {r['id']}")
    seen.add(r["id"])
    if r["lang"] not in ("en", "es", "pt"):
        errors.append(f"line {n}: bad lang {r['lang']}")
    if not r["title"].strip():
        errors.append(f"line {n}: empty title")
    for e in r["entities"]:
        if e not in ents:
            errors.append(f"line {n}: unknown entity {e}")
    for t in r["topics"]:
        if t not in tops:
            errors.append(f"line {n}: unknown topic {t}")
    if len(set(r["entities"])) != len(r["entities"]) or len(set(r["topics"])) != len(r["topics"]):
        errors.append(f"line {n}: repeated label")
    kind = r["note"].split(" ")[0]
    if kind not in ("positive", "hard-negative", "negative"):
        errors.append(f"line {n}: note kind {kind!r}")
    elif (kind == "positive") != bool(r["entities"]):
        errors.append(f"line {n}: note kind {kind} disagrees with entities {r['entities']}")
    counts[r["lang"]] += 1
if errors:
    print("\n".join(errors))
    sys.exit(1)
print(f"OK: {len(seen)} items {dict(counts)}; {len(ents)} entities, {len(tops)} topics")
