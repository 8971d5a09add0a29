#!/usr/bin/env python3
"""Format checker for the os118 evaluation set (stdlib + PyYAML only)."""
import json, re, sys, collections
import yaml

HERE = '/tmp/os118'
errors = []
wl = yaml.safe_load(open(f'{HERE}/watchlist.yaml', encoding='utf-8'))
ent_ids = [e['id'] for e in wl['entities']]
top_ids = [t['id'] for t in wl['topics']]
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
for i in ent_ids + top_ids:
    if not slug.match(i):
        errors.append(f'bad slug {i}')
if len(set(ent_ids)) != len(ent_ids) or len(set(top_ids)) != len(top_ids):
    errors.append('duplicate watchlist ids')
for e in wl['entities']:
    if not e.get('aliases'):
        errors.append(f'{e["id"]}: no aliases')
ents, tops = set(ent_ids), set(top_ids)
seen = set()
langs = collections.Counter()
kinds = collections.Counter()
KEYS = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
n = 0
for ln, line in enumerate(open(f'{HERE}/os118.jsonl', encoding='utf-8'), 1):
    if not line.strip():
        continue
    n += 1
    try:
        d = json.loads(line)
    except Exception as ex:
        errors.append(f'line {ln}: bad JSON {ex}')
        continue
    if set(d) != KEYS:
        errors.append(f'line {ln}: keys {sorted(d)}')
        continue
    if not re.match(r'^os118-\d{3}$', d['id']):
        errors.append(f'line {ln}: bad id {d["id"]}')
    if d['id'] in seen:
        errors.append(f'line {ln}: duplicate id {d["id"]}')
    seen.add(d['id'])
    if d['lang'] not in ('en', 'es', 'pt'):
        errors.append(f'line {ln}: bad lang {d["lang"]}')
    langs[d['lang']] += 1
    if not isinstance(d['title'], str) or not d['title'].strip():
        errors.append(f'line {ln}: empty title')
    if not isinstance(d['summary'], str):
        errors.append(f'line {ln}: summary not a string')
    for k, valid in (('entities', ents), ('topics', tops)):
        v = d[k]
        if not isinstance(v, list) or len(set(v)) != len(v):
            errors.append(f'line {ln}: {k} not a list of unique ids')
            continue
        for x in v:
            if x not in valid:
                errors.append(f'line {ln}: unknown {k} id {x}')
    kind = d['note'].split(' ')[0]
    if kind not in ('positive', 'hard-negative', 'negative'):
        errors.append(f'line {ln}: note must start with positive|hard-negative|negative')
    kinds[kind] += 1
    if kind != 'positive' and d['entities']:
        errors.append(f'line {ln}: {kind} item carries entity labels')
if n < 360:
    errors.append(f'only {n} items')
print(f'items {n}; langs {dict(langs)}; kinds {dict(kinds)}; '
      f'{len(ent_ids)} entities, {len(top_ids)} topics')
if errors:
    print('\n'.join(errors))
    sys.exit(1)
print('OK')
