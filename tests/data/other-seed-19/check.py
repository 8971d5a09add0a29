"""Format checker for the os19 set: python check.py"""
import json, sys, os, yaml
here = os.path.dirname(os.path.abspath(__file__))
errs = []
wl = yaml.safe_load(open(os.path.join(here, 'watchlist.yaml'), encoding='utf-8'))
ents = [e['id'] for e in wl['entities']]
tops = [t['id'] for t in wl['topics']]
if len(set(ents)) != len(ents): errs.append('duplicate entity id')
if len(set(tops)) != len(tops): errs.append('duplicate topic id')
for e in wl['entities']:
    if not e.get('aliases'): errs.append(f"{e['id']}: no aliases")
ids = set()
keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
for n, line in enumerate(open(os.path.join(here, 'os19.jsonl'), encoding='utf-8'), 1):
    try:
        r = json.loads(line)
    except Exception as ex:
        errs.append(f'line {n}: bad json {ex}'); continue
    if set(r) != keys: errs.append(f'line {n}: keys {sorted(r)}')
    if r['id'] in ids: errs.append(f"line {n}: duplicate id {r['id']}")
    ids.add(r['id'])
    if not r['id'].startswith('os19-'): errs.append(f'line {n}: id prefix')
    if r['lang'] not in ('en', 'es', 'pt'): errs.append(f"line {n}: lang {r['lang']}")
    for e in r['entities']:
        if e not in ents: errs.append(f'line {n}: unknown entity {e}')
    for t in r['topics']:
        if t not in tops: errs.append(f'line {n}: unknown topic {t}')
    if len(set(r['entities'])) != len(r['entities']): errs.append(f'line {n}: dup entity')
    kind = r['note'].split(' ')[0]
    if kind not in ('positive', 'hard-negative', 'negative'): errs.append(f'line {n}: note kind')
    if (kind == 'positive') != bool(r['entities']): errs.append(f'line {n}: kind/entities mismatch')
    w = len(r['title'].split())
    if not 4 <= w <= 18: errs.append(f"line {n}: title has {w} words: {r['title']}")
    if not r['title'].strip(): errs.append(f'line {n}: empty title')
print(f'{len(ids)} items, {len(ents)} entities, {len(tops)} topics')
if errs:
    print('\n'.join(errs)); sys.exit(1)
print('OK')
