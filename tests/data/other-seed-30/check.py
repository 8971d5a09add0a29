#!/usr/bin/env python3
"""Format checker for the os30 evaluation set (stdlib + PyYAML only)."""
import json, re, sys, collections
import yaml

HERE = '/tmp/os30'
errors = []
try:
    wl = yaml.safe_load(open(f'{HERE}/watchlist.yaml', encoding='utf-8'))
except yaml.YAMLError as e:
    sys.exit(f'watchlist.yaml does not parse: {e}')

SLUG = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
allowed_top = {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}
for k in wl:
    if k not in allowed_top:
        errors.append(f'watchlist: unknown top-level key {k!r}')
ent_ids = [e['id'] for e in wl['entities']]
top_ids = [t['id'] for t in wl['topics']]
for i in ent_ids + top_ids:
    if not SLUG.match(i):
        errors.append(f'bad slug {i!r}')
for name, ids in (('entity', ent_ids), ('topic', top_ids)):
    for i, n in collections.Counter(ids).items():
        if n > 1:
            errors.append(f'duplicate {name} id {i}')
for e in wl['entities']:
    if e.get('type') not in {'person', 'organization', 'vessel', 'place', 'event', 'other'}:
        errors.append(f'{e["id"]}: bad type')
    if e.get('priority') not in {'low', 'medium', 'high', 'critical'}:
        errors.append(f'{e["id"]}: bad priority')
    if not e.get('aliases'):
        errors.append(f'{e["id"]}: no aliases')
    for a in e['aliases']:
        if isinstance(a, dict):
            if 'alias' not in a:
                errors.append(f'{e["id"]}: alias mapping without alias')
            if a.get('case', 'any') not in {'any', 'capitalized', 'exact'}:
                errors.append(f'{e["id"]}: bad case {a.get("case")}')
        elif not isinstance(a, str):
            errors.append(f'{e["id"]}: alias of wrong type')

def walk_entities(c, out):
    if isinstance(c, dict):
        if 'entity' in c:
            out.append(c['entity'])
        for v in c.values():
            walk_entities(v, out)
    elif isinstance(c, list):
        for v in c:
            walk_entities(v, out)
for t in wl['topics']:
    refs = []
    walk_entities(t['rule'], refs)
    for r in refs:
        if r != '*' and r not in ent_ids:
            errors.append(f'topic {t["id"]}: unknown entity {r}')

ids = set()
langs = collections.Counter()
kinds = collections.Counter()
REQ = ['id', 'lang', 'title', 'summary', 'entities', 'topics', 'note']
for n, line in enumerate(open(f'{HERE}/os30.jsonl', encoding='utf-8'), 1):
    try:
        it = json.loads(line)
    except json.JSONDecodeError as e:
        errors.append(f'line {n}: bad JSON {e}')
        continue
    for k in REQ:
        if k not in it:
            errors.append(f'line {n}: missing {k}')
    if set(it) - set(REQ):
        errors.append(f'line {n}: extra keys {set(it) - set(REQ)}')
    if not re.match(r'^os30-\d{3}$', it.get('id', '')):
        errors.append(f'line {n}: bad id {it.get("id")}')
    if it.get('id') in ids:
        errors.append(f'line {n}: duplicate id {it["id"]}')
    ids.add(it.get('id'))
    if it.get('lang') not in {'en', 'es', 'pt'}:
        errors.append(f'line {n}: bad lang {it.get("lang")}')
    langs[it.get('lang')] += 1
    for e in it.get('entities', []):
        if e not in ent_ids:
            errors.append(f'line {n}: unknown entity {e}')
    for t in it.get('topics', []):
        if t not in top_ids:
            errors.append(f'line {n}: unknown topic {t}')
    if len(set(it['entities'])) != len(it['entities']) or len(set(it['topics'])) != len(it['topics']):
        errors.append(f'line {n}: duplicate labels')
    kind = it.get('note', '').split(' ', 1)[0]
    if kind not in {'positive', 'hard-negative', 'negative'}:
        errors.append(f'line {n}: note must start with positive|hard-negative|negative')
    kinds[kind] += 1
    if kind == 'positive' and not it['entities']:
        errors.append(f'line {n}: positive without entity')
    if kind != 'positive' and it['entities']:
        errors.append(f'line {n}: {kind} with entities')
    nt = len(it.get('title', '').split())
    if not 4 <= nt <= 18:
        errors.append(f'line {n}: title of {nt} words')

if errors:
    print('\n'.join(errors))
    sys.exit(1)
print(f'OK: {len(ids)} items {dict(langs)} {dict(kinds)}; '
      f'{len(ent_ids)} entities, {len(top_ids)} topics')
