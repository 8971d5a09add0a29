"""Format checker for the os41 set: YAML parses, ids unique, langs valid, label ids exist."""
import json, re, sys, pathlib, collections
import yaml
HERE = pathlib.Path(__file__).parent
errors = []
wl = yaml.safe_load((HERE / "watchlist.yaml").read_text())
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
for k in ("watchlist", "entities", "topics"):
    if k not in wl:
        errors.append(f"watchlist: missing {k}")
ents = [e["id"] for e in wl.get("entities", [])]
tops = [t["id"] for t in wl.get("topics", [])]
for i in ents + tops:
    if not SLUG.match(i):
        errors.append(f"watchlist: bad slug {i}")
for name, ids in (("entity", ents), ("topic", tops)):
    for i, c in collections.Counter(ids).items():
        if c > 1:
            errors.append(f"watchlist: duplicate {name} id {i}")
for e in wl.get("entities", []):
    if e.get("type") not in {"person", "organization", "vessel", "place", "event", "other"}:
        errors.append(f"{e['id']}: bad type")
    if e.get("priority") not in {"low", "medium", "high", "critical"}:
        errors.append(f"{e['id']}: bad priority")
    if not e.get("aliases"):
        errors.append(f"{e['id']}: no aliases")
    for a in e.get("aliases", []):
        if isinstance(a, dict):
            if "alias" not in a:
                errors.append(f"{e['id']}: alias mapping without alias")
            if a.get("case", "any") not in {"any", "capitalized", "exact"}:
                errors.append(f"{e['id']}: bad case {a.get('case')}")
        elif not isinstance(a, str):
            errors.append(f"{e['id']}: bad alias {a!r}")
for t in wl.get("topics", []):
    if "rule" not in t or "name" not in t:
        errors.append(f"topic {t.get('id')}: missing name or rule")
    def walk(c):
        if isinstance(c, dict):
            if "entity" in c and c["entity"] != "*" and c["entity"] not in ents:
                errors.append(f"topic {t['id']}: unknown entity {c['entity']}")
            for v in c.values():
                walk(v)
        elif isinstance(c, list):
            for v in c:
                walk(v)
    walk(t.get("rule"))
ents, tops = set(ents), set(tops)
seen = set()
langs = collections.Counter()
KEYS = {"id", "lang", "title", "summary", "entities", "topics", "note"}
for n, line in enumerate((HERE / "os41.jsonl").read_text().splitlines(), 1):
    try:
        it = json.loads(line)
    except Exception as ex:
        errors.append(f"line {n}: bad JSON {ex}"); continue
    if set(it) != KEYS:
        errors.append(f"line {n}: keys {sorted(it)}")
    i = it.get("id")
    if not re.match(r"^os41-\d{3}$", str(i)) or i in seen:
        errors.append(f"line {n}: bad or duplicate id {i}")
    seen.add(i)
    if it.get("lang") not in {"en", "es", "pt"}:
        errors.append(f"{i}: bad lang")
    langs[it.get("lang")] += 1
    if not isinstance(it.get("title"), str) or not it["title"].strip():
        errors.append(f"{i}: empty title")
    if not isinstance(it.get("summary"), str):
        errors.append(f"{i}: summary not a string")
    for k, ok in (("entities", ents), ("topics", tops)):
        v = it.get(k)
        if not isinstance(v, list) or len(set(v)) != len(v):
            errors.append(f"{i}: {k} not a list of unique ids")
            continue
        for x in v:
            if x not in ok:
                errors.append(f"{i}: unknown {k[:-1]} {x}")
    if not re.match(r"^(positive|hard-negative|negative) \(.+\)$", it.get("note", "")):
        errors.append(f"{i}: bad note {it.get('note')!r}")
    nt = it.get("note", "").split(" ")[0]
    if nt == "negative" and (it.get("entities") or it.get("topics")):
        errors.append(f"{i}: negative with labels")
if errors:
    print("\n".join(errors)); print(f"FAIL: {len(errors)} problems"); sys.exit(1)
print(f"OK: {len(seen)} items {dict(langs)}; {len(ents)} entities, {len(tops)} topics")
