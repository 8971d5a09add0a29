#!/usr/bin/env python3
"""Format checker for the os83 evaluation set (does not run or score any matcher)."""
import json, re, sys, collections
import yaml

HERE = __file__.rsplit('/', 1)[0] or '.'
errors = []
wl = yaml.safe_load(open(f'{HERE}/watchlist.yaml', encoding='utf-8'))
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
if not isinstance(wl.get('watchlist'), str): errors.append('watchlist: missing slug')
ent_ids = [e['id'] for e in wl.get('entities', [])]
top_ids = [t['id'] for t in wl.get('topics', [])]
for i in ent_ids + top_ids:
    if not slug.match(i): errors.append(f'bad slug {i}')
for name, ids in (('entity', ent_ids), ('topic', top_ids)):
    for i, c in collections.Counter(ids).items():
        if c > 1: errors.append(f'duplicate {name} id {i}')
allowed_top = {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}
for k in wl:
    if k not in allowed_top: errors.append(f'unknown top-level key {k}')
for e in wl['entities']:
    if not e.get('aliases'): errors.append(f'{e["id"]}: no aliases')
    if e.get('type') not in {'person', 'organization', 'vessel', 'place', 'event', 'other'}:
        errors.append(f'{e["id"]}: bad type')
    if e.get('priority') not in {'low', 'medium', 'high', 'critical'}:
        errors.append(f'{e["id"]}: bad priority')
def walk(c, path):
    if isinstance(c, dict):
        if 'entity' in c and c['entity'] != '*' and c['entity'] not in ent_ids:
            errors.append(f'{path}: unknown entity {c["entity"]}')
        for k, v in c.items(): walk(v, f'{path}.{k}')
    elif isinstance(c, list):
        for j, v in enumerate(c): walk(v, f'{path}[{j}]')
for t in wl['topics']:
    walk(t.get('rule'), f'topics.{t["id"]}')
ents, tops = set(ent_ids), set(top_ids)
seen = set(); n = 0
langs = collections.Counter()
for ln, line in enumerate(open(f'{HERE}/os83.jsonl', encoding='utf-8'), 1):
    try: d = json.loads(line)
    except Exception as ex: errors.append(f'line {ln}: bad json {ex}'); continue
    n += 1
    for k in ('id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'):
        if k not in d: errors.append(f'line {ln}: missing {k}')
    if d.get('id') in seen: errors.append(f'line {ln}: duplicate id {d.get("id")}')
    seen.add(d.get('id'))
    if not re.match(r'^os83-\d{3}$', d.get('id', '')): errors.append(f'line {ln}: bad id')
    if d.get('lang') not in ('en', 'es', 'pt'): errors.append(f'line {ln}: bad lang')
    langs[d.get('lang')] += 1
    if not d.get('title', '').strip(): errors.append(f'line {ln}: empty title')
    for e in d.get('entities', []):
        if e not in ents: errors.append(f'line {ln}: unknown entity {e}')
    for t in d.get('topics', []):
        if t not in tops: errors.append(f'line {ln}: unknown topic {t}')
    if len(set(d.get('entities', []))) != len(d.get('entities', [])): errors.append(f'line {ln}: repeated entity')
    if not re.match(r'^(positive|hard-negative|negative) \(', d.get('note', '')): errors.append(f'line {ln}: bad note')
    if not d['note'].startswith('positive') and d['entities']: errors.append(f'line {ln}: negative with entities')
if n < 360: errors.append(f'only {n} items')
if errors:
    print('\n'.join(errors)); sys.exit(1)
print(f'OK: {n} items {dict(langs)}; {len(ent_ids)} entities, {len(top_ids)} topics')
