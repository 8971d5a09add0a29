#!/usr/bin/env python3
"""Format checker for the os55 evaluation set (does not run or score any matcher)."""
import json, re, sys, collections
import yaml

D = '/tmp/os55/'
errors = []
wl = yaml.safe_load(open(D + 'watchlist.yaml', encoding='utf-8'))
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
for key in ('watchlist', 'entities', 'topics'):
    if key not in wl: errors.append(f'watchlist: missing {key}')
ents = {e['id'] for e in wl.get('entities', [])}
tops = {t['id'] for t in wl.get('topics', [])}
if len(ents) != len(wl['entities']): errors.append('duplicate entity id')
if len(tops) != len(wl['topics']): errors.append('duplicate topic id')
for e in wl['entities']:
    if not slug.match(e['id']): errors.append(f'bad entity id {e["id"]}')
    if e.get('type') not in {'person', 'organization', 'vessel', 'place', 'event', 'other'}:
        errors.append(f'bad type for {e["id"]}')
    if e.get('priority') not in {'low', 'medium', 'high', 'critical'}:
        errors.append(f'bad priority for {e["id"]}')
    if not e.get('aliases'): errors.append(f'no aliases for {e["id"]}')
    for a in e.get('aliases', []):
        if isinstance(a, dict) and 'alias' not in a: errors.append(f'alias without alias: {e["id"]}')
def walk(c):  # entity conditions in topic rules must name entities of this file
    if isinstance(c, dict):
        if 'entity' in c and c['entity'] != '*' and c['entity'] not in ents:
            errors.append(f'topic rule names unknown entity {c["entity"]}')
        for v in c.values(): walk(v)
    elif isinstance(c, list):
        for v in c: walk(v)
for t in wl['topics']:
    if not slug.match(t['id']): errors.append(f'bad topic id {t["id"]}')
    if 'rule' not in t: errors.append(f'topic {t["id"]} has no rule')
    walk(t.get('rule'))

ids = set(); langs = collections.Counter(); n = 0
for i, line in enumerate(open(D + 'os55.jsonl', encoding='utf-8'), 1):
    try:
        d = json.loads(line)
    except Exception as ex:
        errors.append(f'line {i}: bad JSON {ex}'); continue
    n += 1
    need = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
    if set(d) != need: errors.append(f'line {i}: keys {sorted(d)}')
    if d.get('id') in ids: errors.append(f'line {i}: duplicate id {d.get("id")}')
    ids.add(d.get('id'))
    if not re.match(r'^os55-\d{3}$', d.get('id', '')): errors.append(f'line {i}: bad id')
    if d.get('lang') not in {'en', 'es', 'pt'}: errors.append(f'line {i}: bad lang')
    langs[d.get('lang')] += 1
    if not d.get('title', '').strip(): errors.append(f'line {i}: empty title')
    for x in d.get('entities', []):
        if x not in ents: errors.append(f'line {i}: unknown entity {x}')
    for x in d.get('topics', []):
        if x not in tops: errors.append(f'line {i}: unknown topic {x}')
    if len(set(d['entities'])) != len(d['entities']): errors.append(f'line {i}: repeated entity')
    kind = d.get('note', '').split(' ')[0]
    if kind not in {'positive', 'hard-negative', 'negative'}: errors.append(f'line {i}: bad note kind')
    if kind != 'positive' and d['entities']: errors.append(f'line {i}: negative with entities')
if n < 360: errors.append(f'only {n} items')
print(f'{n} items, langs {dict(langs)}, {len(ents)} entities, {len(tops)} topics')
if errors:
    print('\n'.join(errors)); sys.exit(1)
print('OK')
