#!/usr/bin/env python3
"""Format checker for the os59 evaluation set (no scoring)."""
import json, os, sys, collections
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
wl = yaml.safe_load(open(os.path.join(HERE, 'watchlist.yaml'), encoding='utf-8'))
ents = [e['id'] for e in wl.get('entities', [])]
tops = [t['id'] for t in wl.get('topics', [])]
for kind, ids in (('entity', ents), ('topic', tops)):
    for i, n in collections.Counter(ids).items():
        if n > 1:
            errors.append(f'duplicate {kind} id {i}')
for e in wl['entities']:
    if not e.get('aliases'):
        errors.append(f'entity {e["id"]} has no aliases')
E, T = set(ents), set(tops)
seen = set()
keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
langs = collections.Counter()
with open(os.path.join(HERE, 'os59.jsonl'), encoding='utf-8') as f:
    for n, line in enumerate(f, 1):
        try:
            d = json.loads(line)
        except Exception as ex:
            errors.append(f'line {n}: bad JSON {ex}'); continue
        if set(d) != keys:
            errors.append(f'line {n}: keys {sorted(d)}')
        i = d.get('id')
        if not isinstance(i, str) or not i.startswith('os59-') or i in seen:
            errors.append(f'line {n}: bad or duplicate id {i}')
        seen.add(i)
        if d.get('lang') not in ('en', 'es', 'pt'):
            errors.append(f'{i}: bad lang {d.get("lang")}')
        langs[d.get('lang')] += 1
        if not isinstance(d.get('title'), str) or not d['title'].strip():
            errors.append(f'{i}: empty title')
        if not isinstance(d.get('summary'), str):
            errors.append(f'{i}: summary not a string')
        for k, S in (('entities', E), ('topics', T)):
            v = d.get(k)
            if not isinstance(v, list) or len(set(v)) != len(v):
                errors.append(f'{i}: {k} not a list of unique ids')
                continue
            for x in v:
                if x not in S:
                    errors.append(f'{i}: unknown {k[:-1] if k=="topics" else "entity"} id {x}')
        note = d.get('note', '')
        if not note.split(' ')[0] in ('positive', 'hard-negative', 'negative'):
            errors.append(f'{i}: note must start with positive|hard-negative|negative')
        if note.startswith(('hard-negative', 'negative')) and d.get('entities'):
            errors.append(f'{i}: negative item carries entity labels')
if errors:
    print('\n'.join(errors)); sys.exit(1)
print(f'OK: {len(seen)} items {dict(langs)}; {len(E)} entities, {len(T)} topics')
