#!/usr/bin/env python3
"""Format checker for the os47 evaluation set (no scoring)."""
import json, re, sys, collections
import yaml

HERE = '/tmp/os47'
errs = []
wl = yaml.safe_load(open(f'{HERE}/watchlist.yaml', encoding='utf-8'))
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ents = [e['id'] for e in wl.get('entities', [])]
tops = [t['id'] for t in wl.get('topics', [])]
for x in ents + tops:
    if not slug.match(x): errs.append(f'bad slug {x}')
if len(set(ents)) != len(ents): errs.append('duplicate entity id')
if len(set(tops)) != len(tops): errs.append('duplicate topic id')
for e in wl['entities']:
    if not e.get('aliases'): errs.append(f'{e["id"]}: no aliases')
    if e.get('type') not in {'person','organization','vessel','place','event','other'}: errs.append(f'{e["id"]}: type')
    if e.get('priority') not in {'low','medium','high','critical'}: errs.append(f'{e["id"]}: priority')
if not 14 <= len(ents) <= 17: errs.append(f'{len(ents)} entities')
if not 2 <= len(tops) <= 3: errs.append(f'{len(tops)} topics')
E, T = set(ents), set(tops)
ids = set(); langs = collections.Counter(); kinds = collections.Counter()
KEYS = {"id","lang","title","summary","entities","topics","note"}
for n, line in enumerate(open(f'{HERE}/os47.jsonl', encoding='utf-8'), 1):
    try: r = json.loads(line)
    except Exception as ex: errs.append(f'line {n}: {ex}'); continue
    if set(r) != KEYS: errs.append(f'line {n}: keys {sorted(r)}')
    if not re.match(r'^os47-\d{3}$', r.get('id','')): errs.append(f'line {n}: id')
    if r['id'] in ids: errs.append(f'line {n}: duplicate id {r["id"]}')
    ids.add(r['id'])
    if r['lang'] not in ('en','es','pt'): errs.append(f'line {n}: lang')
    langs[r['lang']] += 1
    if not r['title'].strip(): errs.append(f'line {n}: empty title')
    if not isinstance(r['summary'], str): errs.append(f'line {n}: summary')
    for x in r['entities']:
        if x not in E: errs.append(f'line {n}: unknown entity {x}')
    for x in r['topics']:
        if x not in T: errs.append(f'line {n}: unknown topic {x}')
    k = r['note'].split(' ')[0]
    if k not in ('positive','hard-negative','negative'): errs.append(f'line {n}: note kind')
    kinds[k] += 1
    if k == 'positive' and not (r['entities'] or r['topics']): errs.append(f'line {n}: positive with no label')
    if k == 'negative' and (r['entities'] or r['topics']): errs.append(f'line {n}: negative with labels')
    if k == 'hard-negative' and r['entities']: errs.append(f'line {n}: hard negative with entity')
total = sum(langs.values())
if total < 360: errs.append(f'only {total} items')
print('items', total, dict(langs), dict(kinds))
if errs:
    print('\n'.join(errs)); sys.exit(1)
print('OK')
