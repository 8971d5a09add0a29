#!/usr/bin/env python3
"""Format checker for the os39 evaluation set (stdlib + PyYAML only)."""
import json, re, sys, collections
import yaml

HERE = __file__.rsplit('/', 1)[0] or '.'
errors = []
wl = yaml.safe_load(open(f'{HERE}/watchlist.yaml', encoding='utf-8'))
ent_ids = [e['id'] for e in wl.get('entities', [])]
top_ids = [t['id'] for t in wl.get('topics', [])]
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
for i in ent_ids + top_ids:
    if not slug.match(i): errors.append(f'bad slug {i}')
for name, ids in (('entity', ent_ids), ('topic', top_ids)):
    for k, v in collections.Counter(ids).items():
        if v > 1: errors.append(f'duplicate {name} id {k}')
for e in wl['entities']:
    if not e.get('aliases'): errors.append(f'{e["id"]}: no aliases')
    for a in e['aliases']:
        if isinstance(a, dict) and 'alias' not in a: errors.append(f'{e["id"]}: alias mapping without alias')

seen = set(); counts = collections.Counter()
REQ = ['id', 'lang', 'title', 'summary', 'entities', 'topics', 'note']
for n, line in enumerate(open(f'{HERE}/os39.jsonl', encoding='utf-8'), 1):
    try: it = json.loads(line)
    except Exception as ex: errors.append(f'line {n}: bad json {ex}'); continue
    if list(it) != REQ: errors.append(f'line {n}: keys {list(it)}')
    if it['id'] in seen: errors.append(f'line {n}: duplicate id {it["id"]}')
    seen.add(it['id'])
    if not re.match(r'^os39-\d{3}$', it['id']): errors.append(f'line {n}: id format')
    if it['lang'] not in ('en', 'es', 'pt'): errors.append(f'line {n}: lang {it["lang"]}')
    if not it['title'].strip(): errors.append(f'line {n}: empty title')
    for e in it['entities']:
        if e not in ent_ids: errors.append(f'line {n}: unknown entity {e}')
    for t in it['topics']:
        if t not in top_ids: errors.append(f'line {n}: unknown topic {t}')
    if len(set(it['entities'])) != len(it['entities']): errors.append(f'line {n}: repeated entity')
    kind = it['note'].split(' ', 1)[0]
    if kind not in ('positive', 'hard-negative', 'negative'): errors.append(f'line {n}: note kind {kind}')
    if kind == 'positive' and not it['entities']: errors.append(f'line {n}: positive without entity')
    if kind != 'positive' and it['entities']: errors.append(f'line {n}: negative with entity')
    counts[it['lang']] += 1
if errors:
    print('\n'.join(errors)); sys.exit(1)
print(f'OK: {sum(counts.values())} items {dict(counts)}; {len(ent_ids)} entities, {len(top_ids)} topics')
