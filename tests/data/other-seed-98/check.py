#!/usr/bin/env python3
"""Format checker for the os98 set: YAML parses, ids unique, langs valid, labels exist."""
import json, re, sys, pathlib, collections
import yaml
HERE = pathlib.Path(__file__).resolve().parent
errors = []
wl = yaml.safe_load((HERE / 'watchlist.yaml').read_text())
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ent_ids = [e['id'] for e in wl.get('entities', [])]
top_ids = [t['id'] for t in wl.get('topics', [])]
for kind, ids in (('entity', ent_ids), ('topic', top_ids)):
    for i in ids:
        if not slug.match(i):
            errors.append(f'bad {kind} id {i}')
    for i, n in collections.Counter(ids).items():
        if n > 1:
            errors.append(f'duplicate {kind} id {i}')
for e in wl['entities']:
    if not e.get('aliases'):
        errors.append(f'{e["id"]}: no aliases')
    if e.get('type') not in ('person', 'organization', 'vessel', 'place', 'event', 'other'):
        errors.append(f'{e["id"]}: bad type')
    if e.get('priority') not in ('low', 'medium', 'high', 'critical'):
        errors.append(f'{e["id"]}: bad priority')
# entity conditions in topics must name entities of this file
def walk(x):
    if isinstance(x, dict):
        if 'entity' in x and x['entity'] != '*' and x['entity'] not in ent_ids:
            errors.append(f'topic condition names unknown entity {x["entity"]}')
        for v in x.values():
            walk(v)
    elif isinstance(x, list):
        for v in x:
            walk(v)
walk(wl['topics'])
ents, tops = set(ent_ids), set(top_ids)
seen = set()
langs = collections.Counter()
for n, line in enumerate((HERE / 'os98.jsonl').read_text().splitlines(), 1):
    try:
        r = json.loads(line)
    except Exception as exc:
        errors.append(f'line {n}: bad JSON {exc}'); continue
    for k in ('id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'):
        if k not in r:
            errors.append(f'line {n}: missing {k}')
    if r.get('id') in seen:
        errors.append(f'line {n}: duplicate id {r.get("id")}')
    seen.add(r.get('id'))
    if not re.match(r'^os98-\d{3}$', r.get('id', '')):
        errors.append(f'line {n}: bad id')
    if r.get('lang') not in ('en', 'es', 'pt'):
        errors.append(f'line {n}: bad lang {r.get("lang")}')
    langs[r.get('lang')] += 1
    for e in r.get('entities', []):
        if e not in ents:
            errors.append(f'line {n}: unknown entity {e}')
    for t in r.get('topics', []):
        if t not in tops:
            errors.append(f'line {n}: unknown topic {t}')
    if len(set(r.get('entities', []))) != len(r.get('entities', [])):
        errors.append(f'line {n}: repeated entity')
    note = r.get('note', '')
    if not re.match(r'^(positive|hard-negative|negative)\b', note):
        errors.append(f'line {n}: bad note {note!r}')
    if not note.startswith('positive') and r.get('entities'):
        errors.append(f'line {n}: non-positive item with entities')
    if not r.get('title', '').strip():
        errors.append(f'line {n}: empty title')
if len(seen) < 360:
    errors.append(f'only {len(seen)} items')
print('items', len(seen), dict(langs), 'entities', len(ents), 'topics', len(tops))
if errors:
    print('\n'.join(errors)); sys.exit(1)
print('OK')
