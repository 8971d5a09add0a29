#!/usr/bin/env python3
"""Format checker for the os12 set: YAML parses, ids unique, langs valid, labels exist."""
import json, re, sys, os
import yaml
here = os.path.dirname(os.path.abspath(__file__))
errors = []
wl = yaml.safe_load(open(os.path.join(here, 'watchlist.yaml'), encoding='utf-8'))
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ents = [e['id'] for e in wl.get('entities', [])]
tops = [t['id'] for t in wl.get('topics', [])]
for k in ents + tops:
    if not slug.match(k): errors.append('bad slug %s' % k)
if len(set(ents)) != len(ents): errors.append('duplicate entity id')
if len(set(tops)) != len(tops): errors.append('duplicate topic id')
allowed_top = {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}
for k in wl:
    if k not in allowed_top: errors.append('unknown top-level key %s' % k)
for e in wl['entities']:
    if not e.get('aliases'): errors.append('entity %s has no alias' % e['id'])
    for k in ('name', 'type', 'priority'):
        if k not in e: errors.append('entity %s lacks %s' % (e['id'], k))
    if e.get('type') not in ('person', 'organization', 'vessel', 'place', 'event', 'other'):
        errors.append('entity %s bad type' % e['id'])
    if e.get('priority') not in ('low', 'medium', 'high', 'critical'):
        errors.append('entity %s bad priority' % e['id'])
def walk(c, where):
    if isinstance(c, dict):
        if 'entity' in c and c['entity'] != '*' and c['entity'] not in ents:
            errors.append('%s: unknown entity %s' % (where, c['entity']))
        for v in c.values(): walk(v, where)
    elif isinstance(c, list):
        for v in c: walk(v, where)
for t in wl['topics']:
    walk(t['rule'], t['id'])
ids = set(); n = 0; langs = {}
for ln, line in enumerate(open(os.path.join(here, 'os12.jsonl'), encoding='utf-8'), 1):
    try: it = json.loads(line)
    except Exception as ex: errors.append('line %d: bad json %s' % (ln, ex)); continue
    n += 1
    for k in ('id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'):
        if k not in it: errors.append('line %d: missing %s' % (ln, k))
    if it.get('id') in ids: errors.append('line %d: duplicate id %s' % (ln, it.get('id')))
    ids.add(it.get('id'))
    if not re.match(r'^os12-\d{3}$', it.get('id', '')): errors.append('line %d: bad id' % ln)
    if it.get('lang') not in ('en', 'es', 'pt'): errors.append('line %d: bad lang' % ln)
    langs[it.get('lang')] = langs.get(it.get('lang'), 0) + 1
    for e in it.get('entities', []):
        if e not in ents: errors.append('line %d: unknown entity %s' % (ln, e))
    for t in it.get('topics', []):
        if t not in tops: errors.append('line %d: unknown topic %s' % (ln, t))
    if len(set(it.get('entities', []))) != len(it.get('entities', [])): errors.append('line %d: dup entity' % ln)
    if not re.match(r'^(positive|hard-negative|negative)( |$)', it.get('note', '')):
        errors.append('line %d: note must start with positive|hard-negative|negative' % ln)
    nw = len(it.get('title', '').split())
    if not 4 <= nw <= 18: errors.append('line %d: title length %d words' % (ln, nw))
if n < 360: errors.append('only %d items' % n)
print('items', n, langs, 'entities', len(ents), 'topics', len(tops))
if errors:
    print('\n'.join(errors)); sys.exit(1)
print('OK')
