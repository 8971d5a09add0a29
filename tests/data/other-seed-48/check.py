#!/usr/bin/env python3
"""Format checker for the os48 evaluation set (stdlib + PyYAML only)."""
import json, os, re, sys
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
wl = yaml.safe_load(open(os.path.join(HERE, 'watchlist.yaml'), encoding='utf-8'))
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
for k in wl:
    if k not in ('watchlist', 'fuzzy', 'source', 'entities', 'topics'):
        errors.append('watchlist: unknown top-level key %r' % k)
ents = [e['id'] for e in wl['entities']]
tops = [t['id'] for t in wl['topics']]
for i in ents + tops:
    if not slug.match(i):
        errors.append('bad slug %r' % i)
if len(set(ents + tops)) != len(ents + tops):
    errors.append('duplicate entity/topic id')
for e in wl['entities']:
    if not e.get('aliases'):
        errors.append('entity %s has no aliases' % e['id'])
    if e.get('type') not in ('person', 'organization', 'vessel', 'place', 'event', 'other'):
        errors.append('entity %s bad type' % e['id'])
    if e.get('priority') not in ('low', 'medium', 'high', 'critical'):
        errors.append('entity %s bad priority' % e['id'])

def walk(c):  # entity conditions inside topic rules must name a known entity
    if isinstance(c, dict):
        if 'entity' in c and c['entity'] != '*' and c['entity'] not in ents:
            errors.append('topic rule names unknown entity %r' % c['entity'])
        for v in c.values():
            walk(v)
    elif isinstance(c, list):
        for v in c:
            walk(v)
for t in wl['topics']:
    walk(t['rule'])

seen = set()
langs = {}
KEYS = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
for n, line in enumerate(open(os.path.join(HERE, 'os48.jsonl'), encoding='utf-8'), 1):
    try:
        o = json.loads(line)
    except ValueError as ex:
        errors.append('line %d: bad JSON (%s)' % (n, ex)); continue
    if set(o) != KEYS:
        errors.append('line %d: keys %s' % (n, sorted(o)))
    if not re.match(r'^os48-\d{3}$', o.get('id', '')):
        errors.append('line %d: bad id %r' % (n, o.get('id')))
    if o.get('id') in seen:
        errors.append('line %d: duplicate id %s' % (n, o['id']))
    seen.add(o.get('id'))
    if o.get('lang') not in ('en', 'es', 'pt'):
        errors.append('line %d: bad lang %r' % (n, o.get('lang')))
    langs[o.get('lang')] = langs.get(o.get('lang'), 0) + 1
    if not isinstance(o.get('title'), str) or not o['title'].strip():
        errors.append('line %d: empty title' % n)
    if not isinstance(o.get('summary'), str):
        errors.append('line %d: summary not a string' % n)
    for e in o.get('entities', []):
        if e not in ents:
            errors.append('line %d: unknown entity %r' % (n, e))
    for t in o.get('topics', []):
        if t not in tops:
            errors.append('line %d: unknown topic %r' % (n, t))
    if len(set(o.get('entities', []))) != len(o.get('entities', [])):
        errors.append('line %d: repeated entity' % n)
    if not re.match(r'^(positive|hard-negative|negative) \(.+\)$', o.get('note', '')):
        errors.append('line %d: bad note %r' % (n, o.get('note')))
    if o.get('note', '').startswith(('hard-negative', 'negative')) and o.get('entities'):
        errors.append('line %d: negative with entity labels' % n)
if len(seen) < 360:
    errors.append('only %d items' % len(seen))
for e in errors:
    print('ERROR', e)
print('items:', len(seen), 'per lang:', langs, 'entities:', len(ents), 'topics:', len(tops))
print('FAIL' if errors else 'OK')
sys.exit(1 if errors else 0)
