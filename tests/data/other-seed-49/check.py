#!/usr/bin/env python3
"""Format checker for the os49 set: YAML parses, ids unique, langs valid, labels exist."""
import json, os, re, sys
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
errors, warnings = [], []

wl = yaml.safe_load(open(os.path.join(HERE, 'watchlist.yaml'), encoding='utf-8'))
for key in wl:
    if key not in {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}:
        errors.append(f'watchlist: unknown top-level key {key}')
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ent_ids = [e['id'] for e in wl['entities']]
top_ids = [t['id'] for t in wl['topics']]
for i in ent_ids + top_ids:
    if not slug.match(i):
        errors.append(f'watchlist: bad slug {i}')
if len(set(ent_ids)) != len(ent_ids) or len(set(top_ids)) != len(top_ids):
    errors.append('watchlist: duplicate ids')
for e in wl['entities']:
    if not e.get('aliases'):
        errors.append(f'watchlist: {e["id"]} has no aliases')
    for a in e['aliases']:
        if isinstance(a, dict) and 'alias' not in a:
            errors.append(f'watchlist: {e["id"]} alias mapping without alias')

ids, langs = set(), {'en': 0, 'es': 0, 'pt': 0}
REQ = ['id', 'lang', 'title', 'summary', 'entities', 'topics', 'note']
for n, line in enumerate(open(os.path.join(HERE, 'os49.jsonl'), encoding='utf-8'), 1):
    try:
        r = json.loads(line)
    except ValueError as ex:
        errors.append(f'line {n}: bad JSON {ex}')
        continue
    if list(r) != REQ:
        errors.append(f'line {n}: keys {list(r)}')
    if r['id'] in ids:
        errors.append(f'line {n}: duplicate id {r["id"]}')
    ids.add(r['id'])
    if not re.match(r'^os49-\d{3}$', r['id']):
        errors.append(f'line {n}: bad id {r["id"]}')
    if r['lang'] not in langs:
        errors.append(f'line {n}: bad lang {r["lang"]}')
    else:
        langs[r['lang']] += 1
    for e in r['entities']:
        if e not in ent_ids:
            errors.append(f'line {n}: unknown entity {e}')
    for t in r['topics']:
        if t not in top_ids:
            errors.append(f'line {n}: unknown topic {t}')
    if len(set(r['entities'])) != len(r['entities']) or len(set(r['topics'])) != len(r['topics']):
        errors.append(f'line {n}: duplicate label')
    kind = r['note'].split(' ')[0]
    if kind not in {'positive', 'hard-negative', 'negative'}:
        errors.append(f'line {n}: bad note {r["note"]}')
    if kind in {'hard-negative', 'negative'} and r['entities']:
        errors.append(f'line {n}: {kind} with entities')
    if kind == 'negative' and r['topics']:
        errors.append(f'line {n}: negative with topics')
    if kind == 'positive' and not (r['entities'] or r['topics']):
        warnings.append(f'line {n}: positive without labels ({r["title"]})')
    nw = len(r['title'].split())
    if not 4 <= nw <= 18:
        warnings.append(f'line {n}: title has {nw} words ({r["title"]})')

for w in warnings:
    print('WARN', w)
for e in errors:
    print('ERROR', e)
print(f'{len(ids)} items {langs}; {len(ent_ids)} entities, {len(top_ids)} topics;',
      'OK' if not errors else f'{len(errors)} errors')
sys.exit(1 if errors else 0)
