#!/usr/bin/env python3
"""Format checker for the os45 evaluation set (stdlib + PyYAML). Exit 0 when everything passes."""
import json, re, sys
from collections import Counter
import yaml

HERE = '/tmp/os45'
errors = []

# 1. watchlist parses and has the basic shape
with open(f'{HERE}/watchlist.yaml', encoding='utf-8') as f:
    wl = yaml.safe_load(f)
SLUG = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ALLOWED_TOP = {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}
for k in wl:
    if k not in ALLOWED_TOP:
        errors.append(f'watchlist: unknown top-level key {k!r}')
ent_ids = [e['id'] for e in wl['entities']]
top_ids = [t['id'] for t in wl['topics']]
for i in ent_ids + top_ids:
    if not SLUG.match(i):
        errors.append(f'watchlist: bad slug {i!r}')
if len(set(ent_ids)) != len(ent_ids): errors.append('watchlist: duplicate entity ids')
if len(set(top_ids)) != len(top_ids): errors.append('watchlist: duplicate topic ids')
for e in wl['entities']:
    if not e.get('aliases'): errors.append(f'entity {e["id"]}: no aliases')
    if e.get('type') not in {'person', 'organization', 'vessel', 'place', 'event', 'other'}:
        errors.append(f'entity {e["id"]}: bad type')
    if e.get('priority') not in {'low', 'medium', 'high', 'critical'}:
        errors.append(f'entity {e["id"]}: bad priority')
def walk(cond, tid):
    if isinstance(cond, list):
        for c in cond: walk(c, tid)
    elif isinstance(cond, dict):
        if 'entity' in cond and cond['entity'] != '*' and cond['entity'] not in ent_ids:
            errors.append(f'topic {tid}: unknown entity {cond["entity"]!r}')
        for v in cond.values():
            if isinstance(v, (list, dict)): walk(v, tid)
for t in wl['topics']:
    walk(t['rule'], t['id'])
if not 14 <= len(ent_ids) <= 17: errors.append(f'{len(ent_ids)} entities (want 14-17)')
if not 2 <= len(top_ids) <= 3: errors.append(f'{len(top_ids)} topics (want 2-3)')

# 2. items
ids, langs, kinds = set(), Counter(), Counter()
ent_c, top_c = Counter(), Counter()
KEYS = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
with open(f'{HERE}/os45.jsonl', encoding='utf-8') as f:
    for n, line in enumerate(f, 1):
        try:
            it = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f'line {n}: bad JSON: {e}'); continue
        if set(it) != KEYS: errors.append(f'line {n}: keys {sorted(it)}')
        if not re.match(r'^os45-\d{3}$', it.get('id', '')): errors.append(f'line {n}: bad id {it.get("id")!r}')
        if it['id'] in ids: errors.append(f'line {n}: duplicate id {it["id"]}')
        ids.add(it['id'])
        if it['lang'] not in {'en', 'es', 'pt'}: errors.append(f'{it["id"]}: bad lang')
        if not it['title'].strip(): errors.append(f'{it["id"]}: empty title')
        for e in it['entities']:
            if e not in ent_ids: errors.append(f'{it["id"]}: unknown entity {e}')
        for t in it['topics']:
            if t not in top_ids: errors.append(f'{it["id"]}: unknown topic {t}')
        if len(set(it['entities'])) != len(it['entities']) or len(set(it['topics'])) != len(it['topics']):
            errors.append(f'{it["id"]}: duplicate label')
        m = re.match(r'^(positive|hard-negative|negative) \(.+\)$', it['note'])
        if not m: errors.append(f'{it["id"]}: bad note'); continue
        kind = m.group(1)
        if kind != 'positive' and it['entities']:
            errors.append(f'{it["id"]}: {kind} with entities')
        langs[it['lang']] += 1; kinds[kind] += 1
        ent_c.update(it['entities']); top_c.update(it['topics'])

if len(ids) < 360: errors.append(f'only {len(ids)} items')
for e in ent_ids:
    if ent_c[e] == 0: errors.append(f'entity {e} never labelled')

print('items', len(ids), dict(langs), dict(kinds))
print('entities', dict(sorted(ent_c.items())))
print('topics', dict(sorted(top_c.items())))
if errors:
    print('FAIL'); print('\n'.join(errors)); sys.exit(1)
print('OK')
