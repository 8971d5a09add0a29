#!/usr/bin/env python3
"""Format checker for the os26 evaluation set (does not run or score any matcher)."""
import hashlib, json, re, sys, collections
import yaml

D = '/tmp/os26/'
errors = []
wl = yaml.safe_load(open(D + 'watchlist.yaml', encoding='utf-8'))
ents = [e['id'] for e in wl.get('entities', [])]
tops = [t['id'] for t in wl.get('topics', [])]
slug = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
for i in ents + tops:
    if not slug.match(i):
        errors.append(f'bad slug {i}')
for name, ids in (('entity', ents), ('topic', tops)):
    for k, v in collections.Counter(ids).items():
        if v > 1:
            errors.append(f'duplicate {name} id {k}')
if set(wl) - {'watchlist', 'fuzzy', 'source', 'entities', 'topics'}:
    errors.append(f'unknown top-level keys {set(wl) - {"watchlist","fuzzy","source","entities","topics"}}')
if not 14 <= len(ents) <= 17:
    errors.append(f'{len(ents)} entities (want 14-17)')
if not 2 <= len(tops) <= 3:
    errors.append(f'{len(tops)} topics (want 2-3)')
try:
    want = open(D + '.watchlist.sha256').read().split()[0]
    if hashlib.sha256(open(D + 'watchlist.yaml', 'rb').read()).hexdigest() != want:
        errors.append('watchlist.yaml changed after it was frozen')
except FileNotFoundError:
    pass

keys = ['id', 'lang', 'title', 'summary', 'entities', 'topics', 'note']
seen = set()
n = 0
langs = collections.Counter()
for ln, line in enumerate(open(D + 'os26.jsonl', encoding='utf-8'), 1):
    try:
        r = json.loads(line)
    except json.JSONDecodeError as e:
        errors.append(f'line {ln}: bad JSON {e}')
        continue
    n += 1
    if list(r) != keys:
        errors.append(f'line {ln}: keys {list(r)}')
    rid = r.get('id')
    if not re.fullmatch(r'os26-\d{3}', str(rid)):
        errors.append(f'line {ln}: bad id {rid}')
    if rid in seen:
        errors.append(f'line {ln}: duplicate id {rid}')
    seen.add(rid)
    if r.get('lang') not in ('en', 'es', 'pt'):
        errors.append(f'{rid}: bad lang {r.get("lang")}')
    langs[r.get('lang')] += 1
    if not isinstance(r.get('title'), str) or not r['title'].strip():
        errors.append(f'{rid}: empty title')
    elif not 3 <= len(r['title'].split()) <= 18:
        errors.append(f'{rid}: title has {len(r["title"].split())} words')
    if not isinstance(r.get('summary'), str):
        errors.append(f'{rid}: summary not a string')
    for e in r.get('entities', []):
        if e not in ents:
            errors.append(f'{rid}: unknown entity {e}')
    for t in r.get('topics', []):
        if t not in tops:
            errors.append(f'{rid}: unknown topic {t}')
    if len(set(r['entities'])) != len(r['entities']) or len(set(r['topics'])) != len(r['topics']):
        errors.append(f'{rid}: repeated label')
    kind = r.get('note', '').split(' ')[0]
    if kind not in ('positive', 'hard-negative', 'negative'):
        errors.append(f'{rid}: note must start with positive|hard-negative|negative')
    if kind == 'positive' and not r['entities']:
        errors.append(f'{rid}: positive without entities')
    if kind != 'positive' and r['entities']:
        errors.append(f'{rid}: {kind} with entities')
if n < 360:
    errors.append(f'only {n} items')
for e in errors:
    print('ERROR', e)
print(f'{n} items {dict(langs)}; {len(ents)} entities, {len(tops)} topics; '
      + ('OK' if not errors else f'{len(errors)} errors'))
sys.exit(1 if errors else 0)
