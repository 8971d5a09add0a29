#!/usr/bin/env python3
"""Format checker for the os80 evaluation set (no scoring)."""
import json, re, sys, collections
import yaml

HERE = sys.argv[1] if len(sys.argv) > 1 else '/tmp/os80'
errs = []
wl = yaml.safe_load(open(f'{HERE}/watchlist.yaml', encoding='utf-8'))
allowed_top = {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}
for k in wl:
    if k not in allowed_top: errs.append(f'watchlist: unknown top-level key {k}')
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ent_ids = [e['id'] for e in wl['entities']]
top_ids = [t['id'] for t in wl['topics']]
for i in ent_ids + top_ids:
    if not slug.match(i): errs.append(f'bad slug {i}')
if len(set(ent_ids + top_ids)) != len(ent_ids + top_ids): errs.append('duplicate entity/topic ids')
for e in wl['entities']:
    if not e.get('aliases'): errs.append(f'{e["id"]}: no aliases')
    if e.get('type') not in {'person','organization','vessel','place','event','other'}: errs.append(f'{e["id"]}: type')
    if e.get('priority') not in {'low','medium','high','critical'}: errs.append(f'{e["id"]}: priority')
    for a in e['aliases']:
        if isinstance(a, dict):
            if 'alias' not in a: errs.append(f'{e["id"]}: alias mapping without alias')
            if a.get('case', 'any') not in {'any','capitalized','exact'}: errs.append(f'{e["id"]}: case')
# entity references inside topic rules
def walk(x):
    if isinstance(x, dict):
        if 'entity' in x and x['entity'] != '*' and x['entity'] not in ent_ids:
            errs.append(f'topic rule references unknown entity {x["entity"]}')
        for v in x.values(): walk(v)
    elif isinstance(x, list):
        for v in x: walk(v)
for t in wl['topics']: walk(t.get('rule'))

ids = set(); langs = collections.Counter(); n = 0
for ln, line in enumerate(open(f'{HERE}/os80.jsonl', encoding='utf-8'), 1):
    try: d = json.loads(line)
    except Exception as ex: errs.append(f'line {ln}: bad json {ex}'); continue
    n += 1
    for k in ['id','lang','title','summary','entities','topics','note']:
        if k not in d: errs.append(f'line {ln}: missing {k}')
    if d.get('id') in ids: errs.append(f'line {ln}: duplicate id {d.get("id")}')
    ids.add(d.get('id'))
    if not re.match(r'^os80-\d{3}$', d.get('id','')): errs.append(f'line {ln}: id format')
    if d.get('lang') not in {'en','es','pt'}: errs.append(f'line {ln}: lang {d.get("lang")}')
    langs[d.get('lang')] += 1
    if not d.get('title','').strip(): errs.append(f'line {ln}: empty title')
    for e in d.get('entities', []):
        if e not in ent_ids: errs.append(f'line {ln}: unknown entity {e}')
    for t in d.get('topics', []):
        if t not in top_ids: errs.append(f'line {ln}: unknown topic {t}')
    if len(set(d.get('entities',[]))) != len(d.get('entities',[])): errs.append(f'line {ln}: dup entity')
    if not re.match(r'^(positive|hard-negative|negative)\b', d.get('note','')): errs.append(f'line {ln}: note kind')
    if d.get('note','').startswith(('negative','hard-negative')) and d.get('entities'):
        errs.append(f'line {ln}: negative with entities')
if n < 360: errs.append(f'only {n} items')
print(f'{n} items, langs {dict(langs)}, {len(ent_ids)} entities, {len(top_ids)} topics')
if errs:
    print('\n'.join(errs)); sys.exit(1)
print('OK')
