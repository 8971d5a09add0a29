#!/usr/bin/env python3
"""Format checker for the os89 blind set: YAML parses, ids unique, langs valid, labels exist."""
import json, re, sys, collections
import yaml
D='/tmp/os89/'
ok=True
def bad(m):
    global ok; ok=False; print('FAIL:',m)
wl=yaml.safe_load(open(D+'watchlist.yaml',encoding='utf-8'))
ents={e['id'] for e in wl['entities']}; tops={t['id'] for t in wl['topics']}
slug=re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
for x in ents|tops:
    if not slug.match(x): bad(f'bad slug {x}')
if len(ents)!=len(wl['entities']): bad('duplicate entity id')
if len(tops)!=len(wl['topics']): bad('duplicate topic id')
for e in wl['entities']:
    if not e.get('aliases'): bad(f'{e["id"]} has no aliases')
    if e.get('type') not in {'person','organization','vessel','place','event','other'}: bad(f'{e["id"]} type')
    if e.get('priority') not in {'low','medium','high','critical'}: bad(f'{e["id"]} priority')
def walk(c):
    if isinstance(c,dict):
        if 'entity' in c and c['entity']!='*' and c['entity'] not in ents: bad(f'topic refers to unknown entity {c["entity"]}')
        for v in c.values(): walk(v)
    elif isinstance(c,list):
        for v in c: walk(v)
for t in wl['topics']: walk(t['rule'])
ids=set(); langs=collections.Counter(); n=0
for i,line in enumerate(open(D+'os89.jsonl',encoding='utf-8'),1):
    try: r=json.loads(line)
    except Exception as ex: bad(f'line {i}: {ex}'); continue
    n+=1
    keys={'id','lang','title','summary','entities','topics','note'}
    if set(r)!=keys: bad(f'line {i}: keys {sorted(r)}')
    if r['id'] in ids: bad(f'dup id {r["id"]}')
    ids.add(r['id'])
    if not re.match(r'^os89-\d{3}$',r['id']): bad(f'bad id {r["id"]}')
    if r['lang'] not in ('en','es','pt'): bad(f'{r["id"]} lang')
    langs[r['lang']]+=1
    if not r['title'].strip(): bad(f'{r["id"]} empty title')
    for e in r['entities']:
        if e not in ents: bad(f'{r["id"]} unknown entity {e}')
    for t in r['topics']:
        if t not in tops: bad(f'{r["id"]} unknown topic {t}')
    if len(set(r['entities']))!=len(r['entities']) or len(set(r['topics']))!=len(r['topics']): bad(f'{r["id"]} dup label')
    if not re.match(r'^(positive|hard-negative|negative) \(.+\)$',r['note']): bad(f'{r["id"]} note')
    if r['note'].startswith('hard-negative') and r['entities']: bad(f'{r["id"]} hard negative with entity')
print(f'{n} items, langs {dict(langs)}, {len(ents)} entities, {len(tops)} topics')
print('OK' if ok else 'FAILED'); sys.exit(0 if ok else 1)
