"""Format checker for the other-seed-32 set: run with /work/main/.venv/bin/python check.py"""
import json, sys, collections
import yaml

HERE = __import__('os').path.dirname(__file__) or '.'
errors = []
wl = yaml.safe_load(open(f'{HERE}/watchlist.yaml', encoding='utf-8'))
for key in ('watchlist', 'entities', 'topics'):
    if key not in wl:
        errors.append(f'watchlist: missing {key}')
ent_ids = [e['id'] for e in wl['entities']]
top_ids = [t['id'] for t in wl['topics']]
for kind, ids in (('entity', ent_ids), ('topic', top_ids)):
    dup = [i for i, n in collections.Counter(ids).items() if n > 1]
    if dup:
        errors.append(f'watchlist: duplicate {kind} ids {dup}')
for e in wl['entities']:
    if not e.get('aliases'):
        errors.append(f'watchlist: entity {e["id"]} has no alias')
    for a in e.get('aliases', []):
        if isinstance(a, dict) and 'alias' not in a:
            errors.append(f'watchlist: entity {e["id"]} alias mapping without alias')

def walk(c):  # entity conditions in topic rules must name this file's entities
    if isinstance(c, dict):
        if 'entity' in c and c['entity'] != '*' and c['entity'] not in ent_ids:
            errors.append(f'watchlist: topic rule names unknown entity {c["entity"]}')
        for v in c.values():
            walk(v)
    elif isinstance(c, list):
        for v in c:
            walk(v)
for t in wl['topics']:
    walk(t.get('rule'))

ids = set()
langs = collections.Counter()
keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
for n, line in enumerate(open(f'{HERE}/os32.jsonl', encoding='utf-8'), 1):
    try:
        it = json.loads(line)
    except json.JSONDecodeError as ex:
        errors.append(f'line {n}: bad JSON {ex}')
        continue
    if set(it) != keys:
        errors.append(f'line {n}: keys {sorted(it)}')
    if it.get('id') in ids:
        errors.append(f'line {n}: duplicate id {it.get("id")}')
    ids.add(it.get('id'))
    if it.get('lang') not in ('en', 'es', 'pt'):
        errors.append(f'line {n}: bad lang {it.get("lang")}')
    langs[it.get('lang')] += 1
    if not isinstance(it.get('title'), str) or not it['title'].strip():
        errors.append(f'line {n}: empty title')
    for e in it.get('entities', []):
        if e not in ent_ids:
            errors.append(f'line {n}: unknown entity {e}')
    for t in it.get('topics', []):
        if t not in top_ids:
            errors.append(f'line {n}: unknown topic {t}')
    if len(set(it.get('entities', []))) != len(it.get('entities', [])):
        errors.append(f'line {n}: repeated entity')
    if not str(it.get('note', '')).split(' ')[0] in ('positive', 'hard-negative', 'negative'):
        errors.append(f'line {n}: note must start with positive|hard-negative|negative')
    if it.get('note', '').startswith(('negative', 'hard-negative')) and it.get('entities'):
        errors.append(f'line {n}: negative with entities')

print(f'{sum(langs.values())} items {dict(langs)}; {len(ent_ids)} entities, {len(top_ids)} topics')
if errors:
    print('\n'.join(errors))
    sys.exit(1)
print('OK')
