#!/usr/bin/env python3
"""Format checker for the os58 evaluation set (no scoring).
Run: /work/main/.venv/bin/python /tmp/os58/check.py"""
import json, re, sys, collections, os
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
with open(os.path.join(HERE, 'watchlist.yaml'), encoding='utf-8') as f:
    wl = yaml.safe_load(f)
SLUG = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
if not isinstance(wl, dict) or not wl.get('watchlist'):
    errors.append('watchlist: missing slug')
allowed_top = {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}
for k in wl:
    if k not in allowed_top:
        errors.append(f'watchlist: unknown top-level key {k!r}')
ent_ids = [e['id'] for e in wl.get('entities', [])]
top_ids = [t['id'] for t in wl.get('topics', [])]
for i in ent_ids + top_ids:
    if not SLUG.match(i):
        errors.append(f'bad slug {i!r}')
for name, ids in (('entity', ent_ids), ('topic', top_ids)):
    dup = [i for i, c in collections.Counter(ids).items() if c > 1]
    if dup:
        errors.append(f'duplicate {name} ids {dup}')
for e in wl.get('entities', []):
    if not e.get('aliases'):
        errors.append(f'entity {e["id"]} has no aliases')
    if e.get('type') not in {'person', 'organization', 'vessel', 'place', 'event', 'other'}:
        errors.append(f'entity {e["id"]} bad type')
    if e.get('priority') not in {'low', 'medium', 'high', 'critical'}:
        errors.append(f'entity {e["id"]} bad priority')
    for a in e['aliases']:
        if isinstance(a, dict) and 'alias' not in a:
            errors.append(f'entity {e["id"]} alias mapping without alias')
# entity conditions in topics must name entities of this file
def walk(c):
    if isinstance(c, dict):
        if 'entity' in c and c['entity'] != '*' and c['entity'] not in ent_ids:
            errors.append(f'topic condition names unknown entity {c["entity"]}')
        for v in c.values():
            walk(v)
    elif isinstance(c, list):
        for v in c:
            walk(v)
for t in wl.get('topics', []):
    walk(t.get('rule'))

ids = set()
langs = collections.Counter()
REQ = ['id', 'lang', 'title', 'summary', 'entities', 'topics', 'note']
with open(os.path.join(HERE, 'os58.jsonl'), encoding='utf-8') as f:
    for n, line in enumerate(f, 1):
        try:
            d = json.loads(line)
        except Exception as ex:
            errors.append(f'line {n}: bad JSON {ex}'); continue
        for k in REQ:
            if k not in d:
                errors.append(f'line {n}: missing {k}')
        if set(d) - set(REQ):
            errors.append(f'line {n}: extra keys {set(d) - set(REQ)}')
        if d.get('id') in ids:
            errors.append(f'line {n}: duplicate id {d.get("id")}')
        ids.add(d.get('id'))
        if not re.match(r'^os58-\d{3}$', d.get('id', '')):
            errors.append(f'line {n}: bad id {d.get("id")}')
        if d.get('lang') not in {'en', 'es', 'pt'}:
            errors.append(f'line {n}: bad lang {d.get("lang")}')
        langs[d.get('lang')] += 1
        if not d.get('title', '').strip():
            errors.append(f'line {n}: empty title')
        for e in d.get('entities', []):
            if e not in ent_ids:
                errors.append(f'line {n}: unknown entity {e}')
        for t in d.get('topics', []):
            if t not in top_ids:
                errors.append(f'line {n}: unknown topic {t}')
        if len(set(d.get('entities', []))) != len(d.get('entities', [])):
            errors.append(f'line {n}: repeated entity label')
        if not re.match(r'^(positive|hard-negative|negative)\b', d.get('note', '')):
            errors.append(f'line {n}: note must start with positive|hard-negative|negative')
if len(ids) < 360:
    errors.append(f'only {len(ids)} items')
if errors:
    print('\n'.join(errors)); sys.exit(1)
print(f'OK: {len(ids)} items {dict(langs)}; {len(ent_ids)} entities, {len(top_ids)} topics; YAML parses')
