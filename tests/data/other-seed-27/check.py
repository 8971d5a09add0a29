#!/usr/bin/env python3
"""Format checker for the os27 set. Run with a Python that has PyYAML:
   /work/main/.venv/bin/python /tmp/os27/check.py"""
import json, re, sys, pathlib
import yaml

HERE = pathlib.Path(__file__).parent
errors = []
SLUG = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')

wl = yaml.safe_load((HERE / 'watchlist.yaml').read_text(encoding='utf-8'))
if not isinstance(wl, dict) or 'watchlist' not in wl:
    errors.append('watchlist.yaml: no watchlist key')
ent_ids = [e['id'] for e in wl.get('entities', [])]
top_ids = [t['id'] for t in wl.get('topics', [])]
for i in ent_ids + top_ids:
    if not SLUG.match(i):
        errors.append(f'bad slug {i}')
if len(set(ent_ids)) != len(ent_ids) or len(set(top_ids)) != len(top_ids):
    errors.append('duplicate entity or topic ids')
for e in wl.get('entities', []):
    if not e.get('aliases'):
        errors.append(f'{e["id"]}: no aliases')
    for a in e.get('aliases', []):
        if isinstance(a, dict) and 'alias' not in a:
            errors.append(f'{e["id"]}: alias mapping without alias')
ALLOWED_TOP = {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}
for k in wl:
    if k not in ALLOWED_TOP:
        errors.append(f'unknown top-level key {k}')

ids = set()
REQ = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
n = 0
for ln, line in enumerate((HERE / 'os27.jsonl').read_text(encoding='utf-8').splitlines(), 1):
    if not line.strip():
        continue
    n += 1
    try:
        r = json.loads(line)
    except Exception as ex:
        errors.append(f'line {ln}: bad JSON {ex}'); continue
    if set(r) != REQ:
        errors.append(f'line {ln}: keys {sorted(r)}')
    if not re.match(r'^os27-\d{3}$', r.get('id', '')):
        errors.append(f'line {ln}: bad id {r.get("id")}')
    if r.get('id') in ids:
        errors.append(f'line {ln}: duplicate id {r["id"]}')
    ids.add(r.get('id'))
    if r.get('lang') not in ('en', 'es', 'pt'):
        errors.append(f'line {ln}: bad lang {r.get("lang")}')
    if not isinstance(r.get('title'), str) or not r['title'].strip():
        errors.append(f'line {ln}: empty title')
    for k, valid in (('entities', ent_ids), ('topics', top_ids)):
        v = r.get(k)
        if not isinstance(v, list) or len(set(v)) != len(v):
            errors.append(f'line {ln}: {k} not a list of unique ids')
            continue
        for x in v:
            if x not in valid:
                errors.append(f'line {ln}: unknown {k[:-1]} id {x}')
    note = r.get('note', '')
    kind = note.split(' ')[0]
    if kind not in ('positive', 'hard-negative', 'negative') or '(' not in note:
        errors.append(f'line {ln}: bad note {note!r}')
    if kind == 'positive' and not r.get('entities'):
        errors.append(f'line {ln}: positive without entities')
    wc = len(r.get('title', '').split())
    if not 4 <= wc <= 18:
        errors.append(f'line {ln}: title has {wc} words')
if n < 360:
    errors.append(f'only {n} items')
if errors:
    print('\n'.join(errors)); print(f'FAIL ({len(errors)} problems)'); sys.exit(1)
print(f'OK: {n} items, {len(ent_ids)} entities, {len(top_ids)} topics')
