"""Format checker for the os92 blind set: YAML parses, ids unique, langs valid, labels exist."""
import json, re, sys, collections
import yaml

def main():
    ok = True
    wl = yaml.safe_load(open("/tmp/os92/watchlist.yaml", encoding="utf-8"))
    for key in ("watchlist", "entities", "topics"):
        if key not in wl:
            print("watchlist: missing", key); ok = False
    slug = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
    ents = [e["id"] for e in wl["entities"]]
    tops = [t["id"] for t in wl["topics"]]
    for i in ents + tops:
        if not slug.match(i):
            print("bad slug", i); ok = False
    if len(set(ents + tops)) != len(ents + tops):
        print("duplicate entity/topic id"); ok = False
    for e in wl["entities"]:
        if not e.get("aliases"):
            print("entity without aliases", e["id"]); ok = False
    seen = set()
    need = {"id", "lang", "title", "summary", "entities", "topics", "note"}
    cnt = collections.Counter()
    for n, line in enumerate(open("/tmp/os92/os92.jsonl", encoding="utf-8"), 1):
        r = json.loads(line)
        if set(r) != need:
            print(n, "keys", sorted(set(r) ^ need)); ok = False
        if r["id"] in seen:
            print(n, "duplicate id", r["id"]); ok = False
        seen.add(r["id"])
        if not re.match(r"^os92-\d{3}$", r["id"]):
            print(n, "bad id", r["id"]); ok = False
        if r["lang"] not in ("en", "es", "pt"):
            print(n, "bad lang", r["lang"]); ok = False
        for x in r["entities"]:
            if x not in ents:
                print(n, "unknown entity", x); ok = False
        for x in r["topics"]:
            if x not in tops:
                print(n, "unknown topic", x); ok = False
        if len(set(r["entities"])) != len(r["entities"]) or len(set(r["topics"])) != len(r["topics"]):
            print(n, "duplicate label"); ok = False
        kind = r["note"].split(" ")[0]
        if kind not in ("positive", "hard-negative", "negative"):
            print(n, "bad note", r["note"]); ok = False
        if kind == "positive" and not r["entities"]:
            print(n, "positive without entity"); ok = False
        if kind != "positive" and r["entities"]:
            print(n, "negative with entity"); ok = False
        nw = len(r["title"].split())
        if not 3 <= nw <= 20:
            print(n, "title length", nw, r["title"]); ok = False
        cnt[r["lang"]] += 1
    print("items", sum(cnt.values()), dict(cnt), "entities", len(ents), "topics", len(tops))
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1

sys.exit(main())
