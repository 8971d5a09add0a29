#!/usr/bin/env python3
"""Format checker for the os29 set: YAML parses, ids unique, langs valid, labels exist."""
import json, re, sys, collections
import yaml
here = __file__.rsplit('/', 1)[0] or '.'
wl = yaml.safe_load(open(f'{here}/watchlist.yaml', encoding='utf8'))
errs = []
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ents = [e['id'] for e in wl.get('entities', [])]
tops = [t['id'] for t in wl.get('topics', [])]
for kind, ids in (('entity', ents), ('topic', tops)):
    for i in ids:
        if not slug.match(i): errs.append(f'bad {kind} slug {i}')
    for i, n in collections.Counter(ids).items():
        if n > 1: errs.append(f'duplicate {kind} id {i}')
for e in wl['entities']:
    if not e.get('aliases'): errs.append(f'{e["id"]}: no aliases')
    for a in e['aliases']:
        if isinstance(a, dict) and 'alias' not in a: errs.append(f'{e["id"]}: alias mapping without alias')
# entity conditions in topic rules must name entities of this file
def walk(x):
    if isinstance(x, dict):
        if 'entity' in x and x['entity'] != '*' and x['entity'] not in ents: errs.append(f'topic rule names unknown entity {x["entity"]}')
        for v in x.values(): walk(v)
    elif isinstance(x, list):
        for v in x: walk(v)
for t in wl['topics']: walk(t['rule'])
seen = set(); langs = collections.Counter(); n = 0
for ln, line in enumerate(open(f'{here}/os29.jsonl', encoding='utf8'), 1):
    try: o = json.loads(line)
    except Exception as ex: errs.append(f'line {ln}: {ex}'); continue
    n += 1
    keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
    if set(o) != keys: errs.append(f'line {ln}: keys {sorted(o)}')
    if not re.match(r'^os29-\d{3}$', o.get('id', '')): errs.append(f'line {ln}: bad id {o.get("id")}')
    if o.get('id') in seen: errs.append(f'line {ln}: duplicate id {o["id"]}')
    seen.add(o.get('id'))
    if o.get('lang') not in ('en', 'es', 'pt'): errs.append(f'line {ln}: bad lang')
    langs[o.get('lang')] += 1
    if not o.get('title', '').strip(): errs.append(f'line {ln}: empty title')
    for e in o.get('entities', []):
        if e not in ents: errs.append(f'line {ln}: unknown entity {e}')
    for t in o.get('topics', []):
        if t not in tops: errs.append(f'line {ln}: unknown topic {t}')
    if len(set(o['entities'])) != len(o['entities']) or len(set(o['topics'])) != len(o['topics']): errs.append(f'line {ln}: duplicate label')
    kind = o.get('note', '').split(' ')[0]
    if kind not in ('positive', 'hard-negative', 'negative'): errs.append(f'line {ln}: bad note kind')
    if (kind == 'positive') != bool(o['entities']): errs.append(f'line {ln}: note kind disagrees with entities')
if n < 360: errs.append(f'only {n} items')
print(f'{n} items, langs {dict(langs)}, {len(ents)} entities, {len(tops)} topics')
if errs:
    print('\n'.join(errs)); sys.exit(1)
print('OK')
