#!/usr/bin/env python3
"""Format checker for the os62 set: YAML parses, ids unique, langs valid, labels exist."""
import json, re, sys
from pathlib import Path
import yaml

HERE = Path(__file__).resolve().parent
errors = []
wl = yaml.safe_load((HERE / 'watchlist.yaml').read_text(encoding='utf-8'))
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
    errors.append('duplicate entity/topic ids')
for e in wl['entities']:
    if not e.get('aliases'):
        errors.append(f'{e["id"]}: no aliases')
    if e.get('type') not in {'person', 'organization', 'vessel', 'place', 'event', 'other'}:
        errors.append(f'{e["id"]}: bad type')
    if e.get('priority') not in {'low', 'medium', 'high', 'critical'}:
        errors.append(f'{e["id"]}: bad priority')
    for a in e['aliases']:
        if isinstance(a, dict) and a.get('case', 'any') not in {'any', 'capitalized', 'exact'}:
            errors.append(f'{e["id"]}: bad case {a}')

def walk(cond):
    if isinstance(cond, dict):
        if 'entity' in cond and cond['entity'] != '*' and cond['entity'] not in ent_ids:
            errors.append(f'topic refers to unknown entity {cond["entity"]}')
        for v in cond.values():
            walk(v)
    elif isinstance(cond, list):
        for v in cond:
            walk(v)
for t in wl['topics']:
    walk(t['rule'])

ids = set()
n = 0
langs = {}
for ln, line in enumerate((HERE / 'os62.jsonl').read_text(encoding='utf-8').splitlines(), 1):
    o = json.loads(line)
    n += 1
    keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
    if set(o) != keys:
        errors.append(f'line {ln}: keys {set(o) ^ keys}')
    if o['id'] in ids:
        errors.append(f'line {ln}: duplicate id {o["id"]}')
    ids.add(o['id'])
    if not re.match(r'^os62-\d{3}$', o['id']):
        errors.append(f'line {ln}: bad id {o["id"]}')
    if o['lang'] not in {'en', 'es', 'pt'}:
        errors.append(f'line {ln}: bad lang {o["lang"]}')
    langs[o['lang']] = langs.get(o['lang'], 0) + 1
    for e in o['entities']:
        if e not in ent_ids:
            errors.append(f'line {ln}: unknown entity {e}')
    for t in o['topics']:
        if t not in top_ids:
            errors.append(f'line {ln}: unknown topic {t}')
    if not re.match(r'^(positive|hard-negative|negative) \(.+\)$', o['note']):
        errors.append(f'line {ln}: bad note {o["note"]}')
    if not o['title'].strip():
        errors.append(f'line {ln}: empty title')

if errors:
    print('\n'.join(errors))
    sys.exit(1)
print(f'OK: {n} items {langs}, {len(ent_ids)} entities, {len(top_ids)} topics')
