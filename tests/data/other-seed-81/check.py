#!/usr/bin/env python3
"""Format checker for the os81 evaluation set (does not run or score the matcher)."""
import json, re, sys, collections
import yaml

HERE = sys.argv[1] if len(sys.argv) > 1 else '/tmp/os81'
errors = []

def err(msg):
    errors.append(msg)

# --- watchlist parses and has the expected shape
try:
    wl = yaml.safe_load(open(f'{HERE}/watchlist.yaml', encoding='utf-8'))
except Exception as e:
    print('YAML does not parse:', e); sys.exit(1)
SLUG = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
for k in ('watchlist', 'entities', 'topics'):
    if k not in wl: err(f'watchlist: missing key {k}')
ent_ids = [e['id'] for e in wl.get('entities', [])]
top_ids = [t['id'] for t in wl.get('topics', [])]
for i in ent_ids + top_ids:
    if not SLUG.match(i): err(f'watchlist: bad slug {i!r}')
for name, ids in (('entity', ent_ids), ('topic', top_ids)):
    for i, n in collections.Counter(ids).items():
        if n > 1: err(f'watchlist: duplicate {name} id {i}')
if set(ent_ids) & set(top_ids): err('watchlist: id shared by an entity and a topic')
for e in wl.get('entities', []):
    if not e.get('aliases'): err(f"entity {e['id']}: no aliases")
    if e.get('type') not in {'person','organization','vessel','place','event','other'}:
        err(f"entity {e['id']}: bad type {e.get('type')}")
    if e.get('priority') not in {'low','medium','high','critical'}:
        err(f"entity {e['id']}: bad priority {e.get('priority')}")
    for a in e['aliases']:
        if isinstance(a, dict) and 'alias' not in a: err(f"entity {e['id']}: alias mapping without alias")
        if isinstance(a, (bool, int, float)): err(f"entity {e['id']}: alias read as {type(a).__name__}: {a!r}")
for t in wl.get('topics', []):
    if 'rule' not in t: err(f"topic {t['id']}: no rule")
    if not t.get('name'): err(f"topic {t['id']}: no name")
# entity conditions in topic rules must refer to this file's entities
def walk(x):
    if isinstance(x, dict):
        if 'entity' in x and x['entity'] != '*' and x['entity'] not in ent_ids:
            err(f"topic rule refers to unknown entity {x['entity']}")
        for k, v in x.items():
            if k in BOOL_KEYS:
                if not isinstance(v, bool): err(f'{k} must be true or false')
                continue
            walk(v)
    elif isinstance(x, list):
        for v in x: walk(v)
    elif isinstance(x, bool):
        err(f'a term was read by YAML as a boolean: {x}')
BOOL_KEYS = {'fuzzy', 'in_order', 'across_fields', 'listed'}
walk(wl.get('topics', []))
walk(wl.get('entities', []))

# --- items
ENT, TOP = set(ent_ids), set(top_ids)
ids = set(); langs = collections.Counter(); n = 0
REQ = ['id', 'lang', 'title', 'summary', 'entities', 'topics', 'note']
for ln, line in enumerate(open(f'{HERE}/os81.jsonl', encoding='utf-8'), 1):
    if not line.strip(): err(f'line {ln}: blank line'); continue
    try: o = json.loads(line)
    except Exception as e: err(f'line {ln}: bad JSON: {e}'); continue
    n += 1
    for k in REQ:
        if k not in o: err(f'line {ln}: missing {k}')
    extra = set(o) - set(REQ)
    if extra: err(f'line {ln}: unknown keys {extra}')
    i = o.get('id')
    if not re.match(r'^os81-\d{3}$', str(i)): err(f'line {ln}: bad id {i}')
    if i in ids: err(f'line {ln}: duplicate id {i}')
    ids.add(i)
    if o.get('lang') not in ('en', 'es', 'pt'): err(f'line {ln}: bad lang {o.get("lang")}')
    langs[o.get('lang')] += 1
    if not isinstance(o.get('title'), str) or not o['title'].strip(): err(f'line {ln}: empty title')
    if not isinstance(o.get('summary'), str): err(f'line {ln}: summary not a string')
    for k, allowed in (('entities', ENT), ('topics', TOP)):
        v = o.get(k)
        if not isinstance(v, list): err(f'line {ln}: {k} not a list'); continue
        if len(v) != len(set(v)): err(f'line {ln}: duplicate {k}')
        for x in v:
            if x not in allowed: err(f'line {ln}: unknown {k[:-1]} id {x!r}')
    note = o.get('note', '')
    if not re.match(r'^(positive|hard-negative|negative) \(.+\)$', note):
        err(f'line {ln}: note must be "positive|hard-negative|negative (reason)": {note!r}')
    if note.startswith('negative') and (o.get('entities') or o.get('topics')):
        err(f'line {ln}: a plain negative carries labels')
    if note.startswith('hard-negative') and o.get('entities'):
        err(f'line {ln}: a hard negative carries entity labels')

if n < 360: err(f'only {n} items (need >= 360)')
print(f'items: {n}  langs: {dict(langs)}  entities: {len(ent_ids)}  topics: {len(top_ids)}')
if errors:
    print(f'{len(errors)} problem(s):'); [print(' -', e) for e in errors]; sys.exit(1)
print('OK')
