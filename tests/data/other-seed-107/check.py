#!/usr/bin/env python3
"""Format checker for the os107 set: YAML parses, ids unique, langs valid, labels exist."""
import json, re, sys, os
import yaml
HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
wl = yaml.safe_load(open(os.path.join(HERE, 'watchlist.yaml'), encoding='utf-8'))
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ents = [e['id'] for e in wl['entities']]
tops = [t['id'] for t in wl['topics']]
for i in ents + tops:
    if not slug.match(i):
        errors.append(f'bad slug {i}')
if len(set(ents)) != len(ents) or len(set(tops)) != len(tops):
    errors.append('duplicate entity/topic id in watchlist')
for e in wl['entities']:
    if not e.get('aliases'):
        errors.append(f'{e["id"]}: no aliases')
    for k in ('name', 'type', 'priority'):
        if k not in e:
            errors.append(f'{e["id"]}: missing {k}')
ents, tops = set(ents), set(tops)
ids = set()
langs = {'en': 0, 'es': 0, 'pt': 0}
n = 0
for ln, line in enumerate(open(os.path.join(HERE, 'os107.jsonl'), encoding='utf-8'), 1):
    try:
        it = json.loads(line)
    except Exception as ex:
        errors.append(f'line {ln}: bad json {ex}'); continue
    n += 1
    keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
    if set(it) != keys:
        errors.append(f'line {ln}: keys {sorted(set(it) ^ keys)}')
    if not re.match(r'^os107-\d{3}$', it.get('id', '')):
        errors.append(f'line {ln}: bad id {it.get("id")}')
    if it.get('id') in ids:
        errors.append(f'line {ln}: duplicate id {it["id"]}')
    ids.add(it.get('id'))
    if it.get('lang') not in langs:
        errors.append(f'line {ln}: bad lang {it.get("lang")}')
    else:
        langs[it['lang']] += 1
    if not it.get('title'):
        errors.append(f'line {ln}: empty title')
    for e in it.get('entities', []):
        if e not in ents:
            errors.append(f'line {ln}: unknown entity {e}')
    for t in it.get('topics', []):
        if t not in tops:
            errors.append(f'line {ln}: unknown topic {t}')
    if not re.match(r'^(positive|hard-negative|negative) \(', it.get('note', '')):
        errors.append(f'line {ln}: note must start with positive|hard-negative|negative (')
    if it.get('note', '').startswith(('hard-negative', 'negative')) and it.get('entities'):
        errors.append(f'line {ln}: a negative with entities')
    if not it.get('note', '').startswith(('hard-negative', 'negative')) and not (it.get('entities') or it.get('topics')):
        errors.append(f'line {ln}: a positive with no label')
if n < 360:
    errors.append(f'only {n} items')
print(f'{n} items, langs {langs}, {len(ents)} entities, {len(tops)} topics')
if errors:
    print('\n'.join(errors)); sys.exit(1)
print('OK')
