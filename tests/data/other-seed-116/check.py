#!/usr/bin/env python3
"""Format checker for the os116 set: YAML parses, ids unique, langs valid, labels exist."""
import json, re, sys
import yaml
D = '/tmp/os116/'
errs = []
wl = yaml.safe_load(open(D + 'watchlist.yaml', encoding='utf-8'))
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ents = [e['id'] for e in wl['entities']]
tops = [t['id'] for t in wl['topics']]
for x in ents + tops:
    if not slug.match(x):
        errs.append(f'bad slug {x}')
if len(set(ents)) != len(ents) or len(set(tops)) != len(tops):
    errs.append('duplicate watchlist ids')
for e in wl['entities']:
    for k in ('id', 'name', 'type', 'priority', 'aliases'):
        if k not in e:
            errs.append(f'entity {e.get("id")} lacks {k}')
    for a in e['aliases']:
        if isinstance(a, dict) and 'alias' not in a:
            errs.append(f'entity {e["id"]} alias mapping without alias')
seen = set(); n = 0
for ln, line in enumerate(open(D + 'os116.jsonl', encoding='utf-8'), 1):
    n += 1
    try:
        it = json.loads(line)
    except Exception as ex:
        errs.append(f'line {ln}: bad json {ex}'); continue
    for k in ('id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'):
        if k not in it:
            errs.append(f'line {ln}: missing {k}')
    if it['id'] in seen:
        errs.append(f'line {ln}: duplicate id {it["id"]}')
    seen.add(it['id'])
    if not re.match(r'^os116-\d{3}$', it['id']):
        errs.append(f'line {ln}: bad id')
    if it['lang'] not in ('en', 'es', 'pt'):
        errs.append(f'line {ln}: bad lang')
    for e in it['entities']:
        if e not in ents:
            errs.append(f'line {ln}: unknown entity {e}')
    for t in it['topics']:
        if t not in tops:
            errs.append(f'line {ln}: unknown topic {t}')
    if not it['note'].split(' ')[0] in ('positive', 'hard-negative', 'negative'):
        errs.append(f'line {ln}: bad note')
    nw = len(it['title'].split())
    if not 4 <= nw <= 18:
        errs.append(f'line {ln}: title has {nw} words')
if n < 360:
    errs.append(f'only {n} items')
print('\n'.join(errs) if errs else f'OK: {n} items, {len(ents)} entities, {len(tops)} topics')
sys.exit(1 if errs else 0)
