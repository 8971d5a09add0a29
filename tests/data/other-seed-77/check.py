#!/usr/bin/env python3
"""Format checker for the os77 evaluation set (no scoring)."""
import json, re, sys, collections, os
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
wl = yaml.safe_load(open(os.path.join(HERE, 'watchlist.yaml'), encoding='utf-8'))
ent_ids = [e['id'] for e in wl['entities']]
top_ids = [t['id'] for t in wl['topics']]
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
for i in ent_ids + top_ids:
    if not slug.match(i): errors.append(f'bad slug {i}')
if len(set(ent_ids)) != len(ent_ids): errors.append('duplicate entity id')
if len(set(top_ids)) != len(top_ids): errors.append('duplicate topic id')
for e in wl['entities']:
    if not e.get('aliases'): errors.append(f'{e["id"]}: no aliases')
ids = set(); langs = collections.Counter(); notes = collections.Counter()
ent_c = collections.Counter(); top_c = collections.Counter(); n = 0
keys = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
for ln, line in enumerate(open(os.path.join(HERE, 'os77.jsonl'), encoding='utf-8'), 1):
    try:
        r = json.loads(line)
    except Exception as ex:
        errors.append(f'line {ln}: bad json {ex}'); continue
    n += 1
    if set(r) != keys: errors.append(f'line {ln}: keys {sorted(r)}')
    if not re.match(r'^os77-\d{3}$', r.get('id', '')): errors.append(f'line {ln}: bad id')
    if r['id'] in ids: errors.append(f'line {ln}: duplicate id {r["id"]}')
    ids.add(r['id'])
    if r['lang'] not in ('en', 'es', 'pt'): errors.append(f'line {ln}: lang {r["lang"]}')
    langs[r['lang']] += 1
    if not r['title'].strip(): errors.append(f'line {ln}: empty title')
    for k, valid in (('entities', ent_ids), ('topics', top_ids)):
        if not isinstance(r[k], list): errors.append(f'line {ln}: {k} not list')
        elif len(set(r[k])) != len(r[k]): errors.append(f'line {ln}: duplicate {k}')
        for x in r[k]:
            if x not in valid: errors.append(f'line {ln}: unknown {k[:-1]} {x}')
    m = re.match(r'^(positive|hard-negative|negative) \(.+\)$', r['note'])
    if not m: errors.append(f'line {ln}: bad note {r["note"]!r}')
    else:
        notes[m.group(1)] += 1
        if m.group(1) != 'positive' and r['entities']:
            errors.append(f'line {ln}: negative with entities')
        if m.group(1) == 'positive' and not (r['entities'] or r['topics']):
            errors.append(f'line {ln}: positive without labels')
    ent_c.update(r['entities']); top_c.update(r['topics'])
print(f'items {n}; langs {dict(langs)}; notes {dict(notes)}')
print('entities:', {e: ent_c[e] for e in ent_ids})
print('topics:', {t: top_c[t] for t in top_ids})
if n < 360: errors.append(f'only {n} items')
for e in errors: print('ERROR', e)
print('FAIL' if errors else 'OK')
sys.exit(1 if errors else 0)
