#!/usr/bin/env python3
"""Format checker for the os11 blind evaluation set (no scoring, no project code)."""
import json, re, sys, os
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []

def err(msg):
    errors.append(msg)

# --- watchlist --------------------------------------------------------------------------------
try:
    with open(os.path.join(HERE, 'watchlist.yaml'), encoding='utf-8') as f:
        wl = yaml.safe_load(f)
except Exception as e:  # noqa
    sys.exit(f'watchlist.yaml does not parse: {e}')

SLUG = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ent_ids, top_ids = set(), set()
if not isinstance(wl, dict) or 'watchlist' not in wl:
    err('watchlist.yaml: missing "watchlist" key')
for e in wl.get('entities') or []:
    i = e.get('id')
    if not i or not SLUG.match(i): err(f'bad entity id {i!r}')
    if i in ent_ids: err(f'duplicate entity id {i}')
    ent_ids.add(i)
    if not e.get('aliases'): err(f'entity {i} has no aliases')
    if e.get('type') not in {'person', 'organization', 'vessel', 'place', 'event', 'other'}:
        err(f'entity {i}: bad type {e.get("type")!r}')
    if e.get('priority') not in {'low', 'medium', 'high', 'critical'}:
        err(f'entity {i}: bad priority {e.get("priority")!r}')
    for a in e['aliases']:
        if isinstance(a, dict) and 'alias' not in a: err(f'entity {i}: alias mapping without "alias"')
for t in wl.get('topics') or []:
    i = t.get('id')
    if not i or not SLUG.match(i): err(f'bad topic id {i!r}')
    if i in top_ids | ent_ids: err(f'duplicate topic id {i}')
    top_ids.add(i)
    if 'rule' not in t: err(f'topic {i} has no rule')

def walk(node):  # entity conditions inside topic rules must name entities of the file
    if isinstance(node, dict):
        if 'entity' in node and node['entity'] != '*' and node['entity'] not in ent_ids:
            err(f'topic rule names unknown entity {node["entity"]}')
        for v in node.values(): walk(v)
    elif isinstance(node, list):
        for v in node: walk(v)
for t in wl.get('topics') or []:
    walk(t.get('rule'))

# --- items ------------------------------------------------------------------------------------
KEYS = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
seen = set(); n = 0; langs = {}
with open(os.path.join(HERE, 'os11.jsonl'), encoding='utf-8') as f:
    for ln, line in enumerate(f, 1):
        if not line.strip():
            err(f'line {ln}: blank line'); continue
        try:
            o = json.loads(line)
        except Exception as e:  # noqa
            err(f'line {ln}: bad JSON: {e}'); continue
        n += 1
        if set(o) != KEYS: err(f'line {ln}: keys {sorted(o)}')
        i = o.get('id')
        if not isinstance(i, str) or not re.match(r'^os11-\d{3}$', i): err(f'line {ln}: bad id {i!r}')
        if i in seen: err(f'line {ln}: duplicate id {i}')
        seen.add(i)
        if o.get('lang') not in {'en', 'es', 'pt'}: err(f'{i}: bad lang {o.get("lang")!r}')
        langs[o.get('lang')] = langs.get(o.get('lang'), 0) + 1
        if not isinstance(o.get('title'), str) or not o['title'].strip(): err(f'{i}: empty title')
        else:
            w = len(o['title'].split())
            if not 4 <= w <= 18: err(f'{i}: title has {w} words (want 4-18)')
        if not isinstance(o.get('summary'), str): err(f'{i}: summary not a string')
        for k, ids in (('entities', ent_ids), ('topics', top_ids)):
            v = o.get(k)
            if not isinstance(v, list): err(f'{i}: {k} not a list'); continue
            if len(set(v)) != len(v): err(f'{i}: duplicate {k}')
            for x in v:
                if x not in ids: err(f'{i}: unknown {k[:-1]} id {x!r}')
        note = o.get('note', '')
        m = re.match(r'^(positive|hard-negative|negative) \(.+\)$', note or '')
        if not m: err(f'{i}: note must be "positive|hard-negative|negative (reason)": {note!r}')
        elif (m.group(1) == 'positive') != bool(o.get('entities')):
            err(f'{i}: a positive must name at least one watched entity, and only positives do')

if n < 360: err(f'only {n} items (want at least 360)')
for e in errors: print('ERROR', e)
print(f'{n} items {langs}; {len(ent_ids)} entities, {len(top_ids)} topics; '
      + ('OK' if not errors else f'{len(errors)} error(s)'))
sys.exit(1 if errors else 0)
