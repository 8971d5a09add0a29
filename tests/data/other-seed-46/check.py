#!/usr/bin/env python3
"""Format checker for the os46 evaluation set (no scoring)."""
import json, re, sys, collections
import yaml

BASE = '/tmp/os46'
errors = []
wl = yaml.safe_load(open(f'{BASE}/watchlist.yaml', encoding='utf-8'))
for key in ('watchlist', 'entities', 'topics'):
    if key not in wl: errors.append(f'watchlist: missing {key}')
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ent_ids = [e['id'] for e in wl['entities']]
top_ids = [t['id'] for t in wl['topics']]
for i in ent_ids + top_ids:
    if not slug.match(i): errors.append(f'bad slug {i}')
if len(set(ent_ids + top_ids)) != len(ent_ids + top_ids): errors.append('duplicate ids in watchlist')
for e in wl['entities']:
    if not e.get('aliases'): errors.append(f'{e["id"]}: no aliases')
    if e.get('type') not in ('person', 'organization', 'vessel', 'place', 'event', 'other'):
        errors.append(f'{e["id"]}: bad type')
    if e.get('priority') not in ('low', 'medium', 'high', 'critical'):
        errors.append(f'{e["id"]}: bad priority')
    for a in e['aliases']:
        if isinstance(a, dict):
            if 'alias' not in a: errors.append(f'{e["id"]}: alias mapping without alias')
            if a.get('case', 'any') not in ('any', 'capitalized', 'exact'):
                errors.append(f'{e["id"]}: bad case')
        elif not isinstance(a, str): errors.append(f'{e["id"]}: bad alias {a!r}')
    for k in ('not_after', 'not_before', 'allow_after'):
        pass
def walk_entities(cond, out):
    if isinstance(cond, dict):
        if 'entity' in cond: out.append(cond['entity'])
        for v in cond.values(): walk_entities(v, out)
    elif isinstance(cond, list):
        for v in cond: walk_entities(v, out)
for t in wl['topics']:
    refs = []; walk_entities(t['rule'], refs)
    for r in refs:
        if r != '*' and r not in ent_ids: errors.append(f'topic {t["id"]}: unknown entity {r}')
ids = set(); langs = collections.Counter(); kinds = collections.Counter()
ec = collections.Counter(); tc = collections.Counter(); n = 0
for ln, line in enumerate(open(f'{BASE}/os46.jsonl', encoding='utf-8'), 1):
    try: it = json.loads(line)
    except Exception as ex: errors.append(f'line {ln}: bad JSON {ex}'); continue
    n += 1
    req = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
    if set(it) != req: errors.append(f'line {ln}: keys {sorted(it)}')
    if not re.match(r'^os46-\d{3}$', it.get('id', '')): errors.append(f'line {ln}: bad id')
    if it['id'] in ids: errors.append(f'line {ln}: duplicate id {it["id"]}')
    ids.add(it['id'])
    if it['lang'] not in ('en', 'es', 'pt'): errors.append(f'line {ln}: bad lang')
    if not it['title'].strip(): errors.append(f'line {ln}: empty title')
    for e in it['entities']:
        if e not in ent_ids: errors.append(f'line {ln}: unknown entity {e}')
    for t in it['topics']:
        if t not in top_ids: errors.append(f'line {ln}: unknown topic {t}')
    if len(set(it['entities'])) != len(it['entities']): errors.append(f'line {ln}: dup entity')
    kind = it['note'].split(' ', 1)[0]
    if kind not in ('positive', 'hard-negative', 'negative'): errors.append(f'line {ln}: bad note')
    if kind != 'positive' and it['entities']: errors.append(f'line {ln}: negative with entities')
    langs[it['lang']] += 1; kinds[kind] += 1
    ec.update(it['entities']); tc.update(it['topics'])
print('items', n, dict(langs), dict(kinds))
print('entities', dict(ec)); print('topics', dict(tc))
print('items with no label', sum(1 for l in open(f'{BASE}/os46.jsonl') if not json.loads(l)['entities'] and not json.loads(l)['topics']))
if errors:
    print('\n'.join(errors)); sys.exit(1)
print('OK')
