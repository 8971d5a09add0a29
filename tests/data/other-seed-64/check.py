#!/usr/bin/env python3
"""Format checker for the os64 evaluation set (does not run or score any matcher)."""
import json, re, sys, yaml
from pathlib import Path
HERE = Path(__file__).resolve().parent
errors = []
SLUG = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
try:
    wl = yaml.safe_load((HERE / 'watchlist.yaml').read_text(encoding='utf-8'))
except yaml.YAMLError as e:
    sys.exit(f'watchlist.yaml does not parse: {e}')
for key in ('watchlist', 'entities', 'topics'):
    if key not in wl: errors.append(f'watchlist: missing {key}')
allowed_top = {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}
for k in wl:
    if k not in allowed_top: errors.append(f'watchlist: unknown top-level key {k}')
ents, tops = [], []
for e in wl.get('entities', []):
    ents.append(e.get('id'))
    if not SLUG.match(str(e.get('id'))): errors.append(f'bad entity id {e.get("id")}')
    if e.get('type') not in ('person', 'organization', 'vessel', 'place', 'event', 'other'):
        errors.append(f'{e["id"]}: bad type')
    if e.get('priority') not in ('low', 'medium', 'high', 'critical'):
        errors.append(f'{e["id"]}: bad priority')
    if not e.get('aliases'): errors.append(f'{e["id"]}: no aliases')
    for a in e.get('aliases', []):
        if isinstance(a, dict) and 'alias' not in a: errors.append(f'{e["id"]}: alias mapping without alias')
for t in wl.get('topics', []):
    tops.append(t.get('id'))
    if not SLUG.match(str(t.get('id'))): errors.append(f'bad topic id {t.get("id")}')
    if 'rule' not in t: errors.append(f'{t["id"]}: no rule')
for name, ids in (('entity', ents), ('topic', tops)):
    if len(ids) != len(set(ids)): errors.append(f'duplicate {name} ids')
ents, tops = set(ents), set(tops)
seen = set()
KEYS = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
n = 0
for i, line in enumerate((HERE / 'os64.jsonl').read_text(encoding='utf-8').splitlines(), 1):
    if not line.strip(): continue
    n += 1
    try: r = json.loads(line)
    except json.JSONDecodeError as e:
        errors.append(f'line {i}: bad JSON {e}'); continue
    if set(r) != KEYS: errors.append(f'line {i}: keys {sorted(r)}')
    if not re.match(r'^os64-\d{3}$', str(r.get('id'))): errors.append(f'line {i}: bad id {r.get("id")}')
    if r.get('id') in seen: errors.append(f'line {i}: duplicate id {r["id"]}')
    seen.add(r.get('id'))
    if r.get('lang') not in ('en', 'es', 'pt'): errors.append(f'line {i}: bad lang {r.get("lang")}')
    if not isinstance(r.get('title'), str) or not r['title'].strip(): errors.append(f'line {i}: empty title')
    if not isinstance(r.get('summary'), str): errors.append(f'line {i}: summary not a string')
    for k, valid in (('entities', ents), ('topics', tops)):
        v = r.get(k)
        if not isinstance(v, list): errors.append(f'line {i}: {k} not a list'); continue
        if len(v) != len(set(v)): errors.append(f'line {i}: duplicate {k}')
        for x in v:
            if x not in valid: errors.append(f'line {i}: unknown {k[:-1]} id {x}')
    note = r.get('note', '')
    kind = note.split(' ')[0] if isinstance(note, str) else ''
    if kind not in ('positive', 'hard-negative', 'negative'): errors.append(f'line {i}: bad note {note!r}')
    if kind != 'positive' and r.get('entities'): errors.append(f'line {i}: {kind} item with entities')
if errors:
    print('\n'.join(errors)); print(f'FAIL: {len(errors)} problem(s)'); sys.exit(1)
print(f'OK: {n} items, {len(ents)} entities, {len(tops)} topics, watchlist parses')
