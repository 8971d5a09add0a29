#!/usr/bin/env python3
"""Format checker for the os37 evaluation set (stdlib + PyYAML only)."""
import json, os, re, sys, collections
import yaml
HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
def err(msg): errors.append(msg)

# --- watchlist
with open(os.path.join(HERE, 'watchlist.yaml'), encoding='utf-8') as f:
    wl = yaml.safe_load(f)
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
allowed_top = {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}
for k in wl:
    if k not in allowed_top: err(f'watchlist: unknown top-level key {k!r}')
if not isinstance(wl.get('watchlist'), str) or not slug.match(wl['watchlist']): err('watchlist: bad slug')
ent_keys = {'id', 'name', 'type', 'priority', 'aliases', 'requires', 'not_after', 'not_before',
            'unless', 'exclude', 'fuzzy'}
alias_keys = {'alias', 'case', 'requires', 'not_after', 'not_before', 'unless', 'exclude', 'fuzzy',
              'allow_after'}
ents, tops = set(), set()
for e in wl.get('entities', []):
    for k in e:
        if k not in ent_keys: err(f'entity {e.get("id")}: unknown key {k}')
    if not slug.match(e['id']): err(f'entity id {e["id"]} not a slug')
    if e['id'] in ents: err(f'duplicate entity id {e["id"]}')
    ents.add(e['id'])
    if e['type'] not in {'person', 'organization', 'vessel', 'place', 'event', 'other'}: err(f'{e["id"]}: type')
    if e['priority'] not in {'low', 'medium', 'high', 'critical'}: err(f'{e["id"]}: priority')
    if not e.get('aliases'): err(f'{e["id"]}: no aliases')
    for a in e['aliases']:
        if isinstance(a, dict):
            for k in a:
                if k not in alias_keys: err(f'{e["id"]}: alias key {k}')
            if 'alias' not in a: err(f'{e["id"]}: alias mapping without alias')
            if a.get('case', 'any') not in {'any', 'capitalized', 'exact'}: err(f'{e["id"]}: case')
        elif not isinstance(a, str):
            err(f'{e["id"]}: alias of type {type(a).__name__}')
def walk(cond, where):
    if isinstance(cond, str): return
    if isinstance(cond, list):
        for c in cond: walk(c, where)
        return
    if not isinstance(cond, dict): err(f'{where}: bad condition {cond!r}'); return
    if 'entity' in cond:
        if cond['entity'] != '*' and cond['entity'] not in ents: err(f'{where}: unknown entity {cond["entity"]}')
        return
    if 'term' in cond: return
    for k, v in cond.items():
        if k in ('all_of', 'any_of', 'none_of'): walk(v, where)
        elif k == 'near':
            if not isinstance(v.get('within'), int): err(f'{where}: near without within')
            walk(v['terms'], where)
        else: err(f'{where}: unknown condition key {k}')
for t in wl.get('topics', []):
    if not slug.match(t['id']): err(f'topic id {t["id"]} not a slug')
    if t['id'] in tops or t['id'] in ents: err(f'duplicate topic id {t["id"]}')
    tops.add(t['id'])
    walk(t['rule'], 'topic ' + t['id'])

# --- items
ids = set(); c = collections.Counter()
with open(os.path.join(HERE, 'os37.jsonl'), encoding='utf-8') as f:
    for n, line in enumerate(f, 1):
        try: r = json.loads(line)
        except Exception as ex: err(f'line {n}: bad JSON {ex}'); continue
        want = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
        if set(r) != want: err(f'line {n}: keys {sorted(r)}')
        if not re.match(r'^os37-\d{3}$', r.get('id', '')): err(f'line {n}: bad id {r.get("id")}')
        if r.get('id') in ids: err(f'line {n}: duplicate id {r["id"]}')
        ids.add(r.get('id'))
        if r.get('lang') not in {'en', 'es', 'pt'}: err(f'line {n}: lang {r.get("lang")}')
        if not r.get('title', '').strip(): err(f'line {n}: empty title')
        for e in r.get('entities', []):
            if e not in ents: err(f'line {n}: unknown entity {e}')
        for t in r.get('topics', []):
            if t not in tops: err(f'line {n}: unknown topic {t}')
        if len(set(r['entities'])) != len(r['entities']) or len(set(r['topics'])) != len(r['topics']):
            err(f'line {n}: duplicate label')
        kind = r.get('note', '').split(' ')[0]
        if kind not in {'positive', 'hard-negative', 'negative'}: err(f'line {n}: note kind {kind}')
        if (kind == 'positive') != bool(r['entities']): err(f'line {n}: note kind vs entities')
        c[r['lang']] += 1
if len(ids) < 360: err(f'only {len(ids)} items')
if errors:
    print('\n'.join(errors)); print(f'FAIL: {len(errors)} problem(s)'); sys.exit(1)
print(f'OK: {len(ids)} items {dict(c)}; {len(ents)} entities, {len(tops)} topics')
