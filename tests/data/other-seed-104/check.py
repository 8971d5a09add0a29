"""Format checker for os104: YAML parses, ids unique, langs valid, labels exist in the watchlist."""
import json, re, sys, collections
import yaml

base = '/tmp/os104/'
errors = []
wl = yaml.safe_load(open(base + 'watchlist.yaml', encoding='utf-8'))
allowed_top = {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}
for k in wl:
    if k not in allowed_top:
        errors.append(f'watchlist: unknown top-level key {k}')
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ent_ids = [e['id'] for e in wl['entities']]
top_ids = [t['id'] for t in wl['topics']]
for i in ent_ids + top_ids:
    if not slug.match(i):
        errors.append(f'bad slug {i}')
for name, ids in (('entity', ent_ids), ('topic', top_ids)):
    for i, n in collections.Counter(ids).items():
        if n > 1:
            errors.append(f'duplicate {name} id {i}')
for e in wl['entities']:
    if e.get('type') not in {'person', 'organization', 'vessel', 'place', 'event', 'other'}:
        errors.append(f'{e["id"]}: bad type')
    if e.get('priority') not in {'low', 'medium', 'high', 'critical'}:
        errors.append(f'{e["id"]}: bad priority')
    if not e.get('aliases'):
        errors.append(f'{e["id"]}: no aliases')
    for a in e['aliases']:
        if isinstance(a, dict) and 'alias' not in a:
            errors.append(f'{e["id"]}: alias mapping without alias')
# entity conditions in topics must name entities of this file
def walk(x):
    if isinstance(x, dict):
        if 'entity' in x and x['entity'] != '*' and x['entity'] not in ent_ids:
            errors.append(f'topic refers to unknown entity {x["entity"]}')
        for v in x.values():
            walk(v)
    elif isinstance(x, list):
        for v in x:
            walk(v)
walk(wl['topics'])

ids = set()
n = 0
fields = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
for ln, line in enumerate(open(base + 'os104.jsonl', encoding='utf-8'), 1):
    try:
        r = json.loads(line)
    except Exception as ex:
        errors.append(f'line {ln}: bad json {ex}')
        continue
    n += 1
    if set(r) != fields:
        errors.append(f'line {ln}: fields {sorted(r)}')
    if not re.match(r'^os104-\d{3}$', r.get('id', '')):
        errors.append(f'line {ln}: bad id')
    if r['id'] in ids:
        errors.append(f'line {ln}: duplicate id {r["id"]}')
    ids.add(r['id'])
    if r['lang'] not in ('en', 'es', 'pt'):
        errors.append(f'line {ln}: bad lang')
    if not r['title'].strip():
        errors.append(f'line {ln}: empty title')
    for e in r['entities']:
        if e not in ent_ids:
            errors.append(f'line {ln}: unknown entity {e}')
    for t in r['topics']:
        if t not in top_ids:
            errors.append(f'line {ln}: unknown topic {t}')
    if len(set(r['entities'])) != len(r['entities']) or len(set(r['topics'])) != len(r['topics']):
        errors.append(f'line {ln}: repeated label')
    if not re.match(r'^(positive|hard-negative|negative) \(.+\)$', r['note']):
        errors.append(f'line {ln}: bad note')
if n < 360:
    errors.append(f'only {n} items')
for e in errors:
    print('ERROR', e)
print(f'{n} items, {len(ent_ids)} entities, {len(top_ids)} topics:', 'FAIL' if errors else 'PASS')
sys.exit(1 if errors else 0)
