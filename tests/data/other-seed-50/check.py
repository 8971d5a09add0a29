#!/usr/bin/env python3
"""Format checker for the os50 evaluation set (stdlib + PyYAML only)."""
import json, re, sys, collections
import yaml

BASE = '/tmp/os50'
errors = []
wl = yaml.safe_load(open(f'{BASE}/watchlist.yaml', encoding='utf-8'))
for key in ('watchlist', 'entities', 'topics'):
    if key not in wl:
        errors.append(f'watchlist: missing {key}')
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ent_ids = [e['id'] for e in wl['entities']]
top_ids = [t['id'] for t in wl['topics']]
for i in ent_ids + top_ids:
    if not slug.match(i):
        errors.append(f'watchlist: bad id {i!r}')
for kind, ids in (('entity', ent_ids), ('topic', top_ids)):
    for i, n in collections.Counter(ids).items():
        if n > 1:
            errors.append(f'watchlist: duplicate {kind} id {i}')
for e in wl['entities']:
    if not e.get('aliases'):
        errors.append(f'entity {e["id"]}: no aliases')
    if e.get('type') not in ('person', 'organization', 'vessel', 'place', 'event', 'other'):
        errors.append(f'entity {e["id"]}: bad type')
    if e.get('priority') not in ('low', 'medium', 'high', 'critical'):
        errors.append(f'entity {e["id"]}: bad priority')
ents, tops = set(ent_ids), set(top_ids)

seen, titles = set(), collections.Counter()
keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
n = 0
for ln, line in enumerate(open(f'{BASE}/os50.jsonl', encoding='utf-8'), 1):
    try:
        it = json.loads(line)
    except json.JSONDecodeError as ex:
        errors.append(f'line {ln}: bad JSON ({ex})'); continue
    n += 1
    if set(it) != keys:
        errors.append(f'line {ln}: keys {sorted(it)}')
    iid = it.get('id', '')
    if not re.match(r'^os50-\d{3}$', iid):
        errors.append(f'line {ln}: bad id {iid!r}')
    if iid in seen:
        errors.append(f'line {ln}: duplicate id {iid}')
    seen.add(iid)
    if it.get('lang') not in ('en', 'es', 'pt'):
        errors.append(f'{iid}: bad lang {it.get("lang")!r}')
    if not isinstance(it.get('title'), str) or not it['title'].strip():
        errors.append(f'{iid}: empty title')
    if not isinstance(it.get('summary'), str):
        errors.append(f'{iid}: summary not a string')
    titles[it.get('title')] += 1
    for k, valid in (('entities', ents), ('topics', tops)):
        v = it.get(k)
        if not isinstance(v, list):
            errors.append(f'{iid}: {k} not a list'); continue
        for x in v:
            if x not in valid:
                errors.append(f'{iid}: unknown {k[:-1] if k=="topics" else "entity"} id {x!r}')
        if len(set(v)) != len(v):
            errors.append(f'{iid}: repeated {k}')
    note = it.get('note', '')
    if not re.match(r'^(positive|hard-negative|negative)\b', note):
        errors.append(f'{iid}: note must start with positive|hard-negative|negative')
    if note.startswith('negative') and (it.get('entities') or it.get('topics')):
        errors.append(f'{iid}: a plain negative carries labels')
    if note.startswith('hard-negative') and it.get('entities'):
        errors.append(f'{iid}: a hard negative names a watched entity')
for t, c in titles.items():
    if c > 1:
        errors.append(f'duplicate title: {t!r}')
if n < 360:
    errors.append(f'only {n} items')
if errors:
    print('\n'.join(errors)); print(f'FAIL ({len(errors)} problems)'); sys.exit(1)
print(f'OK: {n} items, {len(ents)} entities, {len(tops)} topics')
