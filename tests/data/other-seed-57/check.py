#!/usr/bin/env python3
"""Format checker for the os57 evaluation set (stdlib + PyYAML). Does not score anything."""
import json, re, sys, collections, os
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SLUG = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
errors = []

wl = yaml.safe_load(open(os.path.join(HERE, 'watchlist.yaml'), encoding='utf-8'))
ents = [e['id'] for e in wl.get('entities', [])]
tops = [t['id'] for t in wl.get('topics', [])]
for kind, ids in (('entity', ents), ('topic', tops)):
    for i, n in collections.Counter(ids).items():
        if n > 1: errors.append(f'duplicate {kind} id {i}')
    for i in ids:
        if not SLUG.match(i): errors.append(f'bad {kind} slug {i}')
for e in wl['entities']:
    if not e.get('aliases'): errors.append(f'entity {e["id"]} has no alias')
    if e.get('type') not in {'person', 'organization', 'vessel', 'place', 'event', 'other'}:
        errors.append(f'entity {e["id"]} bad type')
    if e.get('priority') not in {'low', 'medium', 'high', 'critical'}:
        errors.append(f'entity {e["id"]} bad priority')
    for a in e['aliases']:
        if isinstance(a, dict) and 'alias' not in a: errors.append(f'{e["id"]}: alias mapping without alias')
def walk(c):
    if isinstance(c, dict):
        if 'entity' in c and c['entity'] != '*' and c['entity'] not in ents:
            errors.append(f'topic condition names unknown entity {c["entity"]}')
        for v in c.values(): walk(v)
    elif isinstance(c, list):
        for v in c: walk(v)
for t in wl['topics']: walk(t.get('rule'))
ents, tops = set(ents), set(tops)

ids = set(); langs = collections.Counter(); kinds = collections.Counter()
KEYS = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
with open(os.path.join(HERE, 'os57.jsonl'), encoding='utf-8') as f:
    for n, line in enumerate(f, 1):
        try: it = json.loads(line)
        except Exception as ex: errors.append(f'line {n}: bad JSON {ex}'); continue
        if set(it) != KEYS: errors.append(f'line {n}: keys {sorted(set(it) ^ KEYS)}')
        if not re.match(r'^os57-\d{3}$', str(it.get('id'))): errors.append(f'line {n}: bad id')
        if it.get('id') in ids: errors.append(f'line {n}: duplicate id {it["id"]}')
        ids.add(it.get('id'))
        if it.get('lang') not in {'en', 'es', 'pt'}: errors.append(f'line {n}: bad lang')
        langs[it.get('lang')] += 1
        if not isinstance(it.get('title'), str) or not it['title'].strip(): errors.append(f'line {n}: empty title')
        if not isinstance(it.get('summary'), str): errors.append(f'line {n}: summary not a string')
        for k, allowed in (('entities', ents), ('topics', tops)):
            v = it.get(k)
            if not isinstance(v, list): errors.append(f'line {n}: {k} not a list'); continue
            if len(set(v)) != len(v): errors.append(f'line {n}: repeated {k}')
            for x in v:
                if x not in allowed: errors.append(f'line {n}: unknown {k[:-1]} {x}')
        note = it.get('note', '')
        m = re.match(r'^(positive|hard-negative|negative) \(.+\)$', note)
        if not m: errors.append(f'line {n}: bad note {note!r}')
        else:
            kinds[m.group(1)] += 1
            if m.group(1) == 'positive' and not it['entities']:
                errors.append(f'line {n}: positive without entities')
            if m.group(1) != 'positive' and it['entities']:
                errors.append(f'line {n}: {m.group(1)} with entities')
total = sum(langs.values())
print(f'items {total}; langs {dict(langs)}; kinds {dict(kinds)}')
if errors:
    print('\n'.join(errors[:50])); print(f'FAIL: {len(errors)} errors'); sys.exit(1)
print('OK')
