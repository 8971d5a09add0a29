#!/usr/bin/env python3
"""Format checker for the os16 evaluation set (no scoring, no project code)."""
import json, re, sys, pathlib, collections
import yaml
HERE = pathlib.Path(__file__).parent
errors = []
def err(msg): errors.append(msg)

# ---- watchlist
wl = yaml.safe_load((HERE / 'watchlist.yaml').read_text(encoding='utf-8'))
SLUG = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
TOP_KEYS = {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}
ENT_KEYS = {'id', 'name', 'type', 'priority', 'aliases', 'requires', 'not_after', 'not_before',
            'unless', 'exclude', 'fuzzy'}
ALIAS_KEYS = {'alias', 'case', 'requires', 'not_after', 'not_before', 'unless', 'fuzzy',
              'allow_after', 'exclude'}
for k in wl:
    if k not in TOP_KEYS: err(f'watchlist: unknown top-level key {k}')
if not SLUG.match(str(wl.get('watchlist', ''))): err('watchlist: bad slug')
ent_ids, top_ids = [], []
for e in wl.get('entities', []):
    for k in e:
        if k not in ENT_KEYS: err(f"entity {e.get('id')}: unknown key {k}")
    if not SLUG.match(e.get('id', '')): err(f"entity id {e.get('id')} not a slug")
    if e.get('type') not in {'person', 'organization', 'vessel', 'place', 'event', 'other'}:
        err(f"entity {e['id']}: bad type")
    if e.get('priority') not in {'low', 'medium', 'high', 'critical'}:
        err(f"entity {e['id']}: bad priority")
    if not e.get('aliases'): err(f"entity {e['id']}: no aliases")
    for a in e.get('aliases', []):
        if isinstance(a, dict):
            for k in a:
                if k not in ALIAS_KEYS: err(f"entity {e['id']}: alias key {k}")
            if not isinstance(a.get('alias'), str): err(f"entity {e['id']}: alias without text")
            if a.get('case', 'any') not in {'any', 'capitalized', 'exact'}:
                err(f"entity {e['id']}: bad case")
        elif not isinstance(a, str):
            err(f"entity {e['id']}: alias of type {type(a).__name__}")
    ent_ids.append(e['id'])
def walk(cond, where):
    if isinstance(cond, str): return
    if isinstance(cond, list):
        for c in cond: walk(c, where)
        return
    if not isinstance(cond, dict): err(f'{where}: bad condition {cond!r}'); return
    if 'entity' in cond:
        if cond['entity'] != '*' and cond['entity'] not in ent_ids:
            err(f"{where}: unknown entity {cond['entity']}")
        return
    if 'term' in cond: return
    for k, v in cond.items():
        if k in ('all_of', 'any_of', 'none_of'): walk(v, where)
        elif k == 'near':
            for g in v['terms']: walk(g, where)
            if not isinstance(v.get('within'), int): err(f'{where}: near without within')
        else: err(f'{where}: unknown condition key {k}')
for t in wl.get('topics', []):
    if not SLUG.match(t.get('id', '')): err(f"topic id {t.get('id')} not a slug")
    walk(t.get('rule'), f"topic {t.get('id')}")
    top_ids.append(t['id'])
for name, ids in (('entity', ent_ids), ('topic', top_ids)):
    for i, n in collections.Counter(ids).items():
        if n > 1: err(f'duplicate {name} id {i}')

# ---- items
KEYS = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
seen = set(); n = 0
per_lang = collections.Counter()
for ln, line in enumerate((HERE / 'os16.jsonl').read_text(encoding='utf-8').splitlines(), 1):
    try:
        it = json.loads(line)
    except json.JSONDecodeError as ex:
        err(f'line {ln}: {ex}'); continue
    n += 1
    if set(it) != KEYS: err(f'line {ln}: keys {sorted(it)}')
    if not re.match(r'^os16-\d{3}$', str(it.get('id'))): err(f'line {ln}: bad id {it.get("id")}')
    if it.get('id') in seen: err(f'line {ln}: duplicate id {it["id"]}')
    seen.add(it.get('id'))
    if it.get('lang') not in {'en', 'es', 'pt'}: err(f'line {ln}: bad lang')
    per_lang[it.get('lang')] += 1
    if not isinstance(it.get('title'), str) or not it['title'].strip(): err(f'line {ln}: empty title')
    if not isinstance(it.get('summary'), str): err(f'line {ln}: summary not a string')
    for e in it.get('entities', []):
        if e not in ent_ids: err(f'line {ln}: unknown entity {e}')
    for t in it.get('topics', []):
        if t not in top_ids: err(f'line {ln}: unknown topic {t}')
    if len(set(it['entities'])) != len(it['entities']): err(f'line {ln}: repeated entity')
    kind = it.get('note', '').split(' ', 1)[0]
    if kind not in {'positive', 'hard-negative', 'negative'}: err(f'line {ln}: bad note {kind}')
    if (kind == 'positive') != bool(it['entities']): err(f'line {ln}: note/entities disagree')
if n < 360: err(f'only {n} items')
if errors:
    print('\n'.join(errors)); print(f'FAIL: {len(errors)} problem(s)'); sys.exit(1)
print(f'OK: {n} items {dict(per_lang)}; {len(ent_ids)} entities, {len(top_ids)} topics')
