"""Format checker for os117: ids unique, langs valid, labels exist in the watchlist, YAML parses."""
import json, re, sys, yaml
from pathlib import Path
here = Path(__file__).parent
wl = yaml.safe_load((here/'watchlist.yaml').read_text(encoding='utf-8'))
ents = {e['id'] for e in wl['entities']}; tops = {t['id'] for t in wl['topics']}
assert len(ents) == len(wl['entities']) and len(tops) == len(wl['topics']), 'duplicate ids in watchlist'
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
errs = []
for i in ents | tops:
    if not slug.match(i): errs.append(f'bad slug {i}')
for e in wl['entities']:
    if not e.get('aliases'): errs.append(f'{e["id"]}: no aliases')
seen = set(); n = 0
for ln, line in enumerate((here/'os117.jsonl').read_text(encoding='utf-8').splitlines(), 1):
    try: d = json.loads(line)
    except Exception as ex: errs.append(f'line {ln}: bad json {ex}'); continue
    n += 1
    keys = {'id','lang','title','summary','entities','topics','note'}
    if set(d) != keys: errs.append(f'line {ln}: keys {sorted(set(d) ^ keys)}')
    if d.get('id') in seen: errs.append(f'line {ln}: duplicate id {d.get("id")}')
    seen.add(d.get('id'))
    if not re.match(r'^os117-\d{3}$', str(d.get('id'))): errs.append(f'line {ln}: bad id')
    if d.get('lang') not in ('en','es','pt'): errs.append(f'line {ln}: bad lang')
    if not isinstance(d.get('title'), str) or not d['title'].strip(): errs.append(f'line {ln}: empty title')
    for x in d.get('entities', []):
        if x not in ents: errs.append(f'line {ln}: unknown entity {x}')
    for x in d.get('topics', []):
        if x not in tops: errs.append(f'line {ln}: unknown topic {x}')
    if len(set(d.get('entities',[]))) != len(d.get('entities',[])): errs.append(f'line {ln}: repeated entity')
    if not re.match(r'^(positive|hard-negative|negative) \(', d.get('note','')): errs.append(f'line {ln}: bad note')
print(f'{n} items, {len(ents)} entities, {len(tops)} topics')
if errs:
    print('\n'.join(errs)); sys.exit(1)
print('OK')
