#!/usr/bin/env python3
"""Format checker for the os34 evaluation set (run with a Python that has PyYAML)."""
import json, re, sys, pathlib, collections
import yaml

HERE = pathlib.Path(__file__).parent
errors = []
wl = yaml.safe_load((HERE / 'watchlist.yaml').read_text(encoding='utf-8'))
for key in wl:
    if key not in {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}:
        errors.append(f'watchlist: unknown top-level key {key!r}')
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ent_ids = [e['id'] for e in wl.get('entities', [])]
top_ids = [t['id'] for t in wl.get('topics', [])]
for i in ent_ids + top_ids:
    if not slug.match(i):
        errors.append(f'watchlist: bad slug {i!r}')
for name, ids in (('entity', ent_ids), ('topic', top_ids)):
    for i, c in collections.Counter(ids).items():
        if c > 1:
            errors.append(f'watchlist: duplicate {name} id {i}')
for e in wl['entities']:
    if not e.get('aliases'):
        errors.append(f'watchlist: entity {e["id"]} has no aliases')
    if e.get('type') not in {'person', 'organization', 'vessel', 'place', 'event', 'other'}:
        errors.append(f'watchlist: entity {e["id"]} bad type')
    if e.get('priority') not in {'low', 'medium', 'high', 'critical'}:
        errors.append(f'watchlist: entity {e["id"]} bad priority')
ents, tops = set(ent_ids), set(top_ids)

seen = set()
langs = collections.Counter()
required = ['id', 'lang', 'title', 'summary', 'entities', 'topics', 'note']
n = 0
for ln, line in enumerate((HERE / 'os34.jsonl').read_text(encoding='utf-8').splitlines(), 1):
    if not line.strip():
        errors.append(f'line {ln}: blank line'); continue
    try:
        it = json.loads(line)
    except json.JSONDecodeError as ex:
        errors.append(f'line {ln}: bad JSON {ex}'); continue
    n += 1
    if list(it) != required:
        errors.append(f'line {ln}: keys {list(it)}')
    if not re.fullmatch(r'os34-\d{3}', str(it.get('id'))):
        errors.append(f'line {ln}: bad id {it.get("id")}')
    if it.get('id') in seen:
        errors.append(f'line {ln}: duplicate id {it["id"]}')
    seen.add(it.get('id'))
    if it.get('lang') not in {'en', 'es', 'pt'}:
        errors.append(f'line {ln}: bad lang {it.get("lang")}')
    langs[it.get('lang')] += 1
    if not isinstance(it.get('title'), str) or not it['title'].strip():
        errors.append(f'line {ln}: empty title')
    if not isinstance(it.get('summary'), str):
        errors.append(f'line {ln}: summary not a string')
    for k, valid in (('entities', ents), ('topics', tops)):
        v = it.get(k)
        if not isinstance(v, list):
            errors.append(f'line {ln}: {k} not a list'); continue
        if len(v) != len(set(v)):
            errors.append(f'line {ln}: duplicate {k}')
        for x in v:
            if x not in valid:
                errors.append(f'line {ln}: unknown {k[:-1]} id {x!r}')
    if not re.match(r'^(positive|hard-negative|negative) \(.+\)$', str(it.get('note'))):
        errors.append(f'line {ln}: bad note {it.get("note")!r}')
if n < 360:
    errors.append(f'only {n} items')
for e in errors:
    print('ERROR', e)
print(f'{n} items; langs {dict(langs)}; {len(ents)} entities; {len(tops)} topics')
print('OK' if not errors else f'{len(errors)} errors')
sys.exit(1 if errors else 0)
