#!/usr/bin/env python3
"""Format checker for the os96 evaluation set (does not run or score any matcher)."""
import json, sys, os, yaml
HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
try:
    wl = yaml.safe_load(open(os.path.join(HERE, 'watchlist.yaml'), encoding='utf-8'))
except Exception as e:
    print('YAML does not parse:', e); sys.exit(1)
ents = [e['id'] for e in wl.get('entities', [])]
tops = [t['id'] for t in wl.get('topics', [])]
if len(set(ents)) != len(ents): errors.append('duplicate entity ids in watchlist')
if len(set(tops)) != len(tops): errors.append('duplicate topic ids in watchlist')
for e in wl['entities']:
    if not e.get('aliases'): errors.append(f"entity {e['id']} has no aliases")
    for k in ('id', 'name', 'type'):
        if k not in e: errors.append(f"entity missing {k}")
ents, tops = set(ents), set(tops)
seen = set(); n = 0
KEYS = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
for ln, line in enumerate(open(os.path.join(HERE, 'os96.jsonl'), encoding='utf-8'), 1):
    if not line.strip(): errors.append(f'line {ln}: blank'); continue
    try: d = json.loads(line)
    except Exception as e: errors.append(f'line {ln}: bad JSON {e}'); continue
    n += 1
    if set(d) != KEYS: errors.append(f'line {ln}: keys {sorted(d)}')
    i = d.get('id')
    if not isinstance(i, str) or not i.startswith('os96-'): errors.append(f'line {ln}: bad id {i!r}')
    if i in seen: errors.append(f'line {ln}: duplicate id {i}')
    seen.add(i)
    if d.get('lang') not in ('en', 'es', 'pt'): errors.append(f'{i}: bad lang {d.get("lang")!r}')
    if not isinstance(d.get('title'), str) or not d['title'].strip(): errors.append(f'{i}: empty title')
    if not isinstance(d.get('summary'), str): errors.append(f'{i}: summary not a string')
    for k, valid in (('entities', ents), ('topics', tops)):
        v = d.get(k)
        if not isinstance(v, list): errors.append(f'{i}: {k} not a list'); continue
        if len(set(v)) != len(v): errors.append(f'{i}: duplicate {k}')
        for x in v:
            if x not in valid: errors.append(f'{i}: unknown {k[:-1]} id {x!r}')
    note = d.get('note', '')
    if not note.split(' ')[0] in ('positive', 'hard-negative', 'negative'):
        errors.append(f'{i}: note must start with positive|hard-negative|negative')
    if note.startswith('positive') and not d.get('entities'):
        errors.append(f'{i}: positive without entities')
    if not note.startswith('positive') and d.get('entities'):
        errors.append(f'{i}: entities on a non-positive item')
if n < 360: errors.append(f'only {n} items')
for e in errors: print('ERROR', e)
print(f'{n} items, {len(ents)} entities, {len(tops)} topics:', 'OK' if not errors else f'{len(errors)} errors')
sys.exit(1 if errors else 0)
