#!/usr/bin/env python3
"""Format checker for the os54 evaluation set (does not run or score any matcher)."""
import json, re, sys, collections
import yaml

HERE = __file__.rsplit('/', 1)[0] or '.'
errors = []
wl = yaml.safe_load(open(f'{HERE}/watchlist.yaml', encoding='utf-8'))
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ents = [e['id'] for e in wl.get('entities', [])]
tops = [t['id'] for t in wl.get('topics', [])]
for i in ents + tops:
    if not slug.match(i): errors.append(f'bad slug {i}')
for kind, ids in (('entity', ents), ('topic', tops)):
    for i, c in collections.Counter(ids).items():
        if c > 1: errors.append(f'duplicate {kind} id {i}')
if not (14 <= len(ents) <= 17): errors.append(f'{len(ents)} entities (want 14-17)')
if not (2 <= len(tops) <= 3): errors.append(f'{len(tops)} topics (want 2-3)')
for e in wl['entities']:
    if not e.get('aliases'): errors.append(f'{e["id"]}: no aliases')
# entity conditions in topics must name entities of this file
def walk(x):
    if isinstance(x, dict):
        if 'entity' in x and x['entity'] != '*' and x['entity'] not in ents:
            errors.append(f'topic condition names unknown entity {x["entity"]}')
        for v in x.values(): walk(v)
    elif isinstance(x, list):
        for v in x: walk(v)
walk(wl['topics'])

seen = set(); keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
n = 0
for ln, line in enumerate(open(f'{HERE}/os54.jsonl', encoding='utf-8'), 1):
    if not line.strip(): continue
    n += 1
    try: o = json.loads(line)
    except Exception as ex: errors.append(f'line {ln}: bad JSON {ex}'); continue
    if set(o) != keys: errors.append(f'line {ln}: keys {sorted(o)}')
    if not re.match(r'^os54-\d{3}$', o.get('id', '')): errors.append(f'line {ln}: bad id')
    if o.get('id') in seen: errors.append(f'line {ln}: duplicate id {o["id"]}')
    seen.add(o.get('id'))
    if o.get('lang') not in ('en', 'es', 'pt'): errors.append(f'line {ln}: bad lang')
    if not o.get('title', '').strip(): errors.append(f'line {ln}: empty title')
    for e in o.get('entities', []):
        if e not in ents: errors.append(f'line {ln}: unknown entity {e}')
    for t in o.get('topics', []):
        if t not in tops: errors.append(f'line {ln}: unknown topic {t}')
    if len(set(o['entities'])) != len(o['entities']): errors.append(f'line {ln}: repeated entity')
    if o.get('note', '').split(' ')[0] not in ('positive', 'hard-negative', 'negative'):
        errors.append(f'line {ln}: note must start with positive|hard-negative|negative')
    if o['note'].startswith(('hard-negative', 'negative')) and o['entities']:
        errors.append(f'line {ln}: negative with entities')
if n < 360: errors.append(f'only {n} items')
if errors:
    print('\n'.join(errors)); print(f'FAIL ({len(errors)} problems)'); sys.exit(1)
print(f'OK: {n} items, {len(ents)} entities, {len(tops)} topics')
