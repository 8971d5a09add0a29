"""Format checker for the os82 set: YAML parses, ids unique, langs valid, labels exist."""
import json, re, sys
import yaml

HERE = __file__.rsplit('/', 1)[0] or '.'
errors = []
wl = yaml.safe_load(open(f'{HERE}/watchlist.yaml', encoding='utf-8'))
allowed_top = {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}
for k in wl:
    if k not in allowed_top:
        errors.append(f'watchlist: unknown top-level key {k}')
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ents = [e['id'] for e in wl['entities']]
tops = [t['id'] for t in wl['topics']]
for i in ents + tops:
    if not slug.match(i):
        errors.append(f'bad slug {i}')
if len(set(ents + tops)) != len(ents + tops):
    errors.append('duplicate entity/topic ids')
for e in wl['entities']:
    if e.get('type') not in {'person', 'organization', 'vessel', 'place', 'event', 'other'}:
        errors.append(f"{e['id']}: bad type")
    if e.get('priority') not in {'low', 'medium', 'high', 'critical'}:
        errors.append(f"{e['id']}: bad priority")
    if not e.get('aliases'):
        errors.append(f"{e['id']}: no aliases")
    for a in e['aliases']:
        if isinstance(a, dict) and 'alias' not in a:
            errors.append(f"{e['id']}: alias mapping without alias")
        if isinstance(a, dict) and a.get('case', 'any') not in {'any', 'capitalized', 'exact'}:
            errors.append(f"{e['id']}: bad case")
def walk_entities(x):
    if isinstance(x, dict):
        if 'entity' in x and x['entity'] != '*' and x['entity'] not in ents:
            errors.append(f"topic refers to unknown entity {x['entity']}")
        for v in x.values(): walk_entities(v)
    elif isinstance(x, list):
        for v in x: walk_entities(v)
for t in wl['topics']:
    if 'rule' not in t or 'name' not in t:
        errors.append(f"{t['id']}: rule/name missing")
    walk_entities(t.get('rule')); walk_entities(t.get('none_of'))

ids = set(); n = 0; langs = {}
required = ['id', 'lang', 'title', 'summary', 'entities', 'topics', 'note']
for ln, line in enumerate(open(f'{HERE}/os82.jsonl', encoding='utf-8'), 1):
    if not line.strip():
        continue
    try:
        o = json.loads(line)
    except Exception as ex:
        errors.append(f'line {ln}: bad JSON {ex}'); continue
    n += 1
    for k in required:
        if k not in o: errors.append(f'line {ln}: missing {k}')
    if set(o) - set(required): errors.append(f'line {ln}: extra keys {set(o)-set(required)}')
    if not re.match(r'^os82-\d{3}$', o.get('id', '')): errors.append(f'line {ln}: bad id')
    if o.get('id') in ids: errors.append(f"line {ln}: duplicate id {o['id']}")
    ids.add(o.get('id'))
    if o.get('lang') not in {'en', 'es', 'pt'}: errors.append(f'line {ln}: bad lang')
    langs[o.get('lang')] = langs.get(o.get('lang'), 0) + 1
    if not o.get('title', '').strip(): errors.append(f'line {ln}: empty title')
    for x in o.get('entities', []):
        if x not in ents: errors.append(f'line {ln}: unknown entity {x}')
    for x in o.get('topics', []):
        if x not in tops: errors.append(f'line {ln}: unknown topic {x}')
    if len(set(o.get('entities', []))) != len(o.get('entities', [])): errors.append(f'line {ln}: dup entity')
    kind = o.get('note', '').split(' ')[0]
    if kind not in {'positive', 'hard-negative', 'negative'}: errors.append(f'line {ln}: bad note kind')
    if kind == 'positive' and not o['entities']: errors.append(f'line {ln}: positive without entity')
    if kind != 'positive' and o['entities']: errors.append(f'line {ln}: negative with entity')
if n < 360: errors.append(f'only {n} items')
print(f'{n} items {langs}; {len(ents)} entities, {len(tops)} topics')
if errors:
    print('\n'.join(errors)); sys.exit(1)
print('OK')
