"""Format checker for the os91 set (no scoring): python check.py [dir]"""
import json, re, sys, pathlib, collections
import yaml

d = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent)
errors = []
wl = yaml.safe_load((d / "watchlist.yaml").read_text(encoding="utf-8"))
assert isinstance(wl, dict) and wl.get("watchlist"), "watchlist slug missing"
slug = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ents = [e["id"] for e in wl["entities"]]
tops = [t["id"] for t in wl["topics"]]
for i in ents + tops:
    if not slug.match(i):
        errors.append(f"bad slug {i}")
if len(set(ents)) != len(ents) or len(set(tops)) != len(tops):
    errors.append("duplicate entity/topic id in watchlist")
for e in wl["entities"]:
    if not e.get("aliases"):
        errors.append(f"{e['id']}: no aliases")
    if e.get("type") not in {"person", "organization", "vessel", "place", "event", "other"}:
        errors.append(f"{e['id']}: bad type")
    if e.get("priority") not in {"low", "medium", "high", "critical"}:
        errors.append(f"{e['id']}: bad priority")
ents, tops = set(ents), set(tops)

ids = set()
langs = collections.Counter()
keys = {"id", "lang", "title", "summary", "entities", "topics", "note"}
for n, line in enumerate((d / "os91.jsonl").read_text(encoding="utf-8").splitlines(), 1):
    try:
        r = json.loads(line)
    except json.JSONDecodeError as ex:
        errors.append(f"line {n}: bad JSON {ex}")
        continue
    if set(r) != keys:
        errors.append(f"line {n}: keys {sorted(r)}")
        continue
    if not re.fullmatch(r"os91-\d{3}", r["id"]) or r["id"] in ids:
        errors.append(f"line {n}: bad or duplicate id {r['id']}")
    ids.add(r["id"])
    if r["lang"] not in {"en", "es", "pt"}:
        errors.append(f"line {n}: bad lang {r['lang']}")
    langs[r["lang"]] += 1
    if not r["title"].strip():
        errors.append(f"line {n}: empty title")
    for e in r["entities"]:
        if e not in ents:
            errors.append(f"line {n}: unknown entity {e}")
    for t in r["topics"]:
        if t not in tops:
            errors.append(f"line {n}: unknown topic {t}")
    if len(set(r["entities"])) != len(r["entities"]) or len(set(r["topics"])) != len(r["topics"]):
        errors.append(f"line {n}: duplicate label")
    m = re.match(r"^(positive|hard-negative|negative) \(.+\)$", r["note"])
    if not m:
        errors.append(f"line {n}: bad note {r['note']!r}")
    elif (m.group(1) == "positive") != bool(r["entities"]):
        errors.append(f"line {n}: note kind disagrees with entities")
total = sum(langs.values())
if total < 360:
    errors.append(f"only {total} items")
print(f"{total} items {dict(langs)}; {len(ents)} entities, {len(tops)} topics")
if errors:
    print("\n".join(errors))
    sys.exit(1)
print("OK")
