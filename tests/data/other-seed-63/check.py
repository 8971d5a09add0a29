#!/usr/bin/env python3
"""Format checker for the os63 set. Run with a Python that has PyYAML:
   /work/main/.venv/bin/python /tmp/os63/check.py"""
import json, re, sys, pathlib, collections
import yaml
HERE = pathlib.Path(__file__).parent
errors = []
wl = yaml.safe_load((HERE / 'watchlist.yaml').read_text())
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ents = [e['id'] for e in wl.get('entities', [])]
tops = [t['id'] for t in wl.get('topics', [])]
for kind, ids in (('entity', ents), ('topic', tops)):
    for i in ids:
        if not slug.match(i):
            errors.append(f'bad {kind} id {i!r}')
    for i, n in collections.Counter(ids).items():
        if n > 1:
            errors.append(f'duplicate {kind} id {i}')
if set(ents) & set(tops):
    errors.append('entity and topic ids overlap')
allowed_top = {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}
for k in wl:
    if k not in allowed_top:
        errors.append(f'unknown top-level key {k}')
for e in wl['entities']:
    if not e.get('aliases'):
        errors.append(f'entity {e["id"]} has no aliases')
    if e.get('type') not in {'person', 'organization', 'vessel', 'place', 'event', 'other'}:
        errors.append(f'entity {e["id"]} bad type')
    if e.get('priority') not in {'low', 'medium', 'high', 'critical'}:
        errors.append(f'entity {e["id"]} bad priority')
def walk(c):
    if isinstance(c, dict):
        if 'entity' in c and c['entity'] != '*' and c['entity'] not in ents:
            errors.append(f'topic rule names unknown entity {c["entity"]}')
        for v in c.values():
            walk(v)
    elif isinstance(c, list):
        for v in c:
            walk(v)
for t in wl['topics']:
    walk(t.get('rule'))
ids, langs = set(), collections.Counter()
keys = ['id', 'lang', 'title', 'summary', 'entities', 'topics', 'note']
for n, line in enumerate((HERE / 'os63.jsonl').read_text().splitlines(), 1):
    try:
        it = json.loads(line)
    except Exception as exc:
        errors.append(f'line {n}: bad JSON {exc}'); continue
    if list(it) != keys:
        errors.append(f'line {n}: keys {list(it)}')
    if not re.match(r'^os63-\d{3}$', it.get('id', '')):
        errors.append(f'line {n}: bad id {it.get("id")}')
    if it['id'] in ids:
        errors.append(f'line {n}: duplicate id {it["id"]}')
    ids.add(it['id'])
    if it['lang'] not in ('en', 'es', 'pt'):
        errors.append(f'line {n}: bad lang {it["lang"]}')
    langs[it['lang']] += 1
    if not it['title'].strip():
        errors.append(f'line {n}: empty title')
    for e in it['entities']:
        if e not in ents:
            errors.append(f'line {n}: unknown entity {e}')
    for t in it['topics']:
        if t not in tops:
            errors.append(f'line {n}: unknown topic {t}')
    if len(set(it['entities'])) != len(it['entities']) or len(set(it['topics'])) != len(it['topics']):
        errors.append(f'line {n}: duplicate label')
    if not re.match(r'^(positive|hard-negative|negative) \(.+\)$', it['note']):
        errors.append(f'line {n}: bad note {it["note"]!r}')
if len(ids) < 360:
    errors.append(f'only {len(ids)} items')
print(f'{len(ids)} items, langs {dict(langs)}, {len(ents)} entities, {len(tops)} topics')
if errors:
    print('\n'.join(errors)); sys.exit(1)
print('OK')
