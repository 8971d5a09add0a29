"""Format checker for os78: YAML parses, ids unique, langs valid, labels exist in the watchlist."""
import json, sys, pathlib, re, collections
import yaml
root = pathlib.Path(__file__).parent
errors = []
wl = yaml.safe_load((root/'watchlist.yaml').read_text(encoding='utf-8'))
ents = [e['id'] for e in wl['entities']]
tops = [t['id'] for t in wl['topics']]
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
for i in ents + tops:
    if not slug.match(i): errors.append(f'bad slug {i}')
if len(set(ents)) != len(ents): errors.append('duplicate entity ids')
if len(set(tops)) != len(tops): errors.append('duplicate topic ids')
for e in wl['entities']:
    if not e.get('aliases'): errors.append(f'{e["id"]}: no aliases')
ids = set(); langs = collections.Counter(); kinds = collections.Counter()
keys = {'id','lang','title','summary','entities','topics','note'}
for n, line in enumerate((root/'os78.jsonl').read_text(encoding='utf-8').splitlines(), 1):
    try: it = json.loads(line)
    except Exception as ex: errors.append(f'line {n}: bad json {ex}'); continue
    if set(it) != keys: errors.append(f'line {n}: keys {sorted(it)}')
    if it['id'] in ids: errors.append(f'line {n}: duplicate id {it["id"]}')
    ids.add(it['id'])
    if not re.match(r'^os78-\d{3}$', it['id']): errors.append(f'line {n}: bad id')
    if it['lang'] not in ('en','es','pt'): errors.append(f'line {n}: lang {it["lang"]}')
    langs[it['lang']] += 1
    if not it['title'].strip(): errors.append(f'line {n}: empty title')
    for e in it['entities']:
        if e not in ents: errors.append(f'line {n}: unknown entity {e}')
    for t in it['topics']:
        if t not in tops: errors.append(f'line {n}: unknown topic {t}')
    m = re.match(r'^(positive|hard-negative|negative) \(.+\)$', it['note'])
    if not m: errors.append(f'line {n}: bad note'); continue
    kinds[m.group(1)] += 1
    if (m.group(1) == 'positive') != bool(it['entities']):
        errors.append(f'line {n}: note kind vs entities mismatch')
print('items', len(ids), dict(langs), dict(kinds), 'entities', len(ents), 'topics', len(tops))
if len(ids) < 360: errors.append('fewer than 360 items')
for e in errors: print('ERROR', e)
sys.exit(1 if errors else 0)
