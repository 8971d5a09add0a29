#!/usr/bin/env python3
"""Format checker for the os38 set: run with /work/main/.venv/bin/python check.py"""
import json, re, sys, os
import yaml
HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
with open(os.path.join(HERE, 'watchlist.yaml'), encoding='utf-8') as f:
    wl = yaml.safe_load(f)
for key in wl:
    if key not in ('watchlist', 'fuzzy', 'source', 'entities', 'topics'):
        errors.append(f'watchlist: unknown top-level key {key}')
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ents = [e['id'] for e in wl['entities']]
tops = [t['id'] for t in wl['topics']]
for i in ents + tops:
    if not slug.match(i): errors.append(f'bad slug {i}')
if len(set(ents)) != len(ents): errors.append('duplicate entity id')
if len(set(tops)) != len(tops): errors.append('duplicate topic id')
for e in wl['entities']:
    if not e.get('aliases'): errors.append(f'{e["id"]}: no aliases')
    for a in e['aliases']:
        if isinstance(a, dict) and 'alias' not in a: errors.append(f'{e["id"]}: alias mapping without alias')
def walk(c):
    if isinstance(c, dict):
        if 'entity' in c and c['entity'] != '*' and c['entity'] not in ents:
            errors.append(f'topic refers to unknown entity {c["entity"]}')
        for v in c.values(): walk(v)
    elif isinstance(c, list):
        for v in c: walk(v)
for t in wl['topics']: walk(t['rule'])
E, T = set(ents), set(tops)
ids = set(); n = 0
keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
with open(os.path.join(HERE, 'os38.jsonl'), encoding='utf-8') as f:
    for ln, line in enumerate(f, 1):
        try: r = json.loads(line)
        except Exception as ex: errors.append(f'line {ln}: bad JSON {ex}'); continue
        n += 1
        if set(r) != keys: errors.append(f'line {ln}: keys {sorted(r)}')
        if not re.match(r'^os38-\d{3}$', r.get('id', '')): errors.append(f'line {ln}: bad id')
        if r.get('id') in ids: errors.append(f'line {ln}: duplicate id {r["id"]}')
        ids.add(r.get('id'))
        if r.get('lang') not in ('en', 'es', 'pt'): errors.append(f'line {ln}: bad lang')
        if not isinstance(r.get('title'), str) or not r['title'].strip(): errors.append(f'line {ln}: empty title')
        if not isinstance(r.get('summary'), str): errors.append(f'line {ln}: summary not a string')
        for x in r.get('entities', []):
            if x not in E: errors.append(f'line {ln}: unknown entity {x}')
        for x in r.get('topics', []):
            if x not in T: errors.append(f'line {ln}: unknown topic {x}')
        if len(set(r.get('entities', []))) != len(r.get('entities', [])): errors.append(f'line {ln}: repeated entity')
        if not re.match(r'^(positive|hard-negative|negative) \(.+\)$', r.get('note', '')): errors.append(f'line {ln}: bad note')
        if r['note'].startswith('positive') != bool(r['entities']): errors.append(f'line {ln}: positive iff entities violated')
if n < 360: errors.append(f'only {n} items')
if errors:
    print('\n'.join(errors)); sys.exit(1)
print(f'OK: {n} items, {len(ents)} entities, {len(tops)} topics')
