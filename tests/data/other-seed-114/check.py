#!/usr/bin/env python3
"""Format checker for the os114 evaluation set (stdlib + PyYAML only)."""
import json, sys, os, re
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
with open(os.path.join(HERE, 'watchlist.yaml'), encoding='utf-8') as f:
    wl = yaml.safe_load(f)
ent_ids = [e['id'] for e in wl['entities']]
top_ids = [t['id'] for t in wl['topics']]
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
for i in ent_ids + top_ids:
    if not slug.match(i): errors.append(f'bad slug {i}')
if len(set(ent_ids)) != len(ent_ids): errors.append('duplicate entity id')
if len(set(top_ids)) != len(top_ids): errors.append('duplicate topic id')
for e in wl['entities']:
    if not e.get('aliases'): errors.append(f'{e["id"]}: no aliases')
    for a in e['aliases']:
        if isinstance(a, dict) and 'alias' not in a: errors.append(f'{e["id"]}: alias mapping without alias')
ents, tops = set(ent_ids), set(top_ids)
seen = set(); n = 0
langs = {'en', 'es', 'pt'}
keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
with open(os.path.join(HERE, 'os114.jsonl'), encoding='utf-8') as f:
    for ln, line in enumerate(f, 1):
        try:
            d = json.loads(line)
        except Exception as ex:
            errors.append(f'line {ln}: bad json {ex}'); continue
        n += 1
        if set(d) != keys: errors.append(f'line {ln}: keys {sorted(d)}')
        if d.get('id') in seen: errors.append(f'line {ln}: duplicate id {d.get("id")}')
        seen.add(d.get('id'))
        if not re.match(r'^os114-\d{3}$', str(d.get('id'))): errors.append(f'line {ln}: bad id')
        if d.get('lang') not in langs: errors.append(f'line {ln}: bad lang')
        if not str(d.get('title', '')).strip(): errors.append(f'line {ln}: empty title')
        for x in d.get('entities', []):
            if x not in ents: errors.append(f'line {ln}: unknown entity {x}')
        for x in d.get('topics', []):
            if x not in tops: errors.append(f'line {ln}: unknown topic {x}')
        if len(set(d['entities'])) != len(d['entities']) or len(set(d['topics'])) != len(d['topics']):
            errors.append(f'line {ln}: duplicate label')
        note = d.get('note', '')
        if not re.match(r'^(positive|hard-negative|negative) \(.+\)$', note): errors.append(f'line {ln}: bad note')
        elif note.startswith('positive') != bool(d['entities']):
            errors.append(f'line {ln}: note kind does not agree with entities')
if n < 360: errors.append(f'only {n} items')
if errors:
    print('\n'.join(errors)); sys.exit(1)
print(f'OK: {n} items, {len(ents)} entities, {len(tops)} topics')
