#!/usr/bin/env python3
"""Format checker for the os85 evaluation set (does not run or score any matcher)."""
import json, re, sys, collections
import yaml

D = '/tmp/os85/'
errs = []
wl = yaml.safe_load(open(D + 'watchlist.yaml', encoding='utf-8'))
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ents = [e['id'] for e in wl.get('entities', [])]
tops = [t['id'] for t in wl.get('topics', [])]
for x in ents + tops:
    if not slug.match(x): errs.append(f'bad slug {x}')
if len(set(ents)) != len(ents): errs.append('duplicate entity id')
if len(set(tops)) != len(tops): errs.append('duplicate topic id')
allowed_top = {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}
for k in wl:
    if k not in allowed_top: errs.append(f'unknown top-level key {k}')
for e in wl['entities']:
    for k in ('id', 'name', 'type', 'priority', 'aliases'):
        if k not in e: errs.append(f'{e.get("id")}: missing {k}')
    if e['type'] not in {'person','organization','vessel','place','event','other'}: errs.append(f'{e["id"]}: bad type')
    if e['priority'] not in {'low','medium','high','critical'}: errs.append(f'{e["id"]}: bad priority')
    for a in e['aliases']:
        if isinstance(a, dict) and 'alias' not in a: errs.append(f'{e["id"]}: alias mapping without alias')
        if isinstance(a, dict) and 'case' in a and a['case'] not in {'any','capitalized','exact'}: errs.append(f'{e["id"]}: bad case')
    for k in ('exclude','unless','not_after','not_before','requires'):
        for v in (e.get(k) or []):
            if isinstance(v, bool): errs.append(f'{e["id"]}: {k} has a boolean (unquoted yes/no?)')

ids = set(); n = 0
cnt = collections.Counter(); kinds = collections.Counter()
ent_c = collections.Counter(); top_c = collections.Counter()
keys = {'id','lang','title','summary','entities','topics','note'}
for ln, line in enumerate(open(D + 'os85.jsonl', encoding='utf-8'), 1):
    o = json.loads(line); n += 1
    if set(o) != keys: errs.append(f'line {ln}: keys {sorted(o)}')
    if not re.match(r'^os85-\d{3}$', o['id']): errs.append(f'line {ln}: bad id')
    if o['id'] in ids: errs.append(f'line {ln}: duplicate id {o["id"]}')
    ids.add(o['id'])
    if o['lang'] not in ('en','es','pt'): errs.append(f'line {ln}: bad lang')
    if not o['title'].strip(): errs.append(f'line {ln}: empty title')
    for x in o['entities']:
        if x not in ents: errs.append(f'line {ln}: unknown entity {x}')
    for x in o['topics']:
        if x not in tops: errs.append(f'line {ln}: unknown topic {x}')
    if len(set(o['entities'])) != len(o['entities']) or len(set(o['topics'])) != len(o['topics']): errs.append(f'line {ln}: duplicate label')
    k = o['note'].split(' ')[0]
    if k not in ('positive','hard-negative','negative'): errs.append(f'line {ln}: bad note kind')
    cnt[o['lang']] += 1; kinds[(o['lang'], k)] += 1
    ent_c.update(o['entities']); top_c.update(o['topics'])
if n < 360: errs.append(f'only {n} items')
if errs:
    print('\n'.join(errs)); sys.exit(1)
print(f'OK: {n} items; per lang {dict(cnt)}')
print('kinds', dict(sorted(kinds.items())))
print('entities', dict(ent_c.most_common()))
print('topics', dict(top_c.most_common()))
print('items with no entity:', sum(1 for l in open(D+'os85.jsonl') if not json.loads(l)['entities']))
