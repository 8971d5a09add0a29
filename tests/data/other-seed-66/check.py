#!/usr/bin/env python3
"""Format checker for the os66 evaluation set. Run with /work/main/.venv/bin/python (needs PyYAML)."""
import json, sys, collections
import yaml

HERE = '/tmp/os66'
errors = []
wl = yaml.safe_load(open(f'{HERE}/watchlist.yaml', encoding='utf-8'))
ents = [e['id'] for e in wl['entities']]
tops = [t['id'] for t in wl['topics']]
if len(set(ents)) != len(ents): errors.append('duplicate entity ids')
if len(set(tops)) != len(tops): errors.append('duplicate topic ids')
for e in wl['entities']:
    if not e.get('aliases'): errors.append(f"{e['id']}: no aliases")
ents, tops = set(ents), set(tops)
ids = set(); c = collections.Counter(); pe = collections.Counter(); pt = collections.Counter()
for n, line in enumerate(open(f'{HERE}/os66.jsonl', encoding='utf-8'), 1):
    try:
        it = json.loads(line)
    except Exception as ex:
        errors.append(f'line {n}: bad JSON {ex}'); continue
    keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
    if set(it) != keys: errors.append(f'line {n}: keys {sorted(it)}')
    if it['id'] in ids: errors.append(f"line {n}: duplicate id {it['id']}")
    ids.add(it['id'])
    if it['lang'] not in ('en', 'es', 'pt'): errors.append(f"line {n}: lang {it['lang']}")
    if not it['title'].strip(): errors.append(f'line {n}: empty title')
    nw = len(it['title'].split())
    if not 3 <= nw <= 20: errors.append(f"line {n}: title has {nw} words")
    for x in it['entities']:
        if x not in ents: errors.append(f'line {n}: unknown entity {x}')
    for x in it['topics']:
        if x not in tops: errors.append(f'line {n}: unknown topic {x}')
    if len(set(it['entities'])) != len(it['entities']): errors.append(f'line {n}: repeated entity')
    kind = it['note'].split(' ')[0]
    if kind not in ('positive', 'hard-negative', 'negative'): errors.append(f'line {n}: note kind {kind}')
    if kind == 'positive' and not it['entities']: errors.append(f'line {n}: positive without entity')
    if kind != 'positive' and it['entities']: errors.append(f'line {n}: {kind} with entities')
    c[(it['lang'], kind)] += 1
    for x in it['entities']: pe[x] += 1
    for x in it['topics']: pt[x] += 1
if errors:
    print('\n'.join(errors)); sys.exit(1)
print('OK', len(ids), 'items')
for k in sorted(c): print(k, c[k])
print('entities:', dict(sorted(pe.items())))
print('topics:', dict(sorted(pt.items())))
