#!/usr/bin/env python3
"""Format checker for the os93 blind evaluation set (does not score anything)."""
import json, re, sys, collections
import yaml

HERE = '/tmp/os93'
errors = []
wl = yaml.safe_load(open(f'{HERE}/watchlist.yaml', encoding='utf8'))
allowed_top = {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}
if set(wl) - allowed_top:
    errors.append(f'unknown top-level keys: {set(wl) - allowed_top}')
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ent_ids = [e['id'] for e in wl['entities']]
top_ids = [t['id'] for t in wl['topics']]
for i in ent_ids + top_ids:
    if not slug.match(i):
        errors.append(f'bad slug {i}')
if len(set(ent_ids + top_ids)) != len(ent_ids + top_ids):
    errors.append('duplicate entity/topic id')
for e in wl['entities']:
    if not e.get('aliases'):
        errors.append(f'{e["id"]}: no aliases')
    if e.get('type') not in {'person', 'organization', 'vessel', 'place', 'event', 'other'}:
        errors.append(f'{e["id"]}: bad type')
    if e.get('priority') not in {'low', 'medium', 'high', 'critical'}:
        errors.append(f'{e["id"]}: bad priority')
    for a in e['aliases']:
        if isinstance(a, dict) and 'alias' not in a:
            errors.append(f'{e["id"]}: alias mapping without alias')

def walk(c):
    if isinstance(c, dict):
        if 'entity' in c and c['entity'] != '*' and c['entity'] not in ent_ids:
            errors.append(f'topic rule names unknown entity {c["entity"]}')
        for v in c.values():
            walk(v)
    elif isinstance(c, list):
        for v in c:
            walk(v)
for t in wl['topics']:
    walk(t['rule'])

ids = set()
langs = collections.Counter()
kinds = collections.Counter()
keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
n = 0
for ln, line in enumerate(open(f'{HERE}/os93.jsonl', encoding='utf8'), 1):
    n += 1
    try:
        it = json.loads(line)
    except Exception as ex:
        errors.append(f'line {ln}: bad json {ex}'); continue
    if set(it) != keys:
        errors.append(f'line {ln}: keys {sorted(it)}')
    if not re.match(r'^os93-\d{3}$', it.get('id', '')):
        errors.append(f'line {ln}: bad id {it.get("id")}')
    if it['id'] in ids:
        errors.append(f'line {ln}: duplicate id {it["id"]}')
    ids.add(it['id'])
    if it['lang'] not in ('en', 'es', 'pt'):
        errors.append(f'line {ln}: bad lang {it["lang"]}')
    langs[it['lang']] += 1
    if not it['title'].strip():
        errors.append(f'line {ln}: empty title')
    for e in it['entities']:
        if e not in ent_ids:
            errors.append(f'line {ln}: unknown entity {e}')
    for t in it['topics']:
        if t not in top_ids:
            errors.append(f'line {ln}: unknown topic {t}')
    if len(set(it['entities'])) != len(it['entities']) or len(set(it['topics'])) != len(it['topics']):
        errors.append(f'line {ln}: duplicate label')
    kind = it['note'].split(' ')[0]
    if kind not in ('positive', 'hard-negative', 'negative'):
        errors.append(f'line {ln}: note must start with positive|hard-negative|negative')
    kinds[kind] += 1
    if kind != 'positive' and it['entities']:
        errors.append(f'line {ln}: {kind} item carries entities')
if n < 360:
    errors.append(f'only {n} items')
print(f'items={n} langs={dict(langs)} kinds={dict(kinds)} entities={len(ent_ids)} topics={len(top_ids)}')
if errors:
    print('\n'.join(errors)); sys.exit(1)
print('OK')
