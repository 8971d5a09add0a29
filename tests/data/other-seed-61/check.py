#!/usr/bin/env python3
"""Format checker for the os61 set: YAML parses, ids unique, langs valid,
every label id exists in the watchlist, required fields and types present."""
import json, re, sys, collections
import yaml
HERE = __file__.rsplit('/', 1)[0] or '.'
errs = []
wl = yaml.safe_load(open(f'{HERE}/watchlist.yaml', encoding='utf-8'))
ents = [e['id'] for e in wl.get('entities', [])]
tops = [t['id'] for t in wl.get('topics', [])]
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
for i in ents + tops:
    if not slug.match(i): errs.append(f'bad slug {i}')
for name, ids in (('entity', ents), ('topic', tops)):
    for k, c in collections.Counter(ids).items():
        if c > 1: errs.append(f'duplicate {name} id {k}')
for e in wl['entities']:
    if not e.get('aliases'): errs.append(f'{e["id"]}: no aliases')
    for k in ('name', 'type', 'priority'):
        if k not in e: errs.append(f'{e["id"]}: missing {k}')
    if e.get('type') not in ('person','organization','vessel','place','event','other'):
        errs.append(f'{e["id"]}: bad type')
    if e.get('priority') not in ('low','medium','high','critical'):
        errs.append(f'{e["id"]}: bad priority')
    for a in e['aliases']:
        if isinstance(a, dict):
            if 'alias' not in a: errs.append(f'{e["id"]}: alias mapping without alias')
            if a.get('case', 'any') not in ('any','capitalized','exact'):
                errs.append(f'{e["id"]}: bad case {a.get("case")}')
ENTS, TOPS = set(ents), set(tops)
seen = set(); n = 0
keys = {'id','lang','title','summary','entities','topics','note'}
for ln, line in enumerate(open(f'{HERE}/os61.jsonl', encoding='utf-8'), 1):
    try:
        o = json.loads(line)
    except Exception as ex:
        errs.append(f'line {ln}: bad json {ex}'); continue
    n += 1
    if set(o) != keys: errs.append(f'line {ln}: keys {sorted(o)}')
    if o.get('id') in seen: errs.append(f'line {ln}: duplicate id {o.get("id")}')
    seen.add(o.get('id'))
    if not re.match(r'^os61-\d{3}$', o.get('id','')): errs.append(f'line {ln}: bad id')
    if o.get('lang') not in ('en','es','pt'): errs.append(f'line {ln}: bad lang')
    if not isinstance(o.get('title'), str) or not o['title'].strip(): errs.append(f'line {ln}: empty title')
    if not isinstance(o.get('summary'), str): errs.append(f'line {ln}: summary not str')
    for k, S in (('entities', ENTS), ('topics', TOPS)):
        v = o.get(k)
        if not isinstance(v, list): errs.append(f'line {ln}: {k} not list'); continue
        if len(set(v)) != len(v): errs.append(f'line {ln}: duplicate {k}')
        for x in v:
            if x not in S: errs.append(f'line {ln}: unknown {k[:-1]} {x}')
    if not re.match(r'^(positive|hard-negative|negative) \(.+\)$', o.get('note','')):
        errs.append(f'line {ln}: bad note')
    if o.get('note','').startswith('hard-negative') and o.get('entities'):
        errs.append(f'line {ln}: hard negative with entities')
if n < 360: errs.append(f'only {n} items')
print(f'{n} items, {len(ents)} entities, {len(tops)} topics')
if errs:
    print('\n'.join(errs)); sys.exit(1)
print('OK')
