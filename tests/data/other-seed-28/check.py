#!/usr/bin/env python3
"""Format checker for the os28 set: YAML parses, ids unique, langs valid, labels exist."""
import json, pathlib, re, sys, collections
import yaml
HERE = pathlib.Path(__file__).parent
errs = []
wl = yaml.safe_load((HERE / 'watchlist.yaml').read_text(encoding='utf-8'))
ents = [e['id'] for e in wl['entities']]
tops = [t['id'] for t in wl['topics']]
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
for x in ents + tops:
    if not slug.match(x): errs.append(f'bad slug {x}')
if len(set(ents + tops)) != len(ents + tops): errs.append('duplicate watchlist ids')
for e in wl['entities']:
    if not e.get('aliases'): errs.append(f'{e["id"]}: no aliases')
    for a in e['aliases']:
        if isinstance(a, dict) and 'alias' not in a: errs.append(f'{e["id"]}: alias mapping w/o alias')
    if e.get('priority') not in ('low', 'medium', 'high', 'critical'): errs.append(f'{e["id"]}: priority')
    if e.get('type') not in ('person', 'organization', 'vessel', 'place', 'event', 'other'): errs.append(f'{e["id"]}: type')
E, T = set(ents), set(tops)
ids, titles = set(), collections.Counter()
langs = collections.Counter()
keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
n = 0
for ln_no, ln in enumerate((HERE / 'os28.jsonl').read_text(encoding='utf-8').splitlines(), 1):
    n += 1
    try:
        it = json.loads(ln)
    except Exception as ex:
        errs.append(f'line {ln_no}: {ex}'); continue
    if set(it) != keys: errs.append(f'line {ln_no}: keys {sorted(it)}')
    if not re.match(r'^os28-\d{3}$', it['id']): errs.append(f'line {ln_no}: id {it["id"]}')
    if it['id'] in ids: errs.append(f'duplicate id {it["id"]}')
    ids.add(it['id'])
    if it['lang'] not in ('en', 'es', 'pt'): errs.append(f'{it["id"]}: lang')
    langs[it['lang']] += 1
    if not it['title'].strip(): errs.append(f'{it["id"]}: empty title')
    titles[it['title']] += 1
    for e in it['entities']:
        if e not in E: errs.append(f'{it["id"]}: unknown entity {e}')
    for t in it['topics']:
        if t not in T: errs.append(f'{it["id"]}: unknown topic {t}')
    if len(set(it['entities'])) != len(it['entities']): errs.append(f'{it["id"]}: dup entity')
    if not re.match(r'^(positive|hard-negative|negative) \(.+\)$', it['note']): errs.append(f'{it["id"]}: note')
    if it['note'].startswith('positive') != bool(it['entities']): errs.append(f'{it["id"]}: note/entities mismatch')
for t, c in titles.items():
    if c > 1: errs.append(f'duplicate title: {t}')
if n < 360: errs.append(f'only {n} items')
print(f'{n} items, langs {dict(langs)}, {len(ents)} entities, {len(tops)} topics')
if errs:
    print('\n'.join(errs)); sys.exit(1)
print('OK')
