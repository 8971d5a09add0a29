#!/usr/bin/env python3
"""Format checker for the os65 evaluation set (no scoring)."""
import json, re, sys, collections
import yaml
D='/tmp/os65/'
errors=[]
wl=yaml.safe_load(open(D+'watchlist.yaml',encoding='utf-8'))
ents=[e['id'] for e in wl['entities']]; tops=[t['id'] for t in wl['topics']]
slug=re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
for i in ents+tops:
    if not slug.match(i): errors.append(f'bad slug {i}')
if len(set(ents))!=len(ents) or len(set(tops))!=len(tops): errors.append('duplicate watchlist ids')
for e in wl['entities']:
    if not e.get('aliases'): errors.append(f'{e["id"]}: no aliases')
    for a in e['aliases']:
        if isinstance(a,dict) and 'alias' not in a: errors.append(f'{e["id"]}: alias mapping without alias')
ids=set(); c=collections.Counter()
for n,line in enumerate(open(D+'os65.jsonl',encoding='utf-8'),1):
    try: d=json.loads(line)
    except Exception as x: errors.append(f'line {n}: {x}'); continue
    keys={'id','lang','title','summary','entities','topics','note'}
    if set(d)!=keys: errors.append(f'line {n}: keys {sorted(d)}')
    if not re.match(r'^os65-\d{3}$',d.get('id','')): errors.append(f'line {n}: bad id')
    if d['id'] in ids: errors.append(f'line {n}: duplicate id {d["id"]}')
    ids.add(d['id'])
    if d['lang'] not in ('en','es','pt'): errors.append(f'line {n}: lang {d["lang"]}')
    if not d['title'].strip(): errors.append(f'line {n}: empty title')
    for x in d['entities']:
        if x not in ents: errors.append(f'line {n}: unknown entity {x}')
    for x in d['topics']:
        if x not in tops: errors.append(f'line {n}: unknown topic {x}')
    if len(set(d['entities']))!=len(d['entities']) or len(set(d['topics']))!=len(d['topics']): errors.append(f'line {n}: repeated label')
    kind=d['note'].split(' ')[0]
    if kind not in ('positive','hard-negative','negative'): errors.append(f'line {n}: note kind {kind}')
    if kind=='positive' and not d['entities']: errors.append(f'line {n}: positive without entity')
    if kind!='positive' and d['entities']: errors.append(f'line {n}: {kind} with entity')
    c[d['lang']]+=1
if errors:
    print('\n'.join(errors)); sys.exit(1)
print('OK', len(ids), 'items', dict(c), len(ents), 'entities', len(tops), 'topics')
