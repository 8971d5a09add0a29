"""Format checker for the os53 set: python check.py  (exit 0 = pass)."""
import json, pathlib, re, sys
import yaml
HERE = pathlib.Path(__file__).parent
errors = []
wl = yaml.safe_load((HERE / "watchlist.yaml").read_text(encoding="utf-8"))
slug = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ents = [e["id"] for e in wl.get("entities", [])]
tops = [t["id"] for t in wl.get("topics", [])]
for i in ents + tops:
    if not slug.match(i):
        errors.append(f"bad slug {i}")
if len(set(ents + tops)) != len(ents + tops):
    errors.append("duplicate entity/topic id")
allowed_keys = {"watchlist", "fuzzy", "source", "entities", "topics"}
if set(wl) - allowed_keys:
    errors.append(f"unknown top-level keys {set(wl) - allowed_keys}")
for e in wl["entities"]:
    if not e.get("aliases"):
        errors.append(f"{e['id']}: no aliases")
seen = set()
counts = {}
for n, line in enumerate((HERE / "os53.jsonl").read_text(encoding="utf-8").splitlines(), 1):
    try:
        it = json.loads(line)
    except Exception as ex:
        errors.append(f"line {n}: bad JSON {ex}"); continue
    keys = {"id", "lang", "title", "summary", "entities", "topics", "note"}
    if set(it) != keys:
        errors.append(f"line {n}: keys {sorted(it)}")
    if not re.match(r"^os53-\d{3}$", it.get("id", "")) or it["id"] in seen:
        errors.append(f"line {n}: bad or duplicate id {it.get('id')}")
    seen.add(it.get("id"))
    if it.get("lang") not in ("en", "es", "pt"):
        errors.append(f"line {n}: lang {it.get('lang')}")
    for x in it.get("entities", []):
        if x not in ents: errors.append(f"line {n}: unknown entity {x}")
    for x in it.get("topics", []):
        if x not in tops: errors.append(f"line {n}: unknown topic {x}")
    if len(set(it["entities"])) != len(it["entities"]) or len(set(it["topics"])) != len(it["topics"]):
        errors.append(f"line {n}: duplicate label")
    kind = it["note"].split(" ", 1)[0]
    if kind not in ("positive", "hard-negative", "negative"):
        errors.append(f"line {n}: note kind {kind}")
    if kind != "positive" and it["entities"]:
        errors.append(f"line {n}: {kind} with entities")
    if kind == "negative" and it["topics"]:
        errors.append(f"line {n}: negative with topics")
    w = len(it["title"].split())
    if not 4 <= w <= 18:
        errors.append(f"line {n}: title has {w} words")
    if not it["title"].strip():
        errors.append(f"line {n}: empty title")
    counts[it["lang"]] = counts.get(it["lang"], 0) + 1
if len(seen) < 360:
    errors.append(f"only {len(seen)} items")
for e in errors:
    print("ERROR", e)
print("items per language:", counts, "| entities:", len(ents), "| topics:", len(tops))
sys.exit(1 if errors else 0)
