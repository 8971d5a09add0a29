#!/usr/bin/env python3
"""Format checker for the os67 evaluation set (stdlib + PyYAML)."""
import json, re, sys, collections, yaml
here = sys.argv[1] if len(sys.argv) > 1 else '/tmp/os67'
errs = []
wl = yaml.safe_load(open(f'{here}/watchlist.yaml', encoding='utf-8'))
allowed_top = {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}
for k in wl:
    if k not in allowed_top: errs.append(f'watchlist: unknown top-level key {k}')
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ent_ids = [e['id'] for e in wl['entities']]; top_ids = [t['id'] for t in wl['topics']]
for i in ent_ids + top_ids:
    if not slug.match(i): errs.append(f'bad slug {i}')
if len(set(ent_ids + top_ids)) != len(ent_ids + top_ids): errs.append('duplicate watchlist ids')
for e in wl['entities']:
    if e.get('type') not in {'person','organization','vessel','place','event','other'}: errs.append(f'{e["id"]}: type')
    if e.get('priority') not in {'low','medium','high','critical'}: errs.append(f'{e["id"]}: priority')
    if not e.get('aliases'): errs.append(f'{e["id"]}: no aliases')
    for a in e['aliases']:
        if isinstance(a, dict) and 'alias' not in a: errs.append(f'{e["id"]}: alias mapping without alias')
        if isinstance(a, dict) and a.get('case', 'any') not in {'any','capitalized','exact'}: errs.append(f'{e["id"]}: case')
def walk(c, path):
    if isinstance(c, str): return
    if isinstance(c, list):
        for x in c: walk(x, path)
        return
    if isinstance(c, dict):
        if 'entity' in c:
            if c['entity'] != '*' and c['entity'] not in ent_ids: errs.append(f'{path}: unknown entity {c["entity"]}')
            return
        if 'term' in c: return
        for k, v in c.items():
            if k in ('all_of','any_of','none_of'): walk(v, path)
            elif k == 'near':
                if set(v) - {'terms','within','in_order','across_fields'}: errs.append(f'{path}: near keys')
                walk(v['terms'], path)
            else: errs.append(f'{path}: unknown condition key {k}')
for t in wl['topics']: walk(t['rule'], t['id'])
ids = set(); langs = collections.Counter()
need = {'id','lang','title','summary','entities','topics','note'}
with open(f'{here}/os67.jsonl', encoding='utf-8') as f:
    for n, line in enumerate(f, 1):
        try: o = json.loads(line)
        except Exception as ex: errs.append(f'line {n}: json {ex}'); continue
        if set(o) != need: errs.append(f'line {n}: keys {sorted(o)}')
        if o['id'] in ids: errs.append(f'line {n}: duplicate id {o["id"]}')
        ids.add(o['id'])
        if not re.match(r'^os67-\d{3}$', o['id']): errs.append(f'line {n}: id format')
        if o['lang'] not in ('en','es','pt'): errs.append(f'line {n}: lang {o["lang"]}')
        langs[o['lang']] += 1
        if not o['title'].strip(): errs.append(f'line {n}: empty title')
        for e in o['entities']:
            if e not in ent_ids: errs.append(f'line {n}: unknown entity {e}')
        for t in o['topics']:
            if t not in top_ids: errs.append(f'line {n}: unknown topic {t}')
        if len(set(o['entities'])) != len(o['entities']) or len(set(o['topics'])) != len(o['topics']):
            errs.append(f'line {n}: duplicate label')
        if not re.match(r'^(positive|hard-negative|negative) \(.+\)$', o['note']): errs.append(f'line {n}: note format')
print('items:', len(ids), dict(langs), '| entities:', len(ent_ids), '| topics:', len(top_ids))
if errs:
    print('\n'.join(errs)); sys.exit(1)
print('OK')
