#!/usr/bin/env python3
"""Format checker for the os103 evaluation set (no scoring, no project code)."""
import json, re, sys, collections
import yaml

HERE = '/tmp/os103'
errors = []
wl = yaml.safe_load(open(f'{HERE}/watchlist.yaml', encoding='utf-8'))
for key in ('watchlist', 'entities', 'topics'):
    if key not in wl:
        errors.append(f'watchlist: missing {key}')
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ents = [e['id'] for e in wl['entities']]
tops = [t['id'] for t in wl['topics']]
for i in ents + tops:
    if not slug.match(i):
        errors.append(f'watchlist: bad slug {i}')
for name, ids in (('entity', ents), ('topic', tops)):
    for i, n in collections.Counter(ids).items():
        if n > 1:
            errors.append(f'watchlist: duplicate {name} id {i}')
if set(ents) & set(tops):
    errors.append('watchlist: id shared by entity and topic')
for e in wl['entities']:
    if not e.get('aliases'):
        errors.append(f'watchlist: {e["id"]} has no aliases')
    for k in ('name', 'type', 'priority'):
        if k not in e:
            errors.append(f'watchlist: {e["id"]} lacks {k}')
    if e.get('type') not in ('person', 'organization', 'vessel', 'place', 'event', 'other'):
        errors.append(f'watchlist: {e["id"]} bad type')
    if e.get('priority') not in ('low', 'medium', 'high', 'critical'):
        errors.append(f'watchlist: {e["id"]} bad priority')
if not 14 <= len(ents) <= 17:
    errors.append(f'watchlist: {len(ents)} entities, want 14-17')
if not 2 <= len(tops) <= 3:
    errors.append(f'watchlist: {len(tops)} topics, want 2-3')

seen = set()
langs = collections.Counter()
keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
n = 0
for ln, line in enumerate(open(f'{HERE}/os103.jsonl', encoding='utf-8'), 1):
    try:
        it = json.loads(line)
    except Exception as ex:
        errors.append(f'line {ln}: bad JSON {ex}')
        continue
    n += 1
    if set(it) != keys:
        errors.append(f'line {ln}: keys {sorted(it)}')
    if not re.match(r'^os103-\d{3}$', it.get('id', '')):
        errors.append(f'line {ln}: bad id {it.get("id")}')
    if it.get('id') in seen:
        errors.append(f'line {ln}: duplicate id {it["id"]}')
    seen.add(it.get('id'))
    if it.get('lang') not in ('en', 'es', 'pt'):
        errors.append(f'line {ln}: bad lang {it.get("lang")}')
    langs[it.get('lang')] += 1
    if not isinstance(it.get('title'), str) or not it['title'].strip():
        errors.append(f'line {ln}: empty title')
    else:
        w = len(it['title'].split())
        if not 3 <= w <= 18:
            errors.append(f'line {ln}: title has {w} words')
    if not isinstance(it.get('summary'), str):
        errors.append(f'line {ln}: summary not a string')
    for e in it.get('entities', []):
        if e not in ents:
            errors.append(f'line {ln}: unknown entity {e}')
    for t in it.get('topics', []):
        if t not in tops:
            errors.append(f'line {ln}: unknown topic {t}')
    for k in ('entities', 'topics'):
        if len(set(it.get(k, []))) != len(it.get(k, [])):
            errors.append(f'line {ln}: duplicate {k}')
    if not re.match(r'^(positive|hard-negative|negative)\b', it.get('note', '')):
        errors.append(f'line {ln}: note must start with positive|hard-negative|negative')
if n < 360:
    errors.append(f'only {n} items')
print(f'{n} items, langs {dict(langs)}, {len(ents)} entities, {len(tops)} topics')
if errors:
    print('\n'.join(errors))
    sys.exit(1)
print('OK')
