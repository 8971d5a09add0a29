#!/usr/bin/env python3
"""Format checker for os70: YAML parses, ids unique, langs valid, labels exist in the watchlist."""
import json, re, sys, collections
import yaml
HERE = __file__.rsplit('/', 1)[0] or '.'
wl = yaml.safe_load(open(f'{HERE}/watchlist.yaml', encoding='utf-8'))
errs = []
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ents = [e['id'] for e in wl['entities']]
tops = [t['id'] for t in wl['topics']]
for i in ents + tops:
    if not slug.match(i): errs.append(f'bad slug {i}')
for name, ids in (('entity', ents), ('topic', tops)):
    for i, c in collections.Counter(ids).items():
        if c > 1: errs.append(f'duplicate {name} id {i}')
for e in wl['entities']:
    if not e.get('aliases'): errs.append(f'{e["id"]}: no aliases')
    for k in ('type', 'priority'):
        if k not in e: errs.append(f'{e["id"]}: no {k}')
E, T = set(ents), set(tops)
seen = set(); n = 0
for ln, line in enumerate(open(f'{HERE}/os70.jsonl', encoding='utf-8'), 1):
    o = json.loads(line); n += 1
    for k in ('id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'):
        if k not in o: errs.append(f'line {ln}: missing {k}')
    if o['id'] in seen: errs.append(f'line {ln}: duplicate id {o["id"]}')
    seen.add(o['id'])
    if o['lang'] not in ('en', 'es', 'pt'): errs.append(f'line {ln}: lang {o["lang"]}')
    if not o['title'].strip(): errs.append(f'line {ln}: empty title')
    for x in o['entities']:
        if x not in E: errs.append(f'line {ln}: unknown entity {x}')
    for x in o['topics']:
        if x not in T: errs.append(f'line {ln}: unknown topic {x}')
    if len(set(o['entities'])) != len(o['entities']): errs.append(f'line {ln}: repeated entity')
    if not re.match(r'^(positive|positive-story|hard-negative|negative) \(', o['note']):
        errs.append(f'line {ln}: note {o["note"][:30]}')
if n < 360: errs.append(f'only {n} items')
print(f'{n} items, {len(E)} entities, {len(T)} topics')
if errs:
    print('\n'.join(errs)); sys.exit(1)
print('OK')
