"""Format checker for the os31 set: python check.py [dir]"""
import json, re, sys, os, collections
import yaml

d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
errs = []
wl = yaml.safe_load(open(os.path.join(d, 'watchlist.yaml'), encoding='utf-8'))
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ents = [e['id'] for e in wl.get('entities', [])]
tops = [t['id'] for t in wl.get('topics', [])]
for kind, ids in (('entity', ents), ('topic', tops)):
    for i, n in collections.Counter(ids).items():
        if n > 1: errs.append(f'duplicate {kind} id {i}')
        if not slug.match(i): errs.append(f'bad {kind} slug {i}')
for e in wl['entities']:
    if not e.get('aliases'): errs.append(f'{e["id"]}: no aliases')
    if e.get('type') not in {'person', 'organization', 'vessel', 'place', 'event', 'other'}:
        errs.append(f'{e["id"]}: bad type')
    if e.get('priority') not in {'low', 'medium', 'high', 'critical'}:
        errs.append(f'{e["id"]}: bad priority')
    for a in e['aliases']:
        if isinstance(a, dict) and 'alias' not in a: errs.append(f'{e["id"]}: alias mapping without alias')
E, T = set(ents), set(tops)
seen, n, langs, kinds = set(), 0, collections.Counter(), collections.Counter()
keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
for ln, line in enumerate(open(os.path.join(d, 'os31.jsonl'), encoding='utf-8'), 1):
    try:
        o = json.loads(line)
    except Exception as ex:
        errs.append(f'line {ln}: bad JSON {ex}'); continue
    n += 1
    if set(o) != keys: errs.append(f'line {ln}: keys {sorted(set(o) ^ keys)}')
    if not re.match(r'^os31-\d{3}$', str(o.get('id'))): errs.append(f'line {ln}: bad id {o.get("id")}')
    if o.get('id') in seen: errs.append(f'line {ln}: duplicate id {o["id"]}')
    seen.add(o.get('id'))
    if o.get('lang') not in {'en', 'es', 'pt'}: errs.append(f'line {ln}: bad lang {o.get("lang")}')
    langs[o.get('lang')] += 1
    if not isinstance(o.get('title'), str) or not o['title'].strip(): errs.append(f'line {ln}: empty title')
    if not isinstance(o.get('summary'), str): errs.append(f'line {ln}: summary not a string')
    for k, S in (('entities', E), ('topics', T)):
        v = o.get(k)
        if not isinstance(v, list): errs.append(f'line {ln}: {k} not a list'); continue
        for x in v:
            if x not in S: errs.append(f'line {ln}: unknown {k[:-1]} id {x}')
        if len(set(v)) != len(v): errs.append(f'line {ln}: repeated {k}')
    kind = str(o.get('note', '')).split(' ')[0]
    if kind not in {'positive', 'hard-negative', 'negative'}: errs.append(f'line {ln}: bad note kind {kind!r}')
    kinds[kind] += 1
    if kind == 'positive' and not o['entities'] and not o['topics']:
        errs.append(f'line {ln}: positive with no label')
    if kind != 'positive' and o['entities']:
        errs.append(f'line {ln}: {kind} with entity labels')
for e in errs: print('ERROR', e)
print(f'{n} items; langs {dict(langs)}; kinds {dict(kinds)}; {len(E)} entities, {len(T)} topics')
sys.exit(1 if errs else 0)
