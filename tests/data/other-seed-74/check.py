#!/usr/bin/env python3
"""Format checker for the os74 evaluation set (does not run or score any matcher)."""
import json, re, sys, os
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SLUG = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
errors = []

wl = yaml.safe_load(open(os.path.join(HERE, 'watchlist.yaml'), encoding='utf-8'))
for key in ('watchlist', 'entities', 'topics'):
    if key not in wl: errors.append(f'watchlist: missing {key}')
ents = [e['id'] for e in wl.get('entities', [])]
tops = [t['id'] for t in wl.get('topics', [])]
for i in ents + tops:
    if not SLUG.match(i): errors.append(f'watchlist: bad slug {i}')
if len(set(ents + tops)) != len(ents + tops): errors.append('watchlist: duplicate ids')
for e in wl.get('entities', []):
    if not e.get('aliases'): errors.append(f"entity {e['id']}: no aliases")
    if e.get('type') not in ('person', 'organization', 'vessel', 'place', 'event', 'other'):
        errors.append(f"entity {e['id']}: bad type")
    if e.get('priority') not in ('low', 'medium', 'high', 'critical'):
        errors.append(f"entity {e['id']}: bad priority")
    for a in e['aliases']:
        if isinstance(a, dict) and 'alias' not in a: errors.append(f"entity {e['id']}: alias mapping without alias")
def walk(c):
    if isinstance(c, dict):
        if 'entity' in c and c['entity'] != '*' and c['entity'] not in ents:
            errors.append(f"topic rule: unknown entity {c['entity']}")
        for v in c.values(): walk(v)
    elif isinstance(c, list):
        for v in c: walk(v)
for t in wl.get('topics', []):
    if 'rule' not in t: errors.append(f"topic {t['id']}: no rule")
    walk(t.get('rule'))
if not 14 <= len(ents) <= 17: errors.append(f'{len(ents)} entities (want 14-17)')
if not 2 <= len(tops) <= 3: errors.append(f'{len(tops)} topics (want 2-3)')

ids = set(); n = 0
FIELDS = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
for ln_no, line in enumerate(open(os.path.join(HERE, 'os74.jsonl'), encoding='utf-8'), 1):
    try:
        o = json.loads(line)
    except json.JSONDecodeError as ex:
        errors.append(f'line {ln_no}: bad JSON {ex}'); continue
    n += 1
    if set(o) != FIELDS: errors.append(f'line {ln_no}: fields {sorted(o)}')
    if not re.match(r'^os74-\d{3}$', o.get('id', '')): errors.append(f'line {ln_no}: bad id')
    if o.get('id') in ids: errors.append(f"line {ln_no}: duplicate id {o.get('id')}")
    ids.add(o.get('id'))
    if o.get('lang') not in ('en', 'es', 'pt'): errors.append(f'line {ln_no}: bad lang')
    if not isinstance(o.get('title'), str) or not o['title'].strip(): errors.append(f'line {ln_no}: empty title')
    if not isinstance(o.get('summary'), str): errors.append(f'line {ln_no}: summary not a string')
    for e in o.get('entities', []):
        if e not in ents: errors.append(f'line {ln_no}: unknown entity {e}')
    for t in o.get('topics', []):
        if t not in tops: errors.append(f'line {ln_no}: unknown topic {t}')
    if len(set(o.get('entities', []))) != len(o.get('entities', [])): errors.append(f'line {ln_no}: repeated entity')
    note = o.get('note', '')
    if not re.match(r'^(positive|hard-negative|negative) \(.+\)$', note): errors.append(f'line {ln_no}: bad note')
    if note.startswith(('hard-negative', 'negative')) and o.get('entities'):
        errors.append(f'line {ln_no}: negative with entities')
    if note.startswith('positive') and not (o.get('entities') or o.get('topics')):
        errors.append(f'line {ln_no}: positive without labels')
if n < 360: errors.append(f'only {n} items')
for e in errors: print('ERROR', e)
print(f'{n} items, {len(ents)} entities, {len(tops)} topics:', 'OK' if not errors else f'{len(errors)} errors')
sys.exit(1 if errors else 0)
