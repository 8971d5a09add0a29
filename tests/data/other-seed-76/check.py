#!/usr/bin/env python3
"""Format checker for the os76 evaluation set (stdlib + PyYAML only; does not run the matcher)."""
import json, re, sys, collections
from pathlib import Path
import yaml

HERE = Path(__file__).resolve().parent
SLUG = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
errors = []

wl = yaml.safe_load((HERE / 'watchlist.yaml').read_text(encoding='utf-8'))
if not isinstance(wl, dict) or not wl.get('watchlist'):
    errors.append('watchlist.yaml: missing "watchlist" slug')
ents = [e['id'] for e in wl.get('entities', [])]
tops = [t['id'] for t in wl.get('topics', [])]
for kind, ids in (('entity', ents), ('topic', tops)):
    for i, n in collections.Counter(ids).items():
        if n > 1: errors.append(f'watchlist: duplicate {kind} id {i}')
    for i in ids:
        if not SLUG.match(i): errors.append(f'watchlist: bad {kind} id {i!r}')
for e in wl.get('entities', []):
    for k in ('id', 'name', 'type', 'priority', 'aliases'):
        if k not in e: errors.append(f'watchlist: entity {e.get("id")} lacks {k}')
    if e.get('type') not in ('person', 'organization', 'vessel', 'place', 'event', 'other'):
        errors.append(f'watchlist: entity {e.get("id")} bad type')
    if e.get('priority') not in ('low', 'medium', 'high', 'critical'):
        errors.append(f'watchlist: entity {e.get("id")} bad priority')
    for a in e.get('aliases', []):
        if not (isinstance(a, str) or (isinstance(a, dict) and isinstance(a.get('alias'), str))):
            errors.append(f'watchlist: entity {e.get("id")} bad alias {a!r}')
for t in wl.get('topics', []):
    if 'rule' not in t or 'name' not in t: errors.append(f'watchlist: topic {t.get("id")} lacks name/rule')
def walk(x):
    if isinstance(x, dict):
        if 'entity' in x and x['entity'] != '*' and x['entity'] not in ents:
            errors.append(f'watchlist: topic rule names unknown entity {x["entity"]}')
        for v in x.values(): walk(v)
    elif isinstance(x, list):
        for v in x: walk(v)
walk(wl.get('topics', []))
ents, tops = set(ents), set(tops)

ids, langs, n = set(), collections.Counter(), 0
KEYS = {'id', 'lang', 'title', 'summary', 'entities', 'topics', 'note'}
for ln, line in enumerate((HERE / 'os76.jsonl').read_text(encoding='utf-8').splitlines(), 1):
    if not line.strip():
        errors.append(f'os76.jsonl:{ln}: blank line'); continue
    try: d = json.loads(line)
    except json.JSONDecodeError as ex:
        errors.append(f'os76.jsonl:{ln}: bad JSON {ex}'); continue
    n += 1
    if set(d) != KEYS: errors.append(f'{ln}: keys {sorted(d)}')
    if not re.fullmatch(r'os76-\d{3}', str(d.get('id'))): errors.append(f'{ln}: bad id {d.get("id")}')
    if d.get('id') in ids: errors.append(f'{ln}: duplicate id {d["id"]}')
    ids.add(d.get('id'))
    if d.get('lang') not in ('en', 'es', 'pt'): errors.append(f'{ln}: bad lang {d.get("lang")}')
    langs[d.get('lang')] += 1
    if not isinstance(d.get('title'), str) or not d['title'].strip(): errors.append(f'{ln}: empty title')
    if not isinstance(d.get('summary'), str): errors.append(f'{ln}: summary not a string')
    for k, known in (('entities', ents), ('topics', tops)):
        v = d.get(k)
        if not isinstance(v, list): errors.append(f'{ln}: {k} not a list'); continue
        if len(v) != len(set(v)): errors.append(f'{ln}: duplicate {k}')
        for x in v:
            if x not in known: errors.append(f'{ln}: unknown {k[:-1]} id {x!r}')
    if not re.match(r'^(positive|hard-negative|negative)\b', str(d.get('note'))):
        errors.append(f'{ln}: note must start with positive|hard-negative|negative')
    if str(d.get('note')).startswith(('hard-negative', 'negative')) and d.get('entities'):
        errors.append(f'{ln}: a negative carries entity labels')
if n < 360: errors.append(f'only {n} items')

if errors:
    print('\n'.join(errors)); print(f'FAILED: {len(errors)} problem(s)'); sys.exit(1)
print(f'OK: {n} items {dict(langs)}; {len(ents)} entities, {len(tops)} topics; YAML parses')
