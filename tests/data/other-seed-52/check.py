#!/usr/bin/env python3
"""Format checker for os52: YAML parses, ids unique, langs valid, label ids exist."""
import json, re, sys, pathlib, collections
import yaml
HERE = pathlib.Path(__file__).resolve().parent
errors = []
wl = yaml.safe_load((HERE / 'watchlist.yaml').read_text(encoding='utf-8'))
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
allowed_top = {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}
for k in wl:
    if k not in allowed_top:
        errors.append(f'watchlist: unknown top-level key {k}')
ents = [e['id'] for e in wl['entities']]
tops = [t['id'] for t in wl['topics']]
for i in ents + tops:
    if not slug.match(i):
        errors.append(f'bad slug {i}')
for name, ids in (('entity', ents), ('topic', tops)):
    for i, c in collections.Counter(ids).items():
        if c > 1:
            errors.append(f'duplicate {name} id {i}')
for e in wl['entities']:
    if not e.get('aliases'):
        errors.append(f'{e["id"]}: no aliases')
    if e.get('type') not in {'person', 'organization', 'vessel', 'place', 'event', 'other'}:
        errors.append(f'{e["id"]}: bad type')
    if e.get('priority') not in {'low', 'medium', 'high', 'critical'}:
        errors.append(f'{e["id"]}: bad priority')
def walk(cond):
    if isinstance(cond, dict):
        if 'entity' in cond and cond['entity'] != '*' and cond['entity'] not in ents:
            errors.append(f'topic rule names unknown entity {cond["entity"]}')
        for v in cond.values():
            walk(v)
    elif isinstance(cond, list):
        for v in cond:
            walk(v)
for t in wl['topics']:
    walk(t['rule'])
ent_set, top_set = set(ents), set(tops)
ids = set()
keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
n = 0
for ln, line in enumerate((HERE / 'os52.jsonl').read_text(encoding='utf-8').splitlines(), 1):
    n += 1
    try:
        it = json.loads(line)
    except Exception as ex:
        errors.append(f'line {ln}: bad JSON {ex}'); continue
    if set(it) != keys:
        errors.append(f'line {ln}: keys {sorted(it)}')
    if it['id'] in ids:
        errors.append(f'line {ln}: duplicate id {it["id"]}')
    ids.add(it['id'])
    if not re.match(r'^os52-\d{3}$', it['id']):
        errors.append(f'line {ln}: bad id')
    if it['lang'] not in {'en', 'es', 'pt'}:
        errors.append(f'line {ln}: bad lang')
    if not it['title'].strip():
        errors.append(f'line {ln}: empty title')
    for e in it['entities']:
        if e not in ent_set:
            errors.append(f'line {ln}: unknown entity {e}')
    for t in it['topics']:
        if t not in top_set:
            errors.append(f'line {ln}: unknown topic {t}')
    if len(set(it['entities'])) != len(it['entities']) or len(set(it['topics'])) != len(it['topics']):
        errors.append(f'line {ln}: repeated label')
    if not re.match(r'^(positive|hard-negative|negative)\b', it['note']):
        errors.append(f'line {ln}: bad note')
    if it['note'].startswith(('hard-negative', 'negative')) and it['entities']:
        errors.append(f'line {ln}: negative with entities')
if errors:
    print('\n'.join(errors)); sys.exit(1)
print(f'OK: {n} items, {len(ents)} entities, {len(tops)} topics')
