#!/usr/bin/env python3
"""Format checker for the os68 set: YAML parses, ids unique, langs valid, labels exist."""
import json, re, sys, collections
import yaml
base = '/tmp/os68/'
errs = []
wl = yaml.safe_load(open(base + 'watchlist.yaml', encoding='utf-8'))
allowed_top = {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}
for k in wl:
    if k not in allowed_top: errs.append(f'watchlist: unknown top-level key {k}')
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ents = [e['id'] for e in wl['entities']]
tops = [t['id'] for t in wl['topics']]
for i in ents + tops:
    if not slug.match(i): errs.append(f'bad slug {i}')
if len(set(ents + tops)) != len(ents + tops): errs.append('duplicate watchlist ids')
for e in wl['entities']:
    if not e.get('aliases'): errs.append(f'{e["id"]}: no aliases')
    if e.get('type') not in {'person','organization','vessel','place','event','other'}: errs.append(f'{e["id"]}: bad type')
    if e.get('priority') not in {'low','medium','high','critical'}: errs.append(f'{e["id"]}: bad priority')
def walk(c):
    if isinstance(c, dict):
        if 'entity' in c and c['entity'] != '*' and c['entity'] not in ents: errs.append(f'topic refers to unknown entity {c["entity"]}')
        for v in c.values(): walk(v)
    elif isinstance(c, list):
        for v in c: walk(v)
for t in wl['topics']: walk(t['rule'])
E, T = set(ents), set(tops)
seen = set(); n = 0
cnt = collections.Counter()
for ln, line in enumerate(open(base + 'os68.jsonl', encoding='utf-8'), 1):
    try: r = json.loads(line)
    except Exception as ex: errs.append(f'line {ln}: bad json {ex}'); continue
    n += 1
    keys = {'id','lang','title','summary','entities','topics','note'}
    if set(r) != keys: errs.append(f'line {ln}: keys {sorted(r)}')
    if r['id'] in seen: errs.append(f'line {ln}: duplicate id {r["id"]}')
    seen.add(r['id'])
    if not re.match(r'^os68-\d{3}$', r['id']): errs.append(f'line {ln}: bad id')
    if r['lang'] not in {'en','es','pt'}: errs.append(f'line {ln}: bad lang')
    for e in r['entities']:
        if e not in E: errs.append(f'line {ln}: unknown entity {e}')
    for t in r['topics']:
        if t not in T: errs.append(f'line {ln}: unknown topic {t}')
    if len(set(r['entities'])) != len(r['entities']) or len(set(r['topics'])) != len(r['topics']): errs.append(f'line {ln}: duplicate label')
    if not r['title'].strip(): errs.append(f'line {ln}: empty title')
    if not re.match(r'^(positive|hard-negative|negative) \(.+\)$', r['note']): errs.append(f'line {ln}: bad note')
    if r['note'].startswith('positive') and not r['entities']: errs.append(f'line {ln}: positive without entity')
    if r['note'].startswith('hard-negative') and r['entities']: errs.append(f'line {ln}: hard negative with entity')
    cnt[r['lang']] += 1
if n < 360: errs.append(f'only {n} items')
for e in errs: print('ERROR', e)
print(f'{n} items {dict(cnt)}; {len(ents)} entities, {len(tops)} topics')
print('OK' if not errs else f'{len(errs)} errors'); sys.exit(1 if errs else 0)
