#!/usr/bin/env python3
"""Format checker for the os108 evaluation set (stdlib + PyYAML only).
Run: /work/main/.venv/bin/python /tmp/os108/check.py"""
import json, re, sys, os, collections
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
def err(msg): errors.append(msg)

# --- watchlist
wl = yaml.safe_load(open(os.path.join(HERE, 'watchlist.yaml'), encoding='utf-8'))
TOP = {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}
ENT = {'id', 'name', 'type', 'priority', 'aliases', 'requires', 'not_after', 'not_before',
       'unless', 'exclude', 'fuzzy'}
ALIAS = {'alias', 'case', 'requires', 'not_after', 'not_before', 'unless', 'exclude', 'fuzzy',
         'allow_after', 'listed'}
TOPIC = {'id', 'name', 'fields', 'rule', 'none_of'}
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
for k in wl:
    if k not in TOP: err('watchlist: unknown top-level key %r' % k)
if not isinstance(wl.get('watchlist'), str) or not slug.match(wl['watchlist']):
    err('watchlist: slug missing or bad')
ent_ids, top_ids = [], []
for e in wl.get('entities', []):
    for k in e:
        if k not in ENT: err('entity %s: unknown key %r' % (e.get('id'), k))
    if not slug.match(str(e.get('id', ''))): err('entity id bad: %r' % e.get('id'))
    if e.get('type') not in {'person', 'organization', 'vessel', 'place', 'event', 'other'}:
        err('entity %s: bad type' % e['id'])
    if e.get('priority') not in {'low', 'medium', 'high', 'critical'}:
        err('entity %s: bad priority' % e['id'])
    if not e.get('aliases'): err('entity %s: no aliases' % e['id'])
    for a in e.get('aliases', []):
        if isinstance(a, dict):
            for k in a:
                if k not in ALIAS: err('entity %s alias %r: unknown key %r' % (e['id'], a.get('alias'), k))
            if 'alias' not in a: err('entity %s: alias mapping without alias' % e['id'])
            if a.get('case', 'any') not in {'any', 'capitalized', 'exact'}:
                err('entity %s: bad case' % e['id'])
        elif not isinstance(a, str):
            err('entity %s: alias of wrong type %r' % (e['id'], a))
    ent_ids.append(e['id'])
for t in wl.get('topics', []):
    for k in t:
        if k not in TOPIC: err('topic %s: unknown key %r' % (t.get('id'), k))
    if not slug.match(str(t.get('id', ''))): err('topic id bad: %r' % t.get('id'))
    if 'rule' not in t: err('topic %s: no rule' % t['id'])
    top_ids.append(t['id'])
for name, ids in (('entity', ent_ids), ('topic', top_ids)):
    dup = [i for i, c in collections.Counter(ids).items() if c > 1]
    if dup: err('duplicate %s ids: %s' % (name, dup))
# entity conditions in topic rules must name entities of this file
def walk(x):
    if isinstance(x, dict):
        if 'entity' in x and x['entity'] != '*' and x['entity'] not in ent_ids:
            err('topic rule names unknown entity %r' % x['entity'])
        for v in x.values(): walk(v)
    elif isinstance(x, list):
        for v in x: walk(v)
walk(wl.get('topics'))
E, T = set(ent_ids), set(top_ids)

# --- items
ids = set(); langs = collections.Counter(); kinds = collections.Counter()
REQ = ['id', 'lang', 'title', 'summary', 'entities', 'topics', 'note']
n = 0
for ln, line in enumerate(open(os.path.join(HERE, 'os108.jsonl'), encoding='utf-8'), 1):
    if not line.strip(): err('line %d: blank line' % ln); continue
    try: it = json.loads(line)
    except Exception as ex: err('line %d: bad JSON: %s' % (ln, ex)); continue
    n += 1
    for k in REQ:
        if k not in it: err('line %d: missing %s' % (ln, k))
    if set(it) - set(REQ): err('line %d: extra keys %s' % (ln, set(it) - set(REQ)))
    if not re.match(r'^os108-\d{3}$', str(it.get('id'))): err('line %d: bad id %r' % (ln, it.get('id')))
    if it.get('id') in ids: err('line %d: duplicate id %s' % (ln, it['id']))
    ids.add(it.get('id'))
    if it.get('lang') not in ('en', 'es', 'pt'): err('line %d: bad lang %r' % (ln, it.get('lang')))
    langs[it.get('lang')] += 1
    if not isinstance(it.get('title'), str) or not it['title'].strip(): err('line %d: empty title' % ln)
    if not isinstance(it.get('summary'), str): err('line %d: summary not a string' % ln)
    for k, valid in (('entities', E), ('topics', T)):
        v = it.get(k)
        if not isinstance(v, list): err('line %d: %s not a list' % (ln, k)); continue
        for x in v:
            if x not in valid: err('line %d: unknown %s id %r' % (ln, k, x))
        if len(set(v)) != len(v): err('line %d: repeated %s' % (ln, k))
    m = re.match(r'^(positive|hard-negative|negative) \(.+\)$', str(it.get('note')))
    if not m: err('line %d: bad note %r' % (ln, it.get('note')))
    else:
        kinds[m.group(1)] += 1
        if m.group(1) != 'positive' and it.get('entities'):
            err('line %d: %s item with entities' % (ln, m.group(1)))
    w = len(str(it.get('title', '')).split())
    if not 3 <= w <= 20: err('line %d: title has %d words' % (ln, w))
if n < 360: err('only %d items (need >= 360)' % n)
if errors:
    print('\n'.join(errors)); print('FAIL: %d problem(s)' % len(errors)); sys.exit(1)
print('OK: %d items %s %s; %d entities, %d topics' % (n, dict(langs), dict(kinds), len(E), len(T)))
