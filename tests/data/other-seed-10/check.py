#!/usr/bin/env python3
"""Format checker for the os10 evaluation set (stdlib + PyYAML only)."""
import json, re, sys, collections
import yaml

HERE = __file__.rsplit('/', 1)[0] if '/' in __file__ else '.'
errors = []
wl = yaml.safe_load(open(f'{HERE}/watchlist.yaml', encoding='utf-8'))
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ents = [e['id'] for e in wl.get('entities', [])]
tops = [t['id'] for t in wl.get('topics', [])]
for i in ents + tops:
    if not slug.match(i): errors.append(f'bad slug {i}')
for name, ids in (('entity', ents), ('topic', tops)):
    for i, c in collections.Counter(ids).items():
        if c > 1: errors.append(f'duplicate {name} id {i}')
for e in wl['entities']:
    if not e.get('aliases'): errors.append(f'{e["id"]}: no aliases')
    for a in e['aliases']:
        if isinstance(a, dict) and 'alias' not in a: errors.append(f'{e["id"]}: alias mapping without alias')
E, T = set(ents), set(tops)
seen = set()
langs = collections.Counter()
keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
for n, line in enumerate(open(f'{HERE}/os10.jsonl', encoding='utf-8'), 1):
    try:
        o = json.loads(line)
    except Exception as x:
        errors.append(f'line {n}: bad JSON {x}'); continue
    if set(o) != keys: errors.append(f'line {n}: keys {sorted(o)}')
    if o.get('id') in seen: errors.append(f'line {n}: duplicate id {o.get("id")}')
    seen.add(o.get('id'))
    if not re.match(r'^os10-\d{3}$', str(o.get('id'))): errors.append(f'line {n}: bad id')
    if o.get('lang') not in ('en', 'es', 'pt'): errors.append(f'line {n}: bad lang')
    langs[o.get('lang')] += 1
    if not isinstance(o.get('title'), str) or not o['title'].strip(): errors.append(f'line {n}: empty title')
    if not isinstance(o.get('summary'), str): errors.append(f'line {n}: summary not a string')
    for k, valid in (('entities', E), ('topics', T)):
        v = o.get(k)
        if not isinstance(v, list): errors.append(f'line {n}: {k} not a list'); continue
        for x in v:
            if x not in valid: errors.append(f'line {n}: unknown {k} id {x}')
        if len(set(v)) != len(v): errors.append(f'line {n}: repeated {k} id')
    note = o.get('note', '')
    kind = note.split(' ', 1)[0]
    if kind not in ('positive', 'hard-negative', 'negative'): errors.append(f'line {n}: bad note kind')
    if kind == 'positive' and not o.get('entities'): errors.append(f'line {n}: positive without entity')
    if kind != 'positive' and o.get('entities'): errors.append(f'line {n}: {kind} with entities')
if len(seen) < 360: errors.append(f'only {len(seen)} items')
for e in errors: print('ERROR', e)
print(f'{len(seen)} items {dict(langs)}; {len(E)} entities, {len(T)} topics; {"FAIL" if errors else "OK"}')
sys.exit(1 if errors else 0)
