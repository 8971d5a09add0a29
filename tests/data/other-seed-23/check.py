#!/usr/bin/env python3
"""Format checker for the os23 evaluation set (stdlib + PyYAML only; does not run the tool)."""
import json, re, sys, collections, os
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
def err(msg): errors.append(msg)

# --- watchlist ---
with open(os.path.join(HERE, 'watchlist.yaml'), encoding='utf-8') as f:
    wl = yaml.safe_load(f)
SLUG = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
for k in ('watchlist', 'entities', 'topics'):
    if k not in wl: err(f'watchlist: missing {k}')
ent_ids, top_ids = set(), set()
for e in wl.get('entities', []):
    if not SLUG.match(e.get('id', '')): err(f'entity id not a slug: {e.get("id")}')
    if e['id'] in ent_ids: err(f'duplicate entity id {e["id"]}')
    ent_ids.add(e['id'])
    if e.get('type') not in {'person','organization','vessel','place','event','other'}: err(f'{e["id"]}: bad type')
    if e.get('priority') not in {'low','medium','high','critical'}: err(f'{e["id"]}: bad priority')
    if not e.get('aliases'): err(f'{e["id"]}: no aliases')
    for a in e.get('aliases', []):
        if isinstance(a, dict):
            if 'alias' not in a: err(f'{e["id"]}: alias mapping without alias')
            if a.get('case', 'any') not in {'any','capitalized','exact'}: err(f'{e["id"]}: bad case')
        elif not isinstance(a, str): err(f'{e["id"]}: alias of wrong type')
def walk_entities(cond, tid):
    if isinstance(cond, dict):
        if 'entity' in cond and cond['entity'] != '*' and cond['entity'] not in ent_ids:
            err(f'topic {tid}: unknown entity {cond["entity"]}')
        for v in cond.values(): walk_entities(v, tid)
    elif isinstance(cond, list):
        for v in cond: walk_entities(v, tid)
for t in wl.get('topics', []):
    if not SLUG.match(t.get('id', '')): err(f'topic id not a slug: {t.get("id")}')
    if t['id'] in top_ids: err(f'duplicate topic id {t["id"]}')
    top_ids.add(t['id'])
    if 'rule' not in t: err(f'topic {t["id"]}: no rule')
    walk_entities(t.get('rule'), t['id'])

# --- items ---
ids = set(); langs = collections.Counter(); kinds = collections.Counter()
REQ = ['id', 'lang', 'title', 'summary', 'entities', 'topics', 'note']
with open(os.path.join(HERE, 'os23.jsonl'), encoding='utf-8') as f:
    for n, line in enumerate(f, 1):
        try: it = json.loads(line)
        except Exception as ex: err(f'line {n}: bad JSON: {ex}'); continue
        if list(it.keys()) != REQ: err(f'line {n}: keys {list(it.keys())}')
        if not re.match(r'^os23-\d{3}$', str(it.get('id'))): err(f'line {n}: bad id {it.get("id")}')
        if it.get('id') in ids: err(f'line {n}: duplicate id {it["id"]}')
        ids.add(it.get('id'))
        if it.get('lang') not in {'en', 'es', 'pt'}: err(f'line {n}: bad lang')
        langs[it.get('lang')] += 1
        if not isinstance(it.get('title'), str) or not it['title'].strip(): err(f'line {n}: empty title')
        if not isinstance(it.get('summary'), str): err(f'line {n}: summary not a string')
        for e in it.get('entities', []):
            if e not in ent_ids: err(f'line {n}: unknown entity {e}')
        for t in it.get('topics', []):
            if t not in top_ids: err(f'line {n}: unknown topic {t}')
        if len(set(it.get('entities', []))) != len(it.get('entities', [])): err(f'line {n}: repeated entity')
        kind = str(it.get('note', '')).split(' ', 1)[0]
        if kind not in {'positive', 'hard-negative', 'negative'}: err(f'line {n}: note kind {kind!r}')
        kinds[kind] += 1
        if kind == 'positive' and not it['entities']: err(f'line {n}: positive without entities')
        if kind != 'positive' and it['entities']: err(f'line {n}: {kind} with entities')
        nw = len(it['title'].split())
        if not 4 <= nw <= 18: err(f'line {n}: title has {nw} words')

print('items', len(ids), dict(langs), dict(kinds))
if errors:
    print('\n'.join(errors)); print(f'FAIL: {len(errors)} problem(s)'); sys.exit(1)
print('OK')
