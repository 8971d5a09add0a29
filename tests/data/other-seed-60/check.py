#!/usr/bin/env python3
"""Format checker for the os60 evaluation set (does not run or score any matcher)."""
import json, re, sys, collections, os
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SLUG = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
errors = []

with open(os.path.join(HERE, 'watchlist.yaml'), encoding='utf-8') as f:
    wl = yaml.safe_load(f)
if not isinstance(wl, dict) or 'watchlist' not in wl:
    errors.append('watchlist.yaml: missing "watchlist" key')
allowed_top = {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}
for k in wl:
    if k not in allowed_top:
        errors.append(f'watchlist.yaml: unknown top-level key {k!r}')
ent_ids, top_ids = set(), set()
for e in wl.get('entities', []):
    if not SLUG.match(e.get('id', '')): errors.append(f'bad entity id {e.get("id")!r}')
    if e['id'] in ent_ids: errors.append(f'duplicate entity id {e["id"]}')
    ent_ids.add(e['id'])
    if e.get('type') not in {'person', 'organization', 'vessel', 'place', 'event', 'other'}:
        errors.append(f'{e["id"]}: bad type')
    if e.get('priority') not in {'low', 'medium', 'high', 'critical'}:
        errors.append(f'{e["id"]}: bad priority')
    if not e.get('aliases'): errors.append(f'{e["id"]}: no aliases')
    for a in e.get('aliases', []):
        if isinstance(a, dict):
            if 'alias' not in a: errors.append(f'{e["id"]}: alias mapping without alias')
            if a.get('case', 'any') not in {'any', 'capitalized', 'exact'}:
                errors.append(f'{e["id"]}: bad case {a.get("case")}')
        elif not isinstance(a, str):
            errors.append(f'{e["id"]}: alias of type {type(a).__name__}')
for t in wl.get('topics', []):
    if not SLUG.match(t.get('id', '')): errors.append(f'bad topic id {t.get("id")!r}')
    if t['id'] in top_ids: errors.append(f'duplicate topic id {t["id"]}')
    top_ids.add(t['id'])
    if 'rule' not in t: errors.append(f'{t["id"]}: no rule')
# entity conditions in topics must name entities of this file
def walk(x):
    if isinstance(x, dict):
        if 'entity' in x and x['entity'] != '*' and x['entity'] not in ent_ids:
            errors.append(f'topic condition names unknown entity {x["entity"]}')
        for v in x.values(): walk(v)
    elif isinstance(x, list):
        for v in x: walk(v)
walk(wl.get('topics', []))

ids = set(); n = 0
langs = collections.Counter(); kinds = collections.Counter()
KEYS = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
with open(os.path.join(HERE, 'os60.jsonl'), encoding='utf-8') as f:
    for ln, line in enumerate(f, 1):
        try:
            r = json.loads(line)
        except json.JSONDecodeError as ex:
            errors.append(f'line {ln}: bad JSON: {ex}'); continue
        n += 1
        if set(r) != KEYS: errors.append(f'line {ln}: keys {sorted(r)}')
        if not re.match(r'^os60-\d{3}$', r.get('id', '')): errors.append(f'line {ln}: bad id')
        if r.get('id') in ids: errors.append(f'line {ln}: duplicate id {r["id"]}')
        ids.add(r.get('id'))
        if r.get('lang') not in {'en', 'es', 'pt'}: errors.append(f'line {ln}: bad lang')
        langs[r.get('lang')] += 1
        if not isinstance(r.get('title'), str) or not r['title'].strip():
            errors.append(f'line {ln}: empty title')
        if not isinstance(r.get('summary'), str): errors.append(f'line {ln}: summary not str')
        for e in r.get('entities', []):
            if e not in ent_ids: errors.append(f'line {ln}: unknown entity {e}')
        for t in r.get('topics', []):
            if t not in top_ids: errors.append(f'line {ln}: unknown topic {t}')
        if len(set(r.get('entities', []))) != len(r.get('entities', [])):
            errors.append(f'line {ln}: repeated entity')
        kind = r.get('note', '').split(' ')[0]
        if kind not in {'positive', 'hard-negative', 'negative'}:
            errors.append(f'line {ln}: note kind {kind!r}')
        kinds[kind] += 1
        if kind != 'positive' and r.get('entities'):
            errors.append(f'line {ln}: {kind} with entities')
        if kind == 'positive' and not (r.get('entities') or r.get('topics')):
            errors.append(f'line {ln}: positive without labels')

print(f'{n} items; langs {dict(langs)}; kinds {dict(kinds)}; '
      f'{len(ent_ids)} entities, {len(top_ids)} topics')
if errors:
    print('\n'.join(errors)); sys.exit(1)
print('OK')
