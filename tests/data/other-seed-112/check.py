#!/usr/bin/env python3
"""Format checker for the os112 evaluation set (stdlib + PyYAML only)."""
import json, re, sys, collections
import yaml

HERE = '/tmp/os112'
errors, warnings = [], []
SLUG = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')

# --- watchlist -----------------------------------------------------------
wl = yaml.safe_load(open(f'{HERE}/watchlist.yaml', encoding='utf-8'))
TOP = {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}
ENT = {'id', 'name', 'type', 'priority', 'aliases', 'requires', 'not_after', 'not_before',
       'unless', 'exclude', 'fuzzy'}
ALIAS = {'alias', 'case', 'requires', 'not_after', 'not_before', 'listed', 'unless', 'exclude',
         'fuzzy', 'allow_after'}
TOPIC = {'id', 'name', 'fields', 'rule', 'none_of'}
COND = {'all_of', 'any_of', 'none_of', 'near', 'term', 'case', 'entity', 'area'}
for k in wl:
    if k not in TOP: errors.append(f'watchlist: unknown top key {k}')
if not SLUG.match(str(wl.get('watchlist', ''))): errors.append('watchlist slug')
ent_ids, topic_ids = [], []
for e in wl['entities']:
    for k in e:
        if k not in ENT: errors.append(f'entity {e.get("id")}: unknown key {k}')
    if not SLUG.match(e['id']): errors.append(f'bad entity id {e["id"]}')
    if e['type'] not in {'person', 'organization', 'vessel', 'place', 'event', 'other'}:
        errors.append(f'{e["id"]}: type')
    if e['priority'] not in {'low', 'medium', 'high', 'critical'}: errors.append(f'{e["id"]}: priority')
    if not e.get('aliases'): errors.append(f'{e["id"]}: no aliases')
    for a in e['aliases']:
        if isinstance(a, dict):
            for k in a:
                if k not in ALIAS: errors.append(f'{e["id"]}: alias key {k}')
            if 'alias' not in a: errors.append(f'{e["id"]}: alias mapping without alias')
            if a.get('case', 'any') not in {'any', 'capitalized', 'exact'}: errors.append(f'{e["id"]}: case')
        elif not isinstance(a, str):
            errors.append(f'{e["id"]}: alias type {a!r}')
    ent_ids.append(e['id'])

def walk(c, where):
    if isinstance(c, (str, int, float)): return
    if isinstance(c, list):
        for x in c: walk(x, where)
        return
    if isinstance(c, dict):
        for k in c:
            if k not in COND: errors.append(f'{where}: condition key {k}')
        if 'entity' in c and c['entity'] != '*' and c['entity'] not in ent_ids:
            errors.append(f'{where}: unknown entity {c["entity"]}')
        if 'near' in c:
            n = c['near']
            for k in n:
                if k not in {'terms', 'within', 'in_order', 'across_fields'}: errors.append(f'{where}: near key {k}')
            if not isinstance(n.get('within'), int): errors.append(f'{where}: near within')
            walk(n['terms'], where)
        for k in ('all_of', 'any_of', 'none_of'):
            if k in c: walk(c[k], where)
        return
    errors.append(f'{where}: bad condition {c!r}')

for t in wl['topics']:
    for k in t:
        if k not in TOPIC: errors.append(f'topic {t.get("id")}: unknown key {k}')
    if not SLUG.match(t['id']): errors.append(f'bad topic id {t["id"]}')
    walk(t['rule'], t['id']); walk(t.get('none_of', []), t['id'])
    topic_ids.append(t['id'])
for ids, what in ((ent_ids, 'entity'), (topic_ids, 'topic')):
    for i, n in collections.Counter(ids).items():
        if n > 1: errors.append(f'duplicate {what} id {i}')

# --- items ----------------------------------------------------------------
FIELDS = ['id', 'lang', 'title', 'summary', 'entities', 'topics', 'note']
seen = set(); n = 0
for ln, line in enumerate(open(f'{HERE}/os112.jsonl', encoding='utf-8'), 1):
    try:
        it = json.loads(line)
    except Exception as ex:
        errors.append(f'line {ln}: bad JSON {ex}'); continue
    n += 1
    if list(it) != FIELDS: errors.append(f'line {ln}: fields {list(it)}')
    if not re.fullmatch(r'os112-\d{3}', it.get('id', '')): errors.append(f'line {ln}: id format')
    if it['id'] in seen: errors.append(f'line {ln}: duplicate id {it["id"]}')
    seen.add(it['id'])
    if it['lang'] not in {'en', 'es', 'pt'}: errors.append(f'{it["id"]}: lang {it["lang"]}')
    if not it['title'].strip(): errors.append(f'{it["id"]}: empty title')
    for e in it['entities']:
        if e not in ent_ids: errors.append(f'{it["id"]}: unknown entity {e}')
    for t in it['topics']:
        if t not in topic_ids: errors.append(f'{it["id"]}: unknown topic {t}')
    if len(set(it['entities'])) != len(it['entities']) or len(set(it['topics'])) != len(it['topics']):
        errors.append(f'{it["id"]}: duplicate label')
    m = re.match(r'^(positive|hard-negative|negative) \(.+\)$', it['note'])
    if not m: errors.append(f'{it["id"]}: note format')
    else:
        kind = m.group(1)
        if kind == 'positive' and not it['entities']: errors.append(f'{it["id"]}: positive without entity')
        if kind != 'positive' and it['entities']: errors.append(f'{it["id"]}: negative with entities')
    w = len(it['title'].split())
    if not 3 <= w <= 18: warnings.append(f'{it["id"]}: title has {w} words')
if n < 360: errors.append(f'only {n} items')

for w in warnings: print('warning:', w)
for e in errors: print('ERROR:', e)
print(f'{n} items, {len(ent_ids)} entities, {len(topic_ids)} topics:', 'FAIL' if errors else 'OK')
sys.exit(1 if errors else 0)
