"""Format checker for the os84 set: YAML parses, ids unique, langs valid, labels exist."""
import json, re, sys, os, collections
import yaml
H = os.path.dirname(os.path.abspath(__file__))
err = []
wl = yaml.safe_load(open(os.path.join(H, 'watchlist.yaml'), encoding='utf-8'))
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
allowed_top = {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}
for k in wl:
    if k not in allowed_top: err.append(f'watchlist: unknown top-level key {k}')
ents = [e['id'] for e in wl['entities']]; tops = [t['id'] for t in wl['topics']]
for i in ents + tops:
    if not slug.match(i): err.append(f'bad slug {i}')
if len(set(ents + tops)) != len(ents + tops): err.append('duplicate entity/topic id')
for e in wl['entities']:
    for k in ('id', 'name', 'type', 'aliases'):
        if k not in e: err.append(f'{e.get("id")}: missing {k}')
    if e.get('type') not in {'person','organization','vessel','place','event','other'}: err.append(f'{e["id"]}: type')
    if e.get('priority', 'medium') not in {'low','medium','high','critical'}: err.append(f'{e["id"]}: priority')
    for a in e['aliases']:
        if isinstance(a, dict):
            if 'alias' not in a: err.append(f'{e["id"]}: alias mapping without alias')
            if a.get('case', 'any') not in {'any','capitalized','exact'}: err.append(f'{e["id"]}: case {a.get("case")}')
        elif not isinstance(a, str): err.append(f'{e["id"]}: alias type {a!r}')
for t in wl['topics']:
    if 'rule' not in t or 'name' not in t: err.append(f'{t["id"]}: missing rule/name')
ids = set(); langs = collections.Counter(); n = 0
for ln, line in enumerate(open(os.path.join(H, 'os84.jsonl'), encoding='utf-8'), 1):
    try: it = json.loads(line)
    except Exception as x: err.append(f'line {ln}: {x}'); continue
    n += 1
    for k in ('id','lang','title','summary','entities','topics','note'):
        if k not in it: err.append(f'line {ln}: missing {k}')
    if it['id'] in ids: err.append(f'dup id {it["id"]}')
    ids.add(it['id'])
    if not re.match(r'^os84-\d{3}$', it['id']): err.append(f'bad id {it["id"]}')
    if it['lang'] not in {'en','es','pt'}: err.append(f'{it["id"]}: lang')
    langs[it['lang']] += 1
    if not it['title'].strip(): err.append(f'{it["id"]}: empty title')
    for e in it['entities']:
        if e not in ents: err.append(f'{it["id"]}: unknown entity {e}')
    for t in it['topics']:
        if t not in tops: err.append(f'{it["id"]}: unknown topic {t}')
    if len(set(it['entities'])) != len(it['entities']) or len(set(it['topics'])) != len(it['topics']):
        err.append(f'{it["id"]}: duplicate label')
    if not re.match(r'^(positive|hard-negative|negative) \(', it['note']): err.append(f'{it["id"]}: note')
if n < 360: err.append(f'only {n} items')
print(f'{n} items, langs {dict(langs)}, {len(ents)} entities, {len(tops)} topics')
if err:
    print('\n'.join(err)); sys.exit(1)
print('OK')
