#!/usr/bin/env python3
"""Format checker for the os113 set: ids unique, langs valid, labels exist in watchlist, YAML parses."""
import json, re, sys, yaml
D = '/tmp/os113/'
errs = []
wl = yaml.safe_load(open(D + 'watchlist.yaml', encoding='utf-8'))
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ents = [e['id'] for e in wl['entities']]; tops = [t['id'] for t in wl['topics']]
for i in ents + tops:
    if not slug.match(i): errs.append(f'bad slug {i}')
if len(set(ents + tops)) != len(ents + tops): errs.append('duplicate watchlist ids')
for e in wl['entities']:
    for k in ('id', 'name', 'type', 'priority', 'aliases'):
        if k not in e: errs.append(f'{e.get("id")}: missing {k}')
    for a in e['aliases']:
        if not isinstance(a, (str, dict)) or (isinstance(a, dict) and 'alias' not in a):
            errs.append(f'{e["id"]}: bad alias {a!r}')
seen = set(); n = 0
for ln, line in enumerate(open(D + 'os113.jsonl', encoding='utf-8'), 1):
    o = json.loads(line); n += 1
    for k in ('id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'):
        if k not in o: errs.append(f'line {ln}: missing {k}')
    if o['id'] in seen: errs.append(f'line {ln}: duplicate id {o["id"]}')
    seen.add(o['id'])
    if not re.match(r'^os113-\d{3}$', o['id']): errs.append(f'line {ln}: bad id')
    if o['lang'] not in ('en', 'es', 'pt'): errs.append(f'line {ln}: bad lang')
    for x in o['entities']:
        if x not in ents: errs.append(f'line {ln}: unknown entity {x}')
    for x in o['topics']:
        if x not in tops: errs.append(f'line {ln}: unknown topic {x}')
    if not re.match(r'^(positive|hard-negative|negative) \(', o['note']): errs.append(f'line {ln}: bad note')
    if o['note'].startswith('positive') != bool(o['entities']): errs.append(f'line {ln}: note/entities mismatch')
    if not (1 <= len(o['title'].split()) <= 25): errs.append(f'line {ln}: title length')
print(f'{n} items, {len(ents)} entities, {len(tops)} topics')
if errs:
    print('\n'.join(errs)); sys.exit(1)
print('OK')
