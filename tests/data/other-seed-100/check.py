#!/usr/bin/env python3
"""Format checker for the os100 set: YAML parses, ids unique, langs valid, labels exist."""
import json, re, sys, collections
import yaml

HERE = __file__.rsplit('/', 1)[0] or '.'
ok = True
def bad(msg):
    global ok
    ok = False
    print('FAIL:', msg)

wl = yaml.safe_load(open(f'{HERE}/watchlist.yaml', encoding='utf-8'))
allowed_top = {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}
for k in wl:
    if k not in allowed_top: bad(f'unknown top-level key {k}')
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ents = {}
for e in wl['entities']:
    if not slug.match(e['id']): bad(f'bad entity id {e["id"]}')
    if e['id'] in ents: bad(f'duplicate entity {e["id"]}')
    ents[e['id']] = e
    if e.get('type') not in {'person','organization','vessel','place','event','other'}: bad(f'type {e["id"]}')
    if e.get('priority') not in {'low','medium','high','critical'}: bad(f'priority {e["id"]}')
    if not e.get('aliases'): bad(f'no aliases {e["id"]}')
    for a in e['aliases']:
        if isinstance(a, dict):
            if 'alias' not in a: bad(f'alias mapping without alias in {e["id"]}')
            if a.get('case', 'any') not in {'any','capitalized','exact'}: bad(f'case in {e["id"]}')
        elif not isinstance(a, str): bad(f'alias type in {e["id"]}: {a!r}')
tops = {}
for t in wl['topics']:
    if not slug.match(t['id']): bad(f'bad topic id {t["id"]}')
    if t['id'] in tops: bad(f'duplicate topic {t["id"]}')
    tops[t['id']] = t
    def walk(c):
        if isinstance(c, dict):
            if 'entity' in c and c['entity'] != '*' and c['entity'] not in ents:
                bad(f'topic {t["id"]} names unknown entity {c["entity"]}')
            for v in c.values(): walk(v)
        elif isinstance(c, list):
            for v in c: walk(v)
        elif isinstance(c, bool):
            bad(f'boolean term in topic {t["id"]}')
    walk(t['rule'])

ids = set(); n = 0
langs = collections.Counter()
for i, line in enumerate(open(f'{HERE}/os100.jsonl', encoding='utf-8'), 1):
    if not line.strip(): continue
    n += 1
    try: o = json.loads(line)
    except Exception as ex: bad(f'line {i}: bad JSON {ex}'); continue
    for k in ('id','lang','title','summary','entities','topics','note'):
        if k not in o: bad(f'line {i}: missing {k}')
    if o['id'] in ids: bad(f'duplicate id {o["id"]}')
    ids.add(o['id'])
    if not re.match(r'^os100-\d{3}$', o['id']): bad(f'id format {o["id"]}')
    if o['lang'] not in ('en','es','pt'): bad(f'{o["id"]}: lang {o["lang"]}')
    langs[o['lang']] += 1
    for e in o['entities']:
        if e not in ents: bad(f'{o["id"]}: unknown entity {e}')
    for t in o['topics']:
        if t not in tops: bad(f'{o["id"]}: unknown topic {t}')
    if len(set(o['entities'])) != len(o['entities']): bad(f'{o["id"]}: repeated entity')
    if not re.match(r'^(positive|hard-negative|negative) \(.+\)$', o['note']): bad(f'{o["id"]}: note')
    if o['note'].startswith('hard-negative') and o['entities']: bad(f'{o["id"]}: hard negative with entities')
    if not o['title'].strip(): bad(f'{o["id"]}: empty title')
print(f'{n} items, langs {dict(langs)}, {len(ents)} entities, {len(tops)} topics')
if n < 360: bad('fewer than 360 items')
print('OK' if ok else 'FAILED')
sys.exit(0 if ok else 1)
