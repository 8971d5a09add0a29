#!/usr/bin/env python3
"""Format checker for the os79 evaluation set (no scoring)."""
import json, sys, re, collections, os
import yaml
HERE = os.path.dirname(os.path.abspath(__file__))
errs = []
wl = yaml.safe_load(open(os.path.join(HERE, 'watchlist.yaml'), encoding='utf-8'))
ent_ids = [e['id'] for e in wl['entities']]
top_ids = [t['id'] for t in wl['topics']]
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
for i in ent_ids + top_ids:
    if not slug.match(i): errs.append(f'bad slug {i}')
if len(set(ent_ids)) != len(ent_ids): errs.append('duplicate entity id')
if len(set(top_ids)) != len(top_ids): errs.append('duplicate topic id')
for e in wl['entities']:
    if not e.get('aliases'): errs.append(f'{e["id"]}: no aliases')
    if e.get('type') not in {'person','organization','vessel','place','event','other'}: errs.append(f'{e["id"]}: bad type')
    if e.get('priority') not in {'low','medium','high','critical'}: errs.append(f'{e["id"]}: bad priority')
def walk(c):
    if isinstance(c, list):
        for x in c: walk(x)
    elif isinstance(c, dict):
        if 'entity' in c and c['entity'] != '*' and c['entity'] not in ent_ids: errs.append(f'topic refers to unknown entity {c["entity"]}')
        for v in c.values(): walk(v)
for t in wl['topics']: walk(t['rule'])
ids = set(); c = collections.Counter()
keys = {'id','lang','title','summary','entities','topics','note'}
for n, line in enumerate(open(os.path.join(HERE, 'os79.jsonl'), encoding='utf-8'), 1):
    try: d = json.loads(line)
    except Exception as ex: errs.append(f'line {n}: {ex}'); continue
    if set(d) != keys: errs.append(f'line {n}: keys {sorted(d)}')
    if d['id'] in ids: errs.append(f'line {n}: duplicate id {d["id"]}')
    ids.add(d['id'])
    if not re.match(r'^os79-\d{3}$', d['id']): errs.append(f'line {n}: bad id')
    if d['lang'] not in ('en','es','pt'): errs.append(f'line {n}: bad lang')
    if not d['title'].strip(): errs.append(f'line {n}: empty title')
    for e in d['entities']:
        if e not in ent_ids: errs.append(f'line {n}: unknown entity {e}')
    for t in d['topics']:
        if t not in top_ids: errs.append(f'line {n}: unknown topic {t}')
    if len(set(d['entities'])) != len(d['entities']) or len(set(d['topics'])) != len(d['topics']): errs.append(f'line {n}: duplicate label')
    kind = d['note'].split(' ')[0]
    if kind not in ('positive','hard-negative','negative'): errs.append(f'line {n}: bad note')
    if kind == 'positive' and not d['entities']: errs.append(f'line {n}: positive without entity')
    if kind != 'positive' and d['entities']: errs.append(f'line {n}: negative with entity')
    c[d['lang']] += 1
if errs:
    print('\n'.join(errs)); sys.exit(1)
print(f'OK: {len(ids)} items {dict(c)}; {len(ent_ids)} entities, {len(top_ids)} topics')
