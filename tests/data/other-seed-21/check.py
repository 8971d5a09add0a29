#!/usr/bin/env python3
"""Format checker for the os21 evaluation set (no scoring, no project code)."""
import json, re, sys, os
import yaml
D = os.path.dirname(os.path.abspath(__file__))
errors = []
wl = yaml.safe_load(open(os.path.join(D, 'watchlist.yaml')))
if not isinstance(wl, dict) or not wl.get('watchlist'):
    errors.append('watchlist: missing slug')
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ents = [e['id'] for e in wl.get('entities', [])]
tops = [t['id'] for t in wl.get('topics', [])]
for kind, ids in (('entity', ents), ('topic', tops)):
    for i in ids:
        if not slug.match(i): errors.append(f'bad {kind} id {i}')
    if len(set(ids)) != len(ids): errors.append(f'duplicate {kind} ids')
for e in wl.get('entities', []):
    if not e.get('aliases'): errors.append(f"{e['id']}: no aliases")
    for k in ('name', 'type', 'priority'):
        if k not in e: errors.append(f"{e['id']}: missing {k}")
for t in wl.get('topics', []):
    if 'rule' not in t or 'name' not in t: errors.append(f"{t['id']}: missing rule/name")
    for c in re.findall(r"'entity': '([^']+)'", repr(t['rule'])):
        if c != '*' and c not in ents: errors.append(f"topic {t['id']}: unknown entity {c}")
seen = set(); n = 0; langs = {}
keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
for ln, line in enumerate(open(os.path.join(D, 'os21.jsonl')), 1):
    if not line.strip(): continue
    n += 1
    try: d = json.loads(line)
    except Exception as ex: errors.append(f'line {ln}: bad json {ex}'); continue
    if set(d) != keys: errors.append(f'line {ln}: keys {sorted(d)}')
    if not re.match(r'^os21-\d{3}$', d.get('id', '')): errors.append(f'line {ln}: bad id')
    if d.get('id') in seen: errors.append(f"line {ln}: duplicate id {d['id']}")
    seen.add(d.get('id'))
    if d.get('lang') not in ('en', 'es', 'pt'): errors.append(f'line {ln}: bad lang')
    langs[d.get('lang')] = langs.get(d.get('lang'), 0) + 1
    if not d.get('title'): errors.append(f'line {ln}: empty title')
    for e in d.get('entities', []):
        if e not in ents: errors.append(f'line {ln}: unknown entity {e}')
    for t in d.get('topics', []):
        if t not in tops: errors.append(f'line {ln}: unknown topic {t}')
    if len(set(d.get('entities', []))) != len(d.get('entities', [])): errors.append(f'line {ln}: repeated entity')
    if not re.match(r'^(positive|hard-negative|negative) \(.+\)$', d.get('note', '')): errors.append(f'line {ln}: bad note')
if n < 360: errors.append(f'only {n} items')
print(f'{n} items {langs}; {len(ents)} entities, {len(tops)} topics')
if errors:
    print('\n'.join(errors)); sys.exit(1)
print('OK')
