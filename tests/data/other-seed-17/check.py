#!/usr/bin/env python3
"""Format checker for the os17 evaluation set (no scoring).

Checks: watchlist.yaml parses and has unique entity/topic ids; every line of os17.jsonl is a JSON
object with the expected keys and types; ids unique and well-formed; lang in en/es/pt; every entity
and topic label exists in the watchlist; note starts with positive/hard-negative/negative, and
'positive' iff the item has entity labels; title length 4-18 words.
"""
import json, re, sys, pathlib
import yaml

HERE = pathlib.Path(__file__).resolve().parent
errors = []

wl = yaml.safe_load((HERE / 'watchlist.yaml').read_text(encoding='utf-8'))
ent_ids = [e['id'] for e in wl.get('entities', [])]
top_ids = [t['id'] for t in wl.get('topics', [])]
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
for kind, ids in (('entity', ent_ids), ('topic', top_ids)):
    if len(ids) != len(set(ids)):
        errors.append(f'duplicate {kind} ids in watchlist')
    for i in ids:
        if not slug.match(i):
            errors.append(f'bad {kind} id slug: {i}')
for e in wl['entities']:
    if not e.get('aliases'):
        errors.append(f'entity {e["id"]} has no aliases')
    if e.get('type') not in ('person', 'organization', 'vessel', 'place', 'event', 'other'):
        errors.append(f'entity {e["id"]} bad type')
    if e.get('priority') not in ('low', 'medium', 'high', 'critical'):
        errors.append(f'entity {e["id"]} bad priority')
ents, tops = set(ent_ids), set(top_ids)

KEYS = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
seen = set()
counts = {}
for n, line in enumerate((HERE / 'os17.jsonl').read_text(encoding='utf-8').splitlines(), 1):
    try:
        it = json.loads(line)
    except Exception as ex:
        errors.append(f'line {n}: bad JSON: {ex}')
        continue
    if set(it) != KEYS:
        errors.append(f'line {n}: keys {sorted(it)}')
        continue
    if not re.fullmatch(r'os17-\d{3}', it['id']):
        errors.append(f'line {n}: bad id {it["id"]}')
    if it['id'] in seen:
        errors.append(f'line {n}: duplicate id {it["id"]}')
    seen.add(it['id'])
    if it['lang'] not in ('en', 'es', 'pt'):
        errors.append(f'line {n}: bad lang {it["lang"]}')
    for k in ('title', 'summary', 'note'):
        if not isinstance(it[k], str):
            errors.append(f'line {n}: {k} not a string')
    if not it['title'].strip():
        errors.append(f'line {n}: empty title')
    nw = len(it['title'].split())
    if not 4 <= nw <= 18:
        errors.append(f'line {n}: title has {nw} words')
    for k, valid in (('entities', ents), ('topics', tops)):
        if not isinstance(it[k], list):
            errors.append(f'line {n}: {k} not a list')
            continue
        if len(it[k]) != len(set(it[k])):
            errors.append(f'line {n}: duplicate {k}')
        for x in it[k]:
            if x not in valid:
                errors.append(f'line {n}: unknown {k[:-1]} {x!r}')
    kind = it['note'].split(' ', 1)[0]
    if kind not in ('positive', 'hard-negative', 'negative'):
        errors.append(f'line {n}: note kind {kind!r}')
    elif (kind == 'positive') != bool(it['entities']):
        errors.append(f'line {n}: note {kind} but entities {it["entities"]}')
    counts[it['lang']] = counts.get(it['lang'], 0) + 1

if errors:
    print('\n'.join(errors))
    print(f'FAIL: {len(errors)} problem(s)')
    sys.exit(1)
print(f'OK: {len(seen)} items {counts}; {len(ents)} entities, {len(tops)} topics')
